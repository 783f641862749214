package io.portolan.policy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.infrastructure.opa.OpaUnavailableException;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.inventory.InventoryChanged;
import io.portolan.tenancy.TenantRegistered;
import io.portolan.tenancy.TenantRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps OPA loaded with the policy and every tenant's data. A tenant's data is pushed right after a
 * change commits; a watch every half second notices an OPA that lost its state (a restart) by a
 * missing marker document and reloads everything.
 */
@ApplicationScoped
public class PolicyPublisher {
  private static final Logger LOG = Logger.getLogger(PolicyPublisher.class.getName());
  static final String MARKER = "portolan_sync/loaded";

  @Inject OpaClient opa;
  @Inject EmbeddedOpa embedded;
  @Inject TenantPolicyData policyData;
  @Inject TenantRegistry tenants;
  @Inject OpaSyncMetrics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<TenantId, Object> locks = new ConcurrentHashMap<>();

  /** Each tenant's data version (db/V13) as last loaded into OPA. */
  private final Map<TenantId, Long> opaVersions = new ConcurrentHashMap<>();

  private final Map<String, String> sources = PolicySources.load();
  private final String policyHash = TenantPolicyData.revision(String.join("\n", sources.values()));
  private volatile boolean loaded;
  private ScheduledFuture<?> watch;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    watch = scheduler.scheduleWithFixedDelay(this::watchOpa, 0, 500, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (watch != null) {
      watch.cancel(false);
    }
  }

  void onInventoryChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) InventoryChanged change) {
    publishAfterCommit(change.tenant());
  }

  void onPolicyDataChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyDataChanged event) {
    publishAfterCommit(event.tenant());
  }

  void onPolicyPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyPublished event) {
    publishAfterCommit(event.tenant());
  }

  void onTenantRegistered(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) TenantRegistered event) {
    publishAfterCommit(event.tenant());
  }

  /**
   * Runs the push on another thread, because this one still belongs to the finished transaction,
   * and waits for it, so the caller's next decision already sees the change.
   */
  private void publishAfterCommit(TenantId tenant) {
    try {
      scheduler.submit(() -> publishQuietly(tenant)).get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning("policy data of " + tenant + " not yet published: " + e);
    }
  }

  /** Hash of the Rego sources, part of every revision. */
  public String policyHash() {
    return policyHash;
  }

  /** Whether OPA holds the policy and all tenants' data as of the last check. */
  public boolean loaded() {
    return loaded;
  }

  /** Pushes one tenant's data now; used after changes and when a decision finds it missing. */
  public void publish(TenantId tenant) throws OpaUnavailableException {
    // Reading and pushing under one lock per tenant: the last push always carries the newest data.
    synchronized (locks.computeIfAbsent(tenant, t -> new Object())) {
      ObjectNode document = policyData.build(tenant, policyHash);
      embedded.putTenantData(tenant.value(), document); // first: decisions go on while OPA is away
      try {
        opa.putData("tenants/" + tenant.value(), document);
        metrics.pushed();
      } catch (OpaUnavailableException e) {
        opaVersions.remove(tenant); // what OPA holds now is unknown: its answers count as stale
        metrics.pushFailed();
        throw e;
      }
      opaVersions.merge(tenant, document.path("dataVersion").asLong(-1), Math::max);
    }
  }

  /**
   * Reads the tenant's data again and loads it into the embedded engine and OPA, unless a reload
   * since has loaded a newer version than {@code evaluated}: when a change refuses many decisions
   * in flight, the first reloads and the others find it done.
   */
  public void reloadIfNotNewerThan(TenantId tenant, long evaluated) {
    synchronized (locks.computeIfAbsent(tenant, t -> new Object())) {
      long held =
          embedded
              .tenantData(tenant.value())
              .map(EmbeddedOpa.TenantData::storedVersion)
              .orElse(-1L);
      if (held > evaluated) {
        return; // OPA, when its push failed, is reloaded by the watch below
      }
      publishQuietly(tenant);
    }
  }

  /** As {@link #reloadIfNotNewerThan}: a change made through another replica (TenantDataWatch). */
  public void reload(TenantId tenant) {
    publishQuietly(tenant);
  }

  /** The tenant's data version OPA holds, -1 when it holds none. */
  public long opaDataVersion(TenantId tenant) {
    return opaVersions.getOrDefault(tenant, -1L);
  }

  private void publishQuietly(TenantId tenant) {
    try {
      publish(tenant);
    } catch (OpaUnavailableException e) {
      loaded = false; // the watch reloads everything once OPA answers again
      LOG.warning("could not publish policy data of " + tenant + ": " + e.getMessage());
    }
  }

  void watchOpa() {
    try {
      if (!BooleanNode.TRUE.equals(opa.getData(MARKER)) || !loaded) {
        reloadAll();
      }
      metrics.synced();
    } catch (OpaUnavailableException e) {
      if (loaded) {
        LOG.warning("OPA unavailable: " + e.getMessage());
      }
      loaded = false;
      metrics.lost();
    } catch (RuntimeException e) {
      loaded = false;
      metrics.lost();
      LOG.log(Level.WARNING, "policy reload failed", e);
    }
  }

  private void reloadAll() throws OpaUnavailableException {
    for (Map.Entry<String, String> module : sources.entrySet()) {
      opa.putPolicy("portolan/" + module.getKey(), module.getValue());
    }
    for (TenantId tenant : tenants.ids()) {
      publish(tenant);
    }
    opa.putData(MARKER, BooleanNode.TRUE);
    loaded = true;
    LOG.info("OPA loaded with the policy and " + tenants.ids().size() + " tenants' data");
  }
}
