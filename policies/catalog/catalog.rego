# METADATA
# title: Portolan model catalog
# description: |
#   Every model a team may use now for a data classification, region and task tier, with the
#   obligations that come with it: for SDKs that pick a model up front. Same rules as decisions.
package portolan.catalog

import rego.v1

import data.portolan.decision

# input: {tenant, team, dataClassification, region, taskTier?}
models := [entry |
	t := data.tenants[input.tenant]
	some id in sort(object.keys(t.models))
	req := decision.request(object.union(input, {"model": id}), t)
	count(decision.denials(t, req)) == 0
	model := t.models[id]
	entry := {
		"model": id,
		"vendor": model.vendor,
		"jurisdiction": object.get(t.vendors, [model.vendor, "jurisdiction"], ""),
		"capabilities": model.capabilities,
		"costTier": model.costTier,
		"hostingRegions": model.hostingRegions,
		"obligations": decision.obligations_for(t, req),
	}
]

revision := data.tenants[input.tenant].revision
