package portolan.decision_test

import rego.v1

import data.portolan.decision

_now := 1795600000000

_approval(purpose, classification, regions, expires) := {
	"id": "a1", "purpose": purpose, "maxDataClassification": classification,
	"regions": regions, "expiresAtMs": expires,
}

_with_approvals(approvals) := json.patch(_sovereign, [{"op": "replace", "path": "/acme/approvals", "value": {"research": {"mistral-large": approvals}}}])

_ask_at(model, classification, region) := {
	"tenant": "acme", "team": "research", "model": model, "purpose": "chat",
	"dataClassification": classification, "region": region, "taskTier": "standard", "nowMs": _now,
}

_decide(approvals, request) := result if {
	result := decision with input as request with data.tenants as _with_approvals(approvals)
}

test_team_can_use_model_under_active_approval if {
	_decide([_approval("chat", "confidential", ["eu"], _now + 1000)], _ask_at("mistral-large", "confidential", "eu")).allow
}

test_team_cannot_use_model_without_approval if {
	result := _decide([], _ask_at("mistral-large", "internal", "eu"))
	_codes(result) == {"approval_missing"}
}

test_team_cannot_use_model_approved_for_another_purpose if {
	result := _decide([_approval("code-review", "restricted", [], _now + 1000)], _ask_at("mistral-large", "internal", "eu"))
	_codes(result) == {"approval_missing"}
}

test_team_cannot_use_model_after_approval_expiry if {
	result := _decide([_approval("chat", "restricted", [], _now - 1)], _ask_at("mistral-large", "internal", "eu"))
	_codes(result) == {"approval_expired"}
}

test_team_cannot_exceed_approved_classification if {
	result := _decide([_approval("chat", "internal", [], _now + 1000)], _ask_at("mistral-large", "confidential", "eu"))
	_codes(result) == {"approval_classification_exceeded"}
}

test_team_cannot_use_region_outside_approval if {
	result := _decide([_approval("chat", "restricted", ["uk"], _now + 1000)], _ask_at("mistral-large", "internal", "eu"))
	_codes(result) == {"approval_region_not_covered"}
}

test_any_covering_approval_suffices if {
	approvals := [_approval("chat", "internal", [], _now + 1000), _approval("chat", "restricted", ["eu"], _now + 1000)]
	_decide(approvals, _ask_at("mistral-large", "restricted", "eu")).allow
}

test_precheck_ignores_the_missing_approval_but_not_other_rules if {
	request := object.union(_ask_at("deepseek-v3", "confidential", "eu"), {"precheck": true})
	result := _decide([], request)
	_codes(result) == {"jurisdiction_denied", "model_not_hosted_in_allowed_region"}
}

test_alternatives_are_only_models_the_team_holds_approvals_for if {
	result := _decide([_approval("chat", "restricted", [], _now + 1000)], _ask_at("gpt-4o", "internal", "eu"))
	not result.allow
	[a.model | some a in result.alternatives] == ["mistral-large"]
}

_ask_without_clock(model) := object.remove(_ask_at(model, "internal", "eu"), ["nowMs"])

test_without_now_ms_the_engine_clock_expires_the_approval if {
	result := decision with input as _ask_without_clock("mistral-large")
		with data.tenants as _with_approvals([_approval("chat", "restricted", [], _now + 1000)])
		with time.now_ns as (_now + 2000) * 1000000
	_codes(result) == {"approval_expired"}
}

test_without_now_ms_the_engine_clock_keeps_an_active_approval if {
	result := decision with input as _ask_without_clock("mistral-large")
		with data.tenants as _with_approvals([_approval("chat", "restricted", [], _now + 1000)])
		with time.now_ns as _now * 1000000
	result.allow
}

test_a_now_ms_that_is_not_a_time_denies if {
	every bad in ["yesterday", null, -1, true] {
		result := _decide([_approval("chat", "restricted", [], _now + 1000)], object.union(_ask_at("mistral-large", "internal", "eu"), {"nowMs": bad}))
		_codes(result) == {"clock_unavailable"}
	}
}
