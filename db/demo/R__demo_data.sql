-- Demo data for `make run` (portolan.demo-data=true): two tenants with teams, vendors from
-- several jurisdictions and open-weight and closed models. Idempotent: Flyway re-runs it when
-- this file changes, and rows that exist are left as they are.

insert into tenant (id) values ('acme'), ('globex') on conflict do nothing;

select set_config('app.tenant', 'acme', true);

insert into team (tenant_id, id, name) values
  ('acme', 'research', 'Research'),
  ('acme', 'marketing', 'Marketing'),
  ('acme', 'platform', 'Platform engineering')
on conflict do nothing;

insert into vendor (tenant_id, id, name, jurisdiction, suspended, suspension_reason) values
  ('acme', 'openai', 'OpenAI', 'US', false, null),
  ('acme', 'anthropic', 'Anthropic', 'US', false, null),
  ('acme', 'google', 'Google', 'US', false, null),
  ('acme', 'meta', 'Meta', 'US', false, null),
  ('acme', 'mistral', 'Mistral AI', 'FR', false, null),
  ('acme', 'aleph-alpha', 'Aleph Alpha', 'DE', false, null),
  ('acme', 'stability', 'Stability AI', 'GB', false, null),
  ('acme', 'cohere', 'Cohere', 'CA', false, null),
  ('acme', 'deepseek', 'DeepSeek', 'CN', false, null),
  ('acme', 'alibaba', 'Alibaba Cloud (Qwen)', 'CN', true, 'Suspended pending export-control review')
on conflict do nothing;

insert into model (tenant_id, id, display_name, vendor_id, hosting_regions, open_weights, self_hostable, licence, capabilities, cost_tier, status) values
  ('acme', 'gpt-4o', 'GPT-4o', 'openai', '{eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'approved'),
  ('acme', 'gpt-4o-mini', 'GPT-4o mini', 'openai', '{eu,us}', false, false, 'proprietary', '{chat,code}', 'low', 'approved'),
  ('acme', 'text-embedding-3-large', 'text-embedding-3-large', 'openai', '{eu,us}', false, false, 'proprietary', '{embedding}', 'low', 'approved'),
  ('acme', 'claude-sonnet-4', 'Claude Sonnet 4', 'anthropic', '{eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'approved'),
  ('acme', 'gemini-2.5-pro', 'Gemini 2.5 Pro', 'google', '{apac,eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'proposed'),
  ('acme', 'llama-3.3-70b', 'Llama 3.3 70B Instruct', 'meta', '{apac,eu,uk,us}', true, true, 'Llama 3.3 Community License', '{chat,code}', 'medium', 'approved'),
  ('acme', 'mistral-large-2', 'Mistral Large 2', 'mistral', '{eu}', true, true, 'Mistral Research License', '{chat,code}', 'medium', 'approved'),
  ('acme', 'mistral-small-3', 'Mistral Small 3', 'mistral', '{eu,us}', true, true, 'Apache-2.0', '{chat}', 'low', 'approved'),
  ('acme', 'luminous-supreme', 'Luminous Supreme', 'aleph-alpha', '{eu}', false, true, 'proprietary', '{chat}', 'medium', 'retired'),
  ('acme', 'stablelm-2-12b', 'StableLM 2 12B', 'stability', '{uk,us}', true, true, 'Stability AI Community License', '{chat}', 'low', 'restricted'),
  ('acme', 'command-r-plus', 'Command R+', 'cohere', '{eu,us}', false, false, 'proprietary', '{chat,embedding}', 'medium', 'approved'),
  ('acme', 'deepseek-v3', 'DeepSeek V3', 'deepseek', '{apac,cn,eu}', true, true, 'MIT', '{chat,code}', 'low', 'approved'),
  ('acme', 'deepseek-r1', 'DeepSeek R1', 'deepseek', '{apac,cn}', true, true, 'MIT', '{chat,code}', 'low', 'restricted'),
  ('acme', 'qwen-2.5-72b', 'Qwen 2.5 72B Instruct', 'alibaba', '{apac,cn}', true, true, 'Qwen License', '{chat,code}', 'low', 'approved')
on conflict do nothing;

-- Where acme's models run (db/V17). DeepSeek V3 twice: its weights on acme's own EU cluster
-- (self-hosted, operated in acme's jurisdiction, nothing retained, no training on prompts) and
-- DeepSeek's own API, operated in China. A row V17 made for DeepSeek's API before this file said
-- more takes these terms; rows edited since are left as they are.
insert into deployment (tenant_id, id, model_id, operator, operator_jurisdiction, regions, endpoint,
                        retention_days, trains_on_prompts, zero_data_retention, status) values
  ('acme', 'deepseek-v3-acme-eu', 'deepseek-v3', 'self-hosted', 'FR', '{eu}', 'https://llm.acme.internal/deepseek-v3/v1', 0, false, true, 'active'),
  ('acme', 'deepseek-v3', 'deepseek-v3', 'deepseek', 'CN', '{apac,cn}', 'https://api.deepseek.com/v1', 30, true, false, 'active')
on conflict (tenant_id, id) do update
  set endpoint = excluded.endpoint, retention_days = excluded.retention_days, trains_on_prompts = excluded.trains_on_prompts
  where deployment.endpoint is null and deployment.retention_days is null and deployment.trains_on_prompts is null;

-- The point of deployments (issue 19): DeepSeek V3's weights are approved and hosted in the EU on
-- acme's own cluster. A demo database loaded before this said it was only proposed, hosted in
-- apac and cn: unless someone changed it since, it now says so too.
update model set status = 'approved', hosting_regions = '{apac,cn,eu}'
where tenant_id = 'acme' and id = 'deepseek-v3' and status = 'proposed' and hosting_regions = '{apac,cn}';

-- chat-default: research asks for it and gets GPT-4o; suspend OpenAI and the next call goes to
-- Mistral Small 3 (open weights, EU-hosted), without touching any gateway.
insert into alias (tenant_id, id, description, candidates) values
  ('acme', 'chat-default', 'General chat: the team''s approved default, an EU open model when it is unavailable',
   '[{"model": "gpt-4o"}, {"model": "mistral-small-3"}]')
on conflict do nothing;

select set_config('app.tenant', 'globex', true);

insert into team (tenant_id, id, name) values
  ('globex', 'support', 'Customer support'),
  ('globex', 'engineering', 'Engineering')
on conflict do nothing;

insert into vendor (tenant_id, id, name, jurisdiction, suspended, suspension_reason) values
  ('globex', 'openai', 'OpenAI', 'US', false, null),
  ('globex', 'mistral', 'Mistral AI', 'FR', false, null),
  ('globex', 'deepseek', 'DeepSeek', 'CN', false, null)
on conflict do nothing;

insert into model (tenant_id, id, display_name, vendor_id, hosting_regions, open_weights, self_hostable, licence, capabilities, cost_tier, status) values
  ('globex', 'gpt-4o', 'GPT-4o', 'openai', '{eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'proposed'),
  ('globex', 'mistral-small-3', 'Mistral Small 3', 'mistral', '{eu,us}', true, true, 'Apache-2.0', '{chat}', 'low', 'approved'),
  ('globex', 'deepseek-v3', 'DeepSeek V3', 'deepseek', '{apac,cn}', true, true, 'MIT', '{chat,code}', 'low', 'approved')
on conflict do nothing;

-- Every other demo model runs on its vendor's own API, as db/V17 gives every model that existed
-- before deployments (this file runs after the versioned migrations, so V17 found none of these).
-- Only the demo's own models: a model someone added since gets no deployment unasked.
do $$
declare each_tenant text;
begin
  foreach each_tenant in array array['acme', 'globex'] loop
    perform set_config('app.tenant', each_tenant, true);
    insert into deployment (tenant_id, id, model_id, operator, operator_jurisdiction, regions, status)
    select m.tenant_id, m.id, m.id, v.id, v.jurisdiction, m.hosting_regions, 'active'
    from model m join vendor v on v.tenant_id = m.tenant_id and v.id = m.vendor_id
    where m.tenant_id = each_tenant
      and (m.tenant_id, m.id) in (values
        ('acme', 'gpt-4o'), ('acme', 'gpt-4o-mini'), ('acme', 'text-embedding-3-large'), ('acme', 'claude-sonnet-4'),
        ('acme', 'gemini-2.5-pro'), ('acme', 'llama-3.3-70b'), ('acme', 'mistral-large-2'), ('acme', 'mistral-small-3'),
        ('acme', 'luminous-supreme'), ('acme', 'stablelm-2-12b'), ('acme', 'command-r-plus'), ('acme', 'deepseek-v3'),
        ('acme', 'deepseek-r1'), ('acme', 'qwen-2.5-72b'),
        ('globex', 'gpt-4o'), ('globex', 'mistral-small-3'), ('globex', 'deepseek-v3'))
    on conflict do nothing;
  end loop;
end $$;

-- acme's published sovereignty settings (revision 1): no RU weights for confidential data, no CN
-- or RU weights for restricted data, and no CN or RU operators for either (DeepSeek's weights may
-- run on acme's own EU cluster for confidential data, never through DeepSeek's API in China); US
-- watch-listed for restricted, EU/UK residency, restricted data only on self-hosted open-weight
-- models, cheap models for routine work; alternatives and routes prefer FR.
select set_config('app.tenant', 'acme', true);

insert into policy_revision (tenant_id, number, settings, hash, published_by)
select 'acme', 1, settings, md5(settings::text), 'demo-data'
from (select '{
  "deniedJurisdictions": {"confidential": ["RU"], "restricted": ["CN", "RU"]},
  "watchedJurisdictions": {"restricted": ["US"]},
  "residency": {"confidential": ["eu", "uk"], "restricted": ["eu"]},
  "selfHostedOpenWeightsOnly": ["restricted"],
  "costTiers": {"routine": ["low"], "standard": ["low", "medium", "high"], "critical": ["low", "medium", "high"]},
  "preferences": {"domesticJurisdiction": "FR", "preferOpenWeights": true, "preferLowerCost": true, "preferSelfHosted": true},
  "deployments": {"deniedOperatorJurisdictions": {"confidential": ["CN", "RU"], "restricted": ["CN", "RU"]}}
}'::jsonb as settings) demo
on conflict do nothing;

update team set default_task_tier = 'routine' where tenant_id = 'acme' and id = 'marketing';

-- Approvals in force: which team may use which model for which purpose. Each comes from an
-- approved request (bob or frank asked, alice or erin approved), valid for a year from loading.
create temporary table demo_approval (tenant_id text, team text, model text, purpose text,
                                      max_class text, requester text, approver text) on commit drop;
insert into demo_approval values
  ('acme', 'research', 'gpt-4o', 'chat', 'confidential', 'bob', 'alice'),
  ('acme', 'research', 'gpt-4o-mini', 'chat', 'confidential', 'bob', 'alice'),
  ('acme', 'research', 'claude-sonnet-4', 'chat', 'confidential', 'bob', 'alice'),
  ('acme', 'research', 'llama-3.3-70b', 'chat', 'restricted', 'bob', 'alice'),
  ('acme', 'research', 'mistral-large-2', 'chat', 'restricted', 'bob', 'alice'),
  ('acme', 'research', 'mistral-small-3', 'chat', 'restricted', 'bob', 'alice'),
  ('acme', 'research', 'text-embedding-3-large', 'chat', 'internal', 'bob', 'alice'),
  ('acme', 'research', 'qwen-2.5-72b', 'chat', 'internal', 'bob', 'alice'),
  ('acme', 'research', 'deepseek-v3', 'chat', 'confidential', 'bob', 'alice'),
  ('acme', 'marketing', 'gpt-4o', 'chat', 'internal', 'dave', 'alice'),
  ('acme', 'marketing', 'gpt-4o-mini', 'chat', 'internal', 'dave', 'alice'),
  ('acme', 'marketing', 'claude-sonnet-4', 'chat', 'internal', 'dave', 'alice'),
  ('acme', 'platform', 'llama-3.3-70b', 'chat', 'confidential', 'dave', 'alice'),
  ('acme', 'platform', 'mistral-large-2', 'chat', 'confidential', 'dave', 'alice'),
  ('globex', 'support', 'mistral-small-3', 'chat', 'confidential', 'frank', 'erin'),
  ('globex', 'support', 'deepseek-v3', 'chat', 'internal', 'frank', 'erin');

do $$
declare a record;
begin
  for a in select * from demo_approval loop
    perform set_config('app.tenant', a.tenant_id, true);
    insert into approval_request (tenant_id, id, team, model, purpose, max_data_classification, regions,
                                  justification, requester, status, high_risk, required_approvals, findings)
    values (a.tenant_id, md5(a.tenant_id || a.team || a.model || a.purpose)::uuid, a.team, a.model, a.purpose,
            a.max_class, '{}', 'Demo data', a.requester, 'approved', false, 1, '[]')
    on conflict do nothing;
    if found then
      insert into approval_request_event (tenant_id, request_id, actor, action, comment)
      values (a.tenant_id, md5(a.tenant_id || a.team || a.model || a.purpose)::uuid, a.requester, 'submitted', 'Demo data'),
             (a.tenant_id, md5(a.tenant_id || a.team || a.model || a.purpose)::uuid, a.approver, 'approved', null);
      insert into approval (tenant_id, id, request_id, team, model, purpose, max_data_classification, regions,
                            expires_at, approved_by)
      values (a.tenant_id, md5(a.tenant_id || a.team || a.model || a.purpose || 'approval')::uuid,
              md5(a.tenant_id || a.team || a.model || a.purpose)::uuid, a.team, a.model, a.purpose, a.max_class,
              '{}', now() + interval '365 days', array[a.approver]);
    end if;
  end loop;
end $$;
