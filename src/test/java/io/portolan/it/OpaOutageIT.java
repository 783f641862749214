package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Stack.gateway;
import static io.portolan.it.Stack.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * OPA down: decisions fail closed with 503. OPA restarted empty: Portolan reloads the policy and
 * every tenant's data by itself, and decisions are right again.
 */
class OpaOutageIT {
  private static final long RECOVERY_LIMIT_MILLIS = 10_000;

  @Test
  void decisionsFailClosedWhileOpaIsDownAndRecoverAfterItRestarts() throws Exception {
    Stack.stackCommand("stop", "test", "opa");
    try {
      var refused = post("/api/v1/decisions", gateway("acme"), decision("research", "gpt-4o"));
      ErrorsIT.assertProblem(refused, 503, "policy-engine-unavailable");
      assertEquals("2", refused.header("Retry-After"), "clients are told when to retry");
      assertEquals(503, Stack.get("/health/ready", null).status());
    } finally {
      Stack.stackCommand("start", "test", "opa");
    }

    long deadline = System.currentTimeMillis() + RECOVERY_LIMIT_MILLIS;
    Stack.Reply reply;
    do {
      Thread.sleep(200);
      reply = post("/api/v1/decisions", gateway("acme"), decision("research", "gpt-4o"));
    } while (reply.status() != 200 && System.currentTimeMillis() < deadline);
    assertEquals(200, reply.status(), "no recovery after OPA restart: " + reply.raw().body());
    assertTrue(reply.body().get("allow").asBoolean());
    var denied = DecisionIT.decide("acme", decision("research", "qwen-2.5-72b"));
    assertEquals(java.util.Set.of("vendor_suspended"), DecisionIT.codes(denied));
  }

  @AfterAll
  static void opaIsRunningAgain() throws Exception {
    Stack.stackCommand("start", "test", "opa");
  }
}
