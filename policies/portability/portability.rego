# METADATA
# title: Portolan portability
# description: |
#   How exposed each team is to losing a vendor or a jurisdiction: for every team and capability it
#   holds approved models for, which models, from how many vendors and jurisdictions; and, for a
#   vendor or jurisdiction cut off, which teams lose a capability with no approved model left.
package portolan.portability

import rego.v1

# input: {tenant, nowMs, vendor?, jurisdiction?}
teams := [{"team": team, "capabilities": [_capability(team, capability) |
	some capability in sort(_capabilities(team))
]} |
	some team in sort(object.keys(_usable))
]

# Team capabilities that a cut-off of input.vendor or input.jurisdiction leaves with no model.
what_if := [loss |
	some team in sort(object.keys(_usable))
	some capability in sort(_capabilities(team))
	before := _models_with(team, capability)
	after := [m | some m in before; not _cut_off(m)]
	count(after) == 0
	loss := {"team": team, "capability": capability, "lost": [m.model | some m in before]}
]

_tenant := data.tenants[input.tenant]

# Per team, the models it may use now: an approval in force, the model approved, its vendor not suspended.
_usable[team] := models if {
	some team, by_model in object.get(_tenant, "approvals", {})
	models := [_describe(id) |
		some id, approvals in by_model
		some approval in approvals
		approval.expiresAtMs > object.get(input, "nowMs", 0)
		_tenant.models[id].status == "approved"
		not _tenant.vendors[_tenant.models[id].vendor].suspended
	]
	count(models) > 0
}

_describe(id) := {
	"model": id,
	"vendor": _tenant.models[id].vendor,
	"jurisdiction": object.get(_tenant.vendors, [_tenant.models[id].vendor, "jurisdiction"], ""),
	"capabilities": _tenant.models[id].capabilities,
}

_capabilities(team) := {c | some m in _usable[team]; some c in m.capabilities}

_models_with(team, capability) := [m |
	some m in {m | some m in _usable[team]; capability in m.capabilities}
]

_capability(team, capability) := {
	"capability": capability,
	"models": [{"model": m.model, "vendor": m.vendor, "jurisdiction": m.jurisdiction} | some m in models],
	"vendors": count({m.vendor | some m in models}),
	"jurisdictions": count({m.jurisdiction | some m in models}),
} if {
	models := _models_with(team, capability)
}

_cut_off(model) if model.vendor == input.vendor

_cut_off(model) if model.jurisdiction == input.jurisdiction
