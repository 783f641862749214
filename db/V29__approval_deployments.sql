-- An approval may be limited to some deployments of its model (issue 19): "research may use
-- deepseek-v3 on our own EU cluster, not through DeepSeek's API". Empty: any deployment, as before.
-- The request names what is asked; officers may narrow it when approving (approval.deployments).
alter table approval_request add column deployments text[] not null default '{}';
alter table approval add column deployments text[] not null default '{}';
