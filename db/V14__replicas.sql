-- The replicas that are up, each renewing its row every few seconds (ReplicaRegistry). Limits that
-- hold for the whole fleet, such as a caller's request rate, are divided by the live ones.
create table replica (
    id           uuid primary key,
    host         text        not null,
    started_at   timestamptz not null default now(),
    heartbeat_at timestamptz not null default now()
);
grant select, insert, update, delete on replica to ${app_role};
