"""Where an allowed call goes (the answer's route) and questions naming a deployment, against the real
stack: a model of its own (g-route-py) with two deployments, created through the API in tenant
initech by officer ivan (requester ian asks for team g-routing's approval), as seed-golden.sh loads
the golden data, and an alias (g-alias-py) whose first candidate is that model; kept between runs,
reset at each."""

import pytest
from conftest import api
from portolan import AliasResolution, Route

OFFICER, REQUESTER = "ivan", "ian"
MODEL, TEAM = "g-route-py", "g-routing"
FIRST, SECOND = f"{MODEL}-a", f"{MODEL}-b"  # alike but for the endpoint: the policy ranks them by id
ALIAS = "g-alias-py"


def deployment(name, endpoint=None):
    body = {
        "id": name,
        "model": MODEL,
        "operator": "self-hosted",
        "operatorJurisdiction": "FR",
        "regions": ["eu", "us"],
        "zeroDataRetention": True,
        "trainsOnPrompts": False,
        "status": "active",
    }
    return {**body, "endpoint": endpoint} if endpoint else body


@pytest.fixture(scope="module", autouse=True)
def routed_model():
    for path, body in (
        ("/api/v1/vendors", {"id": "g-route-labs", "name": "Route Labs", "jurisdiction": "FR"}),
        # A capability of its own: never an alternative for the golden teams' models.
        (
            "/api/v1/models",
            {
                "id": MODEL,
                "displayName": "Routed (Python SDK tests)",
                "vendor": "g-route-labs",
                "hostingRegions": ["eu", "us"],
                "openWeights": True,
                "selfHostable": True,
                "licence": "Apache-2.0",
                "capabilities": ["route-fixture"],
                "costTier": "low",
                "status": "approved",
            },
        ),
        ("/api/v1/teams", {"id": TEAM, "name": "Routing tests"}),
    ):
        status, answer = api("POST", path, OFFICER, body)
        assert status in (201, 409), answer
    for body in (deployment(FIRST, "https://llm-a.route.example/v1"), deployment(SECOND)):
        status, answer = api("POST", "/api/v1/deployments", OFFICER, body)
        if status == 409:
            status, answer = api("PUT", f"/api/v1/deployments/{body['id']}", OFFICER, body)
        assert status in (200, 201), answer
    _, approvals = api("GET", f"/api/v1/approvals?team={TEAM}&size=500", OFFICER)
    if not any(a["model"] == MODEL and a["purpose"] == "chat" for a in approvals["items"]):
        status, request = api(
            "POST",
            "/api/v1/approval-requests",
            REQUESTER,
            {
                "team": TEAM,
                "model": MODEL,
                "purpose": "chat",
                "maxDataClassification": "internal",
                "regions": ["eu", "us"],
                "justification": "Python SDK routing tests",
            },
        )
        assert status == 201, request
        status, decided = api(
            "POST", f"/api/v1/approval-requests/{request['id']}/decision", OFFICER, {"outcome": "approve"}
        )
        assert status == 200 and decided["status"] == "approved", decided
    alias = {"id": ALIAS, "description": "Python SDK alias tests", "candidates": [{"model": MODEL}]}
    status, answer = api("POST", "/api/v1/aliases", OFFICER, alias)
    if status == 409:  # left by an earlier run: put its candidates back through a draft
        status, answer = api("PUT", f"/api/v1/aliases/{ALIAS}/draft", OFFICER, alias)
        assert status == 200, answer
        status, answer = api("POST", f"/api/v1/aliases/{ALIAS}/publish", OFFICER, {})
    assert status in (200, 201), answer


def test_an_allowed_answer_routes_to_the_best_deployment(client):
    decision = client.decide(TEAM, MODEL, "chat", "internal", "eu")
    assert decision.allow, decision.reasons
    assert decision.route == Route(FIRST, MODEL, "self-hosted", "FR", "eu", "https://llm-a.route.example/v1")


def test_a_question_naming_a_deployment_is_decided_on_it(client):
    decision = client.decide(TEAM, MODEL, "chat", "internal", "us", deployment=SECOND)
    assert decision.allow, decision.reasons
    assert decision.route == Route(SECOND, MODEL, "self-hosted", "FR", "us", None)  # it records no endpoint
    assert client.decide(TEAM, MODEL, "chat", "internal", "us", deployment=SECOND).from_cache
    assert not client.decide(TEAM, MODEL, "chat", "internal", "us").from_cache, "another question"


def test_a_deployment_of_another_model_is_denied_and_routes_nowhere(client):
    decision = client.decide(TEAM, MODEL, "chat", "internal", "eu", deployment="g-gpt")
    assert not decision.allow and decision.reason_codes == ["deployment_unknown"]
    assert decision.route is None


def test_alternatives_and_the_model_list_say_where_each_model_would_go(client):
    denied = client.decide(TEAM, "g-route-py-missing", "chat", "internal", "eu")
    assert denied.reason_codes == ["model_unknown"]
    mine = [a for a in denied.alternatives if a.model == MODEL]
    assert len(mine) == 1 and mine[0].route.deployment == FIRST and mine[0].route.endpoint, denied.alternatives
    listed = [m for m in client.allowed_models(TEAM, "chat", "internal", "eu") if m.model == MODEL]
    assert len(listed) == 1 and listed[0].route == mine[0].route


def test_a_question_for_an_alias_is_decided_and_routed_on_the_model_it_resolves_to(client):
    decision = client.decide(TEAM, ALIAS, "chat", "internal", "eu")
    assert decision.allow, decision.reasons
    assert decision.alias == AliasResolution(ALIAS, MODEL)
    assert decision.route.model == MODEL and decision.route.deployment == FIRST
    assert client.decide(TEAM, ALIAS, "chat", "internal", "eu").alias == decision.alias, "the cached answer keeps it"
    plain = client.decide(TEAM, MODEL, "chat", "internal", "eu")
    assert plain.allow and plain.alias is None, "a question for the model itself names no alias"
