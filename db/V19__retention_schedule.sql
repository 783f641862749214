-- Retention on a schedule. Each tenant sets how many days each chained log keeps (null: for ever);
-- once a day one replica of the fleet applies it (RetentionSchedule, under an advisory lock) and
-- every run, scheduled or explicit, is recorded. The usage log is cut and checkpointed too.
create table retention_policy (
    tenant_id       text primary key references tenant (id),
    decisions_days  integer check (decisions_days between 0 and 36500),
    usage_days      integer check (usage_days between 0 and 36500),
    changes_days    integer check (changes_days between 0 and 36500),
    updated_by      text not null,
    updated_at      timestamptz not null default now()
);

create table retention_run (
    tenant_id   text not null references tenant (id),
    id          bigint generated always as identity,
    ran_at      timestamptz not null default now(),
    trigger     text not null check (trigger in ('schedule', 'manual')),
    actor       text not null,
    removed     jsonb not null,
    cut_before  jsonb not null,
    primary key (tenant_id, id)
);
create index retention_run_latest on retention_run (tenant_id, trigger, ran_at desc);

select enable_tenant_isolation(t) from unnest(array['retention_policy', 'retention_run']::regclass[]) as t;
grant select, insert, update on retention_policy to ${app_role};
grant select on retention_run to ${app_role};

alter table log_checkpoint drop constraint log_checkpoint_log_check;
alter table log_checkpoint add constraint log_checkpoint_log_check check (log in ('decisions', 'changes', 'usage'));
