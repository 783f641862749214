package io.portolan.it;

import static io.portolan.it.DecisionIT.codes;
import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real OPA sidecar, started with the commands of deploy/opa-sidecar/README.md (refresh-token.sh
 * keeping a gateway token in TOKEN_FILE, OPA with deploy/opa-sidecar/opa-config.yaml), pulls acme's
 * bundle from Portolan, gives the same answers as the central decision API, and uploads its
 * decision log. Only the URLs (the test stack's), the port and the token file differ from the
 * README; each process gets the README's variables and nothing else of this JVM's environment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SidecarIT {
  private static final int PORT =
      28282 + Integer.parseInt(System.getenv().getOrDefault("PORTOLAN_TEST_PORT_OFFSET", "0"));
  private static final String SIDECAR = "http://127.0.0.1:" + PORT;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Process refresher;
  private static Process opa;
  private static Path tokenFile;

  @BeforeAll
  static void startSidecar() throws Exception {
    tokenFile = Stack.REPO.resolve("target/opa-sidecar.token").toAbsolutePath();
    Files.deleteIfExists(tokenFile);
    // KEYCLOAK_URL=… GATEWAY_CLIENT_ID=acme-gateway GATEWAY_CLIENT_SECRET=acme-gateway-secret
    // deploy/opa-sidecar/refresh-token.sh &
    refresher =
        readmeCommand(
                Map.of(
                    "KEYCLOAK_URL",
                    Stack.KEYCLOAK,
                    "GATEWAY_CLIENT_ID",
                    "acme-gateway",
                    "GATEWAY_CLIENT_SECRET",
                    "acme-gateway-secret",
                    "TOKEN_FILE",
                    tokenFile.toString()),
                "target/opa-sidecar-token.log",
                Stack.REPO
                    .resolve("deploy/opa-sidecar/refresh-token.sh")
                    .toAbsolutePath()
                    .toString())
            .start();
    opa = startOpa(Stack.BASE, PORT, tokenFile, "target/opa-sidecar.log");
    awaitBundle(SIDECAR, "target/opa-sidecar.log");
  }

  /**
   * export PORTOLAN_URL=… TENANT=acme TOKEN_FILE=… BUNDLE_KEY_ID=<the signing key, as dave reads
   * it>; opa run --server --addr 127.0.0.1:<port> --config-file … --set-file
   * keys.$BUNDLE_KEY_ID.key=<its PEM>
   */
  private static Process startOpa(
      String portolanUrl, int port, Path tokenFile, String log, String... moreArgs)
      throws Exception {
    JsonNode keys =
        Stack.send("GET", "/api/v1/bundle-signing/keys", Stack.user("dave"), null, null).body();
    JsonNode signing = null;
    for (JsonNode key : keys) {
      if (key.get("signing").asBoolean()) signing = key;
    }
    String keyId = signing.get("keyId").asText();
    Path pem = Stack.REPO.resolve("target/opa-sidecar-bundle-key.pem").toAbsolutePath();
    Files.writeString(pem, signing.get("publicKeyPem").asText());
    Path binary =
        Files.list(Stack.REPO.resolve(".tools"))
            .filter(p -> p.getFileName().toString().startsWith("opa-"))
            .map(p -> p.resolve("opa"))
            .findFirst()
            .orElseThrow();
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toAbsolutePath().toString(),
                "run",
                "--server",
                "--addr",
                "127.0.0.1:" + port,
                "--config-file",
                "deploy/opa-sidecar/opa-config.yaml",
                "--set-file",
                "keys." + keyId + ".key=" + pem));
    command.addAll(List.of(moreArgs));
    return readmeCommand(
            Map.of(
                "PORTOLAN_URL",
                portolanUrl,
                "TENANT",
                "acme",
                "TOKEN_FILE",
                tokenFile.toString(),
                "BUNDLE_KEY_ID",
                keyId),
            log,
            command.toArray(String[]::new))
        .start();
  }

  private static void awaitBundle(String sidecar, String log) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (status(sidecar + "/health?bundles") == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the sidecar never activated its bundle; see " + log + " and target/opa-sidecar-token.log");
  }

  /**
   * A command as the README runs it: from the checkout's root, with only PATH, HOME and these
   * variables.
   */
  private static ProcessBuilder readmeCommand(
      Map<String, String> variables, String log, String... command) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(Stack.REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Stack.REPO.resolve(log).toFile());
    builder.environment().keySet().retainAll(Set.of("PATH", "HOME"));
    builder.environment().putAll(variables);
    return builder;
  }

  @AfterAll
  static void stopSidecar() {
    if (opa != null) {
      opa.destroy();
    }
    if (refresher != null) {
      refresher.descendants().forEach(ProcessHandle::destroy); // its sleep
      refresher.destroy();
    }
  }

  @Test
  void theSidecarDecidesLikeTheCentralApiAndItsDecisionsReachTheLog() throws Exception {
    List<Map<String, Object>> asks = new ArrayList<>();
    asks.add(decision("research", "gpt-4o"));
    asks.add(decision("research", "qwen-2.5-72b"));
    asks.add(decision("research", "deepseek-v3"));
    Map<String, Object> restricted = decision("research", "gpt-4o");
    restricted.put("dataClassification", "restricted");
    asks.add(restricted);
    Map<String, Object> routine = decision("marketing", "claude-sonnet-4");
    asks.add(routine);

    List<UUID> sidecarIds = new ArrayList<>();
    for (Map<String, Object> ask : asks) {
      JsonNode central = decide("acme", ask);
      Map<String, Object> input = new java.util.HashMap<>(ask);
      input.put("tenant", "acme");
      JsonNode answer = ask(input);
      JsonNode edge = answer.get("result");
      assertEquals(central.get("allow"), edge.get("allow"), ask.toString());
      assertEquals(codes(central), codes(edge), ask.toString());
      assertEquals(central.get("policyRevision").asText(), edge.get("revision").asText());
      sidecarIds.add(UUID.fromString(answer.get("decision_id").asText()));
    }

    long deadline = System.currentTimeMillis() + 20_000;
    int found = 0;
    while (System.currentTimeMillis() < deadline && found < sidecarIds.size()) {
      Thread.sleep(500);
      found = countLogged(sidecarIds);
    }
    assertEquals(sidecarIds.size(), found, "sidecar decisions missing from decision_log");
  }

  /**
   * OPA's server has a clock of its own: an expired approval is expired at the sidecar whether or
   * not the gateway sends nowMs (it used to count as valid without it), and a nowMs that is not a
   * time is a deny of its own rather than the epoch.
   */
  @Test
  void anExpiredApprovalIsExpiredAtTheSidecarWithAndWithoutTheCallersClock() throws Exception {
    Instant expiry = Instant.now().plusSeconds(2);
    String model = Approvals.grantUntil("acme", expiry);
    Map<String, Object> ask = decision("research", model);
    ask.put("tenant", "acme");
    long deadline = System.currentTimeMillis() + 30_000;
    while (codes(ask(ask).get("result")).contains("model_unknown")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(250); // until the sidecar pulled the bundle with the new model and its approval
    }
    Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 300);

    JsonNode withoutClock = ask(ask).get("result");
    assertEquals(false, withoutClock.get("allow").asBoolean(), withoutClock.toString());
    assertEquals(Set.of("approval_expired"), codes(withoutClock));
    Map<String, Object> withClock = new java.util.HashMap<>(ask);
    withClock.put("nowMs", System.currentTimeMillis());
    assertEquals(Set.of("approval_expired"), codes(ask(withClock).get("result")));
    Map<String, Object> beforeExpiry = new java.util.HashMap<>(ask);
    beforeExpiry.put("nowMs", expiry.toEpochMilli() - 60_000);
    assertTrue(
        ask(beforeExpiry).get("result").get("allow").asBoolean(),
        "the caller's clock, when sent, is the time asked about");
    Map<String, Object> notAClock = new java.util.HashMap<>(ask);
    notAClock.put("nowMs", "yesterday");
    assertEquals(Set.of("clock_unavailable"), codes(ask(notAClock).get("result")));
  }

  @Test
  void aSidecarRefusesAnAlteredBundleAndKeepsAnsweringFromItsLastGoodOne() throws Exception {
    int port = PORT + 1;
    String sidecar = "http://127.0.0.1:" + port;
    String log = "target/opa-sidecar-tampered.log";
    Process second = null;
    try (TamperingProxy proxy = new TamperingProxy()) {
      second = startOpa(proxy.url(), port, tokenFile, log);
      awaitBundle(sidecar, log);
      Map<String, Object> input = new java.util.HashMap<>(decision("research", "gpt-4o"));
      input.put("tenant", "acme");
      JsonNode good = ask(sidecar, input).get("result");
      assertEquals(central(input), good.get("allow"));

      // Altered data under Portolan's signature: the hashes no longer match.
      proxy.tamper(TamperingProxy.Tampering.ALTER_DATA);
      awaitRefusals(log, "digest mismatch", 1);
      assertTrue(proxy.tamperedServed.get() > 0, "the proxy never served the altered bundle");
      assertKeepsItsLastGoodBundle(sidecar, input, good);

      // Altered data without a signature: refused only because the config requires one (signing).
      int served = proxy.tamperedServed.get();
      proxy.tamper(TamperingProxy.Tampering.ALTER_DATA_AND_DROP_SIGNATURE);
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && proxy.tamperedServed.get() < served + 3) {
        Thread.sleep(250);
      }
      assertTrue(proxy.tamperedServed.get() >= served + 3, "the sidecar stopped polling");
      assertTrue(
          refusals(log, "") > refusals(log, "digest mismatch"),
          "no unsigned bundle refused; see " + log);
      assertKeepsItsLastGoodBundle(sidecar, input, good);
    } finally {
      if (second != null) second.destroy();
    }
  }

  /** The altered data never became visible, and answers still come from the last good bundle. */
  private static void assertKeepsItsLastGoodBundle(
      String sidecar, Map<String, Object> input, JsonNode good) throws Exception {
    JsonNode added = get(sidecar + "/v1/data/tenants/acme/vendors/" + TamperingProxy.ADDED_VENDOR);
    assertFalse(added.has("result"), "the altered data is in force: " + added);
    JsonNode after = ask(sidecar, input).get("result");
    assertEquals(good.get("allow"), after.get("allow"));
    assertEquals(good.get("revision"), after.get("revision"));
    assertEquals(200, status(sidecar + "/health"));
  }

  private static void awaitRefusals(String log, String reason, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline && refusals(log, reason) < count) {
      Thread.sleep(250);
    }
    assertTrue(
        refusals(log, reason) >= count,
        "the sidecar did not refuse the altered bundle; see " + log);
  }

  /** OPA's "Bundle load failed" lines in its log that contain {@code reason}. */
  private static long refusals(String log, String reason) throws java.io.IOException {
    Path file = Stack.REPO.resolve(log);
    if (!Files.exists(file)) return 0;
    return Files.readAllLines(file).stream()
        .filter(l -> l.contains("Bundle load failed") && l.contains(reason))
        .count();
  }

  private static JsonNode central(Map<String, Object> input) {
    Map<String, Object> ask = new java.util.HashMap<>(input);
    ask.remove("tenant");
    return decide("acme", ask).get("allow");
  }

  /**
   * The README's rotation: the next key is added to sign a few seconds later, a sidecar is given
   * both keys, and after the switch a change reaches it in a bundle signed with the next key. Last,
   * because acme's bundles are signed with a key the other sidecar of this class was not given.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aStagedRotationReachesASidecarGivenBothKeys() throws Exception {
    int port = PORT + 2;
    String sidecar = "http://127.0.0.1:" + port;
    String log = "target/opa-sidecar-rotation.log";
    String current = signingKeyId();
    JsonNode next =
        Stack.send(
                "POST",
                "/api/v1/bundle-signing/keys",
                Stack.user("dave"),
                Map.of("activeFrom", java.time.Instant.now().plusSeconds(5).toString()),
                "application/json")
            .body();
    String nextId = next.get("keyId").asText();
    Path nextPem = Stack.REPO.resolve("target/opa-sidecar-next-key.pem").toAbsolutePath();
    Files.writeString(nextPem, next.get("publicKeyPem").asText());
    Process both =
        startOpa(
            Stack.BASE,
            port,
            tokenFile,
            log,
            "--set",
            "keys." + nextId + ".algorithm=ES256",
            "--set-file",
            "keys." + nextId + ".key=" + nextPem);
    try {
      awaitBundle(sidecar, log);
      long until = System.currentTimeMillis() + 8_000;
      while (System.currentTimeMillis() < until && !nextId.equals(signingKeyId())) {
        Thread.sleep(500);
      }
      assertEquals(nextId, signingKeyId(), "the next key never started signing");
      // A change, so that the sidecar's next poll gets a new revision, signed with the next key.
      String vendor = Stack.unique("rotation-vendor");
      assertEquals(
          201,
          Stack.post("/api/v1/vendors", Stack.user("alice"), Fixtures.vendor(vendor, "FR"))
              .status());
      assertEquals(nextId, bundleKid());
      assertTrue(!current.equals(nextId));
      long deadline = System.currentTimeMillis() + 30_000;
      JsonNode seen = get(sidecar + "/v1/data/tenants/acme/vendors/" + vendor);
      while (System.currentTimeMillis() < deadline && !seen.has("result")) {
        Thread.sleep(500);
        seen = get(sidecar + "/v1/data/tenants/acme/vendors/" + vendor);
      }
      assertTrue(
          seen.has("result"),
          "the bundle signed with the next key never reached the sidecar; see " + log);
      // The README's sidecar, given only the current key, refuses that bundle and keeps its last
      // good one.
      awaitRefusals(
          "target/opa-sidecar.log",
          "verification key corresponding to ID " + nextId + " not found",
          1);
      assertFalse(get(SIDECAR + "/v1/data/tenants/acme/vendors/" + vendor).has("result"));
    } finally {
      both.destroy();
    }
  }

  @Test
  void theSigningKeysAreForTheTenantsAdminsAndARotationSignsWithTheNewKey() throws Exception {
    assertEquals(
        403,
        Stack.send("GET", "/api/v1/bundle-signing/keys", Stack.user("bob"), null, null).status());
    assertEquals(
        403,
        Stack.send(
                "POST",
                "/api/v1/bundle-signing/keys",
                Stack.user("alice"),
                "{}",
                "application/json")
            .status());
    assertEquals(
        200,
        HTTP.send(
                bundleRequest("/bundles/globex", Stack.gateway("globex"), null),
                HttpResponse.BodyHandlers.discarding())
            .statusCode()); // globex has a key of its own now
    var bad =
        Stack.send(
            "POST",
            "/api/v1/bundle-signing/keys",
            Stack.user("dave"),
            "{\"activeFrom\":\"soon\"}",
            "application/json");
    assertEquals(400, bad.status(), bad.raw().body());
    assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
    // A key that signs from tomorrow is listed, but today's bundles keep the current key.
    String current = signingKeyId();
    var later =
        Stack.send(
            "POST",
            "/api/v1/bundle-signing/keys",
            Stack.user("dave"),
            Map.of(
                "activeFrom",
                java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString()),
            "application/json");
    assertEquals(201, later.status(), later.raw().body());
    assertFalse(later.body().get("signing").asBoolean());
    assertEquals(current, signingKeyId());
    assertEquals(current, bundleKid());
    assertTrue(
        Stack.send("GET", "/api/v1/bundle-signing/keys", Stack.user("carol"), null, null)
            .body()
            .toString()
            .contains(later.body().get("keyId").asText()),
        "an auditor sees every key");
    String acmeKeys =
        Stack.send("GET", "/api/v1/bundle-signing/keys", Stack.user("dave"), null, null)
            .body()
            .toString();
    for (String globexKey : globexKeyIds()) {
      assertFalse(acmeKeys.contains(globexKey), "acme's admin sees globex's key " + globexKey);
    }
  }

  private static List<String> globexKeyIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection db = Stack.superuser();
        ResultSet r =
            db.createStatement()
                .executeQuery("select key_id from bundle_signing_key where tenant_id = 'globex'")) {
      while (r.next()) ids.add(r.getString(1));
    }
    assertFalse(ids.isEmpty(), "globex has no signing key");
    return ids;
  }

  private static String signingKeyId() {
    for (JsonNode key :
        Stack.send("GET", "/api/v1/bundle-signing/keys", Stack.user("dave"), null, null).body()) {
      if (key.get("signing").asBoolean()) return key.get("keyId").asText();
    }
    throw new AssertionError("no signing key");
  }

  private static String bundleKid() throws Exception {
    return SignedBundles.signature(Stack.BASE, "acme", Stack.gateway("acme"))
        .getHeader()
        .getKeyID();
  }

  @Test
  void bundlesAnswer304ForAnUnchangedRevisionAndOnlyToTheirOwnTenant() throws Exception {
    String token = Stack.gateway("acme");
    HttpResponse<byte[]> first =
        HTTP.send(
            bundleRequest("/bundles/acme", token, null), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, first.statusCode());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304,
        HTTP.send(
                bundleRequest("/bundles/acme", token, etag), HttpResponse.BodyHandlers.discarding())
            .statusCode());
    assertEquals(
        404,
        HTTP.send(
                bundleRequest("/bundles/globex", token, null),
                HttpResponse.BodyHandlers.discarding())
            .statusCode());
    assertEquals(
        403,
        HTTP.send(
                bundleRequest("/bundles/acme", Stack.user("alice"), null),
                HttpResponse.BodyHandlers.discarding())
            .statusCode());
    assertEquals(
        401,
        HTTP.send(
                bundleRequest("/bundles/acme", null, null), HttpResponse.BodyHandlers.discarding())
            .statusCode());
  }

  @Test
  void uploadsForAnotherTenantAreSkipped() {
    String event =
        "[{\"decision_id\":\""
            + UUID.randomUUID()
            + "\",\"path\":\"portolan/decision\","
            + "\"input\":{\"tenant\":\"globex\",\"team\":\"support\",\"model\":\"gpt-4o\",\"purpose\":\"chat\","
            + "\"dataClassification\":\"internal\",\"region\":\"eu\"},\"result\":{\"allow\":true},"
            + "\"timestamp\":\"2026-11-25T10:00:00Z\"}]";
    var reply =
        Stack.send(
            "POST", "/api/v1/opa/decision-logs", Stack.gateway("acme"), event, "application/json");
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals(0, reply.body().get("filed").asInt());
    assertEquals(1, reply.body().get("skipped").asInt());
  }

  @Test
  void malformedGzipIsABadRequest() {
    var reply =
        Stack.send(
            "POST", "/api/v1/opa/decision-logs", Stack.gateway("acme"), "[]", "application/json");
    assertEquals(200, reply.status());
    HttpRequest gzip =
        HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/opa/decision-logs"))
            .header("Authorization", "Bearer " + Stack.gateway("acme"))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofString("[not gzip]"))
            .build();
    try {
      assertEquals(400, HTTP.send(gzip, HttpResponse.BodyHandlers.ofString()).statusCode());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpRequest bundleRequest(String path, String token, String etag) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.BASE + path));
    if (token != null) request.header("Authorization", "Bearer " + token);
    if (etag != null) request.header("If-None-Match", etag);
    return request.build();
  }

  private static JsonNode ask(Map<String, Object> input) throws Exception {
    return ask(SIDECAR, input);
  }

  private static JsonNode get(String url) throws Exception {
    return Stack.JSON.readTree(
        HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static JsonNode ask(String sidecar, Map<String, Object> input) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sidecar + "/v1/data/portolan/decision"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Stack.JSON.writeValueAsString(Map.of("input", input))))
            .build();
    return Stack.JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private static int countLogged(List<UUID> ids) throws Exception {
    try (Connection db = Stack.superuser();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from decision_log where id = any(?) and source = 'opa-sidecar' and"
                    + " tenant_id = 'acme'")) {
      query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
