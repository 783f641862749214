package io.portolan.audit;

import io.portolan.infrastructure.persistence.DatabaseMigrator;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.tenancy.TenantChange;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Applies each tenant's retention policy once a day. Every replica checks every {@code
 * portolan.retention.schedule-check-seconds}; the one that takes PostgreSQL's advisory lock runs
 * the tenants that are due (no scheduled run in the last 23 hours, or none since the policy
 * changed), so a fleet runs each tenant once, and a replica killed mid-run lets the next take over.
 */
@ApplicationScoped
public class RetentionSchedule {
  static final String ACTOR = "retention-schedule";
  private static final long LOCK = 0x706f72746f6c616eL; // "portolan": who applies retention now
  private static final Duration DAILY = Duration.ofHours(23); // a day, give or take a late check
  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

  @Inject DatabaseMigrator database;
  @Inject Retention retention;
  @Inject BackgroundChanges changes;

  @Inject RetentionConfig config;

  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::runDue,
            Math.min(config.scheduleCheckSeconds(), 60),
            config.scheduleCheckSeconds(),
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  /** Runs the due tenants unless another replica is at it; how many ran. */
  int runDue() {
    try (Connection session = database.owner().getConnection()) {
      if (!lock(session, "pg_try_advisory_lock")) return 0;
      try {
        int ran = 0;
        for (TenantId tenant : tenants(session)) {
          Map<Retention.Log, Instant> cuts = dueCuts(session, tenant);
          if (cuts != null) {
            Map<String, Object> result = retention.apply(tenant, cuts, ACTOR, "schedule");
            changes.announce(
                new TenantChange(tenant, "retention.applied", "log", "retention", null, result));
            ran++;
          }
        }
        return ran;
      } finally {
        lock(session, "pg_advisory_unlock");
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warning("scheduled retention did not run: " + e);
      return 0;
    }
  }

  private static boolean lock(Connection session, String function) throws SQLException {
    try (PreparedStatement lock = session.prepareStatement("select " + function + "(?)")) {
      lock.setLong(1, LOCK);
      try (ResultSet row = lock.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static List<TenantId> tenants(Connection session) throws SQLException {
    List<TenantId> tenants = new ArrayList<>();
    try (PreparedStatement query = session.prepareStatement("select id from tenant order by id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) tenants.add(new TenantId(rows.getString(1)));
    }
    return tenants;
  }

  /** The cuts of a tenant whose policy is due now, or null. */
  private static Map<Retention.Log, Instant> dueCuts(Connection session, TenantId tenant)
      throws SQLException {
    session.setAutoCommit(false);
    try {
      TenantScope.enter(session, tenant);
      try (PreparedStatement query =
          session.prepareStatement(
              "select p.decisions_days, p.usage_days, p.changes_days, p.updated_at, (select"
                  + " max(ran_at) from retention_run r where r.tenant_id = p.tenant_id and"
                  + " r.trigger = 'schedule') from retention_policy p where p.tenant_id = ?")) {
        query.setString(1, tenant.value());
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) return null;
          Instant updated = row.getTimestamp(4).toInstant();
          Instant lastRun = row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant();
          Instant now = Instant.now();
          if (lastRun != null && lastRun.isAfter(updated) && lastRun.isAfter(now.minus(DAILY)))
            return null;
          Map<Retention.Log, Instant> cuts = new EnumMap<>(Retention.Log.class);
          cut(cuts, Retention.Log.DECISIONS, row, 1, now);
          cut(cuts, Retention.Log.USAGE, row, 2, now);
          cut(cuts, Retention.Log.CHANGES, row, 3, now);
          return cuts.isEmpty() ? null : cuts;
        }
      }
    } finally {
      session.commit();
      session.setAutoCommit(true);
    }
  }

  private static void cut(
      Map<Retention.Log, Instant> cuts, Retention.Log log, ResultSet row, int column, Instant now)
      throws SQLException {
    int days = row.getInt(column);
    if (!row.wasNull()) cuts.put(log, now.minus(Duration.ofDays(days)));
  }
}
