package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Gateways report usage after calls: linked to their own decisions, stored once per key. */
class UsageIT {
  private static Map<String, Object> report(String decisionId) {
    return Map.of(
        "decisionId",
        decisionId,
        "model",
        "gpt-4o",
        "inputTokens",
        1200,
        "outputTokens",
        300,
        "latencyMs",
        840,
        "costMicros",
        4500);
  }

  private static HttpResponse<String> send(String tenant, Object body, String key)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/usage"))
            .header("Authorization", "Bearer " + Stack.gateway(tenant))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(body)));
    if (key != null) request.header("Idempotency-Key", key);
    return Stack.exchange(request.build());
  }

  @Test
  void aRetriedReportIsStoredOnce() throws Exception {
    String decisionId = decide("acme", decision("research", "gpt-4o")).get("decisionId").asText();
    String key = "retry-" + UUID.randomUUID();
    HttpResponse<String> first = send("acme", report(decisionId), key);
    assertEquals(201, first.statusCode(), first.body());
    HttpResponse<String> again = send("acme", report(decisionId), key);
    assertEquals(200, again.statusCode(), again.body());
    JsonNode replay = Stack.JSON.readTree(again.body());
    assertEquals(true, replay.get("replayed").asBoolean());
    assertEquals(1, replay.get("records").asInt());
    assertEquals(1, storedFor(decisionId));

    var export =
        Stack.get(
            "/api/v1/audit/usage?format=ndjson&team=research&from="
                + java.time.Instant.now().minusSeconds(60),
            Stack.user("carol"));
    assertEquals(200, export.status(), export.raw().body());
    long mine =
        java.util.Arrays.stream(export.raw().body().split("\n"))
            .filter(line -> line.contains(key))
            .count();
    assertEquals(1, mine, "the retried report appears once in the export");
    var csv = Stack.get("/api/v1/audit/usage?format=csv&model=gpt-4o", Stack.user("dave"));
    assertEquals(200, csv.status());
    assertEquals(true, csv.raw().body().startsWith("id,decisionId,reportedAt,team,model"));
    assertEquals(403, Stack.get("/api/v1/audit/usage", Stack.gateway("acme")).status());
  }

  @Test
  void aBatchIsStoredWhole() throws Exception {
    String a = decide("acme", decision("research", "gpt-4o")).get("decisionId").asText();
    String b = decide("acme", decision("research", "claude-sonnet-4")).get("decisionId").asText();
    HttpResponse<String> stored = send("acme", List.of(report(a), report(b)), null);
    assertEquals(201, stored.statusCode(), stored.body());
    assertEquals(2, Stack.JSON.readTree(stored.body()).get("records").asInt());
    assertEquals(1, storedFor(a));
    assertEquals(1, storedFor(b));
  }

  @Test
  void unknownAndOtherTenantsDecisionsAreRefusedAndNothingIsStored() throws Exception {
    String mine = decide("acme", decision("research", "gpt-4o")).get("decisionId").asText();
    String theirs =
        decide("globex", decision("support", "mistral-small-3")).get("decisionId").asText();
    HttpResponse<String> refused =
        send(
            "acme",
            List.of(report(mine), report(theirs), report(UUID.randomUUID().toString())),
            null);
    assertEquals(422, refused.statusCode(), refused.body());
    JsonNode problem = Stack.JSON.readTree(refused.body());
    assertEquals("[1].decisionId", problem.get("errors").get(0).get("field").asText());
    assertEquals("[2].decisionId", problem.get("errors").get(1).get("field").asText());
    assertEquals(0, storedFor(mine), "a refused batch stores nothing");
    assertEquals(0, storedFor(theirs));
  }

  @Test
  void badReportsNameTheFieldAndOnlyGatewaysReport() throws Exception {
    String decisionId = decide("acme", decision("research", "gpt-4o")).get("decisionId").asText();
    Map<String, Object> bad = new java.util.HashMap<>(report(decisionId));
    bad.put("inputTokens", -1);
    HttpResponse<String> reply = send("acme", bad, null);
    assertEquals(400, reply.statusCode());
    assertEquals(
        "inputTokens",
        Stack.JSON.readTree(reply.body()).get("errors").get(0).get("field").asText());
    Map<String, Object> extra = new java.util.HashMap<>(report(decisionId));
    extra.put("tenant", "globex");
    assertEquals(400, send("acme", extra, null).statusCode());
    assertEquals(400, send("acme", List.of(), null).statusCode());
    java.util.List<Object> withNull = new java.util.ArrayList<>();
    withNull.add(report(decisionId));
    withNull.add(null);
    HttpResponse<String> nullItem = send("acme", withNull, null);
    assertEquals(400, nullItem.statusCode(), nullItem.body());
    assertEquals(
        "[1]", Stack.JSON.readTree(nullItem.body()).get("errors").get(0).get("field").asText());
    assertEquals(
        403, Stack.post("/api/v1/usage", Stack.user("alice"), report(decisionId)).status());
  }

  @Test
  void usageRecordsAreChainedAndTamperingIsNamed() throws Exception {
    java.time.Instant from = java.time.Instant.now();
    String decisionId = decide("acme", decision("research", "gpt-4o")).get("decisionId").asText();
    assertEquals(
        201, send("acme", List.of(report(decisionId), report(decisionId)), null).statusCode());
    String window = "&from=" + from + "&to=" + java.time.Instant.now().plusSeconds(1);
    JsonNode manifest =
        Stack.get("/api/v1/audit/usage/manifest?x=1" + window, Stack.user("carol")).body();
    assertEquals(2, manifest.get("rows").asInt(), manifest.toString());
    JsonNode clean =
        Stack.get("/api/v1/audit/verify?log=usage" + window, Stack.user("carol")).body();
    assertEquals(true, clean.get("verified").asBoolean(), clean.toString());
    assertEquals(2, clean.get("checked").asInt());
    try (Connection db = Stack.superuser();
        PreparedStatement tamper =
            db.prepareStatement(
                "update usage_record set input_tokens = 1 where id = (select max(id) from"
                    + " usage_record where decision_id = cast(? as uuid))")) {
      tamper.setString(1, decisionId);
      assertEquals(1, tamper.executeUpdate());
    }
    JsonNode broken =
        Stack.get("/api/v1/audit/verify?log=usage" + window, Stack.user("carol")).body();
    assertEquals(false, broken.get("verified").asBoolean());
    assertEquals(
        "its content does not match its hash", broken.get("firstBroken").get("problem").asText());
  }

  private static int storedFor(String decisionId) throws Exception {
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from usage_record where decision_id = cast(? as uuid)")) {
      query.setString(1, decisionId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}
