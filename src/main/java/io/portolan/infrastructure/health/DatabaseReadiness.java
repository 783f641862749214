package io.portolan.infrastructure.health;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  @Inject
  @ConfigProperty(name = "portolan.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "portolan.db.user")
  String user;

  @Inject
  @ConfigProperty(name = "portolan.db.password")
  String password;

  private PGSimpleDataSource probe;

  @PostConstruct
  void configure() {
    probe = new PGSimpleDataSource();
    probe.setURL(url);
    probe.setUser(user);
    probe.setPassword(password);
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
