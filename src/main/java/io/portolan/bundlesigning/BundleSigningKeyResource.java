package io.portolan.bundlesigning;

import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The keys the tenant's OPA bundles are signed with: the public halves, which an admin gives each
 * sidecar ({@code keys} in deploy/opa-sidecar/opa-config.yaml), and rotation.
 */
@RequestScoped
@Path("/bundle-signing/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BundleSigningKeyResource {
  @Inject TenantContext caller;
  @Inject BundleSigningKeys keys;

  @GET
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "The tenant's bundle signing keys, newest first: id, algorithm, public key (PEM), from"
              + " when each signs")
  public List<SigningKeyView> list() {
    keys.signingKey(caller.tenant()); // a tenant that never fetched a bundle has its key made now
    return keys.list(caller.tenant());
  }

  @POST
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(
      summary =
          "Rotate: a new key that signs from activeFrom (default now); older keys stay listed")
  public Response rotate(@Valid @NotNull(message = "a JSON body is required") RotationInput body) {
    return Response.status(Response.Status.CREATED)
        .entity(keys.rotate(caller.tenant(), body.activeFrom()))
        .build();
  }
}
