package io.portolan.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Csv;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Auditors and tenant admins read the decision log: exports, their manifest, chain verification;
 * they and compliance officers also search it page by page and open single decisions.
 */
@RequestScoped
@Path("/audit")
public class AuditResource {
  static final String CSV = ExportStream.CSV;
  static final String NDJSON = ExportStream.NDJSON;
  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  @Inject TenantContext caller;
  @Inject DecisionLogReader reader;
  @Inject ChangeLogReader changes;
  @Inject UsageLogReader usage;
  @Inject DecisionSearch search;

  @GET
  @Path("decisions")
  @Produces({NDJSON, CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Logged decisions as CSV or NDJSON (format= or Accept), streamed, filtered by time, team,"
              + " model, deployment, alias, outcome, source, obligation")
  public Response decisions(
      @Valid @BeanParam DecisionLogFilter filter,
      @QueryParam("format") @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson")
          String format,
      @HeaderParam("Accept") String accept) {
    boolean csv = ExportStream.wantsCsv(format, accept);
    TenantId tenant = caller.tenant();
    filter.from(); // a bad time answers 400 now, not halfway through the stream
    filter.to();
    String header =
        Csv.row(
            "id",
            "seq",
            "evaluatedAt",
            "team",
            "model",
            "purpose",
            "dataClassification",
            "region",
            "taskTier",
            "allow",
            "reasons",
            "obligations",
            "policyRevision",
            "clientId",
            "source",
            "hash",
            "askedDeployment",
            "deployment",
            "alias");
    return ExportStream.response(
        "decisions",
        csv,
        header,
        writer -> {
          if (csv) {
            reader.stream(tenant, filter, row -> writer.write(csvRow(row)));
          } else {
            JsonGenerator json = JacksonConfig.MAPPER.createGenerator(writer);
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.setRootValueSeparator(null);
            ObjectWriter rows =
                JacksonConfig.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            reader.stream(
                tenant,
                filter,
                row -> {
                  rows.writeValue(json, row);
                  json.writeRaw('\n');
                });
            json.flush();
          }
        });
  }

  @GET
  @Path("decisions/manifest")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "What an export with the same filters holds: row count, time range, first and last hash")
  public Map<String, Object> manifest(@Valid @BeanParam DecisionLogFilter filter) throws Exception {
    return reader.manifest(caller.tenant(), filter);
  }

  @GET
  @Path("decisions/search")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.COMPLIANCE_OFFICER})
  @Operation(
      summary =
          "Logged decisions as JSON pages, newest first, filtered like the export (page from 0,"
              + " size 1 to 500)")
  public PageView<LoggedDecision> search(
      @Valid @BeanParam DecisionLogFilter filter, @Valid @BeanParam PageRequest page)
      throws Exception {
    return search.page(caller.tenant(), filter, page);
  }

  @GET
  @Path("decisions/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN, Roles.COMPLIANCE_OFFICER})
  @Operation(
      summary =
          "One logged decision of the caller's tenant: its input, answer, revision, client and"
              + " chain hashes")
  public LoggedDecision decision(
      @PathParam("id") @Pattern(regexp = UUID, message = "must be a UUID") String id)
      throws Exception {
    return search.find(caller.tenant(), id);
  }

  @GET
  @Path("changes")
  @Produces({NDJSON, CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "The admin audit trail (who changed what, before and after) as CSV or NDJSON, streamed")
  public Response changes(
      @Valid @BeanParam ChangeLogFilter filter,
      @QueryParam("format") @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson")
          String format,
      @HeaderParam("Accept") String accept) {
    boolean csv = ExportStream.wantsCsv(format, accept);
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
        csv,
        header,
        writer ->
            changes.stream(
                tenant,
                from,
                to,
                filter.actor,
                filter.entityType,
                change ->
                    writer.write(
                        csv
                            ? Csv.row(
                                Long.toString(change.seq()),
                                change.id(),
                                change.at().toString(),
                                change.actor(),
                                change.action(),
                                change.entityType(),
                                change.entityId(),
                                String.valueOf(change.before()),
                                String.valueOf(change.after()),
                                change.hash())
                            : JacksonConfig.MAPPER.writeValueAsString(change) + "\n")));
  }

  @GET
  @Path("usage")
  @Produces({NDJSON, CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Reported usage with the decision's team, as CSV or NDJSON, streamed, filtered by time,"
              + " team, model")
  public Response usage(
      @Valid @BeanParam DecisionLogFilter filter,
      @QueryParam("format") @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson")
          String format,
      @HeaderParam("Accept") String accept) {
    boolean csv = ExportStream.wantsCsv(format, accept);
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
        csv,
        header,
        writer ->
            usage.stream(
                tenant,
                from,
                to,
                filter.team,
                filter.model,
                u ->
                    writer.write(
                        csv
                            ? Csv.row(
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
                                u.idempotencyKey())
                            : JacksonConfig.MAPPER.writeValueAsString(u) + "\n")));
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
  @Path("usage/manifest")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary = "What a usage export with the same filters holds: row count, first and last hash")
  public Map<String, Object> usageManifest(@Valid @BeanParam DecisionLogFilter filter)
      throws Exception {
    return usage.manifest(caller.tenant(), filter.from(), filter.to(), filter.team, filter.model);
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
      @Valid @BeanParam DecisionLogFilter window,
      @QueryParam("log")
          @Pattern(
              regexp = "decisions|changes|usage",
              message = "must be decisions, changes or usage")
          String log)
      throws Exception {
    if ("changes".equals(log)) {
      return changes.verify(caller.tenant(), window.from(), window.to());
    }
    if ("usage".equals(log)) {
      return usage.verify(caller.tenant(), window.from(), window.to());
    }
    return reader.verify(caller.tenant(), window);
  }

  private static String csvRow(LoggedDecision row) {
    return Csv.row(
        row.id(),
        row.seq() == null ? "" : row.seq().toString(),
        row.evaluatedAt().toString(),
        row.team(),
        row.model(),
        row.purpose(),
        row.dataClassification(),
        row.region(),
        row.taskTier(),
        Boolean.toString(row.allow()),
        row.reasons().stream().map(r -> r.code()).collect(Collectors.joining(";")),
        row.obligations().stream().map(o -> o.code()).collect(Collectors.joining(";")),
        row.policyRevision(),
        row.clientId(),
        row.source(),
        row.hash(),
        row.askedDeployment(),
        row.deployment(),
        row.alias());
  }
}
