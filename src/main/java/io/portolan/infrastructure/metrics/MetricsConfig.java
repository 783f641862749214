package io.portolan.infrastructure.metrics;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The metrics' settings (portolan.metrics.*). Defaults: docs/configuration.md. */
@Dependent
public class MetricsConfig {
  @Inject
  @ConfigProperty(name = "portolan.metrics.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "portolan.metrics.port", defaultValue = "9080")
  int port;

  @Inject
  @ConfigProperty(name = "portolan.metrics.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "portolan.metrics.tenant-labels", defaultValue = "20")
  int tenantLabels;

  MetricsConfig() {}

  /**
   * Where the metrics listener binds; loopback by default, 0.0.0.0 where Prometheus scrapes a pod.
   */
  public String host() {
    return host;
  }

  /** The metrics listener's port; 0 turns the listener off (the metrics are still counted). */
  public int port() {
    return port;
  }

  /**
   * False records nothing (every meter a no-op): the baseline that prices measuring
   * (bench/measuring.sh).
   */
  public boolean enabled() {
    return enabled;
  }

  /** Tenants (and callers) with a label of their own; the rest are counted as {@code other}. */
  public int tenantLabels() {
    return tenantLabels;
  }
}
