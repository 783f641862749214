package io.portolan.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This replica's metrics (each replica has its own; Prometheus adds them up). The features record
 * into {@link #registry()}; tenant and caller labels go through {@link #tenants()} and {@link
 * #callers()}, so their number stays bounded.
 */
@ApplicationScoped
public class Metrics {
  private static final Logger LOG = Logger.getLogger(Metrics.class.getName());
  private static final java.util.Set<String> LINT_REFUSED =
      java.util.Set.of("process.cpu.time", "system.cpu.count");

  @Inject MetricsConfig config;

  private PrometheusMeterRegistry registry;
  private BoundedLabels tenants;
  private BoundedLabels callers;
  private JvmGcMetrics gc;
  private MetricsListener listener;

  @PostConstruct
  void create() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Two of Micrometer's names that promtool's lint refuses (an abbreviated unit, a _count gauge);
    // process_cpu_usage and the JVM's own metrics say the same.
    registry
        .config()
        .meterFilter(
            MeterFilter.deny(id -> !config.enabled() || LINT_REFUSED.contains(id.getName())));
    tenants = new BoundedLabels(config.tenantLabels());
    callers = new BoundedLabels(config.tenantLabels());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /**
   * Opens the listener once the application is up. A port in use costs the metrics, not the
   * service.
   */
  void open(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (config.port() <= 0) {
      LOG.info("metrics listener off (portolan.metrics.port=0)");
      return;
    }
    try {
      listener = MetricsListener.start(config.host(), config.port(), registry);
      LOG.info("metrics at http://" + config.host() + ":" + listener.port() + "/metrics");
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "metrics listener could not open "
              + config.host()
              + ":"
              + config.port()
              + "; metrics are not served",
          e);
    }
  }

  @PreDestroy
  void close() {
    if (listener != null) {
      listener.stop();
    }
    gc.close();
    registry.close();
  }

  public MeterRegistry registry() {
    return registry;
  }

  public BoundedLabels tenants() {
    return tenants;
  }

  public BoundedLabels callers() {
    return callers;
  }

  /** The text Prometheus scrapes; for tests. */
  public String scrape() {
    return registry.scrape();
  }
}
