package io.portolan.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.portolan.infrastructure.metrics.Metrics;
import io.portolan.infrastructure.persistence.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The decision log's group commit: batch sizes, how long the oldest decision of a batch waited for
 * the writer, how long the commit took, how many decisions wait now, and refusals (a decision the
 * log could not take is not answered).
 */
@ApplicationScoped
public class DecisionLogMetrics {
  @Inject Metrics metrics;

  private MeterRegistry registry;
  private DistributionSummary batchSize;
  private Timer wait;
  private Timer commit;
  private Counter refusedStale;
  private Counter refusedUnavailable;

  @PostConstruct
  void register() {
    registerOn(metrics.registry());
  }

  /** Metrics kept in a registry of their own, for a log made outside the container (tests). */
  static DecisionLogMetrics standalone() {
    DecisionLogMetrics standalone = new DecisionLogMetrics();
    standalone.registerOn(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    return standalone;
  }

  private void registerOn(MeterRegistry registry) {
    this.registry = registry;
    batchSize =
        DistributionSummary.builder("portolan.decision.log.batch.size")
            .description("Decisions stored by one group commit")
            .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
            .register(registry);
    wait =
        Timer.builder("portolan.decision.log.wait")
            .description("How long the oldest decision of a batch waited for the log writer")
            .serviceLevelObjectives(millis(1, 2, 5, 10, 25, 50, 100, 250, 1000))
            .register(registry);
    commit =
        Timer.builder("portolan.decision.log.commit")
            .description("How long storing and committing one batch took")
            .serviceLevelObjectives(millis(1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000))
            .register(registry);
    refusedStale = refusals(registry, "stale");
    refusedUnavailable = refusals(registry, "unavailable");
  }

  private static Counter refusals(MeterRegistry registry, String reason) {
    return Counter.builder("portolan.decision.log.refusals")
        .description(
            "Decisions the log did not take: stale (evaluated on replaced data, evaluated again) or"
                + " unavailable (queue full, database away or slow: answered 503)")
        .tag("reason", reason)
        .register(registry);
  }

  private static Duration[] millis(long... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofMillis(values[i]);
    }
    return durations;
  }

  /** The observer for the log's writer, and a gauge of the decisions it has queued. */
  GroupCommit.Observer observer(IntSupplier queued) {
    Gauge.builder("portolan.decision.log.queued", queued::getAsInt)
        .description("Decisions waiting for the log writer now")
        .register(registry);
    return (size, oldestWaitNanos, storeNanos) -> {
      batchSize.record(size);
      wait.record(oldestWaitNanos, TimeUnit.NANOSECONDS);
      commit.record(storeNanos, TimeUnit.NANOSECONDS);
    };
  }

  void refused(GroupCommit.NotStoredException e) {
    (e.getCause() instanceof DecisionLog.StaleDataException ? refusedStale : refusedUnavailable)
        .increment();
  }
}
