-- A fleet of replicas on one database (issue: "A fleet, not a process").
--
-- 1. Each tenant's data version lives here and is bumped, with a notification, in the same
--    transaction as any change to what decides (vendors, models, teams, approvals, published
--    revisions). Replicas LISTEN on portolan_tenant_data (payload "<tenant> <version>") and reload;
--    the decision log refuses a decision evaluated on an older version (below).
-- 2. The decision chain's head is decided here, under a per-tenant row lock, so several replicas
--    logging for one tenant never collide.

alter table tenant add column data_version bigint not null default 1;

create function notify_tenant_data(tenant_ids text[]) returns void language plpgsql
security definer set search_path from current as $$
declare
    changed_tenant text;
    changed_version bigint;
begin
    for changed_tenant, changed_version in
        update tenant set data_version = data_version + 1 where id = any(tenant_ids) returning id, data_version
    loop
        perform pg_notify('portolan_tenant_data', changed_tenant || ' ' || changed_version);
    end loop;
end $$;

revoke all on function notify_tenant_data(text[]) from public;

create function tenant_data_changed_new() returns trigger language plpgsql
security definer set search_path from current as $$
begin
    perform notify_tenant_data(array(select distinct tenant_id from changed_new));
    return null;
end $$;

create function tenant_data_changed_old() returns trigger language plpgsql
security definer set search_path from current as $$
begin
    perform notify_tenant_data(array(select distinct tenant_id from changed_old));
    return null;
end $$;

create function tenant_data_changed_both() returns trigger language plpgsql
security definer set search_path from current as $$
begin
    perform notify_tenant_data(array(select tenant_id from changed_new union select tenant_id from changed_old));
    return null;
end $$;

-- Statement-level triggers with transition tables: a bulk load bumps each tenant once, not per row.
do $$
declare
    tbl text;
begin
    foreach tbl in array array['vendor', 'model', 'team', 'approval', 'policy_revision'] loop
        execute format('create trigger %1$s_data_inserted after insert on %1$s referencing new table as changed_new
                        for each statement execute function tenant_data_changed_new()', tbl);
        execute format('create trigger %1$s_data_deleted after delete on %1$s referencing old table as changed_old
                        for each statement execute function tenant_data_changed_old()', tbl);
        execute format('create trigger %1$s_data_updated after update on %1$s
                        referencing old table as changed_old new table as changed_new
                        for each statement execute function tenant_data_changed_both()', tbl);
    end loop;
end $$;

-- A new tenant: every replica loads its (empty) data at once.
create function tenant_registered() returns trigger language plpgsql as $$
begin
    perform pg_notify('portolan_tenant_data', r.id || ' ' || r.data_version) from registered r;
    return null;
end $$;
create trigger tenant_registered after insert on tenant referencing new table as registered
    for each statement execute function tenant_registered();

create table decision_chain_head (
    tenant_id text primary key references tenant (id),
    seq       bigint not null,
    hash      text   not null
);
select enable_tenant_isolation('decision_chain_head');
grant select, insert, update on decision_chain_head to ${app_role};

-- Appends a group-commit batch (see V12). Rows that carry "chain_content" (the hashed fields, as
-- DecisionChain.content writes them) are numbered and hashed here, after the tenant's head, which
-- is locked for the rest of the transaction: hash = sha256(seq \n chain_content \n prev_hash).
-- Rows with "data_version" older than the tenant's current one are not inserted: they were
-- evaluated on data a change has replaced since, and the writer evaluates them again. Rows without
-- chain_content (a writer of an earlier release, during a rolling update) are inserted as sent.
-- Returns {"stale": [ids not inserted]}.
drop function append_decisions(jsonb);
create function append_decisions(rows jsonb) returns jsonb language plpgsql as $$
declare
    batch_tenant text;
    current_version bigint;
    head_seq bigint;
    head_hash text;
    row_json jsonb;
    seqs bigint[];
    prevs text[];
    hashes text[];
    stale jsonb := '[]';
begin
    -- A writer that died between this statement and its COMMIT must not hold a tenant's head
    -- for the others until TCP gives up: its session ends after 10 s idle, and the others give up
    -- waiting for a head after 2 s (their batch is refused, 503, and retried by the caller).
    perform set_config('idle_in_transaction_session_timeout', '10s', true);
    perform set_config('lock_timeout', '2s', true);
    -- Heads are locked in tenant order, so two batches holding the same tenants never deadlock.
    for batch_tenant in select distinct r ->> 'tenant_id' from jsonb_array_elements(rows) r order by 1 loop
        perform set_config('app.tenant', batch_tenant, true);
        select data_version into current_version from tenant where id = batch_tenant;
        select coalesce(jsonb_agg(r -> 'id'), '[]') || stale into stale from jsonb_array_elements(rows) r
        where r ->> 'tenant_id' = batch_tenant and (r ->> 'data_version')::bigint < current_version;

        insert into decision_chain_head (tenant_id, seq, hash)
        select batch_tenant, coalesce(max(seq), 0),
               coalesce((select hash from decision_log where tenant_id = batch_tenant and seq is not null
                         order by seq desc limit 1), 'genesis')
        from decision_log where tenant_id = batch_tenant and seq is not null
        on conflict (tenant_id) do nothing;
        select seq, hash into head_seq, head_hash from decision_chain_head where tenant_id = batch_tenant for update;

        seqs := '{}'; prevs := '{}'; hashes := '{}';
        for row_json in
            select r from jsonb_array_elements(rows) with ordinality e(r, n)
            where r ->> 'tenant_id' = batch_tenant and r ? 'chain_content'
              and coalesce((r ->> 'data_version')::bigint, current_version) >= current_version
            order by n
        loop
            prevs := prevs || head_hash;
            head_seq := head_seq + 1;
            head_hash := encode(sha256(convert_to(head_seq || E'\n' || (row_json ->> 'chain_content') || E'\n' || head_hash, 'UTF8')), 'hex');
            seqs := seqs || head_seq;
            hashes := hashes || head_hash;
        end loop;
        if cardinality(seqs) > 0 then
            update decision_chain_head set seq = head_seq, hash = head_hash where tenant_id = batch_tenant;
        end if;

        insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region, allow, reasons,
                                  policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash)
        select d.id, d.tenant_id, d.team, d.model, d.purpose, d.data_classification, d.region, d.allow, d.reasons,
               d.policy_revision, d.evaluated_at, d.client_id, d.task_tier, d.source, c.seq, c.prev_hash, c.hash
        from (select p.*, row_number() over (order by e.n) as i
              from jsonb_array_elements(rows) with ordinality e(r, n)
              cross join lateral jsonb_populate_record(null::decision_log, e.r) p
              where e.r ->> 'tenant_id' = batch_tenant and e.r ? 'chain_content'
                and coalesce((e.r ->> 'data_version')::bigint, current_version) >= current_version) d
        join unnest(seqs, prevs, hashes) with ordinality c(seq, prev_hash, hash, i) using (i);

        -- An earlier release's rows, chained by their writer.
        insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region, allow, reasons,
                                  policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash)
        select id, tenant_id, team, model, purpose, data_classification, region, allow, reasons,
               policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash
        from jsonb_populate_recordset(null::decision_log,
                 (select coalesce(jsonb_agg(r), '[]') from jsonb_array_elements(rows) r
                  where r ->> 'tenant_id' = batch_tenant and not r ? 'chain_content'))
        where tenant_id = batch_tenant;
        if found then
            update decision_chain_head h set seq = l.seq, hash = l.hash
            from (select seq, hash from decision_log where tenant_id = batch_tenant and seq is not null
                  order by seq desc limit 1) l
            where h.tenant_id = batch_tenant and l.seq > h.seq;
        end if;
    end loop;
    return jsonb_build_object('stale', stale);
end $$;

revoke all on function append_decisions(jsonb) from public;
grant execute on function append_decisions(jsonb) to ${app_role};
