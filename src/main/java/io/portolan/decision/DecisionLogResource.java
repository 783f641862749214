package io.portolan.decision;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Csv;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Auditors and tenant admins read the decision log: exports, their manifest (chain verification is
 * {@code /audit/verify}); they and compliance officers also search it page by page and open single
 * decisions.
 */
@RequestScoped
@Path("/audit/decisions")
public class DecisionLogResource {
  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  @Inject TenantContext caller;
  @Inject DecisionLogReader reader;
  @Inject DecisionSearch search;

  @GET
  @Produces({ExportStream.NDJSON, ExportStream.CSV})
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Logged decisions as CSV or NDJSON (format= or Accept), streamed, filtered by time, team,"
              + " model, deployment, alias, outcome, source, obligation")
  public Response export(
      @Valid @BeanParam DecisionLogFilter filter,
      @QueryParam("format") @Pattern(regexp = "csv|ndjson", message = "must be csv or ndjson")
          String format,
      @HeaderParam("Accept") String accept) {
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
        ExportStream.wantsCsv(format, accept),
        header,
        DecisionLogResource::csvRow,
        rows -> reader.stream(tenant, filter, rows));
  }

  @GET
  @Path("manifest")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "What an export with the same filters holds: row count, time range, first and last hash")
  public Map<String, Object> manifest(@Valid @BeanParam DecisionLogFilter filter) throws Exception {
    return reader.manifest(caller.tenant(), filter);
  }

  @GET
  @Path("search")
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
  @Path("{id}")
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
