package io.portolan.policy;

import static io.portolan.infrastructure.persistence.SqlValues.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
  private static final String REVISION_COLUMNS =
      "number, hash, published_at, published_by, rolled_back_to, settings::text";

  @PersistenceContext EntityManager em;
  @Inject Event<PolicyPublished> published;
  @Inject Event<TenantChange> audit;

  /** The draft; before any edit, the latest published settings; before any publish, none. */
  public PolicySettings draft(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select settings::text from policy_settings_draft where tenant_id = ?1")
            .setParameter(1, tenant.value())
            .getResultList();
    if (!rows.isEmpty()) {
      return parse((String) rows.get(0));
    }
    return latest(tenant).map(RevisionView::settings).orElse(PolicySettings.none());
  }

  public PolicySettings saveDraft(TenantId tenant, PolicySettings settings, String user) {
    settings.validate();
    PolicySettings normalized = settings.normalized();
    PolicySettings before = draft(tenant);
    TenantScope.enter(em, tenant);
    em.createNativeQuery(
            "insert into policy_settings_draft (tenant_id, settings, updated_by) values (?1,"
                + " cast(?2 as jsonb), ?3) on conflict (tenant_id) do update set settings ="
                + " excluded.settings, updated_by = excluded.updated_by, updated_at = now()")
        .setParameter(1, tenant.value())
        .setParameter(2, json(normalized))
        .setParameter(3, user)
        .executeUpdate();
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
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + REVISION_COLUMNS
                    + " from policy_revision where tenant_id = ?1 order by number desc")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream().map(r -> view((Object[]) r)).toList();
  }

  public Optional<RevisionView> latest(TenantId tenant) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + REVISION_COLUMNS
                    + " from policy_revision where tenant_id = ?1 order by number desc limit 1")
            .setParameter(1, tenant.value())
            .getResultList();
    return rows.stream().findFirst().map(r -> view((Object[]) r));
  }

  public Optional<RevisionView> revision(TenantId tenant, int number) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + REVISION_COLUMNS
                    + " from policy_revision where tenant_id = ?1 and number = ?2")
            .setParameter(1, tenant.value())
            .setParameter(2, number)
            .getResultList();
    return rows.stream().findFirst().map(r -> view((Object[]) r));
  }

  private RevisionView append(
      TenantId tenant, PolicySettings settings, String user, Integer rolledBackTo) {
    TenantScope.enter(em, tenant);
    // One publisher per tenant at a time: revision numbers stay gapless and ordered.
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "policy-revision:" + tenant.value())
        .getSingleResult();
    int next =
        ((Number)
                em.createNativeQuery(
                        "select coalesce(max(number), 0) + 1 from policy_revision where tenant_id ="
                            + " ?1")
                    .setParameter(1, tenant.value())
                    .getSingleResult())
            .intValue();
    String content = json(settings);
    em.createNativeQuery(
            "insert into policy_revision (tenant_id, number, settings, hash, published_by,"
                + " rolled_back_to) values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6)")
        .setParameter(1, tenant.value())
        .setParameter(2, next)
        .setParameter(3, content)
        .setParameter(4, TenantPolicyData.revision(content))
        .setParameter(5, user)
        .setParameter(6, rolledBackTo)
        .executeUpdate();
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

  private static RevisionView view(Object[] row) {
    return new RevisionView(
        ((Number) row[0]).intValue(),
        (String) row[1],
        instant(row[2]),
        (String) row[3],
        row[4] == null ? null : ((Number) row[4]).intValue(),
        parse((String) row[5]));
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
