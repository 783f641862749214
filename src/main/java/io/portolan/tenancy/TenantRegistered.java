package io.portolan.tenancy;

import io.portolan.infrastructure.persistence.TenantId;

/** Fired when a tenant is seen for the first time, so its (empty) policy data can be published. */
public record TenantRegistered(TenantId tenant) {}
