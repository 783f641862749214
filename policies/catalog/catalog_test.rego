package portolan.catalog_test

import rego.v1

import data.portolan.catalog
import data.portolan.decision_test

_ask(classification, tier) := {"tenant": "acme", "team": "research", "purpose": "chat", "dataClassification": classification, "region": "eu", "taskTier": tier}

test_team_can_see_every_model_it_may_use if {
	result := catalog with input as _ask("confidential", "critical") with data.tenants as decision_test._sovereign
	[m.model | some m in result.models] == ["gpt-4o", "mistral-large", "mistral-small"]
	result.revision == "r2"
}

test_catalog_carries_obligations if {
	result := catalog with input as _ask("confidential", "critical") with data.tenants as decision_test._sovereign
	some m in result.models
	m.model == "gpt-4o"
	[o.code | some o in m.obligations] == ["jurisdiction_watchlisted"]
}

test_catalog_applies_cost_tiers if {
	result := catalog with input as _ask("internal", "routine") with data.tenants as decision_test._sovereign
	[m.model | some m in result.models] == ["deepseek-v3", "embedder", "mistral-small"]
}

test_unknown_team_sees_no_models if {
	result := catalog with input as object.union(_ask("internal", "critical"), {"team": "ghosts"})
		with data.tenants as decision_test._sovereign
	result.models == []
}

test_catalog_shows_the_price_valid_now if {
	prices := [
		{"currency": "USD", "inputPerMillion": 5, "outputPerMillion": 15, "validFromMs": 0, "validToMs": 1000},
		{"currency": "USD", "inputPerMillion": 2.5, "outputPerMillion": 10, "validFromMs": 1000, "validToMs": null},
	]
	tenants := json.patch(decision_test._sovereign, [{"op": "add", "path": "/acme/models/gpt-4o/prices", "value": prices}])
	now := object.union(_ask("confidential", "critical"), {"nowMs": 5000})
	result := catalog with input as now with data.tenants as tenants
	some m in result.models
	m.model == "gpt-4o"
	m.price == {"currency": "USD", "inputPerMillion": 2.5, "outputPerMillion": 10}
	before := catalog with input as object.union(now, {"nowMs": 500}) with data.tenants as tenants
	some b in before.models
	b.model == "gpt-4o"
	b.price.inputPerMillion == 5
	some unpriced in result.models
	unpriced.model == "mistral-large"
	unpriced.price == null
}

test_catalog_names_where_each_model_would_be_routed if {
	ask := {"tenant": "acme", "team": "research", "purpose": "chat", "dataClassification": "confidential", "region": "eu", "nowMs": 1795600800000}
	result := catalog with input as ask with data.tenants as decision_test._where
	[[m.model, m.route.deployment] | some m in result.models] == [["deepseek-v3", "deepseek-v3-own-eu"], ["mistral-small", "mistral-small"]]
	internal := catalog with input as object.union(ask, {"dataClassification": "internal"}) with data.tenants as decision_test._where
	some bare in internal.models
	bare.model == "bare"
	bare.route == null
}

test_catalog_routes_within_the_teams_approval if {
	ask := {"tenant": "acme", "team": "research", "purpose": "chat", "dataClassification": "internal", "region": "eu", "nowMs": 1795600800000}
	approval := {"id": "a", "purpose": "chat", "maxDataClassification": "restricted", "regions": [], "expiresAtMs": 4102444800000, "deployments": ["mistral-small-cloud"]}
	tenants := {"acme": object.union(object.remove(decision_test._routes.acme, ["approvals"]), {"approvals": {"research": {"mistral-small": [approval]}}})}
	result := catalog with input as ask with data.tenants as tenants
	[[m.model, m.route.deployment] | some m in result.models] == [["mistral-small", "mistral-small-cloud"]]
}
