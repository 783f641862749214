package io.portolan.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.ledger.ChainVerifier;
import io.portolan.ledger.ChainedLog;
import io.portolan.ledger.LogQuery;
import io.portolan.ledger.ReadOnlyTenantTransaction;
import io.portolan.ledger.RowSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the admin audit trail: streamed exports and chain verification. */
@ApplicationScoped
public class ChangeLogReader implements ChainedLog {
  static final String COLUMNS =
      "seq, id::text, at, actor, action, entity_type, entity_id, before::text, after::text,"
          + " prev_hash, hash";

  @Inject ReadOnlyTenantTransaction transaction;

  @Override
  public String name() {
    return "changes";
  }

  /** One record as exported. */
  public record Change(
      long seq,
      String id,
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      JsonNode before,
      JsonNode after,
      String prevHash,
      String hash) {

    ChangeLog.Entry entry() {
      return new ChangeLog.Entry(seq, id, at, actor, action, entityType, entityId, before, after);
    }
  }

  public void stream(
      TenantId tenant,
      Instant from,
      Instant to,
      String actor,
      String entityType,
      RowSink<Change> sink)
      throws Exception {
    LogQuery query =
        filtered("select " + COLUMNS, tenant, from, to, actor, entityType).then(" order by seq");
    transaction.stream(tenant, query, ChangeLogReader::read, sink);
  }

  /**
   * Row count, time range, first and last hash of the records an export with these filters holds.
   */
  public Map<String, Object> manifest(
      TenantId tenant, Instant from, Instant to, String actor, String entityType) throws Exception {
    LogQuery query =
        filtered(
            "select count(*), min(at), max(at),"
                + " (array_agg(hash order by seq))[1], (array_agg(hash order by seq desc))[1]",
            tenant,
            from,
            to,
            actor,
            entityType);
    return transaction.first(
        tenant,
        query,
        row -> {
          Map<String, Object> manifest = new LinkedHashMap<>();
          manifest.put("rows", row.getLong(1));
          manifest.put("firstAt", instant(row.getTimestamp(2)));
          manifest.put("lastAt", instant(row.getTimestamp(3)));
          manifest.put("firstHash", row.getString(4));
          manifest.put("lastHash", row.getString(5));
          Map<String, Object> filters = new LinkedHashMap<>();
          filters.put("from", from);
          filters.put("to", to);
          if (actor != null) filters.put("actor", actor);
          if (entityType != null) filters.put("entityType", entityType);
          manifest.put("filters", filters);
          return manifest;
        });
  }

  private static LogQuery filtered(
      String select, TenantId tenant, Instant from, Instant to, String actor, String entityType) {
    return LogQuery.over(
            select + " from change_log where tenant_id = ? and at >= ? and at < ?",
            tenant,
            from,
            to)
        .and(" and actor = ?", actor)
        .and(" and entity_type = ?", entityType);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Recomputes every hash and link of the trail in the window; names the first broken record. */
  @Override
  public Map<String, Object> verify(TenantId tenant, Instant from, Instant to) throws Exception {
    ChainVerifier chain = new ChainVerifier("at");
    stream(
        tenant,
        from,
        to,
        null,
        null,
        change ->
            chain.check(
                change.seq(),
                change.id(),
                change.at(),
                change.prevHash(),
                change.hash(),
                change.entry().hash(change.prevHash())));
    return chain.result(from, to);
  }

  private static Change read(ResultSet row) throws SQLException {
    return new Change(
        row.getLong(1),
        row.getString(2),
        row.getTimestamp(3).toInstant(),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        json(row.getString(8)),
        json(row.getString(9)),
        row.getString(10),
        row.getString(11));
  }

  private static JsonNode json(String text) {
    if (text == null) return null;
    try {
      return JacksonConfig.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
