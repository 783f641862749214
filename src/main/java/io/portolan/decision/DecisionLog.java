package io.portolan.decision;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.api.trace.Span;
import io.portolan.infrastructure.persistence.DataSources;
import io.portolan.infrastructure.persistence.GroupCommit;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.telemetry.Tracing;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The decision log: every answered decision is committed here before its answer leaves. Inserts are
 * batched by group commit, so one transaction serves all decisions waiting at that moment.
 */
@ApplicationScoped
public class DecisionLog {
  /**
   * One statement that sets each tenant's row-level-security scope, numbers and hashes that
   * tenant's rows after its chain head (locked in the database, so any number of replicas may log
   * for one tenant) and inserts them, except those evaluated on data older than the tenant's
   * current version (db/V13): a batch costs two round trips, BEGIN with it, then COMMIT. COMMIT
   * stays a round trip of its own so that a connection lost before it leaves nothing committed, and
   * the batch is refused at once; only a loss after it needs the outcome looked up.
   */
  private static final String APPEND = "select append_decisions(cast(? as jsonb))";

  static final long APPEND_TIMEOUT_MILLIS = 5_000;

  /** Once a decision's store has begun, its caller waits for the commit: logged means answered. */
  static final long CLAIMED_GRACE_MILLIS = 20_000;

  private static final Logger LOG = Logger.getLogger(DecisionLog.class.getName());

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;
  @Inject DecisionLogMetrics metrics;
  @Inject Tracing tracing;

  private GroupCommit<DecisionLogEntry> commits;
  private LostCommitRecovery lostCommits;

  /**
   * The entry was evaluated on a tenant data version that a committed change has replaced: it was
   * not logged, and its decision must be evaluated again on current data.
   */
  public static final class StaleDataException extends Exception {
    StaleDataException() {
      super("evaluated on data a change has replaced since", null, false, false);
    }
  }

  @PostConstruct
  void start() {
    lostCommits = new LostCommitRecovery(dataSource);
    commits =
        new GroupCommit<>(
            this::store,
            1_000,
            20_000,
            CLAIMED_GRACE_MILLIS,
            threads,
            metrics.observer(() -> commits.queued()));
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
    try {
      commits.append(entry, APPEND_TIMEOUT_MILLIS);
    } catch (GroupCommit.NotStoredException e) {
      metrics.refused(e);
      throw e;
    }
  }

  /** Returns once every entry is committed (or was already in the log). */
  public void appendAll(List<DecisionLogEntry> entries) throws GroupCommit.NotStoredException {
    try {
      commits.appendAll(entries, APPEND_TIMEOUT_MILLIS);
    } catch (GroupCommit.NotStoredException e) {
      metrics.refused(e);
      throw e;
    }
  }

  /**
   * Stores a batch in one transaction. When that fails, each tenant's entries are stored in a
   * transaction of their own, so one tenant's bad entries (a sidecar reusing an id, say) fail only
   * that tenant's callers.
   */
  private Map<DecisionLogEntry, Exception> store(List<DecisionLogEntry> batch) throws SQLException {
    // The committer's own trace: one batch serves many decisions' traces.
    return tracing.database(
        "insert decision_log",
        () -> {
          Span.current().setAttribute(Tracing.BATCH_SIZE, (long) batch.size());
          return storeBatch(batch);
        });
  }

  private Map<DecisionLogEntry, Exception> storeBatch(List<DecisionLogEntry> batch)
      throws SQLException {
    Map<TenantId, List<DecisionLogEntry>> byTenant =
        batch.stream()
            .collect(
                Collectors.groupingBy(
                    DecisionLogEntry::tenant, LinkedHashMap::new, Collectors.toList()));
    try {
      return staleOf(batch, storeGroups(byTenant));
    } catch (SQLException | RuntimeException whole) {
      if (byTenant.size() == 1) {
        throw whole;
      }
    }
    Map<DecisionLogEntry, Exception> failed = new HashMap<>();
    for (var group : byTenant.entrySet()) {
      try {
        failed.putAll(
            staleOf(group.getValue(), storeGroups(Map.of(group.getKey(), group.getValue()))));
      } catch (SQLException | RuntimeException e) {
        group.getValue().forEach(entry -> failed.put(entry, e));
      }
    }
    return failed;
  }

  private static Map<DecisionLogEntry, Exception> staleOf(
      List<DecisionLogEntry> entries, Set<UUID> stale) {
    Map<DecisionLogEntry, Exception> failed = new HashMap<>();
    for (DecisionLogEntry entry : entries) {
      if (stale.contains(entry.decisionId())) {
        failed.put(entry, new StaleDataException());
      }
    }
    return failed;
  }

  /** Stores the entries; returns the ids the database refused as evaluated on stale data. */
  private Set<UUID> storeGroups(Map<TenantId, List<DecisionLogEntry>> byTenant)
      throws SQLException {
    Map<TenantId, List<DecisionLogEntry>> fresh = Map.of();
    Set<UUID> stale = Set.of();
    boolean commitSent = false;
    int backend = 0;
    try (Connection connection = dataSource.getConnection()) {
      backend = connection.unwrap(PGConnection.class).getBackendPID();
      fresh = toAppend(connection, byTenant);
      if (fresh.values().stream().allMatch(List::isEmpty)) {
        return Set.of(); // every entry was logged before
      }
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement append = connection.prepareStatement(APPEND)) {
          append.setString(1, rows(fresh));
          try (ResultSet result =
              append.executeQuery()) { // the driver sends BEGIN with it: one round trip
            result.next();
            stale = staleIds(result.getString(1));
          }
        }
        fresh = without(fresh, stale);
        commitSent = true;
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      if (!commitSent || !lostCommits.committed(e, backend, fresh)) {
        throw e;
      }
      LOG.warning(
          "the connection failed after COMMIT was sent, and the entries are in the log: stored ("
              + e
              + ")");
    }
    return stale;
  }

  private static Set<UUID> staleIds(String result) {
    Set<UUID> stale = new HashSet<>();
    try {
      JacksonConfig.MAPPER
          .readTree(result)
          .path("stale")
          .forEach(id -> stale.add(UUID.fromString(id.asText())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("append_decisions answered " + result, e);
    }
    return stale;
  }

  private static Map<TenantId, List<DecisionLogEntry>> without(
      Map<TenantId, List<DecisionLogEntry>> fresh, Set<UUID> stale) {
    if (stale.isEmpty()) {
      return fresh;
    }
    Map<TenantId, List<DecisionLogEntry>> kept = new LinkedHashMap<>();
    fresh.forEach(
        (tenant, entries) ->
            kept.put(
                tenant, entries.stream().filter(e -> !stale.contains(e.decisionId())).toList()));
    return kept;
  }

  /**
   * Each tenant's entries not yet in the log. The log is read only for uploaded entries, which a
   * sidecar may send twice.
   */
  private Map<TenantId, List<DecisionLogEntry>> toAppend(
      Connection connection, Map<TenantId, List<DecisionLogEntry>> byTenant) throws SQLException {
    Map<TenantId, List<DecisionLogEntry>> fresh = new LinkedHashMap<>();
    if (byTenant.values().stream().noneMatch(DecisionLog::uploaded)) {
      byTenant.forEach((tenant, entries) -> fresh.put(tenant, unique(entries)));
      return fresh;
    }
    connection.setAutoCommit(false);
    try {
      for (var group : byTenant.entrySet()) {
        TenantScope.enter(connection, group.getKey());
        fresh.put(group.getKey(), withoutLogged(connection, group.getValue()));
      }
    } finally {
      rollbackQuietly(connection, null); // it only read
      connection.setAutoCommit(true);
    }
    return fresh;
  }

  static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
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
  private static List<DecisionLogEntry> withoutLogged(
      Connection connection, List<DecisionLogEntry> entries) throws SQLException {
    List<DecisionLogEntry> unique = unique(entries);
    if (!uploaded(unique)) {
      return unique;
    }
    Set<UUID> logged = new HashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement("select id from decision_log where id = any(?)")) {
      query.setArray(
          1,
          connection.createArrayOf(
              "uuid", unique.stream().map(DecisionLogEntry::decisionId).toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          logged.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return unique.stream().filter(e -> !logged.contains(e.decisionId())).toList();
  }

  /**
   * The rows to append, as the JSON array {@code append_decisions} takes: each with the hashed
   * content the database chains, and the data version it was evaluated on.
   */
  private static String rows(Map<TenantId, List<DecisionLogEntry>> fresh) {
    StringWriter json = new StringWriter(640 * fresh.values().stream().mapToInt(List::size).sum());
    try (JsonGenerator rows = JacksonConfig.MAPPER.getFactory().createGenerator(json)) {
      rows.writeStartArray();
      for (List<DecisionLogEntry> entries : fresh.values()) {
        for (DecisionLogEntry e : entries) {
          writeRow(rows, e);
        }
      }
      rows.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json.toString();
  }

  /**
   * Writes one row from the very fields its hash covers; the database gives it its place in the
   * chain.
   */
  private static void writeRow(JsonGenerator row, DecisionLogEntry e) throws IOException {
    DecisionChain.Content c = content(e, 0);
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
    row.writeFieldName("obligations");
    row.writeRawValue(c.obligationsJson());
    if (c.askedDeployment() != null) {
      row.writeStringField("asked_deployment", c.askedDeployment());
    }
    if (c.deployment() != null) {
      row.writeStringField("deployment", c.deployment());
    }
    if (c.alias() != null) {
      row.writeStringField("alias", c.alias());
    }
    row.writeStringField("chain_content", DecisionChain.content(c));
    if (e.dataVersion() != DecisionLogEntry.ANY_DATA_VERSION) {
      row.writeNumberField("data_version", e.dataVersion());
    }
    row.writeEndObject();
  }

  private static DecisionChain.Content content(DecisionLogEntry e, long seq) {
    DecisionRequest r = e.request();
    return new DecisionChain.Content(
        seq,
        e.decisionId().toString(),
        r.team(),
        r.model(),
        r.purpose(),
        r.dataClassification().json(),
        r.region(),
        e.allow(),
        json(e.reasons()),
        e.policyRevision(),
        e.evaluatedAt(),
        e.clientId(),
        r.taskTier() == null ? null : r.taskTier().json(),
        e.source().column,
        json(e.obligations()),
        r.deployment(),
        e.deployment(),
        e.alias());
  }

  /**
   * The reasons or obligations as hashed and stored; the verifier rebuilds this exact text from the
   * stored JSON.
   */
  public static String json(List<?> items) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(items);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
