package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Stack.gateway;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team model catalog and impact analysis of a draft, on the real stack. */
class CatalogAndImpactIT {
  private static final String RESTRICTED_EU =
      "?purpose=chat&dataClassification=restricted&region=eu";

  @Test
  void aTeamSeesTheModelsItMayUseWithTheirConditions() {
    var reply = get("/api/v1/teams/research/models" + RESTRICTED_EU, user("bob"));
    assertEquals(200, reply.status(), reply.raw().body());
    List<String> models = new ArrayList<>();
    reply.body().get("models").forEach(m -> models.add(m.get("model").asText()));
    assertTrue(
        models.containsAll(List.of("llama-3.3-70b", "mistral-large-2", "mistral-small-3")),
        models.toString());
    assertFalse(models.contains("gpt-4o"), "closed models are not for restricted data");
    JsonNode llama = null;
    for (JsonNode m : reply.body().get("models")) {
      if (m.get("model").asText().equals("llama-3.3-70b")) llama = m;
    }
    assertEquals("jurisdiction_watchlisted", llama.get("obligations").get(0).get("code").asText());
    int published =
        get("/api/v1/policy/revisions", user("alice")).body().get(0).get("number").asInt();
    assertTrue(reply.body().get("policyRevision").asText().startsWith(published + "-"));
  }

  @Test
  void theCatalogAgreesWithDecisions() {
    var catalog =
        get(
            "/api/v1/teams/research/models?purpose=chat&dataClassification=confidential&region=uk&taskTier=routine",
            gateway("acme"));
    assertEquals(200, catalog.status(), catalog.raw().body());
    for (JsonNode m : catalog.body().get("models")) {
      Map<String, Object> ask = decision("research", m.get("model").asText());
      ask.put("dataClassification", "confidential");
      ask.put("region", "uk");
      ask.put("taskTier", "routine");
      assertTrue(decide("acme", ask).get("allow").asBoolean(), m.toString());
    }
    var denied = decision("research", "gpt-4o");
    denied.put("taskTier", "routine");
    assertFalse(decide("acme", denied).get("allow").asBoolean());
  }

  @Test
  void requestersSeeOnlyTheirOwnTeamAndTenantsStayApart() {
    assertEquals(403, get("/api/v1/teams/marketing/models" + RESTRICTED_EU, user("bob")).status());
    assertEquals(404, get("/api/v1/teams/research/models" + RESTRICTED_EU, user("erin")).status());
    assertEquals(
        404, get("/api/v1/teams/research/models" + RESTRICTED_EU, gateway("globex")).status());
    assertEquals(
        200, get("/api/v1/teams/marketing/models" + RESTRICTED_EU, user("alice")).status());
    var missing = get("/api/v1/teams/research/models?purpose=chat&region=eu", user("bob"));
    assertEquals(400, missing.status());
    assertEquals("dataClassification", missing.body().get("errors").get(0).get("field").asText());
  }

  @Test
  void impactAnalysisCountsTheDecisionsADraftWouldFlip() throws Exception {
    // The window holds only this test's decisions: earlier tests' end before it opens.
    Thread.sleep(50);
    Instant from = Instant.now();
    String vendorId = unique("vendor");
    String modelId = unique("model");
    assertEquals(201, post("/api/v1/vendors", user("erin"), vendor(vendorId, "NZ")).status());
    assertEquals(
        201, post("/api/v1/models", user("erin"), model(modelId, vendorId, "approved")).status());
    Approvals.grant("globex", "support", modelId, "internal");
    Thread.sleep(50);
    from = Instant.now();
    for (int i = 0; i < 5; i++) {
      assertTrue(decide("globex", decision("support", modelId)).get("allow").asBoolean());
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(decide("globex", decision("support", "mistral-small-3")).get("allow").asBoolean());
    }
    assertFalse(decide("globex", decision("support", "gpt-4o")).get("allow").asBoolean());
    Thread.sleep(50);
    Instant to = Instant.now().plusMillis(50);

    JsonNode original = get("/api/v1/policy/settings", user("erin")).body();
    ObjectNode draft = original.deepCopy();
    draft.set("deniedJurisdictions", Stack.JSON.valueToTree(Map.of("internal", List.of("NZ"))));
    assertEquals(200, put("/api/v1/policy/settings", user("erin"), draft).status());
    try {
      var report =
          post(
              "/api/v1/policy/impact",
              user("erin"),
              Map.of("from", from.toString(), "to", to.toString()));
      assertEquals(200, report.status(), report.raw().body());
      JsonNode r = report.body();
      assertEquals(9, r.get("evaluated").asInt(), r.toString());
      assertEquals(5, r.get("allowToDeny").asInt(), r.toString());
      assertEquals(0, r.get("denyToAllow").asInt());
      JsonNode sample = r.get("allowToDenySamples").get(0);
      assertEquals(modelId, sample.get("request").get("model").asText());
      assertEquals("jurisdiction_denied", sample.get("reasons").get(0).asText());
      assertTrue(
          decide("globex", decision("support", modelId)).get("allow").asBoolean(),
          "draft not published");
    } finally {
      assertEquals(200, put("/api/v1/policy/settings", user("erin"), original).status());
    }
  }

  @Test
  void impactWindowMustBeOrderedAndOnlyOfficersRunIt() {
    Instant now = Instant.now();
    var reply =
        post(
            "/api/v1/policy/impact",
            user("alice"),
            Map.of("from", now.toString(), "to", now.minusSeconds(5).toString()));
    assertEquals(400, reply.status());
    assertEquals(
        400,
        post(
                "/api/v1/policy/impact",
                user("alice"),
                Map.of("from", now.minusSeconds(200L * 86400).toString()))
            .status(),
        "windows are capped");
    assertEquals(403, post("/api/v1/policy/impact", user("bob"), Map.of()).status());
    assertEquals(200, post("/api/v1/policy/impact", user("alice"), Map.of()).status());
  }
}
