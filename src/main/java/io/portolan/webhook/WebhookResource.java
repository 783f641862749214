package io.portolan.webhook;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's outbound webhook for approval events, and what was delivered. */
@RequestScoped
@Path("/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {
  @Inject TenantContext caller;
  @Inject WebhookService webhooks;

  @PUT
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(
      summary =
          "Set the endpoint; the signing secret is in this answer only, when created or rotated")
  public WebhookView configure(
      @Valid @NotNull(message = "a JSON body is required") WebhookInput body) {
    return webhooks.configure(caller.tenant(), body);
  }

  @GET
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.COMPLIANCE_OFFICER})
  @Operation(summary = "The endpoint (never the secret)")
  public WebhookView get() {
    return webhooks.get(caller.tenant());
  }

  @DELETE
  @RolesAllowed(Roles.TENANT_ADMIN)
  @Operation(summary = "Stop sending events")
  public Response delete() {
    webhooks.delete(caller.tenant());
    return Response.noContent().build();
  }

  @GET
  @Path("deliveries")
  @RolesAllowed({Roles.TENANT_ADMIN, Roles.COMPLIANCE_OFFICER})
  @Operation(summary = "Deliveries, newest first, with attempts and the last error")
  public PageView<Map<String, Object>> deliveries(
      @QueryParam("status")
          @Pattern(
              regexp = "pending|delivered|failed",
              message = "must be pending, delivered or failed")
          String status,
      @Valid @BeanParam PageRequest page) {
    return webhooks.deliveries(caller.tenant(), status, page);
  }
}
