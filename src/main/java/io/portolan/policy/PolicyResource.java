package io.portolan.policy;

import io.portolan.infrastructure.web.RefuseNullFields;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenant's sovereignty settings: a draft, published as immutable revisions. */
@RequestScoped
@Path("/policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {
  @Inject TenantContext caller;
  @Inject PolicyService policy;
  @Inject ImpactAnalysis impact;

  @GET
  @Path("settings")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR, Roles.REQUESTER})
  @Operation(summary = "The draft settings (the published ones until someone edits)")
  public PolicySettings settings() {
    return policy.draft(caller.tenant());
  }

  @PUT
  @Path("settings")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(summary = "Replace the draft settings; decisions change only when it is published")
  @RefuseNullFields
  public PolicySettings saveSettings(
      @NotNull(message = "a JSON body is required") PolicySettings body) {
    return policy.saveDraft(caller.tenant(), body, caller.userName());
  }

  @POST
  @Path("impact")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "How many logged decisions the draft would flip, with examples (default: last 7 days)")
  public ImpactReport impact(ImpactRequest body) {
    return impact.analyse(caller.tenant(), body);
  }

  @GET
  @Path("revisions")
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(summary = "Published revisions, newest first")
  public List<RevisionView> revisions() {
    return policy.revisions(caller.tenant());
  }

  @POST
  @Path("revisions")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.COMPLIANCE_OFFICER)
  @Operation(summary = "Publish the draft as the next revision")
  public Response publish() {
    RevisionView revision = policy.publish(caller.tenant(), caller.userName());
    return Response.status(201).entity(revision).build();
  }

  @POST
  @Path("revisions/{number}/rollback")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Roles.COMPLIANCE_OFFICER)
  @Operation(summary = "Publish an earlier revision's settings again, as a new revision")
  public Response rollback(
      @PathParam("number") @Min(value = 1, message = "must be 1 or more") int number) {
    RevisionView revision = policy.rollback(caller.tenant(), number, caller.userName());
    return Response.status(201).entity(revision).build();
  }
}
