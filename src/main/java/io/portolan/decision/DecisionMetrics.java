package io.portolan.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.portolan.infrastructure.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decisions by tenant, outcome and where the answer came from, and their latency. The meters of
 * each tenant label are looked up once and kept in arrays: a decision costs a map read and two
 * lock-free increments, no allocation.
 */
@ApplicationScoped
public class DecisionMetrics {
  /** Where an answer came from. */
  public enum Source {
    CACHE,
    EMBEDDED,
    OPA,
    NONE;

    final String label = name().toLowerCase(java.util.Locale.ROOT);
  }

  /** allow, deny, or refused (503: fails closed, nothing answered). */
  enum Outcome {
    ALLOW,
    DENY,
    REFUSED;

    final String label = name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Buckets from a cache hit to a gateway's timeout. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500)
  };

  @Inject Metrics metrics;

  private final Map<String, TenantMeters> byLabel = new ConcurrentHashMap<>();

  private final class TenantMeters {
    final Counter[][] decisions = new Counter[Outcome.values().length][Source.values().length];
    final Timer[] latency = new Timer[Source.values().length];

    TenantMeters(String tenant) {
      MeterRegistry registry = metrics.registry();
      for (Outcome outcome : Outcome.values()) {
        for (Source source : Source.values()) {
          decisions[outcome.ordinal()][source.ordinal()] =
              Counter.builder("portolan.decisions")
                  .description(
                      "Decisions answered (allow, deny) or refused (503), by where the answer came"
                          + " from")
                  .tags("tenant", tenant, "outcome", outcome.label, "source", source.label)
                  .register(registry);
        }
      }
      for (Source source : Source.values()) {
        latency[source.ordinal()] =
            Timer.builder("portolan.decision.duration")
                .description("Time to decide and log a decision, from its question to its answer")
                .tags("tenant", tenant, "source", source.label)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
      }
    }
  }

  @PostConstruct
  void registerOther() {
    meters(io.portolan.infrastructure.metrics.BoundedLabels.OTHER);
  }

  /** Records one decision: answered ({@code allow} or not), or refused when {@code refused}. */
  public void record(
      String tenant, boolean allow, boolean refused, Source source, long elapsedNanos) {
    TenantMeters meters = meters(metrics.tenants().label(tenant));
    Outcome outcome = refused ? Outcome.REFUSED : allow ? Outcome.ALLOW : Outcome.DENY;
    meters.decisions[outcome.ordinal()][source.ordinal()].increment();
    meters.latency[source.ordinal()].record(elapsedNanos, TimeUnit.NANOSECONDS);
  }

  private TenantMeters meters(String label) {
    TenantMeters known = byLabel.get(label);
    return known != null ? known : byLabel.computeIfAbsent(label, TenantMeters::new);
  }
}
