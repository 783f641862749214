-- Tenants, the model inventory and the decision log.
-- Every tenant table has row-level security keyed on the transaction setting app.tenant, so a
-- query that forgets its tenant filter still sees only the tenant the transaction was opened for.
-- ${app_role} is the role the application connects as: it owns nothing and cannot bypass RLS.

create table tenant (
    id          text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    created_at  timestamptz not null default now()
);

create table vendor (
    tenant_id          text not null references tenant (id),
    id                 text not null,
    name               text not null,
    jurisdiction       char(2) not null check (jurisdiction ~ '^[A-Z]{2}$'),
    suspended          boolean not null default false,
    suspension_reason  text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id)
);

create table model (
    tenant_id        text not null,
    id               text not null,
    display_name     text not null,
    vendor_id        text not null,
    hosting_regions  text[] not null default '{}',
    open_weights     boolean not null,
    self_hostable    boolean not null,
    licence          text,
    capabilities     text[] not null default '{}',
    cost_tier        text not null check (cost_tier in ('low', 'medium', 'high')),
    status           text not null check (status in ('proposed', 'approved', 'restricted', 'suspended', 'retired')),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, vendor_id) references vendor (tenant_id, id)
);
create index model_vendor on model (tenant_id, vendor_id);

create table team (
    tenant_id   text not null references tenant (id),
    id          text not null,
    name        text not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, id)
);

-- Append-only: the application may insert and read, never update or delete.
create table decision_log (
    id                   uuid primary key,
    tenant_id            text not null references tenant (id),
    team                 text not null,
    model                text not null,
    purpose              text not null,
    data_classification  text not null,
    region               text not null,
    allow                boolean not null,
    reasons              jsonb not null,
    policy_revision      text not null,
    evaluated_at         timestamptz not null,
    client_id            text,
    logged_at            timestamptz not null default now()
);
create index decision_log_tenant_time on decision_log (tenant_id, evaluated_at);

-- Row-level security for a tenant table: rows visible and writable only within the tenant the
-- transaction opened with set_config('app.tenant', ..., true). Later migrations call it too.
create function enable_tenant_isolation(tbl regclass) returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format($p$create policy tenant_isolation on %s
                      using (tenant_id = nullif(current_setting('app.tenant', true), ''))
                      with check (tenant_id = nullif(current_setting('app.tenant', true), ''))$p$, tbl);
end $$;

select enable_tenant_isolation(t) from unnest(array['vendor', 'model', 'team', 'decision_log']::regclass[]) as t;

grant usage on schema public to ${app_role};
grant select, insert on tenant to ${app_role};
grant select, insert, update, delete on vendor, model, team to ${app_role};
grant select, insert on decision_log to ${app_role};
