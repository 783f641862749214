package portolan.decision_test

import rego.v1

import data.portolan.decision

# December 2026 in epoch milliseconds: its first instant, the next month's, and a time within.
_dec := 1796083200000

_jan_2027 := 1798761600000

_mid_dec := 1797000000000

_budget(percent, extra) := object.union(
	{
		"id": "b1", "vendor": null, "currency": "USD", "onExceeded": "deny", "percent": percent,
		"percentText": sprintf("%v%%", [percent]), "limitText": "100.00 USD", "spentText": "spent",
		"remainingMicros": 15000000, "remainingText": "15.00 USD", "periodStartMs": _dec, "periodEndMs": _jan_2027,
	},
	extra,
)

_budget_tenants(budgets) := {"acme": {
	"revision": "r1",
	"approvals": approve_all(["research"], ["premium-chat", "mid-chat", "cheap-chat", "other-chat"]),
	"teams": {"research": {}},
	"budgets": {"research": budgets},
	"vendors": {
		"bigco": {"jurisdiction": "US", "suspended": false},
		"smallco": {"jurisdiction": "FR", "suspended": false},
	},
	"models": {
		"premium-chat": {"vendor": "bigco", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "high"},
		"mid-chat": {"vendor": "bigco", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "medium"},
		"cheap-chat": {"vendor": "bigco", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "low"},
		"other-chat": {"vendor": "smallco", "status": "approved", "openWeights": false, "capabilities": ["chat"], "costTier": "medium"},
	},
}}

_in_december(model) := object.union(_input(model), {"nowMs": _mid_dec})

test_below_80_percent_a_budget_says_nothing if {
	result := decision with input as _in_december("premium-chat") with data.tenants as _budget_tenants([_budget(79, {})])
	result.allow
	result.obligations == []
}

test_from_80_percent_the_answer_names_what_is_left if {
	result := decision with input as _in_december("premium-chat") with data.tenants as _budget_tenants([_budget(85, {})])
	result.allow
	[o] := result.obligations
	o.code == "budget_warning"
	o.remainingMicros == 15000000
	o.currency == "USD"
	o.message == "team 'research' has used 85% of its monthly budget of 100.00 USD: 15.00 USD remain"
}

test_a_spent_budget_denies_and_ranks_cheaper_models_first_among_those_it_does_not_cover if {
	# The budget covers bigco only: smallco's model stays usable and comes first.
	budget := _budget(100, {"vendor": "bigco"})
	result := decision with input as _in_december("premium-chat") with data.tenants as _budget_tenants([budget])
	not result.allow
	_codes(result) == {"budget_exceeded"}
	some r in result.reasons
	r.message == "team 'research' has spent its monthly budget for vendor 'bigco' of 100.00 USD (spent spent)"
	[a.model | some a in result.alternatives] == ["other-chat"]
}

test_a_spent_team_budget_denies_every_model if {
	result := decision with input as _in_december("cheap-chat") with data.tenants as _budget_tenants([_budget(140, {})])
	not result.allow
	_codes(result) == {"budget_exceeded"}
	result.alternatives == []
}

test_low_tier_only_keeps_low_cost_models_allowed_and_ranks_them_first if {
	budget := _budget(100, {"onExceeded": "low-tier-only"})
	denied := decision with input as _in_december("premium-chat") with data.tenants as _budget_tenants([budget])
	not denied.allow
	some r in denied.reasons
	endswith(r.message, "; only low-cost models are allowed until the month ends")
	[a.model | some a in denied.alternatives] == ["cheap-chat"]

	allowed := decision with input as _in_december("cheap-chat") with data.tenants as _budget_tenants([budget])
	allowed.allow
	[o] := allowed.obligations
	o.code == "budget_warning"
}

test_last_months_state_no_longer_counts if {
	result := decision with input as object.union(_input("premium-chat"), {"nowMs": _jan_2027}) with data.tenants as _budget_tenants([_budget(100, {})])
	result.allow
	result.obligations == []
}

test_an_approval_pre_check_does_not_ask_the_budget if {
	asked := object.union(_in_december("premium-chat"), {"precheck": true})
	result := decision with input as asked with data.tenants as _budget_tenants([_budget(100, {})])
	result.allow
}

test_a_budget_of_another_team_or_vendor_does_not_apply if {
	other_vendor := decision with input as _in_december("other-chat") with data.tenants as _budget_tenants([_budget(100, {"vendor": "bigco"})])
	other_vendor.allow
	tenants := json.patch(_budget_tenants([_budget(100, {})]), [{"op": "move", "from": "/acme/budgets/research", "path": "/acme/budgets/sales"}])
	other_team := decision with input as _in_december("premium-chat") with data.tenants as tenants
	other_team.allow
}
