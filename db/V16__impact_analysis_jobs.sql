-- Impact analyses as jobs: started by one replica, seen, cancelled and reopened through any.
-- The replica running a job renews heartbeat_at after every batch and reads cancel_requested in
-- the same statement, so a cancel sent to another replica stops the replay at its next batch; a
-- job whose heartbeat is old (its replica died) is marked failed by whichever replica looks first.
create table impact_analysis (
    tenant_id        text not null references tenant (id),
    id               uuid not null,
    status           text not null default 'queued'
                     check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
    requested_by     text not null,
    window_from      timestamptz not null,
    window_to        timestamptz not null,
    total            bigint,
    replayed         bigint not null default 0,
    cancel_requested boolean not null default false,
    runner           text,
    result           jsonb,
    error            text,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    heartbeat_at     timestamptz not null default now(),
    finished_at      timestamptz,
    primary key (tenant_id, id)
);
create index impact_analysis_recent on impact_analysis (tenant_id, created_at desc);
create index impact_analysis_unfinished on impact_analysis (tenant_id, heartbeat_at)
    where status in ('queued', 'running');

select enable_tenant_isolation('impact_analysis'::regclass);

grant select, insert, update on impact_analysis to ${app_role};
