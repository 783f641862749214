# METADATA
# title: Portolan model catalog
# description: |
#   Every model a team may use now for a data classification, region and task tier, with the
#   obligations and the route (deployment and endpoint) that come with it: for SDKs that pick a
#   model up front. Same rules as decisions.
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
		"price": _price(model, req.now_ms),
		"route": _route(t, id, req),
	}
]

# Where a call to the model would go (see decision.route); null when no deployment qualifies.
_route(t, id, req) := decision.route_of(t, id, req)

_route(t, id, req) := null if not decision.route_of(t, id, req)

# The model's price per million tokens valid now (currency, inputPerMillion, outputPerMillion); null without one.
_price(model, now_ms) := p if {
	some price in object.get(model, "prices", [])
	price.validFromMs <= now_ms
	_before_end(price, now_ms)
	p := {"currency": price.currency, "inputPerMillion": price.inputPerMillion, "outputPerMillion": price.outputPerMillion}
} else := null

_before_end(price, _) if price.validToMs == null

_before_end(price, now_ms) if now_ms < price.validToMs

revision := data.tenants[input.tenant].revision
