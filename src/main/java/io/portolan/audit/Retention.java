package io.portolan.audit;

import io.portolan.infrastructure.persistence.DatabaseMigrator;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantId;
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
 * The retention job: removes a tenant's decision-log and audit-trail entries older than a cut,
 * as the schema owner (the application role cannot delete log rows), after checkpointing the hash
 * of the last entry removed so the remaining chain still verifies.
 */
@ApplicationScoped
public class Retention {
  @Inject DatabaseMigrator database;

  public Map<String, Object> apply(TenantId tenant, Instant cutBefore, String actor) {
    Map<String, Object> result = new LinkedHashMap<>();
    try (Connection owner = database.owner().getConnection()) {
      owner.setAutoCommit(false);
      try {
        TenantScope.enter(owner, tenant);
        result.put("decisions", cut(owner, tenant, "decisions", "decision_log", "evaluated_at", cutBefore, actor));
        result.put("changes", cut(owner, tenant, "changes", "change_log", "at", cutBefore, actor));
        owner.commit();
      } catch (SQLException | RuntimeException e) {
        owner.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw ProblemException.unavailable("database-unavailable", "The retention job could not run: " + e.getSQLState());
    }
    result.put("cutBefore", cutBefore);
    return result;
  }

  /** Removes the chained entries before the cut, up to the first one that is not, and checkpoints the last. */
  private static long cut(Connection owner, TenantId tenant, String log, String table, String timeColumn,
      Instant cutBefore, String actor) throws SQLException {
    // Entries are removed as a prefix of the chain: up to the first entry at or after the cut.
    String last = "select seq, hash from " + table + " where tenant_id = ? and seq is not null and seq < coalesce("
        + "(select min(seq) from " + table + " where tenant_id = ? and seq is not null and " + timeColumn + " >= ?),"
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
    try (PreparedStatement delete = owner.prepareStatement(
        "delete from " + table + " where tenant_id = ? and seq is not null and seq <= ?")) {
      delete.setString(1, tenant.value());
      delete.setLong(2, seq);
      removed = delete.executeUpdate();
    }
    try (PreparedStatement checkpoint = owner.prepareStatement(
        "insert into log_checkpoint (tenant_id, log, seq, hash, cut_before, rows_removed, actor) values (?, ?, ?, ?, ?, ?, ?)")) {
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
