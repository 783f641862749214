package io.portolan.decision;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portolan.infrastructure.persistence.GroupCommit;
import io.portolan.infrastructure.persistence.TenantId;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision log on the test stack's PostgreSQL, through a connection whose COMMIT fails in one
 * of two ways: its answer is lost after the server committed (a connection dropped at the wrong
 * moment), or it never reaches the server. The first must be acknowledged, since the decision is
 * logged; the second refused. A tenant of its own keeps the running server's decisions out of its
 * chain.
 */
class DecisionLogCommitOutcomeIT {
  private static final String JDBC =
      System.getProperty("it.jdbc-url", "jdbc:postgresql://127.0.0.1:25432/portolan");
  private static final TenantId TENANT =
      new TenantId("commit-outcome-" + UUID.randomUUID().toString().substring(0, 8));

  /**
   * How the next COMMIT fails: its answer lost after the server committed, with the connection
   * closed or left open (its server process still there), or never sent.
   */
  private enum Fault {
    NONE,
    ANSWER_LOST,
    ANSWER_LOST_PROCESS_LINGERS,
    NEVER_SENT
  }

  private static final AtomicReference<Fault> nextCommit = new AtomicReference<>(Fault.NONE);
  private static final java.util.concurrent.atomic.AtomicInteger connectionsOpened =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final List<Connection> lingering =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private static DecisionLog log;

  @BeforeAll
  static void start() throws SQLException {
    superuser("insert into tenant (id) values ('" + TENANT.value() + "')");
    log = new DecisionLog();
    log.metrics = DecisionLogMetrics.standalone();
    log.tracing = io.portolan.infrastructure.telemetry.Tracing.off();
    log.dataSource = new FaultyCommits();
    log.threads = new PlainThreads();
    log.start();
  }

  @AfterAll
  static void stop() throws SQLException {
    log.stop();
    for (Connection c : lingering) {
      c.close();
    }
    superuser("delete from decision_log where tenant_id = '" + TENANT.value() + "'");
    superuser("delete from decision_chain_head where tenant_id = '" + TENANT.value() + "'");
    superuser("delete from tenant where id = '" + TENANT.value() + "'");
  }

  @Test
  void aCommitWhoseAnswerWasLostIsAcknowledgedAndTheChainGoesOn() throws Exception {
    DecisionLogEntry before = entry();
    log.append(before);
    DecisionLogEntry lost = entry();
    nextCommit.set(Fault.ANSWER_LOST);

    assertDoesNotThrow(
        () -> log.append(lost), "the decision is in the log, so it must be acknowledged");

    assertEquals(1, rows(lost.decisionId()));
    DecisionLogEntry after = entry();
    log.append(after);
    assertEquals(seq(before.decisionId()) + 1, seq(lost.decisionId()));
    assertEquals(
        seq(lost.decisionId()) + 1,
        seq(after.decisionId()),
        "the next decision continues the chain");
  }

  @Test
  void aLostAnswerWhoseServerProcessLingersIsSettledByEndingIt() throws Exception {
    DecisionLogEntry lost = entry();
    nextCommit.set(Fault.ANSWER_LOST_PROCESS_LINGERS);

    assertDoesNotThrow(
        () -> log.append(lost), "the decision is in the log, so it must be acknowledged");

    assertEquals(1, rows(lost.decisionId()));
    assertEquals(
        0,
        number(
            "select count(*) from pg_stat_activity where application_name ="
                + " 'commit-outcome-lingers'"),
        "the lingering server process was ended");
  }

  @Test
  void aCommitThatNeverReachedTheServerIsRefusedAndNothingIsLogged() throws Exception {
    DecisionLogEntry refused = entry();
    nextCommit.set(Fault.NEVER_SENT);

    assertThrows(GroupCommit.NotStoredException.class, () -> log.append(refused));

    assertEquals(0, rows(refused.decisionId()));
    DecisionLogEntry next = entry();
    log.append(next);
    assertEquals(1, rows(next.decisionId()), "the log still takes decisions");
  }

  @Test
  void aBatchTheServerRefusesIsRefusedWithoutMistakingItForALostAnswer() throws Exception {
    DecisionLogEntry unknownTenant =
        entry(new TenantId("no-such-tenant-" + UUID.randomUUID().toString().substring(0, 8)));
    int before = connectionsOpened.get();

    assertThrows(GroupCommit.NotStoredException.class, () -> log.append(unknownTenant));

    assertEquals(
        before + 1,
        connectionsOpened.get(),
        "an error answer settles the outcome: no second connection to look it up or end the first's"
            + " server process");
    DecisionLogEntry next = entry();
    log.append(next);
    assertEquals(1, rows(next.decisionId()), "the log still takes decisions");
  }

  private static DecisionLogEntry entry() {
    return entry(TENANT);
  }

  private static DecisionLogEntry entry(TenantId tenant) {
    return new DecisionLogEntry(
        UUID.randomUUID(),
        tenant,
        "commit-outcome-test",
        new DecisionRequest("research", "gpt-4o", "chat", DataClassification.INTERNAL, "eu"),
        true,
        List.of(),
        List.of(),
        "r1",
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        DecisionLogEntry.Source.API,
        null,
        null);
  }

  private static int rows(UUID id) throws SQLException {
    return (int) number("select count(*) from decision_log where id = '" + id + "'");
  }

  private static long seq(UUID id) throws SQLException {
    return number("select seq from decision_log where id = '" + id + "'");
  }

  private static long number(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(JDBC, "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void superuser(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(JDBC, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Connections as the application's role; the next COMMIT fails as {@link #nextCommit} says. */
  private static final class FaultyCommits implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      connectionsOpened.incrementAndGet();
      Connection real = DriverManager.getConnection(JDBC, "portolan_app", "portolan_app");
      AtomicReference<Fault> failed = new AtomicReference<>(Fault.NONE);
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("commit")) {
                  Fault fault = nextCommit.getAndSet(Fault.NONE);
                  failed.set(fault);
                  if (fault == Fault.ANSWER_LOST || fault == Fault.ANSWER_LOST_PROCESS_LINGERS) {
                    real.commit();
                  }
                  if (fault == Fault.ANSWER_LOST_PROCESS_LINGERS) {
                    real.setClientInfo("ApplicationName", "commit-outcome-lingers");
                    lingering.add(real);
                  } else if (fault != Fault.NONE) {
                    real.close();
                  }
                  if (fault != Fault.NONE) {
                    throw new SQLException(
                        "An I/O error occurred while sending to the backend.", "08006");
                  }
                }
                if (failed.get() == Fault.ANSWER_LOST_PROCESS_LINGERS
                    && !method.getName().equals("unwrap")) {
                  throw new SQLException(
                      "This connection has been closed.", "08003"); // as the client sees it
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  private static final class PlainThreads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
