package io.portolan.notice;

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
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The notices given to the tenant's teams, newest first. */
@RequestScoped
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {
  @Inject TenantContext caller;
  @Inject NoticeRepository repository;

  @GET
  @Transactional
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "Notices to teams (suspensions, announced cut-offs 30 and 7 days ahead and on the day,"
              + " approvals expiring within 7 days), each with the models to move to; requesters"
              + " see their own team's")
  public PageView<NoticeView> list(
      @QueryParam("team") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String team,
      @QueryParam("kind")
          @Pattern(
              regexp = "suspension|cut_off|approval_expiring|budget",
              message = "must be suspension, cut_off, approval_expiring or budget")
          String kind,
      @Valid @BeanParam PageRequest page) {
    if (caller.hasAnyRole(Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR)) {
      return repository.list(caller.tenant(), team, kind, page);
    }
    // Requesters read their own team's notices only; one without a team has none.
    String own = caller.team();
    if (team != null && !team.equals(own)) {
      throw ProblemException.forbidden(
          ProblemTypes.NOT_YOUR_TEAM, "Requesters may read only their own team's notices.");
    }
    return own == null
        ? new PageView<>(List.of(), 0, page.page(), page.size())
        : repository.list(caller.tenant(), own, kind, page);
  }
}
