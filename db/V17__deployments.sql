-- Where a model runs (issue 19): a deployment is one endpoint serving a model, run by an operator
-- (the model's vendor, a cloud, or the tenant itself: 'self-hosted') in the operator's
-- jurisdiction, with its data terms. Policy over deployments comes later; this release only
-- records them and carries them to the engine and the OPA bundles.

create table deployment (
    tenant_id              text not null references tenant (id),
    id                     text not null,
    model_id               text not null,
    operator               text not null,
    operator_jurisdiction  char(2) not null check (operator_jurisdiction ~ '^[A-Z]{2}$'),
    regions                text[] not null default '{}',
    endpoint               text,
    -- Data terms. NULL means "not stated", which policy must not read as "safe".
    retention_days         integer check (retention_days between 0 and 36500),
    trains_on_prompts      boolean,
    zero_data_retention    boolean not null default false,
    status                 text not null check (status in ('active', 'suspended')),
    available_from         timestamptz,
    cut_off_at             timestamptz,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    primary key (tenant_id, id),
    -- A model with deployments cannot be deleted until they are (409 still-referenced).
    foreign key (tenant_id, model_id) references model (tenant_id, id),
    check (cut_off_at is null or available_from is null or cut_off_at > available_from),
    check (not zero_data_retention or coalesce(retention_days, 0) = 0)
);
create index deployment_model on deployment (tenant_id, model_id);

select enable_tenant_isolation('deployment');
grant select, insert, update, delete on deployment to ${app_role};

-- A change to deployments reaches the engine and every replica like one to models (db/V13).
create trigger deployment_data_inserted after insert on deployment referencing new table as changed_new
    for each statement execute function tenant_data_changed_new();
create trigger deployment_data_deleted after delete on deployment referencing old table as changed_old
    for each statement execute function tenant_data_changed_old();
create trigger deployment_data_updated after update on deployment
    referencing old table as changed_old new table as changed_new
    for each statement execute function tenant_data_changed_both();

-- Every existing model gets one deployment operated by its vendor, in the vendor's jurisdiction,
-- serving the model's hosting regions, so no existing answer changes. It takes the model's id
-- (deployment ids are unique per tenant, apart from model ids). Models created later get none
-- automatically (db/README.md). The owner runs this without app.tenant, and FORCE ROW LEVEL
-- SECURITY applies to it: set each tenant in turn.
do $$
declare
    each_tenant text;
begin
    for each_tenant in select id from tenant order by id loop
        perform set_config('app.tenant', each_tenant, true);
        insert into deployment (tenant_id, id, model_id, operator, operator_jurisdiction, regions, status)
        select m.tenant_id, m.id, m.id, v.id, v.jurisdiction, m.hosting_regions, 'active'
        from model m join vendor v on v.tenant_id = m.tenant_id and v.id = m.vendor_id
        where m.tenant_id = each_tenant;
    end loop;
    perform set_config('app.tenant', '', true);
end $$;
