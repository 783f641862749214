package io.portolan.inventory;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Vendors of a tenant. Suspending one denies all its models at the next decision. */
@ApplicationScoped
@Transactional
public class VendorService {
  static final String TABLE = "vendor";

  @Inject InventoryRepository repository;
  @Inject Event<InventoryChanged> changed;
  @Inject Event<TenantChange> audit;

  public PageView<VendorView> list(TenantId tenant, PageRequest page) {
    var items =
        repository.page(tenant, Vendor.class, TABLE, "true", Map.of(), page.offset(), page.size());
    long total = repository.count(tenant, TABLE, "true", Map.of());
    return new PageView<>(
        items.stream().map(Vendor::view).toList(), total, page.page(), page.size());
  }

  public VendorView get(TenantId tenant, String id) {
    return find(tenant, id).view();
  }

  public VendorView create(TenantId tenant, VendorInput input) {
    Ids.requireForCreate(input.id());
    if (repository.find(tenant, Vendor.class, input.id()).isPresent()) {
      throw ProblemException.conflict(
          ProblemTypes.DUPLICATE, "vendor '" + input.id() + "' already exists");
    }
    Vendor vendor = new Vendor(tenant.value(), input.id());
    vendor.apply(input);
    repository.add(tenant, vendor);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(
        new TenantChange(tenant, "vendor.created", "vendor", vendor.id(), null, vendor.view()));
    return vendor.view();
  }

  public VendorView update(TenantId tenant, String id, VendorInput input) {
    Ids.requireMatch(id, input.id());
    Vendor vendor = find(tenant, id);
    VendorView before = vendor.view();
    vendor.apply(input);
    repository.flush(tenant);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "vendor.updated", "vendor", id, before, vendor.view()));
    return vendor.view();
  }

  public void delete(TenantId tenant, String id) {
    Vendor vendor = find(tenant, id);
    long models =
        repository.count(tenant, ModelService.TABLE, "vendor_id = :vendor", Map.of("vendor", id));
    if (models > 0) {
      throw ProblemException.conflict(
          ProblemTypes.STILL_REFERENCED,
          "vendor '" + id + "' still has " + models + " model(s); delete or move them first");
    }
    repository.remove(tenant, vendor);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "vendor.deleted", "vendor", id, vendor.view(), null));
  }

  private Vendor find(TenantId tenant, String id) {
    return repository
        .find(tenant, Vendor.class, id)
        .orElseThrow(() -> ProblemException.notFound("vendor", id));
  }
}
