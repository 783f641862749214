-- Portolan's database as release 5e0ef24 (5e0ef242ce1805a542c5e53f1feb5616b82125f2) left it: every migration of that commit, the
-- demo data and a few logged decisions and usage records. Written by bin/release-schema.sh;
-- ReleaseUpgradeIT migrates it to the current db/. Never edit by hand.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: append_decisions(jsonb); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.append_decisions(rows jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
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


ALTER FUNCTION public.append_decisions(rows jsonb) OWNER TO portolan_owner;

--
-- Name: enable_tenant_isolation(regclass); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.enable_tenant_isolation(tbl regclass) RETURNS void
    LANGUAGE plpgsql
    AS $_$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format($p$create policy tenant_isolation on %s
                      using (tenant_id = nullif(current_setting('app.tenant', true), ''))
                      with check (tenant_id = nullif(current_setting('app.tenant', true), ''))$p$, tbl);
end $_$;


ALTER FUNCTION public.enable_tenant_isolation(tbl regclass) OWNER TO portolan_owner;

--
-- Name: notify_tenant_data(text[]); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.notify_tenant_data(tenant_ids text[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', '$user', 'public'
    AS $$
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


ALTER FUNCTION public.notify_tenant_data(tenant_ids text[]) OWNER TO portolan_owner;

--
-- Name: tenant_data_changed_both(); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.tenant_data_changed_both() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', '$user', 'public'
    AS $$
begin
    perform notify_tenant_data(array(select tenant_id from changed_new union select tenant_id from changed_old));
    return null;
end $$;


ALTER FUNCTION public.tenant_data_changed_both() OWNER TO portolan_owner;

--
-- Name: tenant_data_changed_new(); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.tenant_data_changed_new() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', '$user', 'public'
    AS $$
begin
    perform notify_tenant_data(array(select distinct tenant_id from changed_new));
    return null;
end $$;


ALTER FUNCTION public.tenant_data_changed_new() OWNER TO portolan_owner;

--
-- Name: tenant_data_changed_old(); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.tenant_data_changed_old() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', '$user', 'public'
    AS $$
begin
    perform notify_tenant_data(array(select distinct tenant_id from changed_old));
    return null;
end $$;


ALTER FUNCTION public.tenant_data_changed_old() OWNER TO portolan_owner;

--
-- Name: tenant_registered(); Type: FUNCTION; Schema: public; Owner: portolan_owner
--

CREATE FUNCTION public.tenant_registered() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform pg_notify('portolan_tenant_data', r.id || ' ' || r.data_version) from registered r;
    return null;
end $$;


ALTER FUNCTION public.tenant_registered() OWNER TO portolan_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alias; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.alias (
    tenant_id text NOT NULL,
    id text NOT NULL,
    description text,
    candidates jsonb NOT NULL,
    draft_description text,
    draft_candidates jsonb,
    drafted_at timestamp with time zone,
    drafted_by text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT alias_candidates_check CHECK (((jsonb_typeof(candidates) = 'array'::text) AND ((jsonb_array_length(candidates) >= 1) AND (jsonb_array_length(candidates) <= 20)))),
    CONSTRAINT alias_draft_candidates_check CHECK (((draft_candidates IS NULL) OR ((jsonb_typeof(draft_candidates) = 'array'::text) AND ((jsonb_array_length(draft_candidates) >= 1) AND (jsonb_array_length(draft_candidates) <= 20)))))
);

ALTER TABLE ONLY public.alias FORCE ROW LEVEL SECURITY;


ALTER TABLE public.alias OWNER TO portolan_owner;

--
-- Name: approval; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.approval (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    request_id uuid NOT NULL,
    team text NOT NULL,
    model text NOT NULL,
    purpose text NOT NULL,
    max_data_classification text NOT NULL,
    regions text[] NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    approved_by text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by text,
    revoke_reason text,
    deployments text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT approval_max_data_classification_check CHECK ((max_data_classification = ANY (ARRAY['public'::text, 'internal'::text, 'confidential'::text, 'restricted'::text])))
);

ALTER TABLE ONLY public.approval FORCE ROW LEVEL SECURITY;


ALTER TABLE public.approval OWNER TO portolan_owner;

--
-- Name: approval_request; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.approval_request (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    team text NOT NULL,
    model text NOT NULL,
    purpose text NOT NULL,
    max_data_classification text NOT NULL,
    regions text[] NOT NULL,
    justification text NOT NULL,
    requested_until timestamp with time zone,
    requester text NOT NULL,
    status text NOT NULL,
    high_risk boolean NOT NULL,
    high_risk_because text[] DEFAULT '{}'::text[] NOT NULL,
    required_approvals integer NOT NULL,
    findings jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deployments text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT approval_request_max_data_classification_check CHECK ((max_data_classification = ANY (ARRAY['public'::text, 'internal'::text, 'confidential'::text, 'restricted'::text]))),
    CONSTRAINT approval_request_required_approvals_check CHECK ((required_approvals = ANY (ARRAY[1, 2]))),
    CONSTRAINT approval_request_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'rejected'::text, 'withdrawn'::text])))
);

ALTER TABLE ONLY public.approval_request FORCE ROW LEVEL SECURITY;


ALTER TABLE public.approval_request OWNER TO portolan_owner;

--
-- Name: approval_request_event; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.approval_request_event (
    tenant_id text NOT NULL,
    id bigint NOT NULL,
    request_id uuid NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    comment text,
    detail jsonb,
    CONSTRAINT approval_request_event_action_check CHECK ((action = ANY (ARRAY['submitted'::text, 'approved'::text, 'rejected'::text, 'withdrawn'::text, 'revoked'::text])))
);

ALTER TABLE ONLY public.approval_request_event FORCE ROW LEVEL SECURITY;


ALTER TABLE public.approval_request_event OWNER TO portolan_owner;

--
-- Name: approval_request_event_id_seq; Type: SEQUENCE; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.approval_request_event ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.approval_request_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: budget; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.budget (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    team text NOT NULL,
    vendor text,
    currency character(3) NOT NULL,
    monthly_limit_micros bigint NOT NULL,
    on_exceeded text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT budget_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT budget_monthly_limit_micros_check CHECK ((monthly_limit_micros > 0)),
    CONSTRAINT budget_on_exceeded_check CHECK ((on_exceeded = ANY (ARRAY['deny'::text, 'low-tier-only'::text])))
);

ALTER TABLE ONLY public.budget FORCE ROW LEVEL SECURITY;


ALTER TABLE public.budget OWNER TO portolan_owner;

--
-- Name: budget_state; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.budget_state (
    tenant_id text NOT NULL,
    budget_id uuid NOT NULL,
    month date NOT NULL,
    spent_micros bigint NOT NULL,
    percent integer NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT budget_state_month_check CHECK ((EXTRACT(day FROM month) = (1)::numeric)),
    CONSTRAINT budget_state_percent_check CHECK ((percent >= 0)),
    CONSTRAINT budget_state_spent_micros_check CHECK ((spent_micros >= 0))
);

ALTER TABLE ONLY public.budget_state FORCE ROW LEVEL SECURITY;


ALTER TABLE public.budget_state OWNER TO portolan_owner;

--
-- Name: bundle_signing_key; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.bundle_signing_key (
    tenant_id text NOT NULL,
    key_id text NOT NULL,
    algorithm text NOT NULL,
    public_key_pem text NOT NULL,
    private_key_jwe text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    active_from timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT bundle_signing_key_algorithm_check CHECK ((algorithm = 'ES256'::text))
);

ALTER TABLE ONLY public.bundle_signing_key FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bundle_signing_key OWNER TO portolan_owner;

--
-- Name: change_log; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.change_log (
    tenant_id text NOT NULL,
    seq bigint NOT NULL,
    id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    before jsonb,
    after jsonb,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

ALTER TABLE ONLY public.change_log FORCE ROW LEVEL SECURITY;


ALTER TABLE public.change_log OWNER TO portolan_owner;

--
-- Name: decision_chain_head; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.decision_chain_head (
    tenant_id text NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL
);

ALTER TABLE ONLY public.decision_chain_head FORCE ROW LEVEL SECURITY;


ALTER TABLE public.decision_chain_head OWNER TO portolan_owner;

--
-- Name: decision_log; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.decision_log (
    id uuid NOT NULL,
    tenant_id text NOT NULL,
    team text NOT NULL,
    model text NOT NULL,
    purpose text NOT NULL,
    data_classification text NOT NULL,
    region text NOT NULL,
    allow boolean NOT NULL,
    reasons jsonb NOT NULL,
    policy_revision text NOT NULL,
    evaluated_at timestamp with time zone NOT NULL,
    client_id text,
    logged_at timestamp with time zone DEFAULT now() NOT NULL,
    task_tier text,
    source text DEFAULT 'api'::text NOT NULL,
    seq bigint,
    prev_hash text,
    hash text,
    obligations jsonb DEFAULT '[]'::jsonb NOT NULL,
    asked_deployment text,
    deployment text,
    alias text,
    CONSTRAINT decision_log_source_check CHECK ((source = ANY (ARRAY['api'::text, 'opa-sidecar'::text])))
);

ALTER TABLE ONLY public.decision_log FORCE ROW LEVEL SECURITY;


ALTER TABLE public.decision_log OWNER TO portolan_owner;

--
-- Name: dependency_ceiling; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.dependency_ceiling (
    tenant_id text NOT NULL,
    dimension text NOT NULL,
    classification text NOT NULL,
    max_share_percent integer NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dependency_ceiling_classification_check CHECK ((classification = ANY (ARRAY[''::text, 'public'::text, 'internal'::text, 'confidential'::text, 'restricted'::text]))),
    CONSTRAINT dependency_ceiling_dimension_check CHECK ((dimension = ANY (ARRAY['vendor'::text, 'jurisdiction'::text, 'operatorJurisdiction'::text]))),
    CONSTRAINT dependency_ceiling_max_share_percent_check CHECK (((max_share_percent >= 1) AND (max_share_percent <= 100)))
);

ALTER TABLE ONLY public.dependency_ceiling FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dependency_ceiling OWNER TO portolan_owner;

--
-- Name: deployment; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.deployment (
    tenant_id text NOT NULL,
    id text NOT NULL,
    model_id text NOT NULL,
    operator text NOT NULL,
    operator_jurisdiction character(2) NOT NULL,
    regions text[] DEFAULT '{}'::text[] NOT NULL,
    endpoint text,
    retention_days integer,
    trains_on_prompts boolean,
    zero_data_retention boolean DEFAULT false NOT NULL,
    status text NOT NULL,
    available_from timestamp with time zone,
    cut_off_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT deployment_check CHECK (((cut_off_at IS NULL) OR (available_from IS NULL) OR (cut_off_at > available_from))),
    CONSTRAINT deployment_check1 CHECK (((NOT zero_data_retention) OR (COALESCE(retention_days, 0) = 0))),
    CONSTRAINT deployment_operator_jurisdiction_check CHECK ((operator_jurisdiction ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT deployment_retention_days_check CHECK (((retention_days >= 0) AND (retention_days <= 36500))),
    CONSTRAINT deployment_status_check CHECK ((status = ANY (ARRAY['active'::text, 'suspended'::text])))
);

ALTER TABLE ONLY public.deployment FORCE ROW LEVEL SECURITY;


ALTER TABLE public.deployment OWNER TO portolan_owner;

--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


ALTER TABLE public.flyway_schema_history OWNER TO portolan_owner;

--
-- Name: impact_analysis; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.impact_analysis (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    requested_by text NOT NULL,
    window_from timestamp with time zone NOT NULL,
    window_to timestamp with time zone NOT NULL,
    total bigint,
    replayed bigint DEFAULT 0 NOT NULL,
    cancel_requested boolean DEFAULT false NOT NULL,
    runner text,
    result jsonb,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    heartbeat_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT impact_analysis_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'done'::text, 'failed'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY public.impact_analysis FORCE ROW LEVEL SECURITY;


ALTER TABLE public.impact_analysis OWNER TO portolan_owner;

--
-- Name: log_checkpoint; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.log_checkpoint (
    tenant_id text NOT NULL,
    log text NOT NULL,
    seq bigint NOT NULL,
    hash text NOT NULL,
    cut_before timestamp with time zone NOT NULL,
    rows_removed bigint NOT NULL,
    actor text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT log_checkpoint_log_check CHECK ((log = ANY (ARRAY['decisions'::text, 'changes'::text, 'usage'::text])))
);

ALTER TABLE ONLY public.log_checkpoint FORCE ROW LEVEL SECURITY;


ALTER TABLE public.log_checkpoint OWNER TO portolan_owner;

--
-- Name: model; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.model (
    tenant_id text NOT NULL,
    id text NOT NULL,
    display_name text NOT NULL,
    vendor_id text NOT NULL,
    hosting_regions text[] DEFAULT '{}'::text[] NOT NULL,
    open_weights boolean NOT NULL,
    self_hostable boolean NOT NULL,
    licence text,
    capabilities text[] DEFAULT '{}'::text[] NOT NULL,
    cost_tier text NOT NULL,
    status text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    cut_off_at timestamp with time zone,
    cut_off_reason text,
    CONSTRAINT model_cost_tier_check CHECK ((cost_tier = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text]))),
    CONSTRAINT model_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'approved'::text, 'restricted'::text, 'suspended'::text, 'retired'::text])))
);

ALTER TABLE ONLY public.model FORCE ROW LEVEL SECURITY;


ALTER TABLE public.model OWNER TO portolan_owner;

--
-- Name: notice; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.notice (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    kind text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    milestone text NOT NULL,
    team text NOT NULL,
    title text NOT NULL,
    message text NOT NULL,
    alternatives jsonb DEFAULT '[]'::jsonb NOT NULL,
    due_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notice_kind_check CHECK ((kind = ANY (ARRAY['suspension'::text, 'cut_off'::text, 'approval_expiring'::text, 'budget'::text]))),
    CONSTRAINT notice_subject_type_check CHECK ((subject_type = ANY (ARRAY['vendor'::text, 'model'::text, 'approval'::text, 'budget'::text])))
);

ALTER TABLE ONLY public.notice FORCE ROW LEVEL SECURITY;


ALTER TABLE public.notice OWNER TO portolan_owner;

--
-- Name: policy_revision; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.policy_revision (
    tenant_id text NOT NULL,
    number integer NOT NULL,
    settings jsonb NOT NULL,
    hash text NOT NULL,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    published_by text NOT NULL,
    rolled_back_to integer,
    CONSTRAINT policy_revision_number_check CHECK ((number > 0))
);

ALTER TABLE ONLY public.policy_revision FORCE ROW LEVEL SECURITY;


ALTER TABLE public.policy_revision OWNER TO portolan_owner;

--
-- Name: policy_settings_draft; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.policy_settings_draft (
    tenant_id text NOT NULL,
    settings jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text NOT NULL
);

ALTER TABLE ONLY public.policy_settings_draft FORCE ROW LEVEL SECURITY;


ALTER TABLE public.policy_settings_draft OWNER TO portolan_owner;

--
-- Name: price; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.price (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    model_id text NOT NULL,
    deployment_id text,
    currency character(3) NOT NULL,
    input_per_million numeric(18,6) NOT NULL,
    output_per_million numeric(18,6) NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_to timestamp with time zone,
    source text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT price_check CHECK (((valid_to IS NULL) OR (valid_to > valid_from))),
    CONSTRAINT price_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT price_input_per_million_check CHECK ((input_per_million >= (0)::numeric)),
    CONSTRAINT price_output_per_million_check CHECK ((output_per_million >= (0)::numeric)),
    CONSTRAINT price_source_check CHECK ((source = ANY (ARRAY['manual'::text, 'litellm'::text])))
);

ALTER TABLE ONLY public.price FORCE ROW LEVEL SECURITY;


ALTER TABLE public.price OWNER TO portolan_owner;

--
-- Name: replica; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.replica (
    id uuid NOT NULL,
    host text NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    heartbeat_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.replica OWNER TO portolan_owner;

--
-- Name: retention_policy; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.retention_policy (
    tenant_id text NOT NULL,
    decisions_days integer,
    usage_days integer,
    changes_days integer,
    updated_by text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT retention_policy_changes_days_check CHECK (((changes_days >= 0) AND (changes_days <= 36500))),
    CONSTRAINT retention_policy_decisions_days_check CHECK (((decisions_days >= 0) AND (decisions_days <= 36500))),
    CONSTRAINT retention_policy_usage_days_check CHECK (((usage_days >= 0) AND (usage_days <= 36500)))
);

ALTER TABLE ONLY public.retention_policy FORCE ROW LEVEL SECURITY;


ALTER TABLE public.retention_policy OWNER TO portolan_owner;

--
-- Name: retention_run; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.retention_run (
    tenant_id text NOT NULL,
    id bigint NOT NULL,
    ran_at timestamp with time zone DEFAULT now() NOT NULL,
    trigger text NOT NULL,
    actor text NOT NULL,
    removed jsonb NOT NULL,
    cut_before jsonb NOT NULL,
    CONSTRAINT retention_run_trigger_check CHECK ((trigger = ANY (ARRAY['schedule'::text, 'manual'::text])))
);

ALTER TABLE ONLY public.retention_run FORCE ROW LEVEL SECURITY;


ALTER TABLE public.retention_run OWNER TO portolan_owner;

--
-- Name: retention_run_id_seq; Type: SEQUENCE; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.retention_run ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.retention_run_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: spend_daily; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.spend_daily (
    tenant_id text NOT NULL,
    day date NOT NULL,
    team text NOT NULL,
    classification text NOT NULL,
    model text NOT NULL,
    vendor text NOT NULL,
    jurisdiction text NOT NULL,
    currency character(3) NOT NULL,
    calls bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cost_micros bigint NOT NULL,
    unpriced_calls bigint NOT NULL,
    deployment text DEFAULT ''::text NOT NULL,
    operator text DEFAULT ''::text NOT NULL,
    operator_jurisdiction text DEFAULT ''::text NOT NULL
);

ALTER TABLE ONLY public.spend_daily FORCE ROW LEVEL SECURITY;


ALTER TABLE public.spend_daily OWNER TO portolan_owner;

--
-- Name: team; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.team (
    tenant_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    default_task_tier text DEFAULT 'standard'::text NOT NULL,
    CONSTRAINT team_default_task_tier_check CHECK ((default_task_tier = ANY (ARRAY['routine'::text, 'standard'::text, 'critical'::text])))
);

ALTER TABLE ONLY public.team FORCE ROW LEVEL SECURITY;


ALTER TABLE public.team OWNER TO portolan_owner;

--
-- Name: tenant; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.tenant (
    id text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    data_version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT tenant_id_check CHECK ((id ~ '^[a-z0-9][a-z0-9-]{0,62}$'::text))
);


ALTER TABLE public.tenant OWNER TO portolan_owner;

--
-- Name: usage_record; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.usage_record (
    tenant_id text NOT NULL,
    id bigint NOT NULL,
    decision_id uuid NOT NULL,
    model text NOT NULL,
    input_tokens integer NOT NULL,
    output_tokens integer NOT NULL,
    latency_ms integer NOT NULL,
    cost_micros bigint,
    idempotency_key text,
    client_id text,
    reported_at timestamp with time zone DEFAULT now() NOT NULL,
    seq bigint,
    prev_hash text,
    hash text,
    CONSTRAINT usage_record_cost_micros_check CHECK ((cost_micros >= 0)),
    CONSTRAINT usage_record_input_tokens_check CHECK ((input_tokens >= 0)),
    CONSTRAINT usage_record_latency_ms_check CHECK ((latency_ms >= 0)),
    CONSTRAINT usage_record_output_tokens_check CHECK ((output_tokens >= 0))
);

ALTER TABLE ONLY public.usage_record FORCE ROW LEVEL SECURITY;


ALTER TABLE public.usage_record OWNER TO portolan_owner;

--
-- Name: usage_record_id_seq; Type: SEQUENCE; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.usage_record ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.usage_record_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: usage_report; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.usage_report (
    tenant_id text NOT NULL,
    idempotency_key text NOT NULL,
    records integer NOT NULL,
    client_id text,
    received_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.usage_report FORCE ROW LEVEL SECURITY;


ALTER TABLE public.usage_report OWNER TO portolan_owner;

--
-- Name: vendor; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.vendor (
    tenant_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    jurisdiction character(2) NOT NULL,
    suspended boolean DEFAULT false NOT NULL,
    suspension_reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    cut_off_at timestamp with time zone,
    cut_off_reason text,
    suspension_scope text,
    CONSTRAINT vendor_jurisdiction_check CHECK ((jurisdiction ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT vendor_suspension_scope_check CHECK ((suspension_scope = ANY (ARRAY['all'::text, 'vendor-operated'::text]))),
    CONSTRAINT vendor_suspension_scope_when_suspended CHECK ((suspended OR (suspension_scope IS NULL)))
);

ALTER TABLE ONLY public.vendor FORCE ROW LEVEL SECURITY;


ALTER TABLE public.vendor OWNER TO portolan_owner;

--
-- Name: webhook; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.webhook (
    tenant_id text NOT NULL,
    url text NOT NULL,
    secret text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.webhook FORCE ROW LEVEL SECURITY;


ALTER TABLE public.webhook OWNER TO portolan_owner;

--
-- Name: webhook_delivery; Type: TABLE; Schema: public; Owner: portolan_owner
--

CREATE TABLE public.webhook_delivery (
    tenant_id text NOT NULL,
    id uuid NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_status integer,
    last_error text,
    delivered_at timestamp with time zone,
    CONSTRAINT webhook_delivery_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'delivered'::text, 'failed'::text])))
);

ALTER TABLE ONLY public.webhook_delivery FORCE ROW LEVEL SECURITY;


ALTER TABLE public.webhook_delivery OWNER TO portolan_owner;

--
-- Data for Name: alias; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.alias VALUES ('acme', 'chat-default', 'General chat: the team''s approved default, an EU open model when it is unavailable', '[{"model": "gpt-4o"}, {"model": "mistral-small-3"}]', NULL, NULL, NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');


--
-- Data for Name: approval; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.approval VALUES ('acme', '81d2144d-cc43-372b-2415-795e2a7ffa23', '7014eb18-676c-cdcc-d572-90b4f92c52a2', 'research', 'gpt-4o', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'd1749924-7b7f-cdd7-f2de-8b2778bd05c6', '790883b6-f1b1-efd3-4c50-1c5453e601ef', 'research', 'gpt-4o-mini', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', '91272999-80c2-8707-06bf-c4ac57c98b69', '126b2fcb-6547-8f6c-ef35-61caca39f869', 'research', 'claude-sonnet-4', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', '3d16cb25-6ecf-fa1f-7d67-fb226064d5e4', '328037bf-eb98-7012-6f33-cd39691e042e', 'research', 'llama-3.3-70b', 'chat', 'restricted', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'dc5e7f28-0c54-e266-e4a7-5ceca6a4828f', '281dd13f-6191-143f-cb53-7f2e137d3d21', 'research', 'mistral-large-2', 'chat', 'restricted', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', '9a3f798e-a6a3-52a7-d95b-ec970fd5c447', '4fb3e720-4174-e44e-9df1-0c64c5447c21', 'research', 'mistral-small-3', 'chat', 'restricted', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'bbcf0d0e-0ac0-32eb-6fa6-66f2bc70ebb2', 'd4d2ce59-6568-06d2-e795-c1944df2339d', 'research', 'text-embedding-3-large', 'chat', 'internal', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', '5e020252-6448-a5bf-1095-0c2479195c17', '7c3e0c63-6e7f-1f3c-ee7b-1c3aedf4bf28', 'research', 'qwen-2.5-72b', 'chat', 'internal', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'd64a1acf-d5ad-093f-9e38-596002e3cc03', 'c540424d-a1ca-e509-bceb-ee0fb532072b', 'research', 'deepseek-v3', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'e49d98dc-91d6-ddc0-8a06-8b31956df3b4', '60b71b5f-c77c-5e19-b2c0-6a3355aa806d', 'marketing', 'gpt-4o', 'chat', 'internal', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', '853f56d0-e7f5-a40c-5278-1870d74e6548', '82f0207d-abbc-7172-e610-a29ac1531478', 'marketing', 'gpt-4o-mini', 'chat', 'internal', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', '9f5f43a4-1953-10e4-b3ab-7ea6b110c8a2', 'f651600f-2e30-f374-3fa6-7cf7780ae79d', 'marketing', 'claude-sonnet-4', 'chat', 'internal', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'b05da0e8-d7b6-04b9-9e28-bbfbd4a05307', '9e95f845-4868-9819-fedd-587ff5353626', 'platform', 'llama-3.3-70b', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('acme', 'de33c919-d9b2-a2b4-ad1a-ed54ff6b555c', '87f086b5-d7c8-e11e-3896-b37c2bead2bf', 'platform', 'mistral-large-2', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{alice}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('globex', 'e4870b98-2be7-9582-db14-4b36191611b7', '685a4619-45bc-4f67-3f47-3f0c0bc49628', 'support', 'mistral-small-3', 'chat', 'confidential', '{}', '2027-12-07 23:20:51.166344+00', '{erin}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');
INSERT INTO public.approval VALUES ('globex', '616cbbe5-77dc-a2e2-bd11-97e35ddd5f07', '3ec87085-02f3-6597-f440-4d86d09565fa', 'support', 'deepseek-v3', 'chat', 'internal', '{}', '2027-12-07 23:20:51.166344+00', '{erin}', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL, '{}');


--
-- Data for Name: approval_request; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.approval_request VALUES ('acme', '7014eb18-676c-cdcc-d572-90b4f92c52a2', 'research', 'gpt-4o', 'chat', 'confidential', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '790883b6-f1b1-efd3-4c50-1c5453e601ef', 'research', 'gpt-4o-mini', 'chat', 'confidential', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '126b2fcb-6547-8f6c-ef35-61caca39f869', 'research', 'claude-sonnet-4', 'chat', 'confidential', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '328037bf-eb98-7012-6f33-cd39691e042e', 'research', 'llama-3.3-70b', 'chat', 'restricted', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '281dd13f-6191-143f-cb53-7f2e137d3d21', 'research', 'mistral-large-2', 'chat', 'restricted', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '4fb3e720-4174-e44e-9df1-0c64c5447c21', 'research', 'mistral-small-3', 'chat', 'restricted', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', 'd4d2ce59-6568-06d2-e795-c1944df2339d', 'research', 'text-embedding-3-large', 'chat', 'internal', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '7c3e0c63-6e7f-1f3c-ee7b-1c3aedf4bf28', 'research', 'qwen-2.5-72b', 'chat', 'internal', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', 'c540424d-a1ca-e509-bceb-ee0fb532072b', 'research', 'deepseek-v3', 'chat', 'confidential', '{}', 'Demo data', NULL, 'bob', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '60b71b5f-c77c-5e19-b2c0-6a3355aa806d', 'marketing', 'gpt-4o', 'chat', 'internal', '{}', 'Demo data', NULL, 'dave', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '82f0207d-abbc-7172-e610-a29ac1531478', 'marketing', 'gpt-4o-mini', 'chat', 'internal', '{}', 'Demo data', NULL, 'dave', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', 'f651600f-2e30-f374-3fa6-7cf7780ae79d', 'marketing', 'claude-sonnet-4', 'chat', 'internal', '{}', 'Demo data', NULL, 'dave', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '9e95f845-4868-9819-fedd-587ff5353626', 'platform', 'llama-3.3-70b', 'chat', 'confidential', '{}', 'Demo data', NULL, 'dave', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('acme', '87f086b5-d7c8-e11e-3896-b37c2bead2bf', 'platform', 'mistral-large-2', 'chat', 'confidential', '{}', 'Demo data', NULL, 'dave', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('globex', '685a4619-45bc-4f67-3f47-3f0c0bc49628', 'support', 'mistral-small-3', 'chat', 'confidential', '{}', 'Demo data', NULL, 'frank', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');
INSERT INTO public.approval_request VALUES ('globex', '3ec87085-02f3-6597-f440-4d86d09565fa', 'support', 'deepseek-v3', 'chat', 'internal', '{}', 'Demo data', NULL, 'frank', 'approved', false, '{}', 1, '[]', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', '{}');


--
-- Data for Name: approval_request_event; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 1, '7014eb18-676c-cdcc-d572-90b4f92c52a2', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 2, '7014eb18-676c-cdcc-d572-90b4f92c52a2', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 3, '790883b6-f1b1-efd3-4c50-1c5453e601ef', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 4, '790883b6-f1b1-efd3-4c50-1c5453e601ef', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 5, '126b2fcb-6547-8f6c-ef35-61caca39f869', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 6, '126b2fcb-6547-8f6c-ef35-61caca39f869', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 7, '328037bf-eb98-7012-6f33-cd39691e042e', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 8, '328037bf-eb98-7012-6f33-cd39691e042e', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 9, '281dd13f-6191-143f-cb53-7f2e137d3d21', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 10, '281dd13f-6191-143f-cb53-7f2e137d3d21', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 11, '4fb3e720-4174-e44e-9df1-0c64c5447c21', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 12, '4fb3e720-4174-e44e-9df1-0c64c5447c21', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 13, 'd4d2ce59-6568-06d2-e795-c1944df2339d', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 14, 'd4d2ce59-6568-06d2-e795-c1944df2339d', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 15, '7c3e0c63-6e7f-1f3c-ee7b-1c3aedf4bf28', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 16, '7c3e0c63-6e7f-1f3c-ee7b-1c3aedf4bf28', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 17, 'c540424d-a1ca-e509-bceb-ee0fb532072b', '2026-12-07 23:20:51.166344+00', 'bob', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 18, 'c540424d-a1ca-e509-bceb-ee0fb532072b', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 19, '60b71b5f-c77c-5e19-b2c0-6a3355aa806d', '2026-12-07 23:20:51.166344+00', 'dave', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 20, '60b71b5f-c77c-5e19-b2c0-6a3355aa806d', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 21, '82f0207d-abbc-7172-e610-a29ac1531478', '2026-12-07 23:20:51.166344+00', 'dave', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 22, '82f0207d-abbc-7172-e610-a29ac1531478', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 23, 'f651600f-2e30-f374-3fa6-7cf7780ae79d', '2026-12-07 23:20:51.166344+00', 'dave', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 24, 'f651600f-2e30-f374-3fa6-7cf7780ae79d', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 25, '9e95f845-4868-9819-fedd-587ff5353626', '2026-12-07 23:20:51.166344+00', 'dave', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 26, '9e95f845-4868-9819-fedd-587ff5353626', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 27, '87f086b5-d7c8-e11e-3896-b37c2bead2bf', '2026-12-07 23:20:51.166344+00', 'dave', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('acme', 28, '87f086b5-d7c8-e11e-3896-b37c2bead2bf', '2026-12-07 23:20:51.166344+00', 'alice', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('globex', 29, '685a4619-45bc-4f67-3f47-3f0c0bc49628', '2026-12-07 23:20:51.166344+00', 'frank', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('globex', 30, '685a4619-45bc-4f67-3f47-3f0c0bc49628', '2026-12-07 23:20:51.166344+00', 'erin', 'approved', NULL, NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('globex', 31, '3ec87085-02f3-6597-f440-4d86d09565fa', '2026-12-07 23:20:51.166344+00', 'frank', 'submitted', 'Demo data', NULL);
INSERT INTO public.approval_request_event OVERRIDING SYSTEM VALUE VALUES ('globex', 32, '3ec87085-02f3-6597-f440-4d86d09565fa', '2026-12-07 23:20:51.166344+00', 'erin', 'approved', NULL, NULL);


--
-- Data for Name: budget; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: budget_state; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: bundle_signing_key; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: change_log; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: decision_chain_head; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.decision_chain_head VALUES ('acme', 3, '1a162bc94108b5f42f26bd7beb8368042bad3ce7499a7cd1048167308433224e');


--
-- Data for Name: decision_log; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.decision_log VALUES ('0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0001', 'acme', 'research', 'gpt-4o', 'release snapshot', 'internal', 'eu', true, '[]', '1', '2025-01-15 10:00:00+00', 'portolan-cli', '2026-12-07 23:20:51.484547+00', 'standard', 'api', 1, 'genesis', 'c9c47cc00e089e0327b5bbdc0e81b1595f50570c8177b4c51918a8da43e42e40', '[]', NULL, NULL, NULL);
INSERT INTO public.decision_log VALUES ('0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0002', 'acme', 'marketing', 'claude-sonnet-4', 'release snapshot', 'public', 'eu', true, '[]', '1', '2025-01-15 10:00:00+00', 'portolan-cli', '2026-12-07 23:20:51.484547+00', 'standard', 'api', 2, 'c9c47cc00e089e0327b5bbdc0e81b1595f50570c8177b4c51918a8da43e42e40', '2fe114c9a63583d3adc9d19ea3bd71629325cde88d71bee27e385588ebd1b5a6', '[]', NULL, NULL, NULL);
INSERT INTO public.decision_log VALUES ('0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0003', 'acme', 'research', 'gpt-4o-mini', 'release snapshot', 'restricted', 'eu', false, '[{"code": "classification", "rule": "classification", "message": "restricted data may not go to this model"}]', '1', '2025-01-15 10:00:00+00', 'portolan-cli', '2026-12-07 23:20:51.484547+00', 'standard', 'api', 3, '2fe114c9a63583d3adc9d19ea3bd71629325cde88d71bee27e385588ebd1b5a6', '1a162bc94108b5f42f26bd7beb8368042bad3ce7499a7cd1048167308433224e', '[]', NULL, NULL, NULL);


--
-- Data for Name: dependency_ceiling; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: deployment; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.deployment VALUES ('acme', 'deepseek-v3-acme-eu', 'deepseek-v3', 'self-hosted', 'FR', '{eu}', 'https://llm.acme.internal/deepseek-v3/v1', 0, false, true, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'deepseek-v3', 'deepseek-v3', 'deepseek', 'CN', '{apac,cn}', 'https://api.deepseek.com/v1', 30, true, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'luminous-supreme', 'luminous-supreme', 'aleph-alpha', 'DE', '{eu}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'qwen-2.5-72b', 'qwen-2.5-72b', 'alibaba', 'CN', '{apac,cn}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'claude-sonnet-4', 'claude-sonnet-4', 'anthropic', 'US', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'command-r-plus', 'command-r-plus', 'cohere', 'CA', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'deepseek-r1', 'deepseek-r1', 'deepseek', 'CN', '{apac,cn}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'gemini-2.5-pro', 'gemini-2.5-pro', 'google', 'US', '{apac,eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'llama-3.3-70b', 'llama-3.3-70b', 'meta', 'US', '{apac,eu,uk,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'mistral-large-2', 'mistral-large-2', 'mistral', 'FR', '{eu}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'mistral-small-3', 'mistral-small-3', 'mistral', 'FR', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'gpt-4o', 'gpt-4o', 'openai', 'US', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'gpt-4o-mini', 'gpt-4o-mini', 'openai', 'US', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'text-embedding-3-large', 'text-embedding-3-large', 'openai', 'US', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('acme', 'stablelm-2-12b', 'stablelm-2-12b', 'stability', 'GB', '{uk,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('globex', 'deepseek-v3', 'deepseek-v3', 'deepseek', 'CN', '{apac,cn}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('globex', 'mistral-small-3', 'mistral-small-3', 'mistral', 'FR', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');
INSERT INTO public.deployment VALUES ('globex', 'gpt-4o', 'gpt-4o', 'openai', 'US', '{eu,us}', NULL, NULL, NULL, false, 'active', NULL, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'tenants and inventory', 'SQL', 'V1__tenants_and_inventory.sql', 1545023723, 'portolan_owner', '2026-12-07 23:20:48.99625', 130, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'policy settings and revisions', 'SQL', 'V2__policy_settings_and_revisions.sql', 1394578230, 'portolan_owner', '2026-12-07 23:20:49.309283', 59, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'decision source', 'SQL', 'V3__decision_source.sql', 554191662, 'portolan_owner', '2026-12-07 23:20:49.427246', 27, true);
INSERT INTO public.flyway_schema_history VALUES (4, '4', 'approvals', 'SQL', 'V4__approvals.sql', -1127418819, 'portolan_owner', '2026-12-07 23:20:49.488363', 78, true);
INSERT INTO public.flyway_schema_history VALUES (5, '5', 'decision log chain', 'SQL', 'V5__decision_log_chain.sql', -852464597, 'portolan_owner', '2026-12-07 23:20:49.622982', 9, true);
INSERT INTO public.flyway_schema_history VALUES (6, '6', 'usage', 'SQL', 'V6__usage.sql', 2223382, 'portolan_owner', '2026-12-07 23:20:49.638815', 68, true);
INSERT INTO public.flyway_schema_history VALUES (7, '7', 'change log', 'SQL', 'V7__change_log.sql', -807638392, 'portolan_owner', '2026-12-07 23:20:49.723702', 20, true);
INSERT INTO public.flyway_schema_history VALUES (8, '8', 'webhooks', 'SQL', 'V8__webhooks.sql', 396018120, 'portolan_owner', '2026-12-07 23:20:49.756197', 45, true);
INSERT INTO public.flyway_schema_history VALUES (9, '9', 'retention', 'SQL', 'V9__retention.sql', 1029452669, 'portolan_owner', '2026-12-07 23:20:49.821864', 25, true);
INSERT INTO public.flyway_schema_history VALUES (10, '10', 'usage chain', 'SQL', 'V10__usage_chain.sql', -2136628114, 'portolan_owner', '2026-12-07 23:20:49.870126', 28, true);
INSERT INTO public.flyway_schema_history VALUES (11, '11', 'decision id per tenant', 'SQL', 'V11__decision_id_per_tenant.sql', 1425962758, 'portolan_owner', '2026-12-07 23:20:49.923932', 49, true);
INSERT INTO public.flyway_schema_history VALUES (12, '12', 'append decisions', 'SQL', 'V12__append_decisions.sql', 1128872497, 'portolan_owner', '2026-12-07 23:20:49.995202', 21, true);
INSERT INTO public.flyway_schema_history VALUES (13, '13', 'fleet chain head and data version', 'SQL', 'V13__fleet_chain_head_and_data_version.sql', -1297783003, 'portolan_owner', '2026-12-07 23:20:50.044302', 43, true);
INSERT INTO public.flyway_schema_history VALUES (14, '14', 'replicas', 'SQL', 'V14__replicas.sql', -18017625, 'portolan_owner', '2026-12-07 23:20:50.124058', 17, true);
INSERT INTO public.flyway_schema_history VALUES (15, '15', 'decision obligations', 'SQL', 'V15__decision_obligations.sql', -1075758942, 'portolan_owner', '2026-12-07 23:20:50.163785', 20, true);
INSERT INTO public.flyway_schema_history VALUES (16, '16', 'impact analysis jobs', 'SQL', 'V16__impact_analysis_jobs.sql', -318251439, 'portolan_owner', '2026-12-07 23:20:50.213559', 41, true);
INSERT INTO public.flyway_schema_history VALUES (17, '17', 'deployments', 'SQL', 'V17__deployments.sql', 277486976, 'portolan_owner', '2026-12-07 23:20:50.275776', 36, true);
INSERT INTO public.flyway_schema_history VALUES (18, '18', 'bundle signing keys', 'SQL', 'V18__bundle_signing_keys.sql', 2003561390, 'portolan_owner', '2026-12-07 23:20:50.336043', 24, true);
INSERT INTO public.flyway_schema_history VALUES (19, '19', 'retention schedule', 'SQL', 'V19__retention_schedule.sql', 1180742743, 'portolan_owner', '2026-12-07 23:20:50.385075', 46, true);
INSERT INTO public.flyway_schema_history VALUES (20, '20', 'scheduled cut offs', 'SQL', 'V20__scheduled_cut_offs.sql', -191006577, 'portolan_owner', '2026-12-07 23:20:50.446857', 6, true);
INSERT INTO public.flyway_schema_history VALUES (21, '21', 'notices', 'SQL', 'V21__notices.sql', 412742789, 'portolan_owner', '2026-12-07 23:20:50.472558', 23, true);
INSERT INTO public.flyway_schema_history VALUES (22, '22', 'prices and spend', 'SQL', 'V22__prices_and_spend.sql', -5345931, 'portolan_owner', '2026-12-07 23:20:50.514583', 47, true);
INSERT INTO public.flyway_schema_history VALUES (23, '23', 'budgets', 'SQL', 'V23__budgets.sql', 1197867909, 'portolan_owner', '2026-12-07 23:20:50.583472', 77, true);
INSERT INTO public.flyway_schema_history VALUES (24, '24', 'decision deployment and alias', 'SQL', 'V24__decision_deployment_and_alias.sql', 1693801299, 'portolan_owner', '2026-12-07 23:20:50.71314', 71, true);
INSERT INTO public.flyway_schema_history VALUES (25, '25', 'aliases', 'SQL', 'V25__aliases.sql', 483186899, 'portolan_owner', '2026-12-07 23:20:50.850284', 34, true);
INSERT INTO public.flyway_schema_history VALUES (26, '26', 'vendor suspension scope', 'SQL', 'V26__vendor_suspension_scope.sql', -1611348073, 'portolan_owner', '2026-12-07 23:20:50.897936', 28, true);
INSERT INTO public.flyway_schema_history VALUES (27, '27', 'spend by deployment', 'SQL', 'V27__spend_by_deployment.sql', 730519542, 'portolan_owner', '2026-12-07 23:20:50.989082', 21, true);
INSERT INTO public.flyway_schema_history VALUES (28, '28', 'dependency by operator jurisdiction', 'SQL', 'V28__dependency_by_operator_jurisdiction.sql', 2048875329, 'portolan_owner', '2026-12-07 23:20:51.04223', 25, true);
INSERT INTO public.flyway_schema_history VALUES (29, '29', 'approval deployments', 'SQL', 'V29__approval_deployments.sql', -2089462998, 'portolan_owner', '2026-12-07 23:20:51.091864', 11, true);
INSERT INTO public.flyway_schema_history VALUES (30, NULL, 'demo data', 'SQL', 'R__demo_data.sql', 2142489908, 'portolan_owner', '2026-12-07 23:20:51.130992', 121, true);


--
-- Data for Name: impact_analysis; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: log_checkpoint; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: model; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.model VALUES ('acme', 'gpt-4o', 'GPT-4o', 'openai', '{eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'gpt-4o-mini', 'GPT-4o mini', 'openai', '{eu,us}', false, false, 'proprietary', '{chat,code}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'text-embedding-3-large', 'text-embedding-3-large', 'openai', '{eu,us}', false, false, 'proprietary', '{embedding}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'claude-sonnet-4', 'Claude Sonnet 4', 'anthropic', '{eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'gemini-2.5-pro', 'Gemini 2.5 Pro', 'google', '{apac,eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'proposed', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'llama-3.3-70b', 'Llama 3.3 70B Instruct', 'meta', '{apac,eu,uk,us}', true, true, 'Llama 3.3 Community License', '{chat,code}', 'medium', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'mistral-large-2', 'Mistral Large 2', 'mistral', '{eu}', true, true, 'Mistral Research License', '{chat,code}', 'medium', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'mistral-small-3', 'Mistral Small 3', 'mistral', '{eu,us}', true, true, 'Apache-2.0', '{chat}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'luminous-supreme', 'Luminous Supreme', 'aleph-alpha', '{eu}', false, true, 'proprietary', '{chat}', 'medium', 'retired', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'stablelm-2-12b', 'StableLM 2 12B', 'stability', '{uk,us}', true, true, 'Stability AI Community License', '{chat}', 'low', 'restricted', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'command-r-plus', 'Command R+', 'cohere', '{eu,us}', false, false, 'proprietary', '{chat,embedding}', 'medium', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'deepseek-v3', 'DeepSeek V3', 'deepseek', '{apac,cn,eu}', true, true, 'MIT', '{chat,code}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'deepseek-r1', 'DeepSeek R1', 'deepseek', '{apac,cn}', true, true, 'MIT', '{chat,code}', 'low', 'restricted', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('acme', 'qwen-2.5-72b', 'Qwen 2.5 72B Instruct', 'alibaba', '{apac,cn}', true, true, 'Qwen License', '{chat,code}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('globex', 'gpt-4o', 'GPT-4o', 'openai', '{eu,us}', false, false, 'proprietary', '{chat,code,vision}', 'high', 'proposed', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('globex', 'mistral-small-3', 'Mistral Small 3', 'mistral', '{eu,us}', true, true, 'Apache-2.0', '{chat}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);
INSERT INTO public.model VALUES ('globex', 'deepseek-v3', 'DeepSeek V3', 'deepseek', '{apac,cn}', true, true, 'MIT', '{chat,code}', 'low', 'approved', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL);


--
-- Data for Name: notice; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: policy_revision; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.policy_revision VALUES ('acme', 1, '{"costTiers": {"routine": ["low"], "critical": ["low", "medium", "high"], "standard": ["low", "medium", "high"]}, "residency": {"restricted": ["eu"], "confidential": ["eu", "uk"]}, "deployments": {"deniedOperatorJurisdictions": {"restricted": ["CN", "RU"], "confidential": ["CN", "RU"]}}, "preferences": {"preferLowerCost": true, "preferSelfHosted": true, "preferOpenWeights": true, "domesticJurisdiction": "FR"}, "deniedJurisdictions": {"restricted": ["CN", "RU"], "confidential": ["RU"]}, "watchedJurisdictions": {"restricted": ["US"]}, "selfHostedOpenWeightsOnly": ["restricted"]}', '23c2a06eeaa2ac13a59000d426f6ecdb', '2026-12-07 23:20:51.166344+00', 'demo-data', NULL);


--
-- Data for Name: policy_settings_draft; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: price; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: replica; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: retention_policy; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: retention_run; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: spend_daily; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: team; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.team VALUES ('acme', 'research', 'Research', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', 'standard');
INSERT INTO public.team VALUES ('acme', 'platform', 'Platform engineering', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', 'standard');
INSERT INTO public.team VALUES ('globex', 'support', 'Customer support', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', 'standard');
INSERT INTO public.team VALUES ('globex', 'engineering', 'Engineering', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', 'standard');
INSERT INTO public.team VALUES ('acme', 'marketing', 'Marketing', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', 'routine');


--
-- Data for Name: tenant; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.tenant VALUES ('acme', '2026-12-07 23:20:51.166344+00', 23);
INSERT INTO public.tenant VALUES ('globex', '2026-12-07 23:20:51.166344+00', 7);


--
-- Data for Name: usage_record; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.usage_record OVERRIDING SYSTEM VALUE VALUES ('acme', 1, '0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0001', 'gpt-4o', 1200, 300, 850, NULL, 'release-snapshot', 'portolan-cli', '2025-01-15 10:00:01+00', 1, 'genesis', 'd99fabaff294c1835bb42ca447e43f5c92cfcc39497e6731a5f207135965b479');
INSERT INTO public.usage_record OVERRIDING SYSTEM VALUE VALUES ('acme', 2, '0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0002', 'claude-sonnet-4', 400, 90, 420, NULL, 'release-snapshot', 'portolan-cli', '2025-01-15 10:00:01+00', 2, 'd99fabaff294c1835bb42ca447e43f5c92cfcc39497e6731a5f207135965b479', 'a44c490e959c5bbebef68bf208bfa5b32abc3a2adb5b337bbbec25ec32b055bd');


--
-- Data for Name: usage_report; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.usage_report VALUES ('acme', 'release-snapshot', 2, 'portolan-cli', '2026-12-07 23:20:51.484547+00');


--
-- Data for Name: vendor; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--

INSERT INTO public.vendor VALUES ('acme', 'openai', 'OpenAI', 'US', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'anthropic', 'Anthropic', 'US', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'google', 'Google', 'US', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'meta', 'Meta', 'US', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'mistral', 'Mistral AI', 'FR', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'aleph-alpha', 'Aleph Alpha', 'DE', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'stability', 'Stability AI', 'GB', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'cohere', 'Cohere', 'CA', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'deepseek', 'DeepSeek', 'CN', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('acme', 'alibaba', 'Alibaba Cloud (Qwen)', 'CN', true, 'Suspended pending export-control review', '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('globex', 'openai', 'OpenAI', 'US', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('globex', 'mistral', 'Mistral AI', 'FR', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);
INSERT INTO public.vendor VALUES ('globex', 'deepseek', 'DeepSeek', 'CN', false, NULL, '2026-12-07 23:20:51.166344+00', '2026-12-07 23:20:51.166344+00', NULL, NULL, NULL);


--
-- Data for Name: webhook; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Data for Name: webhook_delivery; Type: TABLE DATA; Schema: public; Owner: portolan_owner
--



--
-- Name: approval_request_event_id_seq; Type: SEQUENCE SET; Schema: public; Owner: portolan_owner
--

SELECT pg_catalog.setval('public.approval_request_event_id_seq', 32, true);


--
-- Name: retention_run_id_seq; Type: SEQUENCE SET; Schema: public; Owner: portolan_owner
--

SELECT pg_catalog.setval('public.retention_run_id_seq', 1, false);


--
-- Name: usage_record_id_seq; Type: SEQUENCE SET; Schema: public; Owner: portolan_owner
--

SELECT pg_catalog.setval('public.usage_record_id_seq', 2, true);


--
-- Name: alias alias_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.alias
    ADD CONSTRAINT alias_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: approval approval_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: approval_request_event approval_request_event_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request_event
    ADD CONSTRAINT approval_request_event_pkey PRIMARY KEY (id);


--
-- Name: approval_request approval_request_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request
    ADD CONSTRAINT approval_request_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: budget budget_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: budget_state budget_state_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.budget_state
    ADD CONSTRAINT budget_state_pkey PRIMARY KEY (tenant_id, budget_id, month);


--
-- Name: bundle_signing_key bundle_signing_key_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.bundle_signing_key
    ADD CONSTRAINT bundle_signing_key_pkey PRIMARY KEY (tenant_id, key_id);


--
-- Name: change_log change_log_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.change_log
    ADD CONSTRAINT change_log_pkey PRIMARY KEY (tenant_id, seq);


--
-- Name: decision_chain_head decision_chain_head_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.decision_chain_head
    ADD CONSTRAINT decision_chain_head_pkey PRIMARY KEY (tenant_id);


--
-- Name: decision_log decision_log_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.decision_log
    ADD CONSTRAINT decision_log_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: dependency_ceiling dependency_ceiling_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.dependency_ceiling
    ADD CONSTRAINT dependency_ceiling_pkey PRIMARY KEY (tenant_id, dimension, classification);


--
-- Name: deployment deployment_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.deployment
    ADD CONSTRAINT deployment_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: impact_analysis impact_analysis_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.impact_analysis
    ADD CONSTRAINT impact_analysis_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: log_checkpoint log_checkpoint_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.log_checkpoint
    ADD CONSTRAINT log_checkpoint_pkey PRIMARY KEY (tenant_id, log, seq);


--
-- Name: model model_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.model
    ADD CONSTRAINT model_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: notice notice_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.notice
    ADD CONSTRAINT notice_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: notice notice_tenant_id_kind_subject_type_subject_id_milestone_tea_key; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.notice
    ADD CONSTRAINT notice_tenant_id_kind_subject_type_subject_id_milestone_tea_key UNIQUE (tenant_id, kind, subject_type, subject_id, milestone, team);


--
-- Name: policy_revision policy_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.policy_revision
    ADD CONSTRAINT policy_revision_pkey PRIMARY KEY (tenant_id, number);


--
-- Name: policy_settings_draft policy_settings_draft_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.policy_settings_draft
    ADD CONSTRAINT policy_settings_draft_pkey PRIMARY KEY (tenant_id);


--
-- Name: price price_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.price
    ADD CONSTRAINT price_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: replica replica_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.replica
    ADD CONSTRAINT replica_pkey PRIMARY KEY (id);


--
-- Name: retention_policy retention_policy_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.retention_policy
    ADD CONSTRAINT retention_policy_pkey PRIMARY KEY (tenant_id);


--
-- Name: retention_run retention_run_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.retention_run
    ADD CONSTRAINT retention_run_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: spend_daily spend_daily_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.spend_daily
    ADD CONSTRAINT spend_daily_pkey PRIMARY KEY (tenant_id, day, team, classification, model, vendor, jurisdiction, currency, deployment, operator, operator_jurisdiction);


--
-- Name: team team_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.team
    ADD CONSTRAINT team_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: tenant tenant_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.tenant
    ADD CONSTRAINT tenant_pkey PRIMARY KEY (id);


--
-- Name: usage_record usage_record_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.usage_record
    ADD CONSTRAINT usage_record_pkey PRIMARY KEY (id);


--
-- Name: usage_report usage_report_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.usage_report
    ADD CONSTRAINT usage_report_pkey PRIMARY KEY (tenant_id, idempotency_key);


--
-- Name: vendor vendor_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.vendor
    ADD CONSTRAINT vendor_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: webhook_delivery webhook_delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: webhook webhook_pkey; Type: CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.webhook
    ADD CONSTRAINT webhook_pkey PRIMARY KEY (tenant_id);


--
-- Name: approval_request_event_request; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX approval_request_event_request ON public.approval_request_event USING btree (tenant_id, request_id, id);


--
-- Name: approval_request_status; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX approval_request_status ON public.approval_request USING btree (tenant_id, status, created_at);


--
-- Name: approval_team_model; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX approval_team_model ON public.approval USING btree (tenant_id, team, model);


--
-- Name: budget_scope; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE UNIQUE INDEX budget_scope ON public.budget USING btree (tenant_id, team, COALESCE(vendor, ''::text));


--
-- Name: bundle_signing_key_active; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX bundle_signing_key_active ON public.bundle_signing_key USING btree (tenant_id, active_from DESC);


--
-- Name: change_log_time; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX change_log_time ON public.change_log USING btree (tenant_id, at);


--
-- Name: decision_log_alias; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX decision_log_alias ON public.decision_log USING btree (tenant_id, alias, evaluated_at) WHERE (alias IS NOT NULL);


--
-- Name: decision_log_chain; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE UNIQUE INDEX decision_log_chain ON public.decision_log USING btree (tenant_id, seq);


--
-- Name: decision_log_obligated; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX decision_log_obligated ON public.decision_log USING btree (tenant_id, evaluated_at) WHERE (obligations <> '[]'::jsonb);


--
-- Name: decision_log_tenant_time; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX decision_log_tenant_time ON public.decision_log USING btree (tenant_id, evaluated_at);


--
-- Name: deployment_model; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX deployment_model ON public.deployment USING btree (tenant_id, model_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: impact_analysis_recent; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX impact_analysis_recent ON public.impact_analysis USING btree (tenant_id, created_at DESC);


--
-- Name: impact_analysis_unfinished; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX impact_analysis_unfinished ON public.impact_analysis USING btree (tenant_id, heartbeat_at) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]));


--
-- Name: model_vendor; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX model_vendor ON public.model USING btree (tenant_id, vendor_id);


--
-- Name: notice_by_team; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX notice_by_team ON public.notice USING btree (tenant_id, team, created_at DESC);


--
-- Name: price_of_model; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX price_of_model ON public.price USING btree (tenant_id, model_id, valid_from);


--
-- Name: retention_run_latest; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX retention_run_latest ON public.retention_run USING btree (tenant_id, trigger, ran_at DESC);


--
-- Name: usage_record_chain; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE UNIQUE INDEX usage_record_chain ON public.usage_record USING btree (tenant_id, seq);


--
-- Name: usage_record_decision; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX usage_record_decision ON public.usage_record USING btree (tenant_id, decision_id);


--
-- Name: usage_record_time; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX usage_record_time ON public.usage_record USING btree (tenant_id, reported_at);


--
-- Name: webhook_delivery_due; Type: INDEX; Schema: public; Owner: portolan_owner
--

CREATE INDEX webhook_delivery_due ON public.webhook_delivery USING btree (tenant_id, status, next_attempt_at);


--
-- Name: alias alias_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER alias_data_deleted AFTER DELETE ON public.alias REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: alias alias_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER alias_data_inserted AFTER INSERT ON public.alias REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: alias alias_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER alias_data_updated AFTER UPDATE ON public.alias REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: approval approval_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER approval_data_deleted AFTER DELETE ON public.approval REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: approval approval_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER approval_data_inserted AFTER INSERT ON public.approval REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: approval approval_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER approval_data_updated AFTER UPDATE ON public.approval REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: budget budget_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER budget_data_deleted AFTER DELETE ON public.budget REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: budget budget_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER budget_data_inserted AFTER INSERT ON public.budget REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: budget budget_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER budget_data_updated AFTER UPDATE ON public.budget REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: budget_state budget_state_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER budget_state_data_deleted AFTER DELETE ON public.budget_state REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: budget_state budget_state_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER budget_state_data_inserted AFTER INSERT ON public.budget_state REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: budget_state budget_state_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER budget_state_data_updated AFTER UPDATE ON public.budget_state REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: deployment deployment_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER deployment_data_deleted AFTER DELETE ON public.deployment REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: deployment deployment_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER deployment_data_inserted AFTER INSERT ON public.deployment REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: deployment deployment_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER deployment_data_updated AFTER UPDATE ON public.deployment REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: model model_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER model_data_deleted AFTER DELETE ON public.model REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: model model_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER model_data_inserted AFTER INSERT ON public.model REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: model model_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER model_data_updated AFTER UPDATE ON public.model REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: policy_revision policy_revision_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER policy_revision_data_deleted AFTER DELETE ON public.policy_revision REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: policy_revision policy_revision_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER policy_revision_data_inserted AFTER INSERT ON public.policy_revision REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: policy_revision policy_revision_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER policy_revision_data_updated AFTER UPDATE ON public.policy_revision REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: price price_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER price_data_deleted AFTER DELETE ON public.price REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: price price_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER price_data_inserted AFTER INSERT ON public.price REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: price price_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER price_data_updated AFTER UPDATE ON public.price REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: team team_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER team_data_deleted AFTER DELETE ON public.team REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: team team_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER team_data_inserted AFTER INSERT ON public.team REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: team team_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER team_data_updated AFTER UPDATE ON public.team REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: tenant tenant_registered; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER tenant_registered AFTER INSERT ON public.tenant REFERENCING NEW TABLE AS registered FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_registered();


--
-- Name: vendor vendor_data_deleted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER vendor_data_deleted AFTER DELETE ON public.vendor REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_old();


--
-- Name: vendor vendor_data_inserted; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER vendor_data_inserted AFTER INSERT ON public.vendor REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_new();


--
-- Name: vendor vendor_data_updated; Type: TRIGGER; Schema: public; Owner: portolan_owner
--

CREATE TRIGGER vendor_data_updated AFTER UPDATE ON public.vendor REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION public.tenant_data_changed_both();


--
-- Name: alias alias_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.alias
    ADD CONSTRAINT alias_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: approval_request_event approval_request_event_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request_event
    ADD CONSTRAINT approval_request_event_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: approval_request_event approval_request_event_tenant_id_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request_event
    ADD CONSTRAINT approval_request_event_tenant_id_request_id_fkey FOREIGN KEY (tenant_id, request_id) REFERENCES public.approval_request(tenant_id, id);


--
-- Name: approval_request approval_request_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request
    ADD CONSTRAINT approval_request_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: approval_request approval_request_tenant_id_model_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request
    ADD CONSTRAINT approval_request_tenant_id_model_fkey FOREIGN KEY (tenant_id, model) REFERENCES public.model(tenant_id, id);


--
-- Name: approval_request approval_request_tenant_id_team_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval_request
    ADD CONSTRAINT approval_request_tenant_id_team_fkey FOREIGN KEY (tenant_id, team) REFERENCES public.team(tenant_id, id);


--
-- Name: approval approval_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: approval approval_tenant_id_model_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_tenant_id_model_fkey FOREIGN KEY (tenant_id, model) REFERENCES public.model(tenant_id, id);


--
-- Name: approval approval_tenant_id_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_tenant_id_request_id_fkey FOREIGN KEY (tenant_id, request_id) REFERENCES public.approval_request(tenant_id, id);


--
-- Name: approval approval_tenant_id_team_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.approval
    ADD CONSTRAINT approval_tenant_id_team_fkey FOREIGN KEY (tenant_id, team) REFERENCES public.team(tenant_id, id);


--
-- Name: budget_state budget_state_tenant_id_budget_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.budget_state
    ADD CONSTRAINT budget_state_tenant_id_budget_id_fkey FOREIGN KEY (tenant_id, budget_id) REFERENCES public.budget(tenant_id, id) ON DELETE CASCADE;


--
-- Name: budget budget_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: budget budget_tenant_id_team_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_tenant_id_team_fkey FOREIGN KEY (tenant_id, team) REFERENCES public.team(tenant_id, id) ON DELETE CASCADE;


--
-- Name: budget budget_tenant_id_vendor_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.budget
    ADD CONSTRAINT budget_tenant_id_vendor_fkey FOREIGN KEY (tenant_id, vendor) REFERENCES public.vendor(tenant_id, id) ON DELETE CASCADE;


--
-- Name: bundle_signing_key bundle_signing_key_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.bundle_signing_key
    ADD CONSTRAINT bundle_signing_key_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: change_log change_log_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.change_log
    ADD CONSTRAINT change_log_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: decision_chain_head decision_chain_head_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.decision_chain_head
    ADD CONSTRAINT decision_chain_head_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: decision_log decision_log_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.decision_log
    ADD CONSTRAINT decision_log_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: dependency_ceiling dependency_ceiling_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.dependency_ceiling
    ADD CONSTRAINT dependency_ceiling_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: deployment deployment_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.deployment
    ADD CONSTRAINT deployment_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: deployment deployment_tenant_id_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.deployment
    ADD CONSTRAINT deployment_tenant_id_model_id_fkey FOREIGN KEY (tenant_id, model_id) REFERENCES public.model(tenant_id, id);


--
-- Name: impact_analysis impact_analysis_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.impact_analysis
    ADD CONSTRAINT impact_analysis_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: log_checkpoint log_checkpoint_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.log_checkpoint
    ADD CONSTRAINT log_checkpoint_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: model model_tenant_id_vendor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.model
    ADD CONSTRAINT model_tenant_id_vendor_id_fkey FOREIGN KEY (tenant_id, vendor_id) REFERENCES public.vendor(tenant_id, id);


--
-- Name: notice notice_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.notice
    ADD CONSTRAINT notice_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: policy_revision policy_revision_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.policy_revision
    ADD CONSTRAINT policy_revision_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: policy_settings_draft policy_settings_draft_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.policy_settings_draft
    ADD CONSTRAINT policy_settings_draft_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: price price_tenant_id_deployment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.price
    ADD CONSTRAINT price_tenant_id_deployment_id_fkey FOREIGN KEY (tenant_id, deployment_id) REFERENCES public.deployment(tenant_id, id) ON DELETE CASCADE;


--
-- Name: price price_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.price
    ADD CONSTRAINT price_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: price price_tenant_id_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.price
    ADD CONSTRAINT price_tenant_id_model_id_fkey FOREIGN KEY (tenant_id, model_id) REFERENCES public.model(tenant_id, id) ON DELETE CASCADE;


--
-- Name: retention_policy retention_policy_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.retention_policy
    ADD CONSTRAINT retention_policy_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: retention_run retention_run_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.retention_run
    ADD CONSTRAINT retention_run_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: spend_daily spend_daily_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.spend_daily
    ADD CONSTRAINT spend_daily_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: team team_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.team
    ADD CONSTRAINT team_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: usage_record usage_record_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.usage_record
    ADD CONSTRAINT usage_record_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: usage_report usage_report_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.usage_report
    ADD CONSTRAINT usage_report_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: vendor vendor_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.vendor
    ADD CONSTRAINT vendor_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: webhook_delivery webhook_delivery_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: webhook webhook_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: portolan_owner
--

ALTER TABLE ONLY public.webhook
    ADD CONSTRAINT webhook_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);


--
-- Name: alias; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.alias ENABLE ROW LEVEL SECURITY;

--
-- Name: approval; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.approval ENABLE ROW LEVEL SECURITY;

--
-- Name: approval_request; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.approval_request ENABLE ROW LEVEL SECURITY;

--
-- Name: approval_request_event; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.approval_request_event ENABLE ROW LEVEL SECURITY;

--
-- Name: budget; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.budget ENABLE ROW LEVEL SECURITY;

--
-- Name: budget_state; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.budget_state ENABLE ROW LEVEL SECURITY;

--
-- Name: bundle_signing_key; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.bundle_signing_key ENABLE ROW LEVEL SECURITY;

--
-- Name: change_log; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.change_log ENABLE ROW LEVEL SECURITY;

--
-- Name: decision_chain_head; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.decision_chain_head ENABLE ROW LEVEL SECURITY;

--
-- Name: decision_log; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.decision_log ENABLE ROW LEVEL SECURITY;

--
-- Name: dependency_ceiling; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.dependency_ceiling ENABLE ROW LEVEL SECURITY;

--
-- Name: deployment; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.deployment ENABLE ROW LEVEL SECURITY;

--
-- Name: impact_analysis; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.impact_analysis ENABLE ROW LEVEL SECURITY;

--
-- Name: log_checkpoint; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.log_checkpoint ENABLE ROW LEVEL SECURITY;

--
-- Name: model; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.model ENABLE ROW LEVEL SECURITY;

--
-- Name: notice; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.notice ENABLE ROW LEVEL SECURITY;

--
-- Name: policy_revision; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.policy_revision ENABLE ROW LEVEL SECURITY;

--
-- Name: policy_settings_draft; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.policy_settings_draft ENABLE ROW LEVEL SECURITY;

--
-- Name: price; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.price ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_policy; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.retention_policy ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_run; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.retention_run ENABLE ROW LEVEL SECURITY;

--
-- Name: spend_daily; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.spend_daily ENABLE ROW LEVEL SECURITY;

--
-- Name: team; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.team ENABLE ROW LEVEL SECURITY;

--
-- Name: alias tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.alias USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: approval tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.approval USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: approval_request tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.approval_request USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: approval_request_event tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.approval_request_event USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: budget tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.budget USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: budget_state tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.budget_state USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: bundle_signing_key tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.bundle_signing_key USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: change_log tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.change_log USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: decision_chain_head tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.decision_chain_head USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: decision_log tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.decision_log USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: dependency_ceiling tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.dependency_ceiling USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: deployment tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.deployment USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: impact_analysis tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.impact_analysis USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: log_checkpoint tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.log_checkpoint USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: model tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.model USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: notice tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.notice USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: policy_revision tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.policy_revision USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: policy_settings_draft tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.policy_settings_draft USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: price tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.price USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: retention_policy tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.retention_policy USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: retention_run tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.retention_run USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: spend_daily tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.spend_daily USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: team tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.team USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: usage_record tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.usage_record USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: usage_report tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.usage_report USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: vendor tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.vendor USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: webhook tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.webhook USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: webhook_delivery tenant_isolation; Type: POLICY; Schema: public; Owner: portolan_owner
--

CREATE POLICY tenant_isolation ON public.webhook_delivery USING ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text))) WITH CHECK ((tenant_id = NULLIF(current_setting('app.tenant'::text, true), ''::text)));


--
-- Name: usage_record; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.usage_record ENABLE ROW LEVEL SECURITY;

--
-- Name: usage_report; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.usage_report ENABLE ROW LEVEL SECURITY;

--
-- Name: vendor; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.vendor ENABLE ROW LEVEL SECURITY;

--
-- Name: webhook; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.webhook ENABLE ROW LEVEL SECURITY;

--
-- Name: webhook_delivery; Type: ROW SECURITY; Schema: public; Owner: portolan_owner
--

ALTER TABLE public.webhook_delivery ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: pg_database_owner
--

GRANT USAGE ON SCHEMA public TO portolan_app;


--
-- Name: FUNCTION append_decisions(rows jsonb); Type: ACL; Schema: public; Owner: portolan_owner
--

REVOKE ALL ON FUNCTION public.append_decisions(rows jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.append_decisions(rows jsonb) TO portolan_app;


--
-- Name: FUNCTION notify_tenant_data(tenant_ids text[]); Type: ACL; Schema: public; Owner: portolan_owner
--

REVOKE ALL ON FUNCTION public.notify_tenant_data(tenant_ids text[]) FROM PUBLIC;


--
-- Name: TABLE alias; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.alias TO portolan_app;


--
-- Name: TABLE approval; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.approval TO portolan_app;


--
-- Name: TABLE approval_request; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.approval_request TO portolan_app;


--
-- Name: TABLE approval_request_event; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.approval_request_event TO portolan_app;


--
-- Name: TABLE budget; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.budget TO portolan_app;


--
-- Name: TABLE budget_state; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.budget_state TO portolan_app;


--
-- Name: TABLE bundle_signing_key; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.bundle_signing_key TO portolan_app;


--
-- Name: TABLE change_log; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.change_log TO portolan_app;


--
-- Name: TABLE decision_chain_head; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.decision_chain_head TO portolan_app;


--
-- Name: TABLE decision_log; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.decision_log TO portolan_app;


--
-- Name: TABLE dependency_ceiling; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.dependency_ceiling TO portolan_app;


--
-- Name: TABLE deployment; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deployment TO portolan_app;


--
-- Name: TABLE impact_analysis; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.impact_analysis TO portolan_app;


--
-- Name: TABLE log_checkpoint; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT ON TABLE public.log_checkpoint TO portolan_app;


--
-- Name: TABLE model; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.model TO portolan_app;


--
-- Name: TABLE notice; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.notice TO portolan_app;


--
-- Name: TABLE policy_revision; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.policy_revision TO portolan_app;


--
-- Name: TABLE policy_settings_draft; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.policy_settings_draft TO portolan_app;


--
-- Name: TABLE price; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.price TO portolan_app;


--
-- Name: TABLE replica; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.replica TO portolan_app;


--
-- Name: TABLE retention_policy; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.retention_policy TO portolan_app;


--
-- Name: TABLE retention_run; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT ON TABLE public.retention_run TO portolan_app;


--
-- Name: TABLE spend_daily; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.spend_daily TO portolan_app;


--
-- Name: TABLE team; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.team TO portolan_app;


--
-- Name: TABLE tenant; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.tenant TO portolan_app;


--
-- Name: TABLE usage_record; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.usage_record TO portolan_app;


--
-- Name: TABLE usage_report; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT ON TABLE public.usage_report TO portolan_app;


--
-- Name: TABLE vendor; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.vendor TO portolan_app;


--
-- Name: TABLE webhook; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook TO portolan_app;


--
-- Name: TABLE webhook_delivery; Type: ACL; Schema: public; Owner: portolan_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.webhook_delivery TO portolan_app;


--
-- PostgreSQL database dump complete
--


