package io.portolan.inventory;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes inventory rows. Every call takes the tenant, filters by it and opens its
 * row-level-security scope, so a forgotten filter cannot leak another tenant's rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InventoryRepository {
  @PersistenceContext EntityManager em;

  public <E> Optional<E> find(TenantId tenant, Class<E> type, String id) {
    TenantScope.enter(em, tenant);
    return Optional.ofNullable(em.find(type, new TenantScopedKey(tenant.value(), id)));
  }

  public void add(TenantId tenant, Object entity) {
    TenantScope.enter(em, tenant);
    em.persist(entity);
    em.flush();
  }

  public void remove(TenantId tenant, Object entity) {
    TenantScope.enter(em, tenant);
    em.remove(entity);
    em.flush();
  }

  public void flush(TenantId tenant) {
    TenantScope.enter(em, tenant);
    em.flush();
  }

  /**
   * One page of a table's rows of this tenant, matching a SQL condition over named parameters.
   *
   * @param table a table name from this package, never client input
   * @param condition SQL over the table's columns; client values only as parameters
   */
  @SuppressWarnings("unchecked")
  public <E> List<E> page(
      TenantId tenant,
      Class<E> type,
      String table,
      String condition,
      Map<String, Object> parameters,
      int offset,
      int limit) {
    TenantScope.enter(em, tenant);
    Query query =
        em.createNativeQuery(
            "select * from "
                + table
                + " where tenant_id = :tenant and ("
                + condition
                + ")"
                + " order by id offset :offset limit :limit",
            type);
    bind(query, tenant, parameters);
    query.setParameter("offset", offset).setParameter("limit", limit);
    return query.getResultList();
  }

  public long count(
      TenantId tenant, String table, String condition, Map<String, Object> parameters) {
    TenantScope.enter(em, tenant);
    Query query =
        em.createNativeQuery(
            "select count(*) from " + table + " where tenant_id = :tenant and (" + condition + ")",
            Long.class);
    bind(query, tenant, parameters);
    return ((Number) query.getSingleResult()).longValue();
  }

  /** Every row of a table of this tenant, for publishing the tenant's policy data. */
  public <E> List<E> all(TenantId tenant, Class<E> type, String table) {
    return page(tenant, type, table, "true", Map.of(), 0, Integer.MAX_VALUE);
  }

  private static void bind(Query query, TenantId tenant, Map<String, Object> parameters) {
    query.setParameter("tenant", tenant.value());
    parameters.forEach(query::setParameter);
  }
}
