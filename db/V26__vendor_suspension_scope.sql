-- What a vendor's suspension stops (issue 19 item 8), chosen at suspension time: 'all' (the kill
-- switch as before: the vendor's models wherever their weights run, the tenant's own deployments
-- included) or 'vendor-operated' (only the deployments the vendor itself operates: its API; the
-- same weights on the tenant's own cluster or another operator's cloud go on). Null when not
-- suspended; a suspended vendor written without one (the demo data, say) is suspended outright.
alter table vendor add column suspension_scope text
    check (suspension_scope in ('all', 'vendor-operated'));
-- Vendors suspended before: the kill switch they had. The owner runs this without app.tenant and
-- FORCE ROW LEVEL SECURITY applies to it (db/V17): each tenant in turn.
do $$
declare
    each_tenant text;
begin
    for each_tenant in select id from tenant order by id loop
        perform set_config('app.tenant', each_tenant, true);
        update vendor set suspension_scope = 'all' where tenant_id = each_tenant and suspended;
    end loop;
    perform set_config('app.tenant', '', true);
end $$;
alter table vendor add constraint vendor_suspension_scope_when_suspended
    check (suspended or suspension_scope is null);
