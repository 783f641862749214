package io.portolan.spend;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.usage.UsageStored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds stored usage to the daily spend totals in the same transaction. A call without a reported
 * cost is costed from the price valid at the decision's time of the deployment its decision routed
 * it to, else of its model; a call without either counts as unpriced. A reported cost is in the
 * currency of that price then, or USD without one. Each call counts under its deployment, that
 * deployment's operator and the operator's jurisdiction (empty when its decision named none).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SpendRollup {
  static final String DEFAULT_CURRENCY = "USD";

  @Inject PriceRepository prices;
  @Inject BudgetTracker budgets;
  @PersistenceContext EntityManager em;

  /**
   * The vendor and its jurisdiction a model had when its usage arrived; empty for a deleted model.
   */
  record Origin(String vendor, String jurisdiction) {
    static final Origin UNKNOWN = new Origin("", "");
  }

  /** Where a call ran: its deployment, operator and operator jurisdiction; empty when unknown. */
  record Route(String deployment, String operator, String operatorJurisdiction) {
    static final Route UNKNOWN = new Route("", "", "");
  }

  record Key(
      LocalDate day,
      String team,
      String classification,
      String model,
      Origin origin,
      String currency,
      Route route) {}

  /** Sums of one key's calls. */
  static final class Totals {
    long calls;
    long inputTokens;
    long outputTokens;
    long costMicros;
    long unpricedCalls;
  }

  void add(@Observes UsageStored usage) {
    List<String> models = usage.calls().stream().map(UsageStored.Call::model).distinct().toList();
    // A model's prices by model id, a deployment's own by deployment id: the two never collide in
    // one map.
    Map<String, List<Price>> priceLists = new HashMap<>();
    for (Price p : prices.ofModels(usage.tenant(), models)) {
      priceLists
          .computeIfAbsent(
              p.deployment() == null ? "model:" + p.model() : "deployment:" + p.deployment(),
              m -> new java.util.ArrayList<>())
          .add(p);
    }
    Map<String, Origin> origins = origins(usage.tenant(), models);
    Map<String, Route> routes =
        routes(
            usage.tenant(),
            usage.calls().stream()
                .map(UsageStored.Call::deployment)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
    Map<Key, Totals> totals = new LinkedHashMap<>();
    for (UsageStored.Call call : usage.calls()) {
      Price price =
          priceAt(priceLists, "deployment:" + call.deployment(), call)
              .or(() -> priceAt(priceLists, "model:" + call.model(), call))
              .orElse(null);
      Key key =
          new Key(
              call.decidedAt().atZone(ZoneOffset.UTC).toLocalDate(),
              call.team(),
              call.classification(),
              call.model(),
              origins.getOrDefault(call.model(), Origin.UNKNOWN),
              price == null ? DEFAULT_CURRENCY : price.currency(),
              call.deployment() == null
                  ? Route.UNKNOWN
                  : routes.getOrDefault(call.deployment(), new Route(call.deployment(), "", "")));
      Totals sum = totals.computeIfAbsent(key, k -> new Totals());
      sum.calls++;
      sum.inputTokens += call.inputTokens();
      sum.outputTokens += call.outputTokens();
      if (call.costMicros() != null) {
        sum.costMicros += call.costMicros();
      } else if (price != null) {
        sum.costMicros += price.costMicros(call.inputTokens(), call.outputTokens());
      } else {
        sum.unpricedCalls++;
      }
    }
    totals.forEach((key, sum) -> upsert(usage.tenant(), key, sum));
    budgets.afterUsage(usage.tenant(), totals.keySet().stream().map(Key::team).distinct().toList());
  }

  private static java.util.Optional<Price> priceAt(
      Map<String, List<Price>> priceLists, String key, UsageStored.Call call) {
    return priceLists.getOrDefault(key, List.of()).stream()
        .filter(p -> p.validAt(call.decidedAt()))
        .findFirst();
  }

  private void upsert(TenantId tenant, Key key, Totals sum) {
    em.createNativeQuery(
            "insert into spend_daily (tenant_id, day, team, model, vendor, jurisdiction, currency,"
                + " calls, input_tokens, output_tokens, cost_micros, unpriced_calls,"
                + " classification, deployment, operator, operator_jurisdiction) values (?1, ?2,"
                + " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) on conflict"
                + " (tenant_id, day, team, classification, model, vendor, jurisdiction, currency,"
                + " deployment, operator, operator_jurisdiction) do update set calls ="
                + " spend_daily.calls + excluded.calls, input_tokens = spend_daily.input_tokens +"
                + " excluded.input_tokens, output_tokens = spend_daily.output_tokens +"
                + " excluded.output_tokens, cost_micros = spend_daily.cost_micros +"
                + " excluded.cost_micros, unpriced_calls = spend_daily.unpriced_calls +"
                + " excluded.unpriced_calls")
        .setParameter(1, tenant.value())
        .setParameter(2, key.day())
        .setParameter(3, key.team())
        .setParameter(4, key.model())
        .setParameter(5, key.origin().vendor())
        .setParameter(6, key.origin().jurisdiction())
        .setParameter(7, key.currency())
        .setParameter(8, sum.calls)
        .setParameter(9, sum.inputTokens)
        .setParameter(10, sum.outputTokens)
        .setParameter(11, sum.costMicros)
        .setParameter(12, sum.unpricedCalls)
        .setParameter(13, key.classification())
        .setParameter(14, key.route().deployment())
        .setParameter(15, key.route().operator())
        .setParameter(16, key.route().operatorJurisdiction())
        .executeUpdate();
  }

  /**
   * Each deployment's operator and operator jurisdiction now; a deployment deleted since keeps only
   * its id.
   */
  private Map<String, Route> routes(TenantId tenant, List<String> deployments) {
    Map<String, Route> routes = new HashMap<>();
    if (deployments.isEmpty()) {
      return routes;
    }
    TenantScope.enter(em, tenant);
    for (Object row :
        em.createNativeQuery(
                "select id, operator, operator_jurisdiction from deployment where tenant_id = ?1"
                    + " and id = any(cast(string_to_array(?2, ',') as text[]))")
            .setParameter(1, tenant.value())
            .setParameter(2, String.join(",", deployments))
            .getResultList()) {
      Object[] columns = (Object[]) row;
      routes.put(
          (String) columns[0],
          new Route((String) columns[0], (String) columns[1], String.valueOf(columns[2]).trim()));
    }
    return routes;
  }

  private Map<String, Origin> origins(TenantId tenant, List<String> models) {
    TenantScope.enter(em, tenant);
    Map<String, Origin> origins = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select m.id, v.id, v.jurisdiction from model m join vendor v on v.tenant_id ="
                    + " m.tenant_id and v.id = m.vendor_id where m.tenant_id = ?1 and m.id ="
                    + " any(cast(string_to_array(?2, ',') as text[]))")
            .setParameter(1, tenant.value())
            .setParameter(2, String.join(",", models))
            .getResultList()) {
      Object[] columns = (Object[]) row;
      origins.put(
          (String) columns[0], new Origin((String) columns[1], String.valueOf(columns[2]).trim()));
    }
    return origins;
  }
}
