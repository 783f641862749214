package io.portolan.usage;

import io.portolan.infrastructure.persistence.SqlValues;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores usage reports. Each must name a decision of the reporting tenant; a batch is stored whole
 * or not at all; a key seen before stores nothing again and answers as the first time did.
 */
@ApplicationScoped
@Transactional
public class UsageService {
  @PersistenceContext EntityManager em;
  @Inject Event<UsageStored> stored;

  /** What a report did: how many records it stored (or had stored), and whether it was a replay. */
  public record Stored(int records, boolean replayed, String idempotencyKey) {}

  public Stored store(
      TenantId tenant, String clientId, String idempotencyKey, List<UsageReport> reports) {
    TenantScope.enter(em, tenant);
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    int claimed =
        em.createNativeQuery(
                "insert into usage_report (tenant_id, idempotency_key, records, client_id) values"
                    + " (?1, ?2, ?3, ?4) on conflict (tenant_id, idempotency_key) do nothing")
            .setParameter(1, tenant.value())
            .setParameter(2, key)
            .setParameter(3, reports.size())
            .setParameter(4, clientId)
            .executeUpdate();
    if (claimed == 0) {
      Number records =
          (Number)
              em.createNativeQuery(
                      "select records from usage_report where tenant_id = ?1 and idempotency_key ="
                          + " ?2")
                  .setParameter(1, tenant.value())
                  .setParameter(2, key)
                  .getSingleResult();
      return new Stored(records.intValue(), true, key);
    }
    Map<String, Decided> decisions = requireKnownDecisions(tenant, reports);
    // One writer per tenant at a time keeps the chain in order.
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "usage:" + tenant.value())
        .getSingleResult();
    // After a retention run removed every record, the chain goes on from its checkpoint, not from
    // genesis.
    List<?> last =
        em.createNativeQuery(
                "select seq, hash from (select seq, hash from usage_record where tenant_id = ?1 and"
                    + " seq is not null order by seq desc limit 1) l union all select seq, hash"
                    + " from (select seq, hash from log_checkpoint where tenant_id = ?1 and log ="
                    + " 'usage' order by seq desc limit 1) c order by seq desc limit 1")
            .setParameter(1, tenant.value())
            .getResultList();
    long seq = last.isEmpty() ? 0 : ((Number) ((Object[]) last.get(0))[0]).longValue();
    String previous = last.isEmpty() ? "genesis" : (String) ((Object[]) last.get(0))[1];
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    for (UsageReport r : reports) {
      seq++;
      String hash =
          UsageChain.hash(
              new UsageChain.Content(
                  seq,
                  r.decisionId(),
                  r.model(),
                  r.inputTokens(),
                  r.outputTokens(),
                  r.latencyMs(),
                  r.costMicros(),
                  key,
                  clientId,
                  now),
              previous);
      em.createNativeQuery(
              "insert into usage_record (tenant_id, decision_id, model, input_tokens,"
                  + " output_tokens, latency_ms, cost_micros, idempotency_key, client_id,"
                  + " reported_at, seq, prev_hash, hash) values (?1, cast(?2 as uuid), ?3, ?4, ?5,"
                  + " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
          .setParameter(1, tenant.value())
          .setParameter(2, r.decisionId())
          .setParameter(3, r.model())
          .setParameter(4, r.inputTokens())
          .setParameter(5, r.outputTokens())
          .setParameter(6, r.latencyMs())
          .setParameter(7, r.costMicros())
          .setParameter(8, key)
          .setParameter(9, clientId)
          .setParameter(10, java.sql.Timestamp.from(now))
          .setParameter(11, seq)
          .setParameter(12, previous)
          .setParameter(13, hash)
          .executeUpdate();
      previous = hash;
    }
    stored.fire(
        new UsageStored(
            tenant,
            reports.stream()
                .map(
                    r -> {
                      Decided decided = decisions.get(r.decisionId().toLowerCase());
                      return new UsageStored.Call(
                          decided.team(),
                          decided.classification(),
                          decided.at(),
                          r.model(),
                          r.inputTokens(),
                          r.outputTokens(),
                          r.costMicros(),
                          decided.deployment());
                    })
                .toList()));
    return new Stored(reports.size(), false, key);
  }

  /**
   * The team, data classification and time of a reported call's decision, and where it routed the
   * call.
   */
  private record Decided(String team, String classification, Instant at, String deployment) {}

  /**
   * The reports' decisions by id; 422 naming every item whose decision this tenant never made
   * (another tenant's looks the same).
   */
  private Map<String, Decided> requireKnownDecisions(TenantId tenant, List<UsageReport> reports) {
    List<?> found =
        em.createNativeQuery(
                "select id::text, team, data_classification, evaluated_at, deployment from"
                    + " decision_log where tenant_id = ?1 and id = any(cast(string_to_array(?2,"
                    + " ',') as uuid[]))")
            .setParameter(1, tenant.value())
            .setParameter(
                2,
                String.join(",", reports.stream().map(r -> r.decisionId().toLowerCase()).toList()))
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
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (!known.containsKey(reports.get(i).decisionId().toLowerCase())) {
        errors.add(
            new Problem.FieldError(
                "[" + i + "].decisionId", "no decision of this tenant has this id"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          422,
          ProblemTypes.UNKNOWN_DECISION,
          "Unknown decision",
          errors.size()
              + " of "
              + reports.size()
              + " reports name no decision of this tenant; nothing was stored",
          errors);
    }
    return known;
  }
}
