package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Rate limits: the test realm's initech-noisy-gateway is limited to 20 requests a second (the test
 * stack's client override) while every other caller keeps the generous default, so a flood from it
 * is refused with 429 and the other tenants' gateways are served meanwhile.
 */
class RateLimitIT {
  private static final Map<String, String> DECISION =
      Map.of(
          "team",
          "nobody",
          "model",
          "nothing",
          "purpose",
          "chat",
          "dataClassification",
          "internal",
          "region",
          "eu");

  @Test
  void aNoisyGatewayIsRefusedWhileOtherTenantsAreServed() throws Exception {
    String noisy = Stack.client("initech-noisy-gateway", "initech-noisy-gateway-secret");
    String quiet = Stack.gateway("globex");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Stack.Reply>> flood = flood(pool, noisy, 240);
      List<Integer> quietStatuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        quietStatuses.add(Stack.post("/api/v1/decisions", quiet, DECISION).status());
      }
      Stack.Reply refused = null;
      int served = 0;
      // A loaded machine may serve fewer than 20/s: then flood on, up to 1,200 requests in all.
      for (int sent = 240; ; flood = flood(pool, noisy, 240), sent += 240) {
        for (Future<Stack.Reply> reply : flood) {
          Stack.Reply r = reply.get();
          if (r.status() == 429) {
            refused = r;
          } else {
            assertEquals(200, r.status(), r.raw().body());
            served++;
          }
        }
        if (refused != null || sent >= 1200) {
          break;
        }
      }
      assertNotNull(
          refused, "requests as fast as they can exceed a budget of 20/s with a burst of 40");
      assertTrue(served >= 40, "the burst is served: " + served);
      assertEquals(
          List.of(),
          quietStatuses.stream().filter(s -> s != 200).toList(),
          "globex is not starved");
      assertEquals("application/problem+json", refused.contentType());
      assertTrue(
          refused.body().get("type").asText().endsWith("rate-limited"), refused.body().toString());
      int retryAfter = Integer.parseInt(refused.header("Retry-After"));
      assertTrue(retryAfter >= 1, "Retry-After in seconds: " + retryAfter);
      assertTrue(refused.header("RateLimit").contains("r=0"), refused.header("RateLimit"));

      Thread.sleep(retryAfter * 1000L);
      assertEquals(
          200,
          Stack.post("/api/v1/decisions", noisy, DECISION).status(),
          "served again after Retry-After");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyAnswerTellsTheCallerItsBudget() {
    Stack.Reply reply = Stack.post("/api/v1/decisions", Stack.gateway("acme"), DECISION);
    assertEquals(200, reply.status());
    assertTrue(
        reply.header("RateLimit-Policy").matches("\"caller\";q=\\d+;w=1"),
        reply.header("RateLimit-Policy"));
    assertTrue(
        reply.header("RateLimit").matches("\"caller\";r=\\d+;t=\\d+"), reply.header("RateLimit"));
  }

  private static List<Future<Stack.Reply>> flood(ExecutorService pool, String token, int requests) {
    List<Future<Stack.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      replies.add(pool.submit(() -> Stack.post("/api/v1/decisions", token, DECISION)));
    }
    return replies;
  }
}
