package io.portolan.decision;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * The decision log: every answered decision is committed here before its answer leaves. Inserts
 * are batched by group commit, so one transaction serves all decisions waiting at that moment.
 */
@ApplicationScoped
public class DecisionLog {
  /**
   * One statement that sets each tenant's row-level-security scope and inserts that tenant's rows
   * (db/V12__append_decisions.sql): a batch costs two round trips, BEGIN with it, then COMMIT.
   * COMMIT stays a round trip of its own so that a connection lost before it leaves nothing
   * committed, and the batch is refused at once; only a loss after it needs the outcome looked up.
   */
  private static final String APPEND = "select append_decisions(cast(? as jsonb))";
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
    Map<TenantId, List<DecisionLogEntry>> fresh = Map.of();
    boolean commitSent = false;
    int backend = 0;
    try (Connection connection = dataSource.getConnection()) {
      backend = connection.unwrap(PGConnection.class).getBackendPID();
      Map<TenantId, Link> start = new LinkedHashMap<>();
      fresh = toAppend(connection, byTenant, start);
      if (fresh.values().stream().allMatch(List::isEmpty)) {
        return; // every entry was logged before
      }
      String rows = chained(fresh, start, advanced);
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
          append.setString(1, rows);
          append.executeQuery().close(); // the driver sends BEGIN with it: one round trip
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
      if (!commitSent || refusedByServer(e) || !committed(backend, fresh)) {
        throw e;
      }
      LOG.warning("the connection failed after COMMIT was sent, and the entries are in the log: stored (" + e + ")");
      heads.keySet().removeAll(byTenant.keySet()); // re-read the chain heads from the log
      return;
    }
    heads.putAll(advanced); // only once committed: a rolled-back batch leaves the heads as they were
  }

  /**
   * Each tenant's entries not yet in the log, and where each tenant's chain starts. Usually both
   * are known here without asking; the log is read only for a tenant's first batch and for
   * uploaded entries, which a sidecar may send twice.
   */
  private Map<TenantId, List<DecisionLogEntry>> toAppend(
      Connection connection, Map<TenantId, List<DecisionLogEntry>> byTenant, Map<TenantId, Link> start)
      throws SQLException {
    Map<TenantId, List<DecisionLogEntry>> fresh = new LinkedHashMap<>();
    boolean lookups = byTenant.entrySet().stream().anyMatch(g -> !heads.containsKey(g.getKey()) || uploaded(g.getValue()));
    if (!lookups) {
      byTenant.forEach((tenant, entries) -> {
        fresh.put(tenant, unique(entries));
        start.put(tenant, heads.get(tenant));
      });
      return fresh;
    }
    connection.setAutoCommit(false);
    try {
      for (var group : byTenant.entrySet()) {
        TenantScope.enter(connection, group.getKey());
        fresh.put(group.getKey(), withoutLogged(connection, group.getValue()));
        Link head = heads.get(group.getKey());
        start.put(group.getKey(), head != null ? head : head(connection, group.getKey()));
      }
    } finally {
      rollbackQuietly(connection, null); // it only read
      connection.setAutoCommit(true);
    }
    return fresh;
  }

  /**
   * Whether the server answered COMMIT with an error: the transaction was then rolled back.
   * Without an answer (the connection failed), or with a FATAL one, the commit may have taken
   * effect.
   */
  private static boolean refusedByServer(Exception e) {
    return e instanceof PSQLException p && p.getServerErrorMessage() != null
        && "ERROR".equals(p.getServerErrorMessage().getSeverity());
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

  private static boolean uploaded(List<DecisionLogEntry> entries) {
    return entries.stream().anyMatch(e -> e.source() == DecisionLogEntry.Source.OPA_SIDECAR);
  }

  /** The entries without repeats of an id, so each is chained once. */
  private static List<DecisionLogEntry> unique(List<DecisionLogEntry> entries) {
    Map<UUID, DecisionLogEntry> unique = new LinkedHashMap<>();
    entries.forEach(e -> unique.putIfAbsent(e.decisionId(), e));
    return List.copyOf(unique.values());
  }

  /** Drops entries already logged (a sidecar retrying an upload), so each is chained once. */
  private static List<DecisionLogEntry> withoutLogged(Connection connection, List<DecisionLogEntry> entries)
      throws SQLException {
    List<DecisionLogEntry> unique = unique(entries);
    if (!uploaded(unique)) {
      return unique;
    }
    java.util.Set<UUID> logged = new java.util.HashSet<>();
    try (PreparedStatement query = connection.prepareStatement("select id from decision_log where id = any(?)")) {
      query.setArray(1, connection.createArrayOf("uuid", unique.stream().map(DecisionLogEntry::decisionId).toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          logged.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return unique.stream().filter(e -> !logged.contains(e.decisionId())).toList();
  }

  /**
   * The rows to append, as the JSON array {@code append_decisions} takes, each chained to the one
   * before it from its tenant's start; records in {@code advanced} where each chain then ends.
   */
  private static String chained(
      Map<TenantId, List<DecisionLogEntry>> fresh, Map<TenantId, Link> start, Map<TenantId, Link> advanced) {
    java.io.StringWriter json = new java.io.StringWriter(512 * fresh.values().stream().mapToInt(List::size).sum());
    try (JsonGenerator rows = JacksonConfig.MAPPER.getFactory().createGenerator(json)) {
      rows.writeStartArray();
      for (var group : fresh.entrySet()) {
        Link link = start.get(group.getKey());
        for (DecisionLogEntry e : group.getValue()) {
          link = writeRow(rows, e, link);
        }
        advanced.put(group.getKey(), link);
      }
      rows.writeEndArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return json.toString();
  }

  /** Writes one row, chained to {@code previous}, from the very fields its hash covers; returns its link. */
  private static Link writeRow(JsonGenerator row, DecisionLogEntry e, Link previous) throws java.io.IOException {
    DecisionChain.Content c = content(e, previous.seq() + 1);
    String hash = DecisionChain.hash(c, previous.hash());
    row.writeStartObject();
    row.writeStringField("id", c.id());
    row.writeStringField("tenant_id", e.tenant().value());
    row.writeStringField("team", c.team());
    row.writeStringField("model", c.model());
    row.writeStringField("purpose", c.purpose());
    row.writeStringField("data_classification", c.dataClassification());
    row.writeStringField("region", c.region());
    row.writeBooleanField("allow", c.allow());
    row.writeFieldName("reasons");
    row.writeRawValue(c.reasonsJson());
    row.writeStringField("policy_revision", c.policyRevision());
    row.writeStringField("evaluated_at", c.evaluatedAt().toString());
    row.writeStringField("client_id", c.clientId());
    row.writeStringField("task_tier", c.taskTier());
    row.writeStringField("source", c.source());
    row.writeNumberField("seq", c.seq());
    row.writeStringField("prev_hash", previous.hash());
    row.writeStringField("hash", hash);
    row.writeEndObject();
    return new Link(c.seq(), hash);
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
