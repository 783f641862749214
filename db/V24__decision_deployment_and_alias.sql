-- Where the call goes (issue 19): asked_deployment is the deployment the question named (null: it
-- left the choice to the policy), deployment the one an allowed call was routed to (null for a
-- deny, or when no deployment of the model qualified); alias the alias the question asked for, whose
-- resolved model is then in model (the alias itself when no candidate could be used). All null on
-- every earlier row. The chained content carries each only when there is one (DecisionChain.content),
-- so earlier hashes stay valid.
alter table decision_log add column asked_deployment text, add column deployment text, add column alias text;
create index decision_log_alias on decision_log (tenant_id, alias, evaluated_at) where alias is not null;

-- append_decisions of V15, storing each row's deployments too; a writer of an earlier release sends
-- none, and its rows get null.
create or replace function append_decisions(rows jsonb) returns jsonb language plpgsql as $$
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
                                  policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash, obligations,
                                  asked_deployment, deployment, alias)
        select d.id, d.tenant_id, d.team, d.model, d.purpose, d.data_classification, d.region, d.allow, d.reasons,
               d.policy_revision, d.evaluated_at, d.client_id, d.task_tier, d.source, c.seq, c.prev_hash, c.hash,
               coalesce(d.obligations, '[]'), d.asked_deployment, d.deployment, d.alias
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
