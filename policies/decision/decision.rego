# METADATA
# title: Portolan decision
# description: |
#   May a team of a tenant use a model, for a purpose, with data of a classification, in a region?
#   allow is true only when no rule denied; reasons names every rule that denied. Tenant data lives at
#   data.tenants[<tenant>]: the live inventory (vendors, models, teams) and the published policy
#   settings, put there by Portolan.
package portolan.decision

import rego.v1

import data.portolan.deployments

default allow := false

allow if {
	data.tenants[input.tenant]
	count(reasons) == 0
}

# The revision of the tenant's policy data this answer was computed from.
revision := data.tenants[input.tenant].revision

# Rules read the tenant's data by reference: object.get on a whole document would copy it out of
# OPA's store on every evaluation, which costs more than the decision at thousands of models.
reasons := denials(data.tenants[input.tenant], _asked)

reasons := denials({}, request(input, {})) if not data.tenants[input.tenant]

# The question as the rules read it, an alias resolved (evaluated once per decision).
_asked := request(input, data.tenants[input.tenant])

# Conditions a gateway must honour when it goes ahead (a watch-listed jurisdiction, say).
default obligations := []

obligations := obligations_for(data.tenants[input.tenant], _asked) if allow

obligations_for(t, req) := [o | some o in _obligations(t, req)]

# Where to send an allowed call (deployment, model, operator, operatorJurisdiction, region,
# endpoint): the deployment the question names, else the best compliant one; null when the model has
# no deployment that passes, or the answer is a deny.
default route := null

route := route_of(data.tenants[input.tenant], _asked.model, _asked) if allow

# A question for an alias: {name, model}, the model it resolved to (null when no candidate may be
# used); null when the question named a model.
default alias := null

alias := alias_for(_asked)

_resolved_model(req) := null if req.alias_unresolved

_resolved_model(req) := req.model if not req.alias_unresolved

# Models the team may use instead, best first; only when the request is denied and the team exists.
default alternatives := []

alternatives := _alternatives(data.tenants[input.tenant], _asked) if {
	not allow
	data.tenants[input.tenant].teams[input.team]
}

# The models the team may use instead under a tenant's data t, best first (a suspension's preview).
alternatives_for(t, req) := _alternatives(t, req)

# Where an allowed request goes under a tenant's data t; null when denied or nowhere qualifies.
route_for(t, req) := r if {
	count(denials(t, req)) == 0
	r := route_of(t, req.model, req)
} else := null

# Where a request for model id goes under a tenant's data t, among the deployments the team's
# approval covers; undefined when no deployment qualifies.
route_of(t, id, req) := deployments.route(t, id, _scoped(t, id, req))

# A request's alias and the model it resolved to (null: none); null when it asked for a model.
alias_for(req) := {"name": req.alias, "model": _resolved_model(req)} if req.alias != null

alias_for(req) := null if req.alias == null

# Every rule that denies a request against a tenant's data t; empty when it may go ahead.
# Impact analysis calls this with a draft of t.
denials(t, req) := (_team_denials(t, req.team) | _subject_denials(t, req)) | _clock_denials(req)

_subject_denials(t, req) := _alias_denials(t, req) if req.alias_unresolved

_subject_denials(t, req) := _model_denials(t, req.model, req) if not req.alias_unresolved

# A decision request as the rules read it, with the team's default task tier filled in, and a
# question for an alias resolved to the model (and deployment) of its first usable candidate.
request(asked, t) := _resolve(t, _request(asked, t), asked.model)

_request(asked, t) := {
	"team": asked.team,
	"model": asked.model,
	"purpose": object.get(asked, "purpose", ""),
	"classification": asked.dataClassification,
	"region": asked.region,
	"task_tier": _task_tier(t, asked.team, object.get(asked, "taskTier", null)),
	# Evaluation time in epoch milliseconds; approvals expire against it. null: no usable clock.
	"now_ms": _now_ms(asked),
	# A pre-check of an approval request asks every rule but the approval itself.
	"precheck": object.get(asked, "precheck", false),
	# The deployment the call goes to, when the asker chose it; null leaves the route to the policy.
	"deployment": object.get(asked, "deployment", null),
	# A pre-check: the deployments the approval request names (null: any).
	"precheck_deployments": _precheck_deployments(asked),
	# The alias asked for (null: a model), and whether none of its candidates may be used.
	"alias": null,
	"alias_unresolved": false,
}

# Aliases: logical model names a tenant defines (data.tenants[t].aliases[name].candidates, an
# ordered list of {model, deployment}). A question for one is decided on its first candidate that
# no rule denies; a model of the same id wins over an alias.
_resolve(t, req, name) := req if not _is_alias(t, name)

_resolve(t, req, name) := object.union(_candidate(req, c), {"alias": name}) if {
	_is_alias(t, name)
	c := _first_usable(t, req, name)
}

# None usable: decided as the alias itself, denied alias_unresolved, the first candidate's capabilities for alternatives.
_resolve(t, req, name) := object.union(_candidate(req, t.aliases[name].candidates[0]), {"alias": name, "alias_unresolved": true}) if {
	_is_alias(t, name)
	not _first_usable(t, req, name)
}

_is_alias(t, name) if {
	t.aliases[name]
	not t.models[name]
}

_first_usable(t, req, name) := usable[0] if {
	usable := [c |
		some c in t.aliases[name].candidates
		count(_model_denials(t, c.model, _candidate(req, c))) == 0
	]
	count(usable) > 0
}

# The request sent to one candidate: its model, and its deployment if it names one (else the asker's).
_candidate(req, c) := object.union(req, {"model": c.model, "deployment": _or_default(object.get(c, "deployment", null), req.deployment)})

# METADATA
# title: alias_unresolved
# description: No candidate of the alias asked for may be used; the message names each with its reasons.
_alias_denials(t, req) := {_reason("alias_unresolved", msg)} if {
	why := [sprintf("%s (%s)", [c.model, concat(", ", sort([r.code | some r in _model_denials(t, c.model, _candidate(req, c))]))]) |
		some c in t.aliases[req.alias].candidates
	]
	msg := sprintf("no candidate of alias '%s' may be used: %s", [req.alias, concat("; ", why)])
}

# The asker's clock when it sends one: Portolan always does (a replay asks about a fixed time).
# Else the engine's own: OPA's at a sidecar; Portolan's embedded engine provides time.now_ns too.
# Never a default: a missing clock read as 0 made every expired approval valid at sidecars.
_now_ms(asked) := asked.nowMs if {
	is_number(asked.nowMs)
	asked.nowMs >= 0
} else := round(time.now_ns() / 1000000) if {
	not "nowMs" in object.keys(asked)
} else := null

# METADATA
# title: clock_unavailable
# description: The request carries a nowMs that is not a time, and the engine cannot read its own clock.
_clock_denials(request) := {_reason("clock_unavailable", msg)} if {
	request.now_ms == null
	msg := "no usable evaluation time: nowMs must be epoch milliseconds, or left out where the engine has a clock"
} else := set()

_task_tier(_, _, tier) := tier if tier != null

_task_tier(t, team, null) := t.teams[team].defaultTaskTier

_task_tier(t, team, null) := "standard" if not t.teams[team].defaultTaskTier

_settings(t) := t.settings

_settings(t) := {} if not t.settings

_vendor(t, id) := t.vendors[id]

_vendor(t, id) := {} if not t.vendors[id]

_jurisdiction(t, vendor) := object.get(_vendor(t, vendor), "jurisdiction", "")

_capabilities(t, id) := t.models[id].capabilities

_capabilities(t, id) := [] if not t.models[id].capabilities

_reason(code, message) := {"code": code, "message": message, "rule": code}

_team_denials(t, team) := {_reason("team_unknown", msg)} if {
	not t.teams[team]
	msg := sprintf("team '%s' does not exist in this tenant", [team])
} else := set()

# Every rule that denies a model for a request; empty when the model may be used.
_model_denials(t, id, request) := {_reason("model_unknown", msg)} if {
	not t.models[id]
	msg := sprintf("model '%s' is not in the inventory", [id])
} else := denials if {
	model := t.models[id]
	vendor := _vendor(t, model.vendor)
	settings := _settings(t)
	scoped := _scoped(t, id, request)
	denials := ((((((((_vendor_suspended(t, id, model, vendor, scoped) | _model_status(id, model)) | _cut_off(id, model, vendor, request)) | _jurisdiction_denied(settings, vendor, request)) | _residency(settings, id, model, request)) | _self_hosted(settings, id, model, request)) | _cost_tier(settings, id, model, request)) | _approval(t, id, request)) | deployments.denials(t, id, scoped)) | _budget(t, model, request)
}

# METADATA
# title: vendor_suspended
# description: |
#   The vendor is suspended (kill switch); this wins over every approval. Suspended for its own
#   endpoints only (suspensionScope vendor-operated), its models stay usable where another
#   deployment (the tenant's own, another operator's) can take the call.
_vendor_suspended(t, id, model, vendor, request) := {_reason("vendor_suspended", msg)} if {
	vendor.suspended
	not _own_endpoints_only(vendor)

	# object.get: a vendor without the field must not make the kill switch undefined, hence off.
	msg := sprintf("vendor '%s' is suspended: %s", [model.vendor, _suspension_reason(vendor)])
} else := {_reason("vendor_suspended", msg)} if {
	vendor.suspended
	_own_endpoints_only(vendor)
	not deployments.routable(t, id, request)
	msg := sprintf("vendor '%s' is suspended for its own endpoints: %s; no other deployment of model '%s' can take this call", [model.vendor, _suspension_reason(vendor), id])
} else := set()

_own_endpoints_only(vendor) if object.get(vendor, "suspensionScope", "all") == "vendor-operated"

_suspension_reason(vendor) := _or_default(object.get(vendor, "suspensionReason", null), "no reason given")

# METADATA
# title: model_suspended / model_not_approved
_model_status(id, model) := {_reason("model_suspended", sprintf("model '%s' is suspended", [id]))} if {
	model.status == "suspended"
} else := {_reason("model_not_approved", sprintf("model '%s' is %s, not approved", [id, model.status]))} if {
	model.status != "approved"
} else := set()

# METADATA
# title: cut_off
# description: The model or its vendor reached its announced cut-off (a retirement, an export rule).
_cut_off(id, model, vendor, request) := {_reason("cut_off", msg) |
	is_number(request.now_ms)
	some announced in _cut_offs(id, model, vendor)
	announced.atMs <= request.now_ms
	msg := sprintf("%s was cut off on %s: %s", [announced.what, announced.at, announced.reason])
}

# The cut-offs announced for model id of a tenant's data t (its own and its vendor's): what, atMs, at, reason.
cut_offs(t, id) := _cut_offs(id, t.models[id], _vendor(t, t.models[id].vendor))

# The cut-offs announced for a model: its own and its vendor's.
# Named only once one is announced: this runs for every model a decision weighs.
_cut_offs(id, model, vendor) := {announced |
	some subject in [["model", id, model], ["vendor", model.vendor, vendor]]
	node := subject[2]
	is_number(node.cutOffAtMs)
	announced := {
		"what": sprintf("%s '%s'", [subject[0], subject[1]]),
		"atMs": node.cutOffAtMs,
		"at": object.get(node, "cutOffAt", "the announced date"),
		"reason": _or_default(object.get(node, "cutOffReason", null), "no reason given"),
	}
}

# METADATA
# title: jurisdiction_denied
_jurisdiction_denied(settings, vendor, request) := {_reason("jurisdiction_denied", msg)} if {
	vendor.jurisdiction in object.get(settings, ["deniedJurisdictions", request.classification], [])
	msg := sprintf("vendor jurisdiction %s is denied for %s data", [vendor.jurisdiction, request.classification])
} else := set()

# METADATA
# title: region_not_allowed / model_not_hosted_in_allowed_region
_residency(settings, id, model, request) := denials if {
	allowed := object.get(settings, ["residency", request.classification], null)
	allowed != null
	region := {_reason("region_not_allowed", msg) |
		not request.region in allowed
		msg := sprintf("region '%s' is not allowed for %s data (allowed: %s)", [request.region, request.classification, concat(", ", allowed)])
	}
	hosting := {_reason("model_not_hosted_in_allowed_region", msg) |
		count({r | some r in model.hostingRegions; r in allowed}) == 0
		msg := sprintf("model '%s' is hosted only in %s, none allowed for %s data", [id, concat(", ", model.hostingRegions), request.classification])
	}
	denials := region | hosting
} else := set()

# METADATA
# title: self_hosted_open_weights_required
_self_hosted(settings, id, model, request) := {_reason("self_hosted_open_weights_required", msg)} if {
	request.classification in object.get(settings, "selfHostedOpenWeightsOnly", [])
	not _self_hostable_open(model)
	msg := sprintf("%s data needs a self-hosted open-weight model; '%s' is not one", [request.classification, id])
} else := set()

_self_hostable_open(model) if {
	model.openWeights
	model.selfHostable
}

# METADATA
# title: cost_tier_not_allowed
_cost_tier(settings, id, model, request) := {_reason("cost_tier_not_allowed", msg)} if {
	allowed := object.get(settings, ["costTiers", request.task_tier], null)
	allowed != null
	not model.costTier in allowed
	msg := sprintf("model '%s' costs %s; %s tasks may use %s", [id, model.costTier, request.task_tier, concat(", ", allowed)])
} else := set()

# METADATA
# title: budget_exceeded
# description: |
#   The team spent its monthly budget, or its budget for the model's vendor. With onExceeded
#   low-tier-only, low-cost models stay allowed. Not a question for an approval's pre-check.
_budget(t, model, request) := {_reason("budget_exceeded", msg) |
	not request.precheck
	some b in _current_budgets(t, request)
	b.percent >= 100
	_budget_covers(b, model)
	not _spared(b, model)
	msg := sprintf("team '%s' has spent its monthly budget%s of %s (%s spent)%s", [request.team, _budget_scope(b), b.limitText, b.spentText, _spared_hint(b)])
}

# The team's budgets whose month is the request's: a state from an earlier month no longer counts.
_current_budgets(t, request) := [b |
	is_number(request.now_ms)
	some b in _team_budgets(t, request.team)
	b.periodStartMs <= request.now_ms
	request.now_ms < b.periodEndMs
]

_team_budgets(t, team) := t.budgets[team]

_team_budgets(t, team) := [] if not t.budgets[team]

_budget_covers(b, _) if b.vendor == null

_budget_covers(b, model) if b.vendor == model.vendor

_spared(b, model) if {
	b.onExceeded == "low-tier-only"
	model.costTier == "low"
}

_budget_scope(b) := "" if b.vendor == null

_budget_scope(b) := sprintf(" for vendor '%s'", [b.vendor]) if b.vendor != null

_spared_hint(b) := "; only low-cost models are allowed until the month ends" if b.onExceeded == "low-tier-only"

_spared_hint(b) := "" if b.onExceeded != "low-tier-only"

# Whether a budget the request's model falls under is spent: alternatives then rank by cost first.
_over_budget(t, request) if {
	model := t.models[request.model]
	some b in _current_budgets(t, request)
	b.percent >= 100
	_budget_covers(b, model)
}

_budget_rank(t, request, model) := _cost_rank(true, model.costTier) if _over_budget(t, request)

_budget_rank(t, request, _) := 0 if not _over_budget(t, request)

# METADATA
# title: approval_missing / approval_expired / approval_classification_exceeded / approval_region_not_covered
# description: A team may use a model only under an active approval for it and the purpose.
_approval(t, id, request) := set() if {
	request.precheck
} else := set() if {
	some approval in _active_approvals(t, id, request)
	_covers(approval, request)
} else := {_reason("approval_missing", msg)} if {
	count(_approvals(t, id, request)) == 0
	msg := sprintf("team '%s' has no approval for model '%s' for purpose '%s'", [request.team, id, request.purpose])
} else := {_reason("approval_expired", msg)} if {
	count(_active_approvals(t, id, request)) == 0
	msg := sprintf("the approval of model '%s' for team '%s' and purpose '%s' has expired", [id, request.team, request.purpose])
} else := {_reason("approval_classification_exceeded", msg)} if {
	not _any_covers_classification(t, id, request)
	msg := sprintf("the approval of model '%s' does not cover %s data", [id, request.classification])
} else := {_reason("approval_region_not_covered", msg)} if {
	msg := sprintf("the approval of model '%s' does not cover region '%s'", [id, request.region])
}

_approvals(t, id, request) := [a |
	some a in t.approvals[request.team][id]
	a.purpose == request.purpose
]

_active_approvals(t, id, request) := [a |
	some a in _approvals(t, id, request)
	a.expiresAtMs > request.now_ms
]

_covers(approval, request) if {
	_classification_covered(approval, request)
	_region_covered(approval, request)
}

# The request with the deployments the team's approvals let it use (approved_deployments, read by
# the deployment rules as approval_deployment_not_covered); unchanged when any deployment will do.
_scoped(t, id, request) := object.union(request, {"approved_deployments": names}) if {
	names := _approved_deployments(t, id, request)
} else := request

# A pre-check asks about the deployments its approval request names.
_approved_deployments(_, _, request) := {name | some name in request.precheck_deployments} if {
	request.precheck
	request.precheck_deployments != null
}

# Else the deployments the approvals covering the request name, together; undefined when there is
# none (approval_missing and its kin say why) or one of them names none (any deployment).
_approved_deployments(t, id, request) := {name | some a in covering; some name in a.deployments} if {
	not request.precheck
	covering := [a | some a in _active_approvals(t, id, request); _covers(a, request)]
	count(covering) > 0
	every a in covering {
		count(object.get(a, "deployments", [])) > 0
	}
}

_precheck_deployments(asked) := asked.deployments if {
	is_array(asked.deployments)
	count(asked.deployments) > 0
} else := null

_any_covers_classification(t, id, request) if {
	some approval in _active_approvals(t, id, request)
	_classification_covered(approval, request)
}

_classification_covered(approval, request) if {
	classification_rank(request.classification) <= classification_rank(approval.maxDataClassification)
}

_region_covered(approval, _) if count(approval.regions) == 0

_region_covered(approval, request) if request.region in approval.regions

# Data classifications from least to most sensitive.
classification_rank(classification) := {"public": 0, "internal": 1, "confidential": 2, "restricted": 3}[classification]

_obligations(t, request) := ((_watchlist_obligations(t, request) | _cut_off_obligations(t, request)) | _budget_obligations(t, request)) | deployments.obligations(t, request.model, _scoped(t, request.model, request))

# METADATA
# title: budget_warning
# description: From 80% of a budget the model falls under, an allowed answer names what is left this month.
_budget_obligations(t, request) := {o |
	model := t.models[request.model]
	some b in _current_budgets(t, request)
	b.percent >= 80
	_budget_covers(b, model)
	o := {
		"code": "budget_warning",
		"message": sprintf("team '%s' has used %s of its monthly budget%s of %s: %s remain", [request.team, b.percentText, _budget_scope(b), b.limitText, b.remainingText]),
		"remainingMicros": b.remainingMicros,
		"currency": b.currency,
	}
}

# METADATA
# title: cut_off_scheduled
# description: An allowed answer for a model with a cut-off ahead names the date and where to move.
_cut_off_obligations(t, request) := {o |
	model := t.models[request.model]
	ahead := [[c.atMs, c.what, c] |
		some c in _cut_offs(request.model, model, _vendor(t, model.vendor))
		c.atMs > request.now_ms
	]
	count(ahead) > 0
	next := sort(ahead)[0][2]
	moves := [a.model | some a in _alternatives_beyond(t, request, next.atMs)]
	o := {
		"code": "cut_off_scheduled",
		"message": sprintf("%s is cut off on %s (%s): %s", [next.what, next.at, next.reason, _move_to(moves)]),
		"cutOffAt": next.at,
		"alternatives": moves,
	}
}

_move_to(moves) := sprintf("move to %s before then", [concat(", ", moves)]) if count(moves) > 0

_move_to(moves) := "no approved alternative yet: ask for one before then" if count(moves) == 0

_watchlist_obligations(t, request) := {o |
	model := t.models[request.model]
	jurisdiction := t.vendors[model.vendor].jurisdiction
	jurisdiction in object.get(_settings(t), ["watchedJurisdictions", request.classification], [])
	o := {
		"code": "jurisdiction_watchlisted",
		"message": sprintf("vendor jurisdiction %s is watch-listed for %s data: record the use for review", [jurisdiction, request.classification]),
	}
}

_alternatives(t, request) := array.concat(_alias_alternatives(t, request), [_alternative(t, id, open) |
	open := _open(request)
	some id in array.slice(_ranked_alternatives(t, open), 0, 5)
])

# Aliases listing the denied model that resolve to another model for the same question, by name:
# asking for the alias instead keeps the caller working when the model is cut off or suspended.
_alias_alternatives(t, request) := [object.union(_alternative(t, resolved.model, resolved), {"alias": name}) |
	request.alias == null
	some name in sort([n | some n, a in t.aliases; _is_alias(t, n); some c in a.candidates; c.model == request.model])
	resolved := _resolve(t, object.union(_open(request), {"model": name}), name)
	not resolved.alias_unresolved
	resolved.model != request.model
]

# The request with its deployment left to the policy: another model has deployments of its own.
_open(request) := object.union(request, {"deployment": null, "alias": null, "alias_unresolved": false})

# Alternatives to a model cut off at at_ms that are not cut off by then themselves.
_alternatives_beyond(t, request, at_ms) := [_alternative(t, id, open) | some id in array.slice(lasting, 0, 5)] if {
	open := _open(request)
	lasting := [id |
		some id in _ranked_alternatives(t, open)
		model := t.models[id]
		every c in _cut_offs(id, model, _vendor(t, model.vendor)) {
			c.atMs > at_ms
		}
	]
}

# Every model the team may use instead, best first (cheapest first when a budget is spent).
_ranked_alternatives(t, request) := [entry[2] |
	ranked := sort([[_budget_rank(t, request, model), _rank(t, model), id] |
		some id in _candidates(t, request)
		id != request.model
		model := t.models[id]
		_same_capability(t, request.model, model)
		count(_model_denials(t, id, request)) == 0
	])
	some entry in ranked
]

# Only models the team holds an approval for can qualify: every other is denied approval_missing.
# Weighing the whole inventory instead cost seconds per denial at a few thousand models.
_candidates(t, request) := {id | some id, _ in t.approvals[request.team]} if not request.precheck

_candidates(t, request) := {id | some id, _ in t.models} if request.precheck

_same_capability(t, requested, model) if {
	wanted := _capabilities(t, requested)
	count(wanted) > 0
	some c in model.capabilities
	c in wanted
}

_same_capability(t, requested, _) if {
	count(_capabilities(t, requested)) == 0
}

# Lower ranks first: domestic jurisdiction, then open weights, then cost, as the tenant prefers.
_rank(t, model) := [domestic, open, cost] if {
	prefs := object.get(_settings(t), "preferences", {})
	jurisdiction := _jurisdiction(t, model.vendor)
	domestic := _flag(object.get(prefs, "domesticJurisdiction", null) == jurisdiction)
	open := _open_rank(object.get(prefs, "preferOpenWeights", false), model.openWeights)
	cost := _cost_rank(object.get(prefs, "preferLowerCost", true), model.costTier)
}

_flag(true) := 0

_flag(false) := 1

_open_rank(true, open_weights) := _flag(open_weights)

_open_rank(false, _) := 0

_cost_rank(true, tier) := {"low": 0, "medium": 1, "high": 2}[tier]

_cost_rank(false, _) := 0

# A model the team may use instead, with the deployment a call to it would be routed to (null: none).
_alternative(t, id, request) := {
	"model": id,
	"vendor": model.vendor,
	"jurisdiction": _jurisdiction(t, model.vendor),
	"why": sprintf("approved %s model, %s weights, %s cost", [concat("/", model.capabilities), _weights(model), model.costTier]),
	"route": _route_or_null(t, id, request),
} if {
	model := t.models[id]
}

_route_or_null(t, id, request) := route_of(t, id, request)

_route_or_null(t, id, request) := null if not route_of(t, id, request)

_weights(model) := "open" if model.openWeights

_weights(model) := "closed" if not model.openWeights

_or_default(value, _) := value if value != null

_or_default(null, fallback) := fallback
