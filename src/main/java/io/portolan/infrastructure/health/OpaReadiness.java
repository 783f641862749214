package io.portolan.infrastructure.health;

import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.policy.PolicyPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when OPA answers and holds the policy and every tenant's data. */
@Readiness
@ApplicationScoped
public class OpaReadiness implements HealthCheck {
  @Inject OpaClient opa;
  @Inject PolicyPublisher publisher;

  @Override
  public HealthCheckResponse call() {
    boolean up = opa.healthy();
    return HealthCheckResponse.named("opa")
        .status(up && publisher.loaded())
        .withData("reachable", up)
        .withData("policyLoaded", publisher.loaded())
        .build();
  }
}
