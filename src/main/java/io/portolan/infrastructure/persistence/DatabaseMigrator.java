package io.portolan.infrastructure.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the SQL migrations of db/ with Flyway at start, as the schema owner: the application's
 * own role may not create or alter tables. Runs before any request is served.
 */
@ApplicationScoped
public class DatabaseMigrator {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @jakarta.inject.Inject DatabaseConfig config;

  /**
   * A connection as the schema owner, outside the pool: for migrations and the retention job, the
   * only work that may change what the application role cannot.
   */
  public DataSource owner() {
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(config.url());
    owner.setUser(config.ownerUser());
    owner.setPassword(config.ownerPassword());
    return owner;
  }

  /**
   * Flyway as Portolan runs it: db/ (and the demo data when asked) found through the class loader,
   * the application role as placeholder, Flyway's default validation. The release upgrade test and
   * bin/release-schema.sh build theirs here, so they cannot drift from the application.
   */
  public static Flyway flyway(
      ClassLoader classLoader, DataSource owner, String appRole, boolean demoData) {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
    if (demoData) {
      locations.add("classpath:db/demo");
    }
    return Flyway.configure(classLoader)
        .dataSource(owner)
        .locations(locations.toArray(String[]::new))
        .placeholders(Map.of("app_role", appRole))
        .load();
  }

  void migrate(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object started) {
    MigrateResult result =
        flyway(DatabaseMigrator.class.getClassLoader(), owner(), config.user(), config.demoData())
            .migrate();
    LOG.info(
        "database schema at version "
            + result.targetSchemaVersion
            + " ("
            + result.migrationsExecuted
            + " migrations applied now)");
  }
}
