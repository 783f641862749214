package io.portolan.usage;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.ledger.ChainVerifier;
import io.portolan.ledger.ChainedLog;
import io.portolan.ledger.LogQuery;
import io.portolan.ledger.ReadOnlyTenantTransaction;
import io.portolan.ledger.RowSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads reported usage, with the team and outcome of the decision it belongs to. */
@ApplicationScoped
public class UsageLogReader implements ChainedLog {
  @Inject ReadOnlyTenantTransaction transaction;

  @Override
  public String name() {
    return "usage";
  }

  /** One usage record as exported. */
  public record Usage(
      long id,
      String decisionId,
      Instant reportedAt,
      String team,
      String model,
      int inputTokens,
      int outputTokens,
      int latencyMs,
      Long costMicros,
      String clientId,
      String idempotencyKey,
      Long seq,
      String prevHash,
      String hash) {

    String recomputedHash() {
      return UsageChain.hash(
          new UsageChain.Content(
              seq,
              decisionId,
              model,
              inputTokens,
              outputTokens,
              latencyMs,
              costMicros,
              idempotencyKey,
              clientId,
              reportedAt),
          prevHash);
    }
  }

  /**
   * Row count, time range, first and last hash of the records an export with these filters holds.
   */
  public java.util.Map<String, Object> manifest(
      TenantId tenant, Instant from, Instant to, String team, String model) throws Exception {
    java.util.Map<String, Object> manifest = new java.util.LinkedHashMap<>();
    long[] rows = {0};
    Usage[] first = {null};
    Usage[] last = {null};
    stream(
        tenant,
        from,
        to,
        team,
        model,
        u -> {
          rows[0]++;
          if (first[0] == null) first[0] = u;
          last[0] = u;
        });
    manifest.put("rows", rows[0]);
    manifest.put("firstHash", first[0] == null ? null : first[0].hash());
    manifest.put("lastHash", last[0] == null ? null : last[0].hash());
    java.util.Map<String, Object> filters = new java.util.LinkedHashMap<>();
    filters.put("from", from);
    filters.put("to", to);
    if (team != null) filters.put("team", team);
    if (model != null) filters.put("model", model);
    manifest.put("filters", filters);
    return manifest;
  }

  /** Recomputes the usage chain over a window; names the first broken record. */
  @Override
  public java.util.Map<String, Object> verify(TenantId tenant, Instant from, Instant to)
      throws Exception {
    ChainVerifier chain = new ChainVerifier("at");
    stream(
        tenant,
        from,
        to,
        null,
        null,
        u -> {
          if (u.seq() != null) {
            chain.check(
                u.seq(),
                Long.toString(u.id()),
                u.reportedAt(),
                u.prevHash(),
                u.hash(),
                u.recomputedHash());
          }
        });
    return chain.result(from, to);
  }

  public void stream(
      TenantId tenant, Instant from, Instant to, String team, String model, RowSink<Usage> sink)
      throws Exception {
    LogQuery query =
        LogQuery.over(
                "select u.id, u.decision_id::text, u.reported_at, d.team, u.model, u.input_tokens,"
                    + " u.output_tokens, u.latency_ms, u.cost_micros, u.client_id,"
                    + " u.idempotency_key, u.seq, u.prev_hash, u.hash from usage_record u join"
                    + " decision_log d on d.tenant_id = u.tenant_id and d.id = u.decision_id where"
                    + " u.tenant_id = ? and u.reported_at >= ? and u.reported_at < ?",
                tenant,
                from,
                to)
            .and(" and d.team = ?", team)
            .and(" and u.model = ?", model)
            .then(" order by u.seq nulls last, u.id");
    transaction.stream(tenant, query, UsageLogReader::read, sink);
  }

  private static Usage read(ResultSet r) throws SQLException {
    long cost = r.getLong(9);
    Long costMicros = r.wasNull() ? null : cost;
    return new Usage(
        r.getLong(1),
        r.getString(2),
        r.getTimestamp(3).toInstant(),
        r.getString(4),
        r.getString(5),
        r.getInt(6),
        r.getInt(7),
        r.getInt(8),
        costMicros,
        r.getString(10),
        r.getString(11),
        r.getObject(12) == null ? null : r.getLong(12),
        r.getString(13),
        r.getString(14));
  }
}
