# METADATA
# title: Portolan decision
# description: |
#   May a team of a tenant use a model, for a purpose, with data of a classification, in a region?
#   The answer is allow plus the reasons of every rule that denied. A decision is never allow
#   unless no rule denied. Tenant data lives at data.tenants[<tenant>], published by Portolan.
package portolan.decision

import rego.v1

default allow := false

# The revision of the tenant's policy data this answer was computed from.
revision := data.tenants[input.tenant].revision

allow if {
	data.tenants[input.tenant]
	count(reasons) == 0
}

# METADATA
# title: model_unknown
# custom:
#   code: model_unknown
reasons contains reason if {
	not _model(input.tenant, input.model)
	reason := {
		"code": "model_unknown",
		"message": sprintf("model '%s' is not in the inventory", [input.model]),
		"rule": "model_unknown",
	}
}

# METADATA
# title: team_unknown
# custom:
#   code: team_unknown
reasons contains reason if {
	not data.tenants[input.tenant].teams[input.team]
	reason := {
		"code": "team_unknown",
		"message": sprintf("team '%s' does not exist in this tenant", [input.team]),
		"rule": "team_unknown",
	}
}

# METADATA
# title: vendor_suspended
# custom:
#   code: vendor_suspended
reasons contains reason if {
	model := _model(input.tenant, input.model)
	vendor := data.tenants[input.tenant].vendors[model.vendor]
	vendor.suspended
	reason := {
		"code": "vendor_suspended",
		"message": sprintf("vendor '%s' is suspended: %s", [model.vendor, _or_empty(vendor.suspensionReason)]),
		"rule": "vendor_suspended",
	}
}

# METADATA
# title: model_suspended
# custom:
#   code: model_suspended
reasons contains reason if {
	_model(input.tenant, input.model).status == "suspended"
	reason := {
		"code": "model_suspended",
		"message": sprintf("model '%s' is suspended", [input.model]),
		"rule": "model_suspended",
	}
}

# METADATA
# title: model_not_approved
# custom:
#   code: model_not_approved
reasons contains reason if {
	status := _model(input.tenant, input.model).status
	not status in {"approved", "suspended"}
	reason := {
		"code": "model_not_approved",
		"message": sprintf("model '%s' is %s, not approved", [input.model, status]),
		"rule": "model_not_approved",
	}
}

_model(tenant, id) := data.tenants[tenant].models[id]

_or_empty(value) := value if value != null

_or_empty(null) := "no reason given"
