package io.portolan.policy;

import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Impact analyses of the draft as server-side jobs: start, follow, cancel, reopen. */
@RequestScoped
@Path("/policy/impact/analyses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
public class ImpactJobResource {
  private static final String UUID_PATTERN =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final String UUID_MESSAGE = "must be a UUID";

  @Inject TenantContext caller;
  @Inject ImpactJobs jobs;

  @POST
  @Operation(
      summary =
          "Start an impact analysis of the draft over the logged decisions of a window (default:"
              + " last 7 days)")
  @APIResponse(responseCode = "202", description = "Queued; follow it at the Location")
  @APIResponse(
      responseCode = "409",
      description = "The tenant already has as many unfinished analyses as allowed")
  public Response start(
      @NotNull(message = "a JSON body is required") ImpactRequest body, @Context UriInfo uri) {
    ImpactJobView job = jobs.start(caller.tenant(), body, caller.userName());
    return Response.accepted(job)
        .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
        .build();
  }

  @GET
  @Operation(summary = "The tenant's impact analyses, newest first (without their reports)")
  public PageView<ImpactJobView> list(@Valid @BeanParam PageRequest page) {
    return jobs.recent(caller.tenant(), page.page(), page.size());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "An impact analysis: status, progress and, when done, its report")
  public ImpactJobView get(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE) String id) {
    return jobs.get(caller.tenant(), UUID.fromString(id));
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Cancel an impact analysis; a running one stops at its next batch, on whichever replica"
              + " runs it")
  public ImpactJobView cancel(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE) String id) {
    return jobs.cancel(caller.tenant(), UUID.fromString(id));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary =
          "Cancel an impact analysis (as POST .../cancel); the record stays and can be reopened")
  public Response delete(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = UUID_MESSAGE) String id) {
    jobs.cancel(caller.tenant(), UUID.fromString(id));
    return Response.noContent().build();
  }
}
