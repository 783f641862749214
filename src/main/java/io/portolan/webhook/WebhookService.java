package io.portolan.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
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

  @Inject WebhookRepository webhooks;

  @jakarta.inject.Inject WebhookConfig config;

  public WebhookView configure(TenantId tenant, WebhookInput input) {
    String refusal = WebhookTargets.refusal(input.url(), config.allowPrivateTargets());
    if (refusal != null) {
      throw ProblemException.badRequest("url", refusal);
    }
    boolean exists = webhooks.exists(tenant);
    String secret = exists && !input.rotateSecret() ? null : newSecret();
    if (exists) {
      webhooks.update(tenant, input.url(), secret);
    } else {
      webhooks.insert(tenant, input.url(), secret);
    }
    WebhookView saved = get(tenant);
    return new WebhookView(saved.url(), saved.createdAt(), saved.updatedAt(), secret);
  }

  /** The webhook without its secret: a secret is shown once, when issued. */
  public WebhookView get(TenantId tenant) {
    WebhookRepository.Stored stored =
        webhooks
            .find(tenant)
            .orElseThrow(() -> ProblemException.notFound("webhook", tenant.value()));
    return new WebhookView(stored.url(), stored.createdAt(), stored.updatedAt(), null);
  }

  public void delete(TenantId tenant) {
    get(tenant);
    webhooks.delete(tenant);
  }

  public PageView<Map<String, Object>> deliveries(
      TenantId tenant, String status, PageRequest page) {
    return webhooks.deliveries(tenant, status, page);
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
    if (!webhooks.exists(tenant)) {
      return;
    }
    UUID id = UUID.randomUUID();
    ObjectNode payload = JacksonConfig.MAPPER.createObjectNode();
    payload.put("id", id.toString()).put("type", type).put("tenant", tenant.value());
    payload.put("occurredAt", Instant.now().toString());
    payload.set("data", JacksonConfig.MAPPER.valueToTree(data));
    webhooks.insertDelivery(tenant, id, type, payload.toString());
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
