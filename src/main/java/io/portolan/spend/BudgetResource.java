package io.portolan.spend;

import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Monthly budgets, enforced in the decision: officers, admins and auditors read them; officers and
 * admins set them.
 */
@RequestScoped
@Path("/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {
  /** The answer of a listing. */
  public record Budgets(List<Budget> items) {}

  @Inject TenantContext caller;
  @Inject BudgetService budgets;

  @GET
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "List monthly budgets with this month's spend and state (ok, warning, exceeded), of every"
              + " team or one")
  public Budgets list(
      @QueryParam("team") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String team) {
    return new Budgets(budgets.list(caller.tenant(), team));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "Get a budget with this month's spend")
  public Budget get(
      @PathParam("id") @Pattern(regexp = PriceResource.UUID, message = "must be a UUID")
          String id) {
    return budgets.get(caller.tenant(), id);
  }

  @POST
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Set a monthly budget for a team, or for a team's use of one vendor")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") BudgetInput body, @Context UriInfo uri) {
    Budget created = budgets.create(caller.tenant(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Change a budget's limit, currency or what happens over it")
  public Budget update(
      @PathParam("id") @Pattern(regexp = PriceResource.UUID, message = "must be a UUID") String id,
      @Valid @NotNull(message = "a JSON body is required") BudgetInput body) {
    return budgets.update(caller.tenant(), id, body);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Delete a budget")
  public Response delete(
      @PathParam("id") @Pattern(regexp = PriceResource.UUID, message = "must be a UUID")
          String id) {
    budgets.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
