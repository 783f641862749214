-- A decision id is unique within its tenant, not across tenants. With a global key a sidecar
-- upload naming another tenant's decision id collided with a row its tenant cannot see, and the
-- failure told it that the id exists elsewhere (found by TenantIsolationFuzzIT).
alter table decision_log drop constraint decision_log_pkey;
alter table decision_log add primary key (tenant_id, id);
