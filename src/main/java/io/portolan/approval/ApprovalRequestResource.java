package io.portolan.approval;

import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Requests for approval: requesters submit and track, compliance officers decide. */
@RequestScoped
@Path("/approval-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalRequestResource {
  private static final String UUID_PATTERN =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final String UUID_MESSAGE = "must be a UUID";

  @Inject TenantContext caller;
  @Inject ApprovalService approvals;

  @POST
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary = "Ask for a model for a team, purpose and classification; the policy pre-checks it")
  public Response submit(
      @Valid @NotNull(message = "a JSON body is required") ApprovalRequestInput body,
      @Context UriInfo uri) {
    if (!caller.hasAnyRole(Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN)
        && !body.team().equals(caller.team())) {
      throw ProblemException.forbidden(
          ProblemTypes.NOT_YOUR_TEAM, "Requesters may ask only for their own team.");
    }
    ApprovalRequestView created = approvals.submit(caller.tenant(), caller.userName(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "The queue: requests filtered by status and team, oldest first; requesters see their"
              + " team's")
  public PageView<ApprovalRequestView> list(
      @QueryParam("status")
          @Pattern(
              regexp = "pending|approved|rejected|withdrawn",
              message = "must be one of: pending, approved, rejected, withdrawn")
          String status,
      @QueryParam("team") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String team,
      @Valid @BeanParam PageRequest page) {
    return approvals.list(caller.tenant(), status, visibleTeam(team), page);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "A request with its pre-check findings and whole history")
  public ApprovalRequestView get(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE) String id) {
    ApprovalRequestView request = approvals.get(caller.tenant(), UUID.fromString(id));
    if (isRequesterOnly() && !request.team().equals(caller.team())) {
      throw ProblemException.notFound("approval request", id);
    }
    return request;
  }

  @POST
  @Path("{id}/decision")
  @RolesAllowed(Roles.COMPLIANCE_OFFICER)
  @Operation(summary = "Approve (with conditions) or reject; high-risk requests need two officers")
  public ApprovalRequestView decide(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE) String id,
      @Valid @NotNull(message = "a JSON body is required") DecisionInput body) {
    return approvals.decide(caller.tenant(), UUID.fromString(id), caller.userName(), body);
  }

  @POST
  @Path("{id}/withdraw")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "The requester withdraws a pending request")
  public ApprovalRequestView withdraw(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE) String id) {
    return approvals.withdraw(caller.tenant(), UUID.fromString(id), caller.userName());
  }

  private String visibleTeam(String team) {
    if (!isRequesterOnly()) {
      return team;
    }
    if (team != null && !team.equals(caller.team())) {
      throw ProblemException.forbidden(
          ProblemTypes.NOT_YOUR_TEAM, "Requesters see only their own team's requests.");
    }
    return caller.team() == null ? "-" : caller.team();
  }

  private boolean isRequesterOnly() {
    return !caller.hasAnyRole(Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR);
  }
}
