package io.portolan.tenancy;

import io.portolan.infrastructure.fleet.ReplicaRegistry;
import io.portolan.infrastructure.web.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Per-principal and per-tenant request budgets. Each caller (a user or a gateway's service account)
 * has its own bucket, so one busy gateway is refused before it slows the others; each tenant has
 * one more, so a tenant with many gateways still cannot take the whole server. A client (by its
 * {@code azp}) may be given its own rate.
 *
 * <p>The rates are for the whole fleet: each replica allows its share, the rate divided by the
 * replicas up ({@link ReplicaRegistry}), so a caller spread over N replicas by the load balancer
 * gets its rate, not N times it, without a round trip to a shared store on every decision. A caller
 * whose requests all reach one replica (one long-lived connection through a layer-4 balancer) gets
 * that share only: balance per request (nginx, an ingress, a service mesh) in front of a fleet.
 */
@ApplicationScoped
public class RateLimiter {
  private static final int SWEEP_ABOVE = 10_000;
  private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(2);

  @Inject RateLimitConfig config;

  @Inject ReplicaRegistry replicas;
  @Inject RateLimitMetrics metrics;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private Map<String, Double> overrides;

  /** Charges a verified token's caller and tenant. */
  public TokenBucket.Outcome admit(JsonWebToken jwt) {
    return admit(tenantOf(jwt), jwt.getSubject(), text(jwt.getClaim("azp")));
  }

  /** The tighter of the caller's and the tenant's outcome; both buckets are charged. */
  public TokenBucket.Outcome admit(String tenant, String principal, String client) {
    TokenBucket.Outcome outcome = charge(tenant, principal, client);
    if (!outcome.admitted()) {
      metrics.refused(tenant, client);
    }
    return outcome;
  }

  private TokenBucket.Outcome charge(String tenant, String principal, String client) {
    long now = System.nanoTime();
    sweepIfLarge(now);
    int share = replicas.live();
    double rate = overrides.getOrDefault(client, config.principalPerSecond()) / share;
    // Keyed by the share too: when replicas come or go, callers start on buckets of the new size.
    TokenBucket.Outcome own =
        bucket("p:" + share + ":" + tenant + ":" + principal, rate, now).take(now);
    if (!own.admitted() || tenant == null) {
      return own;
    }
    TokenBucket.Outcome shared =
        bucket("t:" + share + ":" + tenant, config.tenantPerSecond() / share, now).take(now);
    return shared.admitted() ? own : shared;
  }

  /** The tenant to share a budget with; tokens without one (platform admins) get only their own. */
  private static String tenantOf(JsonWebToken jwt) {
    try {
      return TenantClaims.resolve(jwt.getClaim("tenant"), jwt.getClaim("organization")).value();
    } catch (ProblemException noTenant) {
      return null;
    }
  }

  private static String text(Object claim) {
    return claim == null ? "" : String.valueOf(claim).replace("\"", "");
  }

  private TokenBucket bucket(String key, double perSecond, long now) {
    return buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, burst(perSecond), now));
  }

  /** Bursts of two seconds' worth: a gateway warming its cache is not refused. */
  private static double burst(double perSecond) {
    return Math.max(1, 2 * perSecond);
  }

  private void sweepIfLarge(long now) {
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(b -> b.idleSince(now - IDLE_NANOS));
    }
  }

  @PostConstruct
  void readOverrides() {
    overrides = parseOverrides(config.clientOverrides());
  }

  static Map<String, Double> parseOverrides(String text) {
    Map<String, Double> parsed = new HashMap<>();
    for (String pair : text.split(",")) {
      String[] parts = pair.trim().split(":");
      if (parts.length == 2 && !parts[0].isBlank()) {
        parsed.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
      }
    }
    return Map.copyOf(parsed);
  }
}
