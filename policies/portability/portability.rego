# METADATA
# title: Portolan portability
# description: |
#   How exposed each team is to losing a vendor or a jurisdiction: for every team and capability it
#   holds approvals for, which models it may actually use under the published settings, per data
#   classification (a model approved only for public data is no cover for restricted work), from
#   how many vendors and jurisdictions, and on how many operators and operator jurisdictions its
#   deployments run (flagged when one operator, one operator jurisdiction, or only operators abroad
#   carry it); and, for a vendor, jurisdiction, operator or operator jurisdiction cut off, which
#   teams lose a capability for a classification with no usable model left.
package portolan.portability

import rego.v1

import data.portolan.decision
import data.portolan.deployments

# input: {tenant, nowMs, region?, vendor?, jurisdiction?, operator?, operatorJurisdiction?}. Without a region, a model covers a
# classification when some region it could be asked for (where it is hosted, or an approval or the
# residency settings name) passes every rule.
classifications := ["public", "internal", "confidential", "restricted"]

teams := [{"team": team, "capabilities": [_capability(team, capability) |
	some capability in sort(_capabilities(team))
]} |
	some team in sort(object.keys(_held))
]

# Team capabilities that a cut-off of input.vendor or input.jurisdiction leaves with no usable
# model for a data classification that had one.
what_if := [loss |
	some team in sort(object.keys(_held))
	some capability in sort(_capabilities(team))
	some classification in classifications
	before := _covering(team, capability, classification)
	count(before) > 0
	after := [m | some m in before; not _cut_off(m)]
	count(after) == 0
	loss := {"team": team, "capability": capability, "classification": classification, "lost": [m.model | some m in before]}
]

# Cut-offs announced and still ahead, earliest first: the models each takes away and the team
# capabilities left with no usable model for a classification by its date (earlier cut-offs included).
upcoming := [entry |
	some ahead in sort(_ahead)
	models := sort([id | some id, model in _tenant.models; _goes_with(ahead[1], ahead[2], id, model)])
	entry := {
		"kind": ahead[1],
		"id": ahead[2],
		"cutOffAt": ahead[3],
		"reason": ahead[4],
		"models": models,
		"teamsLosingCapabilities": _losses_by(ahead[0]),
	}
]

_ahead contains [node.cutOffAtMs, kind, id, object.get(node, "cutOffAt", ""), object.get(node, "cutOffReason", null)] if {
	some kind, plural in {"vendor": "vendors", "model": "models"}
	some id, node in object.get(_tenant, plural, {})
	is_number(node.cutOffAtMs)
	node.cutOffAtMs > _now
}

_goes_with("model", id, id, _)

_goes_with("vendor", vendor, _, model) if model.vendor == vendor

_losses_by(at_ms) := [loss |
	some team in sort(object.keys(_held))
	some capability in sort(_capabilities(team))
	some classification in classifications
	before := _covering(team, capability, classification)
	count(before) > 0
	every m in before {
		_gone_by(m.model, at_ms)
	}
	loss := {"team": team, "capability": capability, "classification": classification, "lost": [m.model | some m in before]}
]

_gone_by(id, at_ms) if {
	some c in decision.cut_offs(_tenant, id)
	c.atMs <= at_ms
}

_tenant := data.tenants[input.tenant]

# Per team, the models it holds an approval in force for: the capabilities it counts on.
_held[team] := ids if {
	some team, by_model in object.get(_tenant, "approvals", {})
	ids := {id |
		some id, approvals in by_model
		_tenant.models[id]
		some approval in approvals
		approval.expiresAtMs > _now
	}
	count(ids) > 0
}

_now := input.nowMs if is_number(input.nowMs)

_now := round(time.now_ns() / 1000000) if not is_number(input.nowMs)

# Per team and classification, the held models every rule lets it use (some purpose, some region).
_usable[team][classification] := {id |
	some id in _held[team]
	_passes(team, id, classification)
} if {
	some team, _ in _held
	some classification in classifications
}

_passes(team, id, classification) if {
	some purpose in {a.purpose | some a in _tenant.approvals[team][id]}
	some region in _regions(team, id)
	asked := {"team": team, "model": id, "purpose": purpose, "dataClassification": classification, "region": region, "nowMs": _now}
	count(decision.denials(_tenant, decision.request(asked, _tenant))) == 0
}

_regions(_, _) := {input.region} if input.region

_regions(team, id) := regions if {
	not input.region
	hosted := {r | some r in object.get(_tenant.models[id], "hostingRegions", [])}
	approved := {r | some a in _tenant.approvals[team][id]; some r in a.regions}
	resident := {r | some list in object.get(_tenant, ["settings", "residency"], {}); some r in list}
	candidates := (hosted | approved) | resident
	regions := _or_any(candidates)
}

_or_any(regions) := regions if count(regions) > 0

_or_any(regions) := {"any"} if count(regions) == 0

_describe(id) := {
	"model": id,
	"vendor": _tenant.models[id].vendor,
	"jurisdiction": object.get(_tenant.vendors, [_tenant.models[id].vendor, "jurisdiction"], ""),
	"operators": sort([[d.operator, d.operatorJurisdiction] | some d in _active_deployments(id)]),
}

# The model's deployments in service (a suspended one carries nothing); none recorded: none known.
# Through the index by model: a scan of every deployment for every model covered was quadratic.
_active_deployments(id) := {d |
	some name in deployments.ids_of(_tenant, id)
	d := _tenant.deployments[name]
	d.status == "active"
}

_capabilities(team) := {c | some id in _held[team]; some c in _tenant.models[id].capabilities}

_covering(team, capability, classification) := [_describe(id) |
	some id in _usable[team][classification]
	capability in _tenant.models[id].capabilities
]

# A capability's cover: the models usable for any classification, and per classification.
_capability(team, capability) := object.union(_cover(models), {
	"capability": capability,
	"byClassification": [object.union(_cover(_covering(team, capability, c)), {"classification": c}) |
		some c in classifications
	],
}) if {
	models := [m | some m in {m | some c in classifications; some m in _covering(team, capability, c)}]
}

_cover(models) := {
	"models": sort_models(models),
	"vendors": count({m.vendor | some m in models}),
	"jurisdictions": count({m.jurisdiction | some m in models}),
	"operators": count(_operators(models)),
	"operatorJurisdictions": count({o[1] | some o in _operators(models)}),
	"risks": _risks(models),
}

_operators(models) := {o | some m in models; some o in m.operators}

sort_models(models) := [m | some pair in sort([[m.model, m] | some m in models]); m := pair[1]]

# Where the cover of a capability rests on too little: one operator, one operator jurisdiction, or
# only operators outside the tenant's domestic jurisdiction (self-hosted deployments count as home).
_risks(models) := sort([risk |
	count(models) > 0
	some risk, holds in {
		"single_operator": count(_operators(models)) == 1,
		"single_operator_jurisdiction": count({o[1] | some o in _operators(models)}) == 1,
		"foreign_operated_only": _foreign_only(models),
	}
	holds
])

_foreign_only(models) if {
	home := _tenant.settings.preferences.domesticJurisdiction
	is_string(home)
	count(_operators(models)) > 0
	every o in _operators(models) {
		o[1] != home
		o[0] != "self-hosted"
	}
} else := false

_cut_off(model) if model.vendor == input.vendor

_cut_off(model) if model.jurisdiction == input.jurisdiction

# An operator (or every operator in a jurisdiction) gone: models that ran only there go with it.
# A model without a recorded deployment in service is not taken: where it runs is not known.
_cut_off(model) if {
	input.operator
	count(model.operators) > 0
	every o in model.operators {
		o[0] == input.operator
	}
}

_cut_off(model) if {
	input.operatorJurisdiction
	count(model.operators) > 0
	every o in model.operators {
		o[1] == input.operatorJurisdiction
	}
}
