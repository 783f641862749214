"""Shared helpers: the LiteLLM proxy test.sh started (PROXY_URL), the real Portolan test stack and
the golden decision file."""

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parents[3]
GOLDEN = json.loads((REPO_ROOT / "src/test/resources/decisions/sovereignty.json").read_text())
PORTOLAN_URL = os.environ.get("PORTOLAN_URL", "http://127.0.0.1:28080").rstrip("/")
KEYCLOAK_URL = os.environ.get("KEYCLOAK_URL", "http://127.0.0.1:28180").rstrip("/")
TOKEN_URL = f"{KEYCLOAK_URL}/realms/portolan/protocol/openid-connect/token"
PROXY_URL = os.environ.get("PROXY_URL", "http://127.0.0.1:4000").rstrip("/")
# The fake upstreams test.sh started: the one tests/config.yaml names, and one per routed deployment.
CONFIGURED_UPSTREAM = os.environ.get("CONFIGURED_UPSTREAM", "")
ROUTE_UPSTREAM_A = os.environ.get("ROUTE_UPSTREAM_A", "")
ROUTE_UPSTREAM_B = os.environ.get("ROUTE_UPSTREAM_B", "")
ROUTE_B_API_KEY = os.environ.get("ROUTE_B_API_KEY", "")


def golden_case(name: str) -> Dict[str, Any]:
    return next(c for c in GOLDEN["cases"] if c["name"] == name)


def chat(
    key: str, model: str, metadata: Optional[Dict[str, str]] = None, content: str = "hello?"
) -> Tuple[int, Dict[str, Any], Any]:
    """One chat completion through the proxy, as an OpenAI client sends it: (status, body, headers)."""
    body: Dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": content}]}
    if metadata is not None:
        body["metadata"] = metadata
    request = urllib.request.Request(
        f"{PROXY_URL}/v1/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), error.headers


def user_token(user: str) -> str:
    """A user's token (password grant through portolan-cli; password = user name)."""
    form = urllib.parse.urlencode(
        {"grant_type": "password", "client_id": "portolan-cli", "username": user, "password": user}
    ).encode()
    with urllib.request.urlopen(urllib.request.Request(TOKEN_URL, data=form), timeout=10) as response:
        return json.loads(response.read())["access_token"]


def portolan(method: str, path: str, user: str, body: Any = None) -> Tuple[int, Any]:
    """One call to Portolan's API as a user of tenant initech: (status, parsed body)."""
    request = urllib.request.Request(
        f"{PORTOLAN_URL}{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + user_token(user), "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def received(upstream: str) -> list:
    """The chat completions a fake upstream (integrations/testing/fake_openai.py) answered."""
    with urllib.request.urlopen(f"{upstream}/_received", timeout=10) as response:
        return json.loads(response.read())


def audit_usage(since: str) -> list:
    """Portolan's usage export as initech's tenant-admin (ian) reads it, from ``since`` on."""
    token = user_token("ian")
    query = urllib.parse.urlencode({"from": since, "format": "ndjson", "team": "g-research"})
    request = urllib.request.Request(
        f"{PORTOLAN_URL}/api/v1/audit/usage?{query}", headers={"Authorization": "Bearer " + token}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return [json.loads(line) for line in response.read().decode().splitlines() if line.strip()]
