-- Sovereignty and cost settings: a draft per tenant that officers edit, and immutable published
-- revisions that decisions use. Teams get a default task tier for decisions that name none.

alter table team add column default_task_tier text not null default 'standard'
    check (default_task_tier in ('routine', 'standard', 'critical'));

alter table decision_log add column task_tier text;

create table policy_settings_draft (
    tenant_id   text primary key references tenant (id),
    settings    jsonb not null,
    updated_at  timestamptz not null default now(),
    updated_by  text not null
);

-- Append-only: a rollback is a new revision carrying an earlier one's settings.
create table policy_revision (
    tenant_id       text not null references tenant (id),
    number          integer not null check (number > 0),
    settings        jsonb not null,
    hash            text not null,
    published_at    timestamptz not null default now(),
    published_by    text not null,
    rolled_back_to  integer,
    primary key (tenant_id, number)
);

select enable_tenant_isolation(t) from unnest(array['policy_settings_draft', 'policy_revision']::regclass[]) as t;

grant select, insert, update on policy_settings_draft to ${app_role};
grant select, insert on policy_revision to ${app_role};
