package io.portolan.webhook;

import io.portolan.infrastructure.persistence.DataSources;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.tenancy.TenantRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends due deliveries every second: a 2xx answer marks one delivered; anything else schedules a
 * retry after 2, 4, 8 ... seconds (at most an hour) until it fails for good after 10 attempts. Rows
 * are claimed with SKIP LOCKED, so two instances never send the same delivery at once.
 */
@ApplicationScoped
public class WebhookDeliverer {
  private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class.getName());
  static final int MAX_ATTEMPTS = 10;

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject TenantRegistry tenants;
  @Inject WebhookMetrics metrics;

  /** The backlog is counted every this many rounds (seconds). */
  private static final int BACKLOG_EVERY_ROUNDS = 10;

  private int round;

  @Inject WebhookConfig config;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private ScheduledFuture<?> task;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task = scheduler.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) task.cancel(false);
  }

  void deliverDue() {
    try {
      boolean count = round++ % BACKLOG_EVERY_ROUNDS == 0;
      long pending = 0;
      for (TenantId tenant : tenants.ids()) {
        deliverDue(tenant);
        if (count) {
          pending += pending(tenant);
        }
      }
      if (count) {
        metrics.backlog(pending);
      }
    } catch (RuntimeException | SQLException e) {
      LOG.log(Level.WARNING, "webhook delivery round failed", e);
    }
  }

  private void deliverDue(TenantId tenant) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        TenantScope.enter(connection, tenant);
        try (PreparedStatement due =
            connection.prepareStatement(
                "select d.id, d.event_type, d.payload::text, d.attempts, w.url, w.secret from"
                    + " webhook_delivery d join webhook w on w.tenant_id = d.tenant_id where"
                    + " d.tenant_id = ? and d.status = 'pending' and d.next_attempt_at <= now()"
                    + " order by d.created_at limit 20 for update of d skip locked")) {
          due.setString(1, tenant.value());
          try (ResultSet rows = due.executeQuery()) {
            while (rows.next()) {
              attempt(connection, tenant, rows);
            }
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private long pending(TenantId tenant) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        TenantScope.enter(connection, tenant);
        try (PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from webhook_delivery where tenant_id = ? and status ="
                    + " 'pending'")) {
          count.setString(1, tenant.value());
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private void attempt(Connection connection, TenantId tenant, ResultSet row) throws SQLException {
    String id = row.getString(1);
    String body = row.getString(3);
    int attempts = row.getInt(4) + 1;
    Integer status = null;
    String error = null;
    String refusal = WebhookTargets.refusal(row.getString(5), config.allowPrivateTargets());
    try {
      if (refusal != null) {
        throw new java.io.IOException("the URL " + refusal);
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(row.getString(5)))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .header("Portolan-Event", row.getString(2))
              .header("Portolan-Delivery", id)
              .header(
                  WebhookSignature.HEADER,
                  WebhookSignature.sign(row.getString(6), Instant.now().getEpochSecond(), body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) error = "answered " + status;
    } catch (java.io.IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    String next = error == null ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "pending";
    metrics.attempted(next);
    long backoffSeconds = Math.min(3600, 1L << Math.min(attempts, 12));
    try (PreparedStatement update =
        connection.prepareStatement(
            "update webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?,"
                + " delivered_at = case when ? = 'delivered' then now() end, next_attempt_at ="
                + " now() + make_interval(secs => ?) where tenant_id = ? and id = cast(? as"
                + " uuid)")) {
      update.setString(1, next);
      update.setInt(2, attempts);
      update.setObject(3, status);
      update.setString(4, error);
      update.setString(5, next);
      update.setLong(6, backoffSeconds);
      update.setString(7, tenant.value());
      update.setString(8, id);
      update.executeUpdate();
    }
  }
}
