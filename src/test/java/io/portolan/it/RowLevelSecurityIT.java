package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The database's second wall: as the application's role, a query that forgets the tenant filter
 * still sees only the tenant of the transaction, and the logs cannot be rewritten.
 */
class RowLevelSecurityIT {
  private static final String ACME = "acme";

  @Test
  void aQueryWithoutTenantFilterSeesOnlyTheTransactionsTenant() throws SQLException {
    try (Connection db = Stack.appRole()) {
      db.setAutoCommit(false);
      enter(db, ACME);
      try (Statement s = db.createStatement();
          ResultSet rows = s.executeQuery("select distinct tenant_id from model")) {
        assertTrue(rows.next());
        assertEquals(ACME, rows.getString(1));
        assertFalse(rows.next(), "another tenant's models are visible");
      }
      db.rollback();
    }
  }

  @Test
  void withoutATenantNothingIsVisible() throws SQLException {
    try (Connection db = Stack.appRole();
        Statement s = db.createStatement()) {
      for (String table : new String[] {"vendor", "model", "team", "decision_log"}) {
        try (ResultSet count = s.executeQuery("select count(*) from " + table)) {
          count.next();
          assertEquals(0, count.getLong(1), table + " visible without a tenant");
        }
      }
    }
  }

  @Test
  void theTenantSettingEndsWithItsTransaction() throws SQLException {
    try (Connection db = Stack.appRole()) {
      db.setAutoCommit(false);
      enter(db, ACME);
      db.commit();
      try (Statement s = db.createStatement();
          ResultSet count = s.executeQuery("select count(*) from model")) {
        count.next();
        assertEquals(0, count.getLong(1), "the tenant leaked into the next transaction");
      }
      db.rollback();
    }
  }

  @Test
  void rowsForAnotherTenantCannotBeWritten() throws SQLException {
    try (Connection db = Stack.appRole()) {
      db.setAutoCommit(false);
      enter(db, ACME);
      try (Statement s = db.createStatement()) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    s.executeUpdate(
                        "insert into team (tenant_id, id, name) values ('globex', 'intruders',"
                            + " 'x')"));
        assertEquals("42501", e.getSQLState(), e.getMessage()); // row-level security violation
      }
      db.rollback();
    }
  }

  @Test
  void theDecisionLogCannotBeUpdatedOrDeleted() throws SQLException {
    for (String sql :
        new String[] {
          "update decision_log set allow = true",
          "delete from decision_log",
          "truncate decision_log"
        }) {
      try (Connection db = Stack.appRole();
          Statement s = db.createStatement()) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
      }
    }
  }

  @Test
  void theApplicationRoleOwnsNothingAndCannotBypassSecurity() throws SQLException {
    try (Connection db = Stack.superuser();
        PreparedStatement role =
            db.prepareStatement(
                "select rolsuper, rolbypassrls from pg_roles where rolname = 'portolan_app'");
        PreparedStatement owned =
            db.prepareStatement(
                "select count(*) from pg_tables where tableowner = 'portolan_app'");
        PreparedStatement forced =
            db.prepareStatement(
                "select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid and"
                    + " a.attname = 'tenant_id' where c.relkind = 'r' and c.relnamespace ="
                    + " 'public'::regnamespace and not (c.relrowsecurity and"
                    + " c.relforcerowsecurity)")) {
      try (ResultSet r = role.executeQuery()) {
        assertTrue(r.next());
        assertFalse(r.getBoolean(1), "superuser");
        assertFalse(r.getBoolean(2), "bypasses RLS");
      }
      try (ResultSet r = owned.executeQuery()) {
        r.next();
        assertEquals(0, r.getLong(1));
      }
      try (ResultSet r = forced.executeQuery()) {
        assertFalse(r.next(), "every table with a tenant_id has forced row-level security");
      }
    }
  }

  private static void enter(Connection db, String tenant) throws SQLException {
    try (PreparedStatement set = db.prepareStatement("select set_config('app.tenant', ?, true)")) {
      set.setString(1, tenant);
      set.execute();
    }
  }
}
