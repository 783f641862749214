"""LiteLLM's own model price map, as the installed litellm package ships it, imported into Portolan's
price list (POST /api/v1/prices/import) the way an officer would upload it from the spend screen."""

import json
import urllib.error
import urllib.parse
import urllib.request
from importlib import resources

from conftest import PORTOLAN_URL, TOKEN_URL


def officer_token() -> str:
    form = urllib.parse.urlencode(
        {"grant_type": "password", "client_id": "portolan-cli", "username": "ivan", "password": "ivan"}
    ).encode()
    with urllib.request.urlopen(urllib.request.Request(TOKEN_URL, data=form), timeout=10) as response:
        return json.loads(response.read())["access_token"]


def call(method: str, path: str, body: bytes = None):
    request = urllib.request.Request(
        f"{PORTOLAN_URL}{path}",
        data=body,
        method=method,
        headers={"Authorization": "Bearer " + officer_token(), "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_litellms_bundled_price_map_prices_a_model_named_in_it():
    price_map = resources.files("litellm").joinpath("model_prices_and_context_window_backup.json").read_bytes()
    listed = json.loads(price_map)["gpt-4o"]
    # initech gets a model LiteLLM names (409 when an earlier run made it).
    call("POST", "/api/v1/vendors", json.dumps({"id": "openai", "name": "OpenAI", "jurisdiction": "US"}).encode())
    call(
        "POST",
        "/api/v1/models",
        json.dumps(
            {
                "id": "gpt-4o",
                "displayName": "GPT-4o",
                "vendor": "openai",
                "hostingRegions": ["us"],
                "openWeights": False,
                "selfHostable": False,
                "capabilities": ["chat"],
                "costTier": "high",
                "status": "proposed",
            }
        ).encode(),
    )

    status, result = call("POST", "/api/v1/prices/import", price_map)
    assert status == 200, result
    assert len(price_map) > 1_000_000 and result["entries"] > 1000, "the whole map, over a megabyte, is read"
    assert "gpt-4o" in [i["model"] for i in result["imported"]] + result["unchanged"], result
    status, prices = call("GET", "/api/v1/prices?model=gpt-4o")
    current = [p for p in prices["items"] if p.get("validTo") is None]
    assert current[0]["currency"] == "USD" and current[0]["source"] == "litellm"
    assert abs(current[0]["inputPerMillion"] - listed["input_cost_per_token"] * 1_000_000) < 1e-6
    assert abs(current[0]["outputPerMillion"] - listed["output_cost_per_token"] * 1_000_000) < 1e-6
