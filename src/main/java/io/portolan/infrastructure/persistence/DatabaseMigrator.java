package io.portolan.infrastructure.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the SQL migrations of db/ with Flyway at start, as the schema owner: the application's
 * own role may not create or alter tables. Runs before any request is served.
 */
@ApplicationScoped
public class DatabaseMigrator {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @jakarta.inject.Inject
  @ConfigProperty(name = "portolan.db.url")
  String url;

  @jakarta.inject.Inject
  @ConfigProperty(name = "portolan.db.owner-user")
  String ownerUser;

  @jakarta.inject.Inject
  @ConfigProperty(name = "portolan.db.owner-password")
  String ownerPassword;

  @jakarta.inject.Inject
  @ConfigProperty(name = "portolan.db.user")
  String appRole;

  /**
   * A connection as the schema owner, outside the pool: for migrations and the retention job, the
   * only work that may change what the application role cannot.
   */
  public DataSource owner() {
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(url);
    owner.setUser(ownerUser);
    owner.setPassword(ownerPassword);
    return owner;
  }

  @jakarta.inject.Inject
  @ConfigProperty(name = "portolan.demo-data", defaultValue = "false")
  boolean demoData;

  void migrate(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object started) {
    DataSource owner = owner();
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
    if (demoData) {
      locations.add("classpath:db/demo");
    }
    MigrateResult result =
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
            .dataSource(owner)
            .locations(locations.toArray(String[]::new))
            .placeholders(Map.of("app_role", appRole))
            .load()
            .migrate();
    LOG.info(
        "database schema at version "
            + result.targetSchemaVersion
            + " ("
            + result.migrationsExecuted
            + " migrations applied now)");
  }
}
