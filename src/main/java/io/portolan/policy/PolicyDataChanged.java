package io.portolan.policy;

import io.portolan.infrastructure.persistence.TenantId;

/** Fired inside a transaction that changed data the policy reads (approvals, say). */
public record PolicyDataChanged(TenantId tenant) {}
