package io.portolan.policy;

import io.portolan.infrastructure.fleet.ReplicaRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this replica listens for changes to tenants' policy data and has recently compared
 * every tenant's version with the database: a replica that cannot learn of a change must not be
 * sent decisions (the decision log would refuse its stale answers, but slowly).
 */
@Readiness
@ApplicationScoped
public class TenantDataReadiness implements HealthCheck {
  @Inject TenantDataWatch watch;
  @Inject ReplicaRegistry replicas;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("tenant-data")
        .status(watch.current())
        .withData("replicasUp", replicas.live())
        .build();
  }
}
