# METADATA
# title: Portolan decision, where the model runs
# description: |
#   A model's weights come from its vendor; its deployments say who runs them, where, and on what
#   data terms (data.tenants[t].deployments). For a data classification the tenant's settings name
#   in "deployments", the model may be used only when at least one of its deployments passes every
#   such rule; otherwise the answer names each rule that ruled deployments out. Classifications
#   no deployment rule names are decided as before, so models without deployments keep their answers.
#   Its own package, loaded before portolan.decision (which calls denials): OPA's policy API compiles
#   each module as it is put, so neither may need the other to compile.
package portolan.deployments

import rego.v1

# Every deployment rule that denies the model for the request; empty when none applies or a deployment passes them all.
# A request that names its deployment is decided on that deployment alone, every rule applying.
denials(t, id, request) := _named_denials(t, id, request, name) if {
	name := _asked(request)
} else := set() if {
	not _deployment_rules_apply(_deployment_rules(t), request.classification)
	not _approval_scoped(request)
} else := {_reason("no_deployment", msg)} if {
	count(_deployments_of(t, id)) == 0
	not _approval_scoped(request)
	msg := sprintf("%s data needs a recorded deployment of model '%s'; it has none", [request.classification, id])
} else := {_reason("approval_deployment_not_covered", msg)} if {
	count(_deployments_of(t, id)) == 0
	msg := sprintf("the approval of model '%s' names deployments it does not have: %s", [id, concat(", ", sort(request.approved_deployments))])
} else := set() if {
	some name in _deployment_ids(t, id)
	count(_deployment_failures(t, _deployment_rules(t), name, request)) == 0
} else := {_reason(code, _deployment_message(code, id, request, names)) |
	rules := _deployment_rules(t)
	failures := {name: _deployment_failures(t, rules, name, request) | some name in _deployment_ids(t, id)}
	some code in {c | some codes in failures; some c in codes}
	names := concat(", ", sort([name | some name, codes in failures; code in codes]))
}

# METADATA
# title: deployment_unknown
# description: The request names a deployment that is not one of the model's.
_named_denials(t, id, request, name) := {_reason("deployment_unknown", msg)} if {
	not t.deployments[name].model == id
	msg := sprintf("deployment '%s' is not a deployment of model '%s'", [name, id])
} else := {_reason(code, _deployment_message(code, id, request, name)) |
	some code in _deployment_failures(t, _deployment_rules(t), name, request)
}

# The deployment the request names; undefined when it leaves the choice to the policy.
_asked(request) := request.deployment if is_string(request.deployment)

# Where to send an allowed call: the deployment the request names, else the best of the model's
# deployments that passes every rule for the request (available, serving its region, and the
# classification's deployment rules), ranked by the tenant's preferences. Undefined when none does.
route(t, id, request) := _route(t, name, request) if {
	name := _asked(request)
	t.deployments[name].model == id
} else := _route(t, best, request) if {
	rules := _deployment_rules(t)
	ranked := sort([[_route_rank(t, rules, d, request), name] |
		some name in _deployment_ids(t, id)
		d := t.deployments[name]
		count(_deployment_failures(t, rules, name, request)) == 0
	])
	best := ranked[0][1]
}

# Whether a call may go to a deployment of the model: the one the request names, else any.
routable(t, id, request) if {
	name := _asked(request)
	t.deployments[name].model == id
	count(_deployment_failures(t, _deployment_rules(t), name, request)) == 0
}

routable(t, id, request) if {
	not _asked(request)
	some name in _deployment_ids(t, id)
	count(_deployment_failures(t, _deployment_rules(t), name, request)) == 0
}

_route(t, name, request) := {
	"deployment": name,
	"model": d.model,
	"operator": d.operator,
	"operatorJurisdiction": d.operatorJurisdiction,
	"region": request.region,
	"endpoint": d.endpoint,
} if {
	d := t.deployments[name]
}

# Lower ranks first: not watch-listed, a domestic operator, self-hosted, cheaper, and the request's
# region earlier in the deployment's list (its primary region first).
_route_rank(t, rules, d, request) := [watched, domestic, self_hosted, cost, region] if {
	prefs := _preferences(t)
	watched := _watched_rank(rules, d, request)
	domestic := _flag(object.get(prefs, "domesticJurisdiction", null) == d.operatorJurisdiction)
	self_hosted := _self_hosted_rank(_unless_false(prefs, "preferSelfHosted"), d.selfHosted)
	cost := _cost_rank(_unless_false(prefs, "preferLowerCost"), t, d, request.now_ms)
	region := [i | some i, r in d.regions; r == request.region][0]
}

_watched_rank(rules, d, request) := 1 if _operator_watched(rules, d, request)

_watched_rank(rules, d, request) := 0 if not _operator_watched(rules, d, request)

_preferences(t) := t.settings.preferences

_preferences(t) := {} if not t.settings.preferences

# A preference left out (or null, in settings stored before it existed) holds.
_unless_false(prefs, key) := object.get(prefs, key, true) != false

_flag(true) := 0

_flag(false) := 1

_self_hosted_rank(true, self_hosted) := _flag(self_hosted)

_self_hosted_rank(false, _) := 0

# The price per million input and output tokens at now: the deployment's own, else its model's;
# a deployment with neither ranks after every priced one. Currencies are not converted.
_cost_rank(false, _, _, _) := 0

_cost_rank(true, t, d, now_ms) := p.inputPerMillion + p.outputPerMillion if {
	p := _price_at(object.get(d, "prices", []), now_ms)
} else := p.inputPerMillion + p.outputPerMillion if {
	p := _price_at(object.get(t.models[d.model], "prices", []), now_ms)
} else := 1e18

_price_at(prices, now_ms) := p if {
	some p in prices
	p.validFromMs <= now_ms
	_before_end(p.validToMs, now_ms)
}

_before_end(null, _) := true

_before_end(end, now_ms) if {
	end != null
	now_ms < end
}

# METADATA
# title: operator_jurisdiction_watchlisted
# description: An obligation on an allowed answer whose route runs at an operator in a watch-listed jurisdiction.
obligations(t, id, request) := {o |
	r := route(t, id, request)
	jurisdiction := r.operatorJurisdiction
	_operator_watched(_deployment_rules(t), t.deployments[r.deployment], request)
	o := {
		"code": "operator_jurisdiction_watchlisted",
		"message": sprintf("deployment '%s' is operated in %s, watch-listed for %s data: record the use for review", [r.deployment, jurisdiction, request.classification]),
	}
}

_operator_watched(rules, d, request) if {
	d.operatorJurisdiction in object.get(rules, ["watchedOperatorJurisdictions", request.classification], [])
}

# The ids of a model's deployments (for other packages).
ids_of(t, id) := _deployment_ids(t, id)

# The model's deployment ids: from the index Portolan builds, else (a hand-written document) by scanning.
_deployment_ids(t, id) := t.deploymentsByModel[id]

_deployment_ids(t, id) := [] if {
	t.deploymentsByModel
	not t.deploymentsByModel[id]
}

_deployment_ids(t, id) := [name | some name, d in t.deployments; d.model == id] if not t.deploymentsByModel

# By reference, never object.get on t: that would copy the tenant's whole document (policies/README).
_deployment_rules(t) := t.settings.deployments

_deployment_rules(t) := {} if not t.settings.deployments

_reason(code, message) := {"code": code, "message": message, "rule": code}

_deployments_of(t, id) := {name: t.deployments[name] | some name in _deployment_ids(t, id)}

_deployment_rules_apply(rules, classification) if {
	count(object.get(rules, ["deniedOperatorJurisdictions", classification], [])) > 0
}

_deployment_rules_apply(rules, classification) if {
	some list in ["selfHostedOnly", "zeroRetentionOrSelfHostedOnly", "noTrainingOnPrompts"]
	classification in object.get(rules, list, [])
}

# The codes of the rules one deployment fails for the request.
_deployment_failures(t, rules, name, request) := {code |
	d := t.deployments[name]
	some code in [
		_outside_approval(name, request),
		_unavailable(t, d, request),
		_region_not_served(d, request),
		_operator_jurisdiction_denied(rules, d, request),
		_not_self_hosted(rules, d, request),
		_data_terms(rules, d, request),
	]
	code != ""
}

# METADATA
# title: deployment_unavailable
# description: |
#   Suspended, cut off, or not yet available at the evaluation time; or operated by its model's
#   vendor while that vendor is suspended for its own endpoints (suspensionScope vendor-operated).
_unavailable(t, d, request) := "deployment_unavailable" if {
	not _available(d, request.now_ms)
} else := "deployment_unavailable" if {
	_operator_suspended(t, d)
} else := ""

# The deployment is its model's vendor's own, and that vendor is suspended for its own endpoints.
_operator_suspended(t, d) if {
	vendor := t.models[d.model].vendor
	d.operator == vendor
	t.vendors[vendor].suspended
	t.vendors[vendor].suspensionScope == "vendor-operated"
}

_available(d, now_ms) if {
	d.status == "active"
	_not_cut_off(object.get(d, "cutOffAtMs", null), now_ms)
	_available_from(object.get(d, "availableFromMs", null), now_ms)
}

_not_cut_off(null, _) := true

_not_cut_off(at, now_ms) if {
	at != null
	at > now_ms
}

_available_from(null, _) := true

_available_from(from, now_ms) if {
	from != null
	from <= now_ms
}

# METADATA
# title: approval_deployment_not_covered
# description: |
#   The team's approvals covering the request name deployments of the model, and not this one
#   (request.approved_deployments, which portolan.decision fills in; absent: any deployment).
_outside_approval(name, request) := "approval_deployment_not_covered" if {
	_approval_scoped(request)
	not name in request.approved_deployments
} else := ""

_approval_scoped(request) if request.approved_deployments

# METADATA
# title: deployment_region_not_served
_region_not_served(d, request) := "deployment_region_not_served" if {
	not request.region in d.regions
} else := ""

# METADATA
# title: operator_jurisdiction_denied
# description: Who runs the endpoint, apart from where the weights come from (jurisdiction_denied).
_operator_jurisdiction_denied(rules, d, request) := "operator_jurisdiction_denied" if {
	d.operatorJurisdiction in object.get(rules, ["deniedOperatorJurisdictions", request.classification], [])
} else := ""

# METADATA
# title: self_hosted_deployment_required
# description: The tenant must run it itself; a downloadable model through its vendor's API does not count.
_not_self_hosted(rules, d, request) := "self_hosted_deployment_required" if {
	request.classification in object.get(rules, "selfHostedOnly", [])
	not d.selfHosted
} else := ""

# METADATA
# title: data_terms_not_met
# description: |
#   Zero data retention (or self-hosted) where the settings ask for it; prompts never used for
#   training where they say so. Terms an operator did not state do not pass.
_data_terms(rules, d, request) := "data_terms_not_met" if {
	request.classification in object.get(rules, "zeroRetentionOrSelfHostedOnly", [])
	not d.selfHosted
	not d.zeroDataRetention
} else := "data_terms_not_met" if {
	request.classification in object.get(rules, "noTrainingOnPrompts", [])
	not d.selfHosted
	d.trainsOnPrompts != false
} else := ""

_deployment_message("approval_deployment_not_covered", id, request, names) := sprintf(
	"the approval of model '%s' names deployments %s; not: %s",
	[id, concat(", ", sort(request.approved_deployments)), names],
)

_deployment_message("deployment_unavailable", id, _, names) := sprintf(
	"deployments of model '%s' suspended, cut off or not yet available: %s",
	[id, names],
)

_deployment_message("deployment_region_not_served", id, request, names) := sprintf(
	"deployments of model '%s' not serving region '%s': %s",
	[id, request.region, names],
)

_deployment_message("operator_jurisdiction_denied", id, request, names) := sprintf(
	"deployments of model '%s' operated in a jurisdiction denied for %s data: %s",
	[id, request.classification, names],
)

_deployment_message("self_hosted_deployment_required", id, request, names) := sprintf(
	"%s data needs a self-hosted deployment of model '%s'; not self-hosted: %s",
	[request.classification, id, names],
)

_deployment_message("data_terms_not_met", id, request, names) := sprintf(
	"%s data needs zero retention or self-hosting, and no training on prompts, as the settings say; deployments of model '%s' that fall short: %s",
	[request.classification, id, names],
)
