package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention job removes old entries and the chain that remains still verifies. */
class RetentionIT {
  @Test
  void oldEntriesGoTheRestStillVerifiesAndTheJobIsAudited() throws Exception {
    Instant start = Instant.now();
    String model = "retention-" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      assertEquals(
          200,
          post("/api/v1/decisions", Stack.gateway("initech"), decision("old-team", model))
              .status());
    }
    Thread.sleep(20);
    Instant cut = Instant.now();
    Thread.sleep(20);
    for (int i = 0; i < 2; i++) {
      assertEquals(
          200,
          post("/api/v1/decisions", Stack.gateway("initech"), decision("new-team", model))
              .status());
    }

    var applied = post("/api/v1/audit/retention", user("ian"), Map.of("before", cut.toString()));
    assertEquals(200, applied.status(), applied.raw().body());
    assertTrue(applied.body().get("decisions").asLong() >= 3, applied.body().toString());

    JsonNode left = get("/api/v1/audit/decisions/manifest?model=" + model, user("ian")).body();
    assertEquals(2, left.get("rows").asInt(), "only the entries after the cut remain");
    JsonNode verified = get("/api/v1/audit/verify?from=" + start, user("ian")).body();
    assertTrue(verified.get("verified").asBoolean(), verified.toString());
    assertTrue(
        get("/api/v1/audit/verify?log=changes", user("ian")).body().get("verified").asBoolean());

    var trail = get("/api/v1/audit/changes?format=ndjson&from=" + cut, user("ian"));
    assertTrue(
        trail.raw().body().contains("retention.applied"), "the job itself is in the audit trail");
  }

  /**
   * initech keeps decisions and usage for 0 days (the test stack's minimum) and changes for ever:
   * the next scheduled check applies it, once across the fleet, usage included, and the chains go
   * on verifiable from the checkpoints.
   */
  @Test
  void aTenantsPolicyRunsOnScheduleOnceAndCutsUsageToo() throws Exception {
    String model = "scheduled-" + System.nanoTime();
    String decision =
        post("/api/v1/decisions", Stack.gateway("initech"), decision("old-team", model))
            .body()
            .get("decisionId")
            .asText();
    assertEquals(
        201,
        post("/api/v1/usage", Stack.gateway("initech"), java.util.List.of(usage(decision)))
            .status());

    var saved =
        Stack.put(
            "/api/v1/audit/retention", user("ian"), Map.of("decisionsDays", 0, "usageDays", 0));
    assertEquals(200, saved.status(), saved.raw().body());
    Instant updated = Instant.parse(saved.body().get("updatedAt").asText());
    JsonNode run = null;
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      run = get("/api/v1/audit/retention", user("ian")).body().get("lastScheduledRun");
      if (run != null && !run.isNull() && Instant.parse(run.get("ranAt").asText()).isAfter(updated))
        break;
      run = null;
      Thread.sleep(500);
    }
    assertTrue(run != null, "no scheduled run within a minute of the policy");
    assertTrue(run.get("removed").get("decisions").asLong() >= 1, run.toString());
    assertTrue(run.get("removed").get("usage").asLong() >= 1, run.toString());
    assertEquals(0, run.get("removed").get("changes").asLong(), "changes are kept for ever");
    assertTrue(run.get("cutBefore").get("changes").isNull(), run.toString());
    assertEquals(
        0,
        get("/api/v1/audit/decisions/manifest?model=" + model, user("ian"))
            .body()
            .get("rows")
            .asInt());

    // After the cut, both chains go on from their checkpoints and still verify.
    String next =
        post("/api/v1/decisions", Stack.gateway("initech"), decision("old-team", model))
            .body()
            .get("decisionId")
            .asText();
    assertEquals(
        201,
        post("/api/v1/usage", Stack.gateway("initech"), java.util.List.of(usage(next))).status());
    assertTrue(get("/api/v1/audit/verify", user("ian")).body().get("verified").asBoolean());
    JsonNode usage = get("/api/v1/audit/verify?log=usage", user("ian")).body();
    assertTrue(usage.get("verified").asBoolean(), usage.toString());

    Thread.sleep(8_000); // several more checks, by every replica running
    try (java.sql.Connection db = Stack.superuser();
        java.sql.PreparedStatement runs =
            db.prepareStatement(
                "select count(*) from retention_run where tenant_id ="
                    + " 'initech' and trigger = 'schedule' and ran_at > ?")) {
      runs.setTimestamp(1, java.sql.Timestamp.from(updated));
      try (java.sql.ResultSet count = runs.executeQuery()) {
        count.next();
        assertEquals(1, count.getInt(1), "once a day, not once a check");
      }
    }
    var trail =
        get("/api/v1/audit/changes?format=ndjson&from=" + updated, user("ian")).raw().body();
    assertTrue(
        trail.contains("retention.policy-changed") && trail.contains("\"trigger\":\"schedule\""),
        trail);
    assertEquals(
        200,
        Stack.put("/api/v1/audit/retention", user("ian"), Map.of()).status(),
        "back to keeping everything");
  }

  @Test
  void retentionPoliciesAreValidatedAndEachTenantSeesItsOwn() {
    var bad =
        Stack.put(
            "/api/v1/audit/retention",
            user("ian"),
            Map.of("decisionsDays", -1, "changesDays", 40_000));
    assertEquals(400, bad.status(), bad.raw().body());
    assertEquals("decisionsDays", bad.body().get("errors").get(0).get("field").asText());
    assertEquals("changesDays", bad.body().get("errors").get(1).get("field").asText());
    assertEquals(
        403,
        Stack.put("/api/v1/audit/retention", user("carol"), Map.of("decisionsDays", 400)).status(),
        "auditors read the policy, tenant admins set it");
    assertEquals(
        200,
        Stack.put(
                "/api/v1/audit/retention",
                user("dave"),
                Map.of("decisionsDays", 400, "usageDays", 400))
            .status());
    JsonNode acme = get("/api/v1/audit/retention", user("carol")).body();
    assertEquals(400, acme.get("decisionsDays").asInt());
    assertTrue(acme.get("changesDays").isNull());
    assertEquals("dave", acme.get("updatedBy").asText());
    assertTrue(
        get("/api/v1/audit/retention", user("ian")).body().get("decisionsDays").asInt(-1) != 400,
        "initech does not see acme's policy");
    assertEquals(200, Stack.put("/api/v1/audit/retention", user("dave"), Map.of()).status());
  }

  private static Map<String, Object> usage(String decisionId) {
    return Map.of(
        "decisionId",
        decisionId,
        "model",
        "gpt-4o",
        "inputTokens",
        10,
        "outputTokens",
        5,
        "latencyMs",
        100);
  }

  @Test
  void retentionNeedsOneCutInThePastAndATenantAdmin() {
    assertEquals(400, post("/api/v1/audit/retention", user("ian"), Map.of()).status());
    assertEquals(
        400, post("/api/v1/audit/retention", user("ian"), Map.of("keepDays", -1)).status());
    assertEquals(
        400,
        post("/api/v1/audit/retention", user("ian"), Map.of("keepDays", 2_000_000_000)).status());
    assertEquals(
        400,
        post(
                "/api/v1/audit/retention",
                user("ian"),
                Map.of("before", Instant.now().plusSeconds(3600).toString()))
            .status());
    assertEquals(
        403, post("/api/v1/audit/retention", user("carol"), Map.of("keepDays", 400)).status());
    var kept = post("/api/v1/audit/retention", user("dave"), Map.of("keepDays", 400));
    assertEquals(200, kept.status(), kept.raw().body());
    assertEquals(0, kept.body().get("decisions").asLong(), "nothing in the demo is 400 days old");
  }
}
