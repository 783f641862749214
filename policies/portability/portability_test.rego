package portolan.portability_test

import rego.v1

import data.portolan.decision_test
import data.portolan.portability

_tenants := {"acme": {
	"approvals": object.union(
		decision_test.approve_all(["research"], ["gpt-4o", "mistral-large", "deepseek-v3"]),
		decision_test.approve_all(["ops"], ["mistral-small", "deepseek-v3", "retired"]),
	),
	"teams": {"research": {}, "ops": {}},
	"vendors": {
		"openai": {"jurisdiction": "US", "suspended": false},
		"mistral": {"jurisdiction": "FR", "suspended": false},
		"deepseek": {"jurisdiction": "CN", "suspended": false},
	},
	"models": {
		"gpt-4o": {"vendor": "openai", "status": "approved", "capabilities": ["chat", "code"], "hostingRegions": ["us", "eu"], "costTier": "high"},
		"mistral-large": {"vendor": "mistral", "status": "approved", "capabilities": ["chat", "code"], "hostingRegions": ["eu"], "costTier": "high"},
		"mistral-small": {"vendor": "mistral", "status": "approved", "capabilities": ["chat"], "hostingRegions": ["eu"], "costTier": "low"},
		"deepseek-v3": {"vendor": "deepseek", "status": "approved", "capabilities": ["chat", "code"], "hostingRegions": ["cn"], "costTier": "low"},
		"retired": {"vendor": "openai", "status": "retired", "capabilities": ["vision"], "hostingRegions": ["us"], "costTier": "low"},
	},
	"settings": {},
}}

_ask(extra) := _ask_with(_tenants, extra)

_ask_with(tenants, extra) := result if {
	result := portability with input as object.union({"tenant": "acme", "nowMs": 0}, extra) with data.tenants as tenants
}

_capability(result, team, capability) := [c |
	some t in result.teams
	t.team == team
	some c in t.capabilities
	c.capability == capability
][0]

_by_class(capability, classification) := [c | some c in capability.byClassification; c.classification == classification][0]

_models(cover) := [m.model | some m in cover.models]

test_matrix_counts_vendors_and_jurisdictions_per_capability if {
	chat := _capability(_ask({}), "research", "chat")
	chat.vendors == 3
	chat.jurisdictions == 3
	_models(chat) == ["deepseek-v3", "gpt-4o", "mistral-large"]
}

test_matrix_leaves_out_models_the_team_cannot_use if {
	ops := [t | some t in _ask({}).teams; t.team == "ops"][0]
	[c.capability | some c in ops.capabilities] == ["chat", "code", "vision"]
	_models(_capability(_ask({}), "ops", "vision")) == []
}

# The settings decide: China denied for confidential data and above, closed weights not for restricted.
_sovereign := json.patch(_tenants, [{"op": "add", "path": "/acme/settings", "value": {
	"deniedJurisdictions": {"confidential": ["CN"], "restricted": ["CN"]},
	"selfHostedOpenWeightsOnly": ["restricted"],
}}])

test_coverage_is_per_classification_under_the_settings if {
	code := _capability(_ask_with(_sovereign, {}), "ops", "code")
	_models(code) == ["deepseek-v3"]
	_models(_by_class(code, "internal")) == ["deepseek-v3"]
	_models(_by_class(code, "confidential")) == []
	_models(_by_class(code, "restricted")) == []
}

test_an_approval_for_public_data_is_no_cover_for_restricted_work if {
	narrow := json.patch(_tenants, [{"op": "replace", "path": "/acme/approvals/ops/mistral-small/0/maxDataClassification", "value": "public"}])
	chat := _capability(_ask_with(narrow, {}), "ops", "chat")
	_models(_by_class(chat, "public")) == ["deepseek-v3", "mistral-small"]
	_models(_by_class(chat, "restricted")) == ["deepseek-v3"]
	portability.what_if == [
		{"team": "ops", "capability": "chat", "classification": "internal", "lost": ["deepseek-v3"]},
		{"team": "ops", "capability": "chat", "classification": "confidential", "lost": ["deepseek-v3"]},
		{"team": "ops", "capability": "chat", "classification": "restricted", "lost": ["deepseek-v3"]},
		{"team": "ops", "capability": "code", "classification": "public", "lost": ["deepseek-v3"]},
		{"team": "ops", "capability": "code", "classification": "internal", "lost": ["deepseek-v3"]},
		{"team": "ops", "capability": "code", "classification": "confidential", "lost": ["deepseek-v3"]},
		{"team": "ops", "capability": "code", "classification": "restricted", "lost": ["deepseek-v3"]},
	] with input as {"tenant": "acme", "nowMs": 0, "vendor": "deepseek"} with data.tenants as narrow
}

test_a_region_narrows_coverage if {
	chat := _capability(_ask({"region": "eu"}), "research", "chat")
	_models(_by_class(chat, "internal")) == ["deepseek-v3", "gpt-4o", "mistral-large"]
	residency := json.patch(_tenants, [{"op": "add", "path": "/acme/settings", "value": {"residency": {"internal": ["eu"]}}}])
	eu_only := _capability(_ask_with(residency, {"region": "eu"}), "research", "chat")
	_models(_by_class(eu_only, "internal")) == ["gpt-4o", "mistral-large"]
	_models(_by_class(_capability(_ask_with(residency, {"region": "us"}), "research", "chat"), "internal")) == []
}

test_what_if_a_vendor_goes_lists_teams_left_without_a_capability if {
	[[l.team, l.capability] | some l in _ask({"vendor": "deepseek"}).what_if] == [
		["ops", "code"], ["ops", "code"], ["ops", "code"], ["ops", "code"],
	]
}

test_what_if_counts_only_classifications_that_had_cover if {
	[[l.capability, l.classification] | some l in _ask_with(_sovereign, {"vendor": "deepseek"}).what_if] == [
		["code", "public"], ["code", "internal"],
	]
}

test_what_if_a_jurisdiction_goes if {
	_ask({"jurisdiction": "FR"}).what_if == []
	{[l.team, l.capability] | some l in _ask({"jurisdiction": "CN"}).what_if} == {["ops", "code"]}
}

test_suspended_vendor_counts_as_gone_already if {
	tenants := json.patch(_tenants, [{"op": "replace", "path": "/acme/vendors/deepseek/suspended", "value": true}])
	code := _capability(_ask_with(tenants, {}), "ops", "code")
	code.models == []
	code.vendors == 0
}

test_expired_approvals_do_not_count if {
	result := _ask({"nowMs": 9999999999999})
	result.teams == []
}

test_without_a_clock_the_engine_clock_counts if {
	result := portability with input as {"tenant": "acme"} with data.tenants as _tenants with time.now_ns as 9999999999999 * 1000000
	result.teams == []
}

_announced := json.patch(_tenants, [
	{"op": "add", "path": "/acme/vendors/mistral/cutOffAtMs", "value": 1000},
	{"op": "add", "path": "/acme/vendors/mistral/cutOffAt", "value": "1970-01-01T00:00:01Z"},
	{"op": "add", "path": "/acme/models/deepseek-v3/cutOffAtMs", "value": 500},
	{"op": "add", "path": "/acme/models/deepseek-v3/cutOffAt", "value": "1970-01-01T00:00:00.500Z"},
	{"op": "add", "path": "/acme/models/deepseek-v3/cutOffReason", "value": "export rule"},
])

_lost(entry) := {[l.team, l.capability] | some l in entry.teamsLosingCapabilities}

test_upcoming_cut_offs_come_earliest_first_with_what_each_leaves_uncovered if {
	[deepseek, mistral] := _ask_with(_announced, {}).upcoming
	deepseek.kind == "model"
	deepseek.id == "deepseek-v3"
	deepseek.reason == "export rule"
	deepseek.models == ["deepseek-v3"]

	# ops codes only with deepseek-v3; its chat still has mistral-small until the vendor goes.
	_lost(deepseek) == {["ops", "code"]}
	mistral.kind == "vendor"
	mistral.cutOffAt == "1970-01-01T00:00:01Z"
	mistral.models == ["mistral-large", "mistral-small"]
	_lost(mistral) == {["ops", "chat"], ["ops", "code"]}
}

test_a_cut_off_already_past_is_not_upcoming if {
	[mistral] := _ask_with(_announced, {"nowMs": 600}).upcoming
	mistral.id == "mistral"
}

# ops's code work rests on DeepSeek alone: on its API in China, or also on a cluster of the tenant's own.
_operated := json.patch(_tenants, [
	{"op": "add", "path": "/acme/settings", "value": {"preferences": {"domesticJurisdiction": "FR"}}},
	{"op": "add", "path": "/acme/deployments", "value": {
		"deepseek-api": {"model": "deepseek-v3", "operator": "deepseek", "operatorJurisdiction": "CN", "status": "active"},
		"mistral-small": {"model": "mistral-small", "operator": "mistral", "operatorJurisdiction": "FR", "status": "active"},
		"deepseek-own": {"model": "deepseek-v3", "operator": "self-hosted", "operatorJurisdiction": "FR", "status": "suspended"},
	}},
])

test_a_capability_resting_on_one_foreign_operator_is_flagged if {
	code := _capability(_ask_with(_operated, {}), "ops", "code")
	code.operators == 1
	code.operatorJurisdictions == 1
	code.risks == ["foreign_operated_only", "single_operator", "single_operator_jurisdiction"]
	chat := _capability(_ask_with(_operated, {}), "ops", "chat")
	chat.operators == 2
	chat.risks == []
}

test_a_self_hosted_deployment_in_service_counts_as_operated_at_home if {
	own := json.patch(_operated, [{"op": "replace", "path": "/acme/deployments/deepseek-own/status", "value": "active"}])
	code := _capability(_ask_with(own, {}), "ops", "code")
	code.operators == 2
	code.risks == []
}

test_what_if_an_operator_or_an_operator_jurisdiction_goes if {
	{[l.team, l.capability] | some l in _ask_with(_operated, {"operator": "deepseek"}).what_if} == {["ops", "code"]}
	{[l.team, l.capability] | some l in _ask_with(_operated, {"operatorJurisdiction": "CN"}).what_if} == {["ops", "code"]}
	own := json.patch(_operated, [{"op": "replace", "path": "/acme/deployments/deepseek-own/status", "value": "active"}])
	_ask_with(own, {"operatorJurisdiction": "CN"}).what_if == [] # its weights still run at home
	_ask_with(_operated, {"operator": "mistral"}).what_if == [] # research's models have no recorded deployment: not known to go
}
