package io.portolan.it;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Deployments (where a model runs): CRUD, the model's own, validation, roles, tenants, audit,
 * engine data.
 */
class DeploymentIT {
  private static final String ALICE = "alice"; // acme compliance officer
  private static final String BOB = "bob"; // acme requester
  private static final String CAROL = "carol"; // acme auditor
  private static final String DAVE = "dave"; // acme tenant admin
  private static final String ERIN = "erin"; // globex compliance officer
  private static final String FRANK = "frank"; // globex requester

  static Map<String, Object> deployment(String id, String model) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("id", id);
    body.put("model", model);
    body.put("operator", "self-hosted");
    body.put("operatorJurisdiction", "FR");
    body.put("regions", List.of("eu"));
    body.put("endpoint", "https://llm.acme.internal/v1");
    body.put("zeroDataRetention", true);
    body.put("trainsOnPrompts", false);
    body.put("status", "active");
    return body;
  }

  /** A vendor and a model of its own, so a test's deployments never touch demo data. */
  private static String freshModel() {
    String vendorId = unique("dv");
    String modelId = unique("dm");
    assertEquals(201, post("/api/v1/vendors", user(ALICE), vendor(vendorId, "US")).status());
    assertEquals(
        201, post("/api/v1/models", user(ALICE), model(modelId, vendorId, "approved")).status());
    return modelId;
  }

  @Test
  void officerCreatesReadsSuspendsAndDeletesADeploymentShownUnderItsModel() {
    String modelId = freshModel();
    assertEquals(
        0,
        get("/api/v1/models/" + modelId, user(BOB)).body().get("deployments").size(),
        "a model created through the API gets no deployment unasked");
    String id = unique("dep");
    var created = post("/api/v1/deployments", user(ALICE), deployment(id, modelId));
    assertEquals(201, created.status(), created.raw().body());
    assertTrue(created.header("Location").endsWith("/api/v1/deployments/" + id));
    assertTrue(created.body().get("selfHosted").asBoolean());
    assertEquals(
        0, created.body().get("retentionDays").asInt(), "zero data retention keeps nothing");

    var suspended =
        put(
            "/api/v1/deployments/" + id,
            user(DAVE),
            with(deployment(id, modelId), "status", "suspended"));
    assertEquals(200, suspended.status(), suspended.raw().body());
    assertEquals(
        "suspended", get("/api/v1/deployments/" + id, user(BOB)).body().get("status").asText());

    JsonNode ofModel = get("/api/v1/models/" + modelId, user(BOB)).body().get("deployments");
    assertEquals(1, ofModel.size());
    assertEquals(id, ofModel.get(0).get("id").asText());
    assertEquals("suspended", ofModel.get(0).get("status").asText());
    assertFalse(
        get("/api/v1/models?size=1", user(BOB)).body().get("items").get(0).has("deployments"),
        "lists stay lean");

    var stillRunning = delete("/api/v1/models/" + modelId, user(ALICE));
    assertEquals(409, stillRunning.status(), "a model with deployments");
    assertTrue(stillRunning.contentType().startsWith("application/problem+json"));
    assertEquals(204, delete("/api/v1/deployments/" + id, user(ALICE)).status());
    assertEquals(404, get("/api/v1/deployments/" + id, user(ALICE)).status());
    assertEquals(204, delete("/api/v1/models/" + modelId, user(ALICE)).status());
  }

  @Test
  void everyModelThatExistedGotItsVendorsDeploymentAndDeepSeekRunsTwice() {
    JsonNode gpt = get("/api/v1/models/gpt-4o", user(BOB)).body().get("deployments");
    assertEquals(1, gpt.size(), gpt.toString());
    assertEquals("openai", gpt.get(0).get("operator").asText());
    assertEquals("US", gpt.get(0).get("operatorJurisdiction").asText());
    assertEquals(List.of("eu", "us"), texts(gpt.get(0).get("regions")));
    assertEquals("active", gpt.get(0).get("status").asText());

    JsonNode deepseek = get("/api/v1/deployments?model=deepseek-v3", user(BOB)).body().get("items");
    assertEquals(List.of("deepseek-v3", "deepseek-v3-acme-eu"), ids(deepseek));
    JsonNode api = deepseek.get(0);
    assertEquals("deepseek", api.get("operator").asText());
    assertEquals("CN", api.get("operatorJurisdiction").asText());
    assertTrue(api.get("trainsOnPrompts").asBoolean());
    JsonNode own = deepseek.get(1);
    assertTrue(own.get("selfHosted").asBoolean());
    assertEquals("FR", own.get("operatorJurisdiction").asText());
    assertEquals(List.of("eu"), texts(own.get("regions")));
    assertTrue(own.get("zeroDataRetention").asBoolean());
    assertFalse(own.get("trainsOnPrompts").asBoolean());
  }

  @Test
  void listsFilterByModelOperatorAndStatusAndPage() {
    String modelId = freshModel();
    String a = "a-" + unique("dep");
    String b = "b-" + unique("dep");
    assertEquals(201, post("/api/v1/deployments", user(ALICE), deployment(a, modelId)).status());
    assertEquals(
        201,
        post(
                "/api/v1/deployments",
                user(ALICE),
                with(with(deployment(b, modelId), "operator", "azure"), "status", "suspended"))
            .status());

    assertEquals(
        List.of(a, b),
        ids(get("/api/v1/deployments?model=" + modelId, user(BOB)).body().get("items")));
    assertEquals(
        List.of(b),
        ids(
            get("/api/v1/deployments?model=" + modelId + "&operator=azure", user(BOB))
                .body()
                .get("items")));
    assertEquals(
        List.of(a),
        ids(
            get("/api/v1/deployments?model=" + modelId + "&status=active", user(BOB))
                .body()
                .get("items")));
    var page = get("/api/v1/deployments?model=" + modelId + "&size=1&page=1", user(BOB)).body();
    assertEquals(2, page.get("total").asInt());
    assertEquals(List.of(b), ids(page.get("items")));
    assertTrue(
        get("/api/v1/deployments?size=500", user(BOB)).body().get("total").asInt() >= 15,
        "demo deployments");

    for (String query :
        new String[] {"model=Bad%20Id", "status=retired", "operator=X", "size=501"}) {
      var bad = get("/api/v1/deployments?" + query, user(BOB));
      assertEquals(400, bad.status(), query);
      assertTrue(bad.contentType().startsWith("application/problem+json"), query);
    }
  }

  @Test
  void invalidFieldsAreNamedInAProblem() {
    String modelId = freshModel();
    Map<String, Object> body = deployment(unique("dep"), modelId);
    body = with(body, "operatorJurisdiction", "XX");
    body = with(body, "regions", List.of("EU"));
    body = with(body, "endpoint", "ftp://files.example");
    body = with(body, "retentionDays", -1);
    body.remove("zeroDataRetention");
    var reply = post("/api/v1/deployments", user(ALICE), body);
    assertEquals(400, reply.status(), reply.raw().body());
    assertTrue(reply.contentType().startsWith("application/problem+json"));
    assertEquals(
        List.of(
            "endpoint", "operatorJurisdiction", "regions[0]", "retentionDays", "zeroDataRetention"),
        fields(reply.body()));

    String id = unique("dep");
    assertEquals(
        List.of("retentionDays"),
        fields(
            post(
                    "/api/v1/deployments",
                    user(ALICE),
                    with(deployment(id, modelId), "retentionDays", 30))
                .body()),
        "zero retention that retains");
    var backwards =
        post(
            "/api/v1/deployments",
            user(ALICE),
            with(
                with(deployment(id, modelId), "availableFrom", "2027-01-01T00:00:00Z"),
                "cutOffAt",
                "2026-01-01T00:00:00Z"));
    assertEquals(400, backwards.status());
    assertEquals(List.of("cutOffAt"), fields(backwards.body()));
    var badStatus =
        post("/api/v1/deployments", user(ALICE), with(deployment(id, modelId), "status", "paused"));
    assertEquals(400, badStatus.status());
    assertEquals(List.of("status"), fields(badStatus.body()));
    var noModel = post("/api/v1/deployments", user(ALICE), deployment(id, "no-such-model"));
    assertEquals(422, noModel.status());
    assertEquals(List.of("model"), fields(noModel.body()));
    var mismatch = put("/api/v1/deployments/" + id, user(ALICE), deployment("other", modelId));
    assertEquals(400, mismatch.status());
    assertEquals(404, get("/api/v1/deployments/" + id, user(ALICE)).status(), "nothing stored");
    var tenantField =
        post(
            "/api/v1/deployments",
            user(ALICE),
            with(deployment(id, modelId), "tenantId", "globex"));
    assertEquals(400, tenantField.status());
    assertEquals(List.of("tenantId"), fields(tenantField.body()));
  }

  @Test
  void eachTenantSeesAndChangesOnlyItsOwnDeployments() {
    String modelId = freshModel();
    String id = unique("dep");
    assertEquals(201, post("/api/v1/deployments", user(ALICE), deployment(id, modelId)).status());
    assertEquals(404, get("/api/v1/deployments/" + id, user(FRANK)).status());
    assertEquals(
        404, put("/api/v1/deployments/" + id, user(ERIN), deployment(id, "deepseek-v3")).status());
    assertEquals(404, delete("/api/v1/deployments/" + id, user(ERIN)).status());
    assertFalse(
        ids(get("/api/v1/deployments?size=500", user(FRANK)).body().get("items")).contains(id));
    assertEquals(
        List.of("deepseek-v3"),
        ids(get("/api/v1/deployments?model=deepseek-v3", user(FRANK)).body().get("items")),
        "globex's own DeepSeek, not acme's cluster");
    assertEquals(
        422,
        post("/api/v1/deployments", user(ERIN), deployment(unique("dep"), modelId)).status(),
        "another tenant's model is no model at all");
    assertEquals(
        "active", get("/api/v1/deployments/" + id, user(ALICE)).body().get("status").asText());
  }

  @Test
  void officersAndAdminsWriteEveryoneOfTheTenantReads() {
    String modelId = freshModel();
    String id = unique("dep");
    assertEquals(403, post("/api/v1/deployments", user(BOB), deployment(id, modelId)).status());
    assertEquals(403, post("/api/v1/deployments", user(CAROL), deployment(id, modelId)).status());
    assertEquals(201, post("/api/v1/deployments", user(DAVE), deployment(id, modelId)).status());
    assertEquals(
        403, put("/api/v1/deployments/" + id, user(BOB), deployment(id, modelId)).status());
    assertEquals(403, delete("/api/v1/deployments/" + id, user(CAROL)).status());
    assertEquals(200, get("/api/v1/deployments/" + id, user(CAROL)).status());
    assertEquals(
        403, get("/api/v1/deployments", Stack.gateway("acme")).status(), "gateways only decide");
    assertEquals(
        403,
        get("/api/v1/deployments", user("root")).status(),
        "platform admin has no tenant data");
    assertEquals(401, get("/api/v1/deployments", null).status());
  }

  @Test
  void everyChangeIsInTheAuditTrailWithBeforeAndAfter() throws Exception {
    Instant from = Instant.now();
    Thread.sleep(5);
    String modelId = freshModel();
    String id = unique("dep");
    assertEquals(201, post("/api/v1/deployments", user(ALICE), deployment(id, modelId)).status());
    assertEquals(
        200,
        put(
                "/api/v1/deployments/" + id,
                user(DAVE),
                with(deployment(id, modelId), "status", "suspended"))
            .status());
    assertEquals(204, delete("/api/v1/deployments/" + id, user(ALICE)).status());
    Thread.sleep(5);
    var trail =
        get(
            "/api/v1/audit/changes?entityType=deployment&format=ndjson&from="
                + from
                + "&to="
                + Instant.now(),
            user(CAROL));
    assertEquals(200, trail.status(), trail.raw().body());
    List<JsonNode> records = new ArrayList<>();
    for (String line : trail.raw().body().split("\n")) {
      JsonNode record = Stack.JSON.readTree(line);
      if (record.get("entityId").asText().equals(id)) records.add(record);
    }
    assertEquals(
        List.of("deployment.created", "deployment.updated", "deployment.deleted"),
        records.stream().map(r -> r.get("action").asText()).toList());
    assertEquals(
        List.of("alice", "dave", "alice"),
        records.stream().map(r -> r.get("actor").asText()).toList());
    assertEquals("active", records.get(1).get("before").get("status").asText());
    assertEquals("suspended", records.get(1).get("after").get("status").asText());
    assertTrue(records.get(2).get("after").isNull());
  }

  @Test
  void aChangeBumpsTheTenantsDataVersionAndReachesTheBundle() throws Exception {
    String modelId = freshModel();
    String id = unique("dep");
    long before = dataVersion("acme");
    assertEquals(201, post("/api/v1/deployments", user(ALICE), deployment(id, modelId)).status());
    assertTrue(dataVersion("acme") > before, "the change notifies replicas and the engine");

    JsonNode data = bundleData("acme");
    JsonNode shipped = data.get("tenants").get("acme").get("deployments").get(id);
    assertNotNull(shipped, "the bundle carries the new deployment");
    assertEquals(modelId, shipped.get("model").asText());
    assertTrue(shipped.get("selfHosted").asBoolean());
    assertEquals("FR", shipped.get("operatorJurisdiction").asText());
    assertTrue(shipped.get("zeroDataRetention").asBoolean());
    assertEquals(
        "CN",
        data.get("tenants")
            .get("acme")
            .get("deployments")
            .get("deepseek-v3")
            .get("operatorJurisdiction")
            .asText());
    assertEquals(204, delete("/api/v1/deployments/" + id, user(ALICE)).status());
    assertFalse(
        bundleData("acme").get("tenants").get("acme").get("deployments").has(id),
        "a deletion reaches it too");
  }

  private static long dataVersion(String tenant) throws Exception {
    try (var db = Stack.superuser();
        var query = db.prepareStatement("select data_version from tenant where id = ?")) {
      query.setString(1, tenant);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** data.json of the tenant's OPA bundle, read from the tar.gz as a sidecar gets it. */
  private static JsonNode bundleData(String tenant) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(Stack.BASE + "/bundles/" + tenant))
            .header("Authorization", "Bearer " + Stack.gateway(tenant))
            .build();
    HttpResponse<byte[]> reply =
        java.net.http.HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, reply.statusCode());
    byte[] tar = new GZIPInputStream(new ByteArrayInputStream(reply.body())).readAllBytes();
    for (int at = 0; at + 512 <= tar.length; ) {
      String name = new String(tar, at, 100, StandardCharsets.US_ASCII).replace("\0", "").trim();
      if (name.isEmpty()) break;
      int size =
          Integer.parseInt(
              new String(tar, at + 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
      if (name.equals("data.json") || name.endsWith("/data.json")) {
        return Stack.JSON.readTree(new String(tar, at + 512, size, StandardCharsets.UTF_8));
      }
      at += 512 + ((size + 511) / 512) * 512;
    }
    throw new IOException("no data.json in the bundle");
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields.stream().sorted().toList();
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
