package io.portolan.it;

import static io.portolan.it.Fixtures.model;
import static io.portolan.it.Fixtures.team;
import static io.portolan.it.Fixtures.vendor;
import static io.portolan.it.Fixtures.with;
import static io.portolan.it.Stack.delete;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.post;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.unique;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notices on the real stack, in initech, whose webhook points at this test's receiver: a team of
 * this test's own holds approvals for models of a capability of its own, one of which lasts. Both
 * replicas of the test stack look for due notices every 3 s (NOTICES_CHECK_SECONDS).
 */
class NoticeIT {
  private static final String TENANT = "initech";
  private static final String ADMIN = "ian";
  private static final String OFFICER = "ivan";
  private static final String TEAM = unique("team");
  private static final String CAPABILITY = unique("cap");
  private static final String VENDOR = unique("vendor");
  private static final String LASTING = unique("model");
  private static final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private static HttpServer receiver;

  @BeforeAll
  static void teamModelsAndWebhook() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(
              Stack.JSON.readTree(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    assertEquals(200, put("/api/v1/webhook", user(ADMIN), Map.of("url", url)).status());
    assertEquals(201, post("/api/v1/teams", user(ADMIN), team(TEAM)).status());
    assertEquals(201, post("/api/v1/vendors", user(OFFICER), vendor(VENDOR, "DE")).status());
    create(model(LASTING, VENDOR, "approved"));
  }

  @AfterAll
  static void stopReceiving() {
    receiver.stop(0);
    delete("/api/v1/webhook", user(ADMIN));
  }

  @Test
  void aCutOffAWeekAheadIsNoticedOnceToTheTeamWithWhereToMoveAndSentToTheWebhookOnce()
      throws Exception {
    Instant cutOff = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String retiring =
        create(
            with(
                with(model(unique("model"), VENDOR, "approved"), "cutOffAt", cutOff.toString()),
                "cutOffReason",
                "retired by its vendor"));

    JsonNode notice = awaitNotice("cut_off", retiring);
    assertEquals("7d", notice.get("milestone").asText(), notice.toString());
    assertEquals("model", notice.get("subjectType").asText());
    assertEquals(cutOff.toString(), notice.get("dueAt").asText());
    assertEquals(
        LASTING,
        notice.get("alternatives").get(0).get("model").asText(),
        "the model that outlasts it");
    assertTrue(notice.get("message").asText().contains("retired by its vendor"), notice.toString());

    Thread.sleep(7_000); // two more looks by each replica
    assertEquals(
        1, notices("cut_off", retiring).size(), "one notice per subject, milestone and team");
    List<JsonNode> sent = awaitSent("notice.cut_off", retiring);
    Thread.sleep(2_000); // time for a second sending, were there one
    assertEquals(1, sent("notice.cut_off", retiring).size(), "the webhook gets it once: " + sent);
    assertEquals(notice.get("id").asText(), sent.get(0).get("data").get("id").asText());
  }

  @Test
  void suspendingAVendorTellsItsTeamsInTheSameChange() {
    String doomedVendor = unique("vendor");
    assertEquals(201, post("/api/v1/vendors", user(OFFICER), vendor(doomedVendor, "US")).status());
    String doomed = create(model(unique("model"), doomedVendor, "approved"));

    var suspended =
        put(
            "/api/v1/vendors/" + doomedVendor,
            user(OFFICER),
            with(
                with(vendor(doomedVendor, "US"), "suspended", true),
                "suspensionReason",
                "export review"));
    assertEquals(200, suspended.status(), suspended.raw().body());

    List<JsonNode> found = notices("suspension", doomedVendor);
    assertEquals(1, found.size(), "given with the suspension, not at a later look");
    JsonNode notice = found.get(0);
    assertEquals("vendor", notice.get("subjectType").asText());
    assertTrue(notice.get("message").asText().contains("export review"), notice.toString());
    assertTrue(modelsIn(notice.get("alternatives")).contains(LASTING), notice.toString());
    assertTrue(
        !modelsIn(notice.get("alternatives")).contains(doomed),
        "never the suspended vendor's own model");
  }

  @Test
  void anApprovalExpiringWithinAWeekIsNoticed() throws Exception {
    Instant expiry = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String model = unique("model");
    var created =
        post(
            "/api/v1/models",
            user(OFFICER),
            with(model(model, VENDOR, "approved"), "capabilities", List.of(CAPABILITY)));
    assertEquals(201, created.status(), created.raw().body());
    var submitted =
        post(
            "/api/v1/approval-requests",
            user(ADMIN),
            Map.of(
                "team",
                TEAM,
                "model",
                model,
                "purpose",
                "chat",
                "maxDataClassification",
                "internal",
                "regions",
                List.of("eu"),
                "justification",
                "notice test"));
    assertEquals(201, submitted.status(), submitted.raw().body());
    for (String officer : List.of(OFFICER, "iris")) { // a high-risk request needs a second officer
      var decided =
          post(
              "/api/v1/approval-requests/" + submitted.body().get("id").asText() + "/decision",
              user(officer),
              Map.of("outcome", "approve", "conditions", Map.of("expiresAt", expiry.toString())));
      assertEquals(200, decided.status(), decided.raw().body());
      if (decided.body().get("status").asText().equals("approved")) break;
    }
    JsonNode notice = null;
    for (long deadline = System.currentTimeMillis() + 20_000;
        notice == null && System.currentTimeMillis() < deadline; ) {
      for (JsonNode n :
          get("/api/v1/notices?kind=approval_expiring&team=" + TEAM + "&size=500", user(OFFICER))
              .body()
              .get("items")) {
        if (n.get("title").asText().contains(model)) notice = n;
      }
      if (notice == null) Thread.sleep(500);
    }
    assertTrue(notice != null, "no approval_expiring notice for " + model);
    assertEquals(expiry.toString(), notice.get("dueAt").asText());
    assertEquals("approval", notice.get("subjectType").asText());
    assertTrue(notice.get("message").asText().contains("ask for a renewal"), notice.toString());
    assertTrue(
        modelsIn(notice.get("alternatives")).contains(LASTING),
        "where to go if it lapses: " + notice);
  }

  @Test
  void eachReaderSeesOnlyWhatTheyMay() {
    assertEquals(200, get("/api/v1/notices?team=" + TEAM, user(OFFICER)).status());
    var otherTenant = get("/api/v1/notices?team=" + TEAM, user("erin"));
    assertEquals(200, otherTenant.status());
    assertEquals(0, otherTenant.body().get("total").asInt(), "another tenant's team has none here");
    assertEquals(
        403,
        get("/api/v1/notices?team=" + TEAM, user("bob")).status(),
        "requesters: their own team only");
    assertEquals(200, get("/api/v1/notices", user("bob")).status());
    var bad = get("/api/v1/notices?kind=gossip", user(OFFICER));
    assertEquals(400, bad.status());
    assertEquals("kind", bad.body().get("errors").get(0).get("field").asText());
  }

  /** A model of this test's capability, approved for its team for internal data; its id. */
  private static String create(Map<String, Object> model) {
    var reply =
        post("/api/v1/models", user(OFFICER), with(model, "capabilities", List.of(CAPABILITY)));
    assertEquals(201, reply.status(), reply.raw().body());
    Approvals.grant(
        TENANT,
        Map.of(
            "team",
            TEAM,
            "model",
            model.get("id"),
            "purpose",
            "chat",
            "maxDataClassification",
            "internal",
            "regions",
            List.of("eu"),
            "justification",
            "notice test"));
    return (String) model.get("id");
  }

  private static JsonNode awaitNotice(String kind, String subject) throws InterruptedException {
    for (long deadline = System.currentTimeMillis() + 20_000;
        System.currentTimeMillis() < deadline;
        Thread.sleep(500)) {
      List<JsonNode> found = notices(kind, subject);
      if (!found.isEmpty()) return found.get(0);
    }
    throw new AssertionError("no " + kind + " notice for " + subject + " within 20 s");
  }

  private static List<JsonNode> notices(String kind, String subject) {
    var reply = get("/api/v1/notices?kind=" + kind + "&team=" + TEAM + "&size=500", user(OFFICER));
    assertEquals(200, reply.status(), reply.raw().body());
    List<JsonNode> found = new ArrayList<>();
    reply
        .body()
        .get("items")
        .forEach(
            n -> {
              if (n.get("subjectId").asText().equals(subject)) found.add(n);
            });
    return found;
  }

  private static List<JsonNode> awaitSent(String type, String subject) throws InterruptedException {
    for (long deadline = System.currentTimeMillis() + 20_000;
        System.currentTimeMillis() < deadline;
        Thread.sleep(250)) {
      if (!sent(type, subject).isEmpty()) return sent(type, subject);
    }
    throw new AssertionError(
        "no " + type + " delivery for " + subject + " within 20 s: " + received);
  }

  private static List<JsonNode> sent(String type, String subject) {
    return received.stream()
        .filter(
            r ->
                r.get("type").asText().equals(type)
                    && r.get("data").get("subjectId").asText().equals(subject)
                    && r.get("data").get("team").asText().equals(TEAM))
        .toList();
  }

  private static List<String> modelsIn(JsonNode alternatives) {
    List<String> models = new ArrayList<>();
    alternatives.forEach(a -> models.add(a.get("model").asText()));
    return models;
  }
}
