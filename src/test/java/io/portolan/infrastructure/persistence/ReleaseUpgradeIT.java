package io.portolan.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Released migrations are immutable: a database made by a release (a snapshot in db/releases,
 * written by bin/release-schema.sh) must migrate to the current db/ with Flyway configured as
 * Portolan configures it. An edited, removed or renamed released migration fails here, on Flyway's
 * checksum validation, before it fails on a customer's database.
 */
class ReleaseUpgradeIT {
  private static final String JDBC =
      System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:25432/portolan");
  private static final Path RELEASES =
      Path.of(System.getProperty("it.repo-dir", "."), "db", "releases");
  private static final String DATABASE = "portolan_upgrade_check";
  // The roles bin/stack.sh creates; the stack runs with the demo data, as the snapshots were made.
  private static final String OWNER = "portolan_owner";
  private static final String APP_ROLE = "portolan_app";

  @TestFactory
  Stream<DynamicTest> everyReleaseSnapshotMigratesToTheCurrentSchema() throws IOException {
    List<Path> snapshots = snapshots();
    assertFalse(snapshots.isEmpty(), "no release snapshot in " + RELEASES);
    return snapshots.stream()
        .map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> upgrade(s)));
  }

  private static List<Path> snapshots() throws IOException {
    try (Stream<Path> files = Files.list(RELEASES)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
  }

  private static void upgrade(Path snapshot) throws Exception {
    long started = System.nanoTime();
    recreateDatabase();
    try {
      restore(snapshot);
      Map<String, Long> before = rowCounts();
      assertFalse(before.isEmpty(), "the snapshot holds no rows");

      Flyway flyway =
          DatabaseMigrator.flyway(DatabaseMigrator.class.getClassLoader(), owner(), APP_ROLE, true);
      flyway.migrate();
      ValidateResult validation = flyway.validateWithResult();
      assertTrue(validation.validationSuccessful, validation.getAllErrorMessages());

      assertRowsKept(before, rowCounts());
    } finally {
      dropDatabase();
    }
    System.out.printf(
        "%s upgraded in %d ms%n",
        snapshot.getFileName(), (System.nanoTime() - started) / 1_000_000);
  }

  /** A database of its own on the stack's PostgreSQL, left over from no earlier run. */
  private static void recreateDatabase() throws SQLException {
    dropDatabase();
    try (Connection c = superuser(JDBC);
        Statement s = c.createStatement()) {
      s.execute("create database " + DATABASE + " owner " + OWNER);
    }
  }

  private static void dropDatabase() throws SQLException {
    try (Connection c = superuser(JDBC);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
    }
  }

  /**
   * Runs the dump as one script over JDBC: it is written with INSERTs and no psql meta-command, so
   * no client tool is needed. As superuser, since the dump sets owners and grants.
   */
  private static void restore(Path snapshot) throws IOException, SQLException {
    String sql = Files.readString(snapshot);
    try (Connection c = superuser(checkUrl());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Rows per table, counted as superuser: row-level security would hide them from the owner. */
  private static Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = superuser(checkUrl());
        Statement s = c.createStatement()) {
      List<String> tables = tables(s);
      for (String table : tables) {
        try (ResultSet rows = s.executeQuery("select count(*) from public." + table)) {
          rows.next();
          if (rows.getLong(1) > 0) {
            counts.put(table, rows.getLong(1));
          }
        }
      }
    }
    return counts;
  }

  private static List<String> tables(Statement s) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rows =
        s.executeQuery(
            "select quote_ident(tablename) from pg_tables where schemaname = 'public'"
                + " and tablename <> 'flyway_schema_history' order by 1")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /**
   * A migration may add rows (V17 gave models deployments) but must not lose the ones a release
   * stored; a later migration that means to remove some says so by changing this test.
   */
  private static void assertRowsKept(Map<String, Long> before, Map<String, Long> after) {
    String lost =
        before.entrySet().stream()
            .filter(e -> after.getOrDefault(e.getKey(), 0L) < e.getValue())
            .map(e -> e.getKey() + " " + e.getValue() + " -> " + after.getOrDefault(e.getKey(), 0L))
            .collect(Collectors.joining(", "));
    if (!lost.isEmpty()) {
      fail("rows lost by the upgrade: " + lost);
    }
  }

  private static PGSimpleDataSource owner() {
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(checkUrl());
    owner.setUser(OWNER);
    owner.setPassword(OWNER);
    return owner;
  }

  private static Connection superuser(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  /** The stack's JDBC URL with this test's database in place of portolan. */
  private static String checkUrl() {
    return JDBC.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
  }
}
