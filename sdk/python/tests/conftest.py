"""Shared fixtures: the real test stack (Portolan + Keycloak) and the golden decision file."""

import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from portolan import PortolanClient

REPO_ROOT = Path(__file__).resolve().parents[3]
GOLDEN_FILE = REPO_ROOT / "src/test/resources/decisions/sovereignty.json"
PORTOLAN_URL = os.environ.get("PORTOLAN_URL", "http://127.0.0.1:28080").rstrip("/")
KEYCLOAK_URL = os.environ.get("KEYCLOAK_URL", "http://127.0.0.1:28180").rstrip("/")
TOKEN_URL = f"{KEYCLOAK_URL}/realms/portolan/protocol/openid-connect/token"
GATEWAY = ("initech-gateway", "initech-gateway-secret")  # the tenant seed-golden.sh fills
AUDIT_READER = "ian"  # initech's tenant-admin: may read the audit exports


def make_client(**options) -> PortolanClient:
    return PortolanClient(PORTOLAN_URL, TOKEN_URL, *GATEWAY, **options)


@pytest.fixture
def client():
    with make_client() as c:
        yield c


@pytest.fixture(scope="session")
def golden():
    return json.loads(GOLDEN_FILE.read_text())


def user_token(user: str) -> str:
    form = urllib.parse.urlencode(
        {"grant_type": "password", "client_id": "portolan-cli", "username": user, "password": user}
    ).encode()
    with urllib.request.urlopen(urllib.request.Request(TOKEN_URL, data=form), timeout=10) as response:
        return json.loads(response.read())["access_token"]


def api(method: str, path: str, user: str, body=None):
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


def audit_usage(since: str, **filters) -> list:
    """The usage export (NDJSON) as an auditor reads it, from ``since`` on."""
    query = urllib.parse.urlencode({"from": since, "format": "ndjson", **filters})
    request = urllib.request.Request(
        f"{PORTOLAN_URL}/api/v1/audit/usage?{query}", headers={"Authorization": "Bearer " + user_token(AUDIT_READER)}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return [json.loads(line) for line in response.read().decode().splitlines() if line.strip()]


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def utc_now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 5))
