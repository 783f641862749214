package io.portolan.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void admitsABurstThenRefusesUntilRefilled() {
    TokenBucket bucket = new TokenBucket(2, 4, 0);
    for (int i = 0; i < 4; i++) {
      assertTrue(bucket.take(0).admitted(), "request " + i + " of the burst");
    }
    TokenBucket.Outcome refused = bucket.take(0);
    assertFalse(refused.admitted());
    assertEquals(0, refused.remaining());
    assertEquals(1, refused.resetSeconds(), "one token is back after half a second, rounded up");
    assertTrue(bucket.take(SECOND / 2).admitted(), "refilled at two per second");
    assertFalse(bucket.take(SECOND / 2).admitted());
  }

  @Test
  void neverHoldsMoreThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(10, 3, 0);
    TokenBucket.Outcome first = bucket.take(3600 * SECOND);
    assertEquals(3, first.limit());
    assertEquals(2, first.remaining());
  }

  @Test
  void overridesAreClientRatePairs() {
    assertEquals(
        Map.of("batch-gateway", 50.0, "noisy", 2.5),
        RateLimiter.parseOverrides(" batch-gateway:50, noisy:2.5"));
    assertEquals(Map.of(), RateLimiter.parseOverrides("none"));
  }
}
