package io.portolan.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tenants across the platform: the one endpoint family meant for the platform admin. */
@jakarta.enterprise.context.RequestScoped
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {
  @Inject TenantRegistry registry;

  @GET
  @RolesAllowed(Roles.PLATFORM_ADMIN)
  @Operation(summary = "List the tenants that have used Portolan")
  public List<TenantView> list() {
    return registry.list();
  }
}
