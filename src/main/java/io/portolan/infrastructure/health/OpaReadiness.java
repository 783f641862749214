package io.portolan.infrastructure.health;

import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.policy.PolicyPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when OPA answers and holds the policy and every tenant's data (decisions may be answered
 * by the embedded engine, but the catalogue, impact analysis and pre-checks ask OPA).
 */
@Readiness
@ApplicationScoped
public class OpaReadiness implements HealthCheck {
  @Inject OpaClient opa;
  @Inject PolicyPublisher publisher;
  @Inject EmbeddedOpa embedded;

  @Override
  public HealthCheckResponse call() {
    boolean up = opa.healthy();
    return HealthCheckResponse.named("opa")
        .status(up && publisher.loaded())
        .withData("reachable", up)
        .withData("policyLoaded", publisher.loaded())
        .withData("embeddedEngine", embedded.enabled() ? embedded.ready() + " instances idle" : "off")
        .build();
  }
}
