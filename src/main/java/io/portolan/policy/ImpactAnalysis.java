package io.portolan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.opa.OpaClient;
import io.portolan.infrastructure.opa.OpaUnavailableException;
import io.portolan.infrastructure.persistence.DataSources;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Replays the decisions logged in a window against the draft settings (with the live inventory) and
 * counts the flips. The log is read with a cursor and replayed in batches, so memory stays flat
 * however many decisions the window holds. The replay runs in the embedded engine's spare instance,
 * which loads the draft once; when that is busy or missing, each batch goes to the OPA server with
 * the draft as input.
 */
@ApplicationScoped
public class ImpactAnalysis {
  private static final Logger LOG = Logger.getLogger(ImpactAnalysis.class.getName());
  static final int BATCH = 2_000;
  static final int SAMPLES = 10;
  static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  /** A longer replay would tie up a connection and the shared OPA for too long. */
  static final Duration MAX_WINDOW = Duration.ofDays(92);

  /** How long an analysis waits for the embedded engine's spare instance before asking OPA. */
  static final long SPARE_WAIT_MILLIS = 1_000;

  /**
   * A batch of 2,000 against a large draft takes OPA a few hundred ms; allow for a loaded machine.
   */
  static final Duration OPA_BATCH_TIMEOUT = Duration.ofSeconds(30);

  private static final String SELECT =
      "select id, team, model, purpose, data_classification, region, task_tier, asked_deployment,"
          + " alias, allow from decision_log where tenant_id = ? and evaluated_at >= ? and"
          + " evaluated_at < ?";

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  @Inject OpaClient opa;
  @Inject EmbeddedOpa embedded;
  @Inject PolicyService policy;
  @Inject TenantPolicyData policyData;
  @Inject PolicyPublisher publisher;

  /**
   * Told after every batch how many decisions were replayed so far; answers false to stop the
   * replay.
   */
  public interface Progress {
    boolean replayed(long count);

    Progress UNTIL_DONE = count -> true;
  }

  /** Raised when {@link Progress} asks the replay to stop; the analysis then has no report. */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped", null, false, false);
    }
  }

  public ImpactReport analyse(TenantId tenant, ImpactRequest window) {
    return replay(tenant, draft(tenant), window(window), Progress.UNTIL_DONE);
  }

  /**
   * The window asked for with its defaults filled in; a 400 naming the field when it is not one.
   */
  public ImpactRequest window(ImpactRequest window) {
    Instant to = window != null && window.to() != null ? window.to() : Instant.now();
    Instant from =
        window != null && window.from() != null ? window.from() : to.minus(DEFAULT_WINDOW);
    if (!from.isBefore(to)) {
      throw ProblemException.badRequest("from", "must be before to");
    }
    if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
      throw ProblemException.badRequest(
          "from", "the window may span at most " + MAX_WINDOW.toDays() + " days");
    }
    return new ImpactRequest(from, to);
  }

  /** The tenant's data as the draft settings would make it: what the replay decides with. */
  public ObjectNode draft(TenantId tenant) {
    return policyData.build(tenant, publisher.policyHash(), policy.draft(tenant), 0);
  }

  /** How many logged decisions the window holds: the total a job's progress counts towards. */
  public long count(TenantId tenant, ImpactRequest window) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement count =
          connection.prepareStatement(
              "select count(*) from decision_log where tenant_id = ? and evaluated_at >= ? and"
                  + " evaluated_at < ?")) {
        TenantScope.enter(connection, tenant);
        count.setString(1, tenant.value());
        count.setTimestamp(2, Timestamp.from(window.from()));
        count.setTimestamp(3, Timestamp.from(window.to()));
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw ProblemException.unavailable(
          ProblemTypes.DATABASE_UNAVAILABLE, "The decision log could not be read.");
    }
  }

  /**
   * Replays the window (already checked by {@link #window}) against {@code draft}.
   *
   * @throws Stopped when {@code progress} asked to stop
   */
  public ImpactReport replay(
      TenantId tenant, ObjectNode draft, ImpactRequest window, Progress progress) {
    return replay(tenant, draft, window, null, progress);
  }

  /** As above, over the decisions about {@code models} only (all decisions when null). */
  public ImpactReport replay(
      TenantId tenant,
      ObjectNode draft,
      ImpactRequest window,
      List<String> models,
      Progress progress) {
    long started = System.nanoTime();
    Instant from = window.from();
    Instant to = window.to();
    long nowMs =
        System.currentTimeMillis(); // approvals expire as of now, not as of the logged time
    Tally tally = new Tally();
    Optional<EmbeddedOpa.Replay> inProcess =
        embedded.replay(tenant.value(), draft, SPARE_WAIT_MILLIS);
    Flips flips =
        inProcess
            .<Flips>map(replay -> new InProcessFlips(replay, tenant))
            .orElse(batch -> flips(draft, batch));
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        TenantScope.enter(connection, tenant);
        replay(connection, tenant, from, to, models, nowMs, flips, tally, progress);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw ProblemException.unavailable(
          ProblemTypes.DATABASE_UNAVAILABLE, "The decision log could not be read.");
    } finally {
      inProcess.ifPresent(
          EmbeddedOpa.Replay::close); // whatever happened, the next analysis gets it back
    }
    long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    LOG.info(
        () ->
            "impact analysis for "
                + tenant.value()
                + ": "
                + tally.evaluated
                + " decisions replayed "
                + (inProcess.isPresent() ? "in the embedded engine" : "by the OPA server")
                + " in "
                + tookMillis
                + " ms");
    return new ImpactReport(
        from,
        to,
        tally.evaluated,
        tally.allowToDeny,
        tally.denyToAllow,
        tally.allowToDenySamples,
        tally.denyToAllowSamples,
        tookMillis);
  }

  /**
   * Each question ({@code {team, model, purpose, dataClassification, region}}) answered under
   * {@code document}: {@code {allow, reasons: [{code}], alternatives: [...]}}, in order. In the
   * embedded engine's spare instance when it is free, else by the OPA server's impact policy.
   */
  public List<JsonNode> answers(TenantId tenant, ObjectNode document, List<ObjectNode> questions) {
    long nowMs = System.currentTimeMillis();
    questions.forEach(question -> question.put("nowMs", nowMs));
    Optional<EmbeddedOpa.Replay> inProcess =
        embedded.replay(tenant.value(), document, SPARE_WAIT_MILLIS);
    if (inProcess.isEmpty()) {
      ObjectNode input = JacksonConfig.MAPPER.createObjectNode();
      input.set("draft", document);
      questions.forEach(input.putArray("questions")::add);
      List<JsonNode> answers = new ArrayList<>();
      askOpa(input).path("answers").forEach(answers::add);
      return answers;
    }
    try (EmbeddedOpa.Replay replay = inProcess.get()) {
      List<JsonNode> answers = new ArrayList<>();
      for (ObjectNode question : questions) {
        answers.add(replay.evaluate(question.deepCopy().put("tenant", tenant.value())));
      }
      return answers;
    } catch (IllegalStateException e) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_ENGINE_UNAVAILABLE, "The policy engine failed; retry shortly.");
    }
  }

  /** The flips of a batch of logged decisions: {@code [{id, was, now, reasons: [code]}]}. */
  private interface Flips {
    JsonNode of(ArrayNode batch);
  }

  private void replay(
      Connection connection,
      TenantId tenant,
      Instant from,
      Instant to,
      List<String> models,
      long nowMs,
      Flips flips,
      Tally tally,
      Progress progress)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(models == null ? SELECT : SELECT + " and model = any(?)")) {
      if (models != null) {
        query.setArray(4, connection.createArrayOf("text", models.toArray()));
      }
      query.setFetchSize(BATCH);
      query.setString(1, tenant.value());
      query.setTimestamp(2, Timestamp.from(from));
      query.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rows = query.executeQuery()) {
        ArrayNode batch = JacksonConfig.MAPPER.createArrayNode();
        while (rows.next()) {
          batch.add(logged(rows, nowMs));
          if (batch.size() == BATCH) {
            count(batch, flips.of(batch), tally);
            batch = JacksonConfig.MAPPER.createArrayNode();
            if (!progress.replayed(tally.evaluated)) {
              throw new Stopped();
            }
          }
        }
        if (!batch.isEmpty()) {
          count(batch, flips.of(batch), tally);
          progress.replayed(tally.evaluated);
        }
      }
    }
  }

  private static ObjectNode logged(ResultSet row, long nowMs) throws SQLException {
    ObjectNode logged = JacksonConfig.MAPPER.createObjectNode();
    logged.put("id", row.getString("id")).put("allow", row.getBoolean("allow"));
    ObjectNode request = logged.putObject("request");
    // A call for an alias is replayed as asked: the draft may resolve it elsewhere.
    String model = row.getString("alias") != null ? row.getString("alias") : row.getString("model");
    request.put("team", row.getString("team")).put("model", model);
    request
        .put("purpose", row.getString("purpose"))
        .put("dataClassification", row.getString("data_classification"));
    request.put("region", row.getString("region")).put("nowMs", nowMs);
    if (row.getString("task_tier") != null) {
      request.put("taskTier", row.getString("task_tier"));
    }
    if (row.getString("asked_deployment") != null) {
      request.put("deployment", row.getString("asked_deployment"));
    }
    return logged;
  }

  /**
   * By the decision policy in the JVM, one logged request at a time, as a gateway would ask it. A
   * log repeats the same questions over and over; with the draft and the time fixed, each distinct
   * question is evaluated once.
   */
  private static final class InProcessFlips implements Flips {
    /** Distinct questions remembered; beyond this, the rest are evaluated every time. */
    static final int REMEMBERED = 100_000;

    private record Outcome(boolean allow, List<String> reasons) {}

    private final EmbeddedOpa.Replay replay;
    private final TenantId tenant;
    private final Map<String, Outcome> outcomes = new HashMap<>();

    InProcessFlips(EmbeddedOpa.Replay replay, TenantId tenant) {
      this.replay = replay;
      this.tenant = tenant;
    }

    @Override
    public JsonNode of(ArrayNode batch) {
      ArrayNode flips = JacksonConfig.MAPPER.createArrayNode();
      for (JsonNode logged : batch) {
        Outcome outcome = outcome(logged.get("request"));
        if (outcome.allow() != logged.path("allow").asBoolean()) {
          ObjectNode flip = flips.addObject().put("id", logged.path("id").asText());
          flip.put("was", !outcome.allow()).put("now", outcome.allow());
          outcome.reasons().forEach(flip.putArray("reasons")::add);
        }
      }
      return flips;
    }

    private Outcome outcome(JsonNode request) {
      String question = request.toString();
      Outcome known = outcomes.get(question);
      if (known != null) {
        return known;
      }
      JsonNode answer;
      try {
        answer = replay.evaluate(((ObjectNode) request.deepCopy()).put("tenant", tenant.value()));
      } catch (IllegalStateException e) {
        throw ProblemException.unavailable(
            ProblemTypes.POLICY_ENGINE_UNAVAILABLE, "The policy engine failed; retry shortly.");
      }
      List<String> reasons = new ArrayList<>();
      answer.path("reasons").forEach(reason -> reasons.add(reason.path("code").asText()));
      Outcome outcome = new Outcome(answer.path("allow").asBoolean(), List.copyOf(reasons));
      if (outcomes.size() < REMEMBERED) {
        outcomes.put(question, outcome);
      }
      return outcome;
    }
  }

  /** By the OPA server's impact rule, the draft sent along with every batch. */
  private JsonNode flips(ObjectNode draft, ArrayNode batch) {
    ObjectNode input = JacksonConfig.MAPPER.createObjectNode();
    input.set("draft", draft);
    input.set("decisions", batch);
    return askOpa(input).path("flips");
  }

  private JsonNode askOpa(ObjectNode input) {
    JsonNode result;
    try {
      result = opa.evaluate("portolan/impact", input, OPA_BATCH_TIMEOUT);
    } catch (OpaUnavailableException e) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_ENGINE_UNAVAILABLE,
          "The policy engine is unavailable; retry shortly.");
    }
    if (result == null) {
      throw ProblemException.unavailable(
          ProblemTypes.POLICY_NOT_LOADED, "The impact policy is not loaded yet; retry shortly.");
    }
    return result;
  }

  private static void count(ArrayNode batch, JsonNode flips, Tally tally) {
    tally.evaluated += batch.size();
    for (JsonNode flip : flips) {
      if (flip.path("was").asBoolean()) {
        tally.allowToDeny++;
        sample(tally.allowToDenySamples, flip, batch);
      } else {
        tally.denyToAllow++;
        sample(tally.denyToAllowSamples, flip, batch);
      }
    }
  }

  private static void sample(List<JsonNode> samples, JsonNode flip, ArrayNode batch) {
    if (samples.size() >= SAMPLES) {
      return;
    }
    for (JsonNode logged : batch) {
      if (logged.path("id").equals(flip.path("id"))) {
        ObjectNode example = ((ObjectNode) logged.deepCopy());
        example.set("reasons", flip.path("reasons"));
        samples.add(example);
        return;
      }
    }
  }

  private static final class Tally {
    long evaluated;
    long allowToDeny;
    long denyToAllow;
    final List<JsonNode> allowToDenySamples = new ArrayList<>();
    final List<JsonNode> denyToAllowSamples = new ArrayList<>();
  }
}
