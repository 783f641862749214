package io.portolan.infrastructure.persistence;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where PostgreSQL is and as whom Portolan connects (portolan.db.*), and whether the demo data is
 * loaded (portolan.demo-data). The connection pool reads the same keys ({@link DataSources}).
 * Defaults: docs/configuration.md.
 */
@Dependent
public class DatabaseConfig {
  @Inject
  @ConfigProperty(name = "portolan.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "portolan.db.user")
  String user;

  @Inject
  @ConfigProperty(name = "portolan.db.password")
  String password;

  @Inject
  @ConfigProperty(name = "portolan.db.owner-user")
  String ownerUser;

  @Inject
  @ConfigProperty(name = "portolan.db.owner-password")
  String ownerPassword;

  @Inject
  @ConfigProperty(name = "portolan.demo-data", defaultValue = "false")
  boolean demoData;

  DatabaseConfig() {}

  /** The JDBC URL of the read-write PostgreSQL. */
  public String url() {
    return url;
  }

  /** The application role: owns nothing, no BYPASSRLS. */
  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The schema owner, as whom Flyway migrates at start and the retention job removes rows. */
  public String ownerUser() {
    return ownerUser;
  }

  public String ownerPassword() {
    return ownerPassword;
  }

  /** Whether the migrations load the demo tenants and inventory. */
  public boolean demoData() {
    return demoData;
  }
}
