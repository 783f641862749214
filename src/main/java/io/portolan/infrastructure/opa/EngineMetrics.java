package io.portolan.infrastructure.opa;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portolan.infrastructure.metrics.BoundedLabels;
import io.portolan.infrastructure.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The embedded engine: instances busy and compiled, the wait for a free one, data reloads, and each
 * tenant's data version and its age as this replica holds them (gauges read at scrape time).
 */
@ApplicationScoped
public class EngineMetrics {
  @Inject Metrics metrics;

  private MeterRegistry registry;
  private BoundedLabels tenants;
  private EmbeddedOpa engine;
  private Timer wait;
  private Counter unavailable;
  private Counter reloads;
  private Counter failures;

  @PostConstruct
  void register() {
    registerOn(metrics.registry(), metrics.tenants());
  }

  /**
   * Metrics kept in a registry of their own, for an engine made outside the container (unit tests).
   */
  static EngineMetrics standalone() {
    EngineMetrics standalone = new EngineMetrics();
    standalone.registerOn(new SimpleMeterRegistry(), new BoundedLabels(0));
    return standalone;
  }

  private void registerOn(MeterRegistry registry, BoundedLabels tenants) {
    this.registry = registry;
    this.tenants = tenants;
    wait =
        Timer.builder("portolan.engine.wait")
            .description(
                "Time a decision waited for a free embedded engine instance (given one or not)")
            .serviceLevelObjectives(
                Duration.ofNanos(100_000),
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                Duration.ofSeconds(1))
            .register(registry);
    unavailable =
        Counter.builder("portolan.engine.unavailable")
            .description(
                "Decisions the embedded engine could not take in time (no free instance): asked"
                    + " OPA")
            .register(registry);
    reloads =
        Counter.builder("portolan.engine.reloads")
            .description("Times an instance loaded newer tenant data before evaluating")
            .register(registry);
    failures =
        Counter.builder("portolan.engine.failures")
            .description(
                "Evaluations that failed in an instance (replaced by a fresh one; OPA asked)")
            .register(registry);
  }

  /** Gauges of the engine's instances, and of the tenants it holds beyond the labelled ones. */
  void watch(EmbeddedOpa engine) {
    this.engine = engine;
    Gauge.builder("portolan.engine.instances.busy", engine, EmbeddedOpa::busy)
        .description("Embedded engine instances evaluating now")
        .register(registry);
    Gauge.builder("portolan.engine.instances.idle", engine, EmbeddedOpa::ready)
        .description("Compiled embedded engine instances free now")
        .register(registry);
    Gauge.builder("portolan.tenant.data.age", this, m -> m.oldestUnlabelled())
        .description(
            "Seconds since this replica loaded the tenant's data (for 'other': the oldest of them)")
        .tag("tenant", BoundedLabels.OTHER)
        .baseUnit("seconds")
        .register(registry);
  }

  /** A tenant whose data this replica holds: gauges of its own when it has a label of its own. */
  void tenantSeen(String tenant) {
    if (!BoundedLabels.OTHER.equals(tenants.label(tenant))
        && registry.find("portolan.tenant.data.version").tag("tenant", tenant).gauge() == null) {
      Gauge.builder("portolan.tenant.data.version", engine, e -> version(e, tenant))
          .description(
              "The tenant's data version (tenant.data_version in PostgreSQL) this replica decides"
                  + " on")
          .tag("tenant", tenant)
          .register(registry);
      Gauge.builder("portolan.tenant.data.age", engine, e -> age(e, tenant))
          .description(
              "Seconds since this replica loaded the tenant's data (for 'other': the oldest of"
                  + " them)")
          .tag("tenant", tenant)
          .baseUnit("seconds")
          .register(registry);
    }
  }

  private static double version(EmbeddedOpa engine, String tenant) {
    return engine.tenantData(tenant).map(d -> (double) d.storedVersion()).orElse(Double.NaN);
  }

  private static double age(EmbeddedOpa engine, String tenant) {
    return engine
        .tenantData(tenant)
        .map(d -> (System.currentTimeMillis() - d.loadedAtMillis()) / 1000.0)
        .orElse(Double.NaN);
  }

  private double oldestUnlabelled() {
    long now = System.currentTimeMillis();
    return engine.tenantData().entrySet().stream()
        .filter(e -> !tenants.labelled(e.getKey()))
        .mapToDouble(e -> (now - e.getValue().loadedAtMillis()) / 1000.0)
        .max()
        .orElse(0);
  }

  void waited(long nanos, boolean given) {
    wait.record(nanos, TimeUnit.NANOSECONDS);
    if (!given) {
      unavailable.increment();
    }
  }

  void reloaded() {
    reloads.increment();
  }

  void failed() {
    failures.increment();
  }
}
