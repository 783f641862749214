package io.portolan.tenancy;

import io.portolan.infrastructure.persistence.TenantId;

/**
 * A change to a tenant's data, fired inside the transaction that makes it, so the audit trail
 * records it in that same transaction. {@code before} and {@code after} are the item as the API
 * shows it (null when created or deleted).
 *
 * @param action such as {@code vendor.updated} or {@code approval.revoked}
 */
public record TenantChange(
    TenantId tenant,
    String action,
    String entityType,
    String entityId,
    Object before,
    Object after) {}
