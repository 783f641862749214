package io.portolan.decision;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.ledger.ChainHash;
import io.portolan.ledger.ChainVerifier;
import io.portolan.ledger.ChainedLog;
import io.portolan.ledger.ReadOnlyTenantTransaction;
import io.portolan.ledger.RowSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a tenant's decision log with a database cursor: exports stream row by row in constant
 * memory, and verification walks the hash chain in order.
 */
@ApplicationScoped
public class DecisionLogReader implements ChainedLog {
  @Inject ReadOnlyTenantTransaction transaction;

  @Override
  public String name() {
    return "decisions";
  }

  public void stream(TenantId tenant, DecisionLogFilter filter, RowSink<LoggedDecision> sink)
      throws Exception {
    String sql =
        "select "
            + LoggedDecision.COLUMNS
            + " from decision_log where "
            + filter.condition()
            + " order by evaluated_at, seq nulls last, id";
    inTenant(
        tenant,
        connection -> {
          try (PreparedStatement query = filter.prepare(connection, sql, tenant)) {
            query.setFetchSize(ReadOnlyTenantTransaction.FETCH);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                sink.accept(LoggedDecision.read(rows));
              }
            }
          }
          return null;
        });
  }

  /** Row count, time range, the filters, and the first and last hash of the rows they select. */
  public Map<String, Object> manifest(TenantId tenant, DecisionLogFilter filter) throws Exception {
    String sql =
        "select count(*), min(evaluated_at), max(evaluated_at),"
            + " (array_agg(hash order by evaluated_at, seq nulls last, id))[1],"
            + " (array_agg(hash order by evaluated_at desc, seq desc nulls first, id desc))[1]"
            + " from decision_log where "
            + filter.condition();
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement query = filter.prepare(connection, sql, tenant);
              ResultSet row = query.executeQuery()) {
            row.next();
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("rows", row.getLong(1));
            manifest.put(
                "firstEvaluatedAt",
                row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant());
            manifest.put(
                "lastEvaluatedAt",
                row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant());
            manifest.put("firstHash", row.getString(4));
            manifest.put("lastHash", row.getString(5));
            manifest.put("filters", filter.describe());
            return manifest;
          }
        });
  }

  /**
   * Recomputes the chain over the window: every hash from its content, every link to the previous
   * entry (the first one's to its predecessor or the retention checkpoint), no gap in the
   * numbering, no unchained entry after the chain began.
   */
  @Override
  public Map<String, Object> verify(TenantId tenant, Instant from, Instant to) throws Exception {
    return inTenant(
        tenant,
        connection -> {
          ChainVerifier chain =
              new ChainVerifier("evaluatedAt", seq -> linkBefore(connection, tenant, seq));
          unchained(connection, tenant, from, to, chain);
          String sql =
              "select "
                  + LoggedDecision.COLUMNS
                  + " from decision_log where tenant_id = ? and seq is not null"
                  + " and evaluated_at >= ? and evaluated_at < ? order by seq";
          try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(ReadOnlyTenantTransaction.FETCH);
            query.setString(1, tenant.value());
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
              while (!chain.isBroken() && rows.next()) {
                LoggedDecision row = LoggedDecision.read(rows);
                chain.check(
                    row.seq(),
                    row.id(),
                    row.evaluatedAt(),
                    row.prevHash(),
                    row.hash(),
                    row.expectedHash());
              }
            }
          }
          return chain.result(from, to);
        });
  }

  /**
   * An entry without a place in the chain, logged after the chain began: written around Portolan.
   */
  private static void unchained(
      Connection connection, TenantId tenant, Instant from, Instant to, ChainVerifier chain)
      throws SQLException {
    String sql =
        "select id::text, evaluated_at from decision_log d where tenant_id = ? and seq is null and"
            + " evaluated_at >= ? and evaluated_at < ? and exists (select 1 from decision_log c"
            + " where c.tenant_id = d.tenant_id and c.seq is not null and c.logged_at <="
            + " d.logged_at) order by evaluated_at limit 1";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, tenant.value());
      query.setTimestamp(2, Timestamp.from(from));
      query.setTimestamp(3, Timestamp.from(to));
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          chain.fail(
              null,
              row.getString(1),
              row.getTimestamp(2).toInstant(),
              "it is not part of the chain (written outside Portolan)");
        }
      }
    }
  }

  /**
   * The hash the entry seq should link to: its predecessor's, a checkpoint's, or genesis; null when
   * gone.
   */
  private static String linkBefore(Connection connection, TenantId tenant, long seq)
      throws SQLException {
    if (seq == 1) {
      return ChainHash.GENESIS;
    }
    // The predecessor, or the checkpoint the retention job left where it removed it.
    try (PreparedStatement query =
        connection.prepareStatement(
            "select hash from decision_log where tenant_id = ? and seq = ? union all select hash"
                + " from log_checkpoint where tenant_id = ? and log = 'decisions' and seq = ?")) {
      query.setString(1, tenant.value());
      query.setLong(2, seq - 1);
      query.setString(3, tenant.value());
      query.setLong(4, seq - 1);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private <T> T inTenant(TenantId tenant, ReadOnlyTenantTransaction.Work<T> work) throws Exception {
    return transaction.run(tenant, work);
  }
}
