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
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The decision log: every answered decision is committed here before its answer leaves. Inserts
 * are batched by group commit, so one transaction serves all decisions waiting at that moment.
 */
@ApplicationScoped
public class DecisionLog {
  private static final String INSERT =
      "insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region,"
          + " allow, reasons, policy_revision, evaluated_at, client_id, task_tier, source)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)"
          // Sidecars retry uploads: a decision already filed is not filed twice.
          + " on conflict (id) do nothing";
  static final long APPEND_TIMEOUT_MILLIS = 5_000;

  @Resource(lookup = DataSources.APP)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  private GroupCommit<DecisionLogEntry> commits;

  @PostConstruct
  void start() {
    commits = new GroupCommit<>(this::store, 1_000, 20_000, threads);
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

  private void store(List<DecisionLogEntry> batch) throws SQLException {
    Map<TenantId, List<DecisionLogEntry>> byTenant =
        batch.stream()
            .collect(Collectors.groupingBy(DecisionLogEntry::tenant, LinkedHashMap::new, Collectors.toList()));
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (var group : byTenant.entrySet()) {
          TenantScope.enter(connection, group.getKey());
          insert(connection, group.getValue());
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static void insert(Connection connection, List<DecisionLogEntry> entries) throws SQLException {
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
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String json(List<Reason> reasons) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(reasons);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
