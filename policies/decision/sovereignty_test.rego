package portolan.decision_test

import rego.v1

import data.portolan.decision

_sovereign := {"acme": {
	"revision": "r2",
	"approvals": approve_all(["research", "ops"], ["gpt-4o", "mistral-large", "mistral-small", "deepseek-v3", "embedder"]),
	"teams": {"research": {}, "ops": {"defaultTaskTier": "routine"}},
	"vendors": {
		"openai": {"jurisdiction": "US", "suspended": false, "suspensionReason": null},
		"mistral": {"jurisdiction": "FR", "suspended": false, "suspensionReason": null},
		"deepseek": {"jurisdiction": "CN", "suspended": false, "suspensionReason": null},
	},
	"models": {
		"gpt-4o": {"vendor": "openai", "status": "approved", "openWeights": false, "selfHostable": false, "costTier": "high", "hostingRegions": ["eu", "us"], "capabilities": ["chat", "code"]},
		"mistral-large": {"vendor": "mistral", "status": "approved", "openWeights": true, "selfHostable": true, "costTier": "medium", "hostingRegions": ["eu"], "capabilities": ["chat", "code"]},
		"mistral-small": {"vendor": "mistral", "status": "approved", "openWeights": true, "selfHostable": true, "costTier": "low", "hostingRegions": ["eu", "us"], "capabilities": ["chat"]},
		"deepseek-v3": {"vendor": "deepseek", "status": "approved", "openWeights": true, "selfHostable": true, "costTier": "low", "hostingRegions": ["cn", "apac"], "capabilities": ["chat", "code"]},
		"embedder": {"vendor": "openai", "status": "approved", "openWeights": false, "selfHostable": false, "costTier": "low", "hostingRegions": ["us"], "capabilities": ["embedding"]},
	},
	"settings": {
		"deniedJurisdictions": {"confidential": ["CN", "RU"], "restricted": ["CN", "RU"]},
		"watchedJurisdictions": {"restricted": ["US"], "confidential": ["US"]},
		"residency": {"confidential": ["eu", "uk"], "restricted": ["eu"]},
		"selfHostedOpenWeightsOnly": ["restricted"],
		"costTiers": {"routine": ["low"], "standard": ["low", "medium"], "critical": ["low", "medium", "high"]},
		"preferences": {"domesticJurisdiction": "FR", "preferOpenWeights": true, "preferLowerCost": true},
	},
}}

_ask(model, classification, region, tier) := {
	"tenant": "acme", "team": "research", "model": model, "purpose": "chat",
	"dataClassification": classification, "region": region, "taskTier": tier,
}

_eval(request) := result if {
	result := decision with input as request with data.tenants as _sovereign
}

test_team_cannot_use_denied_jurisdiction_for_confidential_data if {
	result := _eval(_ask("deepseek-v3", "confidential", "eu", "standard"))
	not result.allow
	"jurisdiction_denied" in _codes(result)
}

test_team_can_use_denied_jurisdiction_for_internal_data if {
	_eval(_ask("deepseek-v3", "internal", "apac", "standard")).allow
}

test_team_cannot_use_a_region_outside_residency if {
	result := _eval(_ask("mistral-large", "confidential", "us", "standard"))
	_codes(result) == {"region_not_allowed"}
}

test_team_cannot_use_model_hosted_outside_residency if {
	result := _eval(_ask("deepseek-v3", "confidential", "eu", "standard"))
	_codes(result) == {"jurisdiction_denied", "model_not_hosted_in_allowed_region"}
}

test_team_cannot_use_closed_model_for_restricted_data if {
	result := _eval(_ask("gpt-4o", "restricted", "eu", "critical"))
	_codes(result) == {"self_hosted_open_weights_required"}
}

test_team_can_use_self_hosted_open_model_for_restricted_data if {
	_eval(_ask("mistral-large", "restricted", "eu", "standard")).allow
}

test_team_cannot_use_expensive_model_for_routine_work if {
	result := _eval(_ask("gpt-4o", "internal", "eu", "routine"))
	_codes(result) == {"cost_tier_not_allowed"}
}

test_team_can_use_expensive_model_for_critical_work if {
	_eval(_ask("gpt-4o", "internal", "eu", "critical")).allow
}

test_team_default_task_tier_applies_without_one_in_the_request if {
	request := object.remove(object.union(_ask("mistral-large", "internal", "eu", null), {"team": "ops"}), ["taskTier"])
	result := _eval(request)
	_codes(result) == {"cost_tier_not_allowed"}
}

test_standard_tier_is_the_default_without_team_default if {
	request := object.remove(_ask("gpt-4o", "internal", "eu", null), ["taskTier"])
	_codes(_eval(request)) == {"cost_tier_not_allowed"}
}

test_watch_listed_jurisdiction_allows_with_an_obligation if {
	result := _eval(_ask("gpt-4o", "confidential", "eu", "critical"))
	result.allow
	[o.code | some o in result.obligations] == ["jurisdiction_watchlisted"]
}

test_no_obligation_without_watch_list if {
	result := _eval(_ask("gpt-4o", "internal", "eu", "critical"))
	result.obligations == []
}

test_suspension_wins_over_every_setting if {
	tenants := json.patch(_sovereign, [{"op": "replace", "path": "/acme/vendors/mistral/suspended", "value": true}])
	result := decision with input as _ask("mistral-large", "restricted", "eu", "standard") with data.tenants as tenants
	not result.allow
	_codes(result) == {"vendor_suspended"}
}

test_alternatives_rank_domestic_open_and_cheap_first if {
	result := _eval(_ask("deepseek-v3", "confidential", "eu", "critical"))
	[a.model | some a in result.alternatives] == ["mistral-small", "mistral-large", "gpt-4o"]
	result.alternatives[0].jurisdiction == "FR"
}

test_alternatives_share_a_capability if {
	result := _eval(_ask("deepseek-v3", "confidential", "eu", "critical"))
	every a in result.alternatives {
		a.model != "embedder"
	}
}

test_alternatives_are_empty_when_allowed if {
	result := _eval(_ask("mistral-small", "internal", "eu", "standard"))
	result.allow
	result.alternatives == []
}

test_alternatives_respect_the_request_settings if {
	# For routine work only low-cost models qualify.
	result := _eval(_ask("gpt-4o", "internal", "eu", "routine"))
	[a.model | some a in result.alternatives] == ["mistral-small", "deepseek-v3"]
}

test_tenant_without_settings_denies_nothing_by_them if {
	tenants := json.remove(_sovereign, ["/acme/settings"])
	result := decision with input as _ask("deepseek-v3", "restricted", "us", "routine") with data.tenants as tenants
	result.allow
}

test_unknown_team_gets_no_alternatives if {
	result := _eval(object.union(_ask("deepseek-v3", "confidential", "eu", "critical"), {"team": "ghosts"}))
	not result.allow
	result.alternatives == []
}

test_denied_decision_carries_no_obligations if {
	result := _eval(_ask("gpt-4o", "restricted", "eu", "critical"))
	not result.allow
	result.obligations == []
}
