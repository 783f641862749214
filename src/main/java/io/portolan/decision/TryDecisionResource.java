package io.portolan.decision;

import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
 * A person asks the decision API what a gateway would be told. It is a real decision, evaluated and
 * logged like a gateway's (no unlogged dry run exists), so its client is {@code user:<name>}:
 * auditors can tell it from gateway traffic.
 */
@RequestScoped
@Path("/decisions/try")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TryDecisionResource {
  static final String CLIENT_PREFIX = "user:";

  @Inject TenantContext caller;
  @Inject DecisionService decisions;

  @POST
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.COMPLIANCE_OFFICER})
  @Operation(
      summary =
          "Ask for a decision as a person (logged, client user:<name>); the tenant is the caller's")
  public DecisionResponse tryDecision(
      @Valid @NotNull(message = "a JSON body is required") DecisionRequest body) {
    return decisions.decide(caller.tenant(), CLIENT_PREFIX + caller.userName(), body);
  }
}
