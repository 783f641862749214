-- Notices to the teams a change in what they may use touches: a suspension, an announced cut-off
-- 30 and 7 days ahead and on the day, an approval about to expire; each with the models to move
-- to. One row per (subject, milestone, team), whichever replica noticed first: the unique key is
-- what makes a fleet notify once, and the webhook delivery is queued only by the insert that won.
create table notice (
    tenant_id     text not null references tenant (id),
    id            uuid not null,
    kind          text not null check (kind in ('suspension', 'cut_off', 'approval_expiring')),
    subject_type  text not null check (subject_type in ('vendor', 'model', 'approval')),
    subject_id    text not null,
    milestone     text not null,
    team          text not null,
    title         text not null,
    message       text not null,
    alternatives  jsonb not null default '[]',
    due_at        timestamptz,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, kind, subject_type, subject_id, milestone, team)
);
create index notice_by_team on notice (tenant_id, team, created_at desc);

select enable_tenant_isolation('notice'::regclass);

grant select, insert on notice to ${app_role};
