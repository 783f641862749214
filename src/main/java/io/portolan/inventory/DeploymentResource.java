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

/**
 * Where the tenant's models run. Everyone of the tenant reads; officers and admins write, as for
 * models.
 */
@jakarta.enterprise.context.RequestScoped
@Path("/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeploymentResource {
  @Inject TenantContext caller;
  @Inject DeploymentService deployments;

  @GET
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "List deployments, filtered by model, operator or status")
  public PageView<DeploymentView> list(
      @Valid @BeanParam DeploymentFilter filter, @Valid @BeanParam PageRequest page) {
    return deployments.list(caller.tenant(), filter, page);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.REQUESTER, Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "Get a deployment")
  public DeploymentView get(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    return deployments.get(caller.tenant(), id);
  }

  @POST
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Create a deployment")
  public Response create(
      @Valid @NotNull(message = "a JSON body is required") DeploymentInput body,
      @Context UriInfo uri) {
    DeploymentView created = deployments.create(caller.tenant(), body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Replace a deployment")
  public DeploymentView update(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id,
      @Valid @NotNull(message = "a JSON body is required") DeploymentInput body) {
    return deployments.update(caller.tenant(), id, body);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Delete a deployment")
  public Response delete(
      @PathParam("id") @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE) String id) {
    deployments.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
