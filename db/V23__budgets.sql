-- Budgets enforced in the decision (issue 22 item 4): a monthly limit per team, or per team and
-- vendor, in one currency. Over it, the decision denies budget_exceeded (or, with on_exceeded
-- 'low-tier-only', allows only low-cost models); from 80% an allowed answer carries a warning.
create table budget (
    tenant_id             text not null references tenant (id),
    id                    uuid not null,
    team                  text not null,
    vendor                text,
    currency              char(3) not null check (currency ~ '^[A-Z]{3}$'),
    monthly_limit_micros  bigint not null check (monthly_limit_micros > 0),
    on_exceeded           text not null check (on_exceeded in ('deny', 'low-tier-only')),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, team) references team (tenant_id, id) on delete cascade,
    foreign key (tenant_id, vendor) references vendor (tenant_id, id) on delete cascade
);
-- One budget per team, and one per team and vendor.
create unique index budget_scope on budget (tenant_id, team, coalesce(vendor, ''));

-- Where a budget stands in a month, as the decision reads it: the spend when the state last
-- changed and its percent of the limit. The usage transaction rewrites a row only when the
-- percent moves within the warning band (80-99) or crosses 80 or 100, so a busy team changes the
-- data every decision reads at most ~21 times a month, not with every call; the decision then
-- names a remaining budget within 1% of the limit. Each rewrite bumps the tenant's data version
-- (db/V13), so every replica decides on it before it answers again.
create table budget_state (
    tenant_id     text not null,
    budget_id     uuid not null,
    month         date not null check (extract(day from month) = 1),
    spent_micros  bigint not null check (spent_micros >= 0),
    percent       integer not null check (percent >= 0),
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, budget_id, month),
    foreign key (tenant_id, budget_id) references budget (tenant_id, id) on delete cascade
);

select enable_tenant_isolation(t) from unnest(array['budget', 'budget_state']::regclass[]) as t;
grant select, insert, update, delete on budget, budget_state to ${app_role};

do $$
declare
    tbl text;
begin
    foreach tbl in array array['budget', 'budget_state'] loop
        execute format('create trigger %1$s_data_inserted after insert on %1$s referencing new table as changed_new
                        for each statement execute function tenant_data_changed_new()', tbl);
        execute format('create trigger %1$s_data_deleted after delete on %1$s referencing old table as changed_old
                        for each statement execute function tenant_data_changed_old()', tbl);
        execute format('create trigger %1$s_data_updated after update on %1$s
                        referencing old table as changed_old new table as changed_new
                        for each statement execute function tenant_data_changed_both()', tbl);
    end loop;
end $$;

-- Budget thresholds are notices too: once per budget, month and threshold, whichever replica saw it.
alter table notice drop constraint notice_kind_check;
alter table notice add constraint notice_kind_check
    check (kind in ('suspension', 'cut_off', 'approval_expiring', 'budget'));
alter table notice drop constraint notice_subject_type_check;
alter table notice add constraint notice_subject_type_check
    check (subject_type in ('vendor', 'model', 'approval', 'budget'));

-- Prices reach the tenant data too (db/V22): the catalog of models a team may use (GET
-- /teams/{team}/models) shows each model's price, so a price change is a data change.
create trigger price_data_inserted after insert on price referencing new table as changed_new
    for each statement execute function tenant_data_changed_new();
create trigger price_data_deleted after delete on price referencing old table as changed_old
    for each statement execute function tenant_data_changed_old();
create trigger price_data_updated after update on price referencing old table as changed_old new table as changed_new
    for each statement execute function tenant_data_changed_both();
