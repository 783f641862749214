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
denials(t, id, request) := set() if {
	not _deployment_rules_apply(_deployment_rules(t), request.classification)
} else := {_reason("no_deployment", msg)} if {
	count(_deployments_of(t, id)) == 0
	msg := sprintf("%s data needs a recorded deployment of model '%s'; it has none", [request.classification, id])
} else := set() if {
	some d in _deployments_of(t, id)
	count(_deployment_failures(_deployment_rules(t), d, request)) == 0
} else := {_reason(code, _deployment_message(code, id, request, names)) |
	rules := _deployment_rules(t)
	failures := {name: _deployment_failures(rules, d, request) | some name, d in _deployments_of(t, id)}
	some code in {c | some codes in failures; some c in codes}
	names := concat(", ", sort([name | some name, codes in failures; code in codes]))
}

# By reference, never object.get on t: that would copy the tenant's whole document (policies/README).
_deployment_rules(t) := t.settings.deployments

_deployment_rules(t) := {} if not t.settings.deployments

_reason(code, message) := {"code": code, "message": message, "rule": code}

_deployments_of(t, id) := {name: d | some name, d in t.deployments; d.model == id}

_deployment_rules_apply(rules, classification) if {
	count(object.get(rules, ["deniedOperatorJurisdictions", classification], [])) > 0
}

_deployment_rules_apply(rules, classification) if {
	some list in ["selfHostedOnly", "zeroRetentionOrSelfHostedOnly", "noTrainingOnPrompts"]
	classification in object.get(rules, list, [])
}

# The codes of the rules one deployment fails for the request.
_deployment_failures(rules, d, request) := {code |
	some code in [
		_unavailable(d, request),
		_region_not_served(d, request),
		_operator_jurisdiction_denied(rules, d, request),
		_not_self_hosted(rules, d, request),
		_data_terms(rules, d, request),
	]
	code != ""
}

# METADATA
# title: deployment_unavailable
# description: Suspended, cut off, or not yet available at the evaluation time.
_unavailable(d, request) := "deployment_unavailable" if {
	not _available(d, request.now_ms)
} else := ""

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
