"""Real HTTP calls to a real LiteLLM proxy with the Portolan guardrail in front of a fake upstream,
deciding against the real Portolan test stack (golden data in tenant initech). Keys: see
static_keys_auth.py (sk-research is in LiteLLM team 'research', mapped to Portolan's g-research)."""

import time

from conftest import audit_usage, chat, golden_case


def test_approved_model_answers():
    status, body, headers = chat(
        "sk-research", "g-gpt", {"purpose": "chat", "data_classification": "internal", "region": "us"}
    )
    assert status == 200, body
    assert body["choices"][0]["message"]["content"] == "hello from g-gpt"
    assert headers["x-portolan-decision-id"]


def test_denied_model_is_refused_with_reasons_and_alternatives():
    case = golden_case("CN vendor denied for confidential data, and hosted outside the residency")
    assert case["request"]["team"] == "g-research" and case["request"]["model"] == "g-deepseek-v3"
    status, body, _ = chat("sk-research", "g-deepseek-v3", {"data_classification": "confidential", "region": "eu"})
    assert status == 403, body
    message = body["error"]["message"]
    for code in case["expect"]["reasons"]:
        assert code in message
    for model in case["expect"]["alternatives"]:
        assert model in message
    assert "Approved alternatives" in message
    answer = body["error"]["provider_specific_fields"]["portolan"]
    assert sorted(r["code"] for r in answer["reasons"]) == case["expect"]["reasons"]
    assert [a["model"] for a in answer["alternatives"]] == case["expect"]["alternatives"]
    assert answer["decisionId"]


def test_usage_of_an_allowed_call_reaches_portolan():
    since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 5))
    # A request no other test makes: the guardrail's SDK reuses a cached decision (and its id) for
    # the same request, and every call under it reports usage against that id.
    status, _, headers = chat("sk-research", "g-mistral-small", {"data_classification": "internal", "region": "us"})
    assert status == 200
    decision_id = headers["x-portolan-decision-id"]
    mine = []
    deadline = time.monotonic() + 15  # the SDK sends usage every second
    while not mine and time.monotonic() < deadline:
        time.sleep(0.5)
        mine = [u for u in audit_usage(since) if u["decisionId"] == decision_id]
    assert len(mine) == 1, f"no usage for decision {decision_id}"
    assert (mine[0]["team"], mine[0]["model"], mine[0]["inputTokens"], mine[0]["outputTokens"]) == (
        "g-research",
        "g-mistral-small",
        11,
        7,
    )
    assert mine[0]["latencyMs"] >= 0 and mine[0]["clientId"] == "initech-gateway"


def test_litellm_team_decides_the_portolan_team():
    # Marketing's default task tier is routine (golden data): its medium-cost model is refused ...
    status, body, _ = chat("sk-marketing", "g-mistral-large", {"data_classification": "internal", "region": "eu"})
    assert status == 403 and "cost_tier_not_allowed" in body["error"]["message"], body
    assert "team 'g-marketing'" in body["error"]["message"]
    # ... unless the request names a critical task; research may use it anyway.
    assert (
        chat(
            "sk-marketing",
            "g-mistral-large",
            {"data_classification": "internal", "region": "eu", "task_tier": "critical"},
        )[0]
        == 200
    )
    assert chat("sk-research", "g-mistral-large", {"data_classification": "internal", "region": "eu"})[0] == 200


def test_a_team_without_mapping_gets_the_default_team():
    status, body, _ = chat("sk-unmapped", "g-gpt", {"data_classification": "internal", "region": "us"})
    assert status == 200, body


def test_defaults_apply_without_metadata():
    # purpose chat, internal data, region eu (config.yaml): research may use g-gpt there.
    status, body, _ = chat("sk-research", "g-gpt")
    assert status == 200, body


def test_a_bad_classification_is_a_400_naming_the_field():
    status, body, _ = chat("sk-research", "g-gpt", {"data_classification": "secret"})
    assert status == 400, body
    assert "dataClassification" in body["error"]["message"]


def test_an_unknown_key_is_refused_before_portolan_is_asked():
    assert chat("sk-nobody", "g-gpt")[0] == 401
