-- Appends a group-commit batch of decision-log rows in one statement, so that the writer's
-- transaction is two round trips, BEGIN with this statement then COMMIT (it was three: BEGIN with
-- set_config, the INSERT, then COMMIT). Each tenant's rows are inserted under that tenant's
-- app.tenant, so row-level security checks every row exactly as before; the function runs with
-- its caller's rights.
-- rows: a JSON array of objects named like decision_log's columns. Returns the rows inserted.
create function append_decisions(rows jsonb) returns integer language plpgsql as $$
declare
    batch_tenant text;
    appended integer := 0;
    inserted integer;
begin
    for batch_tenant in select distinct r ->> 'tenant_id' from jsonb_array_elements(rows) r loop
        perform set_config('app.tenant', batch_tenant, true);
        insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region, allow, reasons,
                                  policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash)
        select id, tenant_id, team, model, purpose, data_classification, region, allow, reasons,
               policy_revision, evaluated_at, client_id, task_tier, source, seq, prev_hash, hash
        from jsonb_populate_recordset(null::decision_log, rows)
        where tenant_id = batch_tenant;
        get diagnostics inserted = row_count;
        appended := appended + inserted;
    end loop;
    return appended;
end $$;

revoke all on function append_decisions(jsonb) from public;
grant execute on function append_decisions(jsonb) to ${app_role};
