package portolan.impact_test

import rego.v1

import data.portolan.decision_test
import data.portolan.impact

_logged(id, model, classification, allow) := {
	"id": id, "allow": allow,
	"request": {"team": "research", "model": model, "purpose": "chat", "dataClassification": classification, "region": "eu", "taskTier": "critical"},
}

_decisions := [
	_logged("a", "mistral-large", "internal", true),
	_logged("b", "deepseek-v3", "internal", true),
	_logged("c", "gpt-4o", "restricted", false),
	_logged("d", "gpt-4o", "internal", true),
]

test_draft_that_denies_fr_flips_only_fr_decisions if {
	draft := json.patch(decision_test._sovereign.acme, [{"op": "add", "path": "/settings/deniedJurisdictions/internal", "value": ["FR"]}])
	result := impact with input as {"draft": draft, "decisions": _decisions}
	[[f.id, f.was, f.now] | some f in result.flips] == [["a", true, false]]
	result.flips[0].reasons == ["jurisdiction_denied"]
}

test_draft_that_lifts_self_hosting_flips_denials_to_allows if {
	draft := json.patch(decision_test._sovereign.acme, [{"op": "replace", "path": "/settings/selfHostedOpenWeightsOnly", "value": []}])
	result := impact with input as {"draft": draft, "decisions": _decisions}
	[[f.id, f.was, f.now] | some f in result.flips] == [["c", false, true]]
}

test_unchanged_draft_flips_nothing if {
	result := impact with input as {"draft": decision_test._sovereign.acme, "decisions": _decisions}
	result.flips == []
}

test_answers_offer_the_teams_other_models_when_one_is_suspended if {
	draft := json.patch(decision_test._sovereign.acme, [{"op": "add", "path": "/models/mistral-large/status", "value": "suspended"}])
	question := object.union(_decisions[0].request, {"nowMs": 0})
	result := impact with input as {"draft": draft, "questions": [question]}
	result.answers[0].allow == false
	"model_suspended" in {r.code | some r in result.answers[0].reasons}
	[a.model | some a in result.answers[0].alternatives] == ["mistral-small", "deepseek-v3", "gpt-4o"]
}

test_answers_name_where_an_alias_resolves_under_a_draft if {
	question := {"team": "research", "model": "chat-default", "purpose": "chat", "dataClassification": "internal", "region": "eu", "nowMs": 1795600800000}
	published := impact with input as {"draft": decision_test._aliased.acme, "questions": [question]}
	published.answers[0].alias == {"name": "chat-default", "model": "gpt-4o"}
	published.answers[0].route.deployment == "gpt-4o"
	reordered := json.patch(decision_test._aliased.acme, [{"op": "replace", "path": "/aliases/chat-default/candidates", "value": [{"model": "deepseek-v3"}, {"model": "gpt-4o"}]}])
	draft := impact with input as {"draft": reordered, "questions": [question]}
	draft.answers[0].alias == {"name": "chat-default", "model": "deepseek-v3"}
	draft.answers[0].route.deployment == "deepseek-v3-own-eu"
	model := impact with input as {"draft": reordered, "questions": [object.union(question, {"model": "gpt-4o"})]}
	model.answers[0].alias == null
}
