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

/** The blast radius of suspending a vendor, shown before the switch. */
@RequestScoped
@Path("/vendors/{id}/suspension-impact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
public class VendorSuspensionImpactResource {
  @Inject TenantContext caller;
  @Inject SuspensionImpact impact;

  @GET
  @Operation(
      summary =
          "What suspending a vendor would do: approvals and teams affected, each team's best"
              + " alternative, and the decisions of the last 7 days that would flip;"
              + " scope=vendor-operated previews a suspension of the vendor's own endpoints only")
  public SuspensionImpactView preview(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
      @jakarta.ws.rs.QueryParam("scope")
          @jakarta.ws.rs.DefaultValue("all")
          @Pattern(regexp = "all|vendor-operated", message = "must be all or vendor-operated")
          String scope) {
    return impact.ofVendor(caller.tenant(), id, scope);
  }
}
