package io.portolan.it;

import static io.portolan.it.ErrorsIT.assertProblem;
import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision explorer's API: a paged search of the log, single decisions, and decisions people
 * try.
 */
class DecisionExplorerIT {
  private static final String SEARCH = "/api/v1/audit/decisions/search";
  private static final String DETAIL = "/api/v1/audit/decisions/";
  private static final String TRY = "/api/v1/decisions/try";

  @Test
  void searchPagesNewestFirstWithTheExportsFilters() {
    String model = unique("explore-model");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(DecisionIT.decide("acme", decision("research", model)).get("decisionId").asText());
    }
    JsonNode first = get(SEARCH + "?model=" + model + "&size=2", user("carol")).body();
    assertEquals(3, first.get("total").asInt(), first.toString());
    assertEquals(0, first.get("page").asInt());
    assertEquals(2, first.get("size").asInt());
    assertEquals(List.of(ids.get(2), ids.get(1)), idsOf(first));
    JsonNode second = get(SEARCH + "?model=" + model + "&size=2&page=1", user("dave")).body();
    assertEquals(List.of(ids.get(0)), idsOf(second));
    Instant newest = Instant.parse(first.get("items").get(0).get("evaluatedAt").asText());
    assertFalse(
        newest.isBefore(Instant.parse(first.get("items").get(1).get("evaluatedAt").asText())),
        "newest first");

    assertEquals(
        0,
        get(SEARCH + "?model=" + model + "&outcome=allow", user("carol"))
            .body()
            .get("total")
            .asInt());
    assertEquals(
        3,
        get(SEARCH + "?model=" + model + "&outcome=deny&team=research", user("alice"))
            .body()
            .get("total")
            .asInt());
    assertEquals(
        0,
        get(SEARCH + "?model=" + model + "&team=support", user("carol"))
            .body()
            .get("total")
            .asInt());
    assertEquals(
        0,
        get(SEARCH + "?model=" + model + "&to=2000-01-01T00:00:00Z", user("carol"))
            .body()
            .get("total")
            .asInt());
    assertEquals(
        403,
        get(SEARCH + "?model=" + model, user("bob")).status(),
        "requesters do not read the log");
  }

  @Test
  void badSearchValuesAreProblemsNamingTheField() {
    String token = user("carol");
    for (String query :
        List.of(
            "size=0",
            "size=501",
            "page=-1",
            "page=x",
            "outcome=maybe",
            "from=yesterday",
            "team=Not%20A%20Slug")) {
      var reply = get(SEARCH + "?" + query, token);
      assertProblem(reply, 400, "validation");
      String field = query.substring(0, query.indexOf('='));
      assertTrue(reply.raw().body().contains(field), query + " → " + reply.raw().body());
    }
    assertProblem(get(DETAIL + "not-a-uuid", token), 400, "validation");
  }

  @Test
  void aDecisionsDetailShowsItsInputAnswerAndOrigin() {
    String model = unique("explore-model");
    JsonNode answer = DecisionIT.decide("acme", decision("research", model));
    JsonNode logged = get(DETAIL + answer.get("decisionId").asText(), user("carol")).body();
    assertEquals(answer.get("decisionId").asText(), logged.get("id").asText());
    assertEquals("research", logged.get("team").asText());
    assertEquals(model, logged.get("model").asText());
    assertEquals("chat", logged.get("purpose").asText());
    assertEquals("internal", logged.get("dataClassification").asText());
    assertEquals("eu", logged.get("region").asText());
    assertFalse(logged.get("allow").asBoolean());
    assertEquals("model_unknown", logged.get("reasons").get(0).get("code").asText());
    assertEquals(answer.get("policyRevision").asText(), logged.get("policyRevision").asText());
    assertEquals("acme-gateway", logged.get("clientId").asText());
    assertEquals("api", logged.get("source").asText());
    assertTrue(logged.hasNonNull("hash"));
  }

  @Test
  void aTenantNeverSeesAnotherTenantsDecision() {
    String model = unique("explore-model");
    String globexDecision =
        DecisionIT.decide("globex", decision("support", model)).get("decisionId").asText();
    assertEquals(
        200, get(DETAIL + globexDecision, user("erin")).status(), "globex's officer reads it");
    assertProblem(get(DETAIL + globexDecision, user("carol")), 404, "not-found");
    assertProblem(get(DETAIL + globexDecision, user("dave")), 404, "not-found");
    assertEquals(0, get(SEARCH + "?model=" + model, user("carol")).body().get("total").asInt());
    assertEquals(1, get(SEARCH + "?model=" + model, user("erin")).body().get("total").asInt());
  }

  @Test
  void officersAndAdminsTryARealLoggedDecisionUnderTheirOwnName() {
    String model = unique("explore-model");
    var reply = post(TRY, user("alice"), decision("research", model));
    assertEquals(200, reply.status(), reply.raw().body());
    assertFalse(reply.body().get("allow").asBoolean());
    assertEquals("model_unknown", reply.body().get("reasons").get(0).get("code").asText());
    assertTrue(reply.body().get("obligations").isArray());
    JsonNode logged = get(DETAIL + reply.body().get("decisionId").asText(), user("carol")).body();
    assertEquals(
        "user:alice", logged.get("clientId").asText(), "a tried decision names the person");

    assertEquals(200, post(TRY, user("dave"), decision("research", model)).status());
    assertEquals(403, post(TRY, user("bob"), decision("research", model)).status());
    assertEquals(
        403,
        post(TRY, user("carol"), decision("research", model)).status(),
        "auditors read, never decide");
    assertEquals(403, post(TRY, Stack.gateway("acme"), decision("research", model)).status());
    assertProblem(post(TRY, user("alice"), "{}"), 400, "validation");
    assertEquals(
        2,
        get(SEARCH + "?model=" + model, user("carol")).body().get("total").asInt(),
        "refused tries are not logged");
  }

  private static List<String> idsOf(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
