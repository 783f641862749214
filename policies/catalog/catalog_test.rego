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
