package io.portolan.webhook;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook and webhook_delivery tables, in the caller's transaction; every statement runs in the
 * tenant's row-level-security scope.
 */
@ApplicationScoped
public class WebhookRepository {
  @PersistenceContext EntityManager em;

  /** A tenant's webhook as stored, without its secret. */
  record Stored(String url, Instant createdAt, Instant updatedAt) {}

  boolean exists(TenantId tenant) {
    TenantScope.enter(em, tenant);
    return !em.createNativeQuery("select 1 from webhook where tenant_id = ?1")
        .setParameter(1, tenant.value())
        .getResultList()
        .isEmpty();
  }

  Optional<Stored> find(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery("select url, created_at, updated_at from webhook where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new Stored((String) row[0], instant(row[1]), instant(row[2]));
            });
  }

  /** Sets the url, and the secret unless it is null (the current one is kept). */
  void update(TenantId tenant, String url, String secret) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "update webhook set url = ?1, secret = coalesce(?2, secret), updated_at = now() where"
                + " tenant_id = ?3")
        .setParameter(1, url)
        .setParameter(2, secret)
        .setParameter(3, tenant.value())
        .executeUpdate();
  }

  void insert(TenantId tenant, String url, String secret) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery("insert into webhook (tenant_id, url, secret) values (?1, ?2, ?3)")
        .setParameter(1, tenant.value())
        .setParameter(2, url)
        .setParameter(3, secret)
        .executeUpdate();
  }

  void delete(TenantId tenant) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery("delete from webhook where tenant_id = ?1")
        .setParameter(1, tenant.value())
        .executeUpdate();
  }

  /** Newest first; an absent status matches every delivery. */
  PageView<Map<String, Object>> deliveries(TenantId tenant, String status, PageRequest page) {
    TenantScope.enter(em, tenant);
    String where =
        " from webhook_delivery where tenant_id = ?1 and status = coalesce(cast(?2 as text),"
            + " status)";
    var count =
        em.createNativeQuery("select count(*)" + where)
            .setParameter(1, tenant.value())
            .setParameter(2, status);
    var query =
        em.createNativeQuery(
                "select id::text, event_type, status, attempts, created_at, next_attempt_at,"
                    + " delivered_at, last_status, last_error"
                    + where
                    + " order by created_at desc, id offset ?3 limit ?4")
            .setParameter(1, tenant.value())
            .setParameter(2, status)
            .setParameter(3, page.offset())
            .setParameter(4, page.size());
    long total = ((Number) count.getSingleResult()).longValue();
    List<Map<String, Object>> items =
        ((List<?>) query.getResultList()).stream().map(r -> delivery((Object[]) r)).toList();
    return new PageView<>(items, total, page.page(), page.size());
  }

  /** Puts an event in the outbox, in the caller's transaction. */
  void insertDelivery(TenantId tenant, UUID id, String type, String payload) {
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into webhook_delivery (tenant_id, id, event_type, payload) values (?1, ?2, ?3,"
                + " cast(?4 as jsonb))")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, type)
        .setParameter(4, payload)
        .executeUpdate();
  }

  private static Map<String, Object> delivery(Object[] row) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", row[0]);
    item.put("eventType", row[1]);
    item.put("status", row[2]);
    item.put("attempts", row[3]);
    item.put("createdAt", instant(row[4]));
    item.put("nextAttemptAt", instant(row[5]));
    item.put("deliveredAt", instant(row[6]));
    item.put("lastStatus", row[7]);
    item.put("lastError", row[8]);
    return item;
  }
}
