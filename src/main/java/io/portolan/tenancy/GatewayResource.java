package io.portolan.tenancy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's gateway credentials: tenant admins issue, rotate and revoke; auditors read. */
@jakarta.enterprise.context.RequestScoped
@Path("/gateways")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GatewayResource {
  private static final String ID = GatewayInput.ID;
  private static final String ID_MESSAGE = GatewayInput.ID_MESSAGE;

  @Inject TenantContext caller;
  @Inject GatewayService gateways;

  @GET
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "List the tenant's gateway credentials (never their secrets)")
  public List<GatewayView> list() {
    return gateways.list(caller.tenant());
  }

  @POST
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Issue a gateway credential; the answer carries its secret, shown this once")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") GatewayInput body,
      @Context UriInfo uri) {
    GatewayCredential issued = gateways.create(caller.tenant(), body, caller.userName());
    return Response.created(uri.getAbsolutePathBuilder().path(issued.gateway().id()).build())
        .header("Cache-Control", "no-store")
        .entity(issued)
        .build();
  }

  @POST
  @Path("{id}/rotate-secret")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(
      summary =
          "Replace a gateway's secret; the old one stops working at once, the new one is shown this"
              + " once")
  public Response rotate(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    return Response.ok(gateways.rotate(caller.tenant(), id))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Revoke a gateway credential: its client is removed from Keycloak")
  public Response delete(@PathParam("id") @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    gateways.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
