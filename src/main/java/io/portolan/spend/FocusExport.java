package io.portolan.spend;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Csv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Daily spend in the FinOps FOCUS (1.0) column layout: one usage charge per day, team (the
 * sub-account), model (the resource and service) and vendor (provider and publisher); Portolan's
 * own figures ride in x_ columns, as FOCUS allows. Costs are reported or priced from the price
 * list, so billed, effective and list cost are the same figure.
 */
final class FocusExport {
  static final List<String> COLUMNS =
      List.of(
          "BilledCost",
          "BillingAccountId",
          "BillingAccountName",
          "BillingCurrency",
          "BillingPeriodEnd",
          "BillingPeriodStart",
          "ChargeCategory",
          "ChargeClass",
          "ChargeDescription",
          "ChargeFrequency",
          "ChargePeriodEnd",
          "ChargePeriodStart",
          "ConsumedQuantity",
          "ConsumedUnit",
          "EffectiveCost",
          "InvoiceIssuerName",
          "ListCost",
          "ProviderName",
          "PublisherName",
          "ResourceId",
          "ResourceName",
          "ServiceCategory",
          "ServiceName",
          "SubAccountId",
          "SubAccountName",
          "x_Calls",
          "x_InputTokens",
          "x_OutputTokens",
          "x_UnpricedCalls",
          "x_VendorJurisdiction");

  private FocusExport() {}

  static String csv(TenantId tenant, List<SpendReports.Day> days) {
    StringBuilder out = new StringBuilder(Csv.row(COLUMNS.toArray(String[]::new)));
    for (SpendReports.Day d : days) {
      String cost = BigDecimal.valueOf(d.costMicros(), 6).toPlainString();
      LocalDate month = d.day().withDayOfMonth(1);
      String vendor = d.vendor().isEmpty() ? SpendReports.UNKNOWN : d.vendor();
      out.append(
          Csv.row(
              cost,
              tenant.value(),
              tenant.value(),
              d.currency(),
              start(month.plusMonths(1)),
              start(month),
              "Usage",
              null,
              d.model() + " tokens used by team " + d.team(),
              "Usage-Based",
              start(d.day().plusDays(1)),
              start(d.day()),
              Long.toString(d.inputTokens() + d.outputTokens()),
              "Tokens",
              cost,
              vendor,
              cost,
              vendor,
              vendor,
              d.model(),
              d.model(),
              "AI and Machine Learning",
              d.model(),
              d.team(),
              d.team(),
              Long.toString(d.calls()),
              Long.toString(d.inputTokens()),
              Long.toString(d.outputTokens()),
              Long.toString(d.unpricedCalls()),
              d.jurisdiction()));
    }
    return out.toString();
  }

  private static String start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
  }
}
