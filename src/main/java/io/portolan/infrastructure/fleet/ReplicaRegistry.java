package io.portolan.infrastructure.fleet;

import io.portolan.infrastructure.persistence.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * This replica's row in {@code replica}, renewed every {@link #HEARTBEAT_SECONDS}, and how many
 * replicas renewed theirs within {@link #LIVE_SECONDS}. A replica stopped cleanly removes its row;
 * one killed drops out of the count once its heartbeat is that old. Until the database answers,
 * this replica counts itself alone.
 */
@ApplicationScoped
public class ReplicaRegistry {
  static final int HEARTBEAT_SECONDS = 2;
  static final int LIVE_SECONDS = 6;
  private static final Logger LOG = Logger.getLogger(ReplicaRegistry.class.getName());

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private final UUID id = UUID.randomUUID();
  private volatile int live = 1;
  private ScheduledFuture<?> heartbeat;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    heartbeat =
        scheduler.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement leave = connection.prepareStatement("delete from replica where id = ?")) {
      leave.setObject(1, id);
      leave.executeUpdate();
    } catch (SQLException e) {
      LOG.warning("could not remove this replica's row: " + e.getMessage());
    }
  }

  /** The replicas up now, this one included; at least 1. */
  public int live() {
    return live;
  }

  void beat() {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement renew =
          connection.prepareStatement(
              "insert into replica (id, host) values (?, ?) on conflict (id) do update set"
                  + " heartbeat_at = now()")) {
        renew.setObject(1, id);
        renew.setString(2, host());
        renew.executeUpdate();
      }
      try (PreparedStatement count =
              connection.prepareStatement(
                  "select count(*) from replica where heartbeat_at > now() - make_interval(secs =>"
                      + " ?)");
          PreparedStatement forget =
              connection.prepareStatement(
                  "delete from replica where heartbeat_at < now() - interval '1 hour'")) {
        count.setInt(1, LIVE_SECONDS);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          live = Math.max(1, row.getInt(1));
        }
        forget.executeUpdate();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.fine("replica heartbeat failed: " + e.getMessage()); // the count stays as it was
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
