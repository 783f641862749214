package portolan.decision_test

import rego.v1

import data.portolan.decision

# The tenant of deployments_test.rego, with mistral-small also on a US cloud that is cheaper.
_routes := {"acme": object.union(_where.acme, {"deployments": object.union(_where.acme.deployments, {"mistral-small-cloud": object.union(
	_deployment("mistral-small", "cloudco", "US", ["us", "eu"], {"zeroDataRetention": true, "retentionDays": 0, "trainsOnPrompts": false}),
	{"endpoint": "https://cloudco.example/v1", "prices": [{"currency": "USD", "inputPerMillion": 0.1, "outputPerMillion": 0.3, "validFromMs": 0, "validToMs": null}]},
)})})}

_asking(model, deployment, classification, region) := object.union(_question(model, classification, region), {"deployment": deployment})

# object.union merges objects deeply: the old preferences are removed first.
_with_preferences(prefs) := {"acme": _replace(_routes.acme, "settings", _preferring(_routes.acme.settings, prefs))}

_preferring(settings, prefs) := _replace(settings, "preferences", prefs)

_replace(doc, key, value) := object.union(object.remove(doc, [key]), {key: value})

test_an_allowed_answer_routes_to_the_only_compliant_deployment if {
	result := decision with input as _question("deepseek-v3", "confidential", "eu") with data.tenants as _routes
	result.allow
	result.route == {
		"deployment": "deepseek-v3-own-eu", "model": "deepseek-v3", "operator": "self-hosted",
		"operatorJurisdiction": "FR", "region": "eu", "endpoint": null,
	}
}

test_the_route_serves_the_requests_region_even_where_no_deployment_rule_applies if {
	eu := decision with input as _question("deepseek-v3", "internal", "eu") with data.tenants as _routes
	eu.route.deployment == "deepseek-v3-own-eu"
	cn := decision with input as _question("deepseek-v3", "internal", "cn") with data.tenants as _routes
	cn.allow
	cn.route.deployment == "deepseek-v3"
	cn.route.operatorJurisdiction == "CN"
}

test_the_route_ranks_a_domestic_operator_first_then_the_cheaper if {
	domestic := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as _routes
	domestic.route.deployment == "mistral-small"
	cheaper := decision with input as _question("mistral-small", "internal", "eu")
		with data.tenants as _with_preferences({"preferLowerCost": true})
	cheaper.route == {
		"deployment": "mistral-small-cloud", "model": "mistral-small", "operator": "cloudco",
		"operatorJurisdiction": "US", "region": "eu", "endpoint": "https://cloudco.example/v1",
	}
	unpriced_first_in_region := decision with input as _question("mistral-small", "internal", "eu")
		with data.tenants as _with_preferences({"preferLowerCost": false})
	unpriced_first_in_region.route.deployment == "mistral-small" # eu is its first region, the cloud's second
}

test_the_route_prefers_a_self_hosted_deployment_unless_told_otherwise if {
	tenants := {"acme": object.union(_replace(_routes.acme, "settings", _preferring(_routes.acme.settings, {})), {
		"deployments": {"deepseek-v3": {"regions": ["eu"]}},
	})}
	own := decision with input as _question("deepseek-v3", "internal", "eu") with data.tenants as tenants
	own.route.deployment == "deepseek-v3-own-eu"
	indifferent := {"acme": _replace(tenants.acme, "settings", _preferring(tenants.acme.settings, {"preferSelfHosted": false, "preferLowerCost": false}))}
	api := decision with input as _question("deepseek-v3", "internal", "eu") with data.tenants as indifferent
	api.route.deployment == "deepseek-v3" # by name, once nothing else tells them apart
}

test_a_question_naming_its_deployment_is_decided_on_that_deployment if {
	own := decision with input as _asking("deepseek-v3", "deepseek-v3-own-eu", "confidential", "eu") with data.tenants as _routes
	own.allow
	own.route.deployment == "deepseek-v3-own-eu"
	api := decision with input as _asking("deepseek-v3", "deepseek-v3", "confidential", "eu") with data.tenants as _routes
	not api.allow
	api.route == null
	_codes(api) == {"operator_jurisdiction_denied", "deployment_region_not_served", "data_terms_not_met"}
	some r in api.reasons
	r.code == "deployment_region_not_served"
	r.message == "deployments of model 'deepseek-v3' not serving region 'eu': deepseek-v3"
}

test_a_named_deployment_is_held_to_availability_even_where_no_deployment_rule_applies if {
	tenants := {"acme": object.union(_routes.acme, {"deployments": object.union(_routes.acme.deployments, {"gpt-4o": object.union(_routes.acme.deployments["gpt-4o"], {"status": "suspended"})})})}
	named := decision with input as _asking("gpt-4o", "gpt-4o", "internal", "eu") with data.tenants as tenants
	_codes(named) == {"deployment_unavailable"}
	open := decision with input as _question("gpt-4o", "internal", "eu") with data.tenants as tenants
	open.allow # as before deployments: no deployment rule applies to internal data
	open.route == null # but there is nowhere to route it
}

test_a_question_naming_another_models_deployment_is_denied if {
	result := decision with input as _asking("deepseek-v3", "mistral-small", "internal", "eu") with data.tenants as _routes
	_codes(result) == {"deployment_unknown"}
	[r.message | some r in result.reasons] == ["deployment 'mistral-small' is not a deployment of model 'deepseek-v3'"]
	unknown := decision with input as _asking("deepseek-v3", "nowhere", "internal", "eu") with data.tenants as _routes
	_codes(unknown) == {"deployment_unknown"}
}

test_alternatives_name_the_deployment_they_would_route_to if {
	result := decision with input as _asking("deepseek-v3", "deepseek-v3", "confidential", "eu") with data.tenants as _routes
	[[a.model, a.route.deployment] | some a in result.alternatives] == [["mistral-small", "mistral-small"]]
	without := decision with input as _question("gpt-4o", "confidential", "eu") with data.tenants as _routes
	[[a.model, a.route.deployment] | some a in without.alternatives] == [["mistral-small", "mistral-small"], ["deepseek-v3", "deepseek-v3-own-eu"]]
}

test_a_model_without_deployments_is_allowed_without_a_route if {
	result := decision with input as _question("bare", "internal", "eu") with data.tenants as _routes
	result.allow
	result.route == null
}

test_a_route_through_a_watch_listed_operator_jurisdiction_carries_an_obligation if {
	tenants := {"acme": _replace(_routes.acme, "settings", object.union(_preferring(_routes.acme.settings, {"preferLowerCost": true}), {
		"deployments": object.union(_routes.acme.settings.deployments, {"watchedOperatorJurisdictions": {"internal": ["US"]}}),
	}))}
	avoided := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as tenants
	avoided.route.deployment == "mistral-small" # the cheaper US cloud is watch-listed: ranked after
	avoided.obligations == []
	watched := decision with input as _question("gpt-4o", "internal", "eu") with data.tenants as tenants
	watched.allow
	watched.obligations == [{
		"code": "operator_jurisdiction_watchlisted",
		"message": "deployment 'gpt-4o' is operated in US, watch-listed for internal data: record the use for review",
	}]
}

test_the_route_comes_from_the_index_when_the_document_has_one if {
	tenants := {"acme": object.union(_routes.acme, {"deploymentsByModel": {"mistral-small": ["mistral-small-cloud"]}})}
	result := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as tenants
	result.route.deployment == "mistral-small-cloud"
	bare := decision with input as _question("deepseek-v3", "internal", "eu") with data.tenants as tenants
	bare.route == null
}

test_preferences_stored_as_null_hold if {
	tenants := _with_preferences({"domesticJurisdiction": null, "preferSelfHosted": null, "preferLowerCost": null})
	result := decision with input as _question("mistral-small", "internal", "eu") with data.tenants as tenants
	result.route.deployment == "mistral-small-cloud"
}

_vendor_suspended_for(scope) := {"acme": object.union(_routes.acme, {"vendors": {"deepseek": {"suspended": true, "suspensionReason": "export review", "suspensionScope": scope}}})}

test_a_vendor_suspended_for_its_own_endpoints_leaves_its_weights_on_the_tenants_cluster if {
	tenants := _vendor_suspended_for("vendor-operated")
	own := decision with input as _question("deepseek-v3", "internal", "eu") with data.tenants as tenants
	own.allow
	own.route.deployment == "deepseek-v3-own-eu"
	api := decision with input as _question("deepseek-v3", "internal", "cn") with data.tenants as tenants
	_codes(api) == {"vendor_suspended"}
	[r.message | some r in api.reasons] == ["vendor 'deepseek' is suspended for its own endpoints: export review; no other deployment of model 'deepseek-v3' can take this call"]
	named := decision with input as _asking("deepseek-v3", "deepseek-v3", "internal", "cn") with data.tenants as tenants
	_codes(named) == {"vendor_suspended", "deployment_unavailable"}
}

test_a_vendor_suspended_outright_stops_its_weights_everywhere if {
	all := decision with input as _question("deepseek-v3", "internal", "eu") with data.tenants as _vendor_suspended_for("all")
	_codes(all) == {"vendor_suspended"}
	all.route == null
	unstated := decision with input as _question("deepseek-v3", "confidential", "eu")
		with data.tenants as {"acme": object.union(_routes.acme, {"vendors": {"deepseek": {"suspended": true, "suspensionReason": "x"}}})}
	_codes(unstated) == {"vendor_suspended"} # a document without a scope: the kill switch as before
}
