"""Test-only LiteLLM custom auth: fixed API keys that belong to LiteLLM teams. A proxy with its
database has real teams and keys; this test runs without one, so the keys are declared here."""

from fastapi import HTTPException
from litellm.proxy._types import UserAPIKeyAuth

KEYS = {
    "sk-research": {"team_id": "team-1", "team_alias": "research", "key_alias": "research-app"},
    "sk-marketing": {"team_id": "team-2", "team_alias": "marketing", "key_alias": "marketing-app"},
    "sk-unmapped": {"team_id": "team-3", "team_alias": "sales", "key_alias": "sales-app"},
    "sk-routing": {"team_id": "team-4", "team_alias": "routing", "key_alias": "routing-app"},
}


async def user_api_key_auth(request, api_key: str) -> UserAPIKeyAuth:
    key = api_key.removeprefix("Bearer ").strip()
    if key not in KEYS:
        raise HTTPException(status_code=401, detail={"error": "unknown test key"})
    return UserAPIKeyAuth(api_key=key, **KEYS[key])
