package io.portolan.tenancy;

/**
 * A token bucket: holds up to {@code capacity} requests, refilled at {@code perSecond}. Time is
 * passed in (nanoseconds) so the arithmetic is testable without sleeping.
 */
public final class TokenBucket {
  /** The answer to one request: admitted or not, what is left, and when to come back. */
  public record Outcome(boolean admitted, long limit, long remaining, long resetSeconds) {}

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long updated;

  TokenBucket(double perSecond, double capacity, long now) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.updated = now;
  }

  synchronized Outcome take(long now) {
    refill(now);
    boolean admitted = tokens >= 1;
    if (admitted) {
      tokens -= 1;
    }
    // Seconds until one token is back (when refused) or the bucket is full again (when admitted).
    double missing = admitted ? capacity - tokens : 1 - tokens;
    long reset = Math.max(1, (long) Math.ceil(missing / perNano / 1e9));
    return new Outcome(admitted, (long) capacity, (long) Math.floor(tokens), reset);
  }

  synchronized boolean idleSince(long cutoff) {
    return updated < cutoff;
  }

  private void refill(long now) {
    if (now > updated) {
      tokens = Math.min(capacity, tokens + (now - updated) * perNano);
      updated = now;
    }
  }
}
