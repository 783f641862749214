package io.portolan.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Opens the row-level-security scope of a tenant for the current transaction: PostgreSQL then shows
 * and accepts only that tenant's rows, whatever a query forgets to filter. The setting is
 * transaction-local, so a pooled connection carries nothing into the next transaction.
 *
 * <p>Every repository method enters the scope of the tenant it is given, so a service calling
 * several of them would set it again and again, a round trip each. Within a JTA transaction the
 * tenant entered is remembered in the transaction's own registry, and entering it again costs
 * nothing; the registry ends with the transaction.
 */
public final class TenantScope {
  private static final String SET = "select set_config('app.tenant', ?1, true)";
  private static final String ENTERED = TenantScope.class.getName() + ".tenant";
  private static volatile TransactionSynchronizationRegistry registry;

  private TenantScope() {}

  public static void enter(EntityManager em, TenantId tenant) {
    TransactionSynchronizationRegistry transaction = currentTransaction();
    if (transaction != null && tenant.value().equals(transaction.getResource(ENTERED))) {
      return;
    }
    em.createNativeQuery(SET).setParameter(1, tenant.value()).getSingleResult();
    if (transaction != null) {
      transaction.putResource(ENTERED, tenant.value());
    }
  }

  public static void enter(Connection connection, TenantId tenant) throws SQLException {
    TransactionSynchronizationRegistry transaction = currentTransaction();
    if (transaction != null) {
      // This connection may be the one the transaction's EntityManager uses: enter again there.
      transaction.putResource(ENTERED, "");
    }
    try (PreparedStatement statement =
        connection.prepareStatement("select set_config('app.tenant', ?, true)")) {
      statement.setString(1, tenant.value());
      statement.execute();
    }
  }

  /** The registry of the JTA transaction in progress; null outside one or outside the server. */
  private static TransactionSynchronizationRegistry currentTransaction() {
    TransactionSynchronizationRegistry found = registry;
    if (found == null) {
      try {
        found = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
        registry = found;
      } catch (NamingException | RuntimeException noServer) {
        return null;
      }
    }
    return found.getTransactionKey() == null ? null : found;
  }
}
