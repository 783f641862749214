package io.portolan.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.portolan.infrastructure.persistence.DataSources;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code impact_analysis} rows: every statement in the tenant's row-level-security scope and
 * filtered by tenant too. State changes are conditional updates, so two replicas (or a replica and
 * a cancel) never both move one job.
 */
@ApplicationScoped
public class ImpactJobRepository {
  private static final String COLUMNS =
      "id, status, window_from, window_to, total, replayed, cancel_requested,"
          + " requested_by, created_at, started_at, finished_at, error";

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  /** A statement run in one transaction of the tenant's scope. */
  interface Work<T> {
    T in(Connection connection) throws SQLException;
  }

  <T> T inTenant(TenantId tenant, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        TenantScope.enter(connection, tenant);
        T result = work.in(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw ProblemException.unavailable(
          ProblemTypes.DATABASE_UNAVAILABLE, "The impact analyses could not be read or saved.");
    }
  }

  /**
   * Queues a job unless the tenant already has {@code limit} unfinished ones; empty when it has.
   */
  Optional<UUID> queue(TenantId tenant, ImpactRequest window, String requestedBy, int limit) {
    return inTenant(
        tenant,
        connection -> {
          // One writer per tenant at a time, so two replicas cannot both slip under the limit.
          try (PreparedStatement lock =
              connection.prepareStatement(
                  "select pg_advisory_xact_lock(hashtext('impact:' || ?))")) {
            lock.setString(1, tenant.value());
            lock.execute();
          }
          try (PreparedStatement unfinished =
              connection.prepareStatement(
                  "select count(*) from impact_analysis where tenant_id = ? and status in"
                      + " ('queued', 'running')")) {
            unfinished.setString(1, tenant.value());
            try (ResultSet row = unfinished.executeQuery()) {
              row.next();
              if (row.getInt(1) >= limit) {
                return Optional.empty();
              }
            }
          }
          UUID id = UUID.randomUUID();
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into impact_analysis (tenant_id, id, requested_by, window_from,"
                      + " window_to) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant.value());
            insert.setObject(2, id);
            insert.setString(3, requestedBy);
            insert.setTimestamp(4, Timestamp.from(window.from()));
            insert.setTimestamp(5, Timestamp.from(window.to()));
            insert.executeUpdate();
          }
          return Optional.of(id);
        });
  }

  Optional<ImpactJobView> find(TenantId tenant, UUID id) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select "
                      + COLUMNS
                      + ", result::text from impact_analysis where tenant_id = ? and id = ?")) {
            select.setString(1, tenant.value());
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
              return row.next()
                  ? Optional.of(view(row, row.getString("result")))
                  : Optional.empty();
            }
          }
        });
  }

  /** The tenant's analyses, newest first, without their reports. */
  List<ImpactJobView> recent(TenantId tenant, int offset, int limit) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from impact_analysis where tenant_id = ? order by created_at desc, id"
                      + " offset ? limit ?")) {
            select.setString(1, tenant.value());
            select.setInt(2, offset);
            select.setInt(3, limit);
            List<ImpactJobView> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                jobs.add(view(rows, null));
              }
            }
            return jobs;
          }
        });
  }

  long count(TenantId tenant) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement count =
              connection.prepareStatement(
                  "select count(*) from impact_analysis where tenant_id = ?")) {
            count.setString(1, tenant.value());
            try (ResultSet row = count.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  /**
   * Moves a queued job to running on this replica; false when it was cancelled (or failed)
   * meanwhile.
   */
  boolean claim(TenantId tenant, UUID id, String runner, long total) {
    return update(
            tenant,
            id,
            "update impact_analysis set status = 'running', runner = ?, total = ?, started_at ="
                + " now(), heartbeat_at = now() where tenant_id = ? and id = ? and status ="
                + " 'queued' and not cancel_requested",
            runner,
            total)
        == 1;
  }

  /**
   * Records progress and renews the heartbeat; false when the job should stop (cancelled, or no
   * longer running).
   */
  boolean progress(TenantId tenant, UUID id, long replayed) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update impact_analysis set replayed = ?, heartbeat_at = now() where tenant_id ="
                      + " ? and id = ? and status = 'running' returning cancel_requested")) {
            update.setLong(1, replayed);
            update.setString(2, tenant.value());
            update.setObject(3, id);
            try (ResultSet row = update.executeQuery()) {
              return row.next() && !row.getBoolean(1);
            }
          }
        });
  }

  void finish(TenantId tenant, UUID id, ImpactReport report) {
    String json;
    try {
      json = JacksonConfig.MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an impact report could not be written as JSON", e);
    }
    update(
        tenant,
        id,
        "update impact_analysis set status = 'done', result = cast(? as jsonb), replayed = ?,"
            + " finished_at = now(), heartbeat_at = now() where tenant_id = ? and id = ? and status"
            + " = 'running'",
        json,
        report.evaluated());
  }

  /** Ends a running job as cancelled (when it was asked to) or failed with {@code error}. */
  void stop(TenantId tenant, UUID id, String error) {
    update(
        tenant,
        id,
        "update impact_analysis set status = case when cancel_requested then 'cancelled' else"
            + " 'failed' end, error = case when cancel_requested then null else ? end, finished_at"
            + " = now() where tenant_id = ? and id = ? and status in ('queued', 'running')",
        error);
  }

  /**
   * Asks a job to stop: a queued one is cancelled at once, a running one at its next batch. False
   * when the tenant has no such job.
   */
  boolean cancel(TenantId tenant, UUID id) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update impact_analysis set cancel_requested = cancel_requested or status in"
                      + " ('queued', 'running'), finished_at = case when status = 'queued' then"
                      + " now() else finished_at end, status = case when status = 'queued' then"
                      + " 'cancelled' else status end where tenant_id = ? and id = ?")) {
            update.setString(1, tenant.value());
            update.setObject(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Marks failed the tenant's unfinished jobs whose heartbeat is older than {@code staleSeconds}.
   */
  int failStale(TenantId tenant, int staleSeconds) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update impact_analysis set status = 'failed', finished_at = now(), error = 'the"
                      + " replica running it stopped (no progress for ' || ? || ' s)' where"
                      + " tenant_id = ? and status in ('queued', 'running') and heartbeat_at <"
                      + " now() - make_interval(secs => ?)")) {
            update.setString(1, Integer.toString(staleSeconds));
            update.setString(2, tenant.value());
            update.setInt(3, staleSeconds);
            return update.executeUpdate();
          }
        });
  }

  /**
   * Runs an update of one job whose leading parameters are {@code values}, then the tenant and the
   * id.
   */
  private int update(TenantId tenant, UUID id, String sql, Object... values) {
    return inTenant(
        tenant,
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
              update.setObject(i++, value);
            }
            update.setString(i++, tenant.value());
            update.setObject(i, id);
            return update.executeUpdate();
          }
        });
  }

  private static ImpactJobView view(ResultSet row, String result) throws SQLException {
    long total = row.getLong("total");
    Long knownTotal = row.wasNull() ? null : total;
    try {
      return new ImpactJobView(
          row.getObject("id", UUID.class),
          row.getString("status"),
          instant(row, "window_from"),
          instant(row, "window_to"),
          knownTotal,
          row.getLong("replayed"),
          row.getBoolean("cancel_requested"),
          row.getString("requested_by"),
          instant(row, "created_at"),
          instant(row, "started_at"),
          instant(row, "finished_at"),
          row.getString("error"),
          result == null ? null : JacksonConfig.MAPPER.readTree(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored impact report is not JSON", e);
    }
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
