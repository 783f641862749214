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

/** Models of a tenant's inventory. */
@ApplicationScoped
@Transactional
public class ModelService {
  static final String TABLE = "model";

  @Inject InventoryRepository repository;
  @Inject DeploymentService deployments;
  @Inject Event<InventoryChanged> changed;
  @Inject Event<TenantChange> audit;

  public PageView<ModelView> list(TenantId tenant, ModelFilter filter, PageRequest page) {
    var items =
        repository.page(
            tenant,
            Model.class,
            TABLE,
            filter.condition(),
            filter.parameters(),
            page.offset(),
            page.size());
    long total = repository.count(tenant, TABLE, filter.condition(), filter.parameters());
    return new PageView<>(
        items.stream().map(Model::view).toList(), total, page.page(), page.size());
  }

  /** The model with its deployments. */
  public ModelView get(TenantId tenant, String id) {
    return find(tenant, id).view().withDeployments(deployments.ofModel(tenant, id));
  }

  public ModelView create(TenantId tenant, ModelInput input) {
    Ids.requireForCreate(input.id());
    requireVendor(tenant, input.vendor());
    if (repository.find(tenant, Model.class, input.id()).isPresent()) {
      throw ProblemException.conflict(
          ProblemTypes.DUPLICATE, "model '" + input.id() + "' already exists");
    }
    if (repository.count(tenant, "alias", "id = :id", Map.of("id", input.id())) > 0) {
      throw ProblemException.conflict(
          ProblemTypes.ALIAS_NAME_TAKEN,
          "'"
              + input.id()
              + "' is an alias; a model of that id would take its place in every decision");
    }
    Model model = new Model(tenant.value(), input.id());
    model.apply(input);
    repository.add(tenant, model);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "model.created", "model", model.id(), null, model.view()));
    return model.view();
  }

  public ModelView update(TenantId tenant, String id, ModelInput input) {
    Ids.requireMatch(id, input.id());
    Model model = find(tenant, id);
    requireVendor(tenant, input.vendor());
    ModelView before = model.view();
    model.apply(input);
    repository.flush(tenant);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "model.updated", "model", id, before, model.view()));
    return model.view();
  }

  public void delete(TenantId tenant, String id) {
    Model model = find(tenant, id);
    long running =
        repository.count(tenant, DeploymentService.TABLE, "model_id = :model", Map.of("model", id));
    if (running > 0) {
      throw ProblemException.conflict(
          ProblemTypes.STILL_REFERENCED,
          "model '" + id + "' still has " + running + " deployment(s); delete them first");
    }
    repository.remove(tenant, model);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "model.deleted", "model", id, model.view(), null));
  }

  private Model find(TenantId tenant, String id) {
    return repository
        .find(tenant, Model.class, id)
        .orElseThrow(() -> ProblemException.notFound("model", id));
  }

  private void requireVendor(TenantId tenant, String vendor) {
    if (repository.find(tenant, Vendor.class, vendor).isEmpty()) {
      String message = "vendor '" + vendor + "' does not exist; create it first";
      throw new ProblemException(
          422,
          ProblemTypes.INVALID_REFERENCE,
          "Invalid reference",
          "vendor: " + message,
          List.of(new Problem.FieldError("vendor", message)));
    }
  }
}
