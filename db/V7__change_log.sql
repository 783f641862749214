-- The admin audit trail: every change to a tenant's inventory, settings, revisions and approvals,
-- with actor, time, action and the JSON before and after. Written in the transaction that makes
-- the change, hash-chained per tenant like the decision log, append-only for the application.
create table change_log (
    tenant_id    text not null references tenant (id),
    seq          bigint not null,
    id           uuid not null,
    at           timestamptz not null,
    actor        text not null,
    action       text not null,
    entity_type  text not null,
    entity_id    text not null,
    before       jsonb,
    after        jsonb,
    prev_hash    text not null,
    hash         text not null,
    primary key (tenant_id, seq)
);
create index change_log_time on change_log (tenant_id, at);

select enable_tenant_isolation('change_log');

grant select, insert on change_log to ${app_role};
