"""Every case of the golden decision file, replayed through decide() against the real stack
(tenant initech, loaded by sdk/testdata/seed-golden.sh)."""

import json

import pytest
from conftest import GOLDEN_FILE, make_client

CASES = json.loads(GOLDEN_FILE.read_text())["cases"]


@pytest.fixture(scope="module")
def uncached_client():
    with make_client(cache=False) as c:
        yield c


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(uncached_client, case):
    request, expect = case["request"], case["expect"]
    decision = uncached_client.decide(
        request["team"],
        request["model"],
        request["purpose"],
        request["dataClassification"],
        request["region"],
        request.get("taskTier"),
    )
    assert decision.decision_id, "a real answer names its logged decision"
    assert decision.allow is expect["allow"]
    assert sorted(decision.reason_codes) == expect["reasons"]
    assert sorted(o.code for o in decision.obligations) == expect["obligations"]
    assert [a.model for a in decision.alternatives] == expect["alternatives"]
    assert decision.policy_revision and decision.expires_at > decision.evaluated_at
