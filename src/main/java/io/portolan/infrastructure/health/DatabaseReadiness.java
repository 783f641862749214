package io.portolan.infrastructure.health;

import io.portolan.infrastructure.persistence.DatabaseConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Ready when PostgreSQL answers within {@link #TIMEOUT_SECONDS}. The probe opens a connection of
 * its own instead of borrowing one from the pool: a timed-out pooled connection is closed by the
 * driver, and the pool's next check of it then closes every connection, in-use ones too, so a slow
 * database would have cost the decision log the commits in flight.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  static final int TIMEOUT_SECONDS = 2;

  @Inject DatabaseConfig database;

  private PGSimpleDataSource probe;

  @PostConstruct
  void configure() {
    probe = new PGSimpleDataSource();
    probe.setURL(database.url());
    probe.setUser(database.user());
    probe.setPassword(database.password());
    probe.setConnectTimeout(TIMEOUT_SECONDS);
    probe.setLoginTimeout(TIMEOUT_SECONDS);
    probe.setSocketTimeout(TIMEOUT_SECONDS);
    probe.setApplicationName("portolan-readiness");
  }

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = probe.getConnection()) {
      return HealthCheckResponse.named("database")
          .status(connection.isValid(TIMEOUT_SECONDS))
          .build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", e.getSQLState() == null ? "unreachable" : e.getSQLState())
          .build();
    }
  }
}
