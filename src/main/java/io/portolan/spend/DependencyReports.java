package io.portolan.spend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a tenant's AI use rests on one vendor, one vendor jurisdiction or one operator
 * jurisdiction (where decisions routed the calls; unknown when they named none): shares of calls
 * and of cost, overall and per capability (a call counts for each capability its model has now),
 * and the tenant's ceilings with the shares over them. Nulls are left out: a slice of every
 * capability has no capability, costs in several currencies no cost share.
 */
@ApplicationScoped
@Transactional
public class DependencyReports {
  static final int MAX_CEILINGS = 50;

  @PersistenceContext EntityManager em;
  @Inject Event<TenantChange> audit;
  Clock clock = Clock.systemUTC();

  /**
   * One vendor's or jurisdiction's part. {@code costShare} is null when costs are in several
   * currencies.
   */
  public record Share(
      String key,
      long calls,
      double callShare,
      long costMicros,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double costShare) {}

  /** The shares of one slice of calls (all, or one capability's). */
  public record Slice(
      @JsonInclude(JsonInclude.Include.NON_NULL) String capability,
      long calls,
      long costMicros,
      List<Share> byVendor,
      List<Share> byJurisdiction,
      List<Share> byOperatorJurisdiction) {}

  /** A share over its ceiling. */
  public record Breach(
      String dimension,
      @JsonInclude(JsonInclude.Include.NON_NULL) String classification,
      String key,
      double callShare,
      int maxSharePercent) {}

  public record DependencyReport(
      String from,
      String to,
      @JsonInclude(JsonInclude.Include.NON_NULL) String classification,
      Slice overall,
      List<Slice> capabilities,
      List<Ceiling> ceilings,
      List<Breach> breaches) {}

  /** A ceiling as the API shows it. */
  public record Ceiling(
      String dimension,
      @JsonInclude(JsonInclude.Include.NON_NULL) String classification,
      int maxSharePercent) {}

  public record Ceilings(List<Ceiling> items) {}

  /** A row of the totals: who and what, and how much. */
  private record Row(
      String model,
      String vendor,
      String jurisdiction,
      String operatorJurisdiction,
      String classification,
      String currency,
      long calls,
      long costMicros) {}

  public DependencyReport report(TenantId tenant, SpendQuery query) {
    SpendQuery.Window window = query.window(clock);
    List<Row> rows = rows(tenant, window, query.classification);
    Map<String, List<String>> capabilities = capabilities(tenant);
    Slice overall = slice(null, rows);
    Map<String, List<Row>> byCapability = new java.util.TreeMap<>();
    for (Row row : rows) {
      for (String capability : capabilities.getOrDefault(row.model(), List.of())) {
        byCapability.computeIfAbsent(capability, c -> new ArrayList<>()).add(row);
      }
    }
    List<Slice> slices =
        byCapability.entrySet().stream().map(e -> slice(e.getKey(), e.getValue())).toList();
    List<Ceiling> ceilings = ceilings(tenant).items();
    return new DependencyReport(
        window.from().toString(),
        window.to().toString(),
        query.classification,
        overall,
        slices,
        ceilings,
        breaches(ceilings, rows, query.classification));
  }

  public Ceilings ceilings(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<Ceiling> items = new ArrayList<>();
    for (Object r :
        em.createNativeQuery(
                "select dimension, classification, max_share_percent from dependency_ceiling"
                    + " where tenant_id = ?1 order by dimension, classification")
            .setParameter(1, tenant.value())
            .getResultList()) {
      Object[] row = (Object[]) r;
      items.add(
          new Ceiling(
              (String) row[0],
              ((String) row[1]).isEmpty() ? null : (String) row[1],
              ((Number) row[2]).intValue()));
    }
    return new Ceilings(items);
  }

  /** Replaces the tenant's ceilings; one per dimension and classification. */
  public Ceilings replace(TenantId tenant, List<DependencyCeiling> wanted) {
    if (wanted.size() > MAX_CEILINGS) {
      throw ProblemException.badRequest("items", "must hold at most " + MAX_CEILINGS + " ceilings");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      DependencyCeiling c = wanted.get(i);
      if (!seen.add(c.dimension() + "/" + c.classification())) {
        throw ProblemException.badRequest(
            "items[" + i + "]",
            "a second ceiling for "
                + c.dimension()
                + (c.classification() == null ? "" : " and " + c.classification())
                + "; one each");
      }
    }
    Ceilings before = ceilings(tenant);
    em.createNativeQuery("delete from dependency_ceiling where tenant_id = ?1")
        .setParameter(1, tenant.value())
        .executeUpdate();
    for (DependencyCeiling c : wanted) {
      em.createNativeQuery(
              "insert into dependency_ceiling (tenant_id, dimension, classification,"
                  + " max_share_percent) values (?1, ?2, ?3, ?4)")
          .setParameter(1, tenant.value())
          .setParameter(2, c.dimension())
          .setParameter(3, c.classification() == null ? "" : c.classification())
          .setParameter(4, c.maxSharePercent())
          .executeUpdate();
    }
    Ceilings after = ceilings(tenant);
    audit.fire(
        new TenantChange(
            tenant,
            "dependency-ceilings.updated",
            "dependency-ceilings",
            tenant.value(),
            before,
            after));
    return after;
  }

  private List<Breach> breaches(List<Ceiling> ceilings, List<Row> rows, String asked) {
    List<Breach> breaches = new ArrayList<>();
    for (Ceiling ceiling : ceilings) {
      if (asked != null
          && ceiling.classification() != null
          && !asked.equals(ceiling.classification())) {
        continue;
      }
      List<Row> scope =
          rows.stream()
              .filter(
                  r ->
                      ceiling.classification() == null
                          || ceiling.classification().equals(r.classification()))
              .toList();
      Slice slice = slice(null, scope);
      List<Share> shares =
          switch (ceiling.dimension()) {
            case "vendor" -> slice.byVendor();
            case "operatorJurisdiction" -> slice.byOperatorJurisdiction();
            default -> slice.byJurisdiction();
          };
      for (Share share : shares) {
        if (share.callShare() > ceiling.maxSharePercent()) {
          breaches.add(
              new Breach(
                  ceiling.dimension(),
                  ceiling.classification(),
                  share.key(),
                  share.callShare(),
                  ceiling.maxSharePercent()));
        }
      }
    }
    return breaches;
  }

  private static Slice slice(String capability, List<Row> rows) {
    long calls = rows.stream().mapToLong(Row::calls).sum();
    long cost = rows.stream().mapToLong(Row::costMicros).sum();
    boolean oneCurrency = rows.stream().map(Row::currency).distinct().count() <= 1;
    return new Slice(
        capability,
        calls,
        cost,
        shares(rows, Row::vendor, calls, cost, oneCurrency),
        shares(rows, Row::jurisdiction, calls, cost, oneCurrency),
        shares(rows, Row::operatorJurisdiction, calls, cost, oneCurrency));
  }

  private static List<Share> shares(
      List<Row> rows,
      java.util.function.Function<Row, String> key,
      long calls,
      long cost,
      boolean oneCurrency) {
    Map<String, long[]> sums = new LinkedHashMap<>();
    for (Row row : rows) {
      String name = key.apply(row).isBlank() ? SpendReports.UNKNOWN : key.apply(row).trim();
      long[] sum = sums.computeIfAbsent(name, k -> new long[2]);
      sum[0] += row.calls();
      sum[1] += row.costMicros();
    }
    return sums.entrySet().stream()
        .map(
            e ->
                new Share(
                    e.getKey(),
                    e.getValue()[0],
                    percent(e.getValue()[0], calls),
                    e.getValue()[1],
                    oneCurrency ? percent(e.getValue()[1], cost) : null))
        .sorted(
            java.util.Comparator.comparingLong(Share::calls).reversed().thenComparing(Share::key))
        .toList();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
  }

  private List<Row> rows(TenantId tenant, SpendQuery.Window window, String classification) {
    TenantScope.enter(em, tenant);
    List<Row> rows = new ArrayList<>();
    for (Object r :
        em.createNativeQuery(
                "select model, vendor, jurisdiction, operator_jurisdiction, classification,"
                    + " currency, sum(calls), sum(cost_micros) from spend_daily where tenant_id ="
                    + " ?1 and day >= ?2 and day <= ?3 and classification = coalesce(cast(?4 as"
                    + " text), classification) group by 1, 2, 3, 4, 5, 6")
            .setParameter(1, tenant.value())
            .setParameter(2, window.from())
            .setParameter(3, window.to())
            .setParameter(4, classification)
            .getResultList()) {
      Object[] c = (Object[]) r;
      rows.add(
          new Row(
              (String) c[0],
              (String) c[1],
              (String) c[2],
              (String) c[3],
              (String) c[4],
              ((String) c[5]).trim(),
              ((Number) c[6]).longValue(),
              ((Number) c[7]).longValue()));
    }
    return rows;
  }

  private Map<String, List<String>> capabilities(TenantId tenant) {
    TenantScope.enter(em, tenant);
    Map<String, List<String>> capabilities = new java.util.HashMap<>();
    for (Object r :
        em.createNativeQuery(
                "select id, array_to_string(capabilities, ',') from model where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList()) {
      Object[] row = (Object[]) r;
      String list = (String) row[1];
      capabilities.put(
          (String) row[0], list == null || list.isEmpty() ? List.of() : List.of(list.split(",")));
    }
    return capabilities;
  }
}
