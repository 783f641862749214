package io.portolan.tenancy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits (portolan.rate-limit.*). Every setting and its default: docs/configuration.md.
 */
@Dependent
public class RateLimitConfig {
  @Inject
  @ConfigProperty(name = "portolan.rate-limit.principal-per-second", defaultValue = "1000")
  double principalPerSecond;

  @Inject
  @ConfigProperty(name = "portolan.rate-limit.tenant-per-second", defaultValue = "3000")
  double tenantPerSecond;

  @Inject
  @ConfigProperty(name = "portolan.rate-limit.client-overrides", defaultValue = "none")
  String clientOverrides;

  RateLimitConfig() {}

  /** Requests a second per caller (a user, a gateway's service account), bursts of twice that. */
  public double principalPerSecond() {
    return principalPerSecond;
  }

  /** Requests a second for all of a tenant's callers together. */
  public double tenantPerSecond() {
    return tenantPerSecond;
  }

  /** {@code client:rate} pairs, comma-separated, e.g. {@code batch-gateway:50}; or {@code none}. */
  public String clientOverrides() {
    return clientOverrides;
  }
}
