package io.portolan.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The settings draft officers edit and the revisions they publish. Decisions use the latest
 * revision only; publishing and rolling back append a revision and never change an old one.
 */
@ApplicationScoped
@Transactional
public class PolicyService {
  @Inject PolicyRepository policies;
  @Inject Event<PolicyPublished> published;
  @Inject Event<TenantChange> audit;

  /** The draft; before any edit, the latest published settings; before any publish, none. */
  public PolicySettings draft(TenantId tenant) {
    Optional<String> saved = policies.draft(tenant);
    if (saved.isPresent()) {
      return parse(saved.get());
    }
    return latest(tenant).map(RevisionView::settings).orElse(PolicySettings.none());
  }

  public PolicySettings saveDraft(TenantId tenant, PolicySettings settings, String user) {
    settings.validate();
    PolicySettings normalized = settings.normalized();
    PolicySettings before = draft(tenant);
    policies.saveDraft(tenant, json(normalized), user);
    audit.fire(
        new TenantChange(
            tenant, "policy-settings.updated", "policy-settings", "draft", before, normalized));
    return normalized;
  }

  /** Publishes the current draft as the next revision. */
  public RevisionView publish(TenantId tenant, String user) {
    return append(tenant, draft(tenant), user, null);
  }

  /** Publishes an earlier revision's settings again, as a new revision, and resets the draft. */
  public RevisionView rollback(TenantId tenant, int number, String user) {
    RevisionView earlier =
        revision(tenant, number)
            .orElseThrow(() -> ProblemException.notFound("revision", String.valueOf(number)));
    saveDraft(tenant, earlier.settings(), user);
    return append(tenant, earlier.settings(), user, number);
  }

  public List<RevisionView> revisions(TenantId tenant) {
    return policies.revisions(tenant).stream().map(PolicyService::view).toList();
  }

  public Optional<RevisionView> latest(TenantId tenant) {
    return policies.latest(tenant).map(PolicyService::view);
  }

  public Optional<RevisionView> revision(TenantId tenant, int number) {
    return policies.revision(tenant, number).map(PolicyService::view);
  }

  private RevisionView append(
      TenantId tenant, PolicySettings settings, String user, Integer rolledBackTo) {
    // One publisher per tenant at a time: revision numbers stay gapless and ordered.
    policies.lockRevisions(tenant);
    int next = policies.nextRevisionNumber(tenant);
    String content = json(settings);
    policies.insertRevision(
        tenant, next, content, TenantPolicyData.revision(content), user, rolledBackTo);
    published.fire(new PolicyPublished(tenant, next));
    RevisionView revision = revision(tenant, next).orElseThrow();
    audit.fire(
        new TenantChange(
            tenant,
            rolledBackTo == null ? "policy-revision.published" : "policy-revision.rolled-back",
            "policy-revision",
            Integer.toString(next),
            null,
            revision));
    return revision;
  }

  private static RevisionView view(PolicyRepository.Revision row) {
    return new RevisionView(
        row.number(),
        row.hash(),
        row.publishedAt(),
        row.publishedBy(),
        row.rolledBackTo(),
        parse(row.settings()));
  }

  private static PolicySettings parse(String json) {
    try {
      return JacksonConfig.MAPPER.readValue(json, PolicySettings.class).normalized();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored settings unreadable", e);
    }
  }

  private static String json(PolicySettings settings) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
