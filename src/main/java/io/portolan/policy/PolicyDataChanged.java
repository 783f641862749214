package io.portolan.policy;

import io.portolan.tenancy.TenantId;

/** Fired inside a transaction that changed data the policy reads (approvals, say). */
public record PolicyDataChanged(TenantId tenant) {}
