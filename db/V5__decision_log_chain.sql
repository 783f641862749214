-- Tamper evidence for the decision log: each tenant's entries form a hash chain. Portolan's writer
-- numbers them (seq) and computes hash = sha256(content | prev_hash); verify recomputes it, so an
-- UPDATE, DELETE or INSERT made directly in the database shows up as a broken link.
-- Entries logged before this migration stay unchained.
alter table decision_log add column seq bigint;
alter table decision_log add column prev_hash text;
alter table decision_log add column hash text;
create unique index decision_log_chain on decision_log (tenant_id, seq);
