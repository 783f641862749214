package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static io.portolan.it.Stack.gateway;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The decision API against real OPA, with every answer in the decision log. */
class DecisionIT {
  private static final String ACME = "acme";
  private static final String TEAM = "research";

  @Test
  void approvedModelIsAllowed() {
    JsonNode answer = decide(ACME, decision(TEAM, "gpt-4o"));
    assertTrue(answer.get("allow").asBoolean(), answer.toString());
    assertEquals(0, answer.get("reasons").size());
    assertFalse(answer.get("policyRevision").asText().isEmpty());
    assertTrue(
        Instant.parse(answer.get("expiresAt").asText())
            .isAfter(Instant.parse(answer.get("evaluatedAt").asText())));
  }

  @Test
  void suspendedVendorProposedAndUnknownModelsAreDeniedWithTheirCodes() {
    assertEquals(Set.of("vendor_suspended"), codes(decide(ACME, decision(TEAM, "qwen-2.5-72b"))));
    assertEquals(
        Set.of("model_not_approved", "approval_missing"),
        codes(decide(ACME, decision(TEAM, "deepseek-r1"))));
    assertEquals(Set.of("model_unknown"), codes(decide(ACME, decision(TEAM, "gpt-17"))));
  }

  @Test
  void suspendingAVendorFlipsTheDecisionAndReinstatingFlipsItBack() {
    String vendorId = unique("vendor");
    String modelId = unique("model");
    assertEquals(201, post("/api/v1/vendors", user("alice"), vendor(vendorId, "FR")).status());
    assertEquals(
        201, post("/api/v1/models", user("alice"), model(modelId, vendorId, "approved")).status());
    Approvals.grant(ACME, TEAM, modelId, "internal");
    JsonNode before = decide(ACME, decision(TEAM, modelId));
    assertTrue(before.get("allow").asBoolean(), before.toString());

    var suspend =
        with(with(vendor(vendorId, "FR"), "suspended", true), "suspensionReason", "sanctions");
    assertEquals(200, put("/api/v1/vendors/" + vendorId, user("alice"), suspend).status());
    JsonNode after = decide(ACME, decision(TEAM, modelId));
    assertFalse(after.get("allow").asBoolean());
    assertEquals(Set.of("vendor_suspended"), codes(after));
    assertTrue(after.get("reasons").get(0).get("message").asText().contains("sanctions"));
    assertFalse(
        before.get("policyRevision").equals(after.get("policyRevision")), "revision must change");

    assertEquals(
        200, put("/api/v1/vendors/" + vendorId, user("alice"), vendor(vendorId, "FR")).status());
    assertTrue(decide(ACME, decision(TEAM, modelId)).get("allow").asBoolean());
  }

  @Test
  void aGatewayCannotDecideForAnotherTenantsTeamOrModel() {
    // "support" is globex's team; globex approved deepseek-v3, acme did not.
    JsonNode answer = decide(ACME, decision("support", "deepseek-v3"));
    assertFalse(answer.get("allow").asBoolean());
    assertTrue(codes(answer).contains("team_unknown"), answer.toString());
    assertTrue(decide("globex", decision("support", "deepseek-v3")).get("allow").asBoolean());
  }

  @Test
  void theTenantComesFromTheTokenNotTheBody() {
    var reply =
        post(
            "/api/v1/decisions",
            gateway(ACME),
            with(decision("support", "deepseek-v3"), "tenant", "globex"));
    assertEquals(400, reply.status());
    assertEquals("tenant", reply.body().get("errors").get(0).get("field").asText());
  }

  @Test
  void aDecisionCarriesTheHeadersOfEveryAnswerWhateverTheCharsetParameter() {
    var reply =
        Stack.send(
            "POST",
            "/api/v1/decisions",
            gateway(ACME),
            decision(TEAM, "gpt-4o"),
            "application/json; charset=UTF-8");
    assertEquals(200, reply.status(), String.valueOf(reply.body()));
    assertEquals("application/json", reply.contentType());
    assertTrue(reply.body().get("allow").asBoolean());
    assertTrue(
        reply.header("RateLimit").startsWith("\"caller\";r="), reply.raw().headers().toString());
    assertTrue(reply.header("RateLimit-Policy").startsWith("\"caller\";q="));
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
  }

  /**
   * Requests the decision servlet hands to the JAX-RS resource: the same answers, logged the same.
   */
  @Test
  void aChunkedBodyOrAnExplicitAcceptIsDecidedAndLoggedAsUsual() throws Exception {
    String body = Stack.JSON.writeValueAsString(decision(TEAM, "gpt-4o"));
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/decisions"))
            .header("Authorization", "Bearer " + gateway(ACME))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/plain;q=0.5")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build();
    HttpResponse<String> reply = Stack.exchange(chunked);
    assertEquals(200, reply.statusCode(), reply.body());
    assertTrue(reply.headers().firstValue("RateLimit").isPresent());
    JsonNode answer = Stack.JSON.readTree(reply.body());
    assertTrue(answer.get("allow").asBoolean());
    try (Connection db = Stack.superuser();
        PreparedStatement find =
            db.prepareStatement("select model from decision_log where id = ?")) {
      find.setObject(1, UUID.fromString(answer.get("decisionId").asText()));
      try (ResultSet row = find.executeQuery()) {
        assertTrue(row.next(), "the decision is in the log");
        assertEquals("gpt-4o", row.getString(1));
      }
    }
  }

  @Test
  void aCallerThatAcceptsNoJsonIsRefusedWithNotAcceptable() throws Exception {
    HttpRequest html =
        HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/decisions"))
            .header("Authorization", "Bearer " + gateway(ACME))
            .header("Content-Type", "application/json")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertEquals(406, Stack.exchange(html).statusCode());
  }

  @Test
  void onlyGatewaysDecide() {
    assertEquals(403, post("/api/v1/decisions", user("alice"), decision(TEAM, "gpt-4o")).status());
    assertEquals(401, post("/api/v1/decisions", null, decision(TEAM, "gpt-4o")).status());
  }

  @Test
  void badDecisionRequestsNameTheField() {
    var reply =
        post(
            "/api/v1/decisions",
            gateway(ACME),
            with(decision(TEAM, "gpt-4o"), "dataClassification", "secret"));
    assertEquals(400, reply.status());
    assertEquals("dataClassification", reply.body().get("errors").get(0).get("field").asText());
    var missing = decision(TEAM, "gpt-4o");
    missing.remove("region");
    var noRegion = post("/api/v1/decisions", gateway(ACME), missing);
    assertEquals(400, noRegion.status());
    assertEquals("region", noRegion.body().get("errors").get(0).get("field").asText());
    var empty = Stack.send("POST", "/api/v1/decisions", gateway(ACME), "", "application/json");
    assertEquals(400, empty.status());
    assertEquals("body", empty.body().get("errors").get(0).get("field").asText());
  }

  @Test
  void everyAnsweredDecisionIsInTheLog() throws Exception {
    Set<UUID> answered = new HashSet<>();
    for (String model : new String[] {"gpt-4o", "qwen-2.5-72b", "gpt-17"}) {
      answered.add(UUID.fromString(decide(ACME, decision(TEAM, model)).get("decisionId").asText()));
    }
    JsonNode globex = decide("globex", decision("support", "mistral-small-3"));
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select tenant_id, team, model, allow, policy_revision, reasons::text, client_id"
                    + " from decision_log where id = ?")) {
      for (UUID id : answered) {
        query.setObject(1, id);
        try (ResultSet row = query.executeQuery()) {
          assertTrue(row.next(), "decision " + id + " missing from decision_log");
          assertEquals(ACME, row.getString("tenant_id"));
          assertEquals(TEAM, row.getString("team"));
          assertEquals("acme-gateway", row.getString("client_id"));
          assertFalse(row.getString("policy_revision").isEmpty());
        }
      }
      query.setObject(1, UUID.fromString(globex.get("decisionId").asText()));
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        assertEquals("globex", row.getString("tenant_id"));
        assertEquals("mistral-small-3", row.getString("model"));
        assertTrue(row.getBoolean("allow"));
        assertEquals(globex.get("policyRevision").asText(), row.getString("policy_revision"));
      }
    }
  }

  @Test
  void decisionIdsAreTimeOrderedAndCarryTheTimeOfTheDecision() {
    JsonNode first = decide(ACME, decision(TEAM, "gpt-4o"));
    JsonNode second = decide(ACME, decision(TEAM, "gpt-4o"));
    UUID firstId = UUID.fromString(first.get("decisionId").asText());
    UUID secondId = UUID.fromString(second.get("decisionId").asText());
    assertEquals(7, firstId.version(), firstId.toString());
    assertEquals(7, secondId.version(), secondId.toString());
    // An id starts with its millisecond, so a later decision's id sorts after (or, within the
    // same millisecond, beside) an earlier one's, as text and as PostgreSQL's uuid.
    long firstMillis = firstId.getMostSignificantBits() >>> 16;
    long secondMillis = secondId.getMostSignificantBits() >>> 16;
    assertTrue(secondMillis >= firstMillis, firstId + " then " + secondId);
    long evaluatedMillis = Instant.parse(first.get("evaluatedAt").asText()).toEpochMilli();
    assertTrue(
        Math.abs(firstMillis - evaluatedMillis) < 1_000, firstMillis + " vs " + evaluatedMillis);
  }

  @Test
  void deniedDecisionsAreLoggedWithTheirReasons() throws Exception {
    JsonNode answer = decide(ACME, decision(TEAM, "qwen-2.5-72b"));
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement("select allow, reasons::text from decision_log where id = ?")) {
      query.setObject(1, UUID.fromString(answer.get("decisionId").asText()));
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        assertFalse(row.getBoolean("allow"));
        assertTrue(row.getString(2).contains("vendor_suspended"));
      }
    }
  }

  static JsonNode decide(String tenant, Object body) {
    var reply = post("/api/v1/decisions", gateway(tenant), body);
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.body();
  }

  static Set<String> codes(JsonNode answer) {
    Set<String> codes = new HashSet<>();
    answer.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
    return codes;
  }
}
