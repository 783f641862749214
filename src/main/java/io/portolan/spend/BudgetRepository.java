package io.portolan.spend;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The budget rows of a tenant, in the caller's transaction. A row is {@link #COLUMNS} in order; the
 * service turns it into a {@link Budget} with this month's spend.
 */
@ApplicationScoped
public class BudgetRepository {
  static final String COLUMNS =
      "id::text, team, vendor, currency, monthly_limit_micros, on_exceeded, created_at, updated_at";

  @PersistenceContext EntityManager em;

  /** The tenant's budgets, of one team when {@code team} is given. */
  List<Object[]> rows(TenantId tenant, String team) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select "
                        + COLUMNS
                        + " from budget where tenant_id = ?1 and team = coalesce(cast(?2 as text),"
                        + " team) order by team, vendor nulls first")
                .setParameter(1, tenant.value())
                .setParameter(2, team)
                .getResultList())
        .stream().map(r -> (Object[]) r).toList();
  }

  Optional<Object[]> row(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select "
                        + COLUMNS
                        + " from budget where tenant_id = ?1 and id = cast(?2 as uuid)")
                .setParameter(1, tenant.value())
                .setParameter(2, id)
                .getResultList())
        .stream().findFirst().map(r -> (Object[]) r);
  }

  /** Whether the budget was added: false when its team (and vendor) already has one. */
  boolean insert(TenantId tenant, String id, BudgetInput input, long limitMicros) {
    TenantScope.enter(em, tenant);
    return em.createNativeQuery(
                "insert into budget (tenant_id, id, team, vendor, currency, monthly_limit_micros,"
                    + " on_exceeded) values (?1, cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7) on conflict"
                    + " do nothing")
            .setParameter(1, tenant.value())
            .setParameter(2, id)
            .setParameter(3, input.team())
            .setParameter(4, input.vendor())
            .setParameter(5, input.currency())
            .setParameter(6, limitMicros)
            .setParameter(7, input.onExceeded())
            .executeUpdate()
        > 0;
  }

  void update(TenantId tenant, String id, BudgetInput input, long limitMicros) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update budget set currency = ?3, monthly_limit_micros = ?4, on_exceeded = ?5,"
                + " updated_at = now() where tenant_id = ?1 and id = cast(?2 as uuid)")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, input.currency())
        .setParameter(4, limitMicros)
        .setParameter(5, input.onExceeded())
        .executeUpdate();
  }

  void delete(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery("delete from budget where tenant_id = ?1 and id = cast(?2 as uuid)")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
  }
}
