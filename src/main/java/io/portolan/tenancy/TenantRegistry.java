package io.portolan.tenancy;

import io.portolan.infrastructure.persistence.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tenants Portolan knows. Keycloak is the source of truth: a tenant row is created the first
 * time a verified token names an organization, so the inventory can reference it.
 */
@ApplicationScoped
public class TenantRegistry {
  @PersistenceContext EntityManager em;
  @Inject Event<TenantRegistered> registered;
  @Inject TenantRegistry self;

  private static final long FIRST_REGISTRATION_WAIT_SECONDS = 5;

  private final Set<TenantId> known = ConcurrentHashMap.newKeySet();
  private final Map<TenantId, CompletableFuture<Void>> firstRegistrations =
      new ConcurrentHashMap<>();

  /**
   * Registers the tenant on first sight. Every authenticated request asks, so a tenant already
   * known is answered from memory, without opening a transaction. Requests that arrive while the
   * first one registers wait for it: registering publishes the tenant's policy data, and without it
   * their decisions would be refused as not loaded yet.
   */
  public void ensureRegistered(TenantId tenant) {
    if (known.contains(tenant)) {
      return;
    }
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> first = firstRegistrations.putIfAbsent(tenant, mine);
    if (first == null) {
      registerFirst(tenant, mine);
    } else {
      awaitFirst(tenant, first);
    }
  }

  private void registerFirst(TenantId tenant, CompletableFuture<Void> registration) {
    try {
      self.register(tenant);
      known.add(tenant); // only now: the commit published the new tenant's policy data
      registration.complete(null);
    } catch (RuntimeException | Error e) { // never leave later requests waiting on it
      firstRegistrations.remove(tenant, registration);
      registration.completeExceptionally(e);
      throw e;
    }
  }

  private void awaitFirst(TenantId tenant, CompletableFuture<Void> first) {
    try {
      first.get(FIRST_REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      self.register(tenant);
    } catch (TimeoutException stillRegistering) {
      // The decision may be refused as not loaded yet (503, retry): never an answer without policy.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Inserts the tenant's row unless it exists, and has its policy data loaded here once committed;
   * called through the proxy for its transaction.
   */
  @Transactional
  public void register(TenantId tenant) {
    em.createNativeQuery("insert into tenant (id) values (?1) on conflict (id) do nothing")
        .setParameter(1, tenant.value())
        .executeUpdate();
    // Also when another replica inserted it: this one loads the tenant's data before answering.
    registered.fire(new TenantRegistered(tenant));
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
