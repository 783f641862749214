package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Auditors export the decision log and verify its hash chain; tampering in the database shows. */
class AuditIT {
  @Test
  void exportsStreamCsvAndNdjsonThatMatchTheManifest() throws Exception {
    String model = unique("audit-model");
    for (int i = 0; i < 3; i++) {
      DecisionIT.decide("acme", decision("research", model));
    }
    String query = "?model=" + model;
    var ndjson = get("/api/v1/audit/decisions" + query + "&format=ndjson", user("carol"));
    assertEquals(200, ndjson.status());
    assertTrue(ndjson.contentType().startsWith("application/x-ndjson"), ndjson.contentType());
    String[] lines = ndjson.raw().body().split("\n");
    assertEquals(3, lines.length);
    JsonNode last = Stack.JSON.readTree(lines[2]);
    assertEquals("model_unknown", last.get("reasons").get(0).get("code").asText());

    HttpResponse<String> csv =
        Stack.exchange(
            HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/audit/decisions" + query))
                .header("Authorization", "Bearer " + user("carol"))
                .header("Accept", "text/csv")
                .build());
    assertEquals(200, csv.statusCode());
    String[] rows = csv.body().split("\r\n");
    assertEquals(4, rows.length, csv.body());
    assertTrue(rows[0].startsWith("id,seq,evaluatedAt,team,model"));
    assertTrue(rows[3].contains(",false,model_unknown,"), rows[3]);

    JsonNode manifest = get("/api/v1/audit/decisions/manifest" + query, user("carol")).body();
    assertEquals(3, manifest.get("rows").asInt());
    assertEquals(last.get("hash").asText(), manifest.get("lastHash").asText());
    assertEquals(
        Stack.JSON.readTree(lines[0]).get("hash").asText(), manifest.get("firstHash").asText());
  }

  /**
   * acme watch-lists the US for restricted data: research may use llama-3.3-70b for it, with the
   * obligation to record the use for review. That obligation is on the record: in the log, the
   * search, both exports and the chain (removing it in the database breaks verification).
   */
  @Test
  void obligationsAreOnTheRecordChainedExportedAndSearchable() throws Exception {
    Instant from = Instant.now();
    Thread.sleep(5);
    JsonNode watched =
        DecisionIT.decide(
            "acme",
            Fixtures.with(
                decision("research", "llama-3.3-70b"), "dataClassification", "restricted"));
    assertTrue(watched.get("allow").asBoolean(), watched.toString());
    String obligedId = watched.get("decisionId").asText();
    String plainId =
        DecisionIT.decide("acme", decision("research", "llama-3.3-70b")).get("decisionId").asText();
    Thread.sleep(5);
    String window = "from=" + from + "&to=" + Instant.now();

    JsonNode logged = get("/api/v1/audit/decisions/" + obligedId, user("carol")).body();
    assertEquals(
        watched.get("obligations"),
        logged.get("obligations"),
        "the log keeps what the caller was told");
    assertEquals(
        0,
        get("/api/v1/audit/decisions/" + plainId, user("carol")).body().get("obligations").size());

    JsonNode found =
        get(
                "/api/v1/audit/decisions/search?obligation=jurisdiction_watchlisted&" + window,
                user("alice"))
            .body();
    List<String> ids = new ArrayList<>();
    found.get("items").forEach(d -> ids.add(d.get("id").asText()));
    assertEquals(List.of(obligedId), ids, "only the decisions that carry the obligation");
    assertEquals(
        400,
        get("/api/v1/audit/decisions/search?obligation=Not%20A%20Code", user("alice")).status());

    String ndjson =
        get(
                "/api/v1/audit/decisions?format=ndjson&obligation=jurisdiction_watchlisted&"
                    + window,
                user("carol"))
            .raw()
            .body();
    assertEquals(
        "jurisdiction_watchlisted",
        Stack.JSON.readTree(ndjson.split("\n")[0]).get("obligations").get(0).get("code").asText());
    String[] csv =
        get("/api/v1/audit/decisions?format=csv&model=llama-3.3-70b&" + window, user("carol"))
            .raw()
            .body()
            .split("\r\n");
    assertTrue(csv[0].contains(",reasons,obligations,"), csv[0]);
    assertTrue(
        csv[1].contains(",jurisdiction_watchlisted,")
            != csv[2].contains(",jurisdiction_watchlisted,"),
        String.join("\n", csv));
    JsonNode manifest =
        get(
                "/api/v1/audit/decisions/manifest?obligation=jurisdiction_watchlisted&" + window,
                user("carol"))
            .body();
    assertEquals(1, manifest.get("rows").asInt(), manifest.toString());

    String verify = "/api/v1/audit/verify?" + window;
    assertTrue(get(verify, user("carol")).body().get("verified").asBoolean());
    try (Connection db = Stack.superuser()) {
      execute(db, "update decision_log set obligations = '[]' where id = ?", obligedId);
      JsonNode broken = get(verify, user("carol")).body();
      assertFalse(broken.get("verified").asBoolean(), "the hash covers the obligations");
      assertEquals(obligedId, broken.get("firstBroken").get("id").asText(), broken.toString());
      execute(
          db,
          "update decision_log set obligations = '[{\"code\": \"jurisdiction_watchlisted\","
              + " \"message\": "
              + Stack.JSON.writeValueAsString(
                  watched.get("obligations").get(0).get("message").asText())
              + "}]' where id = ?",
          obligedId);
    }
    assertTrue(get(verify, user("carol")).body().get("verified").asBoolean(), "restored");
  }

  @Test
  void onlyAuditorsAndTenantAdminsReadTheLogAndOnlyTheirTenants() {
    String model = unique("audit-model");
    DecisionIT.decide("acme", decision("research", model));
    assertEquals(403, get("/api/v1/audit/decisions?model=" + model, user("bob")).status());
    assertEquals(403, get("/api/v1/audit/verify", Stack.gateway("acme")).status());
    assertEquals(
        200, get("/api/v1/audit/decisions/manifest?model=" + model, user("dave")).status());
    assertEquals(
        403,
        get("/api/v1/audit/decisions/manifest?model=" + model, user("erin")).status(),
        "officers do not read the audit log");
    var other = get("/api/v1/audit/decisions?format=ndjson&model=" + model, user("ian"));
    assertEquals(200, other.status());
    assertEquals("", other.raw().body(), "another tenant's decisions leaked");
    assertEquals(400, get("/api/v1/audit/decisions?from=yesterday", user("carol")).status());
    assertEquals(
        400,
        get("/api/v1/audit/decisions/manifest?from=%2B300000-01-01T00:00:00Z", user("carol"))
            .status());
  }

  @Test
  void verifyPassesOnAnUntouchedChainAndNamesTamperedEntries() throws Exception {
    Instant from = Instant.now();
    Thread.sleep(5);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      var reply =
          Stack.post(
              "/api/v1/decisions",
              Stack.gateway("initech"),
              decision("audit-team", "audit-model-" + i));
      assertEquals(200, reply.status(), reply.raw().body());
      ids.add(reply.body().get("decisionId").asText());
    }
    Thread.sleep(5);
    String window = "?from=" + from + "&to=" + Instant.now();
    JsonNode clean = get("/api/v1/audit/verify" + window, user("ian")).body();
    assertTrue(clean.get("verified").asBoolean(), clean.toString());
    assertEquals(6, clean.get("checked").asInt());

    try (Connection db = Stack.superuser()) {
      execute(db, "update decision_log set allow = true where id = ?", ids.get(1));
      JsonNode updated = get("/api/v1/audit/verify" + window, user("ian")).body();
      assertFalse(updated.get("verified").asBoolean());
      assertEquals(ids.get(1), updated.get("firstBroken").get("id").asText());
      execute(db, "update decision_log set allow = false where id = ?", ids.get(1));
      assertTrue(
          get("/api/v1/audit/verify" + window, user("ian")).body().get("verified").asBoolean(),
          "restored");

      String forged = UUID.randomUUID().toString();
      execute(
          db,
          "insert into decision_log (id, tenant_id, team, model, purpose, data_classification,"
              + " region, allow, reasons, policy_revision, evaluated_at) select cast(? as uuid),"
              + " tenant_id, team, model, purpose, data_classification, region, true, '[]',"
              + " policy_revision, evaluated_at from decision_log where id = cast('"
              + ids.get(2)
              + "' as uuid)",
          forged);
      JsonNode inserted = get("/api/v1/audit/verify" + window, user("ian")).body();
      assertEquals(forged, inserted.get("firstBroken").get("id").asText(), inserted.toString());
      execute(db, "delete from decision_log where id = ?", forged);

      execute(db, "delete from decision_log where id = ?", ids.get(3));
      JsonNode deleted = get("/api/v1/audit/verify" + window, user("ian")).body();
      assertFalse(deleted.get("verified").asBoolean());
      assertEquals(ids.get(4), deleted.get("firstBroken").get("id").asText(), deleted.toString());
    }
  }

  @Test
  void everyChangeIsInTheAuditTrailWithBeforeAndAfterAndTheTrailVerifies() throws Exception {
    Instant from = Instant.now();
    Thread.sleep(5);
    String vendorId = unique("vendor");
    assertEquals(
        201,
        Stack.post("/api/v1/vendors", user("alice"), Fixtures.vendor(vendorId, "FR")).status());
    var suspend =
        Fixtures.with(
            Fixtures.with(Fixtures.vendor(vendorId, "FR"), "suspended", true),
            "suspensionReason",
            "audit");
    assertEquals(200, Stack.put("/api/v1/vendors/" + vendorId, user("dave"), suspend).status());
    assertEquals(204, Stack.delete("/api/v1/vendors/" + vendorId, user("alice")).status());
    Thread.sleep(5);
    String window = "from=" + from + "&to=" + Instant.now();

    var trail =
        get("/api/v1/audit/changes?entityType=vendor&format=ndjson&" + window, user("carol"));
    assertEquals(200, trail.status(), trail.raw().body());
    List<JsonNode> records = new ArrayList<>();
    for (String line : trail.raw().body().split("\n")) {
      JsonNode record = Stack.JSON.readTree(line);
      if (record.get("entityId").asText().equals(vendorId)) records.add(record);
    }
    assertEquals(
        List.of("vendor.created", "vendor.updated", "vendor.deleted"),
        records.stream().map(r -> r.get("action").asText()).toList());
    assertEquals(
        List.of("alice", "dave", "alice"),
        records.stream().map(r -> r.get("actor").asText()).toList());
    JsonNode update = records.get(1);
    assertFalse(update.get("before").get("suspended").asBoolean());
    assertTrue(update.get("after").get("suspended").asBoolean());
    assertTrue(records.get(2).get("after").isNull());

    JsonNode manifest =
        get("/api/v1/audit/changes/manifest?entityType=vendor&" + window, user("carol")).body();
    assertTrue(manifest.get("rows").asInt() >= 3, manifest.toString());
    JsonNode clean = get("/api/v1/audit/verify?log=changes&" + window, user("carol")).body();
    assertTrue(clean.get("verified").asBoolean(), clean.toString());
    String tampered = update.get("id").asText();
    try (Connection db = Stack.superuser()) {
      execute(db, "update change_log set actor = 'mallory' where id = ?", tampered);
      JsonNode broken = get("/api/v1/audit/verify?log=changes&" + window, user("carol")).body();
      assertFalse(broken.get("verified").asBoolean());
      assertEquals(tampered, broken.get("firstBroken").get("id").asText(), broken.toString());
      execute(db, "update change_log set actor = 'dave' where id = ?", tampered);
    }
    assertTrue(
        get("/api/v1/audit/verify?log=changes&" + window, user("carol"))
            .body()
            .get("verified")
            .asBoolean());
    assertEquals(403, get("/api/v1/audit/changes", user("alice")).status());
  }

  private static void execute(Connection db, String sql, String id) throws Exception {
    try (PreparedStatement statement =
        db.prepareStatement(sql.replace("where id = ?", "where id = cast(? as uuid)"))) {
      statement.setString(1, id);
      assertEquals(1, statement.executeUpdate(), sql);
    }
  }
}
