package io.portolan.spend;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.notice.Notices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keeps each budget's state for this month (db/V23) in step with the spend totals, in the
 * transaction that changed them: rewritten only when what the decision reads of it changes ({@link
 * Budget#band}), and each threshold reached told once as a notice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BudgetTracker {
  @PersistenceContext EntityManager em;
  @Inject Notices notices;
  Clock clock = Clock.systemUTC();

  /** A budget's scope and limit. */
  record Scope(String id, String team, String vendor, String currency, long limitMicros) {}

  /** After usage of these teams was added to the totals. */
  void afterUsage(TenantId tenant, Collection<String> teams) {
    for (Scope budget : budgetsOf(tenant, teams)) {
      update(tenant, budget, false);
    }
  }

  /** After a budget was created or changed: its state is written whatever it was. */
  void afterChange(TenantId tenant, Scope budget) {
    lockUsage(tenant);
    update(tenant, budget, true);
  }

  /** The spend of a budget's scope this month, in its currency. */
  long spentThisMonth(TenantId tenant, String team, String vendor, String currency) {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    TenantScope.enter(em, tenant);
    Object sum =
        em.createNativeQuery(
                "select coalesce(sum(cost_micros), 0) from spend_daily where tenant_id = ?1 and"
                    + " team = ?2 and vendor = coalesce(cast(?3 as text), vendor) and currency = ?4"
                    + " and day >= ?5 and day < ?6")
            .setParameter(1, tenant.value())
            .setParameter(2, team)
            .setParameter(3, vendor)
            .setParameter(4, currency)
            .setParameter(5, month.atDay(1))
            .setParameter(6, month.plusMonths(1).atDay(1))
            .getSingleResult();
    return ((Number) sum).longValue();
  }

  /**
   * Usage stores take this lock per tenant (UsageService): a budget change then reads totals no
   * store is adding to.
   */
  private void lockUsage(TenantId tenant) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "usage:" + tenant.value())
        .getSingleResult();
  }

  private void update(TenantId tenant, Scope budget, boolean always) {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    long spent = spentThisMonth(tenant, budget.team(), budget.vendor(), budget.currency());
    int percent = Budget.percent(spent, budget.limitMicros());
    Integer held = heldPercent(tenant, budget.id(), month.atDay(1));
    int heldBand = held == null ? 0 : Budget.band(held);
    if (!always && heldBand == Budget.band(percent)) {
      return;
    }
    em.createNativeQuery(
            "insert into budget_state (tenant_id, budget_id, month, spent_micros, percent,"
                + " updated_at) values (?1, cast(?2 as uuid), ?3, ?4, ?5, now()) on conflict"
                + " (tenant_id, budget_id, month) do update set spent_micros ="
                + " excluded.spent_micros, percent = excluded.percent, updated_at = now()")
        .setParameter(1, tenant.value())
        .setParameter(2, budget.id())
        .setParameter(3, month.atDay(1))
        .setParameter(4, spent)
        .setParameter(5, percent)
        .executeUpdate();
    for (int threshold : List.of(Budget.WARNING_PERCENT, Budget.EXCEEDED_PERCENT)) {
      if (percent >= threshold && heldBand < threshold) {
        tell(tenant, budget, month, threshold, spent);
      }
    }
  }

  private void tell(TenantId tenant, Scope budget, YearMonth month, int threshold, long spent) {
    String scope = budget.vendor() == null ? "" : " with " + budget.vendor();
    String title =
        "Team "
            + budget.team()
            + " has used "
            + threshold
            + "% of its "
            + month
            + " budget"
            + scope;
    String message =
        title
            + ": "
            + money(spent, budget.currency())
            + " of "
            + money(budget.limitMicros(), budget.currency())
            + (threshold >= Budget.EXCEEDED_PERCENT
                ? ". Decisions now deny over-budget use until the month ends or the"
                    + " budget is raised."
                : ". Decisions warn from now on; at 100% they deny.");
    notices.budgetReached(
        tenant,
        budget.id(),
        month + ":" + threshold,
        budget.team(),
        title,
        message,
        month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private Integer heldPercent(TenantId tenant, String budgetId, LocalDate month) {
    return ((List<?>)
            em.createNativeQuery(
                    "select percent from budget_state where tenant_id = ?1"
                        + " and budget_id = cast(?2 as uuid) and month = ?3")
                .setParameter(1, tenant.value())
                .setParameter(2, budgetId)
                .setParameter(3, month)
                .getResultList())
        .stream().findFirst().map(p -> ((Number) p).intValue()).orElse(null);
  }

  private List<Scope> budgetsOf(TenantId tenant, Collection<String> teams) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select id::text, team, vendor, currency, monthly_limit_micros from budget"
                        + " where tenant_id = ?1 and team = any(cast(string_to_array(?2, ',') as"
                        + " text[])) order by id")
                .setParameter(1, tenant.value())
                .setParameter(2, String.join(",", teams))
                .getResultList())
        .stream().map(r -> scope((Object[]) r)).toList();
  }

  static Scope scope(Object[] row) {
    return new Scope(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        ((String) row[3]).trim(),
        ((Number) row[4]).longValue());
  }

  /**
   * 1234567 micros of USD as "1.23 USD": for messages, and for the rules, whose engine cannot
   * format numbers.
   */
  static String money(long micros, String currency) {
    return BigDecimal.valueOf(micros, 6).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
        + " "
        + currency;
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
