package io.portolan.audit;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Csv;
import io.portolan.ledger.ChainedLog;
import io.portolan.ledger.ExportStream;
import io.portolan.ledger.TimeWindow;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
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

/**
 * Auditors and tenant admins read the admin audit trail (exports and their manifest) and verify any
 * of the tenant's chained logs. The decision and usage logs are exported by their own features.
 */
@RequestScoped
@Path("/audit")
public class AuditResource {
  @Inject TenantContext caller;
  @Inject ChangeLogReader changes;
  @Inject Instance<ChainedLog> logs;

  @GET
  @Path("changes")
  @Produces({ExportStream.NDJSON, ExportStream.CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "The admin audit trail (who changed what, before and after) as CSV or NDJSON, streamed")
  public Response changes(
      @Valid @BeanParam ChangeLogFilter filter,
      @QueryParam("format") @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson")
          String format,
      @HeaderParam("Accept") String accept) {
    TenantId tenant = caller.tenant();
    java.time.Instant from = filter.from();
    java.time.Instant to = filter.to();
    String header =
        Csv.row(
            "seq",
            "id",
            "at",
            "actor",
            "action",
            "entityType",
            "entityId",
            "before",
            "after",
            "hash");
    return ExportStream.response(
        "changes",
        ExportStream.wantsCsv(format, accept),
        header,
        AuditResource::csvRow,
        rows -> changes.stream(tenant, from, to, filter.actor, filter.entityType, rows));
  }

  @GET
  @Path("changes/manifest")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "What a changes export with the same filters holds: row count, time range, first and last"
              + " hash")
  public Map<String, Object> changesManifest(@Valid @BeanParam ChangeLogFilter filter)
      throws Exception {
    return changes.manifest(
        caller.tenant(), filter.from(), filter.to(), filter.actor, filter.entityType);
  }

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Recompute a log's hash chain over a window (log=decisions, changes or usage) and name"
              + " the first broken entry")
  public Map<String, Object> verify(
      @Valid @BeanParam TimeWindow window,
      @QueryParam("log")
          @Pattern(
              regexp = "decisions|changes|usage",
              message = "must be decisions, changes or usage")
          String log)
      throws Exception {
    String name = log == null ? "decisions" : log;
    ChainedLog chained = logs.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    return chained.verify(caller.tenant(), window.from(), window.to());
  }

  private static String csvRow(ChangeLogReader.Change change) {
    return Csv.row(
        Long.toString(change.seq()),
        change.id(),
        change.at().toString(),
        change.actor(),
        change.action(),
        change.entityType(),
        change.entityId(),
        String.valueOf(change.before()),
        String.valueOf(change.after()),
        change.hash());
  }
}
