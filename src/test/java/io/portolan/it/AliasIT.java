package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static io.portolan.it.Stack.delete;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aliases on the real stack (issue 19 item 4): a question for an alias decided on its first usable
 * candidate, the answer and the log naming both; a suspended vendor moving the alias's calls and
 * offering the alias to callers of the model; a draft previewed against the logged calls and
 * published; bad aliases refused. acme, with vendors, models and a team of each test's own.
 */
class AliasIT {
  private static final String ALICE = "alice"; // acme compliance officer
  private static final String BOB = "bob"; // acme requester
  private static final String CAROL = "carol"; // acme auditor

  /**
   * [team, US vendor, closed US model, FR vendor, open FR model]: both approved for the team, one
   * capability.
   */
  private static String[] world() {
    String team = unique("at");
    String us = unique("av-us");
    String fr = unique("av-fr");
    assertEquals(201, post("/api/v1/teams", user("dave"), Fixtures.team(team)).status());
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(us, "US")).status());
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(fr, "FR")).status());
    String closed = unique("am-closed");
    String open = unique("am-open");
    assertEquals(201, post("/api/v1/models", user(ALICE), model(closed, us, "approved")).status());
    assertEquals(201, post("/api/v1/models", user(ALICE), model(open, fr, "approved")).status());
    for (String m : List.of(closed, open)) {
      Approvals.grant("acme", team, m, "internal");
      assertEquals(
          201,
          post("/api/v1/deployments", user(ALICE), DeploymentIT.deployment(m + "-d", m)).status());
    }
    return new String[] {team, us, closed, fr, open};
  }

  private static Map<String, Object> alias(String id, String... models) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("description", "chat, wherever it is allowed");
    body.put("candidates", java.util.Arrays.stream(models).map(m -> Map.of("model", m)).toList());
    return body;
  }

  private static void suspend(String vendorId, String jurisdiction) {
    Map<String, Object> suspended =
        with(
            with(vendor(vendorId, jurisdiction), "suspended", true),
            "suspensionReason",
            "export review");
    Stack.Reply reply = put("/api/v1/vendors/" + vendorId, user(ALICE), suspended);
    assertEquals(200, reply.status(), reply.raw().body());
  }

  @Test
  void aQuestionForAnAliasIsDecidedOnItsFirstUsableCandidateAndMovesWhenItsVendorIsSuspended() {
    String[] w = world();
    String name = unique("chat-default");
    Stack.Reply created = post("/api/v1/aliases", user(ALICE), alias(name, w[2], w[4]));
    assertEquals(201, created.status(), created.raw().body());
    assertEquals(
        2,
        get("/api/v1/aliases/" + name, user(BOB)).body().get("candidates").size(),
        "requesters read aliases");

    JsonNode first = DecisionIT.decide("acme", decision(w[0], name));
    assertTrue(first.get("allow").asBoolean(), first.toString());
    assertEquals(name, first.get("alias").get("name").asText());
    assertEquals(w[2], first.get("alias").get("model").asText());
    assertEquals(w[2] + "-d", first.get("route").get("deployment").asText());

    suspend(w[1], "US");
    JsonNode moved = DecisionIT.decide("acme", decision(w[0], name));
    assertTrue(moved.get("allow").asBoolean(), moved.toString());
    assertEquals(
        w[4],
        moved.get("alias").get("model").asText(),
        "the next decision takes the next candidate");
    assertEquals(w[4] + "-d", moved.get("route").get("deployment").asText());

    JsonNode named = DecisionIT.decide("acme", decision(w[0], w[2]));
    assertFalse(named.get("allow").asBoolean());
    JsonNode offered = named.get("alternatives").get(0);
    assertEquals(name, offered.get("alias").asText(), "the alias is offered first: " + named);
    assertEquals(w[4], offered.get("model").asText());

    JsonNode logged =
        get("/api/v1/audit/decisions/search?alias=" + name + "&team=" + w[0], user(CAROL))
            .body()
            .get("items");
    assertEquals(2, logged.size(), logged.toString());
    assertEquals(
        w[4], logged.get(0).get("model").asText(), "the log names the model it resolved to");
    assertEquals(name, logged.get(0).get("alias").asText());
    assertEquals(w[4] + "-d", logged.get(0).get("deployment").asText());
    assertEquals(w[2], logged.get(1).get("model").asText());

    suspend(w[3], "FR");
    JsonNode none = DecisionIT.decide("acme", decision(w[0], name));
    assertFalse(none.get("allow").asBoolean());
    assertEquals(List.of("alias_unresolved"), List.copyOf(DecisionIT.codes(none)));
    assertTrue(
        none.get("reasons").get(0).get("message").asText().contains(w[2] + " (vendor_suspended)"),
        none.toString());
    assertTrue(
        none.get("alias").get("model").isNull() || !none.get("alias").has("model"),
        none.toString());
  }

  @Test
  void aDraftIsPreviewedAgainstTheLoggedCallsAndDecidesOnlyOncePublished() {
    String[] w = world();
    String name = unique("code-cheap");
    assertEquals(201, post("/api/v1/aliases", user(ALICE), alias(name, w[2], w[4])).status());
    Instant from = Instant.now().minusSeconds(1);
    for (int i = 0; i < 3; i++) {
      assertEquals(
          w[2], DecisionIT.decide("acme", decision(w[0], name)).get("alias").get("model").asText());
    }
    assertEquals(
        409,
        get("/api/v1/aliases/" + name + "/impact", user(ALICE)).status(),
        "nothing to preview without a draft");
    assertEquals(409, post("/api/v1/aliases/" + name + "/publish", user(ALICE), Map.of()).status());

    Stack.Reply drafted =
        put("/api/v1/aliases/" + name + "/draft", user(ALICE), alias(name, w[4], w[2]));
    assertEquals(200, drafted.status(), drafted.raw().body());
    assertEquals(w[4], drafted.body().get("draft").get("candidates").get(0).get("model").asText());
    assertEquals(
        w[2],
        DecisionIT.decide("acme", decision(w[0], name)).get("alias").get("model").asText(),
        "a draft does not decide");

    JsonNode impact = get("/api/v1/aliases/" + name + "/impact", user(ALICE)).body();
    assertEquals(4, impact.get("calls").asLong(), impact.toString());
    assertEquals(4, impact.get("movedCalls").asLong(), impact.toString());
    assertEquals(List.of(w[0]), Stack.JSON.convertValue(impact.get("teamsMoved"), List.class));
    JsonNode question = impact.get("questions").get(0);
    assertEquals(w[2], question.get("published").get("model").asText());
    assertEquals(w[4], question.get("draft").get("model").asText());
    assertEquals(w[4] + "-d", question.get("draft").get("deployment").asText());

    JsonNode table = get("/api/v1/aliases/" + name + "/resolution?region=eu", user(BOB)).body();
    assertTrue(table.get("hasDraft").asBoolean());
    JsonNode internal = null;
    JsonNode confidential = null;
    for (JsonNode row : table.get("rows")) {
      if (row.get("team").asText().equals(w[0])
          && row.get("dataClassification").asText().equals("internal")) internal = row;
      if (row.get("team").asText().equals(w[0])
          && row.get("dataClassification").asText().equals("confidential")) confidential = row;
    }
    assertEquals(w[2], internal.get("published").get("model").asText(), table.toString());
    assertTrue(internal.get("moves").asBoolean());
    assertFalse(
        confidential.has("published"), "the approvals cover internal data only: " + confidential);

    Stack.Reply published = post("/api/v1/aliases/" + name + "/publish", user(ALICE), Map.of());
    assertEquals(200, published.status(), published.raw().body());
    assertFalse(published.body().has("draft"));
    assertEquals(
        w[4],
        DecisionIT.decide("acme", decision(w[0], name)).get("alias").get("model").asText(),
        "the next decision resolves by what was published");

    String trail =
        get("/api/v1/audit/changes?format=ndjson&entityType=alias&from=" + from, user(CAROL))
            .raw()
            .body();
    for (String action : List.of("alias.drafted", "alias.published")) {
      assertTrue(
          trail.contains("\"" + action + "\"") && trail.contains(name),
          action + " is in the audit trail: " + trail);
    }
    assertEquals(204, delete("/api/v1/aliases/" + name, user(ALICE)).status());
    JsonNode gone = DecisionIT.decide("acme", decision(w[0], name));
    assertEquals(List.of("model_unknown"), List.copyOf(DecisionIT.codes(gone)));
  }

  @Test
  void badAliasesAreRefusedNamingTheProblemAndNothingIsStored() {
    String[] w = world();
    Stack.Reply shadow = post("/api/v1/aliases", user(ALICE), alias(w[2], w[4]));
    assertEquals(409, shadow.status(), "a model's id: " + shadow.raw().body());
    Stack.Reply unknown =
        post("/api/v1/aliases", user(ALICE), alias(unique("a"), w[4], "no-such-model"));
    assertEquals(422, unknown.status(), unknown.raw().body());
    assertEquals("candidates[1].model", unknown.body().get("errors").get(0).get("field").asText());
    Map<String, Object> elsewhere = alias(unique("a"), w[4]);
    elsewhere.put("candidates", List.of(Map.of("model", w[4], "deployment", w[2] + "-d")));
    Stack.Reply wrongDeployment = post("/api/v1/aliases", user(ALICE), elsewhere);
    assertEquals(422, wrongDeployment.status());
    assertEquals(
        "candidates[0].deployment",
        wrongDeployment.body().get("errors").get(0).get("field").asText());
    Map<String, Object> empty = alias(unique("a"));
    Stack.Reply none = post("/api/v1/aliases", user(ALICE), empty);
    assertEquals(400, none.status());
    assertEquals("candidates", none.body().get("errors").get(0).get("field").asText());
    assertEquals(
        403,
        post("/api/v1/aliases", user(BOB), alias(unique("a"), w[4])).status(),
        "requesters only read");

    String name = unique("embed");
    assertEquals(201, post("/api/v1/aliases", user(ALICE), alias(name, w[4])).status());
    assertEquals(
        409,
        post("/api/v1/aliases", user(ALICE), alias(name, w[2])).status(),
        "a second of one name");
    Stack.Reply model = post("/api/v1/models", user(ALICE), model(name, w[3], "approved"));
    assertEquals(
        409, model.status(), "a model may not take an alias's name: " + model.raw().body());
    assertEquals(
        404,
        get("/api/v1/aliases/" + name, Stack.user("erin")).status(),
        "another tenant's alias is not there");
  }
}
