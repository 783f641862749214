package io.portolan.webhook;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's webhook and its outbox. Approval events are put in the outbox in the transaction
 * that made them, so an event is sent if and only if its change committed.
 */
@ApplicationScoped
@Transactional
public class WebhookService {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @jakarta.inject.Inject WebhookConfig config;

  public WebhookView configure(TenantId tenant, WebhookInput input) {
    String refusal = WebhookTargets.refusal(input.url(), config.allowPrivateTargets());
    if (refusal != null) {
      throw ProblemException.badRequest("url", refusal);
    }
    TenantScope.enter(em, tenant);
    boolean exists =
        !em.createNativeQuery("select 1 from webhook where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList()
            .isEmpty();
    String secret = exists && !input.rotateSecret() ? null : newSecret();
    if (exists) {
      em.createNativeQuery(
              "update webhook set url = ?1, secret = coalesce(?2, secret), updated_at = now() where"
                  + " tenant_id = ?3")
          .setParameter(1, input.url())
          .setParameter(2, secret)
          .setParameter(3, tenant.value())
          .executeUpdate();
    } else {
      em.createNativeQuery("insert into webhook (tenant_id, url, secret) values (?1, ?2, ?3)")
          .setParameter(1, tenant.value())
          .setParameter(2, input.url())
          .setParameter(3, secret)
          .executeUpdate();
    }
    WebhookView saved = get(tenant);
    return new WebhookView(saved.url(), saved.createdAt(), saved.updatedAt(), secret);
  }

  /** The webhook without its secret: a secret is shown once, when issued. */
  public WebhookView get(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery("select url, created_at, updated_at from webhook where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("webhook", tenant.value());
    }
    Object[] row = (Object[]) rows.get(0);
    return new WebhookView((String) row[0], instant(row[1]), instant(row[2]), null);
  }

  public void delete(TenantId tenant) {
    get(tenant);
    em.createNativeQuery("delete from webhook where tenant_id = ?1")
        .setParameter(1, tenant.value())
        .executeUpdate();
  }

  public PageView<Map<String, Object>> deliveries(
      TenantId tenant, String status, PageRequest page) {
    TenantScope.enter(em, tenant);
    // An absent status matches every delivery.
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
        ((List<?>) query.getResultList())
            .stream()
                .map(
                    r -> {
                      Object[] row = (Object[]) r;
                      Map<String, Object> item = new java.util.LinkedHashMap<>();
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
                    })
                .toList();
    return new PageView<>(items, total, page.page(), page.size());
  }

  /** Approval events go to the tenant's webhook, if it has one. */
  void enqueue(@Observes TenantChange change) {
    if (change.action().startsWith("approval")) {
      queue(
          change.tenant(),
          change.action(),
          change.after() != null ? change.after() : change.before());
    }
  }

  /**
   * Puts an event for the tenant's webhook, if it has one, in the outbox, in the caller's
   * transaction: it is sent if and only if that transaction commits.
   */
  public void queue(TenantId tenant, String type, Object data) {
    TenantScope.enter(em, tenant);
    boolean configured =
        !em.createNativeQuery("select 1 from webhook where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList()
            .isEmpty();
    if (!configured) {
      return;
    }
    UUID id = UUID.randomUUID();
    ObjectNode payload = JacksonConfig.MAPPER.createObjectNode();
    payload.put("id", id.toString()).put("type", type).put("tenant", tenant.value());
    payload.put("occurredAt", Instant.now().toString());
    payload.set("data", JacksonConfig.MAPPER.valueToTree(data));
    em.createNativeQuery(
            "insert into webhook_delivery (tenant_id, id, event_type, payload) values (?1, ?2, ?3,"
                + " cast(?4 as jsonb))")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, type)
        .setParameter(4, payload.toString())
        .executeUpdate();
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
