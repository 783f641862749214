package io.portolan.it;

import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.vendor;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Impact analyses as server-side jobs, on the real stack: start, progress, result, cancel, reopen.
 */
class ImpactJobIT {
  private static final String JOBS = "/api/v1/policy/impact/analyses";

  /** Logged decisions seeded for the cancel test: enough that the replay takes seconds. */
  private static final int SEEDED = 400_000;

  private static final String SEED_CLIENT = "impact-job-it";

  /** The seeded window: a day 40 days back, outside every 7-day default window other tests use. */
  private static final Instant SEED_FROM =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(40));

  private static final Instant SEED_TO = SEED_FROM.plus(Duration.ofHours(1));

  @Test
  void aJobReportsWhatTheSynchronousAnalysisReportsAndCanBeReopened() throws Exception {
    String vendorId = unique("vendor");
    String modelId = unique("model");
    assertEquals(201, post("/api/v1/vendors", user("erin"), vendor(vendorId, "NZ")).status());
    assertEquals(
        201, post("/api/v1/models", user("erin"), model(modelId, vendorId, "approved")).status());
    Approvals.grant("globex", "support", modelId, "internal");
    Thread.sleep(50);
    Instant from = Instant.now();
    for (int i = 0; i < 4; i++) {
      assertTrue(decide("globex", decision("support", modelId)).get("allow").asBoolean());
    }
    assertFalse(decide("globex", decision("support", "gpt-4o")).get("allow").asBoolean());
    Thread.sleep(50);
    Map<String, String> window =
        Map.of("from", from.toString(), "to", Instant.now().plusMillis(50).toString());

    JsonNode original = get("/api/v1/policy/settings", user("erin")).body();
    ObjectNode draft = original.deepCopy();
    draft.set("deniedJurisdictions", Stack.JSON.valueToTree(Map.of("internal", List.of("NZ"))));
    assertEquals(200, put("/api/v1/policy/settings", user("erin"), draft).status());
    JsonNode synchronous;
    Stack.Reply started;
    try {
      synchronous = post("/api/v1/policy/impact", user("erin"), window).body();
      started = post(JOBS, user("erin"), window);
    } finally {
      assertEquals(200, put("/api/v1/policy/settings", user("erin"), original).status());
    }
    assertEquals(202, started.status(), started.raw().body());
    String id = started.body().get("id").asText();
    String location = started.raw().headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith(JOBS + "/" + id), location);

    JsonNode done =
        awaitJob(
            id, "erin", job -> job.get("status").asText().equals("done"), Duration.ofSeconds(30));
    assertEquals(5, done.get("total").asInt(), done.toString());
    assertEquals(5, done.get("replayed").asInt(), done.toString());
    JsonNode result = done.get("result");
    for (String field :
        List.of(
            "from",
            "to",
            "evaluated",
            "allowToDeny",
            "denyToAllow",
            "allowToDenySamples",
            "denyToAllowSamples")) {
      assertEquals(
          withoutClock(synchronous.get(field)),
          withoutClock(result.get(field)),
          field + " differs: " + result + " vs " + synchronous);
    }
    assertEquals(
        4,
        result.get("allowToDeny").asInt(),
        "the draft as it was when the job started, not as restored");

    // Reopened later: listed first, its report still there.
    JsonNode listed = get(JOBS + "?size=5", user("erin")).body();
    assertEquals(id, listed.get("items").get(0).get("id").asText(), listed.toString());
    assertTrue(listed.get("items").get(0).get("result").isNull(), "lists leave the report out");
    assertEquals(result, get(JOBS + "/" + id, user("erin")).body().get("result"));

    // Another tenant sees nothing of it and cannot cancel it.
    assertEquals(404, get(JOBS + "/" + id, user("alice")).status());
    assertEquals(404, post(JOBS + "/" + id + "/cancel", user("alice"), null).status());
    assertEquals(404, delete(JOBS + "/" + id, user("alice")).status());
    for (JsonNode job : get(JOBS + "?size=500", user("alice")).body().get("items")) {
      assertFalse(job.get("id").asText().equals(id), "acme lists globex's analysis");
    }
    // A cancel after the end changes nothing.
    assertEquals(
        "done",
        post(JOBS + "/" + id + "/cancel", user("erin"), null).body().get("status").asText());
  }

  @Test
  void aCancelStopsTheReplayAndAnotherTenantCannotCancel() throws Exception {
    seedDecisions();
    try {
      cancelStopsTheReplay();
    } finally {
      removeSeededDecisions();
    }
  }

  private void cancelStopsTheReplay() throws Exception {
    Map<String, String> window = Map.of("from", SEED_FROM.toString(), "to", SEED_TO.toString());
    Stack.Reply started = post(JOBS, user("erin"), window);
    assertEquals(202, started.status(), started.raw().body());
    String id = started.body().get("id").asText();

    JsonNode running =
        awaitJob(id, "erin", job -> job.get("replayed").asLong() > 0, Duration.ofSeconds(30));
    assertEquals("running", running.get("status").asText(), running.toString());
    long total = running.get("total").asLong();
    assertTrue(total >= SEEDED, running.toString());
    assertEquals(404, post(JOBS + "/" + id + "/cancel", user("alice"), null).status());
    assertEquals(
        "running",
        get(JOBS + "/" + id, user("erin")).body().get("status").asText(),
        "alice's cancel was ignored");

    Stack.Reply cancel = post(JOBS + "/" + id + "/cancel", user("erin"), null);
    assertEquals(200, cancel.status(), cancel.raw().body());
    assertTrue(cancel.body().get("cancelRequested").asBoolean());
    JsonNode cancelled =
        awaitJob(
            id,
            "erin",
            job -> !job.get("status").asText().equals("running"),
            Duration.ofSeconds(10));
    assertEquals("cancelled", cancelled.get("status").asText(), cancelled.toString());
    long replayed = cancelled.get("replayed").asLong();
    assertTrue(replayed < total, "stopped before the end: " + cancelled);
    assertTrue(cancelled.get("result").isNull());
    Thread.sleep(1_500);
    assertEquals(
        replayed,
        get(JOBS + "/" + id, user("erin")).body().get("replayed").asLong(),
        "progress stopped");
  }

  @Test
  void aJobWhoseReplicaStoppedIsMarkedFailed() throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection db = Stack.superuser();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into impact_analysis (tenant_id, id, status, requested_by, window_from,"
                    + " window_to, total, replayed, started_at, heartbeat_at) values ('globex', ?,"
                    + " 'running', 'erin', now() - interval '1 day', now(), 1000, 10, now() -"
                    + " interval '10 minutes', now() - interval '10 minutes')")) {
      insert.setObject(1, id);
      insert.executeUpdate();
    }
    JsonNode failed =
        awaitJob(
            id.toString(),
            "erin",
            job -> !job.get("status").asText().equals("running"),
            Duration.ofSeconds(20));
    assertEquals("failed", failed.get("status").asText(), failed.toString());
    assertTrue(failed.get("error").asText().contains("replica"), failed.toString());
    assertNotNull(failed.get("finishedAt").asText());
  }

  @Test
  void badRequestsNameTheirFieldAndRequestersMayNotStartOne() {
    Instant now = Instant.now();
    var reversed =
        post(
            JOBS,
            user("alice"),
            Map.of("from", now.toString(), "to", now.minusSeconds(5).toString()));
    assertEquals(400, reversed.status());
    assertEquals("from", reversed.body().get("errors").get(0).get("field").asText());
    var notATime = post(JOBS, user("alice"), Map.of("from", "last tuesday"));
    assertEquals(400, notATime.status());
    var notAnId = get(JOBS + "/not-an-id", user("alice"));
    assertEquals(400, notAnId.status());
    assertEquals("id", notAnId.body().get("errors").get(0).get("field").asText());
    assertEquals(404, get(JOBS + "/" + UUID.randomUUID(), user("alice")).status());
    assertEquals(403, post(JOBS, user("bob"), Map.of()).status());
    assertEquals(403, get(JOBS, user("bob")).status());
  }

  /** Samples carry the time each replay evaluated at (now), which differs between two runs. */
  private static JsonNode withoutClock(JsonNode value) {
    JsonNode copy = value.deepCopy();
    copy.forEach(
        sample -> {
          if (sample.has("request")) ((ObjectNode) sample.get("request")).remove("nowMs");
        });
    return copy;
  }

  /** The seeded window as a request body. */
  static String seededWindow() {
    return "{\"from\":\"" + SEED_FROM + "\",\"to\":\"" + SEED_TO + "\"}";
  }

  static JsonNode awaitJob(String id, String who, Predicate<JsonNode> condition, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode job;
    do {
      var reply = get(JOBS + "/" + id, user(who));
      assertEquals(200, reply.status(), reply.raw().body());
      job = reply.body();
      if (condition.test(job)) {
        return job;
      }
      Thread.sleep(50);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("the job did not get there in " + timeout + ": " + job);
  }

  /**
   * Seeds globex's log in the seeded window (as the superuser; the log is append-only for the app).
   * The rows are outside the chain, so they are removed again after the test.
   */
  static void seedDecisions() throws Exception {
    removeSeededDecisions();
    try (Connection db = Stack.superuser();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into decision_log (id, tenant_id, team, model, purpose,"
                    + " data_classification, region, allow, reasons, policy_revision, evaluated_at,"
                    + " client_id) select gen_random_uuid(), 'globex', 'support',"
                    + " (array['gpt-4o','llama-3.3-70b','mistral-large-2','mistral-small-3','deepseek-v3'])[1"
                    + " + i % 5], 'chat',"
                    + " (array['public','internal','confidential','restricted'])[1 + i % 4],"
                    + " (array['eu','uk','us'])[1 + i % 3], i % 2 = 0, '[]', 'seeded', cast(? as"
                    + " timestamptz) + i * interval '5 ms', ? from generate_series(1, ?) as i")) {
      insert.setTimestamp(1, Timestamp.from(SEED_FROM));
      insert.setString(2, SEED_CLIENT);
      insert.setInt(3, SEEDED);
      insert.executeUpdate();
    }
  }

  static void removeSeededDecisions() throws Exception {
    try (Connection db = Stack.superuser();
        PreparedStatement delete =
            db.prepareStatement(
                "delete from decision_log where tenant_id = 'globex' and client_id = ?")) {
      delete.setString(1, SEED_CLIENT);
      delete.executeUpdate();
    }
  }
}
