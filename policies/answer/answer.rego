# METADATA
# title: Portolan decision as one document
# description: |
#   The decision package's answer (allow, revision, reasons, obligations, alternatives, route, alias) as one
#   rule, for engines that evaluate a single entrypoint: Portolan runs this, compiled to
#   WebAssembly, inside its JVM. Undefined when the tenant has no data, as revision is.
package portolan.answer

import rego.v1

import data.portolan.decision

answer := {
	"allow": decision.allow,
	"revision": decision.revision,
	"reasons": decision.reasons,
	"obligations": decision.obligations,
	"alternatives": decision.alternatives,
	"route": decision.route,
	"alias": decision.alias,
}
