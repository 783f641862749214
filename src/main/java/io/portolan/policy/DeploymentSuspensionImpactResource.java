package io.portolan.policy;

import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The blast radius of suspending a deployment, shown before the switch. */
@RequestScoped
@Path("/deployments/{id}/suspension-impact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
public class DeploymentSuspensionImpactResource {
  @Inject TenantContext caller;
  @Inject SuspensionImpact impact;

  @GET
  @Operation(
      summary =
          "What suspending a deployment would do: the approved uses no other deployment of its"
              + " model can serve under the published deployment rules, the teams holding them with"
              + " each one's best alternative, and the decisions of the last 7 days that would"
              + " flip")
  public SuspensionImpactView preview(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return impact.ofDeployment(caller.tenant(), id);
  }
}
