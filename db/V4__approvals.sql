-- Approval workflow: requests, their history, and the approvals decisions consume.
-- Requests and approvals reference the team and model, so neither can be deleted while referenced.

create table approval_request (
    tenant_id                text not null references tenant (id),
    id                       uuid not null,
    team                     text not null,
    model                    text not null,
    purpose                  text not null,
    max_data_classification  text not null check (max_data_classification in ('public', 'internal', 'confidential', 'restricted')),
    regions                  text[] not null,
    justification            text not null,
    requested_until          timestamptz,
    requester                text not null,
    status                   text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
    high_risk                boolean not null,
    high_risk_because        text[] not null default '{}',
    required_approvals       integer not null check (required_approvals in (1, 2)),
    findings                 jsonb not null,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, team) references team (tenant_id, id),
    foreign key (tenant_id, model) references model (tenant_id, id)
);
create index approval_request_status on approval_request (tenant_id, status, created_at);

-- Append-only history: who did what to a request, when and why.
create table approval_request_event (
    tenant_id   text not null references tenant (id),
    id          bigint generated always as identity primary key,
    request_id  uuid not null,
    at          timestamptz not null default now(),
    actor       text not null,
    action      text not null check (action in ('submitted', 'approved', 'rejected', 'withdrawn', 'revoked')),
    comment     text,
    detail      jsonb,
    foreign key (tenant_id, request_id) references approval_request (tenant_id, id)
);
create index approval_request_event_request on approval_request_event (tenant_id, request_id, id);

create table approval (
    tenant_id                text not null references tenant (id),
    id                       uuid not null,
    request_id               uuid not null,
    team                     text not null,
    model                    text not null,
    purpose                  text not null,
    max_data_classification  text not null check (max_data_classification in ('public', 'internal', 'confidential', 'restricted')),
    regions                  text[] not null,
    expires_at               timestamptz not null,
    approved_by              text[] not null,
    created_at               timestamptz not null default now(),
    revoked_at               timestamptz,
    revoked_by               text,
    revoke_reason            text,
    primary key (tenant_id, id),
    foreign key (tenant_id, request_id) references approval_request (tenant_id, id),
    foreign key (tenant_id, team) references team (tenant_id, id),
    foreign key (tenant_id, model) references model (tenant_id, id)
);
create index approval_team_model on approval (tenant_id, team, model);

select enable_tenant_isolation(t) from unnest(array['approval_request', 'approval_request_event', 'approval']::regclass[]) as t;

grant select, insert, update on approval_request to ${app_role};
grant select, insert on approval_request_event to ${app_role};
grant select, insert, update on approval to ${app_role};
