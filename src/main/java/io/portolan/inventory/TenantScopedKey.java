package io.portolan.inventory;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of every inventory row: the tenant and the item's slug. */
public class TenantScopedKey implements Serializable {
  String tenantId;
  String id;

  public TenantScopedKey() {}

  public TenantScopedKey(String tenantId, String id) {
    this.tenantId = tenantId;
    this.id = id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantScopedKey k
        && Objects.equals(tenantId, k.tenantId)
        && Objects.equals(id, k.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, id);
  }
}
