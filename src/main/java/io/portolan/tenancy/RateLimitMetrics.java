package io.portolan.tenancy;

import io.micrometer.core.instrument.Counter;
import io.portolan.infrastructure.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests refused with 429, by tenant and by caller (the token's client, {@code azp}); both labels
 * bounded.
 */
@ApplicationScoped
public class RateLimitMetrics {
  @Inject Metrics metrics;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  void refused(String tenant, String client) {
    String tenantLabel = metrics.tenants().label(tenant);
    String callerLabel = metrics.callers().label(client);
    counters
        .computeIfAbsent(
            tenantLabel + '\u0000' + callerLabel,
            k ->
                Counter.builder("portolan.rate.limited")
                    .description(
                        "Requests refused with 429 because the caller or its tenant was over"
                            + " budget")
                    .tags("tenant", tenantLabel, "caller", callerLabel)
                    .register(metrics.registry()))
        .increment();
  }
}
