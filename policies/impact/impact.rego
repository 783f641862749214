# METADATA
# title: Portolan impact analysis
# description: |
#   Replays logged decisions against a draft of a tenant's data and lists those whose outcome
#   would flip. Same rules as decisions, given the draft instead of the published data.
package portolan.impact

import rego.v1

import data.portolan.decision

# input: {draft: <tenant data>, decisions: [{id, allow, request: {team, model, dataClassification, region, taskTier?}}]}
flips := [flip |
	some logged in input.decisions
	req := decision.request(logged.request, input.draft)
	now := count(decision.denials(input.draft, req)) == 0
	now != logged.allow
	flip := {"id": logged.id, "was": logged.allow, "now": now, "reasons": [r.code | some r in decision.denials(input.draft, req)]}
]

# Each question answered under the draft, with the models the team may use instead, best first:
# what a team asking for a suspended model would be offered (the suspension preview); where an
# allowed call would go, and what an alias asked for resolves to (an alias change's preview).
answers := [answer |
	some question in input.questions
	req := decision.request(question, input.draft)
	denials := decision.denials(input.draft, req)
	answer := {
		"allow": count(denials) == 0,
		"reasons": [{"code": r.code} | some r in denials],
		"alternatives": decision.alternatives_for(input.draft, req),
		"route": decision.route_for(input.draft, req),
		"alias": decision.alias_for(req),
	}
]
