package portolan.portability_test

import rego.v1

import data.portolan.decision_test
import data.portolan.portability

_tenants := {"acme": {
	"approvals": object.union(
		decision_test.approve_all(["research"], ["gpt-4o", "mistral-large", "deepseek-v3"]),
		decision_test.approve_all(["ops"], ["mistral-small", "deepseek-v3", "retired"]),
	),
	"vendors": {
		"openai": {"jurisdiction": "US", "suspended": false},
		"mistral": {"jurisdiction": "FR", "suspended": false},
		"deepseek": {"jurisdiction": "CN", "suspended": false},
	},
	"models": {
		"gpt-4o": {"vendor": "openai", "status": "approved", "capabilities": ["chat", "code"]},
		"mistral-large": {"vendor": "mistral", "status": "approved", "capabilities": ["chat", "code"]},
		"mistral-small": {"vendor": "mistral", "status": "approved", "capabilities": ["chat"]},
		"deepseek-v3": {"vendor": "deepseek", "status": "approved", "capabilities": ["chat", "code"]},
		"retired": {"vendor": "openai", "status": "retired", "capabilities": ["vision"]},
	},
}}

_ask(extra) := result if {
	result := portability with input as object.union({"tenant": "acme", "nowMs": 0}, extra) with data.tenants as _tenants
}

test_matrix_counts_vendors_and_jurisdictions_per_capability if {
	research := [t | some t in _ask({}).teams; t.team == "research"][0]
	some chat in research.capabilities
	chat.capability == "chat"
	chat.vendors == 3
	chat.jurisdictions == 3
}

test_matrix_leaves_out_models_the_team_cannot_use if {
	ops := [t | some t in _ask({}).teams; t.team == "ops"][0]
	[c.capability | some c in ops.capabilities] == ["chat", "code"]
}

test_what_if_a_vendor_goes_lists_teams_left_without_a_capability if {
	_ask({"vendor": "deepseek"}).what_if == [{"team": "ops", "capability": "code", "lost": ["deepseek-v3"]}]
}

test_what_if_a_jurisdiction_goes if {
	_ask({"jurisdiction": "FR"}).what_if == []
	[[l.team, l.capability] | some l in _ask({"jurisdiction": "CN"}).what_if] == [["ops", "code"]]
}

test_suspended_vendor_counts_as_gone_already if {
	tenants := json.patch(_tenants, [{"op": "replace", "path": "/acme/vendors/deepseek/suspended", "value": true}])
	result := portability with input as {"tenant": "acme", "nowMs": 0} with data.tenants as tenants
	ops := [t | some t in result.teams; t.team == "ops"][0]
	[c.capability | some c in ops.capabilities] == ["chat"]
}

test_expired_approvals_do_not_count if {
	result := _ask({"nowMs": 9999999999999})
	result.teams == []
}
