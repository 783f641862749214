package io.portolan.alias;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.portolan.infrastructure.persistence.SqlValues;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.inventory.Deployment;
import io.portolan.inventory.InventoryRepository;
import io.portolan.inventory.Model;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's aliases: created published, changed through a draft that is previewed and then
 * published.
 */
@ApplicationScoped
@Transactional
public class AliasService {
  private static final String COLUMNS =
      "id, description, candidates::text, draft_description, draft_candidates::text,"
          + " drafted_at, drafted_by, created_at, published_at";

  @PersistenceContext EntityManager em;
  @Inject InventoryRepository inventory;
  @Inject Event<TenantChange> audit;

  public List<Alias> list(TenantId tenant) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select " + COLUMNS + " from alias where tenant_id = ?1 order by id")
                .setParameter(1, tenant.value())
                .getResultList())
        .stream().map(r -> view((Object[]) r)).toList();
  }

  public Alias get(TenantId tenant, String id) {
    return find(tenant, id).orElseThrow(() -> ProblemException.notFound("alias", id));
  }

  public Optional<Alias> find(TenantId tenant, String id) {
    TenantScope.enter(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "select " + COLUMNS + " from alias where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.value())
                .setParameter(2, id)
                .getResultList())
        .stream().findFirst().map(r -> view((Object[]) r));
  }

  /** A new alias is published at once: no call can have asked for it yet. */
  public Alias create(TenantId tenant, AliasInput input) {
    if (input.id() == null) {
      throw ProblemException.badRequest("id", "is required");
    }
    if (inventory.find(tenant, Model.class, input.id()).isPresent()) {
      throw ProblemException.conflict(
          ProblemTypes.ALIAS_NAME_TAKEN,
          "'"
              + input.id()
              + "' is a model's id; a model of that id would always win over the alias");
    }
    requireCandidates(tenant, input.candidates());
    TenantScope.enter(em, tenant);
    int inserted =
        em.createNativeQuery(
                "insert into alias (tenant_id, id, description, candidates) values (?1, ?2, ?3,"
                    + " cast(?4 as jsonb)) on conflict do nothing")
            .setParameter(1, tenant.value())
            .setParameter(2, input.id())
            .setParameter(3, input.description())
            .setParameter(4, json(input.candidates()))
            .executeUpdate();
    if (inserted == 0) {
      throw ProblemException.conflict(
          ProblemTypes.DUPLICATE,
          "alias '" + input.id() + "' already exists; draft a change to it");
    }
    Alias created = get(tenant, input.id());
    audit.fire(new TenantChange(tenant, "alias.created", "alias", input.id(), null, created));
    return created;
  }

  /**
   * Saves candidates to replace the published ones; decisions go on resolving by the published
   * until it is published.
   */
  public Alias draft(TenantId tenant, String id, AliasInput input, String userName) {
    Alias before = get(tenant, id);
    if (input.id() != null && !input.id().equals(id)) {
      throw ProblemException.badRequest("id", "an alias's name cannot change; create another");
    }
    requireCandidates(tenant, input.candidates());
    em.createNativeQuery(
            "update alias set draft_description = ?3, draft_candidates = cast(?4 as jsonb),"
                + " drafted_at = now(), drafted_by = ?5 where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .setParameter(3, input.description())
        .setParameter(4, json(input.candidates()))
        .setParameter(5, userName)
        .executeUpdate();
    Alias after = get(tenant, id);
    audit.fire(new TenantChange(tenant, "alias.drafted", "alias", id, before, after));
    return after;
  }

  public Alias discardDraft(TenantId tenant, String id) {
    Alias before = requireDraft(tenant, id);
    em.createNativeQuery(
            "update alias set draft_description = null, draft_candidates = null, drafted_at = null,"
                + " drafted_by = null where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
    Alias after = get(tenant, id);
    audit.fire(new TenantChange(tenant, "alias.draft-discarded", "alias", id, before, after));
    return after;
  }

  /**
   * The draft becomes what decisions resolve by, from the next decision on (every replica: the data
   * version moves).
   */
  public Alias publish(TenantId tenant, String id) {
    Alias before = requireDraft(tenant, id);
    // The candidates may have been deleted since the draft was saved.
    requireCandidates(tenant, before.draft().candidates());
    em.createNativeQuery(
            "update alias set description = draft_description, candidates = draft_candidates,"
                + " draft_description = null, draft_candidates = null, drafted_at = null,"
                + " drafted_by = null, published_at = now() where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
    Alias after = get(tenant, id);
    audit.fire(new TenantChange(tenant, "alias.published", "alias", id, before, after));
    return after;
  }

  public void delete(TenantId tenant, String id) {
    Alias alias = get(tenant, id);
    em.createNativeQuery("delete from alias where tenant_id = ?1 and id = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, id)
        .executeUpdate();
    audit.fire(new TenantChange(tenant, "alias.deleted", "alias", id, alias, null));
  }

  Alias requireDraft(TenantId tenant, String id) {
    Alias alias = get(tenant, id);
    if (alias.draft() == null) {
      throw ProblemException.conflict(
          ProblemTypes.NO_DRAFT,
          "alias '" + id + "' has no draft; save one with PUT /api/v1/aliases/" + id + "/draft");
    }
    return alias;
  }

  /**
   * Every candidate names a model of the tenant, and a deployment only of that model; none twice.
   */
  private void requireCandidates(TenantId tenant, List<AliasCandidate> candidates) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      AliasCandidate c = candidates.get(i);
      String field = "candidates[" + i + "]";
      if (candidates.subList(0, i).contains(c)) {
        errors.add(new Problem.FieldError(field, "repeats an earlier candidate"));
      } else if (inventory.find(tenant, Model.class, c.model()).isEmpty()) {
        errors.add(
            new Problem.FieldError(field + ".model", "model '" + c.model() + "' does not exist"));
      } else if (c.deployment() != null
          && !inventory
              .find(tenant, Deployment.class, c.deployment())
              .map(d -> d.modelId().equals(c.model()))
              .orElse(false)) {
        errors.add(
            new Problem.FieldError(
                field + ".deployment",
                "'" + c.deployment() + "' is not a deployment of model '" + c.model() + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          422,
          ProblemTypes.INVALID_REFERENCE,
          "Invalid reference",
          errors.get(0).field() + ": " + errors.get(0).message(),
          errors);
    }
  }

  private static Alias view(Object[] row) {
    List<AliasCandidate> draft = row[4] == null ? null : candidates((String) row[4]);
    return new Alias(
        (String) row[0],
        (String) row[1],
        candidates((String) row[2]),
        draft == null
            ? null
            : new Alias.Draft((String) row[3], draft, SqlValues.instant(row[5]), (String) row[6]),
        SqlValues.instant(row[7]),
        SqlValues.instant(row[8]));
  }

  static List<AliasCandidate> candidates(String json) {
    try {
      return JacksonConfig.MAPPER.readValue(json, new TypeReference<List<AliasCandidate>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable alias candidates", e);
    }
  }

  private static String json(List<AliasCandidate> candidates) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(candidates);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
