package io.portolan.policy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policy feature's settings: impact analyses (portolan.impact.*) and the fleet's tenant data
 * check (portolan.fleet.*). Defaults: docs/configuration.md.
 */
@Dependent
public class PolicyConfig {
  @Inject
  @ConfigProperty(name = "portolan.impact.stale-seconds", defaultValue = "60")
  int impactStaleSeconds;

  @Inject
  @ConfigProperty(name = "portolan.fleet.version-check-seconds", defaultValue = "5")
  long fleetVersionCheckSeconds;

  PolicyConfig() {}

  /**
   * An impact analysis whose replica renewed no heartbeat for this long (it renews after every
   * batch) is marked failed. Longer than the slowest batch (OPA is given 30 s for one), with room
   * for a loaded machine.
   */
  public int impactStaleSeconds() {
    return impactStaleSeconds;
  }

  /**
   * How often each replica compares every tenant's data version with PostgreSQL, for notifications
   * lost while disconnected.
   */
  public long fleetVersionCheckSeconds() {
    return fleetVersionCheckSeconds;
  }
}
