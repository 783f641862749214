package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache's rules on their own (reuse until expiresAt, drop everything on a new policy revision),
 * and how answers are read.
 */
class DecisionCacheTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final DecisionCache cache = new DecisionCache(clock);
  private final DecisionRequest gpt =
      new DecisionRequest("research", "gpt-4o", "chat", "internal", "eu", null);
  private final DecisionRequest llama =
      new DecisionRequest("research", "llama", "chat", "internal", "eu", null);

  @Test
  void anAnswerIsReusedUntilItExpiresAndMarkedFromCache() {
    cache.put(gpt, answer("d1", "rev-1", 60));

    Decision reused = cache.get(gpt);
    assertEquals("d1", reused.decisionId());
    assertTrue(reused.fromCache());
    assertNull(
        cache.get(new DecisionRequest("research", "gpt-4o", "chat", "internal", "eu", "routine")),
        "another task tier is another request");

    clock.now = NOW.plusSeconds(60);
    assertNull(cache.get(gpt), "expired at expiresAt");
  }

  @Test
  void aFreshAnswerWithAnotherRevisionDropsEveryCachedAnswer() {
    cache.put(gpt, answer("d1", "rev-1", 60));
    cache.put(llama, answer("d2", "rev-1", 60));
    assertEquals(2, cache.size());

    DecisionRequest other =
        new DecisionRequest("research", "mistral", "chat", "internal", "eu", null);
    cache.put(other, answer("d3", "rev-2", 60));

    assertNull(cache.get(gpt));
    assertNull(cache.get(llama));
    assertEquals("d3", cache.get(other).decisionId());
    assertEquals(1, cache.size());
  }

  @Test
  void theSameRevisionKeepsTheOthers() {
    cache.put(gpt, answer("d1", "rev-1", 60));
    cache.put(llama, answer("d2", "rev-1", 60));
    assertEquals("d1", cache.get(gpt).decisionId());
    assertEquals("d2", cache.get(llama).decisionId());
  }

  @Test
  void theSdksOwnFailClosedAnswersAreNeverCached() {
    cache.put(gpt, Decision.unavailable("cannot connect", false, NOW));
    assertNull(cache.get(gpt));
    assertFalse(cache.size() > 0);
  }

  private static Decision answer(String id, String revision, int seconds) {
    return new Decision(
        id,
        true,
        List.of(),
        List.of(),
        List.of(),
        revision,
        NOW,
        NOW.plus(Duration.ofSeconds(seconds)),
        false);
  }

  @Test
  void aScheduledCutOffNamesItsInstantAndWhereToMove() throws Exception {
    Decision decision =
        Json.MAPPER.readValue(
            """
            {"allow": true, "obligations": [
              {"code": "cut_off_scheduled", "message": "m", "cutOffAt": "2027-01-31T00:00:00Z", "alternatives": ["a", "b"]},
              {"code": "jurisdiction_watchlisted", "message": "w"}]}
            """,
            Decision.class);
    Decision.Obligation scheduled = decision.obligations().get(0);
    assertEquals(java.time.Instant.parse("2027-01-31T00:00:00Z"), scheduled.cutOffAt());
    assertEquals(java.util.List.of("a", "b"), scheduled.alternatives());
    assertEquals(java.util.List.of(), decision.obligations().get(1).alternatives());
  }

  @Test
  void aRouteIsReadOnTheAnswerItsAlternativesAndListedModels() throws Exception {
    Decision allowed =
        Json.MAPPER.readValue(
            """
            {"allow": true, "route": {"deployment": "llama-own-eu", "model": "llama", "operator": "self-hosted",
              "operatorJurisdiction": "FR", "region": "eu", "endpoint": "https://llm.example.eu/v1", "weight": 3}}
            """,
            Decision.class);
    assertEquals(
        new Decision.Route(
            "llama-own-eu", "llama", "self-hosted", "FR", "eu", "https://llm.example.eu/v1"),
        allowed.route());
    assertEquals(allowed.route(), cachedCopyOf(allowed).route(), "a cached answer keeps its route");
    Decision bare =
        Json.MAPPER.readValue(
            """
            {"allow": true, "route": {"deployment": "gpt", "model": "gpt", "operator": "openai", "operatorJurisdiction": "US", "region": "us"}}
            """,
            Decision.class);
    assertNull(bare.route().endpoint(), "no endpoint recorded");
    for (String broken : List.of("null", "{}", "{\"deployment\": \"\"}")) {
      assertNull(
          Json.MAPPER
              .readValue("{\"allow\": true, \"route\": " + broken + "}", Decision.class)
              .route(),
          broken);
    }
    Decision denied =
        Json.MAPPER.readValue(
            """
            {"allow": false, "alternatives": [{"model": "gpt", "route": {"deployment": "gpt", "model": "gpt"}}, {"model": "mistral"}]}
            """,
            Decision.class);
    assertNull(denied.route());
    assertEquals("gpt", denied.alternatives().get(0).route().deployment());
    assertNull(denied.alternatives().get(1).route());
    AllowedModel listed =
        Json.MAPPER.readValue(
            """
            {"model": "gpt", "route": {"deployment": "gpt", "model": "gpt", "operator": "openai", "endpoint": null}}
            """,
            AllowedModel.class);
    assertEquals("gpt", listed.route().deployment());
    assertNull(listed.route().endpoint());
  }

  @Test
  void anAliasIsReadWithTheModelItResolvedToAndNoneWhenNoneMayBeUsed() throws Exception {
    Decision allowed =
        Json.MAPPER.readValue(
            """
            {"allow": true, "route": {"deployment": "llama-own-eu", "model": "llama", "operator": "self-hosted",
              "operatorJurisdiction": "FR", "region": "eu"}, "alias": {"name": "chat-default", "model": "llama", "extra": 1}}
            """,
            Decision.class);
    assertEquals(new Decision.AliasResolution("chat-default", "llama"), allowed.alias());
    assertEquals(allowed.alias().model(), allowed.route().model());
    assertEquals(allowed.alias(), cachedCopyOf(allowed).alias(), "a cached answer keeps its alias");
    for (String unresolved :
        List.of(
            "{\"name\": \"chat-default\", \"model\": null}",
            "{\"name\": \"chat-default\"}",
            "{\"name\": \"chat-default\", \"model\": \"\"}")) {
      Decision denied =
          Json.MAPPER.readValue(
              """
              {"allow": false, "reasons": [{"code": "alias_unresolved", "message": "m", "rule": "r"}], "alias": %s}
              """
                  .formatted(unresolved),
              Decision.class);
      assertFalse(denied.allow());
      assertEquals(new Decision.AliasResolution("chat-default", null), denied.alias(), unresolved);
      assertNull(denied.alias().model(), unresolved);
      assertNull(denied.route());
    }
    assertNull(
        Json.MAPPER.readValue("{\"allow\": true}", Decision.class).alias(),
        "a question for a model");
    for (String broken : List.of("null", "{}", "{\"name\": \"\"}", "{\"model\": \"llama\"}")) {
      assertNull(
          Json.MAPPER
              .readValue("{\"allow\": true, \"alias\": " + broken + "}", Decision.class)
              .alias(),
          broken);
    }
    // The constructors of earlier releases still build answers, without an alias.
    assertNull(
        new Decision(
                "d1", true, List.of(), List.of(), List.of(), "r", NOW, NOW, false, allowed.route())
            .alias());
  }

  @Test
  void anAlternativeMayNameTheAliasToAskFor() throws Exception {
    Decision denied =
        Json.MAPPER.readValue(
            """
            {"allow": false, "reasons": [{"code": "vendor_suspended"}], "alternatives": [
              {"model": "llama", "vendor": "meta", "jurisdiction": "US", "why": "w", "alias": "chat-default",
               "route": {"deployment": "llama-own-eu", "model": "llama"}},
              {"model": "mistral", "alias": null}, {"model": "gpt"}]}
            """,
            Decision.class);
    assertEquals(
        java.util.Arrays.asList("chat-default", null, null),
        denied.alternatives().stream().map(Decision.Alternative::alias).toList());
    assertEquals("llama", denied.alternatives().get(0).model());
    assertEquals("llama-own-eu", denied.alternatives().get(0).route().deployment());
    assertNull(denied.alias(), "the question named a model");
    assertNull(new Decision.Alternative("gpt", "openai", "US", "w", null).alias());
    assertNull(new Decision.Alternative("gpt", "openai", "US", "w").alias());
  }

  @Test
  void aQuestionNamingADeploymentIsCachedApartAndSendsItOnlyWhenNamed() throws Exception {
    DecisionRequest named =
        new DecisionRequest("research", "gpt-4o", "chat", "internal", "eu", null, "gpt-4o-eu");
    cache.put(named, answer("d1", "rev-1", 60));
    assertNull(cache.get(gpt));
    assertTrue(cache.get(named).fromCache());
    assertFalse(Json.MAPPER.writeValueAsString(gpt).contains("deployment"));
    assertTrue(Json.MAPPER.writeValueAsString(named).contains("\"deployment\":\"gpt-4o-eu\""));
  }

  private Decision cachedCopyOf(Decision decision) {
    cache.put(
        gpt,
        new Decision(
            "d9",
            decision.allow(),
            List.of(),
            List.of(),
            List.of(),
            "rev-1",
            NOW,
            NOW.plusSeconds(60),
            false,
            decision.route(),
            decision.alias()));
    return cache.get(gpt);
  }

  @Test
  void aBudgetWarningNamesWhatIsLeftAndAListedModelItsPrice() throws Exception {
    Decision decision =
        Json.MAPPER.readValue(
            """
            {"allow": true, "obligations": [{"code": "budget_warning", "message": "m", "remainingMicros": 150000, "currency": "USD"}]}
            """,
            Decision.class);
    assertEquals(150_000L, decision.obligations().get(0).remainingMicros());
    assertEquals("USD", decision.obligations().get(0).currency());
    AllowedModel model =
        Json.MAPPER.readValue(
            """
            {"model": "g-gpt", "price": {"currency": "EUR", "inputPerMillion": 2.5, "outputPerMillion": 10}}
            """,
            AllowedModel.class);
    assertEquals(new java.math.BigDecimal("2.5"), model.price().inputPerMillion());
    assertNull(Json.MAPPER.readValue("{\"model\": \"g-gpt\"}", AllowedModel.class).price());
  }
}
