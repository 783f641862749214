package io.portolan.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.portolan.infrastructure.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries by outcome, and the backlog: deliveries still pending in PostgreSQL (for all
 * tenants, counted by the deliverer every few seconds; the same number on every replica).
 */
@ApplicationScoped
public class WebhookMetrics {
  @Inject Metrics metrics;

  private final AtomicLong backlog = new AtomicLong();
  private Counter delivered;
  private Counter retrying;
  private Counter failed;

  @PostConstruct
  void register() {
    MeterRegistry registry = metrics.registry();
    delivered = attempts(registry, "delivered");
    retrying = attempts(registry, "retry");
    failed = attempts(registry, "failed");
    Gauge.builder("portolan.webhook.backlog", backlog, AtomicLong::get)
        .description("Webhook deliveries pending (not yet delivered, not given up), all tenants")
        .register(registry);
  }

  private static Counter attempts(MeterRegistry registry, String outcome) {
    return Counter.builder("portolan.webhook.attempts")
        .description(
            "Webhook delivery attempts by this replica: delivered, retry (will be tried again),"
                + " failed (given up)")
        .tag("outcome", outcome)
        .register(registry);
  }

  void attempted(String outcome) {
    switch (outcome) {
      case "delivered" -> delivered.increment();
      case "failed" -> failed.increment();
      default -> retrying.increment();
    }
  }

  void backlog(long pending) {
    backlog.set(pending);
  }
}
