package io.portolan.policy;

import io.portolan.infrastructure.persistence.TenantId;

/** Fired inside the transaction that published (or rolled back to) a revision. */
public record PolicyPublished(TenantId tenant, int number) {}
