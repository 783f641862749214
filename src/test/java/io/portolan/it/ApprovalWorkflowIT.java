package io.portolan.it;

import static io.portolan.it.DecisionIT.codes;
import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The approval lifecycle on the real stack: bob asks, officers decide, gateway decisions follow.
 */
class ApprovalWorkflowIT {
  private static final String TEAM = "research";

  private static String newModel(String jurisdiction, boolean openWeights) {
    String vendorId = unique("vendor");
    String modelId = unique("model");
    assertEquals(
        201, post("/api/v1/vendors", user("alice"), vendor(vendorId, jurisdiction)).status());
    Map<String, Object> body = model(modelId, vendorId, "approved");
    body.put("openWeights", openWeights);
    assertEquals(201, post("/api/v1/models", user("alice"), body).status());
    Fixtures.vendorDeployment(modelId, vendorId, jurisdiction);
    return modelId;
  }

  private static Map<String, Object> request(String model, String classification) {
    Map<String, Object> body = new HashMap<>();
    body.put("team", TEAM);
    body.put("model", model);
    body.put("purpose", "chat");
    body.put("maxDataClassification", classification);
    body.put("regions", List.of("eu"));
    body.put("justification", "We need it for summaries.");
    return body;
  }

  private static JsonNode submit(String who, Map<String, Object> body) {
    var reply = post("/api/v1/approval-requests", user(who), body);
    assertEquals(201, reply.status(), reply.raw().body());
    return reply.body();
  }

  private static Stack.Reply decideRequest(String officer, String id, Map<String, Object> body) {
    return post("/api/v1/approval-requests/" + id + "/decision", user(officer), body);
  }

  @Test
  void bobAsksAliceApprovesTheDecisionFlipsAndFlipsBackWhenTheApprovalExpires() throws Exception {
    String modelId = newModel("FR", true);
    assertEquals(Set.of("approval_missing"), codes(decide("acme", decision(TEAM, modelId))));

    JsonNode request = submit("bob", request(modelId, "internal"));
    assertEquals("pending", request.get("status").asText());
    assertEquals(1, request.get("requiredApprovals").asInt());
    assertEquals(0, request.get("findings").size(), request.toString());

    Instant expiry = Instant.now().plusSeconds(3);
    var approved =
        decideRequest(
            "alice",
            request.get("id").asText(),
            Map.of(
                "outcome",
                "approve",
                "comment",
                "fine",
                "conditions",
                Map.of("expiresAt", expiry.toString())));
    assertEquals(200, approved.status(), approved.raw().body());
    assertEquals("approved", approved.body().get("status").asText());
    List<String> actions = new ArrayList<>();
    approved
        .body()
        .get("history")
        .forEach(e -> actions.add(e.get("actor").asText() + ":" + e.get("action").asText()));
    assertEquals(List.of("bob:submitted", "alice:approved"), actions);
    JsonNode allowed = decide("acme", decision(TEAM, modelId));
    assertTrue(allowed.get("allow").asBoolean(), "approved, so allowed");
    assertFalse(
        Instant.parse(allowed.get("expiresAt").asText()).isAfter(expiry.plusMillis(1)),
        "a gateway may not keep the allow past the approval's expiry: " + allowed);
    assertTrue(
        decide("acme", decision(TEAM, modelId)).get("allow").asBoolean(),
        "asked again (remembered), still allowed");

    Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 200);
    JsonNode expired = decide("acme", decision(TEAM, modelId));
    assertEquals(Set.of("approval_expired"), codes(expired));
  }

  @Test
  void theApprovalCoversOnlyWhatWasAskedAndTheConditionsNarrowIt() {
    String modelId = newModel("FR", true);
    JsonNode request = submit("bob", request(modelId, "confidential"));
    assertEquals(
        200,
        decideRequest(
                "alice",
                request.get("id").asText(),
                Map.of(
                    "outcome",
                    "approve",
                    "conditions",
                    Map.of("maxDataClassification", "internal")))
            .status());
    assertTrue(decide("acme", decision(TEAM, modelId)).get("allow").asBoolean());
    Map<String, Object> confidential = decision(TEAM, modelId);
    confidential.put("dataClassification", "confidential");
    assertEquals(Set.of("approval_classification_exceeded"), codes(decide("acme", confidential)));
    Map<String, Object> elsewhere = decision(TEAM, modelId);
    elsewhere.put("region", "us");
    assertEquals(Set.of("approval_region_not_covered"), codes(decide("acme", elsewhere)));
    Map<String, Object> otherPurpose = decision(TEAM, modelId);
    otherPurpose.put("purpose", "code-review");
    assertEquals(Set.of("approval_missing"), codes(decide("acme", otherPurpose)));
  }

  @Test
  void conditionsMayOnlyNarrowTheRequest() {
    String modelId = newModel("FR", true);
    String id = submit("bob", request(modelId, "internal")).get("id").asText();
    var wider =
        decideRequest(
            "alice",
            id,
            Map.of(
                "outcome", "approve", "conditions", Map.of("maxDataClassification", "restricted")));
    assertEquals(400, wider.status(), wider.raw().body());
    assertEquals(
        "conditions.maxDataClassification",
        wider.body().get("errors").get(0).get("field").asText());
    var elsewhere =
        decideRequest(
            "alice",
            id,
            Map.of("outcome", "approve", "conditions", Map.of("regions", List.of("cn"))));
    assertEquals(400, elsewhere.status());
    assertEquals(
        "pending",
        get("/api/v1/approval-requests/" + id, user("alice")).body().get("status").asText());
    assertEquals(403, get("/api/v1/approvals?team=marketing", user("bob")).status());
    var mine = get("/api/v1/approvals?size=500", user("bob")).body();
    mine.get("items").forEach(a -> assertEquals(TEAM, a.get("team").asText()));
  }

  @Test
  void highRiskRequestsNeedTwoDifferentOfficers() {
    String modelId = newModel("FR", true);
    JsonNode request = submit("bob", request(modelId, "restricted"));
    assertTrue(request.get("highRisk").asBoolean());
    assertEquals(List.of("restricted_data"), texts(request.get("highRiskBecause")));
    assertEquals(2, request.get("requiredApprovals").asInt());
    String id = request.get("id").asText();
    Map<String, Object> restricted = decision(TEAM, modelId);
    restricted.put("dataClassification", "restricted");

    assertEquals(
        "pending",
        decideRequest("alice", id, Map.of("outcome", "approve")).body().get("status").asText());
    assertFalse(decide("acme", restricted).get("allow").asBoolean(), "one approval is not enough");
    var twice = decideRequest("alice", id, Map.of("outcome", "approve"));
    assertEquals(409, twice.status());
    var second = decideRequest("olivia", id, Map.of("outcome", "approve"));
    assertEquals("approved", second.body().get("status").asText(), second.raw().body());
    assertEquals(List.of("alice", "olivia"), texts(second.body().get("approvedBy")));
    assertTrue(decide("acme", restricted).get("allow").asBoolean());
  }

  @Test
  void nobodyDecidesTheirOwnRequest() {
    String modelId = newModel("FR", true);
    Map<String, Object> body = request(modelId, "internal");
    JsonNode own = submit("alice", body);
    var reply = decideRequest("alice", own.get("id").asText(), Map.of("outcome", "approve"));
    assertEquals(403, reply.status());
    assertEquals("https://portolan.dev/problems/own-request", reply.body().get("type").asText());
    assertEquals(
        "pending",
        get("/api/v1/approval-requests/" + own.get("id").asText(), user("olivia"))
            .body()
            .get("status")
            .asText());
  }

  @Test
  void revokingAnApprovalDeniesAtOnce() {
    String modelId = newModel("FR", true);
    JsonNode approved = Approvals.grant("acme", TEAM, modelId, "internal");
    assertTrue(decide("acme", decision(TEAM, modelId)).get("allow").asBoolean());
    String approvalId = approved.get("approvalId").asText();
    assertEquals(
        400,
        post("/api/v1/approvals/" + approvalId + "/revoke", user("alice"), Map.of()).status(),
        "a reason is required");
    assertEquals(
        403,
        post("/api/v1/approvals/" + approvalId + "/revoke", user("bob"), Map.of("reason", "no"))
            .status());
    var revoked =
        post(
            "/api/v1/approvals/" + approvalId + "/revoke",
            user("alice"),
            Map.of("reason", "vendor under review"));
    assertEquals(200, revoked.status(), revoked.raw().body());
    assertNotNull(revoked.body().get("revokedAt").asText());
    assertEquals(Set.of("approval_missing"), codes(decide("acme", decision(TEAM, modelId))));
    assertEquals(
        409,
        post(
                "/api/v1/approvals/" + approvalId + "/revoke",
                user("alice"),
                Map.of("reason", "again"))
            .status());
  }

  @Test
  void theRequesterWithdrawsAndAWithdrawnRequestCannotBeDecided() {
    String modelId = newModel("FR", true);
    String id = submit("bob", request(modelId, "internal")).get("id").asText();
    assertEquals(
        403, post("/api/v1/approval-requests/" + id + "/withdraw", user("dave"), null).status());
    var withdrawn = post("/api/v1/approval-requests/" + id + "/withdraw", user("bob"), null);
    assertEquals("withdrawn", withdrawn.body().get("status").asText(), withdrawn.raw().body());
    assertEquals(409, decideRequest("alice", id, Map.of("outcome", "approve")).status());
  }

  @Test
  void thePrecheckShowsTheReviewerWhatThePolicyWouldDeny() {
    String modelId = newModel("CN", true);
    Map<String, Object> body = request(modelId, "restricted");
    JsonNode request = submit("bob", body);
    List<String> findings = new ArrayList<>();
    request.get("findings").forEach(f -> findings.add(f.get("code").asText()));
    assertTrue(findings.contains("jurisdiction_denied"), findings.toString());
    var rejected =
        decideRequest(
            "alice",
            request.get("id").asText(),
            Map.of("outcome", "reject", "comment", "CN vendor for restricted data"));
    assertEquals("rejected", rejected.body().get("status").asText());
  }

  @Test
  void requestersSeeTheirTeamsQueueAndOtherTenantsSeeNothing() {
    String modelId = newModel("FR", true);
    String id = submit("bob", request(modelId, "internal")).get("id").asText();
    var queue = get("/api/v1/approval-requests?status=pending&size=500", user("alice")).body();
    List<String> ids = new ArrayList<>();
    queue.get("items").forEach(r -> ids.add(r.get("id").asText()));
    assertTrue(ids.contains(id));
    assertEquals(200, get("/api/v1/approval-requests/" + id, user("bob")).status());
    assertEquals(404, get("/api/v1/approval-requests/" + id, user("erin")).status());
    assertEquals(403, get("/api/v1/approval-requests?team=marketing", user("bob")).status());
    Map<String, Object> otherTeam = request(modelId, "internal");
    otherTeam.put("team", "marketing");
    assertEquals(403, post("/api/v1/approval-requests", user("bob"), otherTeam).status());
    Map<String, Object> unknown = request("no-such-model", "internal");
    var invalid = post("/api/v1/approval-requests", user("bob"), unknown);
    assertEquals(422, invalid.status());
    assertEquals("model", invalid.body().get("errors").get(0).get("field").asText());
  }

  @Test
  void approvalsExpiringSoonAreListed() {
    String modelId = newModel("FR", true);
    String id = submit("bob", request(modelId, "internal")).get("id").asText();
    decideRequest(
        "alice",
        id,
        Map.of(
            "outcome",
            "approve",
            "conditions",
            Map.of("expiresAt", Instant.now().plusSeconds(3 * 24 * 3600).toString())));
    var soon =
        get("/api/v1/approvals?expiringWithinDays=30&team=research&size=500", user("carol")).body();
    List<String> models = new ArrayList<>();
    soon.get("items").forEach(a -> models.add(a.get("model").asText()));
    assertTrue(models.contains(modelId), models.toString());
    assertFalse(models.contains("gpt-4o"), "the demo approvals run for a year");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
