-- What gateways report they actually used after a decision: tokens, latency, cost. Append-only.
-- A report sent again with the same Idempotency-Key is stored once.
create table usage_report (
    tenant_id        text not null references tenant (id),
    idempotency_key  text not null,
    records          integer not null,
    client_id        text,
    received_at      timestamptz not null default now(),
    primary key (tenant_id, idempotency_key)
);

create table usage_record (
    tenant_id        text not null references tenant (id),
    id               bigint generated always as identity primary key,
    decision_id      uuid not null,
    model            text not null,
    input_tokens     integer not null check (input_tokens >= 0),
    output_tokens    integer not null check (output_tokens >= 0),
    latency_ms       integer not null check (latency_ms >= 0),
    cost_micros      bigint check (cost_micros >= 0),
    idempotency_key  text,
    client_id        text,
    reported_at      timestamptz not null default now()
);
create index usage_record_decision on usage_record (tenant_id, decision_id);
create index usage_record_time on usage_record (tenant_id, reported_at);

select enable_tenant_isolation(t) from unnest(array['usage_report', 'usage_record']::regclass[]) as t;

grant select, insert on usage_report, usage_record to ${app_role};
