package io.portolan.alias;

import io.portolan.infrastructure.persistence.TenantId;
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
  @Inject AliasRepository aliases;
  @Inject InventoryRepository inventory;
  @Inject Event<TenantChange> audit;

  public List<Alias> list(TenantId tenant) {
    return aliases.list(tenant);
  }

  public Alias get(TenantId tenant, String id) {
    return find(tenant, id).orElseThrow(() -> ProblemException.notFound("alias", id));
  }

  public Optional<Alias> find(TenantId tenant, String id) {
    return aliases.find(tenant, id);
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
    boolean inserted = aliases.insert(tenant, input.id(), input.description(), input.candidates());
    if (!inserted) {
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
    aliases.saveDraft(tenant, id, input.description(), input.candidates(), userName);
    Alias after = get(tenant, id);
    audit.fire(new TenantChange(tenant, "alias.drafted", "alias", id, before, after));
    return after;
  }

  public Alias discardDraft(TenantId tenant, String id) {
    Alias before = requireDraft(tenant, id);
    aliases.discardDraft(tenant, id);
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
    aliases.publishDraft(tenant, id);
    Alias after = get(tenant, id);
    audit.fire(new TenantChange(tenant, "alias.published", "alias", id, before, after));
    return after;
  }

  public void delete(TenantId tenant, String id) {
    Alias alias = get(tenant, id);
    aliases.delete(tenant, id);
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
}
