"""Portolan in front of a LiteLLM proxy: before each call it asks Portolan whether the caller's team
may use the model for this purpose, data and region, and refuses the call (HTTP 403, with the
reasons and the approved alternatives) when Portolan says no; after a successful call it reports
the tokens used against the decision. When the answer names where to send the call (its
``route``, a deployment with an endpoint), the call goes there (``portolan_route_calls``).

Installed with the SDK's ``litellm`` extra (from a checkout: ``pip install './sdk/python[litellm]'``)
and listed in the proxy's config.yaml under
``guardrails:`` as ``guardrail: portolan.litellm.PortolanGuardrail``, ``mode: pre_call``,
``default_on: true``, with the ``portolan_*`` settings below as further ``litellm_params`` (see
integrations/litellm/README.md). ``integrations/litellm/portolan_guardrail.py`` is the single-file
form, for a file beside the config: it imports this module.

Only this module needs LiteLLM; ``import portolan`` does not import it.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional

from fastapi import HTTPException
from litellm.integrations.custom_guardrail import CustomGuardrail

from .client import PortolanClient
from .errors import ProblemError
from .models import Decision, Route

__all__ = ["PortolanGuardrail", "Ask", "Caller", "TeamMapping", "denial_message", "refusal_detail", "route_call"]

log = logging.getLogger("portolan.litellm")

# Request metadata keys a caller may set (OpenAI clients: extra_body={"metadata": {...}}).
PURPOSE_KEYS = ("portolan_purpose", "purpose")
CLASSIFICATION_KEYS = ("portolan_data_classification", "data_classification", "dataClassification")
REGION_KEYS = ("portolan_region", "region")
TASK_TIER_KEYS = ("portolan_task_tier", "task_tier", "taskTier")
DEPLOYMENT_KEYS = ("portolan_deployment",)  # one of the model's deployments in Portolan, by id
# Set by an admin on a LiteLLM key or team (their metadata), never taken from the request itself.
TEAM_METADATA_KEY = "portolan_team"
DECISION_KEY = "portolan_decision_id"
ROUTE_KEY = "portolan_route_deployment"


def _setting(value: Any, env: str, default: Any = None) -> Any:
    """A config value, an 'os.environ/NAME' reference, or else the environment variable ``env``."""
    if isinstance(value, str) and value.startswith("os.environ/"):
        value = os.environ.get(value[len("os.environ/") :])
    if value in (None, ""):
        value = os.environ.get(env, default)
    return value


def _flag(value: Any, env: str, default: bool) -> bool:
    value = _setting(value, env, None)
    if value is None:
        return default
    return value if isinstance(value, bool) else str(value).strip().lower() == "true"


def _first(metadata: Mapping[str, Any], keys: tuple, default: Optional[str]) -> Optional[str]:
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return default


@dataclass(frozen=True)
class Caller:
    """Who is calling, as LiteLLM's key authentication saw it."""

    team_id: Optional[str] = None
    team_alias: Optional[str] = None
    key_alias: Optional[str] = None
    key_metadata: Optional[Mapping[str, Any]] = None
    team_metadata: Optional[Mapping[str, Any]] = None

    @classmethod
    def of(cls, user_api_key_dict: Any) -> "Caller":
        return cls(
            *(
                getattr(user_api_key_dict, name, None)
                for name in ("team_id", "team_alias", "key_alias", "metadata", "team_metadata")
            )
        )


@dataclass(frozen=True)
class TeamMapping:
    """LiteLLM team (alias or id) or key alias → Portolan team, with a default for the rest."""

    teams: Mapping[str, str]
    default_team: Optional[str] = None

    def portolan_team(self, caller: Caller) -> Optional[str]:
        for metadata in (caller.key_metadata, caller.team_metadata):
            if metadata and isinstance(metadata.get(TEAM_METADATA_KEY), str):
                return metadata[TEAM_METADATA_KEY]
        for name in (caller.team_alias, caller.team_id, caller.key_alias):
            if name and name in self.teams:
                return self.teams[name]
        return self.default_team


@dataclass(frozen=True)
class Ask:
    team: str
    model: str
    purpose: str
    data_classification: str
    region: str
    task_tier: Optional[str] = None
    deployment: Optional[str] = None


def route_call(
    data: Dict[str, Any], route: Route, litellm_model: Optional[str] = None, api_key: Optional[str] = None
) -> bool:
    """Rewrites a LiteLLM call so it goes where Portolan routed it: ``api_base`` becomes the
    route's endpoint (LiteLLM then calls it with the model's own ``litellm_params``, e.g.
    ``openai/<model>``, so the upstream is asked for the model name it expects), ``api_key`` the
    deployment's key when one is configured, and ``model`` the LiteLLM model of the route's model
    when that is another one (an alias resolved). True when the call was changed."""
    changed = False
    if litellm_model and litellm_model != data.get("model"):
        data["model"] = litellm_model
        changed = True
    if route.endpoint:
        data["api_base"] = route.endpoint
        changed = True
        if api_key:
            data["api_key"] = api_key
    return changed


def denial_message(ask: Ask, decision: Decision) -> str:
    """What the caller reads: every reason code with its message, then the approved alternatives."""
    reasons = "; ".join(f"{r.code}: {r.message}" if r.message else r.code for r in decision.reasons)
    deployment = f", deployment {ask.deployment}" if ask.deployment else ""
    text = (
        f"Portolan refused model '{ask.model}' for team '{ask.team}' (purpose {ask.purpose}, "
        f"{ask.data_classification} data, region {ask.region}{deployment}): {reasons or 'denied'}."
    )
    if decision.alternatives:
        text += (
            " Approved alternatives: "
            + ", ".join(
                f"{a.model} ({a.vendor}, {a.jurisdiction})" if a.vendor else a.model for a in decision.alternatives
            )
            + "."
        )
    else:
        text += " No approved alternative for this request."
    if decision.decision_id:
        text += f" Decision {decision.decision_id}."
    return text


def refusal_detail(ask: Ask, decision: Decision) -> Dict[str, Any]:
    """The 403 body: a readable message plus the machine-readable answer."""
    return {
        "error": denial_message(ask, decision),
        "portolan": {
            "decisionId": decision.decision_id,
            "team": ask.team,
            "model": ask.model,
            "reasons": [{"code": r.code, "message": r.message, "rule": r.rule} for r in decision.reasons],
            "alternatives": [
                {"model": a.model, "vendor": a.vendor, "jurisdiction": a.jurisdiction, "why": a.why}
                for a in decision.alternatives
            ],
            "policyRevision": decision.policy_revision,
        },
    }


class PortolanGuardrail(CustomGuardrail):
    def __init__(
        self,
        portolan_url: Optional[str] = None,
        portolan_token_url: Optional[str] = None,
        portolan_client_id: Optional[str] = None,
        portolan_client_secret: Optional[str] = None,
        portolan_team_map: Optional[Mapping[str, str]] = None,
        portolan_default_team: Optional[str] = None,
        portolan_model_map: Optional[Mapping[str, str]] = None,
        portolan_default_purpose: Optional[str] = None,
        portolan_default_data_classification: Optional[str] = None,
        portolan_default_region: Optional[str] = None,
        portolan_timeout: Any = None,
        portolan_retries: Any = None,
        portolan_fail_open: Any = None,
        portolan_route_calls: Any = None,
        portolan_route_api_keys: Optional[Mapping[str, str]] = None,
        client: Optional[PortolanClient] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.teams = TeamMapping(
            dict(portolan_team_map or {}), _setting(portolan_default_team, "PORTOLAN_DEFAULT_TEAM")
        )
        self.models = dict(portolan_model_map or {})
        self.default_purpose = _setting(portolan_default_purpose, "PORTOLAN_DEFAULT_PURPOSE", "chat")
        self.default_classification = _setting(
            portolan_default_data_classification, "PORTOLAN_DEFAULT_DATA_CLASSIFICATION", "internal"
        )
        self.default_region = _setting(portolan_default_region, "PORTOLAN_DEFAULT_REGION", "eu")
        self.route_calls = _flag(portolan_route_calls, "PORTOLAN_ROUTE_CALLS", True)
        # Deployment id -> API key for its endpoint; without one the model's own api_key goes there.
        self.route_api_keys = {name: _setting(key, "", None) for name, key in (portolan_route_api_keys or {}).items()}
        self.client = client or PortolanClient(
            _setting(portolan_url, "PORTOLAN_URL", "http://127.0.0.1:8080"),
            _setting(
                portolan_token_url,
                "PORTOLAN_TOKEN_URL",
                "http://127.0.0.1:8180/realms/portolan/protocol/openid-connect/token",
            ),
            _setting(portolan_client_id, "PORTOLAN_CLIENT_ID"),
            _setting(portolan_client_secret, "PORTOLAN_CLIENT_SECRET"),
            timeout=float(_setting(portolan_timeout, "PORTOLAN_TIMEOUT", 2.0)),
            retries=int(_setting(portolan_retries, "PORTOLAN_RETRIES", 2)),
            fail_open=str(_setting(portolan_fail_open, "PORTOLAN_FAIL_OPEN", "false")).lower() == "true",
        )
        atexit.register(self.client.close)  # sends queued usage on a normal exit (not after uvicorn's SIGTERM)

    def ask_for(self, user_api_key_dict: Any, data: Mapping[str, Any]) -> Ask:
        metadata: Dict[str, Any] = {**(data.get("litellm_metadata") or {}), **(data.get("metadata") or {})}
        team = self.teams.portolan_team(Caller.of(user_api_key_dict))
        if not team:
            raise HTTPException(
                status_code=403,
                detail={
                    "error": "Portolan: this key belongs to no Portolan team (set portolan_team_map or "
                    "portolan_default_team, or 'portolan_team' in the key's or team's metadata)."
                },
            )
        model = str(data.get("model") or "")
        return Ask(
            team,
            self.models.get(model, model),
            _first(metadata, PURPOSE_KEYS, self.default_purpose),
            _first(metadata, CLASSIFICATION_KEYS, self.default_classification),
            _first(metadata, REGION_KEYS, self.default_region),
            _first(metadata, TASK_TIER_KEYS, None),
            _first(metadata, DEPLOYMENT_KEYS, None),
        )

    def litellm_model(self, portolan_model: str) -> str:
        """The LiteLLM model name of a Portolan model id: the first portolan_model_map entry naming
        it, else the id itself."""
        return next((name for name, mapped in self.models.items() if mapped == portolan_model), portolan_model)

    def apply_route(self, data: Dict[str, Any], ask: Ask, route: Route) -> bool:
        """Sends the call where Portolan's answer routes it (see ``route_call``)."""
        target = None if route.model in ("", ask.model) else self.litellm_model(route.model)
        return route_call(data, route, target, self.route_api_keys.get(route.deployment))

    async def async_pre_call_hook(self, user_api_key_dict: Any, cache: Any, data: dict, call_type: Any) -> dict:
        ask = self.ask_for(user_api_key_dict, data)
        try:
            # The SDK blocks (urllib); keep the proxy's event loop free while it asks.
            decision = await asyncio.to_thread(
                self.client.decide,
                ask.team,
                ask.model,
                ask.purpose,
                ask.data_classification,
                ask.region,
                ask.task_tier,
                ask.deployment,
            )
        except ProblemError as problem:  # bad input (e.g. an unknown data classification) or credentials
            status = 400 if problem.status in (400, 404, 422) else 403 if problem.status < 500 else 502
            raise HTTPException(
                status_code=status,
                detail={
                    "error": f"Portolan could not decide: {problem}",
                    "portolan": {
                        "status": problem.status,
                        "type": problem.type,
                        "title": problem.title,
                        "detail": problem.detail,
                        "errors": [{"field": e.field, "message": e.message} for e in problem.errors],
                    },
                },
            ) from problem
        if not decision.allow:
            log.info("portolan refused %s for %s: %s", ask.model, ask.team, decision.reason_codes)
            raise HTTPException(status_code=403, detail=refusal_detail(ask, decision))
        for obligation in decision.obligations:
            log.warning(
                "portolan obligation for %s/%s: %s %s", ask.team, ask.model, obligation.code, obligation.message
            )
        if decision.decision_id:
            # Carried to the success event, which reports the usage against this decision.
            data.setdefault("metadata", {})[DECISION_KEY] = decision.decision_id
            data["metadata"]["portolan_model"] = ask.model
            data["metadata"]["portolan_obligations"] = [o.code for o in decision.obligations]
        if isinstance(data.get("metadata"), dict):
            data["metadata"].pop(ROUTE_KEY, None)  # only this guardrail says where a call went
        # No route (no deployment qualifies, or Portolan failed open), a route without an endpoint,
        # or routing turned off: the call goes to the model's upstream in LiteLLM's config.
        if self.route_calls and decision.route is not None:
            data.setdefault("metadata", {})[ROUTE_KEY] = decision.route.deployment
            if decision.route.model and decision.route.model != ask.model and decision.decision_id:
                data["metadata"]["portolan_model"] = decision.route.model  # usage is the model called
            if self.apply_route(data, ask, decision.route):
                log.info(
                    "portolan routed %s for %s to deployment %s (%s)",
                    ask.model,
                    ask.team,
                    decision.route.deployment,
                    decision.route.endpoint or "the configured upstream",
                )
        return data

    async def async_post_call_response_headers_hook(
        self,
        data: dict,
        user_api_key_dict: Any,
        response: Any,
        request_headers: Any = None,
        litellm_call_info: Any = None,
    ) -> Optional[Dict[str, str]]:
        """Tells the caller which decision allowed its call (and what it obliges), for its own logs."""
        metadata = data.get("metadata") or {}
        if not metadata.get(DECISION_KEY):
            return None
        headers = {"x-portolan-decision-id": str(metadata[DECISION_KEY])}
        if metadata.get("portolan_obligations"):
            headers["x-portolan-obligations"] = ",".join(metadata["portolan_obligations"])
        if metadata.get(ROUTE_KEY):
            headers["x-portolan-route-deployment"] = str(metadata[ROUTE_KEY])
        return headers

    async def async_log_success_event(self, kwargs: dict, response_obj: Any, start_time: Any, end_time: Any) -> None:
        try:
            metadata = (kwargs.get("litellm_params") or {}).get("metadata") or {}
            decision_id = metadata.get(DECISION_KEY)
            if not decision_id:
                return  # not a call this guardrail allowed (e.g. fail-open, or another route)
            usage = getattr(response_obj, "usage", None) or (response_obj or {}).get("usage") or {}
            prompt = (
                getattr(usage, "prompt_tokens", None) if not isinstance(usage, dict) else usage.get("prompt_tokens")
            )
            completion = (
                getattr(usage, "completion_tokens", None)
                if not isinstance(usage, dict)
                else usage.get("completion_tokens")
            )
            cost = kwargs.get("response_cost")
            self.client.report_usage(
                decision_id=decision_id,
                model=metadata.get("portolan_model") or kwargs.get("model"),
                input_tokens=int(prompt or 0),
                output_tokens=int(completion or 0),
                latency_ms=max(0, int((end_time - start_time).total_seconds() * 1000)),
                cost_micros=round(cost * 1_000_000) if isinstance(cost, (int, float)) and cost > 0 else None,
            )
        except Exception:  # reporting must never break a call that already succeeded
            log.exception("portolan usage report failed")
