package io.portolan.it;

import static io.portolan.it.DecisionIT.codes;
import static io.portolan.it.DecisionIT.decide;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scheduled cut-offs on the real stack: globex's team "support" holds approvals for models of a
 * capability of each test's own, one of which has no cut-off (the alternative to move to).
 */
class CutOffIT {
  private static final String TEAM = "support";
  private static final String VENDOR = unique("vendor");
  private static final Instant IN_A_MONTH =
      Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void aVendor() {
    assertEquals(201, post("/api/v1/vendors", user("erin"), vendor(VENDOR, "NZ")).status());
  }

  @Test
  void beforeItsCutOffAModelIsAllowedWithTheDateAndWhereToMoveOnTheRecord() {
    String capability = unique("cap");
    String lasting = create(capability, model(unique("model"), VENDOR, "approved"));
    String retiring =
        create(
            capability,
            cutOff(
                model(unique("model"), VENDOR, "approved"), IN_A_MONTH, "retired by its vendor"));
    Instant asked = Instant.now();

    JsonNode answer = decide("globex", decision(TEAM, retiring));
    assertTrue(answer.get("allow").asBoolean(), answer.toString());
    JsonNode obligation = answer.get("obligations").get(0);
    assertEquals("cut_off_scheduled", obligation.get("code").asText());
    assertEquals(IN_A_MONTH.toString(), obligation.get("cutOffAt").asText());
    assertEquals(List.of(lasting), texts(obligation.get("alternatives")));
    assertTrue(
        obligation.get("message").asText().contains("retired by its vendor"),
        obligation.toString());

    String window = "from=" + asked.minusSeconds(1) + "&to=" + Instant.now().plusSeconds(1);
    JsonNode found =
        get(
                "/api/v1/audit/decisions/search?obligation=cut_off_scheduled&model="
                    + retiring
                    + "&"
                    + window,
                user("erin"))
            .body();
    assertEquals(1, found.get("items").size(), found.toString());
    assertEquals(
        obligation,
        found.get("items").get(0).get("obligations").get(0),
        "the log keeps the date and the moves");
  }

  @Test
  void atItsCutOffACachedAllowTurnsIntoACutOffDenial() throws InterruptedException {
    String capability = unique("cap");
    String lasting = create(capability, model(unique("model"), VENDOR, "approved"));
    Instant soon = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
    String retiring =
        create(
            capability,
            cutOff(model(unique("model"), VENDOR, "approved"), soon, "export rule in force"));

    JsonNode before = decide("globex", decision(TEAM, retiring));
    assertTrue(before.get("allow").asBoolean(), before.toString());
    assertFalse(
        Instant.parse(before.get("expiresAt").asText()).isAfter(soon),
        "no gateway may reuse the allow past the cut-off");
    assertTrue(
        decide("globex", decision(TEAM, retiring)).get("allow").asBoolean(),
        "the cached answer, before the cut-off");
    Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis()) + 200);

    JsonNode after = decide("globex", decision(TEAM, retiring));
    assertFalse(after.get("allow").asBoolean(), after.toString());
    assertEquals(Set.of("cut_off"), codes(after));
    assertEquals(
        "model '" + retiring + "' was cut off on " + soon + ": export rule in force",
        after.get("reasons").get(0).get("message").asText());
    assertEquals(List.of(lasting), alternativeModels(after));
  }

  @Test
  void aVendorsCutOffReachesEveryModelOfIt() {
    String gone = unique("vendor");
    String model = unique("model");
    Map<String, Object> body =
        cutOff(vendor(gone, "US"), Instant.now().minus(1, ChronoUnit.DAYS), "export control");
    var created = post("/api/v1/vendors", user("erin"), body);
    assertEquals(201, created.status(), created.raw().body());
    assertEquals("export control", created.body().get("cutOffReason").asText());
    create(unique("cap"), model(model, gone, "approved"));

    JsonNode answer = decide("globex", decision(TEAM, model));
    assertEquals(Set.of("cut_off"), codes(answer), answer.toString());
    assertTrue(
        answer
            .get("reasons")
            .get(0)
            .get("message")
            .asText()
            .startsWith("vendor '" + gone + "' was cut off on "));
  }

  @Test
  void thePortabilityViewShowsWhatAnAnnouncedCutOffTakesAwayAndWhen() {
    String loneCapability = unique("cap");
    String lone =
        create(
            loneCapability,
            cutOff(model(unique("model"), VENDOR, "approved"), IN_A_MONTH, "retired"));

    var reply = get("/api/v1/portability/cut-offs", user("erin"));
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode entry = null;
    for (JsonNode c : reply.body().get("cutOffs")) {
      if (c.get("id").asText().equals(lone)) entry = c;
    }
    assertTrue(entry != null, reply.body().toString());
    assertEquals("model", entry.get("kind").asText());
    assertEquals(IN_A_MONTH.toString(), entry.get("cutOffAt").asText());
    assertEquals(List.of(lone), texts(entry.get("models")));
    List<String> losses = new ArrayList<>();
    // By its date every cut-off at or before it is in force: other tests' announcements may add
    // losses of their own.
    entry
        .get("teamsLosingCapabilities")
        .forEach(
            l -> {
              if (l.get("capability").asText().equals(loneCapability)) {
                losses.add(
                    l.get("team").asText()
                        + "/"
                        + l.get("classification").asText()
                        + "/"
                        + texts(l.get("lost")));
              }
            });
    assertEquals(
        List.of(TEAM + "/public/[" + lone + "]", TEAM + "/internal/[" + lone + "]"),
        losses,
        "the approval covers public and internal data; nothing else offers the capability");
  }

  @Test
  void badCutOffsAreRefusedAndChangeNothing() {
    String id =
        create(
            unique("cap"),
            cutOff(model(unique("model"), VENDOR, "approved"), IN_A_MONTH, "planned"));

    var notADate =
        put(
            "/api/v1/models/" + id,
            user("erin"),
            with(model(id, VENDOR, "approved"), "cutOffAt", "next tuesday"));
    assertEquals(400, notADate.status(), notADate.raw().body());
    assertTrue(notADate.contentType().startsWith("application/problem+json"));
    assertTrue(notADate.raw().body().contains("cutOffAt"), notADate.raw().body());

    var reasonOnly =
        put(
            "/api/v1/models/" + id,
            user("erin"),
            with(model(id, VENDOR, "approved"), "cutOffReason", "someday"));
    assertEquals(400, reasonOnly.status(), reasonOnly.raw().body());
    assertEquals("cutOffReason", reasonOnly.body().get("errors").get(0).get("field").asText());

    JsonNode stored = get("/api/v1/models/" + id, user("erin")).body();
    assertEquals(IN_A_MONTH.toString(), stored.get("cutOffAt").asText());
    assertEquals("planned", stored.get("cutOffReason").asText());

    // PUT replaces: leaving the date out withdraws the announcement.
    assertEquals(
        200, put("/api/v1/models/" + id, user("erin"), model(id, VENDOR, "approved")).status());
    assertTrue(get("/api/v1/models/" + id, user("erin")).body().get("cutOffAt").isNull());
    assertEquals(List.of(), texts(decide("globex", decision(TEAM, id)).get("obligations")));
  }

  private static Map<String, Object> cutOff(Map<String, Object> body, Instant at, String reason) {
    return with(with(body, "cutOffAt", at.toString()), "cutOffReason", reason);
  }

  /** A model with one capability, approved for the team for internal data; its id. */
  private static String create(String capability, Map<String, Object> model) {
    var reply =
        post("/api/v1/models", user("erin"), with(model, "capabilities", List.of(capability)));
    assertEquals(201, reply.status(), reply.raw().body());
    Approvals.grant("globex", TEAM, (String) model.get("id"), "internal");
    return (String) model.get("id");
  }

  private static List<String> alternativeModels(JsonNode answer) {
    List<String> models = new ArrayList<>();
    answer.get("alternatives").forEach(a -> models.add(a.get("model").asText()));
    return models;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.isObject() ? node.get("code").asText() : node.asText()));
    return texts;
  }
}
