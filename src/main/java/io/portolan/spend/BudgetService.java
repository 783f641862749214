package io.portolan.spend;

import io.portolan.infrastructure.persistence.SqlValues;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.inventory.InventoryRepository;
import io.portolan.inventory.Team;
import io.portolan.inventory.Vendor;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** A tenant's monthly budgets: one per team, and one per team and vendor. */
@ApplicationScoped
@Transactional
public class BudgetService {
  @Inject BudgetRepository budgets;
  @Inject InventoryRepository inventory;
  @Inject BudgetTracker tracker;
  @Inject Event<TenantChange> audit;

  public List<Budget> list(TenantId tenant, String team) {
    return budgets.rows(tenant, team).stream().map(r -> view(tenant, r)).toList();
  }

  public Budget get(TenantId tenant, String id) {
    return budgets
        .row(tenant, id)
        .map(r -> view(tenant, r))
        .orElseThrow(() -> ProblemException.notFound("budget", id));
  }

  public Budget create(TenantId tenant, BudgetInput input) {
    requireReferences(tenant, input);
    String id = BudgetTracker.newId();
    if (!budgets.insert(tenant, id, input, micros(input.monthlyLimit()))) {
      throw ProblemException.conflict(
          ProblemTypes.DUPLICATE,
          "team '"
              + input.team()
              + "' already has a budget"
              + (input.vendor() == null ? "" : " for vendor '" + input.vendor() + "'")
              + "; change that one");
    }
    Budget created = settle(tenant, id);
    audit.fire(new TenantChange(tenant, "budget.created", "budget", id, null, created));
    return created;
  }

  public Budget update(TenantId tenant, String id, BudgetInput input) {
    Budget before = get(tenant, id);
    if (!before.team().equals(input.team())
        || !java.util.Objects.equals(before.vendor(), input.vendor())) {
      throw ProblemException.badRequest(
          input.team().equals(before.team()) ? "vendor" : "team",
          "a budget's team and vendor cannot change; delete it and create another");
    }
    budgets.update(tenant, id, input, micros(input.monthlyLimit()));
    Budget after = settle(tenant, id);
    audit.fire(new TenantChange(tenant, "budget.updated", "budget", id, before, after));
    return after;
  }

  public void delete(TenantId tenant, String id) {
    Budget budget = get(tenant, id);
    budgets.delete(tenant, id);
    audit.fire(new TenantChange(tenant, "budget.deleted", "budget", id, budget, null));
  }

  /**
   * Writes the budget's state for this month from the totals, so the next decision reads the new
   * limit.
   */
  private Budget settle(TenantId tenant, String id) {
    Budget budget = get(tenant, id);
    tracker.afterChange(
        tenant,
        new BudgetTracker.Scope(
            id, budget.team(), budget.vendor(), budget.currency(), micros(budget.monthlyLimit())));
    return get(tenant, id);
  }

  private Budget view(TenantId tenant, Object[] row) {
    String team = (String) row[1];
    String vendor = (String) row[2];
    String currency = ((String) row[3]).trim();
    long limit = ((Number) row[4]).longValue();
    long spent = tracker.spentThisMonth(tenant, team, vendor, currency);
    int percent = Budget.percent(spent, limit);
    return new Budget(
        (String) row[0],
        team,
        vendor,
        currency,
        BigDecimal.valueOf(limit, 6).setScale(2),
        (String) row[5],
        YearMonth.now(ZoneOffset.UTC).toString(),
        BigDecimal.valueOf(spent, 6).stripTrailingZeros().max(BigDecimal.ZERO),
        percent,
        Budget.state(percent),
        SqlValues.instant(row[6]),
        SqlValues.instant(row[7]));
  }

  private void requireReferences(TenantId tenant, BudgetInput input) {
    if (inventory.find(tenant, Team.class, input.team()).isEmpty()) {
      throw invalidReference("team", "team '" + input.team() + "' does not exist");
    }
    if (input.vendor() != null && inventory.find(tenant, Vendor.class, input.vendor()).isEmpty()) {
      throw invalidReference("vendor", "vendor '" + input.vendor() + "' does not exist");
    }
  }

  private static ProblemException invalidReference(String field, String message) {
    return new ProblemException(
        422,
        ProblemTypes.INVALID_REFERENCE,
        "Invalid reference",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  static long micros(BigDecimal amount) {
    return amount.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }
}
