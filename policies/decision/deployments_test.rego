package portolan.decision_test

import rego.v1

import data.portolan.decision

# DeepSeek's weights twice: on the tenant's own EU cluster, and through DeepSeek's API in China.
_where := {"acme": {
	"revision": "r3",
	"approvals": approve_all(["research"], ["deepseek-v3", "mistral-small", "gpt-4o", "bare"]),
	"teams": {"research": {}},
	"vendors": {
		"openai": {"jurisdiction": "US", "suspended": false, "suspensionReason": null},
		"mistral": {"jurisdiction": "FR", "suspended": false, "suspensionReason": null},
		"deepseek": {"jurisdiction": "CN", "suspended": false, "suspensionReason": null},
	},
	"models": {
		"deepseek-v3": {"vendor": "deepseek", "status": "approved", "openWeights": true, "selfHostable": true, "costTier": "low", "hostingRegions": ["eu", "cn"], "capabilities": ["chat"]},
		"mistral-small": {"vendor": "mistral", "status": "approved", "openWeights": true, "selfHostable": true, "costTier": "low", "hostingRegions": ["eu"], "capabilities": ["chat"]},
		"gpt-4o": {"vendor": "openai", "status": "approved", "openWeights": false, "selfHostable": false, "costTier": "high", "hostingRegions": ["eu", "us"], "capabilities": ["chat"]},
		"bare": {"vendor": "mistral", "status": "approved", "openWeights": true, "selfHostable": true, "costTier": "low", "hostingRegions": ["eu"], "capabilities": ["chat"]},
	},
	"deployments": {
		"deepseek-v3-own-eu": _deployment("deepseek-v3", "self-hosted", "FR", ["eu"], {"zeroDataRetention": true, "retentionDays": 0, "trainsOnPrompts": false}),
		"deepseek-v3": _deployment("deepseek-v3", "deepseek", "CN", ["cn"], {"retentionDays": 30, "trainsOnPrompts": true}),
		"mistral-small": _deployment("mistral-small", "mistral", "FR", ["eu"], {"zeroDataRetention": true, "retentionDays": 0, "trainsOnPrompts": false}),
		"gpt-4o": _deployment("gpt-4o", "openai", "US", ["eu", "us"], {}),
	},
	"settings": {
		"preferences": {"domesticJurisdiction": "FR", "preferOpenWeights": true, "preferLowerCost": true},
		"deployments": {
			"deniedOperatorJurisdictions": {"confidential": ["CN"], "restricted": ["CN"]},
			"selfHostedOnly": ["restricted"],
			"zeroRetentionOrSelfHostedOnly": ["confidential"],
			"noTrainingOnPrompts": ["confidential"],
		},
	},
}}

_deployment(model, operator, jurisdiction, regions, terms) := object.union(
	{
		"model": model, "operator": operator, "selfHosted": operator == "self-hosted",
		"operatorJurisdiction": jurisdiction, "status": "active", "regions": regions, "endpoint": null,
		"retentionDays": null, "trainsOnPrompts": null, "zeroDataRetention": false,
		"availableFromMs": null, "cutOffAtMs": null,
	},
	terms,
)

_at(model, classification, region) := result if {
	result := decision with input as _question(model, classification, region) with data.tenants as _where
}

_question(model, classification, region) := {
	"tenant": "acme", "team": "research", "model": model, "purpose": "chat",
	"dataClassification": classification, "region": region, "nowMs": 1795600800000,
}

_with_deployment(name, change) := tenants if {
	tenants := {"acme": object.union(_where.acme, {"deployments": object.union(
		_where.acme.deployments,
		{name: object.union(_where.acme.deployments[name], change)},
	)})}
}

test_team_can_use_deepseek_weights_on_its_own_eu_cluster_for_confidential_data if {
	_at("deepseek-v3", "confidential", "eu").allow
}

test_team_cannot_use_deepseek_for_confidential_data_where_only_its_chinese_api_serves if {
	result := _at("deepseek-v3", "confidential", "cn")
	not result.allow
	_codes(result) == {"operator_jurisdiction_denied", "deployment_region_not_served", "data_terms_not_met"}
	some r in result.reasons
	r.code == "operator_jurisdiction_denied"
	r.message == "deployments of model 'deepseek-v3' operated in a jurisdiction denied for confidential data: deepseek-v3"
}

test_team_can_use_a_model_without_deployments_where_no_deployment_rule_applies if {
	_at("bare", "internal", "eu").allow
	_at("deepseek-v3", "internal", "cn").allow
}

test_team_cannot_use_a_model_without_deployments_where_a_deployment_rule_applies if {
	result := _at("bare", "confidential", "eu")
	_codes(result) == {"no_deployment"}
}

test_team_cannot_use_a_vendor_api_for_self_hosted_only_data if {
	result := _at("mistral-small", "restricted", "eu")
	_codes(result) == {"self_hosted_deployment_required"}
	_at("deepseek-v3", "restricted", "eu").allow
}

test_team_cannot_send_confidential_data_where_retention_and_training_are_not_stated if {
	result := _at("gpt-4o", "confidential", "eu")
	_codes(result) == {"data_terms_not_met"}
	_at("mistral-small", "confidential", "eu").allow
}

test_team_cannot_use_a_suspended_or_cut_off_deployment if {
	suspended := decision with input as _question("mistral-small", "confidential", "eu")
		with data.tenants as _with_deployment("mistral-small", {"status": "suspended"})
	_codes(suspended) == {"deployment_unavailable"}
	cut := decision with input as _question("mistral-small", "confidential", "eu")
		with data.tenants as _with_deployment("mistral-small", {"cutOffAtMs": 1795600799999})
	_codes(cut) == {"deployment_unavailable"}
	later := decision with input as _question("mistral-small", "confidential", "eu")
		with data.tenants as _with_deployment("mistral-small", {"cutOffAtMs": 1795600800001})
	later.allow
	early := decision with input as _question("mistral-small", "confidential", "eu")
		with data.tenants as _with_deployment("mistral-small", {"availableFromMs": 1795600800001})
	[r.message | some r in early.reasons] == ["deployments of model 'mistral-small' suspended, cut off or not yet available: mistral-small"]
	opened := decision with input as _question("mistral-small", "confidential", "eu")
		with data.tenants as _with_deployment("mistral-small", {"availableFromMs": 1795600800000})
	opened.allow
}

test_team_is_offered_models_with_a_compliant_deployment_as_alternatives if {
	result := _at("gpt-4o", "confidential", "eu")
	[a.model | some a in result.alternatives] == ["mistral-small", "deepseek-v3"]
}
