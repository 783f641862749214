package io.portolan.alias;

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
import jakarta.ws.rs.DefaultValue;
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
 * Aliases: every role of the tenant but gateways reads them (requesters pick names to call);
 * officers and admins create, draft, preview and publish them.
 */
@RequestScoped
@Path("/aliases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AliasResource {
  /** The answer of a listing. */
  public record Aliases(List<Alias> items) {}

  @Inject TenantContext caller;
  @Inject AliasService aliases;
  @Inject AliasImpact impact;

  @GET
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.REQUESTER})
  @Operation(summary = "List aliases with their published candidates and any draft")
  public Aliases list() {
    return new Aliases(aliases.list(caller.tenant()));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.REQUESTER})
  @Operation(summary = "Get an alias")
  public Alias get(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return aliases.get(caller.tenant(), id);
  }

  @POST
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Create an alias, published at once (no call can have asked for it yet)")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") AliasInput body, @Context UriInfo uri) {
    Alias created = aliases.create(caller.tenant(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{id}/draft")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Draft new candidates for an alias; decisions resolve by the published ones until it is"
              + " published")
  public Alias draft(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
      @Valid @NotNull(message = "a JSON body is required") AliasInput body) {
    return aliases.draft(caller.tenant(), id, body, caller.userName());
  }

  @DELETE
  @Path("{id}/draft")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Discard an alias's draft")
  public Alias discard(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return aliases.discardDraft(caller.tenant(), id);
  }

  @GET
  @Path("{id}/impact")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "The draft's impact: the last 7 days' calls for the alias, and which would resolve"
              + " elsewhere (409 without a draft)")
  public AliasImpact.Impact impact(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return impact.impact(caller.tenant(), id);
  }

  @GET
  @Path("{id}/resolution")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.REQUESTER})
  @Operation(
      summary =
          "Where the alias resolves per team, purpose and data classification in a region,"
              + " published and drafted")
  public AliasImpact.ResolutionTable resolution(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
      @QueryParam("region")
          @DefaultValue("eu")
          @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE)
          String region) {
    return impact.resolution(caller.tenant(), id, region);
  }

  @POST
  @Path("{id}/publish")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Publish an alias's draft: the next decision on any replica resolves by it (409 without a"
              + " draft)")
  public Alias publish(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return aliases.publish(caller.tenant(), id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Delete an alias: questions for it are then denied model_unknown")
  public Response delete(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    aliases.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
