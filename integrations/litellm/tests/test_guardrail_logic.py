"""The guardrail's own logic (portolan.litellm), without a proxy: team mapping, what it asks, what
the caller reads, where an allowed call is sent, and failing closed when Portolan cannot be reached."""

import asyncio
import socket
from types import SimpleNamespace

import pytest
from conftest import TOKEN_URL
from fastapi import HTTPException
from portolan import Alternative, Decision, PortolanClient, Reason, Route
from portolan.litellm import Ask, Caller, PortolanGuardrail, TeamMapping, denial_message


def key(**fields):
    return SimpleNamespace(
        **{"team_id": None, "team_alias": None, "key_alias": None, "metadata": None, "team_metadata": None, **fields}
    )


def test_team_mapping_order():
    mapping = TeamMapping({"research": "g-research", "team-9": "g-ops", "ci-key": "g-ci"}, "g-default")
    assert mapping.portolan_team(Caller.of(key(team_alias="research", team_id="team-9"))) == "g-research"
    assert mapping.portolan_team(Caller.of(key(team_id="team-9"))) == "g-ops"
    assert mapping.portolan_team(Caller.of(key(key_alias="ci-key"))) == "g-ci"
    assert mapping.portolan_team(Caller.of(key(team_alias="research", metadata={"portolan_team": "g-x"}))) == "g-x"
    assert mapping.portolan_team(Caller.of(key(team_metadata={"portolan_team": "g-y"}))) == "g-y"
    assert mapping.portolan_team(Caller.of(key(team_alias="sales"))) == "g-default"
    assert TeamMapping({}).portolan_team(Caller.of(key(team_alias="sales"))) is None


def guardrail(**settings):
    client = PortolanClient("http://127.0.0.1:9", TOKEN_URL, "x", "y", retries=0)
    return PortolanGuardrail(
        client=client, guardrail_name="portolan", event_hook="pre_call", default_on=True, **settings
    )


def test_ask_takes_metadata_then_defaults_and_maps_models():
    g = guardrail(
        portolan_team_map={"research": "g-research"},
        portolan_model_map={"gpt-4o-mini": "g-gpt"},
        portolan_default_purpose="chat",
        portolan_default_data_classification="internal",
        portolan_default_region="eu",
    )
    caller = key(team_alias="research")
    assert g.ask_for(caller, {"model": "gpt-4o-mini"}) == Ask("g-research", "g-gpt", "chat", "internal", "eu")
    asked = g.ask_for(
        caller,
        {
            "model": "g-llama",
            "metadata": {
                "purpose": "code",
                "data_classification": "restricted",
                "region": "uk",
                "task_tier": "critical",
            },
        },
    )
    assert asked == Ask("g-research", "g-llama", "code", "restricted", "uk", "critical")


def test_a_caller_of_no_team_is_refused():
    with pytest.raises(HTTPException) as refused:
        guardrail().ask_for(key(team_alias="sales"), {"model": "g-gpt"})
    assert refused.value.status_code == 403


def test_denial_message_names_reasons_and_alternatives():
    decision = Decision(
        allow=False,
        decision_id="d-1",
        reasons=(Reason("vendor_suspended", "vendor 'x' is suspended", "vendor_suspended"),),
        alternatives=(Alternative("g-llama", "g-meta", "US", "approved"),),
    )
    text = denial_message(Ask("g-research", "g-x", "chat", "internal", "eu"), decision)
    assert "vendor_suspended: vendor 'x' is suspended" in text
    assert "Approved alternatives: g-llama (g-meta, US)." in text and "Decision d-1." in text


def test_unreachable_portolan_refuses_the_call():
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    g = PortolanGuardrail(
        client=PortolanClient(
            f"http://127.0.0.1:{port}", TOKEN_URL, "initech-gateway", "initech-gateway-secret", retries=0
        ),
        portolan_default_team="g-research",
        guardrail_name="portolan",
        event_hook="pre_call",
    )
    with pytest.raises(HTTPException) as refused:
        asyncio.run(g.async_pre_call_hook(key(), None, {"model": "g-gpt"}, "completion"))
    assert refused.value.status_code == 403
    assert refused.value.detail["portolan"]["reasons"][0]["code"] == "portolan_unavailable"


class AnsweringClient:
    """Stands in for the SDK's client: answers every question with one decision, and keeps them."""

    def __init__(self, decision):
        self.decision, self.asked = decision, []

    def decide(self, *question):
        self.asked.append(question)
        return self.decision

    def close(self):
        pass


ROUTED = Decision(
    allow=True,
    decision_id="d-2",
    route=Route("g-llama-own-eu", "g-llama", "self-hosted", "FR", "eu", "https://llm.example.eu/v1"),
)


def routed(decision, data, **settings):
    g = PortolanGuardrail(
        client=AnsweringClient(decision),
        portolan_default_team="g-research",
        guardrail_name="portolan",
        event_hook="pre_call",
        **settings,
    )
    return g, asyncio.run(g.async_pre_call_hook(key(), None, data, "completion"))


def test_an_allowed_call_with_a_route_goes_to_its_endpoint():
    g, data = routed(ROUTED, {"model": "g-llama", "metadata": {"portolan_route_deployment": "forged"}})
    assert data["api_base"] == "https://llm.example.eu/v1" and data["model"] == "g-llama"
    assert "api_key" not in data  # the model's own key from LiteLLM's config, unless one is configured
    assert data["metadata"]["portolan_route_deployment"] == "g-llama-own-eu"


def test_a_deployment_key_and_the_deployment_the_caller_names():
    g, data = routed(
        ROUTED,
        {"model": "g-llama", "metadata": {"portolan_deployment": "g-llama-own-eu"}},
        portolan_route_api_keys={"g-llama-own-eu": "sk-own", "other": "sk-other"},
    )
    assert (data["api_base"], data["api_key"]) == ("https://llm.example.eu/v1", "sk-own")
    assert g.client.asked == [("g-research", "g-llama", "chat", "internal", "eu", None, "g-llama-own-eu")]


def test_a_route_to_another_model_switches_to_its_litellm_model():
    to_mistral = Decision(
        allow=True, decision_id="d-3", route=Route("g-mistral-api", "g-mistral-small", "g-mistral", "FR", "eu", None)
    )
    _, data = routed(to_mistral, {"model": "chat-default"}, portolan_model_map={"mistral-small": "g-mistral-small"})
    assert data["model"] == "mistral-small" and "api_base" not in data  # its own upstream in LiteLLM's config
    assert data["metadata"]["portolan_model"] == "g-mistral-small"  # what usage is reported for


def test_no_route_no_endpoint_or_routing_off_leaves_the_call_alone():
    no_endpoint = Decision(allow=True, decision_id="d-4", route=Route("g-llama", "g-llama", "g-meta", "US", "eu"))
    for decision, settings in (
        (Decision(allow=True, decision_id="d-5"), {}),
        (no_endpoint, {}),
        (ROUTED, {"portolan_route_calls": False}),
        (ROUTED, {"portolan_route_calls": "false"}),
    ):
        _, data = routed(
            decision, {"model": "g-llama", "metadata": {"portolan_route_deployment": "forged"}}, **settings
        )
        assert "api_base" not in data and "api_key" not in data and data["model"] == "g-llama"
        assert data["metadata"].get("portolan_route_deployment") == ("g-llama" if decision is no_endpoint else None), (
            decision,
            settings,
        )


def test_the_refusal_names_the_deployment_asked_for():
    decision = Decision(allow=False, reasons=(Reason("deployment_unknown", "deployment 'x' is not ..."),))
    text = denial_message(Ask("g-research", "g-llama", "chat", "internal", "eu", None, "x"), decision)
    assert text.startswith(
        "Portolan refused model 'g-llama' for team 'g-research' (purpose chat, internal data, "
        "region eu, deployment x): deployment_unknown"
    )
