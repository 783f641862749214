package portolan.answer_test

import rego.v1

import data.portolan.answer
import data.portolan.decision

_tenants := {"acme": {
	"revision": "r1",
	"approvals": {},
	"teams": {"research": {}},
	"vendors": {"mistral": {"jurisdiction": "FR", "suspended": false, "suspensionReason": null}},
	"models": {"mistral-large": {"vendor": "mistral", "status": "approved"}},
}}

_input := {
	"tenant": "acme", "team": "research", "model": "mistral-large", "purpose": "chat",
	"dataClassification": "internal", "region": "eu", "nowMs": 0,
}

test_the_answer_is_the_decision_package if {
	got := answer.answer with data.tenants as _tenants with input as _input
	got == {
		"allow": decision.allow,
		"revision": decision.revision,
		"reasons": decision.reasons,
		"obligations": decision.obligations,
		"alternatives": decision.alternatives,
		"route": decision.route,
		"alias": decision.alias,
	} with data.tenants as _tenants with input as _input
	got.revision == "r1"
	got.allow == false # no approval
	got.route == null
}

test_no_answer_without_tenant_data if {
	not answer.answer with data.tenants as {} with input as _input
}
