"""The SDK against the real stack: token reuse, the decision cache, usage reporting, the model
list and refused requests."""

import random
import time
import uuid

import pytest
from conftest import audit_usage, make_client, utc_now_iso
from portolan import ProblemError, UsageReport
from portolan.usage import UsageBatch

ALLOWED = dict(team="g-research", model="g-gpt", purpose="chat", data_classification="internal", region="us")


def test_token_is_fetched_once_and_reused(client):
    first = client.decide(**ALLOWED)
    second = client.decide(**{**ALLOWED, "region": "eu"})
    assert first.allow and second.allow
    assert client.tokens.fetches == 1


def test_a_refused_token_is_replaced_once(client):
    client.decide(**{**ALLOWED, "region": "uk"})
    client.tokens._token = "not-a-token"  # as if Keycloak had rotated its keys: Portolan answers 401
    assert client.decide(**{**ALLOWED, "region": "eu"}).allow
    assert client.tokens.fetches == 2


def test_wrong_gateway_secret_raises_a_typed_error():
    from conftest import PORTOLAN_URL, TOKEN_URL
    from portolan import PortolanClient

    with PortolanClient(PORTOLAN_URL, TOKEN_URL, "initech-gateway", "wrong-secret") as c:
        with pytest.raises(ProblemError) as raised:
            c.decide(**ALLOWED)
    assert raised.value.status == 401 and raised.value.type.startswith("oauth:")


def test_repeated_decision_comes_from_the_cache(client):
    fresh = client.decide(**ALLOWED)
    again = client.decide(**ALLOWED)
    assert not fresh.from_cache and again.from_cache
    assert again.decision_id == fresh.decision_id, "no second decision was asked for (or logged)"
    assert again.allow and again.policy_revision == fresh.policy_revision


def test_bad_request_raises_a_problem_naming_the_field(client):
    with pytest.raises(ProblemError) as raised:
        client.decide(**{**ALLOWED, "data_classification": "secret"})
    problem = raised.value
    assert problem.status == 400 and problem.type.endswith("/validation")
    assert "dataClassification" in problem.fields, problem


def test_allowed_models_lists_what_the_golden_file_approves(client, golden):
    cases = {c["name"]: c for c in golden["cases"]}
    # A denied request for an unknown model lists every model the team may use instead.
    for name in ("unknown model", "restricted data needs self-hosted open weights"):
        request = cases[name]["request"]
        models = client.allowed_models(
            request["team"], request["purpose"], request["dataClassification"], request["region"]
        )
        assert sorted(m.model for m in models) == sorted(cases[name]["expect"]["alternatives"]), name
    llama = [m for m in client.allowed_models("g-research", "chat", "restricted", "eu") if m.model == "g-llama"][0]
    assert [o.code for o in llama.obligations] == ["jurisdiction_watchlisted"]
    assert llama.vendor == "g-meta" and llama.jurisdiction == "US"


def test_allowed_models_of_an_unknown_team_is_a_404(client):
    with pytest.raises(ProblemError) as raised:
        client.allowed_models("g-nobody-" + uuid.uuid4().hex[:8], "chat", "internal", "eu")
    assert raised.value.status == 404


def test_usage_is_reported_flushed_and_a_retried_key_stored_once(client):
    since = utc_now_iso()
    decision = client.decide(**ALLOWED)
    tokens_in = random.randint(1000, 9_999_999)  # marks this test's record in the shared tenant
    client.report_usage(
        decision_id=decision.decision_id,
        model="g-gpt",
        input_tokens=tokens_in,
        output_tokens=42,
        latency_ms=123,
        cost_micros=456,
    )
    assert client.flush() and client.usage.stats.sent == 1
    mine = [u for u in audit_usage(since, team="g-research", model="g-gpt") if u["inputTokens"] == tokens_in]
    assert len(mine) == 1
    record = mine[0]
    assert record["decisionId"] == decision.decision_id and record["outputTokens"] == 42
    assert record["latencyMs"] == 123 and record["costMicros"] == 456 and record["team"] == "g-research"

    # The answer to a batch was lost, so the SDK sends it again with the same key: stored once.
    retried = UsageBatch([UsageReport(decision.decision_id, "g-gpt", tokens_in + 1, 1, 1)])
    assert client.usage.send(retried) == 201
    assert client.usage.send(retried) == 200  # a replay
    again = [
        u
        for u in audit_usage(since, team="g-research", model="g-gpt")
        if u["idempotencyKey"] == retried.idempotency_key
    ]
    assert len(again) == 1


def test_background_worker_sends_within_a_second():
    since = utc_now_iso()
    with make_client(usage_interval=1.0) as c:
        decision = c.decide(**ALLOWED)
        marker = random.randint(1000, 9_999_999)
        c.report_usage(UsageReport(decision.decision_id, "g-gpt", marker, 7, 9))
        deadline = time.monotonic() + 5
        while c.usage.stats.sent < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert c.usage.stats.sent == 1, "the worker sent the report without flush()"
    assert [u["inputTokens"] for u in audit_usage(since, model="g-gpt")].count(marker) == 1


def test_a_full_batch_of_100_goes_at_once_as_one_request():
    with make_client(usage_interval=60) as c:  # only the batch size can trigger the send
        decision = c.decide(**ALLOWED)
        for i in range(100):
            c.report_usage(
                decision_id=decision.decision_id, model="g-gpt", input_tokens=i, output_tokens=1, latency_ms=1
            )
        deadline = time.monotonic() + 10
        while c.usage.stats.sent < 100 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (c.usage.stats.sent, c.usage.stats.batches) == (100, 1)


def test_usage_for_an_unknown_decision_is_dropped_not_retried_forever(client):
    client.report_usage(decision_id=str(uuid.uuid4()), model="g-gpt", input_tokens=1, output_tokens=1, latency_ms=1)
    assert client.flush()
    assert client.usage.stats.dropped == 1 and "422" in client.usage.stats.last_error
    assert client.usage.pending() == 0
