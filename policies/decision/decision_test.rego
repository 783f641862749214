package portolan.decision_test

import rego.v1

import data.portolan.decision

# Approvals for every team, model and the purpose "chat", for any data, never expiring.
approve_all(teams, models) := {team: {model: [{
	"id": sprintf("%s-%s", [team, model]),
	"purpose": "chat",
	"maxDataClassification": "restricted",
	"regions": [],
	"expiresAtMs": 4102444800000,
}] |
	some model in models
} |
	some team in teams
}

_tenants := {"acme": {
	"revision": "r1",
	"approvals": approve_all(["research"], ["mistral-large", "mistral-next", "mistral-old", "deepseek-v3"]),
	"teams": {"research": {}},
	"vendors": {
		"mistral": {"jurisdiction": "FR", "suspended": false, "suspensionReason": null},
		"deepseek": {"jurisdiction": "CN", "suspended": true, "suspensionReason": "export review"},
	},
	"models": {
		"mistral-large": {"vendor": "mistral", "status": "approved"},
		"mistral-next": {"vendor": "mistral", "status": "proposed"},
		"mistral-old": {"vendor": "mistral", "status": "suspended"},
		"deepseek-v3": {"vendor": "deepseek", "status": "approved"},
	},
}}

_input(model) := {"tenant": "acme", "team": "research", "model": model, "purpose": "chat", "dataClassification": "internal", "region": "eu"}

_codes(result) := {r.code | some r in result.reasons}

test_team_can_use_approved_model if {
	result := decision with input as _input("mistral-large") with data.tenants as _tenants
	result.allow
	count(result.reasons) == 0
	result.revision == "r1"
}

test_team_cannot_use_unknown_model if {
	result := decision with input as _input("gpt-9") with data.tenants as _tenants
	not result.allow
	_codes(result) == {"model_unknown"}
}

test_team_cannot_use_model_of_suspended_vendor if {
	result := decision with input as _input("deepseek-v3") with data.tenants as _tenants
	not result.allow
	_codes(result) == {"vendor_suspended"}
}

test_team_cannot_use_proposed_model if {
	result := decision with input as _input("mistral-next") with data.tenants as _tenants
	not result.allow
	_codes(result) == {"model_not_approved"}
}

test_team_cannot_use_suspended_model if {
	result := decision with input as _input("mistral-old") with data.tenants as _tenants
	not result.allow
	_codes(result) == {"model_suspended"}
}

test_unknown_team_cannot_use_any_model if {
	result := decision with input as object.union(_input("mistral-large"), {"team": "ghosts"})
		with data.tenants as _tenants
	not result.allow
	_codes(result) == {"team_unknown", "approval_missing"}
}

test_other_tenant_cannot_use_acme_models if {
	result := decision with input as object.union(_input("mistral-large"), {"tenant": "globex"})
		with data.tenants as _tenants
	not result.allow
	_codes(result) == {"model_unknown", "team_unknown"}
}

test_every_denying_rule_is_reported if {
	result := decision with input as object.union(_input("deepseek-v3"), {"team": "ghosts"})
		with data.tenants as _tenants
	_codes(result) == {"vendor_suspended", "team_unknown", "approval_missing"}
}

test_a_suspended_vendor_without_a_reason_field_is_still_suspended if {
	tenants := json.patch(_tenants, [{"op": "remove", "path": "/acme/vendors/deepseek/suspensionReason"}])
	result := decision with input as _input("deepseek-v3") with data.tenants as tenants
	"vendor_suspended" in _codes(result)
}
