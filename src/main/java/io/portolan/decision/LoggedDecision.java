package io.portolan.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.portolan.infrastructure.web.JacksonConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * One row of the decision log as auditors see it: {@code askedDeployment} the deployment the
 * question named, {@code deployment} the one an allowed call was routed to, {@code alias} the alias
 * asked for, whose resolved model is {@code model} (each left out when none).
 */
public record LoggedDecision(
    String id,
    Long seq,
    Instant evaluatedAt,
    String team,
    String model,
    String purpose,
    String dataClassification,
    String region,
    String taskTier,
    boolean allow,
    List<Reason> reasons,
    List<Obligation> obligations,
    String policyRevision,
    String clientId,
    String source,
    String prevHash,
    String hash,
    @JsonInclude(JsonInclude.Include.NON_NULL) String askedDeployment,
    @JsonInclude(JsonInclude.Include.NON_NULL) String deployment,
    @JsonInclude(JsonInclude.Include.NON_NULL) String alias) {

  static final String COLUMNS =
      "id::text, seq, evaluated_at, team, model, purpose, data_classification, region, task_tier,"
          + " allow, reasons::text, obligations::text, policy_revision, client_id, source,"
          + " prev_hash, hash, asked_deployment, deployment, alias";

  static LoggedDecision read(ResultSet row) throws SQLException {
    long seq = row.getLong("seq");
    return new LoggedDecision(
        row.getString(1),
        row.wasNull() ? null : seq,
        row.getTimestamp("evaluated_at").toInstant(),
        row.getString("team"),
        row.getString("model"),
        row.getString("purpose"),
        row.getString("data_classification"),
        row.getString("region"),
        row.getString("task_tier"),
        row.getBoolean("allow"),
        reasons(row.getString("reasons")),
        obligations(row.getString("obligations")),
        row.getString("policy_revision"),
        row.getString("client_id"),
        row.getString("source"),
        row.getString("prev_hash"),
        row.getString("hash"),
        row.getString("asked_deployment"),
        row.getString("deployment"),
        row.getString("alias"));
  }

  /** The hash this row should carry, recomputed from its content and its previous hash. */
  String expectedHash() {
    return DecisionChain.hash(
        new DecisionChain.Content(
            seq,
            id,
            team,
            model,
            purpose,
            dataClassification,
            region,
            allow,
            DecisionLog.json(reasons),
            policyRevision,
            evaluatedAt,
            clientId,
            taskTier,
            source,
            DecisionLog.json(obligations),
            askedDeployment,
            deployment,
            alias),
        prevHash);
  }

  private static List<Obligation> obligations(String json) {
    try {
      return JacksonConfig.MAPPER.readValue(json, new TypeReference<List<Obligation>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable obligations in the decision log", e);
    }
  }

  private static List<Reason> reasons(String json) {
    try {
      return JacksonConfig.MAPPER.readValue(json, new TypeReference<List<Reason>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable reasons in the decision log", e);
    }
  }
}
