package io.portolan.audit;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * Each tenant's retention policy and its runs, in {@code retention_policy} and {@code
 * retention_run}.
 */
@ApplicationScoped
public class RetentionPolicies {
  @PersistenceContext EntityManager em;

  /** How many days each log keeps; null: for ever. */
  public record Policy(Integer decisionsDays, Integer usageDays, Integer changesDays) {
    static final Policy FOREVER = new Policy(null, null, null);
  }

  /** One run of the retention job: when, why, what it removed and up to which time per log. */
  public record Run(
      java.time.Instant ranAt,
      String trigger,
      String actor,
      Map<String, Object> removed,
      Map<String, Object> cutBefore) {}

  /** The policy and who set it when; FOREVER and nulls for a tenant that never set one. */
  public record Stored(Policy policy, String updatedBy, java.time.Instant updatedAt) {}

  public Stored find(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select decisions_days, usage_days, changes_days, updated_by, updated_at"
                    + " from retention_policy where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList();
    if (rows.isEmpty()) return new Stored(Policy.FOREVER, null, null);
    Object[] row = (Object[]) rows.get(0);
    return new Stored(
        new Policy(integer(row[0]), integer(row[1]), integer(row[2])),
        (String) row[3],
        instant(row[4]));
  }

  public void save(TenantId tenant, Policy policy, String user) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into retention_policy (tenant_id, decisions_days, usage_days, changes_days,"
                + " updated_by) values (?1, ?2, ?3, ?4, ?5) on conflict (tenant_id) do update set"
                + " decisions_days = excluded.decisions_days, usage_days = excluded.usage_days,"
                + " changes_days = excluded.changes_days, updated_by = excluded.updated_by,"
                + " updated_at = now()")
        .setParameter(1, tenant.value())
        .setParameter(2, policy.decisionsDays())
        .setParameter(3, policy.usageDays())
        .setParameter(4, policy.changesDays())
        .setParameter(5, user)
        .executeUpdate();
  }

  /** The newest run of a trigger (schedule or manual), or of either when trigger is null. */
  public Run lastRun(TenantId tenant, String trigger) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select ran_at, trigger, actor, removed::text, cut_before::text from retention_run"
                    + " where tenant_id = ?1 and (cast(?2 as text) is null or trigger = ?2) order"
                    + " by ran_at desc limit 1")
            .setParameter(1, tenant.value())
            .setParameter(2, trigger)
            .getResultList();
    if (rows.isEmpty()) return null;
    Object[] row = (Object[]) rows.get(0);
    return new Run(
        instant(row[0]),
        (String) row[1],
        (String) row[2],
        map((String) row[3]),
        map((String) row[4]));
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static java.time.Instant instant(Object value) {
    if (value instanceof Timestamp t) return t.toInstant();
    if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
    return value instanceof java.time.Instant i ? i : null;
  }

  private static Map<String, Object> map(String json) {
    try {
      return io.portolan.infrastructure.web.JacksonConfig.MAPPER.readValue(
          json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable retention run", e);
    }
  }
}
