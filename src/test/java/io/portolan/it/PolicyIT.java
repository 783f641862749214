package io.portolan.it;

import static io.portolan.it.DecisionIT.codes;
import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sovereignty settings: drafted, published as revisions, rolled back, and decided by OPA. */
class PolicyIT {
  private static final String ALICE = "alice"; // acme officer
  private static final String ERIN = "erin"; // globex officer

  @Test
  void acmeDemoSettingsDecideBySovereigntyResidencyAndCost() {
    var restricted = with(decision("research", "gpt-4o"), "dataClassification", "restricted");
    JsonNode closed = decide("acme", restricted);
    // research's approval of gpt-4o stops at confidential data, too
    assertEquals(
        Set.of("self_hosted_open_weights_required", "approval_classification_exceeded"),
        codes(closed));
    List<String> alternatives = new ArrayList<>();
    closed
        .get("alternatives")
        .forEach(
            a ->
                alternatives.add(
                    a.has("alias")
                        ? "alias:" + a.get("alias").asText() + "=" + a.get("model").asText()
                        : a.get("model").asText()));
    // The demo alias chat-default lists gpt-4o and still resolves for this question: offered first.
    assertEquals(
        List.of(
            "alias:chat-default=mistral-small-3",
            "mistral-small-3",
            "mistral-large-2",
            "llama-3.3-70b"),
        alternatives);
    assertEquals("FR", closed.get("alternatives").get(0).get("jurisdiction").asText());

    var usConfidential =
        with(
            with(decision("research", "gpt-4o"), "dataClassification", "confidential"),
            "region",
            "us");
    assertEquals(Set.of("region_not_allowed"), codes(decide("acme", usConfidential)));

    JsonNode routine = decide("acme", with(decision("research", "gpt-4o"), "taskTier", "routine"));
    assertEquals(Set.of("cost_tier_not_allowed"), codes(routine));
    assertEquals(
        Set.of("cost_tier_not_allowed"),
        codes(decide("acme", decision("marketing", "gpt-4o"))),
        "marketing's default task tier is routine");
    assertTrue(decide("acme", decision("marketing", "gpt-4o-mini")).get("allow").asBoolean());

    JsonNode watched =
        decide(
            "acme",
            with(decision("research", "llama-3.3-70b"), "dataClassification", "restricted"));
    assertTrue(watched.get("allow").asBoolean(), watched.toString());
    assertEquals(
        "jurisdiction_watchlisted", watched.get("obligations").get(0).get("code").asText());
    int published =
        get("/api/v1/policy/revisions", user(ALICE)).body().get(0).get("number").asInt();
    assertTrue(
        watched.get("policyRevision").asText().startsWith(published + "-"), watched.toString());
  }

  @Test
  void draftChangesNothingUntilPublishedAndRollbackRestores() {
    String vendorId = unique("vendor");
    String modelId = unique("model");
    assertEquals(201, post("/api/v1/vendors", user(ERIN), vendor(vendorId, "JP")).status());
    assertEquals(
        201, post("/api/v1/models", user(ERIN), model(modelId, vendorId, "approved")).status());
    Approvals.grant("globex", "support", modelId, "internal");
    var ask = decision("support", modelId);
    assertTrue(decide("globex", ask).get("allow").asBoolean());

    var before = get("/api/v1/policy/revisions", user(ERIN)).body();
    int baseline = before.isEmpty() ? 0 : before.get(0).get("number").asInt();

    ObjectNode draft = (ObjectNode) get("/api/v1/policy/settings", user(ERIN)).body();
    draft.set("deniedJurisdictions", Stack.JSON.valueToTree(Map.of("internal", List.of("JP"))));
    var saved = put("/api/v1/policy/settings", user(ERIN), draft);
    assertEquals(200, saved.status(), saved.raw().body());
    assertTrue(decide("globex", ask).get("allow").asBoolean(), "a draft must not change decisions");

    var published = post("/api/v1/policy/revisions", user(ERIN), null);
    assertEquals(201, published.status(), published.raw().body());
    int number = published.body().get("number").asInt();
    assertEquals(baseline + 1, number);
    JsonNode denied = decide("globex", ask);
    assertEquals(Set.of("jurisdiction_denied"), codes(denied));
    assertTrue(denied.get("policyRevision").asText().startsWith(number + "-"));

    int target = baseline == 0 ? number : baseline;
    if (baseline == 0) {
      // No earlier revision: publish an empty draft and roll back to it later.
      assertEquals(200, put("/api/v1/policy/settings", user(ERIN), Map.of()).status());
      target = post("/api/v1/policy/revisions", user(ERIN), null).body().get("number").asInt();
      assertTrue(decide("globex", ask).get("allow").asBoolean());
      assertEquals(
          201, post("/api/v1/policy/revisions/" + number + "/rollback", user(ERIN), null).status());
      assertFalse(
          decide("globex", ask).get("allow").asBoolean(), "rolled back to the denying revision");
    }
    var rollback = post("/api/v1/policy/revisions/" + target + "/rollback", user(ERIN), null);
    assertEquals(201, rollback.status(), rollback.raw().body());
    assertEquals(target, rollback.body().get("rolledBackTo").asInt());
    assertTrue(
        decide("globex", ask).get("allow").asBoolean(), "rollback restores the earlier settings");

    JsonNode revisions = get("/api/v1/policy/revisions", user(ERIN)).body();
    assertEquals(
        rollback.body().get("number").asInt(),
        revisions.get(0).get("number").asInt(),
        "newest first");
    assertEquals("erin", revisions.get(0).get("publishedBy").asText());
  }

  @Test
  void invalidSettingsNameEachBadEntry() {
    var reply =
        put(
            "/api/v1/policy/settings",
            user(ALICE),
            Map.of(
                "deniedJurisdictions",
                    Map.of("secret", List.of("CN"), "internal", List.of("China")),
                "costTiers", Map.of("routine", List.of("free"))));
    assertEquals(400, reply.status(), reply.raw().body());
    Set<String> fields = new java.util.HashSet<>();
    reply.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(
        Set.of(
            "deniedJurisdictions.secret",
            "deniedJurisdictions.internal[0]",
            "costTiers.routine[0]"),
        fields);
    assertEquals(
        400, put("/api/v1/policy/settings", user(ALICE), Map.of("tenant", "globex")).status());
  }

  /**
   * A null list reads as "no restriction" to the policy: refused, naming the field, and the draft
   * kept.
   */
  @Test
  void nullListsAreRefusedAndTheDraftIsKept() throws Exception {
    JsonNode before = get("/api/v1/policy/settings", user(ALICE)).body();
    for (String body :
        List.of(
            "{\"deniedJurisdictions\": {\"restricted\": null}}",
            "{\"watchedJurisdictions\": {\"internal\": null}}",
            "{\"costTiers\": {\"routine\": null}}",
            "{\"deniedJurisdictions\": null}",
            "{\"selfHostedOpenWeightsOnly\": null}",
            "{\"residency\": {\"confidential\": null}}")) {
      var reply =
          Stack.send("PUT", "/api/v1/policy/settings", user(ALICE), body, "application/json");
      assertEquals(400, reply.status(), body + " -> " + reply.raw().body());
      assertEquals(
          "application/problem+json", reply.raw().headers().firstValue("Content-Type").orElse(""));
      String field = reply.body().get("errors").get(0).get("field").asText();
      String named = body.substring(2, body.indexOf('"', 2));
      assertTrue(field.startsWith(named), body + " named " + field);
    }
    assertEquals(
        before,
        get("/api/v1/policy/settings", user(ALICE)).body(),
        "a refused draft changes nothing");
  }

  @Test
  void onlyOfficersPublishAndSettingsStayInTheirTenant() {
    assertEquals(403, post("/api/v1/policy/revisions", user("bob"), null).status());
    assertEquals(403, post("/api/v1/policy/revisions", user("dave"), null).status());
    assertEquals(403, put("/api/v1/policy/settings", user("carol"), Map.of()).status());
    assertEquals(404, post("/api/v1/policy/revisions/9999/rollback", user(ALICE), null).status());
    JsonNode acme = get("/api/v1/policy/settings", user("carol")).body();
    assertTrue(acme.get("deniedJurisdictions").has("confidential"));
    JsonNode globexRevisions = get("/api/v1/policy/revisions", user(ERIN)).body();
    globexRevisions.forEach(
        r ->
            assertFalse(
                "demo-data".equals(r.get("publishedBy").asText()),
                "acme's revision visible to globex"));
  }
}
