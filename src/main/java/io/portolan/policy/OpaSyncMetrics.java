package io.portolan.policy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.portolan.infrastructure.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeping OPA loaded: pushes of a tenant's data (and whether OPA took them), and the time since OPA
 * was last known to hold everything (a push, or the watch finding its marker). Until the first
 * sync, the age counts from this replica's start.
 */
@ApplicationScoped
public class OpaSyncMetrics {
  @Inject Metrics metrics;

  private Counter pushed;
  private Counter failed;
  private volatile long lastSyncNanos = System.nanoTime();
  private volatile boolean loaded;

  @PostConstruct
  void register() {
    MeterRegistry registry = metrics.registry();
    pushed = pushes(registry, "ok");
    failed = pushes(registry, "failed");
    Gauge.builder("portolan.opa.sync.age", this, m -> (System.nanoTime() - m.lastSyncNanos) / 1e9)
        .description("Seconds since OPA was last known to hold the policy and every tenant's data")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("portolan.opa.loaded", this, m -> m.loaded ? 1 : 0)
        .description("1 while OPA holds the policy and every tenant's data, as of the last check")
        .register(registry);
  }

  private static Counter pushes(MeterRegistry registry, String outcome) {
    return Counter.builder("portolan.opa.pushes")
        .description("Pushes of a tenant's policy data to OPA, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  void pushed() {
    pushed.increment();
  }

  void pushFailed() {
    failed.increment();
    loaded = false;
  }

  /** OPA was found (or made) to hold everything. */
  void synced() {
    lastSyncNanos = System.nanoTime();
    loaded = true;
  }

  void lost() {
    loaded = false;
  }
}
