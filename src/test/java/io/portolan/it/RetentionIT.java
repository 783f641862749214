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
      assertEquals(200, post("/api/v1/decisions", Stack.gateway("initech"), decision("old-team", model)).status());
    }
    Thread.sleep(20);
    Instant cut = Instant.now();
    Thread.sleep(20);
    for (int i = 0; i < 2; i++) {
      assertEquals(200, post("/api/v1/decisions", Stack.gateway("initech"), decision("new-team", model)).status());
    }

    var applied = post("/api/v1/audit/retention", user("ian"), Map.of("before", cut.toString()));
    assertEquals(200, applied.status(), applied.raw().body());
    assertTrue(applied.body().get("decisions").asLong() >= 3, applied.body().toString());

    JsonNode left = get("/api/v1/audit/decisions/manifest?model=" + model, user("ian")).body();
    assertEquals(2, left.get("rows").asInt(), "only the entries after the cut remain");
    JsonNode verified = get("/api/v1/audit/verify?from=" + start, user("ian")).body();
    assertTrue(verified.get("verified").asBoolean(), verified.toString());
    assertTrue(get("/api/v1/audit/verify?log=changes", user("ian")).body().get("verified").asBoolean());

    var trail = get("/api/v1/audit/changes?format=ndjson&from=" + cut, user("ian"));
    assertTrue(trail.raw().body().contains("retention.applied"), "the job itself is in the audit trail");
  }

  @Test
  void retentionNeedsOneCutInThePastAndATenantAdmin() {
    assertEquals(400, post("/api/v1/audit/retention", user("ian"), Map.of()).status());
    assertEquals(400, post("/api/v1/audit/retention", user("ian"), Map.of("keepDays", -1)).status());
    assertEquals(400, post("/api/v1/audit/retention", user("ian"), Map.of("keepDays", 2_000_000_000)).status());
    assertEquals(400, post("/api/v1/audit/retention", user("ian"), Map.of("before", Instant.now().plusSeconds(3600).toString())).status());
    assertEquals(403, post("/api/v1/audit/retention", user("carol"), Map.of("keepDays", 400)).status());
    var kept = post("/api/v1/audit/retention", user("dave"), Map.of("keepDays", 400));
    assertEquals(200, kept.status(), kept.raw().body());
    assertEquals(0, kept.body().get("decisions").asLong(), "nothing in the demo is 400 days old");
  }
}
