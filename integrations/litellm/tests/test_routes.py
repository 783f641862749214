"""Calls go where Portolan routes them: a model of its own (g-route-litellm, in tests/config.yaml
with the proxy's upstream) with two deployments in Portolan, each with the endpoint of a fake upstream
of its own (ROUTE_UPSTREAM_A/B, started by test.sh). Each call carries a marker in its message, so a
test sees which upstream it reached: the one of the deployment Portolan chose, the one the caller
named, the other one once the first is suspended, and LiteLLM's configured upstream when the
answer names no endpoint. The data is created through the API in tenant initech, as officer ivan
(requester ian asks for the approval); kept between runs and reset at each."""

import uuid

import pytest
from conftest import CONFIGURED_UPSTREAM, ROUTE_B_API_KEY, ROUTE_UPSTREAM_A, ROUTE_UPSTREAM_B, chat, portolan, received

OFFICER, REQUESTER = "ivan", "ian"
MODEL, TEAM = "g-route-litellm", "g-routing"  # sk-routing is in LiteLLM team 'routing', mapped to g-routing
FIRST, SECOND = f"{MODEL}-a", f"{MODEL}-b"  # alike, so the policy ranks them by id: FIRST wins


def deployment(name: str, upstream: str, status: str = "active") -> dict:
    return {
        "id": name,
        "model": MODEL,
        "operator": "self-hosted",
        "operatorJurisdiction": "FR",
        "regions": ["eu", "us"],
        "endpoint": f"{upstream}/v1",
        "zeroDataRetention": True,
        "trainsOnPrompts": False,
        "status": status,
    }


def save(body: dict) -> None:
    status, answer = portolan("POST", "/api/v1/deployments", OFFICER, body)
    if status == 409:  # left by an earlier run, with that run's ports: updated
        status, answer = portolan("PUT", f"/api/v1/deployments/{body['id']}", OFFICER, body)
    assert status in (200, 201), answer


@pytest.fixture(scope="module", autouse=True)
def routed_model():
    assert ROUTE_UPSTREAM_A and ROUTE_UPSTREAM_B and CONFIGURED_UPSTREAM, "run by test.sh, which starts the upstreams"
    for path, body in (
        ("/api/v1/vendors", {"id": "g-route-labs", "name": "Route Labs", "jurisdiction": "FR"}),
        # A capability of its own: never an alternative for the golden teams' models.
        (
            "/api/v1/models",
            {
                "id": MODEL,
                "displayName": "Routed (LiteLLM tests)",
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
        status, answer = portolan("POST", path, OFFICER, body)
        assert status in (201, 409), answer
    save(deployment(FIRST, ROUTE_UPSTREAM_A))
    save(deployment(SECOND, ROUTE_UPSTREAM_B))
    _, approvals = portolan("GET", f"/api/v1/approvals?team={TEAM}&size=500", OFFICER)
    if not any(a["model"] == MODEL and a["purpose"] == "chat" for a in approvals["items"]):
        status, request = portolan(
            "POST",
            "/api/v1/approval-requests",
            REQUESTER,
            {
                "team": TEAM,
                "model": MODEL,
                "purpose": "chat",
                "maxDataClassification": "internal",
                "regions": ["eu", "us"],
                "justification": "LiteLLM routing tests",
            },
        )
        assert status == 201, request
        status, decided = portolan(
            "POST", f"/api/v1/approval-requests/{request['id']}/decision", OFFICER, {"outcome": "approve"}
        )
        assert status == 200 and decided["status"] == "approved", decided
    yield
    save(deployment(FIRST, ROUTE_UPSTREAM_A))  # active again, whatever a test left


def reached(marker: str) -> list:
    """Which upstreams answered the call carrying ``marker``, and how each was asked."""
    hits = []
    for name, upstream in (
        ("first", ROUTE_UPSTREAM_A),
        ("second", ROUTE_UPSTREAM_B),
        ("configured", CONFIGURED_UPSTREAM),
    ):
        for call in received(upstream):
            if any(m.get("content") == marker for m in call["messages"] or ()):
                hits.append((name, call["path"], call["model"], call["authorization"]))
    return hits


def call(metadata=None, key="sk-routing", model=MODEL):
    marker = f"route test {uuid.uuid4()}"
    status, body, headers = chat(
        key, model, {"data_classification": "internal", "region": "eu", **(metadata or {})}, content=marker
    )
    return status, body, headers, reached(marker)


def test_an_allowed_call_goes_to_the_endpoint_of_the_deployment_portolan_routes_to():
    status, body, headers, hits = call()
    assert status == 200, body
    assert body["choices"][0]["message"]["content"] == f"hello from {MODEL}"
    assert headers["x-portolan-route-deployment"] == FIRST
    # Only there, asked for the model name the upstream expects, with the model's own key.
    assert hits == [("first", "/v1/chat/completions", MODEL, "Bearer unused")]


def test_a_deployment_the_caller_names_is_asked_for_and_called_with_its_own_key():
    status, body, headers, hits = call({"portolan_deployment": SECOND})
    assert status == 200, body
    assert headers["x-portolan-route-deployment"] == SECOND
    assert hits == [("second", "/v1/chat/completions", MODEL, f"Bearer {ROUTE_B_API_KEY}")]


def test_a_deployment_of_another_model_is_refused_and_reaches_no_upstream():
    status, body, _, hits = call({"portolan_deployment": "g-gpt"})
    assert status == 403, body
    message = body["error"]["message"]
    assert "deployment_unknown" in message and "deployment g-gpt" in message, message
    assert hits == []


def test_when_the_routed_deployment_is_suspended_the_next_calls_go_to_the_other():
    save(deployment(FIRST, ROUTE_UPSTREAM_A, status="suspended"))
    try:
        # A question this proxy has not asked yet, so its SDK cannot answer from its cache ...
        status, body, headers, hits = call({"data_classification": "public"})
        assert status == 200, body
        assert headers["x-portolan-route-deployment"] == SECOND
        assert [h[0] for h in hits] == ["second"]
        # ... and its answer names the new policy revision, which drops every cached answer: the
        # question of the first test (cached, routed to the first deployment) is asked afresh.
        status, body, headers, hits = call()
        assert status == 200, body
        assert headers["x-portolan-route-deployment"] == SECOND
        assert [h[0] for h in hits] == ["second"]
    finally:
        save(deployment(FIRST, ROUTE_UPSTREAM_A))


def test_without_an_endpoint_to_route_to_the_call_goes_to_the_configured_upstream():
    # Golden g-gpt has no deployment with an endpoint: LiteLLM's own api_base applies, as before routing.
    status, body, headers, hits = call(key="sk-research", model="g-gpt")
    assert status == 200, body
    assert [h[0] for h in hits] == ["configured"]
    assert hits[0][2] == "g-gpt"
