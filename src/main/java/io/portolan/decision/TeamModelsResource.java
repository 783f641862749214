package io.portolan.decision;

import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.inventory.TeamService;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every model a team may use now, for SDKs that choose a model before calling it. */
@RequestScoped
@Path("/teams/{team}/models")
@Produces(MediaType.APPLICATION_JSON)
public class TeamModelsResource {
  private static final String CLASSIFICATIONS = "public|internal|confidential|restricted";

  @Inject TenantContext caller;
  @Inject DecisionService decisions;
  @Inject TeamService teams;

  @GET
  @RolesAllowed({
    Roles.GATEWAY,
    Roles.REQUESTER,
    Roles.COMPLIANCE_OFFICER,
    Roles.TENANT_ADMIN,
    Roles.AUDITOR
  })
  @Operation(
      summary =
          "Models the team may use for a classification, region and task tier, with conditions")
  public UsableModels list(
      @PathParam("team") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String team,
      @QueryParam("dataClassification")
          @NotNull(message = "is required")
          @Pattern(
              regexp = CLASSIFICATIONS,
              message = "must be one of: public, internal, confidential, restricted")
          String dataClassification,
      @QueryParam("region")
          @NotNull(message = "is required")
          @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE)
          String region,
      @QueryParam("taskTier")
          @Pattern(
              regexp = "routine|standard|critical",
              message = "must be one of: routine, standard, critical")
          String taskTier,
      @QueryParam("purpose")
          @NotNull(message = "is required")
          @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
          String purpose) {
    requireTeamAccess(team);
    teams.get(caller.tenant(), team); // 404 for a team this tenant does not have
    return decisions.usableModels(
        caller.tenant(), team, purpose, dataClassification, region, taskTier);
  }

  /**
   * Requesters see only their own team's list; gateways, officers, admins and auditors any team's.
   */
  private void requireTeamAccess(String team) {
    boolean requesterOnly =
        !caller.isGateway()
            && !caller.hasAnyRole(Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR);
    if (requesterOnly && !team.equals(caller.team())) {
      throw ProblemException.forbidden(
          ProblemTypes.NOT_YOUR_TEAM, "Requesters may list only their own team's models.");
    }
  }
}
