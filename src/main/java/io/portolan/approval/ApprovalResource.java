package io.portolan.approval;

import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Approvals in force, the ones expiring soon, and revocation. */
@RequestScoped
@Path("/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {
  @Inject TenantContext caller;
  @Inject ApprovalService approvals;

  @GET
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "Approvals in force, soonest expiry first; expiringWithinDays=30 lists those due to"
              + " expire")
  public PageView<ApprovalView> list(
      @Valid @BeanParam Filter filter, @Valid @BeanParam PageRequest page) {
    String team = filter.team;
    if (!caller.hasAnyRole(Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR)) {
      // Requesters see their own team's approvals only.
      if (team != null && !team.equals(caller.team())) {
        throw io.portolan.infrastructure.web.ProblemException.forbidden(
            ProblemTypes.NOT_YOUR_TEAM, "Requesters see only their own team's approvals.");
      }
      team = caller.team() == null ? "-" : caller.team();
    }
    return approvals.approvals(caller.tenant(), team, filter.expiringWithinDays, page);
  }

  /** Query filters; fields, not parameters, for Payara's OpenAPI scanner. */
  public static class Filter {
    @QueryParam("team")
    @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
    String team;

    @QueryParam("expiringWithinDays")
    @Min(value = 0, message = "must be between 0 and 3650")
    @Max(value = 3650, message = "must be between 0 and 3650")
    Integer expiringWithinDays;
  }

  @POST
  @Path("{id}/revoke")
  @RolesAllowed(Roles.COMPLIANCE_OFFICER)
  @Operation(summary = "Revoke an approval at once, with a reason")
  public ApprovalView revoke(
      @PathParam("id")
          @Pattern(
              regexp =
                  "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
              message = "must be a UUID")
          String id,
      @Valid @NotNull(message = "a JSON body is required") RevokeInput body) {
    return approvals.revoke(caller.tenant(), UUID.fromString(id), caller.userName(), body.reason());
  }
}
