package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Publishing is atomic: while revisions that deny and allow a vendor alternate, every decision made
 * meanwhile matches the revision it names, never a mix of old and new.
 */
class RevisionAtomicityIT {
  private static final int PUBLISHES = 10;
  private static final int DECIDERS = 4;

  @Test
  void everyDecisionMatchesTheRevisionItNames() throws Exception {
    String vendorId = unique("vendor");
    String modelId = unique("model");
    assertEquals(201, post("/api/v1/vendors", user("erin"), vendor(vendorId, "IS")).status());
    assertEquals(
        201, post("/api/v1/models", user("erin"), model(modelId, vendorId, "approved")).status());
    Approvals.grant("globex", "support", modelId, "internal");
    JsonNode original = get("/api/v1/policy/settings", user("erin")).body();

    Map<Integer, Boolean> allowedByRevision = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<JsonNode> answers = new ConcurrentLinkedQueue<>();
    AtomicBoolean publishing = new AtomicBoolean(true);
    ExecutorService deciders = Executors.newFixedThreadPool(DECIDERS);
    for (int i = 0; i < DECIDERS; i++) {
      deciders.submit(
          () -> {
            while (publishing.get()) {
              var reply =
                  post("/api/v1/decisions", Stack.gateway("globex"), decision("support", modelId));
              if (reply.status() == 200) answers.add(reply.body());
            }
          });
    }
    try {
      for (int i = 0; i < PUBLISHES; i++) {
        boolean deny = i % 2 == 0;
        ObjectNode draft = original.deepCopy();
        draft.set(
            "deniedJurisdictions",
            Stack.JSON.valueToTree(deny ? Map.of("internal", List.of("IS")) : Map.of()));
        assertEquals(200, put("/api/v1/policy/settings", user("erin"), draft).status());
        var published = post("/api/v1/policy/revisions", user("erin"), null);
        assertEquals(201, published.status(), published.raw().body());
        allowedByRevision.put(published.body().get("number").asInt(), !deny);
        Thread.sleep(100);
      }
    } finally {
      publishing.set(false);
      deciders.shutdown();
      deciders.awaitTermination(30, TimeUnit.SECONDS);
      put("/api/v1/policy/settings", user("erin"), original);
      post("/api/v1/policy/revisions", user("erin"), null);
    }

    int checked = 0;
    for (JsonNode answer : answers) {
      int number = Integer.parseInt(answer.get("policyRevision").asText().split("-")[0]);
      Boolean expected = allowedByRevision.get(number);
      if (expected == null) continue; // decided before the first of these revisions
      assertEquals(
          expected, answer.get("allow").asBoolean(), "revision " + number + " answered " + answer);
      checked++;
    }
    assertTrue(checked > PUBLISHES, "too few decisions overlapped the publishes: " + checked);
  }
}
