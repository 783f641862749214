-- Aliases (issue 19 item 4): logical model names a tenant defines. candidates is the ordered list
-- decisions resolve by ([{model, deployment?}], 1 to 20); draft_candidates, when not null, the list
-- drafted to replace it, previewed (impact) before it is published. A model of the same id wins
-- over an alias: the service refuses such a name, and the policy checks models first.
create table alias (
    tenant_id          text not null references tenant (id),
    id                 text not null,
    description        text,
    candidates         jsonb not null check (jsonb_typeof(candidates) = 'array'
                                             and jsonb_array_length(candidates) between 1 and 20),
    draft_description  text,
    draft_candidates   jsonb check (draft_candidates is null or (jsonb_typeof(draft_candidates) = 'array'
                                             and jsonb_array_length(draft_candidates) between 1 and 20)),
    drafted_at         timestamptz,
    drafted_by         text,
    created_at         timestamptz not null default now(),
    published_at       timestamptz not null default now(),
    primary key (tenant_id, id)
);

select enable_tenant_isolation('alias'::regclass);
grant select, insert, update, delete on alias to ${app_role};

-- Published candidates decide: a change bumps the tenant's data version (db/V13) like the
-- inventory's. (Saving a draft bumps it too: a statement trigger with transition tables cannot
-- name columns; a reload more is harmless.)
create trigger alias_data_inserted after insert on alias referencing new table as changed_new
    for each statement execute function tenant_data_changed_new();
create trigger alias_data_deleted after delete on alias referencing old table as changed_old
    for each statement execute function tenant_data_changed_old();
create trigger alias_data_updated after update on alias referencing old table as changed_old new table as changed_new
    for each statement execute function tenant_data_changed_both();
