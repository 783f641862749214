-- Spend by where the call went (issue 22, with issue 19's routes): the deployment an allowed call
-- was routed to (decision_log.deployment), its operator and the operator's jurisdiction when the
-- usage arrived. '' for usage whose decision named no deployment (and for every earlier row): the
-- reports show it as unknown. Part of the key, so the upsert adds each route's calls apart.
alter table spend_daily
    add column deployment text not null default '',
    add column operator text not null default '',
    add column operator_jurisdiction text not null default '';
alter table spend_daily drop constraint spend_daily_pkey;
alter table spend_daily add primary key
    (tenant_id, day, team, classification, model, vendor, jurisdiction, currency, deployment, operator, operator_jurisdiction);
