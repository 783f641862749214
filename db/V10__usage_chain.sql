-- Usage records join the tamper evidence: numbered and hash-chained per tenant like the other logs.
alter table usage_record add column seq bigint;
alter table usage_record add column prev_hash text;
alter table usage_record add column hash text;
create unique index usage_record_chain on usage_record (tenant_id, seq);
