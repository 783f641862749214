package io.portolan.usage;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Csv;
import io.portolan.ledger.ExportStream;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Auditors and tenant admins export reported usage and its manifest. */
@RequestScoped
@Path("/audit/usage")
public class UsageLogResource {
  @Inject TenantContext caller;
  @Inject UsageLogReader usage;

  @GET
  @Produces({ExportStream.NDJSON, ExportStream.CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Reported usage with the decision's team, as CSV or NDJSON, streamed, filtered by time,"
              + " team, model")
  public Response export(
      @Valid @BeanParam UsageLogFilter filter,
      @QueryParam("format") @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson")
          String format,
      @HeaderParam("Accept") String accept) {
    TenantId tenant = caller.tenant();
    java.time.Instant from = filter.from();
    java.time.Instant to = filter.to();
    String header =
        Csv.row(
            "id",
            "decisionId",
            "reportedAt",
            "team",
            "model",
            "inputTokens",
            "outputTokens",
            "latencyMs",
            "costMicros",
            "clientId",
            "idempotencyKey");
    return ExportStream.response(
        "usage",
        ExportStream.wantsCsv(format, accept),
        header,
        UsageLogResource::csvRow,
        rows -> usage.stream(tenant, from, to, filter.team, filter.model, rows));
  }

  @GET
  @Path("manifest")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary = "What a usage export with the same filters holds: row count, first and last hash")
  public Map<String, Object> manifest(@Valid @BeanParam UsageLogFilter filter) throws Exception {
    return usage.manifest(caller.tenant(), filter.from(), filter.to(), filter.team, filter.model);
  }

  private static String csvRow(UsageLogReader.Usage u) {
    return Csv.row(
        Long.toString(u.id()),
        u.decisionId(),
        u.reportedAt().toString(),
        u.team(),
        u.model(),
        Integer.toString(u.inputTokens()),
        Integer.toString(u.outputTokens()),
        Integer.toString(u.latencyMs()),
        u.costMicros() == null ? "" : u.costMicros().toString(),
        u.clientId(),
        u.idempotencyKey());
  }
}
