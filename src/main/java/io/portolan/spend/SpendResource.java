package io.portolan.spend;

import io.portolan.infrastructure.web.Csv;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the tenant's teams used and spent, from the daily totals: JSON, CSV, or the FinOps FOCUS
 * column layout for cost tools. Officers, admins and auditors read it.
 */
@RequestScoped
@Path("/spend")
public class SpendResource {
  static final String CSV = "text/csv";

  @Inject TenantContext caller;
  @Inject SpendReports reports;
  @Inject DependencyReports dependency;

  @GET
  @Path("dependency")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "Shares of calls and cost per vendor and vendor jurisdiction, overall and per capability,"
              + " between two dates, optionally of one data classification; with the tenant's"
              + " ceilings and the shares over them")
  public DependencyReports.DependencyReport dependency(@Valid @BeanParam SpendQuery query) {
    return dependency.report(caller.tenant(), query);
  }

  @GET
  @Path("ceilings")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "The tenant's dependency ceilings: the most of its calls one vendor or jurisdiction may"
              + " carry")
  public DependencyReports.Ceilings ceilings() {
    return dependency.ceilings(caller.tenant());
  }

  @PUT
  @Path("ceilings")
  @Produces(MediaType.APPLICATION_JSON)
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN})
  @Operation(
      summary =
          "Replace the tenant's dependency ceilings: {items: [{dimension: vendor|jurisdiction,"
              + " classification?, maxSharePercent}]}")
  public DependencyReports.Ceilings replaceCeilings(
      @Valid @jakarta.validation.constraints.NotNull(message = "a JSON body is required")
          CeilingsInput body) {
    return dependency.replace(caller.tenant(), body.items());
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({Roles.COMPLIANCE_OFFICER, Roles.TENANT_ADMIN, Roles.AUDITOR})
  @Operation(
      summary =
          "Calls, tokens and cost per team, model, vendor or jurisdiction, by day, month or in"
              + " total, between two dates (format=csv or Accept: text/csv for CSV; format=focus"
              + " for the FOCUS layout)")
  public Response spend(
      @Valid @BeanParam SpendQuery query,
      @QueryParam("format")
          @Pattern(regexp = "json|csv|focus", message = "must be json, csv or focus")
          String format,
      @HeaderParam("Accept") String accept) {
    if ("focus".equals(format)) {
      return attachment(
          "focus", FocusExport.csv(caller.tenant(), reports.days(caller.tenant(), query)));
    }
    SpendReports.SpendReport report = reports.report(caller.tenant(), query);
    boolean csv =
        "csv".equals(format)
            || (format == null
                && accept != null
                && accept.contains(CSV)
                && !accept.contains(MediaType.APPLICATION_JSON));
    return csv
        ? attachment("spend", csv(report))
        : Response.ok(report, MediaType.APPLICATION_JSON).build();
  }

  private static String csv(SpendReports.SpendReport report) {
    StringBuilder out =
        new StringBuilder(
            Csv.row(
                report.groupBy(),
                "period",
                "currency",
                "calls",
                "inputTokens",
                "outputTokens",
                "costMicros",
                "unpricedCalls"));
    for (SpendReports.SpendItem item : report.items()) {
      out.append(
          Csv.row(
              item.key(),
              item.period(),
              item.currency(),
              Long.toString(item.calls()),
              Long.toString(item.inputTokens()),
              Long.toString(item.outputTokens()),
              Long.toString(item.costMicros()),
              Long.toString(item.unpricedCalls())));
    }
    return out.toString();
  }

  private static Response attachment(String name, String csv) {
    return Response.ok(csv, CSV + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .build();
  }
}
