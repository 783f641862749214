package io.portolan.it;

import static io.portolan.it.DecisionIT.codes;
import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Monthly budgets in the decision, on the real stack: acme, a team of each test's own approved for
 * a high-cost and a low-cost model of one capability, priced 10 USD per million tokens either way.
 */
class BudgetIT {
  /** A team with approvals for a pricey and a cheap model; [team, vendor, pricey, cheap]. */
  static String[] world() {
    String team = Stack.unique("budget-team");
    String vendor = Stack.unique("budget-vendor");
    String capability = Stack.unique("cap");
    assertEquals(
        201, Stack.post("/api/v1/teams", Stack.user("dave"), Fixtures.team(team)).status());
    assertEquals(
        201,
        Stack.post("/api/v1/vendors", Stack.user("alice"), Fixtures.vendor(vendor, "FR")).status());
    String pricey = model(vendor, capability, "high");
    String cheap = model(vendor, capability, "low");
    for (String model : List.of(pricey, cheap)) {
      Approvals.grant("acme", team, model, "internal");
      Map<String, Object> price =
          Map.of(
              "model",
              model,
              "currency",
              "USD",
              "inputPerMillion",
              10,
              "outputPerMillion",
              10,
              "validFrom",
              Instant.now().minus(1, ChronoUnit.HOURS).toString());
      assertEquals(201, Stack.post("/api/v1/prices", Stack.user("alice"), price).status());
    }
    return new String[] {team, vendor, pricey, cheap};
  }

  private static String model(String vendor, String capability, String tier) {
    String id = Stack.unique("budget-model");
    Map<String, Object> body = new LinkedHashMap<>(Fixtures.model(id, vendor, "approved"));
    body.put("capabilities", List.of(capability));
    body.put("costTier", tier);
    assertEquals(201, Stack.post("/api/v1/models", Stack.user("alice"), body).status());
    return id;
  }

  /** Uses the model for tokens at 10 USD per million: 100,000 tokens cost 1.00 USD. */
  static void spend(String base, String team, String model, int tokens) {
    JsonNode answer = decide("acme", decision(team, model));
    Map<String, Object> usage =
        Map.of(
            "decisionId",
            answer.get("decisionId").asText(),
            "model",
            model,
            "inputTokens",
            tokens,
            "outputTokens",
            0,
            "latencyMs",
            10);
    Stack.Reply stored =
        Stack.send("POST", "/api/v1/usage", Stack.gateway("acme"), usage, "application/json");
    assertEquals(201, stored.status(), stored.raw().body());
  }

  static Map<String, Object> budget(String team, String vendor, String limit, String onExceeded) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("team", team);
    if (vendor != null) body.put("vendor", vendor);
    body.put("currency", "USD");
    body.put("monthlyLimit", new java.math.BigDecimal(limit));
    if (onExceeded != null) body.put("onExceeded", onExceeded);
    return body;
  }

  private static List<String> alternatives(JsonNode answer) {
    List<String> models = new ArrayList<>();
    answer.get("alternatives").forEach(a -> models.add(a.get("model").asText()));
    return models;
  }

  @Test
  void aBudgetWarnsFromEightyPercentAndDeniesWhenSpentTellingTheTeamOnceAtEach() {
    String[] w = world();
    String team = w[0];
    String pricey = w[2];
    String cheap = w[3];
    Stack.Reply created =
        Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, null, "1.00", null));
    assertEquals(201, created.status(), created.raw().body());
    String id = created.body().get("id").asText();
    assertEquals("ok", created.body().get("state").asText());

    assertEquals(0, decide("acme", decision(team, pricey)).get("obligations").size());
    spend(Stack.BASE, team, pricey, 85_000); // 0.85 of 1.00 USD
    JsonNode warned = decide("acme", decision(team, pricey));
    assertTrue(warned.get("allow").asBoolean(), warned.toString());
    JsonNode obligation = warned.get("obligations").get(0);
    assertEquals("budget_warning", obligation.get("code").asText());
    assertEquals(150_000, obligation.get("remainingMicros").asLong());
    assertEquals("USD", obligation.get("currency").asText());
    assertEquals(
        "team '" + team + "' has used 85% of its monthly budget of 1.00 USD: 0.15 USD remain",
        obligation.get("message").asText());

    spend(Stack.BASE, team, pricey, 20_000); // 1.05 USD
    JsonNode denied = decide("acme", decision(team, pricey));
    assertFalse(denied.get("allow").asBoolean(), denied.toString());
    assertEquals(Set.of("budget_exceeded"), codes(denied));
    assertEquals(List.of(), alternatives(denied), "a team-wide budget leaves no model to move to");
    assertEquals(Set.of("budget_exceeded"), codes(decide("acme", decision(team, cheap))));
    spend(Stack.BASE, team, cheap, 10_000); // usage reported late still counts; no second notice

    JsonNode shown = Stack.get("/api/v1/budgets/" + id, Stack.user("carol")).body();
    assertEquals("exceeded", shown.get("state").asText(), shown.toString());
    assertEquals(115, shown.get("percent").asInt());
    assertEquals(1.15, shown.get("spent").asDouble());
    JsonNode notices =
        Stack.get("/api/v1/notices?kind=budget&team=" + team, Stack.user("alice"))
            .body()
            .get("items");
    List<String> milestones = new ArrayList<>();
    notices.forEach(n -> milestones.add(n.get("milestone").asText()));
    String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
    assertEquals(Set.of(month + ":80", month + ":100"), Set.copyOf(milestones), notices.toString());
    assertEquals(2, milestones.size());

    // Over the budget, low-cost models only: the cheap one is allowed, and named first for the
    // pricey one.
    Map<String, Object> lowTier = budget(team, null, "1.00", "low-tier-only");
    assertEquals(200, Stack.put("/api/v1/budgets/" + id, Stack.user("dave"), lowTier).status());
    assertTrue(decide("acme", decision(team, cheap)).get("allow").asBoolean());
    JsonNode stillDenied = decide("acme", decision(team, pricey));
    assertEquals(Set.of("budget_exceeded"), codes(stillDenied));
    assertEquals(List.of(cheap), alternatives(stillDenied));

    // A raised limit is in force at the next decision.
    assertEquals(
        200,
        Stack.put("/api/v1/budgets/" + id, Stack.user("alice"), budget(team, null, "20.00", null))
            .status());
    JsonNode allowed = decide("acme", decision(team, pricey));
    assertTrue(allowed.get("allow").asBoolean(), allowed.toString());
    assertEquals(0, allowed.get("obligations").size());
  }

  @Test
  void aVendorBudgetSendsTheTeamToOtherVendorsCheapestFirst() {
    String[] w = world();
    String team = w[0];
    String otherVendor = Stack.unique("budget-vendor");
    assertEquals(
        201,
        Stack.post("/api/v1/vendors", Stack.user("alice"), Fixtures.vendor(otherVendor, "DE"))
            .status());
    String capability =
        Stack.get("/api/v1/models/" + w[2], Stack.user("alice"))
            .body()
            .get("capabilities")
            .get(0)
            .asText();
    String elsewhereHigh = model(otherVendor, capability, "high");
    String elsewhereLow = model(otherVendor, capability, "low");
    Approvals.grant("acme", team, elsewhereHigh, "internal");
    Approvals.grant("acme", team, elsewhereLow, "internal");
    assertEquals(
        201,
        Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, w[1], "0.10", null))
            .status());
    spend(Stack.BASE, team, w[2], 20_000); // 0.20 USD with the first vendor

    JsonNode denied = decide("acme", decision(team, w[2]));
    assertEquals(Set.of("budget_exceeded"), codes(denied), denied.toString());
    assertTrue(
        denied.get("reasons").get(0).get("message").asText().contains("for vendor '" + w[1] + "'"));
    assertEquals(
        List.of(elsewhereLow, elsewhereHigh),
        alternatives(denied),
        "cheaper first, and none of the spent vendor's");
    assertTrue(decide("acme", decision(team, elsewhereHigh)).get("allow").asBoolean());
  }

  @Test
  void theModelsATeamMayUseShowTheirPrice() {
    String[] w = world();
    JsonNode listed =
        Stack.get(
                "/api/v1/teams/"
                    + w[0]
                    + "/models?dataClassification=internal&region=eu&purpose=chat",
                Stack.gateway("acme"))
            .body()
            .get("models");
    JsonNode pricey = null;
    for (JsonNode m : listed) {
      if (m.get("model").asText().equals(w[2])) pricey = m;
    }
    assertTrue(pricey != null, listed.toString());
    assertEquals("USD", pricey.get("price").get("currency").asText());
    assertEquals(10, pricey.get("price").get("inputPerMillion").asDouble());
  }

  @Test
  void budgetsAreCheckedAndTheTenantsOwn() {
    String[] w = world();
    String team = w[0];
    assertEquals(
        "team",
        field(
            Stack.post(
                "/api/v1/budgets", Stack.user("alice"), budget("no-such-team", null, "1", null)),
            422));
    assertEquals(
        "vendor",
        field(
            Stack.post(
                "/api/v1/budgets", Stack.user("alice"), budget(team, "no-such-vendor", "1", null)),
            422));
    assertEquals(
        "monthlyLimit",
        field(
            Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, null, "0", null)),
            400));
    assertEquals(
        "monthlyLimit",
        field(
            Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, null, "1.001", null)),
            400));
    assertEquals(
        "onExceeded",
        field(
            Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, null, "1", "shrug")),
            400));
    Stack.Reply created =
        Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, null, "5", null));
    assertEquals(201, created.status());
    String id = created.body().get("id").asText();
    Stack.Reply twice =
        Stack.post("/api/v1/budgets", Stack.user("alice"), budget(team, null, "6", null));
    assertEquals(409, twice.status(), twice.raw().body());
    assertEquals(
        "team",
        field(
            Stack.put(
                "/api/v1/budgets/" + id, Stack.user("alice"), budget("research", null, "5", null)),
            400));
    assertEquals(
        403,
        Stack.post("/api/v1/budgets", Stack.user("bob"), budget(team, null, "5", null)).status());
    assertEquals(403, Stack.get("/api/v1/budgets", Stack.user("bob")).status());
    assertEquals(404, Stack.get("/api/v1/budgets/" + id, Stack.user("erin")).status());
    assertEquals(404, Stack.delete("/api/v1/budgets/" + id, Stack.user("erin")).status());
    assertEquals(
        0,
        Stack.get("/api/v1/budgets?team=" + team, Stack.user("erin")).body().get("items").size());
    assertEquals(204, Stack.delete("/api/v1/budgets/" + id, Stack.user("dave")).status());
    assertEquals(404, Stack.get("/api/v1/budgets/" + id, Stack.user("dave")).status());
    String changes =
        Stack.get("/api/v1/audit/changes?format=ndjson&entityType=budget", Stack.user("dave"))
            .raw()
            .body();
    assertTrue(
        changes.contains("\"budget.deleted\"") && changes.contains(id),
        "budget changes are in the audit trail");
  }

  private static String field(Stack.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.raw().body());
    assertEquals("application/problem+json", reply.contentType());
    return reply.body().get("errors").get(0).get("field").asText();
  }
}
