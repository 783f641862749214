package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Stack.gateway;
import static io.portolan.it.Stack.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * OPA down: decisions go on, answered by the embedded engine from the data it holds (same
 * revision), and so does impact analysis, while what only OPA evaluates (the catalogue) fails
 * closed with 503 and health is ready but degraded. OPA restarted empty: Portolan reloads the
 * policy and every tenant's data by itself.
 */
class OpaOutageIT {
  private static final long LIMIT_MILLIS = 30_000;
  private static final String CATALOG =
      "/api/v1/teams/research/models?purpose=chat&dataClassification=internal&region=eu";

  @Test
  void decisionsGoOnWhileOpaIsDownAndOpaIsReloadedAfterItRestarts() throws Exception {
    awaitEmbeddedEngine();
    String revision =
        DecisionIT.decide("acme", decision("research", "gpt-4o")).get("policyRevision").asText();
    Stack.stackCommand("stop", "test", "opa");
    try {
      var allowed = post("/api/v1/decisions", gateway("acme"), decision("research", "gpt-4o"));
      assertEquals(200, allowed.status(), allowed.raw().body());
      assertTrue(allowed.body().get("allow").asBoolean());
      assertEquals(
          revision,
          allowed.body().get("policyRevision").asText(),
          "answered from the same revision");
      var denied = DecisionIT.decide("acme", decision("research", "qwen-2.5-72b"));
      assertEquals(java.util.Set.of("vendor_suspended"), DecisionIT.codes(denied));

      var impact = impactWhileOpaIsDown();
      assertEquals(
          200,
          impact.status(),
          "impact analysis replays in the embedded engine: " + impact.raw().body());
      assertTrue(impact.body().get("evaluated").asLong() >= 2, impact.raw().body());

      var refused = Stack.get(CATALOG, gateway("acme"));
      ErrorsIT.assertProblem(refused, 503, "policy-engine-unavailable");
      assertEquals("2", refused.header("Retry-After"), "clients are told when to retry");
      // Degraded, not unready: a load balancer keeps sending the decisions the embedded engine
      // gives.
      var health = Stack.get("/health/ready", null);
      assertEquals(200, health.status(), health.raw().body());
      boolean degraded = false;
      for (var check : health.body().get("checks")) {
        degraded |=
            "opa".equals(check.path("name").asText())
                && check.at("/data/degraded").asText().equals("true");
      }
      assertTrue(degraded, health.raw().body());
    } finally {
      Stack.stackCommand("start", "test", "opa");
    }

    long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
    Stack.Reply reply;
    do {
      Thread.sleep(200);
      reply = Stack.get(CATALOG, gateway("acme"));
    } while (reply.status() != 200 && System.currentTimeMillis() < deadline);
    assertEquals(200, reply.status(), "no recovery after OPA restart: " + reply.raw().body());
    assertEquals(
        revision, reply.body().get("policyRevision").asText(), "OPA holds the same data again");
  }

  /** The spare instance impact analysis uses compiles after the others: retried until then. */
  private static Stack.Reply impactWhileOpaIsDown() throws InterruptedException {
    long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
    Stack.Reply reply;
    do {
      reply = post("/api/v1/policy/impact", Stack.user("alice"), java.util.Map.of());
      if (reply.status() != 503) {
        return reply;
      }
      Thread.sleep(500);
    } while (System.currentTimeMillis() < deadline);
    return reply;
  }

  /** The embedded engine compiles in the background after Portolan starts. */
  private static void awaitEmbeddedEngine() throws InterruptedException {
    long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
    String state;
    do {
      state = Stack.get("/health/ready", null).raw().body();
      if (!state.contains("\"0 instances") && state.contains("instances idle")) {
        return;
      }
      Thread.sleep(200);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError("the embedded engine did not become ready: " + state);
  }

  @AfterAll
  static void opaIsRunningAgain() throws Exception {
    Stack.stackCommand("start", "test", "opa");
  }
}
