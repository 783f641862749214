package io.portolan.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one connection pool, as the unprivileged application role. Settings come from
 * MicroProfile Config (environment variables such as PORTOLAN_DB_URL in production).
 */
@ApplicationScoped
@DataSourceDefinition(
    name = DataSources.APP,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=portolan.db.url}",
    user = "${MPCONFIG=portolan.db.user}",
    password = "${MPCONFIG=portolan.db.password}",
    initialPoolSize = 4,
    minPoolSize = 4,
    maxPoolSize = 40,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true",
      "reWriteBatchedInserts=true",
      "ApplicationName=portolan"
    })
public class DataSources {
  public static final String APP = "java:app/jdbc/portolan";
}
