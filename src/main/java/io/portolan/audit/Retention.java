package io.portolan.audit;

import io.portolan.infrastructure.persistence.DatabaseMigrator;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
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
 * The retention job: removes a tenant's decision-log, usage-log and audit-trail entries older than
 * a cut per log, as the schema owner (the application role cannot delete log rows), after
 * checkpointing the hash of the last entry removed so the remaining chain still verifies, and
 * records the run in {@code retention_run}.
 */
@ApplicationScoped
public class Retention {
  @Inject DatabaseMigrator database;

  /** The chained logs, with their tables and time columns. */
  public enum Log {
    DECISIONS("decisions", "decision_log", "evaluated_at"),
    USAGE("usage", "usage_record", "reported_at"),
    CHANGES("changes", "change_log", "at");

    final String name;
    final String table;
    final String timeColumn;

    Log(String name, String table, String timeColumn) {
      this.name = name;
      this.table = table;
      this.timeColumn = timeColumn;
    }
  }

  /** One cut for every log: an officer's or admin's explicit run. */
  public Map<String, Object> apply(TenantId tenant, Instant cutBefore, String actor) {
    Map<Log, Instant> cuts = new java.util.EnumMap<>(Log.class);
    for (Log log : Log.values()) cuts.put(log, cutBefore);
    Map<String, Object> result = apply(tenant, cuts, actor, "manual");
    result.put("cutBefore", cutBefore);
    return result;
  }

  /** A cut per log (a log without one is kept whole); {@code trigger} is manual or schedule. */
  public Map<String, Object> apply(
      TenantId tenant, Map<Log, Instant> cuts, String actor, String trigger) {
    Map<String, Object> result = new LinkedHashMap<>();
    try (Connection owner = database.owner().getConnection()) {
      owner.setAutoCommit(false);
      try {
        TenantScope.enter(owner, tenant);
        Map<String, Object> cutBefore = new LinkedHashMap<>();
        for (Log log : Log.values()) {
          Instant cut = cuts.get(log);
          cutBefore.put(log.name, cut == null ? null : cut.toString());
          result.put(
              log.name,
              cut == null
                  ? 0L
                  : cut(owner, tenant, log.name, log.table, log.timeColumn, cut, actor));
        }
        record(owner, tenant, trigger, actor, result, cutBefore);
        result.put("trigger", trigger);
        owner.commit();
      } catch (SQLException | RuntimeException e) {
        owner.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw ProblemException.unavailable(
          ProblemTypes.DATABASE_UNAVAILABLE, "The retention job could not run: " + e.getSQLState());
    }
    return result;
  }

  private static void record(
      Connection owner,
      TenantId tenant,
      String trigger,
      String actor,
      Map<String, Object> removed,
      Map<String, Object> cutBefore)
      throws SQLException {
    try (PreparedStatement run =
        owner.prepareStatement(
            "insert into retention_run (tenant_id, trigger, actor, removed,"
                + " cut_before) values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))")) {
      run.setString(1, tenant.value());
      run.setString(2, trigger);
      run.setString(3, actor);
      run.setString(4, json(removed));
      run.setString(5, json(cutBefore));
      run.executeUpdate();
    }
  }

  private static String json(Map<String, Object> map) {
    try {
      return io.portolan.infrastructure.web.JacksonConfig.MAPPER.writeValueAsString(map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Removes the chained entries before the cut, up to the first one that is not, and checkpoints
   * the last.
   */
  private static long cut(
      Connection owner,
      TenantId tenant,
      String log,
      String table,
      String timeColumn,
      Instant cutBefore,
      String actor)
      throws SQLException {
    // Entries are removed as a prefix of the chain: up to the first entry at or after the cut.
    String last =
        "select seq, hash from "
            + table
            + " where tenant_id = ? and seq is not null and seq < coalesce("
            + "(select min(seq) from "
            + table
            + " where tenant_id = ? and seq is not null and "
            + timeColumn
            + " >= ?),"
            + " 9223372036854775807) order by seq desc limit 1";
    long seq;
    String hash;
    try (PreparedStatement query = owner.prepareStatement(last)) {
      query.setString(1, tenant.value());
      query.setString(2, tenant.value());
      query.setTimestamp(3, Timestamp.from(cutBefore));
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) return 0;
        seq = row.getLong(1);
        hash = row.getString(2);
      }
    }
    long removed;
    try (PreparedStatement delete =
        owner.prepareStatement(
            "delete from " + table + " where tenant_id = ? and seq is not null and seq <= ?")) {
      delete.setString(1, tenant.value());
      delete.setLong(2, seq);
      removed = delete.executeUpdate();
    }
    try (PreparedStatement checkpoint =
        owner.prepareStatement(
            "insert into log_checkpoint (tenant_id, log, seq, hash, cut_before, rows_removed,"
                + " actor) values (?, ?, ?, ?, ?, ?, ?)")) {
      checkpoint.setString(1, tenant.value());
      checkpoint.setString(2, log);
      checkpoint.setLong(3, seq);
      checkpoint.setString(4, hash);
      checkpoint.setTimestamp(5, Timestamp.from(cutBefore));
      checkpoint.setLong(6, removed);
      checkpoint.setString(7, actor);
      checkpoint.executeUpdate();
    }
    return removed;
  }
}
