package io.portolan.inventory;

import io.portolan.infrastructure.persistence.TenantId;

/** Fired inside the transaction that changed a tenant's inventory; observed after it commits. */
public record InventoryChanged(TenantId tenant) {}
