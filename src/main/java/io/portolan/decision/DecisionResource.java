package io.portolan.decision;

import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Gateways ask here whether a team may use a model for a purpose; one instance serves every
 * request.
 */
@ApplicationScoped
@Path("/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {
  @Inject TenantContext caller;
  @Inject DecisionService decisions;

  @POST
  @RolesAllowed(Roles.GATEWAY)
  @Operation(summary = "Decide whether a team may use a model; the tenant is the gateway's")
  public DecisionResponse decide(
      @Valid @NotNull(message = "a JSON body is required") DecisionRequest body) {
    return decisions.decide(caller.tenant(), caller.clientId(), body);
  }
}
