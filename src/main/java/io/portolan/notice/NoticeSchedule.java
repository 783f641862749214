package io.portolan.notice;

import io.portolan.infrastructure.persistence.DatabaseMigrator;
import io.portolan.infrastructure.persistence.TenantId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Looks for cut-offs and approval expiries at a milestone every {@code
 * portolan.notices.check-seconds} on every replica. Replicas may look at the same time: the notice
 * table's unique key lets one of them give each notice, and only that one queues its webhook
 * delivery, so a fleet notifies once and a replica killed mid-run leaves the rest to the next.
 */
@ApplicationScoped
public class NoticeSchedule {
  private static final Logger LOG = Logger.getLogger(NoticeSchedule.class.getName());

  @Inject DatabaseMigrator database;
  @Inject Notices notices;

  @Inject NoticeConfig config;

  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task =
        scheduler.scheduleWithFixedDelay(
            this::check,
            Math.min(config.checkSeconds(), 60),
            config.checkSeconds(),
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  /** Gives every notice due now; how many. One tenant's failure does not hold up the others. */
  int check() {
    int given = 0;
    for (TenantId tenant : tenants()) {
      try {
        given += notices.due(tenant, System.currentTimeMillis());
      } catch (RuntimeException e) {
        LOG.warning("notices for tenant " + tenant.value() + " not given this time: " + e);
      }
    }
    return given;
  }

  private List<TenantId> tenants() {
    List<TenantId> tenants = new ArrayList<>();
    try (Connection session = database.owner().getConnection();
        PreparedStatement query = session.prepareStatement("select id from tenant order by id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) tenants.add(new TenantId(rows.getString(1)));
    } catch (SQLException e) {
      LOG.warning("notices not checked: " + e);
    }
    return tenants;
  }
}
