package io.portolan.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the admin audit trail: streamed exports and chain verification. */
@ApplicationScoped
public class ChangeLogReader {
  static final String COLUMNS = "seq, id::text, at, actor, action, entity_type, entity_id, before::text, after::text, prev_hash, hash";

  @Inject ReadOnlyTenantTransaction transaction;

  /** One record as exported. */
  public record Change(long seq, String id, Instant at, String actor, String action, String entityType, String entityId,
      JsonNode before, JsonNode after, String prevHash, String hash) {

    ChangeLog.Entry entry() {
      return new ChangeLog.Entry(seq, id, at, actor, action, entityType, entityId, before, after);
    }
  }

  public void stream(TenantId tenant, Instant from, Instant to, String actor, String entityType,
      DecisionLogReader.RowSink<Change> sink) throws Exception {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from change_log where tenant_id = ? and at >= ? and at < ?");
    if (actor != null) sql.append(" and actor = ?");
    if (entityType != null) sql.append(" and entity_type = ?");
    sql.append(" order by seq");
    transaction.run(tenant, connection -> {
      try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
        query.setFetchSize(DecisionLogReader.FETCH);
        int i = 1;
        query.setString(i++, tenant.value());
        query.setTimestamp(i++, Timestamp.from(from));
        query.setTimestamp(i++, Timestamp.from(to));
        if (actor != null) query.setString(i++, actor);
        if (entityType != null) query.setString(i++, entityType);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            sink.accept(read(rows));
          }
        }
      }
      return null;
    });
  }

  /** Recomputes every hash and link of the trail in the window; names the first broken record. */
  public Map<String, Object> verify(TenantId tenant, Instant from, Instant to) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    long[] checked = {0};
    Map<String, Object>[] broken = new Map[] {null};
    Change[] previous = {null};
    stream(tenant, from, to, null, null, change -> {
      if (broken[0] != null) return;
      checked[0]++;
      String problem = null;
      if (previous[0] != null && change.seq() != previous[0].seq() + 1) {
        problem = "a record before this one is missing";
      } else if (previous[0] != null && !previous[0].hash().equals(change.prevHash())
          || previous[0] == null && change.seq() == 1 && !ChangeLog.GENESIS.equals(change.prevHash())) {
        problem = "its link to the previous record does not match";
      } else if (!change.entry().hash(change.prevHash()).equals(change.hash())) {
        problem = "its content does not match its hash";
      }
      if (problem != null) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("seq", change.seq());
        b.put("id", change.id());
        b.put("at", change.at());
        b.put("problem", problem);
        broken[0] = b;
      }
      previous[0] = change;
    });
    result.put("verified", broken[0] == null);
    result.put("checked", checked[0]);
    result.put("from", from);
    result.put("to", to);
    result.put("firstBroken", broken[0]);
    return result;
  }

  private static Change read(ResultSet row) throws SQLException {
    return new Change(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(), row.getString(4),
        row.getString(5), row.getString(6), row.getString(7), json(row.getString(8)), json(row.getString(9)),
        row.getString(10), row.getString(11));
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
