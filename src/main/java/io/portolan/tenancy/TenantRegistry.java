package io.portolan.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants Portolan knows. Keycloak is the source of truth: a tenant row is created the first
 * time a verified token names an organization, so the inventory can reference it.
 */
@ApplicationScoped
public class TenantRegistry {
  @PersistenceContext EntityManager em;
  @Inject Event<TenantRegistered> registered;
  @Inject TenantRegistry self;

  private final Set<TenantId> known = ConcurrentHashMap.newKeySet();

  /**
   * Registers the tenant on first sight. Every authenticated request asks, so a tenant already
   * known is answered from memory, without opening a transaction.
   */
  public void ensureRegistered(TenantId tenant) {
    if (!known.contains(tenant)) {
      self.register(tenant);
    }
  }

  /** Inserts the tenant's row unless it exists; called through the proxy for its transaction. */
  @Transactional
  public void register(TenantId tenant) {
    int inserted =
        em.createNativeQuery("insert into tenant (id) values (?1) on conflict (id) do nothing")
            .setParameter(1, tenant.value())
            .executeUpdate();
    known.add(tenant);
    if (inserted > 0) {
      registered.fire(new TenantRegistered(tenant));
    }
  }

  @SuppressWarnings("unchecked")
  @Transactional
  public List<TenantView> list() {
    List<Object[]> rows =
        em.createNativeQuery("select id, created_at from tenant order by id").getResultList();
    return rows.stream().map(TenantView::fromRow).toList();
  }

  @SuppressWarnings("unchecked")
  @Transactional
  public List<TenantId> ids() {
    List<String> rows = em.createNativeQuery("select id from tenant order by id").getResultList();
    return rows.stream().map(TenantId::new).toList();
  }
}
