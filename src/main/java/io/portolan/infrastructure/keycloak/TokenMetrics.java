package io.portolan.infrastructure.keycloak;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portolan.infrastructure.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bearer tokens: remembered (verified before, no work), or handed to MicroProfile JWT, which reads
 * Keycloak's key set and checks the signature each time (a key-set refresh): valid or refused. A
 * rise of refusals with steady traffic means Keycloak's keys or issuer changed, or it is away.
 */
@ApplicationScoped
public class TokenMetrics {
  @Inject Metrics metrics;

  private Counter remembered;
  private Counter verified;
  private Counter refused;

  @PostConstruct
  void register() {
    MeterRegistry registry = metrics.registry();
    remembered = verifications(registry, "remembered");
    verified = verifications(registry, "verified");
    refused = verifications(registry, "refused");
  }

  private static Counter verifications(MeterRegistry registry, String outcome) {
    return Counter.builder("portolan.token.verifications")
        .description(
            "Bearer tokens checked: remembered (no work), verified against Keycloak's key set, or"
                + " refused")
        .tag("outcome", outcome)
        .register(registry);
  }

  void remembered() {
    remembered.increment();
  }

  void checked(boolean valid) {
    (valid ? verified : refused).increment();
  }
}
