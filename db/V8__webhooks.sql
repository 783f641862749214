-- Outbound webhooks: one endpoint per tenant, signed with a secret that is shown once, and an
-- outbox of deliveries written in the transaction of the event, retried with backoff.
create table webhook (
    tenant_id   text primary key references tenant (id),
    url         text not null,
    secret      text not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table webhook_delivery (
    tenant_id        text not null references tenant (id),
    id               uuid not null,
    event_type       text not null,
    payload          jsonb not null,
    created_at       timestamptz not null default now(),
    status           text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    primary key (tenant_id, id)
);
create index webhook_delivery_due on webhook_delivery (tenant_id, status, next_attempt_at);

select enable_tenant_isolation(t) from unnest(array['webhook', 'webhook_delivery']::regclass[]) as t;

grant select, insert, update, delete on webhook to ${app_role};
grant select, insert, update on webhook_delivery to ${app_role};
