package io.portolan.spend;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.web.ProblemException;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The price list: everyone of the tenant reads it; officers and admins write it, as the inventory.
 */
@RequestScoped
@Path("/prices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PriceResource {
  static final String UUID =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  /** The answer of a listing. */
  public record Prices(List<Price> items) {}

  @Inject TenantContext caller;
  @Inject PriceService prices;
  @Inject LiteLlmPriceImport liteLlm;

  @GET
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary = "List prices per million tokens, of every model or of one, with their validity")
  public Prices list(
      @QueryParam("model") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String model) {
    return new Prices(prices.list(caller.tenant(), model));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "Get a price")
  public Price get(@PathParam("id") @Pattern(regexp = UUID, message = "must be a UUID") String id) {
    return prices.get(caller.tenant(), id);
  }

  @POST
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary = "Add a price; it ends the model's open-ended price before it at its validFrom")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") PriceInput body, @Context UriInfo uri) {
    Price created = prices.create(caller.tenant(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Delete a price")
  public Response delete(
      @PathParam("id") @Pattern(regexp = UUID, message = "must be a UUID") String id) {
    prices.delete(caller.tenant(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("import")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Price the tenant's models from LiteLLM's model price map (USD, up to 16 MiB), from"
              + " validFrom (default now)")
  public LiteLlmPriceImport.Result importLiteLlm(
      JsonNode body, @QueryParam("validFrom") String validFrom) {
    return liteLlm.importMap(caller.tenant(), body, instant("validFrom", validFrom));
  }

  private static Instant instant(String parameter, String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.badRequest(
          parameter, "must be an ISO-8601 time such as 2026-12-01T00:00:00Z");
    }
  }
}
