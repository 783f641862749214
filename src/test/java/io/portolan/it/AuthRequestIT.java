package io.portolan.it;

import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.team;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/decisions/auth-request, the decision API for nginx auth_request: the question in
 * headers, the answer in the status (204 or 403) and headers. Every answer must agree with POST
 * /api/v1/decisions for the same question and be logged the same way. Uses its own vendor, models
 * and team in the test tenant initech, so it does not depend on seeded data.
 */
class AuthRequestIT {
  private static final String TENANT = "initech";
  private static final String OFFICER = "ivan"; // compliance officer and tenant admin
  private static final String PATH = "/api/v1/decisions/auth-request";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static String team;
  private static String approvedModel;
  private static String unapprovedModel;
  private static String watchedModel;

  @BeforeAll
  static void inventory() {
    String vendorId = Stack.unique("ar-vendor");
    team = Stack.unique("ar-team");
    approvedModel = Stack.unique("ar-approved");
    unapprovedModel = Stack.unique("ar-unapproved");
    watchedModel = Stack.unique("ar-watched");
    String watchedVendor = Stack.unique("ar-vendor-us");
    String officer = Stack.user(OFFICER);
    assertEquals(201, Stack.post("/api/v1/vendors", officer, vendor(vendorId, "FR")).status());
    assertEquals(
        201,
        Stack.post("/api/v1/models", officer, model(approvedModel, vendorId, "approved")).status());
    assertEquals(
        201,
        Stack.post("/api/v1/models", officer, model(unapprovedModel, vendorId, "approved"))
            .status());
    assertEquals(201, Stack.post("/api/v1/vendors", officer, vendor(watchedVendor, "US")).status());
    assertEquals(
        201,
        Stack.post("/api/v1/models", officer, model(watchedModel, watchedVendor, "approved"))
            .status());
    assertEquals(201, Stack.post("/api/v1/teams", officer, team(team)).status());
    Approvals.grant(TENANT, team, approvedModel, "internal");
    Approvals.grant(TENANT, team, watchedModel, "restricted");
  }

  @Test
  void anAllowedQuestionIsAnswered204WithTheDecisionInHeaders() {
    HttpResponse<String> answer =
        ask(question(approvedModel, "internal", "eu"), Stack.gateway(TENANT));
    assertEquals(204, answer.statusCode(), answer.body());
    UUID.fromString(header(answer, "X-Portolan-Decision-Id"));
    assertFalse(header(answer, "X-Portolan-Policy-Revision").isEmpty());
    assertNull(header(answer, "X-Portolan-Reasons"), "an allow has no reasons");
    assertNull(header(answer, "X-Portolan-Alternatives"));
  }

  @Test
  void anAllowedAnswerNamesTheDeploymentAndEndpointToRouteToForNginxToPickItsUpstream() {
    String own = Stack.unique("ar-own");
    Map<String, Object> deployment = DeploymentIT.deployment(own, approvedModel);
    assertEquals(201, Stack.post("/api/v1/deployments", Stack.user(OFFICER), deployment).status());
    HttpResponse<String> routed =
        ask(question(approvedModel, "internal", "eu"), Stack.gateway(TENANT));
    assertEquals(204, routed.statusCode(), routed.body());
    assertEquals(own, header(routed, "X-Portolan-Route-Deployment"));
    assertEquals("https://llm.acme.internal/v1", header(routed, "X-Portolan-Route-Endpoint"));

    Map<String, String> named = question(approvedModel, "internal", "eu");
    named.put("deployment", "ar-nowhere");
    HttpResponse<String> unknown = ask(named, Stack.gateway(TENANT));
    assertEquals(403, unknown.statusCode());
    assertEquals("deployment_unknown", header(unknown, "X-Portolan-Reasons"));
    assertNull(header(unknown, "X-Portolan-Route-Deployment"), "a deny routes nowhere");
    named.put("deployment", "Not A Slug");
    HttpResponse<String> invalid = ask(named, Stack.gateway(TENANT));
    assertEquals(400, invalid.statusCode());
    assertEquals("X-Portolan-Deployment", header(invalid, "X-Portolan-Invalid-Headers"));
  }

  @Test
  void everyAnswerAgreesWithTheJsonDecisionApi() {
    List<Map<String, String>> questions =
        List.of(
            question(approvedModel, "internal", "eu"),
            question(unapprovedModel, "internal", "eu"),
            question(approvedModel, "confidential", "eu"), // beyond the approval's classification
            with(question(approvedModel, "internal", "us"), "taskTier", "routine"),
            question("ar-no-such-model", "public", "apac"),
            // allowed with an obligation where the tenant watch-lists US vendors for restricted
            // data
            question(watchedModel, "restricted", "eu"));
    boolean sawAlternatives = false;
    for (Map<String, String> q : questions) {
      JsonNode json = Stack.post("/api/v1/decisions", Stack.gateway(TENANT), q).body();
      HttpResponse<String> answer = ask(q, Stack.gateway(TENANT));
      String what = q + " -> " + answer.statusCode() + " " + answer.headers().map();
      assertEquals(json.get("allow").asBoolean() ? 204 : 403, answer.statusCode(), what);
      assertEquals(sortedCodes(json), split(header(answer, "X-Portolan-Reasons")), what);
      List<String> alternatives = new ArrayList<>();
      json.get("alternatives").forEach(a -> alternatives.add(a.get("model").asText()));
      assertEquals(
          String.join(",", alternatives), orEmpty(header(answer, "X-Portolan-Alternatives")), what);
      List<String> obligations = new ArrayList<>();
      json.get("obligations").forEach(o -> obligations.add(o.get("code").asText()));
      assertEquals(
          String.join(",", obligations), orEmpty(header(answer, "X-Portolan-Obligations")), what);
      assertEquals(
          json.get("policyRevision").asText(), header(answer, "X-Portolan-Policy-Revision"), what);
      sawAlternatives |= !alternatives.isEmpty();
    }
    assertTrue(sawAlternatives, "at least one deny should offer alternatives");
  }

  @Test
  void aDenyCarriesItsReasonsInHeadersAndAProblemBody() throws IOException {
    HttpResponse<String> answer =
        ask(question(unapprovedModel, "internal", "eu"), Stack.gateway(TENANT));
    assertEquals(403, answer.statusCode());
    assertEquals(Set.of("approval_missing"), split(header(answer, "X-Portolan-Reasons")));
    assertTrue(
        split(header(answer, "X-Portolan-Alternatives")).contains(approvedModel),
        answer.headers().map().toString());
    assertTrue(header(answer, "Content-Type").startsWith("application/problem+json"));
    JsonNode problem = Stack.JSON.readTree(answer.body());
    assertEquals(403, problem.get("status").asInt());
    assertTrue(problem.get("detail").asText().contains("approval_missing"), answer.body());
  }

  @Test
  void cachingHeadersCountDownToTheDecisionsExpiry() {
    JsonNode json =
        Stack.post(
                "/api/v1/decisions",
                Stack.gateway(TENANT),
                question(approvedModel, "internal", "eu"))
            .body();
    long lifetime =
        Duration.between(
                Instant.parse(json.get("evaluatedAt").asText()),
                Instant.parse(json.get("expiresAt").asText()))
            .getSeconds();
    for (String model : List.of(approvedModel, unapprovedModel)) {
      HttpResponse<String> answer = ask(question(model, "internal", "eu"), Stack.gateway(TENANT));
      long seconds = Long.parseLong(header(answer, "X-Accel-Expires"));
      assertTrue(seconds > 0 && seconds <= lifetime, seconds + " of " + lifetime);
      assertEquals("max-age=" + seconds, header(answer, "Cache-Control"));
    }
  }

  @Test
  void theDecisionIsLoggedLikeThePostApi() throws IOException {
    Instant before = Instant.now().minusSeconds(5);
    HttpResponse<String> answer =
        ask(
            with(question(unapprovedModel, "internal", "eu"), "taskTier", "critical"),
            Stack.gateway(TENANT));
    String id = header(answer, "X-Portolan-Decision-Id");
    HttpResponse<String> log =
        get(
            "/api/v1/audit/decisions?format=ndjson&model=" + unapprovedModel + "&from=" + before,
            Map.of("Authorization", "Bearer " + Stack.user(OFFICER)));
    assertEquals(200, log.statusCode(), log.body());
    List<JsonNode> rows = new ArrayList<>();
    for (String line : log.body().split("\n")) {
      JsonNode row = line.isBlank() ? null : Stack.JSON.readTree(line);
      if (row != null && row.get("id").asText().equals(id)) {
        rows.add(row);
      }
    }
    assertEquals(1, rows.size(), "decision " + id + " logged once: " + log.body());
    JsonNode row = rows.get(0);
    assertEquals(team, row.get("team").asText());
    assertEquals("chat", row.get("purpose").asText());
    assertEquals("critical", row.get("taskTier").asText());
    assertFalse(row.get("allow").asBoolean());
    assertEquals("api", row.get("source").asText());
    assertEquals(TENANT + "-gateway", row.get("clientId").asText());
  }

  @Test
  void missingAndInvalidHeadersAre400NamingEachHeader() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + Stack.gateway(TENANT));
    headers.put("X-Portolan-Team", team);
    headers.put("X-Portolan-Model", "Not A Slug");
    headers.put("X-Portolan-Data-Classification", "secret");
    headers.put("X-Portolan-Region", "eu");
    headers.put("X-Portolan-Task-Tier", "urgent");
    HttpResponse<String> answer = get(PATH, headers); // and no X-Portolan-Purpose
    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(header(answer, "Content-Type").startsWith("application/problem+json"));
    Set<String> named = new TreeSet<>();
    Stack.JSON
        .readTree(answer.body())
        .get("errors")
        .forEach(e -> named.add(e.get("field").asText()));
    Set<String> expected =
        Set.of(
            "X-Portolan-Model",
            "X-Portolan-Purpose",
            "X-Portolan-Data-Classification",
            "X-Portolan-Task-Tier");
    assertEquals(new TreeSet<>(expected), named);
    assertEquals(new TreeSet<>(expected), split(header(answer, "X-Portolan-Invalid-Headers")));
    assertNull(header(answer, "X-Portolan-Decision-Id"), "nothing is decided");
  }

  @Test
  void onlyGatewaysMayAsk() {
    Map<String, String> q = question(approvedModel, "internal", "eu");
    HttpResponse<String> asUser = ask(q, Stack.user(OFFICER));
    assertEquals(403, asUser.statusCode());
    assertNull(header(asUser, "X-Portolan-Decision-Id"), "a wrong role is not a decision");
    assertEquals(401, ask(q, null).statusCode());
  }

  private static Map<String, String> question(String model, String classification, String region) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("team", team);
    q.put("model", model);
    q.put("purpose", "chat");
    q.put("dataClassification", classification);
    q.put("region", region);
    return q;
  }

  /** Asks the question the way nginx does: as X-Portolan-* headers on a GET. */
  private static HttpResponse<String> ask(Map<String, String> question, String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    headers.put("X-Portolan-Team", question.get("team"));
    headers.put("X-Portolan-Model", question.get("model"));
    headers.put("X-Portolan-Purpose", question.get("purpose"));
    headers.put("X-Portolan-Data-Classification", question.get("dataClassification"));
    headers.put("X-Portolan-Region", question.get("region"));
    if (question.containsKey("taskTier")) {
      headers.put("X-Portolan-Task-Tier", question.get("taskTier"));
    }
    if (question.containsKey("deployment")) {
      headers.put("X-Portolan-Deployment", question.get("deployment"));
    }
    return get(PATH, headers);
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.BASE + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    try {
      return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    }
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static Set<String> split(String commaSeparated) {
    Set<String> items = new TreeSet<>();
    if (commaSeparated != null && !commaSeparated.isEmpty()) {
      items.addAll(List.of(commaSeparated.split(",")));
    }
    return items;
  }

  private static Set<String> sortedCodes(JsonNode decision) {
    Set<String> codes = new TreeSet<>();
    decision.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
    return codes;
  }
}
