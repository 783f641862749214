package io.portolan.inventory;

import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.Slugs;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's model teams. Everyone of the tenant reads; officers and admins write. */
@jakarta.enterprise.context.RequestScoped
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {
  @Inject TenantContext caller;
  @Inject TeamService teams;

  @GET
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "List teams")
  public PageView<TeamView> list(@Valid @BeanParam PageRequest page) {
    return teams.list(caller.tenant(), page);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "Get a team")
  public TeamView get(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return teams.get(caller.tenant(), id);
  }

  @POST
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Create a team")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") TeamInput body, @Context UriInfo uri) {
    TeamView created = teams.create(caller.tenant(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Replace a team")
  public TeamView update(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
      @Valid @NotNull(message = "a JSON body is required") TeamInput body) {
    return teams.update(caller.tenant(), id, body);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Delete a team")
  public Response delete(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    teams.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
