package io.portolan.decision;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * Settles a decision-log batch whose COMMIT was sent but whose answer was lost with the connection:
 * it may or may not have taken effect, and its callers must not be told "logged" unless it did.
 */
final class LostCommitRecovery {
  /**
   * How long a commit whose answer was lost is looked up; well inside the claimed callers' grace.
   */
  static final long OUTCOME_LOOKUP_MILLIS = 10_000;

  private static final long OUTCOME_LOOKUP_PAUSE_MILLIS = 250;
  private static final Logger LOG = Logger.getLogger(LostCommitRecovery.class.getName());

  private final DataSource dataSource;

  LostCommitRecovery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Whether the batch the failure {@code e} interrupted after COMMIT was sent is in the log: not
   * when the server refused the commit, otherwise as looked up.
   */
  boolean committed(Exception e, int backend, Map<TenantId, List<DecisionLogEntry>> inserted) {
    return !refusedByServer(e) && lookedUp(backend, inserted);
  }

  /**
   * Whether the server answered COMMIT with an error: the transaction was then rolled back. Without
   * an answer (the connection failed), or with a FATAL one, the commit may have taken effect.
   */
  private static boolean refusedByServer(Exception e) {
    return e instanceof PSQLException p
        && p.getServerErrorMessage() != null
        && "ERROR".equals(p.getServerErrorMessage().getSeverity());
  }

  /**
   * After the connection failed once COMMIT was sent (its answer lost), whether the transaction's
   * entries are in the log. Its server process is ended first, so the transaction is settled either
   * way; being all or nothing, its entries are then all found or none. Looked up on fresh
   * connections until {@link #OUTCOME_LOOKUP_MILLIS}; still unknown then counts as not stored.
   */
  private boolean lookedUp(int backend, Map<TenantId, List<DecisionLogEntry>> inserted) {
    long deadline = System.nanoTime() + OUTCOME_LOOKUP_MILLIS * 1_000_000;
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection connection = dataSource.getConnection()) {
        if (ended(connection, backend)) {
          return foundAll(connection, inserted);
        }
      } catch (SQLException e) {
        last = e;
      }
      if (!pause(OUTCOME_LOOKUP_PAUSE_MILLIS)) {
        break;
      }
    }
    LOG.warning(
        "whether a decision-log commit took effect is unknown; its decisions are refused: " + last);
    return false;
  }

  /** Whether the server process that ran the transaction is gone; asks it to end when it is not. */
  private static boolean ended(Connection connection, int backend) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select pg_terminate_backend(pid, 1000) from pg_stat_activity where pid = ?")) {
      query.setInt(1, backend);
      try (ResultSet row = query.executeQuery()) {
        return !row.next() || row.getBoolean(1);
      }
    }
  }

  private static boolean foundAll(
      Connection connection, Map<TenantId, List<DecisionLogEntry>> inserted) throws SQLException {
    int expected = 0;
    int found = 0;
    connection.setAutoCommit(false);
    try {
      for (var group : inserted.entrySet()) {
        TenantScope.enter(connection, group.getKey());
        expected += group.getValue().size();
        found += count(connection, group.getValue());
      }
    } finally {
      DecisionLog.rollbackQuietly(connection, null);
      connection.setAutoCommit(true);
    }
    if (found != 0 && found != expected) {
      LOG.severe(
          "a decision-log transaction is in the log in part: "
              + found
              + " of "
              + expected
              + " entries");
    }
    return found == expected;
  }

  private static int count(Connection connection, List<DecisionLogEntry> entries)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select count(*) from decision_log where id = any(?)")) {
      query.setArray(
          1,
          connection.createArrayOf(
              "uuid", entries.stream().map(DecisionLogEntry::decisionId).toArray()));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
