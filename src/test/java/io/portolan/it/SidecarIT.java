package io.portolan.it;

import static io.portolan.it.DecisionIT.codes;
import static io.portolan.it.DecisionIT.decide;
import static io.portolan.it.Fixtures.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * A real OPA sidecar, started with the commands of deploy/opa-sidecar/README.md (refresh-token.sh
 * keeping a gateway token in TOKEN_FILE, OPA with deploy/opa-sidecar/opa-config.yaml), pulls acme's
 * bundle from Portolan, gives the same answers as the central decision API, and uploads its
 * decision log. Only the URLs (the test stack's), the port and the token file differ from the
 * README; each process gets the README's variables and nothing else of this JVM's environment.
 */
class SidecarIT {
  private static final int PORT = 28282 + Integer.parseInt(System.getenv().getOrDefault("PORTOLAN_TEST_PORT_OFFSET", "0"));
  private static final String SIDECAR = "http://127.0.0.1:" + PORT;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static Process refresher;
  private static Process opa;

  @BeforeAll
  static void startSidecar() throws Exception {
    Path binary = Files.list(Stack.REPO.resolve(".tools")).filter(p -> p.getFileName().toString().startsWith("opa-"))
        .map(p -> p.resolve("opa")).findFirst().orElseThrow();
    Path tokenFile = Stack.REPO.resolve("target/opa-sidecar.token").toAbsolutePath();
    Files.deleteIfExists(tokenFile);
    // KEYCLOAK_URL=… GATEWAY_CLIENT_ID=acme-gateway GATEWAY_CLIENT_SECRET=acme-gateway-secret deploy/opa-sidecar/refresh-token.sh &
    refresher = readmeCommand(Map.of("KEYCLOAK_URL", Stack.KEYCLOAK, "GATEWAY_CLIENT_ID", "acme-gateway",
            "GATEWAY_CLIENT_SECRET", "acme-gateway-secret", "TOKEN_FILE", tokenFile.toString()),
        "target/opa-sidecar-token.log",
        Stack.REPO.resolve("deploy/opa-sidecar/refresh-token.sh").toAbsolutePath().toString()).start();
    // export PORTOLAN_URL=… TENANT=acme TOKEN_FILE=…; opa run --server --addr 127.0.0.1:<port> --config-file …
    opa = readmeCommand(Map.of("PORTOLAN_URL", Stack.BASE, "TENANT", "acme", "TOKEN_FILE", tokenFile.toString()),
        "target/opa-sidecar.log", binary.toAbsolutePath().toString(), "run", "--server", "--addr", "127.0.0.1:" + PORT,
        "--config-file", "deploy/opa-sidecar/opa-config.yaml").start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (status(SIDECAR + "/health?bundles") == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the sidecar never activated its bundle; see target/opa-sidecar.log"
        + " and target/opa-sidecar-token.log");
  }

  /** A command as the README runs it: from the checkout's root, with only PATH, HOME and these variables. */
  private static ProcessBuilder readmeCommand(Map<String, String> variables, String log, String... command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(Stack.REPO.toFile())
        .redirectErrorStream(true).redirectOutput(Stack.REPO.resolve(log).toFile());
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
   * OPA's server has a clock of its own: an expired approval is expired at the sidecar whether or not
   * the gateway sends nowMs (it used to count as valid without it), and a nowMs that is not a time is
   * a deny of its own rather than the epoch.
   */
  @Test
  void anExpiredApprovalIsExpiredAtTheSidecarWithAndWithoutTheCallersClock() throws Exception {
    Instant expiry = Instant.now().plusSeconds(2);
    String model = Approvals.grantUntil("acme", expiry);
    Map<String, Object> ask = decision("research", model);
    ask.put("tenant", "acme");
    long deadline = System.currentTimeMillis() + 30_000;
    while (codes(ask(ask).get("result")).contains("model_unknown") && System.currentTimeMillis() < deadline) {
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
    assertTrue(ask(beforeExpiry).get("result").get("allow").asBoolean(), "the caller's clock, when sent, is the time asked about");
    Map<String, Object> notAClock = new java.util.HashMap<>(ask);
    notAClock.put("nowMs", "yesterday");
    assertEquals(Set.of("clock_unavailable"), codes(ask(notAClock).get("result")));
  }

  @Test
  void bundlesAnswer304ForAnUnchangedRevisionAndOnlyToTheirOwnTenant() throws Exception {
    String token = Stack.gateway("acme");
    HttpResponse<byte[]> first = HTTP.send(bundleRequest("/bundles/acme", token, null), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, first.statusCode());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, HTTP.send(bundleRequest("/bundles/acme", token, etag), HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(404, HTTP.send(bundleRequest("/bundles/globex", token, null), HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(403, HTTP.send(bundleRequest("/bundles/acme", Stack.user("alice"), null), HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(401, HTTP.send(bundleRequest("/bundles/acme", null, null), HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void uploadsForAnotherTenantAreSkipped() {
    String event = "[{\"decision_id\":\"" + UUID.randomUUID() + "\",\"path\":\"portolan/decision\","
        + "\"input\":{\"tenant\":\"globex\",\"team\":\"support\",\"model\":\"gpt-4o\",\"purpose\":\"chat\","
        + "\"dataClassification\":\"internal\",\"region\":\"eu\"},\"result\":{\"allow\":true},"
        + "\"timestamp\":\"2026-11-25T10:00:00Z\"}]";
    var reply = Stack.send("POST", "/api/v1/opa/decision-logs", Stack.gateway("acme"), event, "application/json");
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals(0, reply.body().get("filed").asInt());
    assertEquals(1, reply.body().get("skipped").asInt());
  }

  @Test
  void malformedGzipIsABadRequest() {
    var reply = Stack.send("POST", "/api/v1/opa/decision-logs", Stack.gateway("acme"), "[]", "application/json");
    assertEquals(200, reply.status());
    HttpRequest gzip = HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/opa/decision-logs"))
        .header("Authorization", "Bearer " + Stack.gateway("acme")).header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString("[not gzip]")).build();
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
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(SIDECAR + "/v1/data/portolan/decision"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(Map.of("input", input))))
            .build();
    return Stack.JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private static int countLogged(List<UUID> ids) throws Exception {
    try (Connection db = Stack.superuser();
        PreparedStatement query = db.prepareStatement(
            "select count(*) from decision_log where id = any(?) and source = 'opa-sidecar' and tenant_id = 'acme'")) {
      query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
