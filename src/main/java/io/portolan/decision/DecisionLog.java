package io.portolan.decision;

import io.portolan.infrastructure.persistence.DataSources;
import io.portolan.infrastructure.persistence.GroupCommit;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The decision log: every answered decision is committed here before its answer leaves. Inserts
 * are batched by group commit, so one transaction serves all decisions waiting at that moment.
 */
@ApplicationScoped
public class DecisionLog {
  private static final String INSERT =
      "insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region,"
          + " allow, reasons, policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)";
  static final long APPEND_TIMEOUT_MILLIS = 5_000;
  /** Once a decision's store has begun, its caller waits for the commit: logged means answered. */
  static final long CLAIMED_GRACE_MILLIS = 20_000;
  /** How long a commit whose answer was lost is looked up; well inside the claimed callers' grace. */
  static final long OUTCOME_LOOKUP_MILLIS = 10_000;
  private static final long OUTCOME_LOOKUP_PAUSE_MILLIS = 250;
  private static final Logger LOG = Logger.getLogger(DecisionLog.class.getName());

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  private GroupCommit<DecisionLogEntry> commits;

  /** The last link of each tenant's chain, as committed; read from the log on first use. */
  private final Map<TenantId, Link> heads = new java.util.concurrent.ConcurrentHashMap<>();

  private record Link(long seq, String hash) {}

  @PostConstruct
  void start() {
    commits = new GroupCommit<>(this::store, 1_000, 20_000, CLAIMED_GRACE_MILLIS, threads);
  }

  @PreDestroy
  void stop() {
    try {
      commits.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns once the entry is committed. */
  public void append(DecisionLogEntry entry) throws GroupCommit.NotStoredException {
    commits.append(entry, APPEND_TIMEOUT_MILLIS);
  }

  /** Returns once every entry is committed (or was already in the log). */
  public void appendAll(List<DecisionLogEntry> entries) throws GroupCommit.NotStoredException {
    commits.appendAll(entries, APPEND_TIMEOUT_MILLIS);
  }

  /**
   * Stores a batch in one transaction. When that fails, each tenant's entries are stored in a
   * transaction of their own, so one tenant's bad entries (a sidecar reusing an id, say) fail only
   * that tenant's callers.
   */
  private Map<DecisionLogEntry, Exception> store(List<DecisionLogEntry> batch) throws SQLException {
    Map<TenantId, List<DecisionLogEntry>> byTenant =
        batch.stream()
            .collect(Collectors.groupingBy(DecisionLogEntry::tenant, LinkedHashMap::new, Collectors.toList()));
    try {
      storeGroups(byTenant);
      return Map.of();
    } catch (SQLException | RuntimeException whole) {
      heads.keySet().removeAll(byTenant.keySet()); // re-read the chain heads from the log
      if (byTenant.size() == 1) {
        throw whole;
      }
    }
    Map<DecisionLogEntry, Exception> failed = new java.util.HashMap<>();
    for (var group : byTenant.entrySet()) {
      try {
        storeGroups(Map.of(group.getKey(), group.getValue()));
      } catch (SQLException | RuntimeException e) {
        heads.remove(group.getKey());
        group.getValue().forEach(entry -> failed.put(entry, e));
      }
    }
    return failed;
  }

  private void storeGroups(Map<TenantId, List<DecisionLogEntry>> byTenant) throws SQLException {
    Map<TenantId, Link> advanced = new LinkedHashMap<>();
    Map<TenantId, List<DecisionLogEntry>> inserted = new LinkedHashMap<>();
    boolean commitSent = false;
    int backend = 0;
    try (Connection connection = dataSource.getConnection()) {
      backend = connection.unwrap(PGConnection.class).getBackendPID();
      connection.setAutoCommit(false);
      try {
        for (var group : byTenant.entrySet()) {
          TenantScope.enter(connection, group.getKey());
          List<DecisionLogEntry> fresh = withoutLogged(connection, group.getValue());
          Link head = heads.containsKey(group.getKey()) ? heads.get(group.getKey()) : head(connection, group.getKey());
          advanced.put(group.getKey(), insert(connection, fresh, head));
          inserted.put(group.getKey(), fresh);
        }
        commitSent = true;
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      if (!commitSent || !committed(backend, inserted)) {
        throw e;
      }
      LOG.warning("the connection failed after COMMIT was sent, and the entries are in the log: stored (" + e + ")");
      heads.keySet().removeAll(byTenant.keySet()); // re-read the chain heads from the log
      return;
    }
    heads.putAll(advanced); // only once committed: a rolled-back batch leaves the heads as they were
  }

  /**
   * After the connection failed once COMMIT was sent (its answer lost), whether the transaction's
   * entries are in the log. Its server process is ended first, so the transaction is settled either
   * way; being all or nothing, its entries are then all found or none. Looked up on fresh
   * connections until {@link #OUTCOME_LOOKUP_MILLIS}; still unknown then counts as not stored.
   */
  private boolean committed(int backend, Map<TenantId, List<DecisionLogEntry>> inserted) {
    long deadline = System.nanoTime() + OUTCOME_LOOKUP_MILLIS * 1_000_000;
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection connection = dataSource.getConnection()) {
        if (ended(connection, backend)) {
          return foundAll(connection, inserted);
        }
      } catch (SQLException e) {
        last = e;
      }
      if (!pause(OUTCOME_LOOKUP_PAUSE_MILLIS)) {
        break;
      }
    }
    LOG.warning("whether a decision-log commit took effect is unknown; its decisions are refused: " + last);
    return false;
  }

  /** Whether the server process that ran the transaction is gone; asks it to end when it is not. */
  private static boolean ended(Connection connection, int backend) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select pg_terminate_backend(pid, 1000) from pg_stat_activity where pid = ?")) {
      query.setInt(1, backend);
      try (ResultSet row = query.executeQuery()) {
        return !row.next() || row.getBoolean(1);
      }
    }
  }

  private static boolean foundAll(Connection connection, Map<TenantId, List<DecisionLogEntry>> inserted)
      throws SQLException {
    int expected = 0;
    int found = 0;
    connection.setAutoCommit(false);
    try {
      for (var group : inserted.entrySet()) {
        TenantScope.enter(connection, group.getKey());
        expected += group.getValue().size();
        found += count(connection, group.getValue());
      }
    } finally {
      rollbackQuietly(connection, null);
      connection.setAutoCommit(true);
    }
    if (found != 0 && found != expected) {
      LOG.severe("a decision-log transaction is in the log in part: " + found + " of " + expected + " entries");
    }
    return found == expected;
  }

  private static int count(Connection connection, List<DecisionLogEntry> entries) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("select count(*) from decision_log where id = any(?)")) {
      query.setArray(1, connection.createArrayOf("uuid", entries.stream().map(DecisionLogEntry::decisionId).toArray()));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }

  /** The newest chained entry of a tenant, or the start of its chain. */
  private static Link head(Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select seq, hash from decision_log where tenant_id = ? and seq is not null order by seq desc limit 1")) {
      query.setString(1, tenant.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? new Link(row.getLong(1), row.getString(2)) : new Link(0, DecisionChain.GENESIS);
      }
    }
  }

  /** Drops entries already logged (a sidecar retrying an upload), so each is chained once. */
  private static List<DecisionLogEntry> withoutLogged(Connection connection, List<DecisionLogEntry> entries)
      throws SQLException {
    Map<UUID, DecisionLogEntry> unique = new LinkedHashMap<>();
    entries.forEach(e -> unique.putIfAbsent(e.decisionId(), e));
    if (entries.stream().noneMatch(e -> e.source() == DecisionLogEntry.Source.OPA_SIDECAR)) {
      return List.copyOf(unique.values());
    }
    try (PreparedStatement query = connection.prepareStatement("select id from decision_log where id = any(?)")) {
      query.setArray(1, connection.createArrayOf("uuid", unique.keySet().toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          unique.remove(rows.getObject(1, UUID.class));
        }
      }
    }
    return List.copyOf(unique.values());
  }

  private static Link insert(Connection connection, List<DecisionLogEntry> entries, Link head) throws SQLException {
    Link link = head;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (DecisionLogEntry e : entries) {
        DecisionRequest r = e.request();
        insert.setObject(1, e.decisionId());
        insert.setString(2, e.tenant().value());
        insert.setString(3, r.team());
        insert.setString(4, r.model());
        insert.setString(5, r.purpose());
        insert.setString(6, r.dataClassification().json());
        insert.setString(7, r.region());
        insert.setBoolean(8, e.allow());
        insert.setString(9, json(e.reasons()));
        insert.setString(10, e.policyRevision());
        insert.setTimestamp(11, Timestamp.from(e.evaluatedAt()));
        insert.setString(12, e.clientId());
        insert.setString(13, r.taskTier() == null ? null : r.taskTier().json());
        insert.setString(14, e.source().column);
        long seq = link.seq() + 1;
        String hash = DecisionChain.hash(content(e, seq), link.hash());
        insert.setLong(15, seq);
        insert.setString(16, link.hash());
        insert.setString(17, hash);
        insert.addBatch();
        link = new Link(seq, hash);
      }
      insert.executeBatch();
    }
    return link;
  }

  private static DecisionChain.Content content(DecisionLogEntry e, long seq) {
    DecisionRequest r = e.request();
    return new DecisionChain.Content(seq, e.decisionId().toString(), r.team(), r.model(), r.purpose(),
        r.dataClassification().json(), r.region(), e.allow(), json(e.reasons()), e.policyRevision(), e.evaluatedAt(),
        e.clientId(), r.taskTier() == null ? null : r.taskTier().json(), e.source().column);
  }

  /** The reasons as hashed and stored; the verifier rebuilds this exact text from the stored JSON. */
  public static String json(List<Reason> reasons) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(reasons);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
