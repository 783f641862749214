-- Retention: old log entries are removed only by the explicit retention job, which runs as the
-- schema owner and first records a checkpoint: the place and hash of the last removed entry, so
-- the chain that remains still verifies from there.
create table log_checkpoint (
    tenant_id     text not null references tenant (id),
    log           text not null check (log in ('decisions', 'changes')),
    seq           bigint not null,
    hash          text not null,
    cut_before    timestamptz not null,
    rows_removed  bigint not null,
    actor         text not null,
    at            timestamptz not null default now(),
    primary key (tenant_id, log, seq)
);

select enable_tenant_isolation('log_checkpoint');

grant select on log_checkpoint to ${app_role};
