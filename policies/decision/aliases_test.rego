package portolan.decision_test

import rego.v1

import data.portolan.decision

# chat-default: a closed US model first, then DeepSeek's weights on the tenant's own EU cluster.
_aliased := {"acme": object.union(_routes.acme, {"aliases": {
	"chat-default": {"candidates": [{"model": "gpt-4o", "deployment": null}, {"model": "deepseek-v3", "deployment": "deepseek-v3-own-eu"}]},
	"code-cheap": {"candidates": [{"model": "ghost", "deployment": null}]},
	"mistral-small": {"candidates": [{"model": "gpt-4o", "deployment": null}]},
}})}

_suspended(vendor) := {"acme": object.union(_aliased.acme, {"vendors": {vendor: {"suspended": true, "suspensionReason": "export review"}}})}

test_an_alias_resolves_to_its_first_usable_candidate if {
	result := decision with input as _question("chat-default", "internal", "eu") with data.tenants as _aliased
	result.allow
	result.alias == {"name": "chat-default", "model": "gpt-4o"}
	result.route.deployment == "gpt-4o"
}

test_an_alias_moves_to_the_next_candidate_when_the_first_may_not_be_used if {
	confidential := decision with input as _question("chat-default", "confidential", "eu") with data.tenants as _aliased
	confidential.allow # gpt-4o's terms are not stated: confidential data goes to the own cluster
	confidential.alias.model == "deepseek-v3"
	confidential.route.deployment == "deepseek-v3-own-eu"
	suspended := decision with input as _question("chat-default", "internal", "eu") with data.tenants as _suspended("openai")
	suspended.allow
	suspended.alias.model == "deepseek-v3"
}

test_a_candidates_deployment_is_held_to_every_rule if {
	result := decision with input as _question("chat-default", "internal", "cn") with data.tenants as _suspended("openai")
	not result.allow # the own cluster does not serve cn; the candidate names it, so DeepSeek's API is not used
	_codes(result) == {"alias_unresolved"}
	[r.message | some r in result.reasons] == ["no candidate of alias 'chat-default' may be used: gpt-4o (vendor_suspended); deepseek-v3 (deployment_region_not_served)"]
	result.alias == {"name": "chat-default", "model": null}
	result.route == null

	# Other models the team may use in cn (internal data needs no deployment rule: bare and mistral-small go unrouted).
	[[a.model, _routed(a)] | some a in result.alternatives] == [["bare", null], ["mistral-small", null], ["deepseek-v3", "deepseek-v3"]]
}

test_an_alias_of_an_unknown_model_is_unresolved if {
	result := decision with input as _question("code-cheap", "internal", "eu") with data.tenants as _aliased
	[r.message | some r in result.reasons] == ["no candidate of alias 'code-cheap' may be used: ghost (model_unknown)"]
}

test_a_model_wins_over_an_alias_of_the_same_name if {
	result := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as _aliased
	result.allow
	result.alias == null
	result.route.model == "mistral-small"
}

test_a_denied_model_names_the_alias_that_still_resolves_as_its_first_alternative if {
	result := decision with input as _question("gpt-4o", "internal", "eu") with data.tenants as _suspended("openai")
	not result.allow
	first := result.alternatives[0]
	first.alias == "chat-default"
	first.model == "deepseek-v3"
	first.route.deployment == "deepseek-v3-own-eu"
	[a.model | some a in array.slice(result.alternatives, 1, 10)] == ["bare", "mistral-small", "deepseek-v3"]
}

_routed(alternative) := alternative.route.deployment if alternative.route != null

_routed(alternative) := null if alternative.route == null
