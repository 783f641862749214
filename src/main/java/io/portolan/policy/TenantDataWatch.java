package io.portolan.policy;

import io.portolan.infrastructure.opa.EmbeddedOpa;
import io.portolan.infrastructure.persistence.DatabaseConfig;
import io.portolan.infrastructure.persistence.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Keeps this replica's policy data as current as the database's: every change to what decides bumps
 * the tenant's data version and notifies {@code portolan_tenant_data} in its transaction (db/V13),
 * which this watch LISTENs to on a connection of its own (a pooled one may be handed to someone
 * else, and pgbouncer's transaction pooling drops listeners). Notifications are not replayed after
 * a disconnect, so the versions are also compared in full on every (re)connect and every {@code
 * portolan.fleet.version-check-seconds}.
 */
@ApplicationScoped
public class TenantDataWatch {
  static final String CHANNEL = "portolan_tenant_data";
  private static final Logger LOG = Logger.getLogger(TenantDataWatch.class.getName());
  private static final long RECONNECT_PAUSE_MILLIS = 1_000;

  @Inject PolicyPublisher publisher;
  @Inject EmbeddedOpa embedded;

  @Inject DatabaseConfig database;
  @Inject PolicyConfig config;

  @Resource ManagedThreadFactory threads;

  private volatile boolean running = true;
  private volatile long lastFullCheckNanos;
  private Thread listener;

  @Inject io.portolan.infrastructure.metrics.Metrics metrics;
  private final long startedNanos = System.nanoTime();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    io.micrometer.core.instrument.Gauge.builder(
            "portolan.tenant.data.check.age", this, TenantDataWatch::checkAgeSeconds)
        .description(
            "Seconds since this replica last compared every tenant's data version with PostgreSQL"
                + " (while listening for changes); past a few check periods its answers may miss a"
                + " change")
        .baseUnit("seconds")
        .register(metrics.registry());
    listener = threads.newThread(this::listen);
    listener.setName("tenant-data-watch");
    listener.setDaemon(true);
    listener.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }

  /**
   * Whether this replica compared every tenant's version with the database within three check
   * periods while listening: its answers then reflect every committed change.
   */
  public boolean current() {
    long age = System.nanoTime() - lastFullCheckNanos;
    return lastFullCheckNanos != 0
        && age < TimeUnit.SECONDS.toNanos(3 * Math.max(config.fleetVersionCheckSeconds(), 1));
  }

  /**
   * Counted from this replica's start until the first comparison; from the start again while not
   * listening.
   */
  private double checkAgeSeconds() {
    long last = lastFullCheckNanos;
    return (System.nanoTime() - (last == 0 ? startedNanos : last)) / 1e9;
  }

  private void listen() {
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        fullCheck(connection);
        receive(connection);
      } catch (SQLException | RuntimeException e) {
        lastFullCheckNanos = 0;
        if (running) {
          LOG.log(
              Level.WARNING,
              "tenant data watch lost its connection; reconnecting: " + e.getMessage());
          pause();
        }
      }
    }
  }

  /** A connection outside the pool, as the application role. */
  private Connection connect() throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(database.url());
    source.setUser(database.user());
    source.setPassword(database.password());
    source.setApplicationName("portolan-tenant-data-watch");
    source.setTcpKeepAlive(true);
    // A database gone without a reset (a failover moving an address) must not hang the watch.
    source.setConnectTimeout(5);
    source.setLoginTimeout(5);
    source.setSocketTimeout((int) Math.max(10, 3 * config.fleetVersionCheckSeconds()));
    return source.getConnection();
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection notifications = connection.unwrap(PGConnection.class);
    long nextCheck =
        System.nanoTime() + TimeUnit.SECONDS.toNanos(config.fleetVersionCheckSeconds());
    while (running) {
      PGNotification[] received =
          notifications.getNotifications((int) TimeUnit.SECONDS.toMillis(1));
      if (received != null) {
        for (PGNotification notification : received) {
          onNotification(notification.getParameter());
        }
      }
      if (System.nanoTime() >= nextCheck) {
        fullCheck(connection);
        nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.fleetVersionCheckSeconds());
      }
    }
  }

  private void onNotification(String payload) {
    int space = payload.lastIndexOf(' ');
    if (space <= 0) {
      return;
    }
    try {
      reloadIfBehind(payload.substring(0, space), Long.parseLong(payload.substring(space + 1)));
    } catch (NumberFormatException ignored) {
      LOG.warning("unreadable tenant data notification: " + payload);
    }
  }

  /** The backstop: every tenant's version against what this replica holds. */
  private void fullCheck(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id, data_version from tenant")) {
      while (rows.next()) {
        reloadIfBehind(rows.getString(1), rows.getLong(2));
      }
    }
    lastFullCheckNanos = System.nanoTime();
  }

  /** One tenant whose data cannot be read now is retried at the next check; the others go on. */
  private void reloadIfBehind(String tenant, long version) {
    long held = embedded.tenantData(tenant).map(EmbeddedOpa.TenantData::storedVersion).orElse(-1L);
    if (held >= version) {
      return; // OPA is reloaded by PolicyPublisher's own watch when a push failed
    }
    try {
      publisher.reload(new TenantId(tenant));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "could not reload the policy data of " + tenant + "; retried at the next check",
          e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RECONNECT_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
