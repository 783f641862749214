package io.portolan.policy;

import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.opa.OpaClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * OPA's part of readiness. OPA answering and holding the policy and every tenant's data: up. OPA
 * away while the embedded engine decides: still up, marked {@code degraded} (decisions and impact
 * analysis go on; the catalogue and pre-checks answer 503), because taking every replica out of the
 * load balancer for an OPA outage would refuse the decisions the replicas can give. Neither: down.
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
    boolean synced = up && publisher.loaded();
    return HealthCheckResponse.named("opa")
        .status(synced || embedded.canDecide())
        .withData("degraded", !synced)
        .withData("reachable", up)
        .withData("policyLoaded", publisher.loaded())
        .withData(
            "embeddedEngine", embedded.enabled() ? embedded.ready() + " instances idle" : "off")
        .build();
  }
}
