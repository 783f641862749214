package portolan.decision_test

import rego.v1

import data.portolan.decision

# _routes (routes_test.rego): mistral-small runs at Mistral in France (domestic, ranked first) and
# on a cheaper US cloud; deepseek-v3 on the tenant's own EU cluster and through DeepSeek's API.
_approved_on(model, approvals) := {"acme": _replace(_routes.acme, "approvals", {"research": {model: approvals}})}

_approval_of(classification, names) := {
	"id": sprintf("%s-%v", [classification, names]), "purpose": "chat", "maxDataClassification": classification,
	"regions": [], "expiresAtMs": 4102444800000, "deployments": names,
}

_reason_of(result, code) := [r.message | some r in result.reasons; r.code == code][0]

test_an_approval_naming_a_deployment_routes_there_over_a_better_ranked_one if {
	tenants := _approved_on("mistral-small", [_approval_of("restricted", ["mistral-small-cloud"])])
	result := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as tenants
	result.allow
	result.route.deployment == "mistral-small-cloud" # the domestic mistral-small ranks first, but is not approved
}

test_a_question_naming_a_deployment_the_approval_leaves_out_is_denied if {
	tenants := _approved_on("mistral-small", [_approval_of("restricted", ["mistral-small-cloud"])])
	result := decision with input as _asking("mistral-small", "mistral-small", "internal", "eu") with data.tenants as tenants
	not result.allow
	_codes(result) == {"approval_deployment_not_covered"}
	_reason_of(result, "approval_deployment_not_covered") == "the approval of model 'mistral-small' names deployments mistral-small-cloud; not: mistral-small"
	result.route == null
}

test_a_denial_names_the_approved_deployments_that_fail_and_the_ones_left_out if {
	# Approved only through DeepSeek's API, which confidential data may not use; the own cluster would do.
	tenants := _approved_on("deepseek-v3", [_approval_of("restricted", ["deepseek-v3"])])
	result := decision with input as _question("deepseek-v3", "confidential", "eu") with data.tenants as tenants
	not result.allow
	_codes(result) == {"approval_deployment_not_covered", "operator_jurisdiction_denied", "deployment_region_not_served", "data_terms_not_met"}
	_reason_of(result, "approval_deployment_not_covered") == "the approval of model 'deepseek-v3' names deployments deepseek-v3; not: deepseek-v3-own-eu"
}

test_an_approval_naming_no_deployment_covers_them_all if {
	tenants := _approved_on("mistral-small", [_approval_of("internal", ["mistral-small-cloud"]), _approval_of("restricted", [])])
	result := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as tenants
	result.route.deployment == "mistral-small"
}

test_approvals_covering_the_question_together_name_its_deployments if {
	tenants := _approved_on("mistral-small", [_approval_of("internal", ["mistral-small-cloud"]), _approval_of("restricted", ["mistral-small"])])
	both := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as tenants
	both.route.deployment == "mistral-small"

	# Confidential data: only the second approval covers it, so only its deployment.
	narrowed := _approved_on("mistral-small", [_approval_of("restricted", ["mistral-small-cloud"]), _approval_of("internal", ["mistral-small"])])
	confidential := decision with input as _question("mistral-small", "confidential", "eu") with data.tenants as narrowed
	confidential.route.deployment == "mistral-small-cloud"
	internal := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as narrowed
	internal.route.deployment == "mistral-small"
}

test_an_approval_naming_deployments_the_model_no_longer_has_covers_nothing if {
	gone := _approved_on("mistral-small", [_approval_of("restricted", ["mistral-small-old"])])
	some_left := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as gone
	_codes(some_left) == {"approval_deployment_not_covered"}

	bare := _approved_on("bare", [_approval_of("restricted", ["bare-gone"])])
	none_left := decision with input as _question("bare", "internal", "eu") with data.tenants as bare
	_codes(none_left) == {"approval_deployment_not_covered"}
	_reason_of(none_left, "approval_deployment_not_covered") == "the approval of model 'bare' names deployments it does not have: bare-gone"
}

test_alternatives_route_within_their_approvals if {
	approvals := {"research": {
		"mistral-small": [_approval_of("restricted", ["mistral-small-cloud"])],
		"gpt-4o": [_approval_of("internal", [])],
	}}
	tenants := {"acme": _replace(_routes.acme, "approvals", approvals)}
	result := decision with input as _question("gpt-4o", "confidential", "eu") with data.tenants as tenants
	not result.allow
	some alternative in result.alternatives
	alternative.model == "mistral-small"
	alternative.route.deployment == "mistral-small-cloud"
}

test_impact_and_catalog_route_within_the_approval if {
	tenants := _approved_on("mistral-small", [_approval_of("restricted", ["mistral-small-cloud"])])
	req := decision.request(_question("mistral-small", "internal", "eu"), tenants.acme)
	decision.route_for(tenants.acme, req).deployment == "mistral-small-cloud"
}
