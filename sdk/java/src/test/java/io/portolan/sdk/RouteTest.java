package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where an allowed call goes (the answer's route) and questions naming a deployment, against the
 * running stack: a model of its own (g-route-java) with two deployments, created through the API in
 * tenant initech by officer ivan (requester ian asks for team g-routing's approval), and an alias
 * (g-alias-java) whose first candidate is that model; kept between runs, reset at each.
 */
class RouteTest {
  private static final String OFFICER = "ivan";
  private static final String REQUESTER = "ian";
  private static final String MODEL = "g-route-java";
  private static final String TEAM = "g-routing";
  private static final String FIRST =
      MODEL + "-a"; // alike but for the endpoint: the policy ranks them by id
  private static final String SECOND = MODEL + "-b";
  private static final String ENDPOINT = "https://llm-a.route.example/v1";
  private static final String ALIAS = "g-alias-java";

  @BeforeAll
  static void aModelWithTwoDeploymentsAndAnApprovalForIt() throws Exception {
    expect(
        List.of(201, 409),
        Stack.api(
            "POST",
            "/api/v1/vendors",
            OFFICER,
            Map.of("id", "g-route-labs", "name", "Route Labs", "jurisdiction", "FR")));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", MODEL);
    model.put("displayName", "Routed (Java SDK tests)");
    model.put("vendor", "g-route-labs");
    model.put("hostingRegions", List.of("eu", "us"));
    model.put("openWeights", true);
    model.put("selfHostable", true);
    model.put("licence", "Apache-2.0");
    model.put(
        "capabilities",
        List.of("route-fixture")); // its own: never an alternative for the golden teams' models
    model.put("costTier", "low");
    model.put("status", "approved");
    expect(List.of(201, 409), Stack.api("POST", "/api/v1/models", OFFICER, model));
    expect(
        List.of(201, 409),
        Stack.api("POST", "/api/v1/teams", OFFICER, Map.of("id", TEAM, "name", "Routing tests")));
    for (Map<String, Object> deployment :
        List.of(deployment(FIRST, ENDPOINT), deployment(SECOND, null))) {
      HttpResponse<String> saved = Stack.api("POST", "/api/v1/deployments", OFFICER, deployment);
      if (saved.statusCode() == 409) {
        saved =
            Stack.api("PUT", "/api/v1/deployments/" + deployment.get("id"), OFFICER, deployment);
      }
      expect(List.of(200, 201), saved);
    }
    JsonNode approvals =
        Json.MAPPER.readTree(
            expect(
                    List.of(200),
                    Stack.api("GET", "/api/v1/approvals?team=" + TEAM + "&size=500", OFFICER, null))
                .body());
    boolean approved =
        StreamSupport.stream(approvals.get("items").spliterator(), false)
            .anyMatch(
                a ->
                    a.get("model").asText().equals(MODEL)
                        && a.get("purpose").asText().equals("chat"));
    if (!approved) {
      JsonNode request =
          Json.MAPPER.readTree(
              expect(
                      List.of(201),
                      Stack.api(
                          "POST",
                          "/api/v1/approval-requests",
                          REQUESTER,
                          Map.of(
                              "team",
                              TEAM,
                              "model",
                              MODEL,
                              "purpose",
                              "chat",
                              "maxDataClassification",
                              "internal",
                              "regions",
                              List.of("eu", "us"),
                              "justification",
                              "Java SDK routing tests")))
                  .body());
      expect(
          List.of(200),
          Stack.api(
              "POST",
              "/api/v1/approval-requests/" + request.get("id").asText() + "/decision",
              OFFICER,
              Map.of("outcome", "approve")));
    }
    Map<String, Object> alias =
        Map.of(
            "id",
            ALIAS,
            "description",
            "Java SDK alias tests",
            "candidates",
            List.of(Map.of("model", MODEL)));
    HttpResponse<String> saved = Stack.api("POST", "/api/v1/aliases", OFFICER, alias);
    if (saved.statusCode()
        == 409) { // left by an earlier run: put its candidates back through a draft
      expect(List.of(200), Stack.api("PUT", "/api/v1/aliases/" + ALIAS + "/draft", OFFICER, alias));
      saved = Stack.api("POST", "/api/v1/aliases/" + ALIAS + "/publish", OFFICER, Map.of());
    }
    expect(List.of(200, 201), saved);
  }

  @Test
  void anAllowedAnswerRoutesToTheBestDeployment() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision decision = client.decide(TEAM, MODEL, "chat", "internal", "eu");
      assertTrue(decision.allow(), decision.reasons().toString());
      assertEquals(
          new Decision.Route(FIRST, MODEL, "self-hosted", "FR", "eu", ENDPOINT), decision.route());
    }
  }

  @Test
  void aQuestionNamingADeploymentIsDecidedOnItAndCachedApart() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision named = client.decide(TEAM, MODEL, "chat", "internal", "us", null, SECOND);
      assertTrue(named.allow(), named.reasons().toString());
      assertEquals(
          new Decision.Route(SECOND, MODEL, "self-hosted", "FR", "us", null),
          named.route(),
          "it records no endpoint");
      assertTrue(client.decide(TEAM, MODEL, "chat", "internal", "us", null, SECOND).fromCache());
      Decision unnamed = client.decide(TEAM, MODEL, "chat", "internal", "us");
      assertFalse(unnamed.fromCache(), "another question");
      assertEquals(FIRST, unnamed.route().deployment());
    }
  }

  @Test
  void aDeploymentOfAnotherModelIsDeniedAndRoutesNowhere() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision decision = client.decide(TEAM, MODEL, "chat", "internal", "eu", null, "g-gpt");
      assertFalse(decision.allow());
      assertEquals(
          List.of("deployment_unknown"),
          decision.reasons().stream().map(Decision.Reason::code).toList());
      assertNull(decision.route());
    }
  }

  @Test
  void alternativesAndTheModelListSayWhereEachModelWouldGo() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision denied = client.decide(TEAM, MODEL + "-missing", "chat", "internal", "eu");
      assertEquals(
          List.of("model_unknown"), denied.reasons().stream().map(Decision.Reason::code).toList());
      List<Decision.Alternative> mine =
          denied.alternatives().stream().filter(a -> a.model().equals(MODEL)).toList();
      assertEquals(1, mine.size(), denied.alternatives().toString());
      assertEquals(FIRST, mine.get(0).route().deployment());
      assertEquals(ENDPOINT, mine.get(0).route().endpoint());
      List<AllowedModel> listed =
          client.allowedModels(TEAM, "chat", "internal", "eu").stream()
              .filter(m -> m.model().equals(MODEL))
              .toList();
      assertEquals(List.of(mine.get(0).route()), listed.stream().map(AllowedModel::route).toList());
    }
  }

  @Test
  void aQuestionForAnAliasIsDecidedAndRoutedOnTheModelItResolvesTo() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision decision = client.decide(TEAM, ALIAS, "chat", "internal", "eu");
      assertTrue(decision.allow(), decision.reasons().toString());
      assertEquals(new Decision.AliasResolution(ALIAS, MODEL), decision.alias());
      assertEquals(MODEL, decision.route().model());
      assertEquals(FIRST, decision.route().deployment());
      Decision again = client.decide(TEAM, ALIAS, "chat", "internal", "eu");
      assertTrue(again.fromCache());
      assertEquals(decision.alias(), again.alias(), "the cached answer keeps it");
      Decision plain = client.decide(TEAM, MODEL, "chat", "internal", "eu");
      assertTrue(plain.allow(), plain.reasons().toString());
      assertNull(plain.alias(), "a question for the model itself names no alias");
    }
  }

  private static Map<String, Object> deployment(String id, String endpoint) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("model", MODEL);
    body.put("operator", "self-hosted");
    body.put("operatorJurisdiction", "FR");
    body.put("regions", List.of("eu", "us"));
    if (endpoint != null) {
      body.put("endpoint", endpoint);
    }
    body.put("zeroDataRetention", true);
    body.put("trainsOnPrompts", false);
    body.put("status", "active");
    return body;
  }

  private static HttpResponse<String> expect(
      List<Integer> statuses, HttpResponse<String> response) {
    assertTrue(
        statuses.contains(response.statusCode()),
        response.request().method()
            + " "
            + response.uri()
            + " answered "
            + response.statusCode()
            + ": "
            + response.body());
    return response;
  }
}
