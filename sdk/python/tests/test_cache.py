"""The decision cache and answer parsing (routes and aliases included), as pure logic."""

import dataclasses
from datetime import datetime, timedelta, timezone

from portolan import (
    AliasResolution,
    AllowedModel,
    Alternative,
    Decision,
    DecisionCache,
    DecisionRequest,
    ModelPrice,
    Route,
)
from portolan._http import backoff_seconds
from portolan.models import parse_instant

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


def answer(revision, decision_id="d1", expires_in=60):
    return Decision(
        allow=True,
        decision_id=decision_id,
        policy_revision=revision,
        evaluated_at=NOW,
        expires_at=NOW + timedelta(seconds=expires_in),
    )


def request(model="g-gpt"):
    return DecisionRequest("g-research", model, "chat", "internal", "eu")


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now


def test_hit_is_marked_and_expires():
    clock = Clock()
    cache = DecisionCache(clock)
    cache.put(request(), answer("1-abc"))
    hit = cache.get(request())
    assert hit.from_cache and hit.decision_id == "d1"
    assert cache.get(request("g-llama")) is None
    clock.now = NOW + timedelta(seconds=60)
    assert cache.get(request()) is None and len(cache) == 0


def test_an_answer_from_another_revision_drops_the_whole_cache():
    cache = DecisionCache(Clock())
    cache.put(request("a"), answer("1-abc", "d1"))
    cache.put(request("b"), answer("1-abc", "d2"))
    assert len(cache) == 2
    cache.put(request("c"), answer("2-def", "d3"))
    assert cache.get(request("a")) is None and cache.get(request("b")) is None
    assert cache.get(request("c")).decision_id == "d3" and len(cache) == 1


def test_answers_without_decision_id_are_not_cached():
    cache = DecisionCache(Clock())
    cache.put(request(), Decision(allow=False))
    assert len(cache) == 0


def test_unknown_fields_are_ignored_and_instants_parsed():
    decision = Decision.from_json(
        {
            "decisionId": "6f1c",
            "allow": False,
            "somethingNew": {"x": 1},
            "reasons": [{"code": "vendor_suspended", "message": "m", "rule": "r", "extra": 1}],
            "obligations": [{"code": "o", "message": "om", "until": "later"}],
            "alternatives": [{"model": "g-llama", "vendor": "g-meta", "jurisdiction": "US", "why": "w", "rank": 1}],
            "policyRevision": "3-be5f",
            "evaluatedAt": "2026-11-25T09:41:06.310567123Z",
            "expiresAt": "2026-11-25T09:42:06Z",
        }
    )
    assert decision.reason_codes == ["vendor_suspended"] and decision.alternatives[0].vendor == "g-meta"
    assert decision.expires_at - decision.evaluated_at == timedelta(seconds=59, microseconds=689433)


def test_a_scheduled_cut_off_names_its_date_and_where_to_move():
    decision = Decision.from_json(
        {
            "allow": True,
            "obligations": [
                {
                    "code": "cut_off_scheduled",
                    "message": "m",
                    "cutOffAt": "2027-01-31T00:00:00Z",
                    "alternatives": ["a", "b"],
                },
                {"code": "jurisdiction_watchlisted", "message": "w"},
            ],
        }
    )
    scheduled, watched = decision.obligations
    assert scheduled.cut_off_at == datetime(2027, 1, 31, tzinfo=timezone.utc) and scheduled.alternatives == ("a", "b")
    assert watched.cut_off_at is None and watched.alternatives == ()


def test_a_budget_warning_names_what_is_left_and_a_listed_model_its_price():
    decision = Decision.from_json(
        {
            "allow": True,
            "obligations": [{"code": "budget_warning", "message": "m", "remainingMicros": 150000, "currency": "USD"}],
        }
    )
    warning = decision.obligations[0]
    assert warning.remaining_micros == 150000 and warning.currency == "USD"
    priced = AllowedModel.from_json(
        {"model": "g-gpt", "price": {"currency": "EUR", "inputPerMillion": 2.5, "outputPerMillion": 10}}
    )
    assert priced.price == ModelPrice("EUR", 2.5, 10.0)
    assert AllowedModel.from_json({"model": "g-gpt", "price": None}).price is None


def test_a_route_is_read_on_the_decision_its_alternatives_and_listed_models():
    decision = Decision.from_json(
        {
            "allow": True,
            "route": {
                "deployment": "g-llama-own-eu",
                "model": "g-llama",
                "operator": "self-hosted",
                "operatorJurisdiction": "FR",
                "region": "eu",
                "endpoint": "https://llm.example.eu/v1",
                "weight": 3,
            },
        }
    )
    assert decision.route == Route("g-llama-own-eu", "g-llama", "self-hosted", "FR", "eu", "https://llm.example.eu/v1")
    # No endpoint recorded: left out by the decision API, null in the model list.
    bare = {
        "deployment": "g-gpt",
        "model": "g-gpt",
        "operator": "g-openai",
        "operatorJurisdiction": "US",
        "region": "us",
    }
    assert Decision.from_json({"allow": True, "route": bare}).route.endpoint is None
    assert AllowedModel.from_json({"model": "g-gpt", "route": {**bare, "endpoint": None}}).route == Route(
        "g-gpt", "g-gpt", "g-openai", "US", "us"
    )
    denied = Decision.from_json(
        {"allow": False, "alternatives": [{"model": "g-llama", "route": bare}, {"model": "g-mistral"}]}
    )
    assert denied.route is None
    assert [a.route and a.route.deployment for a in denied.alternatives] == ["g-gpt", None]
    for broken in (None, "g-gpt", {}, {"deployment": ""}, {"deployment": 7}):
        assert Decision.from_json({"allow": True, "route": broken}).route is None


def test_an_alias_is_read_with_the_model_it_resolved_to():
    route = {
        "deployment": "g-llama-own-eu",
        "model": "g-llama",
        "operator": "self-hosted",
        "operatorJurisdiction": "FR",
        "region": "eu",
    }
    allowed = Decision.from_json(
        {"allow": True, "route": route, "alias": {"name": "chat-default", "model": "g-llama", "extra": 1}}
    )
    assert allowed.alias == AliasResolution("chat-default", "g-llama")
    assert allowed.route.model == allowed.alias.model
    cache = DecisionCache(Clock())
    cache.put(request("chat-default"), dataclasses.replace(answer("1-abc"), alias=allowed.alias))
    assert cache.get(request("chat-default")).alias == allowed.alias, "a cached answer keeps its alias"
    # None may be used: a deny, alias_unresolved, the model null or left out.
    for unresolved in (
        {"name": "chat-default", "model": None},
        {"name": "chat-default"},
        {"name": "chat-default", "model": ""},
    ):
        denied = Decision.from_json({"allow": False, "reasons": [{"code": "alias_unresolved"}], "alias": unresolved})
        assert denied.alias == AliasResolution("chat-default", None) and denied.alias.model is None
        assert denied.reason_codes == ["alias_unresolved"] and denied.route is None
    # A question for a model carries no alias; a malformed one counts as none.
    assert Decision.from_json({"allow": True}).alias is None
    for broken in (None, "chat-default", {}, {"name": ""}, {"name": 7, "model": "g-llama"}):
        assert Decision.from_json({"allow": True, "alias": broken}).alias is None


def test_an_alternative_may_name_the_alias_to_ask_for():
    denied = Decision.from_json(
        {
            "allow": False,
            "reasons": [{"code": "vendor_suspended"}],
            "alternatives": [
                {
                    "model": "g-llama",
                    "vendor": "g-meta",
                    "jurisdiction": "US",
                    "why": "w",
                    "alias": "chat-default",
                    "route": {"deployment": "g-llama-own-eu", "model": "g-llama"},
                },
                {"model": "g-mistral", "alias": None},
                {"model": "g-gpt"},
            ],
        }
    )
    assert [a.alias for a in denied.alternatives] == ["chat-default", None, None]
    assert denied.alternatives[0].model == "g-llama" and denied.alternatives[0].route.deployment == "g-llama-own-eu"
    assert denied.alias is None, "the question named a model"
    # Positional construction as before the alias still works.
    assert Alternative("g-gpt", "g-openai", "US", "w", None).alias is None


def test_a_question_names_its_deployment_only_when_given_and_is_cached_apart():
    plain = request()
    named = DecisionRequest("g-research", "g-gpt", "chat", "internal", "eu", deployment="g-gpt-eu")
    assert "deployment" not in plain.to_json() and named.to_json()["deployment"] == "g-gpt-eu"
    cache = DecisionCache(Clock())
    cache.put(named, answer("1-abc"))
    assert cache.get(plain) is None and cache.get(named).from_cache


def test_only_a_literal_true_allows():
    assert Decision.from_json({"allow": "true"}).allow is False


def test_parse_instant_handles_offsets():
    assert parse_instant("2026-11-25T10:00:00+01:00") == NOW


def test_backoff_grows_with_jitter_and_is_capped():
    for failures, upper in ((1, 0.1), (2, 0.2), (3, 0.4), (10, 2.0)):
        assert upper / 2 <= backoff_seconds(failures) <= upper
