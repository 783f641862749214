-- Where a logged decision was made: Portolan's own decision API, or a gateway's OPA sidecar that
-- uploaded its decision log. Sidecar uploads are retried, so their decision ids may repeat.
alter table decision_log add column source text not null default 'api'
    check (source in ('api', 'opa-sidecar'));
