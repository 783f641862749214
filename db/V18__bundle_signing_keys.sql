-- Each tenant's keys for signing its OPA bundles (issue 20, item 10). The private key is stored
-- only encrypted (a JWE, PBES2 with the configured portolan.bundle-signing.secret), so a copy of
-- the database alone cannot sign; every replica reads the same keys, so all sign alike. A
-- rotation adds a key that signs from active_from on; old keys stay listed (sidecars may still
-- trust them) and are never used again once a newer one is active.
create table bundle_signing_key (
    tenant_id       text        not null references tenant (id),
    key_id          text        not null,
    algorithm       text        not null check (algorithm = 'ES256'),
    public_key_pem  text        not null,
    private_key_jwe text        not null,
    created_at      timestamptz not null default now(),
    active_from     timestamptz not null default now(),
    primary key (tenant_id, key_id)
);
create index bundle_signing_key_active on bundle_signing_key (tenant_id, active_from desc);

select enable_tenant_isolation('bundle_signing_key');

-- Keys are added, never changed or removed by the application.
grant select, insert on bundle_signing_key to ${app_role};
