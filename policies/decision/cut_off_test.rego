package portolan.decision_test

import rego.v1

import data.portolan.decision

# 2027-01-01T00:00:00Z and 2027-06-01T00:00:00Z in epoch milliseconds.
_jan := 1798761600000

_jun := 1811808000000

_cut_off_tenants := {"acme": {
	"revision": "r1",
	"approvals": approve_all(["research"], ["old-chat", "new-chat", "eu-chat", "doomed-chat"]),
	"teams": {"research": {}},
	"vendors": {
		"legacy": {"jurisdiction": "US", "suspended": false},
		"fresh": {"jurisdiction": "FR", "suspended": false},
		"sunset": {"jurisdiction": "US", "suspended": false, "cutOffAtMs": _jan, "cutOffAt": "2027-01-01T00:00:00Z", "cutOffReason": "export rule"},
	},
	"models": {
		"old-chat": {"vendor": "legacy", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "low", "cutOffAtMs": _jun, "cutOffAt": "2027-06-01T00:00:00Z", "cutOffReason": "retired by its vendor"},
		"new-chat": {"vendor": "fresh", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "medium"},
		"eu-chat": {"vendor": "fresh", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "high", "cutOffAtMs": _jan, "cutOffAt": "2027-01-01T00:00:00Z"},
		"doomed-chat": {"vendor": "sunset", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "low"},
	},
}}

_asked_at(model, now_ms) := object.union(_input(model), {"nowMs": now_ms})

test_a_model_past_its_cut_off_is_denied_with_the_date_and_reason if {
	result := decision with input as _asked_at("old-chat", _jun) with data.tenants as _cut_off_tenants
	not result.allow
	_codes(result) == {"cut_off"}
	some r in result.reasons
	r.message == "model 'old-chat' was cut off on 2027-06-01T00:00:00Z: retired by its vendor"
}

test_a_vendors_cut_off_denies_its_models if {
	result := decision with input as _asked_at("doomed-chat", _jan + 1) with data.tenants as _cut_off_tenants
	_codes(result) == {"cut_off"}
	some r in result.reasons
	contains(r.message, "vendor 'sunset' was cut off on 2027-01-01T00:00:00Z: export rule")
}

test_before_the_cut_off_the_answer_allows_and_names_the_date_and_lasting_alternatives if {
	result := decision with input as _asked_at("old-chat", _jan - 1) with data.tenants as _cut_off_tenants
	result.allow
	[o] := result.obligations
	o.code == "cut_off_scheduled"
	o.cutOffAt == "2027-06-01T00:00:00Z"

	# eu-chat and doomed-chat go before old-chat does: no cover.
	o.alternatives == ["new-chat"]
	o.message == "model 'old-chat' is cut off on 2027-06-01T00:00:00Z (retired by its vendor): move to new-chat before then"
}

test_the_earliest_of_the_models_and_its_vendors_cut_off_is_named if {
	result := decision with input as _asked_at("doomed-chat", _jan - 1) with data.tenants as _cut_off_tenants
	[o] := result.obligations
	o.cutOffAt == "2027-01-01T00:00:00Z"
	startswith(o.message, "vendor 'sunset' is cut off on 2027-01-01T00:00:00Z (export rule): move to ")
}

test_a_cut_off_without_an_alternative_says_so if {
	tenants := json.patch(_cut_off_tenants, [{"op": "remove", "path": "/acme/models/new-chat"}])
	result := decision with input as _asked_at("old-chat", _jan + 1) with data.tenants as tenants
	[o] := result.obligations
	o.alternatives == []
	endswith(o.message, "no approved alternative yet: ask for one before then")
}

test_no_cut_off_no_obligation if {
	result := decision with input as _asked_at("new-chat", _jan) with data.tenants as _cut_off_tenants
	result.allow
	result.obligations == []
}

test_a_cut_off_model_is_never_offered_as_an_alternative if {
	tenants := json.patch(_cut_off_tenants, [{"op": "replace", "path": "/acme/models/new-chat/status", "value": "suspended"}])
	before := decision with input as _asked_at("new-chat", _jan - 1) with data.tenants as tenants
	{a.model | some a in before.alternatives} == {"old-chat", "eu-chat", "doomed-chat"}
	after := decision with input as _asked_at("new-chat", _jun) with data.tenants as tenants
	not after.allow
	after.alternatives == []
}
