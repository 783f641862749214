package io.portolan.usage;

import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores usage reports. Each must name a decision of the reporting tenant; a batch is stored whole
 * or not at all; a key seen before stores nothing again and answers as the first time did.
 */
@ApplicationScoped
@Transactional
public class UsageService {
  @PersistenceContext EntityManager em;

  /** What a report did: how many records it stored (or had stored), and whether it was a replay. */
  public record Stored(int records, boolean replayed, String idempotencyKey) {}

  public Stored store(TenantId tenant, String clientId, String idempotencyKey, List<UsageReport> reports) {
    TenantScope.enter(em, tenant);
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    int claimed = em.createNativeQuery(
            "insert into usage_report (tenant_id, idempotency_key, records, client_id) values (?1, ?2, ?3, ?4)"
                + " on conflict (tenant_id, idempotency_key) do nothing")
        .setParameter(1, tenant.value()).setParameter(2, key).setParameter(3, reports.size()).setParameter(4, clientId)
        .executeUpdate();
    if (claimed == 0) {
      Number records = (Number) em.createNativeQuery(
              "select records from usage_report where tenant_id = ?1 and idempotency_key = ?2")
          .setParameter(1, tenant.value()).setParameter(2, key).getSingleResult();
      return new Stored(records.intValue(), true, key);
    }
    requireKnownDecisions(tenant, reports);
    for (UsageReport r : reports) {
      em.createNativeQuery(
              "insert into usage_record (tenant_id, decision_id, model, input_tokens, output_tokens, latency_ms,"
                  + " cost_micros, idempotency_key, client_id) values (?1, cast(?2 as uuid), ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
          .setParameter(1, tenant.value()).setParameter(2, r.decisionId()).setParameter(3, r.model())
          .setParameter(4, r.inputTokens()).setParameter(5, r.outputTokens()).setParameter(6, r.latencyMs())
          .setParameter(7, r.costMicros()).setParameter(8, key).setParameter(9, clientId)
          .executeUpdate();
    }
    return new Stored(reports.size(), false, key);
  }

  /** 422 naming every item whose decision this tenant never made (another tenant's looks the same). */
  private void requireKnownDecisions(TenantId tenant, List<UsageReport> reports) {
    List<?> found = em.createNativeQuery(
            "select id::text from decision_log where tenant_id = ?1 and id = any(cast(string_to_array(?2, ',') as uuid[]))")
        .setParameter(1, tenant.value())
        .setParameter(2, String.join(",", reports.stream().map(r -> r.decisionId().toLowerCase()).toList()))
        .getResultList();
    Set<String> known = new HashSet<>();
    found.forEach(id -> known.add((String) id));
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (!known.contains(reports.get(i).decisionId().toLowerCase())) {
        errors.add(new Problem.FieldError("[" + i + "].decisionId", "no decision of this tenant has this id"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(422, "unknown-decision", "Unknown decision",
          errors.size() + " of " + reports.size() + " reports name no decision of this tenant; nothing was stored", errors);
    }
  }
}
