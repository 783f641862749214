package io.portolan.usage;

import io.portolan.infrastructure.persistence.SqlValues;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usage_report and usage_record tables (and the decisions and checkpoints they refer to), in
 * the caller's transaction and the tenant's row-level-security scope.
 */
@ApplicationScoped
public class UsageRepository {
  @PersistenceContext EntityManager em;

  /**
   * The team, data classification and time of a reported call's decision, and where it routed the
   * call.
   */
  record Decided(String team, String classification, Instant at, String deployment) {}

  /** The last link of a tenant's usage chain: its sequence number and hash. */
  record Link(long seq, String hash) {}

  /** A usage record to append: what its hash covers, the previous hash and its own. */
  record Chained(UsageChain.Content content, String previousHash, String hash) {}

  /**
   * Records the report under its idempotency key; false if the key was seen before (nothing is
   * stored then).
   */
  boolean claimReport(TenantId tenant, String key, int records, String clientId) {
    TenantScope.enter(em, tenant);
    return em.createNativeQuery(
                "insert into usage_report (tenant_id, idempotency_key, records, client_id) values"
                    + " (?1, ?2, ?3, ?4) on conflict (tenant_id, idempotency_key) do nothing")
            .setParameter(1, tenant.value())
            .setParameter(2, key)
            .setParameter(3, records)
            .setParameter(4, clientId)
            .executeUpdate()
        != 0;
  }

  /** How many records the report stored under this key. */
  int reportedRecords(TenantId tenant, String key) {
    TenantScope.enter(em, tenant);
    return ((Number)
            em.createNativeQuery(
                    "select records from usage_report where tenant_id = ?1 and idempotency_key ="
                        + " ?2")
                .setParameter(1, tenant.value())
                .setParameter(2, key)
                .getSingleResult())
        .intValue();
  }

  /** The tenant's decisions among these ids (lower case), by id. */
  Map<String, Decided> decisions(TenantId tenant, Collection<String> ids) {
    TenantScope.enter(em, tenant);
    List<?> found =
        em.createNativeQuery(
                "select id::text, team, data_classification, evaluated_at, deployment from"
                    + " decision_log where tenant_id = ?1 and id = any(cast(string_to_array(?2,"
                    + " ',') as uuid[]))")
            .setParameter(1, tenant.value())
            .setParameter(2, String.join(",", ids))
            .getResultList();
    Map<String, Decided> known = new HashMap<>();
    for (Object row : found) {
      Object[] columns = (Object[]) row;
      known.put(
          (String) columns[0],
          new Decided(
              (String) columns[1],
              (String) columns[2],
              SqlValues.instant(columns[3]),
              (String) columns[4]));
    }
    return known;
  }

  /** One writer per tenant at a time, until the transaction ends, keeps the chain in order. */
  void lockChain(TenantId tenant) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "usage:" + tenant.value())
        .getSingleResult();
  }

  /**
   * The chain's last link; after a retention run removed every record, its checkpoint; empty before
   * the first record.
   */
  Optional<Link> lastLink(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> last =
        em.createNativeQuery(
                "select seq, hash from (select seq, hash from usage_record where tenant_id = ?1 and"
                    + " seq is not null order by seq desc limit 1) l union all select seq, hash"
                    + " from (select seq, hash from log_checkpoint where tenant_id = ?1 and log ="
                    + " 'usage' order by seq desc limit 1) c order by seq desc limit 1")
            .setParameter(1, tenant.value())
            .getResultList();
    return last.stream()
        .findFirst()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new Link(((Number) row[0]).longValue(), (String) row[1]);
            });
  }

  /** Appends the records in order; hold {@link #lockChain} first. */
  void insertRecords(TenantId tenant, List<Chained> records) {
    TenantScope.enter(em, tenant);
    for (Chained record : records) {
      UsageChain.Content c = record.content();
      em.createNativeQuery(
              "insert into usage_record (tenant_id, decision_id, model, input_tokens,"
                  + " output_tokens, latency_ms, cost_micros, idempotency_key, client_id,"
                  + " reported_at, seq, prev_hash, hash) values (?1, cast(?2 as uuid), ?3, ?4, ?5,"
                  + " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
          .setParameter(1, tenant.value())
          .setParameter(2, c.decisionId())
          .setParameter(3, c.model())
          .setParameter(4, c.inputTokens())
          .setParameter(5, c.outputTokens())
          .setParameter(6, c.latencyMs())
          .setParameter(7, c.costMicros())
          .setParameter(8, c.idempotencyKey())
          .setParameter(9, c.clientId())
          .setParameter(10, Timestamp.from(c.reportedAt()))
          .setParameter(11, c.seq())
          .setParameter(12, record.previousHash())
          .setParameter(13, record.hash())
          .executeUpdate();
    }
  }
}
