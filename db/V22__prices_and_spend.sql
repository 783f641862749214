-- Spend (issue 22): what a model costs, and running totals of what each team used and spent.
--
-- A price is per million input and output tokens, in a currency, valid over [valid_from, valid_to)
-- (valid_to NULL: until further notice). deployment_id NULL prices the model wherever it runs; a
-- deployment's own price comes later with routing. Prices of one model never overlap: the service
-- checks under a per-model lock, since an exclusion constraint would need btree_gist.
create table price (
    tenant_id           text not null references tenant (id),
    id                  uuid not null,
    model_id            text not null,
    deployment_id       text,
    currency            char(3) not null check (currency ~ '^[A-Z]{3}$'),
    input_per_million   numeric(18, 6) not null check (input_per_million >= 0),
    output_per_million  numeric(18, 6) not null check (output_per_million >= 0),
    valid_from          timestamptz not null,
    valid_to            timestamptz,
    source              text not null check (source in ('manual', 'litellm')),
    created_at          timestamptz not null default now(),
    primary key (tenant_id, id),
    -- A model's prices go with it: usage is costed when it is reported, so no stored cost needs them.
    foreign key (tenant_id, model_id) references model (tenant_id, id) on delete cascade,
    foreign key (tenant_id, deployment_id) references deployment (tenant_id, id) on delete cascade,
    check (valid_to is null or valid_to > valid_from)
);
create index price_of_model on price (tenant_id, model_id, valid_from);

-- One row per day (UTC, of the decision), team, data classification of the decision, model, the
-- model's vendor and its jurisdiction when the usage arrived, and currency: what the spend report reads, so a month's report sums at
-- most days × teams × models rows however long the usage log is. Usage stores and this rollup
-- change in one transaction; concurrent replicas add with an upsert. The rollup outlives the
-- usage log's retention on purpose: it names teams and models, no person and no call.
create table spend_daily (
    tenant_id       text not null references tenant (id),
    day             date not null,
    team            text not null,
    classification  text not null,
    model           text not null,
    vendor          text not null,
    jurisdiction    text not null,
    currency        char(3) not null,
    calls           bigint not null,
    input_tokens    bigint not null,
    output_tokens   bigint not null,
    -- Reported costs plus costs priced from the price list; unpriced calls add nothing here.
    cost_micros     bigint not null,
    unpriced_calls  bigint not null,
    primary key (tenant_id, day, team, classification, model, vendor, jurisdiction, currency)
);

select enable_tenant_isolation(t) from unnest(array['price', 'spend_daily']::regclass[]) as t;

grant select, insert, update, delete on price to ${app_role};
grant select, insert, update, delete on spend_daily to ${app_role};

-- Usage already stored becomes the rollup's first rows. Nothing was priced before this release, so
-- only reported costs count; a call without one is unpriced. Costs without a price are taken as USD.
do $$
declare
    each_tenant text;
begin
    for each_tenant in select id from tenant order by id loop
        perform set_config('app.tenant', each_tenant, true);
        insert into spend_daily (tenant_id, day, team, classification, model, vendor, jurisdiction, currency, calls,
                                 input_tokens, output_tokens, cost_micros, unpriced_calls)
        select u.tenant_id, (d.evaluated_at at time zone 'UTC')::date, d.team, d.data_classification, u.model,
               coalesce(m.vendor_id, ''),
               coalesce(v.jurisdiction, ''), 'USD', count(*), sum(u.input_tokens), sum(u.output_tokens),
               coalesce(sum(u.cost_micros), 0), count(*) filter (where u.cost_micros is null)
        from usage_record u
        join decision_log d on d.tenant_id = u.tenant_id and d.id = u.decision_id
        left join model m on m.tenant_id = u.tenant_id and m.id = u.model
        left join vendor v on v.tenant_id = m.tenant_id and v.id = m.vendor_id
        where u.tenant_id = each_tenant
        group by 1, 2, 3, 4, 5, 6, 7;
    end loop;
    perform set_config('app.tenant', '', true);
end $$;

-- Dependency ceilings: the most of the tenant's calls (of one data classification, or of all when
-- classification is '') that may rest on one vendor or one vendor jurisdiction. Breaches are
-- warnings on the overview and the portability screen, not denials.
create table dependency_ceiling (
    tenant_id          text not null references tenant (id),
    dimension          text not null check (dimension in ('vendor', 'jurisdiction')),
    classification     text not null check (classification in ('', 'public', 'internal', 'confidential', 'restricted')),
    max_share_percent  integer not null check (max_share_percent between 1 and 100),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, dimension, classification)
);
select enable_tenant_isolation('dependency_ceiling'::regclass);
grant select, insert, update, delete on dependency_ceiling to ${app_role};
