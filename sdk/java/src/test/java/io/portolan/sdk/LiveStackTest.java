package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The SDK against the running stack, tenant initech as seed-golden.sh left it. */
class LiveStackTest {

  @Test
  void oneTokenServesManyCallsAndA401FetchesANewOne() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      assertTrue(client.decide("g-research", "g-gpt", "chat", "internal", "us").allow());
      assertTrue(client.decide("g-research", "g-llama", "chat", "internal", "eu").allow());
      client.allowedModels("g-research", "chat", "internal", "eu");
      assertEquals(1, client.tokenFetches(), "the token is reused");

      // A token Portolan refuses (revoked, or signed with a rotated key): the SDK asks for a new
      // one once.
      client.tokens().preset("not-a-valid-token", Instant.now().plusSeconds(3600));
      assertTrue(client.decide("g-research", "g-mistral-small", "chat", "internal", "eu").allow());
      assertEquals(2, client.tokenFetches());
    }
  }

  @Test
  void theTokenIsRefreshedShortlyBeforeItExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    TokenSource tokens =
        new TokenSource(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            URI.create(Stack.TOKEN_URL),
            "initech-gateway",
            "initech-gateway-secret",
            Duration.ofSeconds(5),
            clock);
    String first = tokens.token();
    long lifetime = expiresIn(first);

    // Keycloak's expires_in can be a second short of exp - iat (a second ticks between the two),
    // so the checks stay clear of the 30 s margin by more than that second.
    clock.now = clock.now.plusSeconds(lifetime - 40);
    assertEquals(first, tokens.token(), "still well within its lifetime");
    assertEquals(1, tokens.fetches());

    clock.now = clock.now.plusSeconds(15); // 25 s before it runs out
    tokens.token();
    assertEquals(2, tokens.fetches(), "refreshed ahead of expiry");
  }

  @Test
  void aRepeatedDecisionComesFromTheCache() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision first = client.decide("g-research", "g-deepseek-v3", "chat", "internal", "apac");
      Decision second = client.decide("g-research", "g-deepseek-v3", "chat", "internal", "apac");

      assertFalse(first.fromCache());
      assertNotNull(first.decisionId());
      assertNotNull(first.policyRevision());
      assertTrue(first.expiresAt().isAfter(first.evaluatedAt()));
      assertTrue(second.fromCache(), "no second decision asked for, so none logged");
      assertEquals(first.decisionId(), second.decisionId());
      assertEquals(first.allow(), second.allow());
    }
  }

  @Test
  void usageIsSentInTheBackgroundAndOnFlush() throws Exception {
    try (PortolanClient client = Stack.initechGateway().build()) {
      Decision decision = client.decide("g-research", "g-gpt", "chat", "public", "us");
      assertTrue(decision.allow());

      // No flush: the worker sends within about a second.
      client.reportUsage(new UsageReport(decision.decisionId(), "g-gpt", 11, 7, 120, 42L));
      List<JsonNode> records = waitForRecords(decision.decisionId(), "g-gpt", 1, 5_000);
      assertEquals(1, records.size());
      JsonNode record = records.get(0);
      assertEquals(11, record.get("inputTokens").asInt());
      assertEquals(7, record.get("outputTokens").asInt());
      assertEquals(120, record.get("latencyMs").asInt());
      assertEquals(42, record.get("costMicros").asLong());
      assertEquals("g-research", record.get("team").asText());

      client.reportUsage(new UsageReport(decision.decisionId(), "g-gpt", 5, 3, 80));
      assertTrue(client.flush());
      assertEquals(2, usageOf(decision.decisionId(), "g-gpt").size(), "flush sent it at once");
    }
  }

  @Test
  void aBatchWhoseAnswerWasLostIsRetriedWithTheSameKeyAndStoredOnce() throws Exception {
    try (FlakyProxy proxy = new FlakyProxy(Stack.PORTOLAN_URL);
        PortolanClient client = Stack.initechGateway().portolanUrl(proxy.url()).build()) {
      Decision decision = client.decide("g-research", "g-mistral-large", "chat", "internal", "eu");
      assertTrue(decision.allow());

      client.reportUsage(new UsageReport(decision.decisionId(), "g-mistral-large", 100, 50, 300));
      client.reportUsage(new UsageReport(decision.decisionId(), "g-mistral-large", 200, 60, 310));
      assertTrue(client.flush());

      assertEquals(2, proxy.usageKeys().size(), "sent, answer lost, sent again");
      assertEquals(
          proxy.usageKeys().get(0),
          proxy.usageKeys().get(1),
          "the retry carries the same Idempotency-Key");
      List<JsonNode> records = usageOf(decision.decisionId(), "g-mistral-large");
      assertEquals(2, records.size(), "two reports, stored once");
      assertEquals(300, records.stream().mapToInt(r -> r.get("inputTokens").asInt()).sum());
    }
  }

  @Test
  void allowedModelsListsWhatTheGoldenFileApproves() throws Exception {
    // The golden "unknown model" case lists every model g-research may use for chat, internal, eu.
    JsonNode unknownModelCase =
        StreamSupport.stream(Stack.golden().get("cases").spliterator(), false)
            .filter(c -> c.get("request").get("model").asText().equals("g-nothing"))
            .findFirst()
            .orElseThrow();
    JsonNode request = unknownModelCase.get("request");
    List<String> expected = new ArrayList<>();
    unknownModelCase
        .get("expect")
        .get("alternatives")
        .forEach(model -> expected.add(model.asText()));

    try (PortolanClient client = Stack.initechGateway().build()) {
      List<AllowedModel> models =
          client.allowedModels(
              request.get("team").asText(),
              request.get("purpose").asText(),
              request.get("dataClassification").asText(),
              request.get("region").asText());
      assertEquals(
          expected.stream().sorted().toList(),
          models.stream().map(AllowedModel::model).sorted().toList());
      AllowedModel gpt =
          models.stream().filter(m -> m.model().equals("g-gpt")).findFirst().orElseThrow();
      assertEquals("g-openai", gpt.vendor());
      assertEquals("US", gpt.jurisdiction());
    }
  }

  @Test
  void aBadRequestThrowsTheProblemNamingTheField() {
    try (PortolanClient client = Stack.initechGateway().build()) {
      PortolanProblemException problem =
          assertThrows(
              PortolanProblemException.class,
              () -> client.decide("g-research", "g-gpt", "chat", "secret", "eu"));
      assertEquals(400, problem.status());
      assertTrue(problem.type().startsWith("https://"), problem.type());
      assertNotNull(problem.title());
      assertTrue(
          problem.errors().stream().anyMatch(e -> e.field().equals("dataClassification")),
          problem.errors().toString());
    }
  }

  @Test
  void aWrongClientSecretThrowsRatherThanFailingClosedQuietly() {
    try (PortolanClient client = Stack.initechGateway().clientSecret("wrong").build()) {
      PortolanProblemException problem =
          assertThrows(
              PortolanProblemException.class,
              () -> client.decide("g-research", "g-gpt", "chat", "internal", "eu"));
      assertEquals(401, problem.status());
    }
  }

  /** The token's lifetime in seconds, from its own exp and iat claims. */
  private static long expiresIn(String jwt) throws Exception {
    JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    return claims.get("exp").asLong() - claims.get("iat").asLong();
  }

  private static List<JsonNode> usageOf(String decisionId, String model) throws Exception {
    return Stack.usageRecords(model).stream()
        .filter(r -> r.get("decisionId").asText().equalsIgnoreCase(decisionId))
        .toList();
  }

  private static List<JsonNode> waitForRecords(
      String decisionId, String model, int count, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    List<JsonNode> records = usageOf(decisionId, model);
    while (records.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      records = usageOf(decisionId, model);
    }
    return records;
  }
}
