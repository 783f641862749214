package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports over the daily spend totals: calls, tokens and cost per key and period, per currency. */
@ApplicationScoped
@Transactional
public class SpendReports {
  /** Shown for usage of a model deleted before its usage arrived. */
  static final String UNKNOWN = "unknown";

  private static final Map<String, String> KEYS =
      Map.of(
          "team",
          "team",
          "model",
          "model",
          "vendor",
          "vendor",
          "jurisdiction",
          "jurisdiction",
          "classification",
          "classification",
          "deployment",
          "deployment",
          "operator",
          "operator",
          "operatorJurisdiction",
          "operator_jurisdiction");
  private static final Map<String, String> PERIODS =
      Map.of(
          "day", "to_char(day, 'YYYY-MM-DD')", "month", "to_char(day, 'YYYY-MM')", "total", "''");

  @PersistenceContext EntityManager em;
  Clock clock = Clock.systemUTC();

  /** One key's sums over one period (null over the whole window), in one currency. */
  public record SpendItem(
      @JsonInclude(JsonInclude.Include.NON_NULL) String key,
      @JsonInclude(JsonInclude.Include.NON_NULL) String period,
      String currency,
      long calls,
      long inputTokens,
      long outputTokens,
      long costMicros,
      long unpricedCalls) {}

  /** What a report answers: its window and grouping, the items, and the totals per currency. */
  public record SpendReport(
      String from,
      String to,
      String groupBy,
      String interval,
      List<SpendItem> items,
      List<SpendItem> totals) {}

  /** A day's sums of one team, model, vendor and currency: the rows of the FOCUS export. */
  public record Day(
      LocalDate day,
      String team,
      String model,
      String vendor,
      String jurisdiction,
      String currency,
      long calls,
      long inputTokens,
      long outputTokens,
      long costMicros,
      long unpricedCalls) {}

  public SpendReport report(TenantId tenant, SpendQuery query) {
    SpendQuery.Window window = query.window(clock);
    String key = KEYS.get(query.groupBy());
    String period = PERIODS.get(query.interval());
    TenantScope.enter(em, tenant);
    StringBuilder sql =
        new StringBuilder(
            "select "
                + key
                + ", "
                + period
                + ", currency, sum(calls), sum(input_tokens),"
                + " sum(output_tokens), sum(cost_micros), sum(unpriced_calls) from spend_daily"
                + " where tenant_id = ?1 and day >= ?2 and day <= ?3");
    List<Object> values = new ArrayList<>(List.of(tenant.value(), window.from(), window.to()));
    filters(query, sql, values);
    sql.append(" group by 1, 2, 3 order by 2, 7 desc, 1, 3");
    var statement = em.createNativeQuery(sql.toString());
    for (int i = 0; i < values.size(); i++) {
      statement.setParameter(i + 1, values.get(i));
    }
    List<SpendItem> items = new ArrayList<>();
    for (Object row : statement.getResultList()) {
      Object[] c = (Object[]) row;
      String name = (String) c[0];
      String when = (String) c[1];
      items.add(
          new SpendItem(
              name.isBlank() ? UNKNOWN : name.trim(),
              when.isEmpty() ? null : when,
              ((String) c[2]).trim(),
              number(c[3]),
              number(c[4]),
              number(c[5]),
              number(c[6]),
              number(c[7])));
    }
    return new SpendReport(
        window.from().toString(),
        window.to().toString(),
        query.groupBy(),
        query.interval(),
        items,
        totals(items));
  }

  /** Every day's sums in the window, for the FOCUS export. */
  public List<Day> days(TenantId tenant, SpendQuery query) {
    SpendQuery.Window window = query.window(clock);
    TenantScope.enter(em, tenant);
    StringBuilder sql =
        new StringBuilder(
            "select day, team, model, vendor, jurisdiction, currency, calls, input_tokens,"
                + " output_tokens, cost_micros, unpriced_calls from spend_daily where tenant_id ="
                + " ?1 and day >= ?2 and day <= ?3");
    List<Object> values = new ArrayList<>(List.of(tenant.value(), window.from(), window.to()));
    filters(query, sql, values);
    sql.append(" order by day, team, model, currency");
    var statement = em.createNativeQuery(sql.toString());
    for (int i = 0; i < values.size(); i++) {
      statement.setParameter(i + 1, values.get(i));
    }
    List<Day> days = new ArrayList<>();
    for (Object row : statement.getResultList()) {
      Object[] c = (Object[]) row;
      days.add(
          new Day(
              localDate(c[0]),
              (String) c[1],
              (String) c[2],
              (String) c[3],
              ((String) c[4]).trim(),
              ((String) c[5]).trim(),
              number(c[6]),
              number(c[7]),
              number(c[8]),
              number(c[9]),
              number(c[10])));
    }
    return days;
  }

  static void filters(SpendQuery query, StringBuilder sql, List<Object> values) {
    if (query.team != null) {
      values.add(query.team);
      sql.append(" and team = ?").append(values.size());
    }
    if (query.model != null) {
      values.add(query.model);
      sql.append(" and model = ?").append(values.size());
    }
    if (query.classification != null) {
      values.add(query.classification);
      sql.append(" and classification = ?").append(values.size());
    }
  }

  private static List<SpendItem> totals(List<SpendItem> items) {
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (SpendItem item : items) {
      long[] sum = sums.computeIfAbsent(item.currency(), c -> new long[5]);
      sum[0] += item.calls();
      sum[1] += item.inputTokens();
      sum[2] += item.outputTokens();
      sum[3] += item.costMicros();
      sum[4] += item.unpricedCalls();
    }
    List<SpendItem> totals = new ArrayList<>();
    sums.forEach(
        (currency, s) ->
            totals.add(new SpendItem(null, null, currency, s[0], s[1], s[2], s[3], s[4])));
    return totals;
  }

  private static LocalDate localDate(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
