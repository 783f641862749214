package io.portolan.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.ledger.ChainHash;
import io.portolan.tenancy.TenantChange;
import io.portolan.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes the admin audit trail. Records join the change's own transaction, so a change and its
 * record commit or roll back together; a per-tenant lock keeps the chain in order.
 */
@ApplicationScoped
public class ChangeLog {
  static final String GENESIS = ChainHash.GENESIS;

  @PersistenceContext EntityManager em;
  @Inject TenantContext caller;

  void record(@Observes TenantChange change) {
    TenantScope.enter(em, change.tenant());
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "change-log:" + change.tenant().value())
        .getSingleResult();
    // After a retention run removed every entry, the chain goes on from its checkpoint, not from
    // genesis.
    List<?> last =
        em.createNativeQuery(
                "select seq, hash from (select seq, hash from change_log where tenant_id = ?1 order"
                    + " by seq desc limit 1) l union all select seq, hash from (select seq, hash"
                    + " from log_checkpoint where tenant_id = ?1 and log = 'changes' order by seq"
                    + " desc limit 1) c order by seq desc limit 1")
            .setParameter(1, change.tenant().value())
            .getResultList();
    long seq = last.isEmpty() ? 1 : ((Number) ((Object[]) last.get(0))[0]).longValue() + 1;
    String previous = last.isEmpty() ? GENESIS : (String) ((Object[]) last.get(0))[1];
    Entry entry =
        new Entry(
            seq,
            UUID.randomUUID().toString(),
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            actor(),
            change.action(),
            change.entityType(),
            change.entityId(),
            change.before() == null ? null : JacksonConfig.MAPPER.valueToTree(change.before()),
            change.after() == null ? null : JacksonConfig.MAPPER.valueToTree(change.after()));
    em.createNativeQuery(
            "insert into change_log (tenant_id, seq, id, at, actor, action, entity_type, entity_id,"
                + " before, after, prev_hash, hash) values (?1, ?2, cast(?3 as uuid), ?4, ?5, ?6,"
                + " ?7, ?8, cast(?9 as jsonb), cast(?10 as jsonb), ?11, ?12)")
        .setParameter(1, change.tenant().value())
        .setParameter(2, seq)
        .setParameter(3, entry.id())
        .setParameter(4, Timestamp.from(entry.at()))
        .setParameter(5, entry.actor())
        .setParameter(6, entry.action())
        .setParameter(7, entry.entityType())
        .setParameter(8, entry.entityId())
        .setParameter(9, entry.before() == null ? null : entry.before().toString())
        .setParameter(10, entry.after() == null ? null : entry.after().toString())
        .setParameter(11, previous)
        .setParameter(12, entry.hash(previous))
        .executeUpdate();
  }

  private String actor() {
    try {
      return caller.userName();
    } catch (RuntimeException outsideARequest) {
      return "portolan";
    }
  }

  /** One record of the trail, and the hash that chains it. */
  public record Entry(
      long seq,
      String id,
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      JsonNode before,
      JsonNode after) {

    public String hash(String previousHash) {
      String content =
          String.join(
              "\n",
              id,
              ChainHash.micros(at),
              actor,
              action,
              entityType,
              entityId,
              canonical(before),
              canonical(after));
      return ChainHash.of(seq, content, previousHash);
    }
  }

  /**
   * JSON with object keys sorted at every level: PostgreSQL's jsonb reorders keys, this does not
   * care.
   */
  static String canonical(JsonNode node) {
    return node == null || node.isNull() ? "null" : sorted(node).toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JacksonConfig.MAPPER.createObjectNode();
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JacksonConfig.MAPPER.createArrayNode();
      node.forEach(v -> out.add(sorted(v)));
      return out;
    }
    return node;
  }
}
