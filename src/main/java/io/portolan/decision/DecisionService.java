package io.portolan.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import io.opentelemetry.api.trace.Span;
import io.portolan.infrastructure.logging.LogContext;
import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.infrastructure.opa.OpaUnavailableException;
import io.portolan.infrastructure.persistence.GroupCommit;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.telemetry.Tracing;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.policy.PolicyPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Decides with OPA and logs before answering. Fails closed: without an answer from OPA, or without
 * the decision committed to the log, the caller gets 503 and never an allow.
 */
@ApplicationScoped
public class DecisionService {
  private static final Logger LOG = Logger.getLogger(DecisionService.class.getName());
  static final String RULE = "portolan/decision";
  static final String CATALOG = "portolan/catalog";
  private static final long OPA_AWAY_WAIT_MILLIS = 1000;

  /** Evaluations of one question, each on data reloaded after the log refused the last as stale. */
  private static final int STALE_ATTEMPTS = 3;

  /**
   * Decision ids are version 7 UUIDs, ordered by their millisecond: each new row of the log lands
   * at the end of its tenant's part of the primary key, not on a random page, so after a checkpoint
   * PostgreSQL does not write a full page image for nearly every decision (0.40 per decision with
   * random ids). The rest of each id is random, not a counter shared by all tenants that would tell
   * one tenant how many decisions others asked for in between. (Decisions uploaded by OPA sidecars
   * keep the ids OPA gave them.)
   */
  private static final TimeBasedEpochRandomGenerator DECISION_IDS =
      Generators.timeBasedEpochRandomGenerator();

  @Inject OpaClient opa;
  @Inject EmbeddedOpa embedded;
  @Inject DecisionLog log;
  @Inject DecisionCache cache;
  @Inject PolicyPublisher publisher;
  @Inject DecisionMetrics metrics;
  @Inject Tracing tracing;

  @Inject DecisionConfig config;

  /**
   * Decides and logs. The log refuses a decision evaluated on data older than the tenant's current
   * version (a change committed through another replica that this one has not loaded yet): the data
   * is then read again and the question evaluated again, so no answer leaves that a change already
   * acknowledged would have turned.
   */
  public DecisionResponse decide(TenantId tenant, String clientId, DecisionRequest request) {
    long started = System.nanoTime();
    LogContext.tenant(tenant.value());
    Tracing.tenant(tenant.value());
    try {
      Logged logged = decideLogged(tenant, clientId, request);
      metrics.record(
          tenant.value(),
          logged.response().allow(),
          false,
          logged.source(),
          System.nanoTime() - started);
      return logged.response();
    } catch (ProblemException refused) {
      metrics.record(
          tenant.value(), false, true, DecisionMetrics.Source.NONE, System.nanoTime() - started);
      throw refused;
    }
  }

  private Logged decideLogged(TenantId tenant, String clientId, DecisionRequest request) {
    for (int attempt = 1; ; attempt++) {
      Logged logged = decideOnce(tenant, clientId, request);
      if (logged.response() != null) {
        return logged;
      }
      if (attempt == STALE_ATTEMPTS) {
        throw ProblemException.unavailable(
            ProblemTypes.POLICY_DATA_CHANGING,
            "The tenant's policy data changed while deciding and could not be reloaded in time;"
                + " retry shortly.");
      }
      publisher.reloadIfNotNewerThan(tenant, logged.staleVersion());
    }
  }

  /**
   * The logged answer and where it came from, or the data version of an answer the log refused as
   * stale.
   */
  private record Logged(
      DecisionResponse response, long staleVersion, DecisionMetrics.Source source) {}

  private Logged decideOnce(TenantId tenant, String clientId, DecisionRequest request) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    DecisionCache.Question question = DecisionCache.Question.of(tenant, request);
    DecisionCache.Lookup lookup =
        tracing.inSpan("decision.cache", () -> cache.lookup(question, now.toEpochMilli()));
    Answer answer =
        lookup
            .verdict()
            .map(v -> new Answer(v, lookup.storedVersion(), DecisionMetrics.Source.CACHE))
            .orElseGet(
                () ->
                    tracing.inSpan(
                        "decision.evaluate",
                        () -> {
                          Answer evaluated =
                              evaluate(tenant, question, lookup, input(tenant, request, now));
                          Span.current()
                              .setAttribute(
                                  Tracing.ENGINE,
                                  evaluated.source().name().toLowerCase(Locale.ROOT));
                          return evaluated;
                        }));
    Verdict verdict = answer.verdict();
    UUID decisionId = DECISION_IDS.generate();
    LogContext.decision(decisionId.toString());
    Tracing.decision(decisionId.toString());
    DecisionLogEntry entry =
        new DecisionLogEntry(
            decisionId,
            tenant,
            clientId,
            verdict.logged(request),
            verdict.allow(),
            verdict.reasons(),
            verdict.obligations(),
            verdict.revision(),
            now,
            DecisionLogEntry.Source.API,
            answer.dataVersion(),
            verdict.routedDeployment(),
            verdict.aliasName());
    try {
      tracing.inSpan(
          "decision.log",
          () -> {
            log.append(entry);
            return null;
          });
    } catch (GroupCommit.NotStoredException e) {
      if (e.getCause() instanceof DecisionLog.StaleDataException) {
        return new Logged(null, entry.dataVersion(), answer.source());
      }
      LOG.warning("decision not logged, refused: " + e.getMessage());
      throw ProblemException.unavailable(
          ProblemTypes.DECISION_LOG_UNAVAILABLE,
          "The decision could not be logged, so it is not given; retry shortly.");
    }
    return new Logged(
        new DecisionResponse(
            entry.decisionId(),
            entry.allow(),
            entry.reasons(),
            entry.obligations(),
            verdict.alternatives(),
            entry.policyRevision(),
            now,
            expiry(now, lookup),
            verdict.route(),
            verdict.alias()),
        0,
        answer.source());
  }

  /**
   * A verdict and the tenant data version it was evaluated on (at least); 0 when that is unknown
   * (no data loaded, OPA's push failed), which the log then refuses as stale.
   */
  private record Answer(Verdict verdict, long dataVersion, DecisionMetrics.Source source) {
    Answer {
      dataVersion = Math.max(0, dataVersion);
    }
  }

  /**
   * A gateway may reuse the answer for a while, but not past the next time boundary (an expiry, a
   * cut-off) that could change it.
   */
  private Instant expiry(Instant now, DecisionCache.Lookup lookup) {
    Instant expiry = now.plusSeconds(config.cacheSeconds());
    if (lookup.interval() != null && lookup.interval().untilMs() < expiry.toEpochMilli()) {
      return Instant.ofEpochMilli(lookup.interval().untilMs());
    }
    return expiry;
  }

  /** Every model the team may use now, by the same rules as decisions. */
  public UsableModels usableModels(
      TenantId tenant,
      String team,
      String purpose,
      String classification,
      String region,
      String taskTier) {
    ObjectNode input = JacksonConfig.MAPPER.createObjectNode();
    input.put("tenant", tenant.value()).put("team", team).put("purpose", purpose);
    input.put("dataClassification", classification).put("region", region);
    input.put("nowMs", System.currentTimeMillis());
    if (taskTier != null) {
      input.put("taskTier", taskTier);
    }
    JsonNode result;
    try {
      result = opa.evaluate(CATALOG, input);
    } catch (OpaUnavailableException e) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_ENGINE_UNAVAILABLE,
          "The policy engine is unavailable; retry shortly.");
    }
    if (result == null || !result.hasNonNull("revision")) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_NOT_LOADED,
          "The policy for this tenant is not loaded yet; retry shortly.");
    }
    return new UsableModels(
        team,
        purpose,
        classification,
        region,
        taskTier,
        result.get("revision").asText(),
        result.path("models"));
  }

  /** The evaluation time is part of the input, so a logged decision can be replayed exactly. */
  static ObjectNode input(TenantId tenant, DecisionRequest request, Instant now) {
    ObjectNode input = JacksonConfig.MAPPER.createObjectNode();
    input.put("tenant", tenant.value());
    input.put("team", request.team());
    input.put("model", request.model());
    input.put("purpose", request.purpose());
    input.put("dataClassification", request.dataClassification().json());
    input.put("region", request.region());
    if (request.taskTier() != null) {
      input.put("taskTier", request.taskTier().json());
    }
    if (request.deployment() != null) {
      input.put("deployment", request.deployment());
    }
    input.put("now", now.toString());
    input.put("nowMs", now.toEpochMilli());
    return input;
  }

  /** An answer from the tenant's published data, not the empty document of an unknown tenant. */
  private static boolean decided(JsonNode answer) {
    return answer.hasNonNull("revision") && answer.path("allow").isBoolean();
  }

  /**
   * In the JVM when the embedded engine can answer now, else by the OPA server: the same policy.
   */
  private Answer evaluate(
      TenantId tenant,
      DecisionCache.Question question,
      DecisionCache.Lookup lookup,
      ObjectNode input) {
    // An evaluation that starts now uses this version or a later one.
    long embeddedVersion =
        embedded.tenantData(tenant.value()).map(EmbeddedOpa.TenantData::storedVersion).orElse(-1L);
    // Without data for the tenant the embedded engine has no answer: OPA may have it.
    Optional<JsonNode> embeddedAnswer = embedded.evaluate(input).filter(DecisionService::decided);
    if (embeddedAnswer.isPresent()) {
      return new Answer(
          remembered(question, lookup, embeddedAnswer.get()),
          embeddedVersion,
          DecisionMetrics.Source.EMBEDDED);
    }
    long opaVersion = publisher.opaDataVersion(tenant);
    JsonNode result;
    try {
      result = opa.evaluate(RULE, input);
    } catch (OpaUnavailableException e) {
      // Every instance was busy and OPA is away: wait for an instance rather than refuse.
      embeddedAnswer =
          embedded.evaluate(input, OPA_AWAY_WAIT_MILLIS).filter(DecisionService::decided);
      if (embeddedAnswer.isPresent()) {
        return new Answer(
            remembered(question, lookup, embeddedAnswer.get()),
            embeddedVersion,
            DecisionMetrics.Source.EMBEDDED);
      }
      LOG.warning("decision refused, OPA unavailable: " + e.getMessage());
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_ENGINE_UNAVAILABLE,
          "The policy engine is unavailable, so no decision can be given; retry shortly.");
    }
    if (result == null || !decided(result)) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_NOT_LOADED,
          "The policy for this tenant is not loaded into the policy engine yet; retry shortly.");
    }
    return new Answer(Verdict.of(result), opaVersion, DecisionMetrics.Source.OPA);
  }

  private Verdict remembered(
      DecisionCache.Question question, DecisionCache.Lookup lookup, JsonNode answer) {
    Verdict verdict = Verdict.of(answer);
    cache.remember(question, lookup, verdict);
    return verdict;
  }
}
