package io.portolan.inventory;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Deployments of a tenant's models: where each runs, who operates it, on what data terms. */
@ApplicationScoped
@Transactional
public class DeploymentService {
  static final String TABLE = "deployment";

  /** More than any model has: the model page lists all of its deployments at once. */
  private static final int OF_A_MODEL = 500;

  @Inject InventoryRepository repository;
  @Inject Event<InventoryChanged> changed;
  @Inject Event<TenantChange> audit;

  public PageView<DeploymentView> list(TenantId tenant, DeploymentFilter filter, PageRequest page) {
    var items =
        repository.page(
            tenant,
            Deployment.class,
            TABLE,
            filter.condition(),
            filter.parameters(),
            page.offset(),
            page.size());
    long total = repository.count(tenant, TABLE, filter.condition(), filter.parameters());
    return new PageView<>(
        items.stream().map(Deployment::view).toList(), total, page.page(), page.size());
  }

  /** A model's deployments, in id order. */
  public List<DeploymentView> ofModel(TenantId tenant, String model) {
    DeploymentFilter filter = DeploymentFilter.ofModel(model);
    return repository
        .page(
            tenant, Deployment.class, TABLE, filter.condition(), filter.parameters(), 0, OF_A_MODEL)
        .stream()
        .map(Deployment::view)
        .toList();
  }

  public DeploymentView get(TenantId tenant, String id) {
    return find(tenant, id).view();
  }

  public DeploymentView create(TenantId tenant, DeploymentInput input) {
    Ids.requireForCreate(input.id());
    requireModel(tenant, input.model());
    if (repository.find(tenant, Deployment.class, input.id()).isPresent()) {
      throw ProblemException.conflict(
          ProblemTypes.DUPLICATE, "deployment '" + input.id() + "' already exists");
    }
    Deployment deployment = new Deployment(tenant.value(), input.id());
    deployment.apply(input);
    repository.add(tenant, deployment);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(
        new TenantChange(
            tenant, "deployment.created", "deployment", deployment.id(), null, deployment.view()));
    return deployment.view();
  }

  public DeploymentView update(TenantId tenant, String id, DeploymentInput input) {
    Ids.requireMatch(id, input.id());
    Deployment deployment = find(tenant, id);
    requireModel(tenant, input.model());
    DeploymentView before = deployment.view();
    deployment.apply(input);
    repository.flush(tenant);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(
        new TenantChange(
            tenant, "deployment.updated", "deployment", id, before, deployment.view()));
    return deployment.view();
  }

  public void delete(TenantId tenant, String id) {
    Deployment deployment = find(tenant, id);
    // Approvals name deployments by id, without a foreign key (an array): deleting one they name
    // would quietly leave them covering nothing.
    long namedBy =
        repository.count(
            tenant,
            "approval",
            "revoked_at is null and expires_at > now() and :deployment = any(deployments)",
            Map.of("deployment", id));
    if (namedBy > 0) {
      throw ProblemException.conflict(
          ProblemTypes.STILL_REFERENCED,
          "deployment '"
              + id
              + "' is named by "
              + namedBy
              + " approval(s) in force: revoke them, or suspend the deployment instead");
    }
    repository.remove(tenant, deployment);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(
        new TenantChange(tenant, "deployment.deleted", "deployment", id, deployment.view(), null));
  }

  private Deployment find(TenantId tenant, String id) {
    return repository
        .find(tenant, Deployment.class, id)
        .orElseThrow(() -> ProblemException.notFound("deployment", id));
  }

  private void requireModel(TenantId tenant, String model) {
    if (repository.find(tenant, Model.class, model).isEmpty()) {
      String message = "model '" + model + "' does not exist; create it first";
      throw new ProblemException(
          422,
          ProblemTypes.INVALID_REFERENCE,
          "Invalid reference",
          "model: " + message,
          List.of(new Problem.FieldError("model", message)));
    }
  }
}
