# METADATA
# title: Portolan approval pre-check
# description: |
#   What the policy says of an approval request before anyone decides it: the findings of every
#   rule except the approval itself, for each requested region, and whether the request is high
#   risk (then two different officers must approve it). What counts as high risk is the tenant
#   setting highRisk, with the defaults below.
package portolan.approval

import rego.v1

import data.portolan.decision

# input: {tenant, team, model, purpose, dataClassification, regions, nowMs}
findings := sort([r |
	some r in {r |
		some region in input.regions
		req := decision.request(object.union(input, {"region": region, "precheck": true}), _tenant)
		some r in decision.denials(_tenant, req)
	}
])

high_risk := count(high_risk_because) > 0

high_risk_because contains "restricted_data" if {
	input.dataClassification in _rules.classifications
}

high_risk_because contains "closed_weights" if {
	model := _tenant.models[input.model]
	not model.openWeights
	_rules.closedWeightsFrom != "never"
	decision.classification_rank(input.dataClassification) >= decision.classification_rank(_rules.closedWeightsFrom)
}

high_risk_because contains "watched_jurisdiction" if {
	_rules.watchedJurisdictions
	model := _tenant.models[input.model]
	jurisdiction := _tenant.vendors[model.vendor].jurisdiction
	jurisdiction in object.get(_tenant, ["settings", "watchedJurisdictions", input.dataClassification], [])
}

_tenant := data.tenants[input.tenant]

_rules := object.union(
	{"classifications": ["restricted"], "closedWeightsFrom": "confidential", "watchedJurisdictions": true},
	object.get(_tenant, ["settings", "highRisk"], {}),
)
