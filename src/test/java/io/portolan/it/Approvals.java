package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Grants approvals the way users do: a requester asks, officers (other than the requester) approve.
 */
final class Approvals {
  /** Who asks and who approves, per tenant; the second officer approves high-risk requests. */
  private static final Map<String, List<String>> PEOPLE =
      Map.of(
          "acme", List.of("dave", "alice", "olivia"),
          "globex", List.of("frank", "erin"),
          "initech", List.of("ian", "ivan", "iris"));

  private Approvals() {}

  /** An approval for the purpose "chat" up to a classification, in any region. */
  static JsonNode grant(String tenant, String team, String model, String classification) {
    return grant(
        tenant,
        Map.of(
            "team",
            team,
            "model",
            model,
            "purpose",
            "chat",
            "maxDataClassification",
            classification,
            "regions",
            List.of("eu", "uk", "us", "apac", "cn"),
            "justification",
            "granted by a test"));
  }

  /** A new model of a new EU vendor, approved for research's chat until {@code expiry}; its id. */
  static String grantUntil(String tenant, java.time.Instant expiry) {
    String vendor = "vendor-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String model = "model-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String officer = PEOPLE.get(tenant).get(1);
    assertEquals(
        201,
        Stack.post("/api/v1/vendors", Stack.user(officer), Fixtures.vendor(vendor, "FR")).status());
    assertEquals(
        201,
        Stack.post("/api/v1/models", Stack.user(officer), Fixtures.model(model, vendor, "approved"))
            .status());
    var submitted =
        Stack.post(
            "/api/v1/approval-requests",
            Stack.user(PEOPLE.get(tenant).get(0)),
            Map.of(
                "team",
                "research",
                "model",
                model,
                "purpose",
                "chat",
                "maxDataClassification",
                "internal",
                "regions",
                List.of("eu"),
                "justification",
                "granted by a test"));
    assertEquals(201, submitted.status(), submitted.raw().body());
    var reply =
        Stack.post(
            "/api/v1/approval-requests/" + submitted.body().get("id").asText() + "/decision",
            Stack.user(officer),
            Map.of("outcome", "approve", "conditions", Map.of("expiresAt", expiry.toString())));
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals("approved", reply.body().get("status").asText(), reply.body().toString());
    return model;
  }

  static JsonNode grant(String tenant, Map<String, Object> request) {
    List<String> people = PEOPLE.get(tenant);
    var submitted = Stack.post("/api/v1/approval-requests", Stack.user(people.get(0)), request);
    assertEquals(201, submitted.status(), submitted.raw().body());
    String id = submitted.body().get("id").asText();
    int required = submitted.body().get("requiredApprovals").asInt();
    JsonNode decided = null;
    for (int i = 0; i < required; i++) {
      var reply =
          Stack.post(
              "/api/v1/approval-requests/" + id + "/decision",
              Stack.user(people.get(1 + i)),
              Map.of("outcome", "approve"));
      assertEquals(200, reply.status(), reply.raw().body());
      decided = reply.body();
    }
    assertEquals("approved", decided.get("status").asText(), decided.toString());
    return decided;
  }
}
