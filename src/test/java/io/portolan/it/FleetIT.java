package io.portolan.it;

import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL (the test stack's Portolan and a second one, bin/stack.sh
 * portolan-2) and nginx in front of both (balancer): a suspension, a publish, a revocation through
 * one replica are in force on the other before its next answer; both logging for one tenant never
 * collide; a replica killed under load loses no acknowledged decision; a tenant first seen by one
 * decides on the other.
 */
class FleetIT {
  private static final String TENANT = "acme";
  private static final String A = Stack.BASE;
  private static final String B = System.getProperty("it.replica2-url", "http://127.0.0.1:28090");
  private static final String BALANCER =
      System.getProperty("it.balancer-url", "http://127.0.0.1:28100");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static String vendor;
  private static String model;
  private static String approvalId;

  @BeforeAll
  static void startTheSecondReplicaAndTheBalancer() throws Exception {
    Stack.stackCommand("start", "test", "portolan-2");
    Stack.stackCommand("start", "test", "balancer");
    vendor = Stack.unique("fleet-vendor");
    model = Stack.unique("fleet-model");
    assertEquals(
        201, Stack.post("/api/v1/vendors", user("alice"), Fixtures.vendor(vendor, "FR")).status());
    assertEquals(
        201,
        Stack.post("/api/v1/models", user("alice"), Fixtures.model(model, vendor, "approved"))
            .status());
    approvalId = Approvals.grant(TENANT, "research", model, "internal").get("approvalId").asText();
  }

  @AfterAll
  static void stopThem() throws Exception {
    Stack.stackCommand("stop", "test", "balancer");
    Stack.stackCommand("stop", "test", "portolan-2");
    // The remaining replica allows whole rates again once it counts itself alone (RateLimitIT).
    awaitReplicasUp(1, A);
  }

  @Test
  void bothReplicasSignTheTenantsBundleWithTheKeyItsAdminIsShown() throws Exception {
    String gateway = Stack.gateway(TENANT);
    var fromA = SignedBundles.signature(A, TENANT, gateway);
    var fromB = SignedBundles.signature(B, TENANT, gateway);
    assertEquals(fromA.getHeader().getKeyID(), fromB.getHeader().getKeyID());
    String pem = null;
    for (var key :
        Stack.send("GET", "/api/v1/bundle-signing/keys", user("dave"), null, null).body()) {
      if (key.get("signing").asBoolean()) {
        assertEquals(key.get("keyId").asText(), fromA.getHeader().getKeyID());
        pem = key.get("publicKeyPem").asText();
      }
    }
    assertTrue(SignedBundles.verifies(fromA, pem), "replica A's signature");
    assertTrue(SignedBundles.verifies(fromB, pem), "replica B's signature");
  }

  @Test
  void aSuspensionThroughOneReplicaIsInForceOnTheOtherAtItsNextAnswer() {
    for (int round = 0; round < 20; round++) {
      String through = round % 2 == 0 ? A : B;
      String asked = round % 2 == 0 ? B : A;
      assertEquals(
          200,
          send(through, "PUT", "/api/v1/vendors/" + vendor, user("alice"), suspended(true))
              .statusCode());
      assertDecision(asked, false, "vendor_suspended", "round " + round + " after the suspension");
      assertEquals(
          200,
          send(through, "PUT", "/api/v1/vendors/" + vendor, user("alice"), suspended(false))
              .statusCode());
      assertDecision(asked, true, null, "round " + round + " after the suspension was lifted");
    }
  }

  @Test
  void usageThatSpendsABudgetThroughOneReplicaDeniesOnTheOtherAtItsNextAnswer() throws Exception {
    String[] world = BudgetIT.world();
    String team = world[0];
    String pricey = world[2];
    var budget =
        Stack.post("/api/v1/budgets", user("alice"), BudgetIT.budget(team, null, "1.00", null));
    assertEquals(201, budget.status(), budget.raw().body());
    String path = "/api/v1/budgets/" + budget.body().get("id").asText();
    for (int round = 0; round < 4; round++) {
      String through = round % 2 == 0 ? A : B;
      String asked = round % 2 == 0 ? B : A;
      // Each round spends 1.10 USD; the limit starts 1.00 USD above what earlier rounds spent.
      String limit =
          (round * 110 + 100) / 100 + "." + String.format("%02d", (round * 110 + 100) % 100);
      var set =
          send(
              asked,
              "PUT",
              path,
              user("alice"),
              Stack.JSON.writeValueAsString(BudgetIT.budget(team, null, limit, null)));
      assertEquals(200, set.statusCode(), set.body());
      HttpResponse<String> allowed = decide(asked, pricey, team);
      assertEquals(
          true,
          Stack.JSON.readTree(allowed.body()).get("allow").asBoolean(),
          "round " + round + ": " + allowed.body());
      String usage =
          Stack.JSON.writeValueAsString(
              java.util.Map.of(
                  "decisionId",
                  Stack.JSON.readTree(allowed.body()).get("decisionId").asText(),
                  "model",
                  pricey,
                  "inputTokens",
                  110_000,
                  "outputTokens",
                  0,
                  "latencyMs",
                  5));
      HttpResponse<String> stored =
          send(through, "POST", "/api/v1/usage", Stack.gateway(TENANT), usage);
      assertEquals(201, stored.statusCode(), stored.body());
      assertDecision(
          asked,
          pricey,
          team,
          false,
          "budget_exceeded",
          "round " + round + " after spending the budget");
      var raised =
          send(
              through,
              "PUT",
              path,
              user("alice"),
              Stack.JSON.writeValueAsString(BudgetIT.budget(team, null, "100.00", null)));
      assertEquals(200, raised.statusCode(), raised.body());
      assertDecision(
          asked, pricey, team, true, null, "round " + round + " after raising the budget");
    }
  }

  @Test
  void anImpactAnalysisCancelledThroughOneReplicaStopsOnTheOther() throws Exception {
    ImpactJobIT.seedDecisions();
    try {
      HttpResponse<String> started =
          send(
              A,
              "POST",
              "/api/v1/policy/impact/analyses",
              user("erin"),
              ImpactJobIT.seededWindow());
      assertEquals(202, started.statusCode(), started.body());
      String id = Stack.JSON.readTree(started.body()).get("id").asText();
      String job = "/api/v1/policy/impact/analyses/" + id;
      JsonNode running =
          ImpactJobIT.awaitJob(
              id, "erin", j -> j.get("replayed").asLong() > 0, Duration.ofSeconds(30));
      HttpResponse<String> cancel = send(B, "POST", job + "/cancel", user("erin"), "");
      assertEquals(200, cancel.statusCode(), cancel.body());
      JsonNode stopped =
          ImpactJobIT.awaitJob(
              id, "erin", j -> !j.get("status").asText().equals("running"), Duration.ofSeconds(10));
      assertEquals("cancelled", stopped.get("status").asText(), stopped.toString());
      assertTrue(
          stopped.get("replayed").asLong() < running.get("total").asLong(), stopped.toString());
      JsonNode throughB = Stack.JSON.readTree(send(B, "GET", job, user("erin"), "").body());
      assertEquals(
          stopped.get("replayed"), throughB.get("replayed"), "both replicas answer the same job");
    } finally {
      ImpactJobIT.removeSeededDecisions();
    }
  }

  @Test
  void aPolicyPublishedThroughOneReplicaIsInForceOnTheOtherAtItsNextAnswer() {
    JsonNode revisions = Stack.get("/api/v1/policy/revisions", user("alice")).body();
    int baseline = revisions.get(0).get("number").asInt();
    JsonNode savedDraft = Stack.get("/api/v1/policy/settings", user("alice")).body();
    ObjectNode denying = revisions.get(0).get("settings").deepCopy();
    ObjectNode denied = denying.withObjectProperty("deniedJurisdictions");
    ArrayNode internal =
        denied.has("internal") ? (ArrayNode) denied.get("internal") : denied.putArray("internal");
    internal.add("FR"); // the fleet vendor's jurisdiction
    assertEquals(
        200,
        send(A, "PUT", "/api/v1/policy/settings", user("alice"), denying.toString()).statusCode());
    try {
      assertEquals(
          201, send(A, "POST", "/api/v1/policy/revisions", user("alice"), "").statusCode());
      assertDecision(B, model, false, "jurisdiction_denied", "on B right after the publish on A");
    } finally {
      assertEquals(
          201,
          send(A, "POST", "/api/v1/policy/revisions/" + baseline + "/rollback", user("alice"), "")
              .statusCode());
      assertEquals(
          200,
          send(A, "PUT", "/api/v1/policy/settings", user("alice"), savedDraft.toString())
              .statusCode());
    }
    assertDecision(B, model, true, null, "on B right after the rollback on A");
  }

  @Test
  void anApprovalRevokedThroughOneReplicaIsInForceOnTheOtherAtItsNextAnswer() {
    String revoked = Stack.unique("fleet-model");
    assertEquals(
        201,
        Stack.post("/api/v1/models", user("alice"), Fixtures.model(revoked, vendor, "approved"))
            .status());
    String approval =
        Approvals.grant(TENANT, "research", revoked, "internal").get("approvalId").asText();
    assertDecision(B, revoked, true, null, "on B before the revocation");
    assertEquals(
        200,
        send(
                A,
                "POST",
                "/api/v1/approvals/" + approval + "/revoke",
                user("alice"),
                "{\"reason\":\"fleet test\"}")
            .statusCode());
    assertDecision(B, revoked, false, null, "on B right after the revocation on A");
  }

  /** Without a notification (one lost), the log still refuses an answer from older data. */
  @Test
  void aChangeWhoseNotificationNeverCameIsInForceAtTheNextAnswerToo() throws Exception {
    assertDecision(B, true, null, "before");
    try (Connection db = Stack.superuser();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      sql.execute("alter table vendor disable trigger vendor_data_updated");
      sql.execute(
          "update vendor set suspended = true, suspension_reason = 'silent' where tenant_id ="
              + " 'acme' and id = '"
              + vendor
              + "'");
      sql.execute("update tenant set data_version = data_version + 1 where id = 'acme'");
      sql.execute("alter table vendor enable trigger vendor_data_updated");
      db.commit();
    }
    try {
      assertDecision(B, false, "vendor_suspended", "on B right after the silent change");
      assertDecision(A, false, "vendor_suspended", "on A right after the silent change");
    } finally {
      assertEquals(
          200,
          send(A, "PUT", "/api/v1/vendors/" + vendor, user("alice"), suspended(false))
              .statusCode());
    }
  }

  @Test
  void bothReplicasDecidingForOneTenantAtOnceNeverCollide() throws Exception {
    Instant from = Instant.now();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> senders = new ArrayList<>();
    for (String replica : List.of(A, A, B, B)) {
      senders.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 150; i++) {
                  HttpResponse<String> reply = decide(replica);
                  statuses
                      .computeIfAbsent(reply.statusCode(), s -> new AtomicInteger())
                      .incrementAndGet();
                  if (reply.statusCode() == 200) {
                    acknowledged.add(Stack.JSON.readTree(reply.body()).get("decisionId").asText());
                  }
                }
                return null;
              }));
    }
    for (Future<?> sender : senders) {
      sender.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    System.out.printf("[FleetIT] both replicas, 600 sent: statuses %s%n", statuses);
    assertEquals(Set.of(200), statuses.keySet(), "every answer 200: " + statuses);
    assertEquals(600, acknowledged.size());
    assertEquals(0, missingFromTheLog(acknowledged));
    assertChainHolds(from);
  }

  @Test
  void aReplicaKilledUnderLoadLosesNoAcknowledgedDecision() throws Exception {
    Instant from = Instant.now();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger afterTheKill = new AtomicInteger();
    long killAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    long stopAt = killAt + TimeUnit.SECONDS.toNanos(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      senders.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < stopAt) {
                  HttpResponse<String> reply = decide(BALANCER);
                  statuses
                      .computeIfAbsent(reply.statusCode(), s -> new AtomicInteger())
                      .incrementAndGet();
                  if (reply.statusCode() == 200) {
                    acknowledged.add(Stack.JSON.readTree(reply.body()).get("decisionId").asText());
                    if (System.nanoTime() > killAt + TimeUnit.SECONDS.toNanos(1)) {
                      afterTheKill.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    Thread.sleep(2_000);
    String pid =
        Files.readString(
                Stack.REPO.resolve(
                    ".data/" + System.getProperty("it.stack-name", "test") + "/portolan-2.pid"))
            .trim();
    new ProcessBuilder("kill", "-9", pid).start().waitFor();
    try {
      for (Future<?> sender : senders) {
        sender.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
      Stack.stackCommand(
          "start", "test", "portolan-2"); // for the tests after this one, whatever this one found
    }
    System.out.printf(
        "[FleetIT] kill -9 of one replica behind the balancer: statuses %s, %d acknowledged, %d"
            + " after the kill%n",
        statuses, acknowledged.size(), afterTheKill.get());
    assertEquals(0, missingFromTheLog(acknowledged), "acknowledged decisions missing from the log");
    assertTrue(afterTheKill.get() > 20, "the balancer kept answering from the other replica");
    // 429: until the survivor counts itself alone it admits only its half of the caller's
    // fleet-wide rate.
    assertTrue(
        statuses.keySet().stream().allMatch(s -> s == 200 || s == 503 || s == 429),
        "only 200, 503 or 429: " + statuses);
    assertChainHolds(from);
  }

  /**
   * Both replicas look for due notices every 3 s (test stack); a cut-off a week ahead is noticed
   * once.
   */
  @Test
  void bothReplicasLookingGiveEachNoticeOnce() throws Exception {
    String retiring = Stack.unique("fleet-model");
    var created =
        Stack.post(
            "/api/v1/models",
            user("alice"),
            Fixtures.with(
                Fixtures.model(retiring, vendor, "approved"),
                "cutOffAt",
                Instant.now().plus(Duration.ofDays(5)).toString()));
    assertEquals(201, created.status(), created.raw().body());
    Approvals.grant(TENANT, "research", retiring, "internal");
    String path = "/api/v1/notices?kind=cut_off&team=research&size=500";
    long deadline = System.currentTimeMillis() + 20_000;
    while (countNotices(A, path, retiring) == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    Thread.sleep(7_000); // two more looks by each replica
    System.out.printf(
        "[FleetIT] notices for one cut-off with two replicas looking: %d%n",
        countNotices(B, path, retiring));
    assertEquals(1, countNotices(B, path, retiring));
  }

  private static long countNotices(String replica, String path, String subject) throws IOException {
    JsonNode page = Stack.JSON.readTree(send(replica, "GET", path, user("alice"), "").body());
    return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
        .filter(n -> n.get("subjectId").asText().equals(subject))
        .count();
  }

  /** Both replicas poll for due deliveries every second; each delivery is sent once. */
  @Test
  void webhookDeliveriesAreSentOncePerFleet() throws Exception {
    Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (exchange
              .getRequestHeaders()
              .getFirst("Portolan-Event")
              .startsWith("notice.")) { // not this test's
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
          }
          deliveries
              .computeIfAbsent(
                  exchange.getRequestHeaders().getFirst("Portolan-Delivery"),
                  d -> new AtomicInteger())
              .incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      assertEquals(200, Stack.put("/api/v1/webhook", user("dave"), Map.of("url", url)).status());
      for (int i = 0; i < 5; i++) { // two events each: submitted, approved
        Approvals.grant(
            TENANT,
            Map.of(
                "team",
                "research",
                "model",
                model,
                "purpose",
                "fleet-" + i + "-" + System.nanoTime(),
                "maxDataClassification",
                "internal",
                "regions",
                List.of("eu"),
                "justification",
                "fleet webhook test"));
      }
      long deadline = System.currentTimeMillis() + 30_000;
      while (deliveries.size() < 10 && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
      }
      Thread.sleep(3_000); // time for a second sending, were there one
      System.out.printf(
          "[FleetIT] webhook deliveries over two replicas: %d distinct, %d sent%n",
          deliveries.size(), deliveries.values().stream().mapToInt(AtomicInteger::get).sum());
      assertEquals(10, deliveries.size());
      assertTrue(
          deliveries.values().stream().allMatch(n -> n.get() == 1),
          "a delivery was sent twice: " + deliveries);
    } finally {
      receiver.stop(0);
      Stack.delete("/api/v1/webhook", user("dave"));
    }
  }

  /**
   * initech-noisy-gateway may send 20 decisions a second (test stack setting). Through the balancer
   * to two replicas it still gets 20 a second, not 40: each replica allows its share.
   */
  @Test
  void aCallersRateHoldsAcrossTheFleet() throws Exception {
    awaitReplicasUp(2, A, B);
    String noisy = Stack.client("initech-noisy-gateway", "initech-noisy-gateway-secret");
    Thread.sleep(2_500); // both replicas' buckets full again, whatever ran before
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    long began = System.nanoTime();
    long stopAt = began + TimeUnit.SECONDS.toNanos(6);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      senders.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < stopAt) {
                  int status =
                      send(
                              BALANCER,
                              "POST",
                              "/api/v1/decisions",
                              noisy,
                              "{\"team\":\"research\",\"model\":\"gpt-4o\",\"purpose\":\"chat\",\"dataClassification\":\"internal\",\"region\":\"eu\"}")
                          .statusCode();
                  (status == 200 ? admitted : refused).incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> sender : senders) {
      sender.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - began) / 1e9;
    double expected =
        2 * 20 + 20 * seconds; // the fleet's burst (two seconds' worth), then 20 a second
    System.out.printf(
        "[FleetIT] rate limit 20/s over two replicas: %d admitted, %d refused in %.1f s (expected"
            + " %.0f)%n",
        admitted.get(), refused.get(), seconds, expected);
    assertTrue(refused.get() > 0, "the flood was never refused");
    assertTrue(
        Math.abs(admitted.get() - expected) <= 0.1 * expected,
        admitted.get() + " admitted, expected " + expected + " within 10%");
  }

  @Test
  void aTenantFirstSeenThroughOneReplicaDecidesOnTheOther() throws Exception {
    String token = Stack.client("fleetco-gateway", "fleetco-gateway-secret");
    String body =
        "{\"team\":\"research\",\"model\":\"gpt-4o\",\"purpose\":\"chat\",\"dataClassification\":\"internal\",\"region\":\"eu\"}";
    HttpResponse<String> first = send(A, "POST", "/api/v1/decisions", token, body);
    assertEquals(200, first.statusCode(), first.body());
    HttpResponse<String> other = send(B, "POST", "/api/v1/decisions", token, body);
    assertEquals(200, other.statusCode(), other.body());
    JsonNode answer = Stack.JSON.readTree(other.body());
    assertEquals(
        false, answer.get("allow").asBoolean(), "an empty tenant allows nothing: " + other.body());
  }

  /** Until each replica counts this many replicas up (their heartbeats, ReplicaRegistry). */
  private static void awaitReplicasUp(int expected, String... replicas) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    for (String replica : replicas) {
      while (replicasUp(replica) != expected) {
        assertTrue(
            System.currentTimeMillis() < deadline,
            replica + " never counted " + expected + " replicas up");
        Thread.sleep(500);
      }
    }
  }

  private static int replicasUp(String replica) throws IOException {
    JsonNode health = Stack.JSON.readTree(send(replica, "GET", "/health/ready", null, "").body());
    for (JsonNode check : health.path("checks")) {
      if (check.path("name").asText().equals("tenant-data")) {
        return check.at("/data/replicasUp").asInt();
      }
    }
    return -1;
  }

  private static String suspended(boolean suspended) {
    return suspended
        ? "{\"name\":\"Fleet"
            + " vendor\",\"jurisdiction\":\"FR\",\"suspended\":true,\"suspensionReason\":\"fleet"
            + " test\"}"
        : "{\"name\":\"Fleet vendor\",\"jurisdiction\":\"FR\",\"suspended\":false}";
  }

  private static void assertDecision(String replica, boolean allow, String reason, String when) {
    assertDecision(replica, model, allow, reason, when);
  }

  private static void assertDecision(
      String replica, String asked, boolean allow, String reason, String when) {
    assertDecision(replica, asked, "research", allow, reason, when);
  }

  private static void assertDecision(
      String replica, String asked, String team, boolean allow, String reason, String when) {
    HttpResponse<String> reply = decide(replica, asked, team);
    assertEquals(200, reply.statusCode(), when + ": " + reply.body());
    try {
      JsonNode answer = Stack.JSON.readTree(reply.body());
      assertEquals(
          allow, answer.get("allow").asBoolean(), when + " on " + replica + ": " + reply.body());
      if (reason != null) {
        assertTrue(
            answer.get("reasons").findValuesAsText("code").contains(reason),
            when + ": " + reply.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> decide(String replica) {
    return decide(replica, model);
  }

  private static HttpResponse<String> decide(String replica, String asked) {
    return decide(replica, asked, "research");
  }

  private static HttpResponse<String> decide(String replica, String asked, String team) {
    return send(
        replica,
        "POST",
        "/api/v1/decisions",
        Stack.gateway(TENANT),
        "{\"team\":\""
            + team
            + "\",\"model\":\""
            + asked
            + "\",\"purpose\":\"chat\",\"dataClassification\":\"internal\",\"region\":\"eu\"}");
  }

  private static HttpResponse<String> send(
      String base, String method, String path, String token, String body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json");
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpRequest.BodyPublisher content =
          body.isEmpty()
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body);
      return HTTP.send(
          request.method(method, content).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + base + path + " got no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long missingFromTheLog(Set<String> acknowledged) throws SQLException {
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement("select count(*) from decision_log where id = any(?::uuid[])")) {
      query.setArray(1, db.createArrayOf("text", acknowledged.toArray()));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return acknowledged.size() - row.getLong(1);
      }
    }
  }

  private static void assertChainHolds(Instant from) throws SQLException {
    var verified = Stack.get("/api/v1/audit/verify?from=" + from, user("carol"));
    assertEquals(200, verified.status(), verified.raw().body());
    assertTrue(verified.body().get("verified").asBoolean(), verified.raw().body());
    try (Connection db = Stack.superuser();
        Statement sql = db.createStatement();
        ResultSet row =
            sql.executeQuery(
                "select count(*) - count(distinct seq) from decision_log where tenant_id = 'acme'"
                    + " and seq is not null")) {
      row.next();
      assertEquals(0, row.getLong(1), "duplicate places in acme's chain");
    }
  }
}
