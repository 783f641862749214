package io.portolan.it;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The decision names where to send the call (issue 19): the route of an allowed answer, a question
 * naming its deployment, the route moving when a deployment is suspended or a cheaper one is
 * priced, and the log keeping both the deployment asked for and the one routed to. acme, with a
 * vendor, model and team of each test's own.
 */
class RouteIT {
  private static final String ALICE = "alice"; // acme compliance officer
  private static final String CAROL = "carol"; // acme auditor

  /**
   * [team, model]: an approved model of a fresh non-domestic vendor, and a team approved for it.
   */
  private static String[] world() {
    String vendorId = unique("rv");
    String modelId = unique("rm");
    String team = unique("rt");
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(vendorId, "US")).status());
    assertEquals(
        201, post("/api/v1/models", user(ALICE), model(modelId, vendorId, "approved")).status());
    assertEquals(201, post("/api/v1/teams", user("dave"), Fixtures.team(team)).status());
    Approvals.grant("acme", team, modelId, "internal");
    return new String[] {team, modelId};
  }

  private static Map<String, Object> cloud(String id, String model, String endpoint) {
    Map<String, Object> body = new LinkedHashMap<>(DeploymentIT.deployment(id, model));
    body.put("operator", "cloudco");
    body.put("operatorJurisdiction", "US");
    body.put("endpoint", endpoint);
    return body;
  }

  private static void create(Map<String, Object> deployment) {
    Stack.Reply created = post("/api/v1/deployments", user(ALICE), deployment);
    assertEquals(201, created.status(), created.raw().body());
  }

  @Test
  void anAllowedAnswerRoutesToTheTenantsOwnDeploymentAndMovesWhenItIsSuspended() {
    String[] w = world();
    String own = unique("own");
    String cloud = unique("cloud");
    create(DeploymentIT.deployment(own, w[1]));
    create(cloud(cloud, w[1], "https://cloud.example/v1"));

    JsonNode first = DecisionIT.decide("acme", decision(w[0], w[1]));
    assertTrue(first.get("allow").asBoolean(), first.toString());
    JsonNode route = first.get("route");
    assertEquals(own, route.get("deployment").asText(), "self-hosted first: " + first);
    assertEquals(w[1], route.get("model").asText());
    assertEquals("self-hosted", route.get("operator").asText());
    assertEquals("FR", route.get("operatorJurisdiction").asText());
    assertEquals("eu", route.get("region").asText());
    assertEquals("https://llm.acme.internal/v1", route.get("endpoint").asText());

    Map<String, Object> suspended = with(DeploymentIT.deployment(own, w[1]), "status", "suspended");
    assertEquals(200, put("/api/v1/deployments/" + own, user(ALICE), suspended).status());
    JsonNode moved = DecisionIT.decide("acme", decision(w[0], w[1]));
    assertTrue(moved.get("allow").asBoolean(), moved.toString());
    assertEquals(
        cloud, moved.get("route").get("deployment").asText(), "the next decision moves: " + moved);
    assertEquals("https://cloud.example/v1", moved.get("route").get("endpoint").asText());

    Map<String, Object> gone =
        with(cloud(cloud, w[1], "https://cloud.example/v1"), "status", "suspended");
    assertEquals(200, put("/api/v1/deployments/" + cloud, user(ALICE), gone).status());
    JsonNode nowhere = DecisionIT.decide("acme", decision(w[0], w[1]));
    assertTrue(
        nowhere.get("allow").asBoolean(),
        "no deployment rule applies to internal data: " + nowhere);
    assertFalse(nowhere.has("route"), "but there is nowhere to route it: " + nowhere);
  }

  @Test
  void aDeploymentsOwnPriceMakesItTheCheaperRoute() {
    String[] w = world();
    String first = unique("rta");
    String second = unique("rtb");
    create(cloud(first, w[1], "https://a.example/v1"));
    create(cloud(second, w[1], "https://b.example/v1"));
    assertEquals(
        first,
        DecisionIT.decide("acme", decision(w[0], w[1])).get("route").get("deployment").asText(),
        "alike and unpriced: by name");
    Map<String, Object> price =
        Map.of(
            "model",
            w[1],
            "deployment",
            second,
            "currency",
            "USD",
            "inputPerMillion",
            "0.10",
            "outputPerMillion",
            "0.30",
            "validFrom",
            Instant.now().minus(1, ChronoUnit.MINUTES).toString());
    Stack.Reply priced = post("/api/v1/prices", user(ALICE), price);
    assertEquals(201, priced.status(), priced.raw().body());
    assertEquals(
        second,
        DecisionIT.decide("acme", decision(w[0], w[1])).get("route").get("deployment").asText(),
        "acme prefers lower cost: the priced deployment first");
  }

  @Test
  void aQuestionNamingItsDeploymentIsDecidedOnItAndTheLogKeepsWhatWasAskedAndWhereItWent()
      throws Exception {
    String[] w = world();
    String own = unique("own");
    String cloud = unique("cloud");
    create(DeploymentIT.deployment(own, w[1]));
    create(cloud(cloud, w[1], "https://cloud.example/v1"));
    Instant from = Instant.now().minusSeconds(1);

    JsonNode named = DecisionIT.decide("acme", with(decision(w[0], w[1]), "deployment", cloud));
    assertTrue(named.get("allow").asBoolean(), named.toString());
    assertEquals(
        cloud,
        named.get("route").get("deployment").asText(),
        "the deployment asked for, not the best");
    JsonNode elsewhere =
        DecisionIT.decide("acme", with(decision(w[0], w[1]), "deployment", "gpt-4o"));
    assertFalse(elsewhere.get("allow").asBoolean());
    assertEquals(List.of("deployment_unknown"), List.copyOf(DecisionIT.codes(elsewhere)));
    assertEquals(
        "deployment 'gpt-4o' is not a deployment of model '" + w[1] + "'",
        elsewhere.get("reasons").get(0).get("message").asText());
    assertFalse(elsewhere.has("route"));
    Stack.Reply invalid =
        post(
            "/api/v1/decisions",
            Stack.gateway("acme"),
            with(decision(w[0], w[1]), "deployment", "Not A Slug"));
    assertEquals(400, invalid.status());
    assertEquals("deployment", invalid.body().get("errors").get(0).get("field").asText());

    String window = "from=" + from + "&to=" + Instant.now().plusSeconds(1);
    JsonNode logged =
        get("/api/v1/audit/decisions/search?deployment=" + cloud + "&" + window, user(CAROL))
            .body();
    assertEquals(1, logged.get("items").size(), logged.toString());
    assertEquals(cloud, logged.get("items").get(0).get("askedDeployment").asText());
    assertEquals(cloud, logged.get("items").get(0).get("deployment").asText());
    JsonNode denied =
        get(
                "/api/v1/audit/decisions/search?deployment=gpt-4o&team=" + w[0] + "&" + window,
                user(CAROL))
            .body();
    assertEquals(1, denied.get("items").size(), denied.toString());
    assertFalse(denied.get("items").get(0).has("deployment"), "a deny went nowhere: " + denied);
    String[] csv =
        get("/api/v1/audit/decisions?format=csv&team=" + w[0] + "&" + window, user(CAROL))
            .raw()
            .body()
            .split("\r\n");
    assertTrue(csv[0].endsWith(",askedDeployment,deployment,alias"), csv[0]);
    assertTrue(csv[1].endsWith("," + cloud + "," + cloud + ","), csv[1]);
    JsonNode routed = DecisionIT.decide("acme", decision(w[0], w[1]));
    JsonNode open =
        get(
                "/api/v1/audit/decisions/search?deployment="
                    + own
                    + "&from="
                    + from
                    + "&to="
                    + Instant.now().plusSeconds(1),
                user(CAROL))
            .body();
    assertEquals(own, open.get("items").get(0).get("deployment").asText(), open.toString());
    assertFalse(open.get("items").get(0).has("askedDeployment"), "the policy chose: " + open);

    String verify = "/api/v1/audit/verify?from=" + from + "&to=" + Instant.now().plusSeconds(1);
    assertTrue(get(verify, user(CAROL)).body().get("verified").asBoolean());
    UUID routedId = UUID.fromString(routed.get("decisionId").asText());
    try (Connection db = Stack.superuser()) {
      execute(db, "update decision_log set deployment = '" + cloud + "' where id = ?", routedId);
      JsonNode broken = get(verify, user(CAROL)).body();
      assertFalse(broken.get("verified").asBoolean(), "the hash covers where the call went");
      assertEquals(
          routedId.toString(), broken.get("firstBroken").get("id").asText(), broken.toString());
      execute(db, "update decision_log set deployment = '" + own + "' where id = ?", routedId);
    }
    assertTrue(get(verify, user(CAROL)).body().get("verified").asBoolean(), "restored");
  }

  @Test
  void aVendorSuspendedForItsOwnEndpointsKeepsItsWeightsServingOnTheTenantsOwnDeployment() {
    String vendorId = unique("rv");
    String modelId = unique("rm");
    String team = unique("rt");
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(vendorId, "US")).status());
    assertEquals(
        201, post("/api/v1/models", user(ALICE), model(modelId, vendorId, "approved")).status());
    assertEquals(201, post("/api/v1/teams", user("dave"), Fixtures.team(team)).status());
    Approvals.grant("acme", team, modelId, "internal");
    String api = unique("api");
    Map<String, Object> vendorApi = cloud(api, modelId, "https://api.vendor.example/v1");
    vendorApi.put("operator", vendorId);
    create(vendorApi);
    String own = unique("own");
    create(DeploymentIT.deployment(own, modelId));

    JsonNode ownOnly =
        get("/api/v1/vendors/" + vendorId + "/suspension-impact?scope=vendor-operated", user(ALICE))
            .body();
    assertEquals(
        0,
        ownOnly.get("approvals").size(),
        "the own deployment serves every approved use: " + ownOnly);
    JsonNode everything =
        get("/api/v1/vendors/" + vendorId + "/suspension-impact", user(ALICE)).body();
    assertEquals(1, everything.get("approvals").size(), everything.toString());
    assertEquals(
        400,
        get("/api/v1/vendors/" + vendorId + "/suspension-impact?scope=some", user(ALICE)).status());

    Map<String, Object> suspended =
        with(with(vendor(vendorId, "US"), "suspended", true), "suspensionReason", "export review");
    Stack.Reply scoped =
        put(
            "/api/v1/vendors/" + vendorId,
            user(ALICE),
            with(suspended, "suspensionScope", "vendor-operated"));
    assertEquals(200, scoped.status(), scoped.raw().body());
    assertEquals("vendor-operated", scoped.body().get("suspensionScope").asText());
    JsonNode kept = DecisionIT.decide("acme", decision(team, modelId));
    assertTrue(kept.get("allow").asBoolean(), kept.toString());
    assertEquals(
        own, kept.get("route").get("deployment").asText(), "the tenant's own cluster serves on");
    JsonNode toApi = DecisionIT.decide("acme", with(decision(team, modelId), "deployment", api));
    assertEquals(
        java.util.Set.of("vendor_suspended", "deployment_unavailable"), DecisionIT.codes(toApi));

    assertEquals(200, put("/api/v1/vendors/" + vendorId, user(ALICE), suspended).status());
    JsonNode stopped = DecisionIT.decide("acme", decision(team, modelId));
    assertEquals(
        java.util.Set.of("vendor_suspended"),
        DecisionIT.codes(stopped),
        "the kill switch stops the weights everywhere");
    Stack.Reply unsuspendedScope =
        put(
            "/api/v1/vendors/" + vendorId,
            user(ALICE),
            with(vendor(vendorId, "US"), "suspensionScope", "all"));
    assertEquals(400, unsuspendedScope.status());
    assertEquals(
        "suspensionScope", unsuspendedScope.body().get("errors").get(0).get("field").asText());
  }

  /**
   * An approval limited to some deployments of its model: decisions route only there (issue 19).
   */
  @Test
  void anApprovalNamingADeploymentRoutesThereAndDeniesTheOthers() {
    String vendorId = unique("rv");
    String modelId = unique("rm");
    String team = unique("rt");
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(vendorId, "US")).status());
    assertEquals(
        201, post("/api/v1/models", user(ALICE), model(modelId, vendorId, "approved")).status());
    assertEquals(201, post("/api/v1/teams", user("dave"), Fixtures.team(team)).status());
    String own = unique("own");
    String cloud = unique("cloud");
    create(DeploymentIT.deployment(own, modelId));
    create(cloud(cloud, modelId, "https://cloud.example/v1"));
    Map<String, Object> request =
        new LinkedHashMap<>(
            Map.of(
                "team",
                team,
                "model",
                modelId,
                "purpose",
                "chat",
                "maxDataClassification",
                "internal",
                "regions",
                List.of("eu"),
                "justification",
                "the cloud contract only"));
    request.put("deployments", List.of(cloud));
    JsonNode granted = Approvals.grant("acme", request);
    assertEquals(List.of(cloud), texts(granted.get("deployments")));
    JsonNode approval =
        get("/api/v1/approvals?team=" + team, user(ALICE)).body().get("items").get(0);
    assertEquals(List.of(cloud), texts(approval.get("deployments")), approval.toString());

    JsonNode routed = DecisionIT.decide("acme", decision(team, modelId));
    assertTrue(routed.get("allow").asBoolean(), routed.toString());
    assertEquals(
        cloud,
        routed.get("route").get("deployment").asText(),
        "the approved deployment, not the better ranked own one");
    JsonNode named = DecisionIT.decide("acme", with(decision(team, modelId), "deployment", own));
    assertFalse(named.get("allow").asBoolean(), named.toString());
    assertEquals(java.util.Set.of("approval_deployment_not_covered"), DecisionIT.codes(named));
    assertEquals(
        "the approval of model '" + modelId + "' names deployments " + cloud + "; not: " + own,
        named.get("reasons").get(0).get("message").asText());

    JsonNode preview =
        get("/api/v1/deployments/" + cloud + "/suspension-impact", user(ALICE)).body();
    assertEquals(
        approval.get("id").asText(),
        preview.get("approvals").get(0).get("id").asText(),
        "suspending the one deployment it names stops the approval: " + preview);
    Stack.Reply delete = Stack.delete("/api/v1/deployments/" + cloud, user(ALICE));
    assertEquals(409, delete.status(), "an approval in force names it: " + delete.raw().body());
    assertEquals(200, get("/api/v1/deployments/" + cloud, user(ALICE)).status());
    Map<String, Object> suspended =
        with(cloud(cloud, modelId, "https://cloud.example/v1"), "status", "suspended");
    assertEquals(200, put("/api/v1/deployments/" + cloud, user(ALICE), suspended).status());
    JsonNode nowhere = DecisionIT.decide("acme", decision(team, modelId));
    assertFalse(
        nowhere.get("allow").asBoolean(),
        "the approved deployment is out, and the approval covers no other: " + nowhere);
    assertEquals(
        java.util.Set.of("deployment_unavailable", "approval_deployment_not_covered"),
        DecisionIT.codes(nowhere));
  }

  @Test
  void approvalsNameOnlyTheModelsDeploymentsAndConditionsNarrowThem() {
    String[] w = world();
    String own = unique("own");
    String cloud = unique("cloud");
    create(DeploymentIT.deployment(own, w[1]));
    create(cloud(cloud, w[1], "https://cloud.example/v1"));
    Map<String, Object> request =
        new LinkedHashMap<>(
            Map.of(
                "team",
                w[0],
                "model",
                w[1],
                "purpose",
                "summarise",
                "maxDataClassification",
                "internal",
                "regions",
                List.of("eu"),
                "justification",
                "a test"));

    Stack.Reply foreign =
        post(
            "/api/v1/approval-requests",
            user("dave"),
            with(request, "deployments", List.of(own, "gpt-4o")));
    assertEquals(422, foreign.status(), foreign.raw().body());
    assertEquals("deployments[1]", foreign.body().get("errors").get(0).get("field").asText());
    assertEquals(
        "deployment 'gpt-4o' is not a deployment of model '" + w[1] + "'",
        foreign.body().get("errors").get(0).get("message").asText());
    assertEquals(
        422,
        post(
                "/api/v1/approval-requests",
                user("dave"),
                with(request, "deployments", List.of(unique("none"))))
            .status());
    assertEquals(
        400,
        post(
                "/api/v1/approval-requests",
                user("dave"),
                with(request, "deployments", List.of("Not A Slug")))
            .status());

    Stack.Reply submitted =
        post("/api/v1/approval-requests", user("dave"), with(request, "deployments", List.of(own)));
    assertEquals(201, submitted.status(), submitted.raw().body());
    assertEquals(List.of(own), texts(submitted.body().get("deployments")));
    String decision =
        "/api/v1/approval-requests/" + submitted.body().get("id").asText() + "/decision";
    Stack.Reply widened =
        post(
            decision,
            user(ALICE),
            Map.of("outcome", "approve", "conditions", Map.of("deployments", List.of(own, cloud))));
    assertEquals(
        400,
        widened.status(),
        "a condition may not add a deployment the request left out: " + widened.raw().body());
    assertEquals(
        "conditions.deployments", widened.body().get("errors").get(0).get("field").asText());

    Stack.Reply any = post("/api/v1/approval-requests", user("dave"), request);
    assertEquals(List.of(), texts(any.body().get("deployments")), "none named: any deployment");
    String anyDecision = "/api/v1/approval-requests/" + any.body().get("id").asText() + "/decision";
    Stack.Reply elsewhere =
        post(
            anyDecision,
            user(ALICE),
            Map.of("outcome", "approve", "conditions", Map.of("deployments", List.of("gpt-4o"))));
    assertEquals(422, elsewhere.status(), elsewhere.raw().body());
    assertEquals(
        "conditions.deployments[0]", elsewhere.body().get("errors").get(0).get("field").asText());
    Stack.Reply narrowed =
        post(
            anyDecision,
            user(ALICE),
            Map.of("outcome", "approve", "conditions", Map.of("deployments", List.of(cloud))));
    assertEquals(200, narrowed.status(), narrowed.raw().body());
    JsonNode summarise =
        DecisionIT.decide("acme", with(decision(w[0], w[1]), "purpose", "summarise"));
    assertEquals(
        cloud,
        summarise.get("route").get("deployment").asText(),
        "narrowed to the cloud: " + summarise);
    JsonNode chat = DecisionIT.decide("acme", decision(w[0], w[1]));
    assertEquals(
        own,
        chat.get("route").get("deployment").asText(),
        "the chat approval still covers any deployment: " + chat);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  /**
   * The demo data shows the point (db/demo): acme's research team, DeepSeek V3, and the alias
   * chat-default.
   */
  @Test
  void
      theDemoRoutesDeepSeekWeightsToAcmesOwnClusterForConfidentialDataButNeverThroughItsChineseApi() {
    Map<String, Object> confidential =
        with(decision("research", "deepseek-v3"), "dataClassification", "confidential");
    JsonNode own = DecisionIT.decide("acme", confidential);
    assertTrue(own.get("allow").asBoolean(), own.toString());
    assertEquals("deepseek-v3-acme-eu", own.get("route").get("deployment").asText());
    assertEquals("self-hosted", own.get("route").get("operator").asText());
    JsonNode api = DecisionIT.decide("acme", with(confidential, "deployment", "deepseek-v3"));
    assertFalse(api.get("allow").asBoolean());
    assertTrue(DecisionIT.codes(api).contains("operator_jurisdiction_denied"), api.toString());
    JsonNode chat = DecisionIT.decide("acme", decision("research", "chat-default"));
    assertEquals("gpt-4o", chat.get("alias").get("model").asText(), chat.toString());
  }

  private static void execute(Connection db, String sql, UUID id) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setObject(1, id);
      assertEquals(1, statement.executeUpdate());
    }
  }
}
