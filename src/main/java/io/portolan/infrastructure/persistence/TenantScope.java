package io.portolan.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Opens the row-level-security scope of a tenant for the current transaction: PostgreSQL then shows
 * and accepts only that tenant's rows, whatever a query forgets to filter. The setting is
 * transaction-local, so a pooled connection carries nothing into the next transaction.
 */
public final class TenantScope {
  private static final String SET = "select set_config('app.tenant', ?1, true)";

  private TenantScope() {}

  public static void enter(EntityManager em, TenantId tenant) {
    em.createNativeQuery(SET).setParameter(1, tenant.value()).getSingleResult();
  }

  public static void enter(Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select set_config('app.tenant', ?, true)")) {
      statement.setString(1, tenant.value());
      statement.execute();
    }
  }
}
