package portolan.approval_test

import rego.v1

import data.portolan.approval
import data.portolan.decision_test

_request(model, classification, regions) := {
	"tenant": "acme", "team": "research", "model": model, "purpose": "chat",
	"dataClassification": classification, "regions": regions, "nowMs": 0,
}

_check(request) := result if {
	result := approval with input as request with data.tenants as decision_test._sovereign
}

test_precheck_finds_what_the_policy_would_deny_per_region if {
	result := _check(_request("deepseek-v3", "confidential", ["eu", "us"]))
	[r.code | some r in result.findings] == ["jurisdiction_denied", "model_not_hosted_in_allowed_region", "region_not_allowed"]
}

test_precheck_finds_nothing_for_a_sound_request if {
	_check(_request("mistral-large", "internal", ["eu"])).findings == []
}

test_restricted_data_is_high_risk if {
	result := _check(_request("mistral-large", "restricted", ["eu"]))
	result.high_risk
	result.high_risk_because == {"restricted_data"}
}

test_closed_weights_for_confidential_data_is_high_risk if {
	result := _check(_request("gpt-4o", "confidential", ["eu"]))
	result.high_risk_because == {"closed_weights", "watched_jurisdiction"}
}

test_watched_jurisdiction_is_high_risk if {
	result := _check(_request("gpt-4o", "restricted", ["eu"]))
	result.high_risk_because == {"restricted_data", "closed_weights", "watched_jurisdiction"}
}

test_internal_data_on_open_weights_is_not_high_risk if {
	not _check(_request("mistral-large", "internal", ["eu"])).high_risk
}

test_tenant_setting_changes_what_is_high_risk if {
	tenants := json.patch(decision_test._sovereign, [{"op": "add", "path": "/acme/settings/highRisk", "value": {"classifications": [], "closedWeightsFrom": "never", "watchedJurisdictions": false}}])
	result := approval with input as _request("gpt-4o", "restricted", ["eu"]) with data.tenants as tenants
	not result.high_risk
}

test_precheck_asks_about_the_deployments_the_request_names if {
	ask := object.union(_request("deepseek-v3", "confidential", ["eu"]), {"deployments": ["deepseek-v3"]})
	result := approval with input as ask with data.tenants as decision_test._where
	[r.code | some r in result.findings] == ["approval_deployment_not_covered", "data_terms_not_met", "deployment_region_not_served", "operator_jurisdiction_denied"]
	any := approval with input as object.union(ask, {"deployments": []}) with data.tenants as decision_test._where
	any.findings == []
}
