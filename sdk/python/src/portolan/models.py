"""The typed shapes of Portolan's answers. Unknown JSON fields are ignored, so a newer server
that adds fields does not break an older SDK."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Optional, Tuple

UNAVAILABLE = "portolan_unavailable"


def parse_instant(value: Any) -> Optional[datetime]:
    """An ISO-8601 instant as Java prints it ('...T09:41:06.310567123Z') to an aware datetime."""
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("Z", "+00:00")
    # datetime takes at most 6 fractional digits; Java may print 9.
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Reason:
    """Why a decision denied: a stable machine code, a sentence for people, and the rule."""

    code: str
    message: str = ""
    rule: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Reason":
        return cls(str(data.get("code", "")), str(data.get("message") or ""), str(data.get("rule") or ""))


@dataclass(frozen=True)
class Obligation:
    """A condition the caller must honour when it goes ahead with an allowed call. A scheduled
    cut-off (``cut_off_scheduled``) also names its date and the models to move to, best first; a
    budget warning (``budget_warning``) the budget left this month, in millionths of its currency."""

    code: str
    message: str = ""
    cut_off_at: Optional[datetime] = None
    alternatives: Tuple[str, ...] = ()
    remaining_micros: Optional[int] = None
    currency: Optional[str] = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Obligation":
        moves = data.get("alternatives")
        remaining = data.get("remainingMicros")
        return cls(
            str(data.get("code", "")),
            str(data.get("message") or ""),
            parse_instant(data.get("cutOffAt")),
            tuple(str(m) for m in moves) if isinstance(moves, list) else (),
            remaining if isinstance(remaining, int) and not isinstance(remaining, bool) else None,
            data.get("currency") if isinstance(data.get("currency"), str) else None,
        )


@dataclass(frozen=True)
class Route:
    """Where to send an allowed call: the deployment of the model Portolan chose (or the one the
    question named), who operates it and in which jurisdiction, the request's region, and the
    endpoint (base URL) to call, None when the deployment records none."""

    deployment: str
    model: str = ""
    operator: str = ""
    operator_jurisdiction: str = ""
    region: str = ""
    endpoint: Optional[str] = None

    @classmethod
    def from_json(cls, data: Any) -> Optional["Route"]:
        """None for an absent route (a deny, or no deployment qualifies) or one naming no deployment."""
        if not isinstance(data, Mapping) or not isinstance(data.get("deployment"), str) or not data["deployment"]:
            return None
        endpoint = data.get("endpoint")
        return cls(
            data["deployment"],
            str(data.get("model") or ""),
            str(data.get("operator") or ""),
            str(data.get("operatorJurisdiction") or ""),
            str(data.get("region") or ""),
            endpoint if isinstance(endpoint, str) and endpoint else None,
        )


def _text_or_none(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class AliasResolution:
    """What a question for an alias (a logical model name the tenant defines, e.g. ``chat-default``)
    resolved to: the alias asked for (``name``) and the concrete model of its first candidate no rule
    denies (``model``), None when none may be used (the answer is then a deny, ``alias_unresolved``)."""

    name: str
    model: Optional[str] = None

    @classmethod
    def from_json(cls, data: Any) -> Optional["AliasResolution"]:
        """None when the question named a model (no alias in the answer) or the alias names nothing."""
        if not isinstance(data, Mapping) or not _text_or_none(data.get("name")):
            return None
        return cls(data["name"], _text_or_none(data.get("model")))


@dataclass(frozen=True)
class Alternative:
    """A model the team may use instead, with why it qualifies and where a call to it would go.
    ``alias`` names an alias that lists the denied model and resolves to this one for the same
    question (ask for the alias instead to stay portable); such alternatives come first."""

    model: str
    vendor: str = ""
    jurisdiction: str = ""
    why: str = ""
    route: Optional[Route] = None
    alias: Optional[str] = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Alternative":
        return cls(
            str(data.get("model", "")),
            str(data.get("vendor") or ""),
            str(data.get("jurisdiction") or ""),
            str(data.get("why") or ""),
            Route.from_json(data.get("route")),
            _text_or_none(data.get("alias")),
        )


@dataclass(frozen=True)
class DecisionRequest:
    """What is asked; also the key of the local decision cache."""

    team: str
    model: str
    purpose: str
    data_classification: str
    region: str
    task_tier: Optional[str] = None
    deployment: Optional[str] = None  # the deployment the call goes to; None lets the policy route

    def to_json(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {
            "team": self.team,
            "model": self.model,
            "purpose": self.purpose,
            "dataClassification": self.data_classification,
            "region": self.region,
        }
        if self.task_tier:
            body["taskTier"] = self.task_tier
        if self.deployment:
            body["deployment"] = self.deployment
        return body


@dataclass(frozen=True)
class Decision:
    """Portolan's answer. ``decision_id`` is None only for an answer the SDK made up itself
    because Portolan could not be asked (reason or obligation ``portolan_unavailable``). ``route``
    says where to send an allowed call; None on a deny, when no deployment of the model qualifies,
    and on the SDK's own answers. ``alias`` is set when the question's model named an alias: its
    ``model`` is the concrete model it resolved to (also ``route.model`` when allowed), None when
    no candidate may be used (a deny with reason ``alias_unresolved``)."""

    allow: bool
    decision_id: Optional[str] = None
    reasons: Tuple[Reason, ...] = ()
    obligations: Tuple[Obligation, ...] = ()
    alternatives: Tuple[Alternative, ...] = ()
    policy_revision: Optional[str] = None
    evaluated_at: Optional[datetime] = None
    expires_at: Optional[datetime] = None
    from_cache: bool = False
    route: Optional[Route] = None
    alias: Optional[AliasResolution] = None

    @property
    def reason_codes(self) -> List[str]:
        return [r.code for r in self.reasons]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Decision":
        return cls(
            allow=data.get("allow") is True,  # anything but a literal true denies
            decision_id=data.get("decisionId"),
            reasons=tuple(Reason.from_json(r) for r in data.get("reasons") or ()),
            obligations=tuple(Obligation.from_json(o) for o in data.get("obligations") or ()),
            alternatives=tuple(Alternative.from_json(a) for a in data.get("alternatives") or ()),
            policy_revision=data.get("policyRevision"),
            evaluated_at=parse_instant(data.get("evaluatedAt")),
            expires_at=parse_instant(data.get("expiresAt")),
            route=Route.from_json(data.get("route")),
            alias=AliasResolution.from_json(data.get("alias")),
        )


@dataclass(frozen=True)
class ModelPrice:
    """What a model costs now, per million input and output tokens, in a currency."""

    currency: str
    input_per_million: float
    output_per_million: float

    @classmethod
    def from_json(cls, data: Any) -> Optional["ModelPrice"]:
        if not isinstance(data, Mapping) or not isinstance(data.get("currency"), str):
            return None
        return cls(data["currency"], float(data.get("inputPerMillion") or 0), float(data.get("outputPerMillion") or 0))


@dataclass(frozen=True)
class AllowedModel:
    """One model a team may use now, with the obligations that come with it, its price (None: none
    set) and where a call to it would be routed (None: no deployment qualifies)."""

    model: str
    vendor: str = ""
    jurisdiction: str = ""
    capabilities: Tuple[str, ...] = ()
    cost_tier: str = ""
    hosting_regions: Tuple[str, ...] = ()
    obligations: Tuple[Obligation, ...] = ()
    price: Optional[ModelPrice] = None
    route: Optional[Route] = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AllowedModel":
        return cls(
            model=str(data.get("model", "")),
            vendor=str(data.get("vendor") or ""),
            jurisdiction=str(data.get("jurisdiction") or ""),
            capabilities=tuple(data.get("capabilities") or ()),
            cost_tier=str(data.get("costTier") or ""),
            hosting_regions=tuple(data.get("hostingRegions") or ()),
            obligations=tuple(Obligation.from_json(o) for o in data.get("obligations") or ()),
            price=ModelPrice.from_json(data.get("price")),
            route=Route.from_json(data.get("route")),
        )


@dataclass(frozen=True)
class UsageReport:
    """What one call used, reported after it against the decision that allowed it."""

    decision_id: str
    model: str
    input_tokens: int
    output_tokens: int
    latency_ms: int
    cost_micros: Optional[int] = None

    def to_json(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {
            "decisionId": self.decision_id,
            "model": self.model,
            "inputTokens": self.input_tokens,
            "outputTokens": self.output_tokens,
            "latencyMs": self.latency_ms,
        }
        if self.cost_micros is not None:
            body["costMicros"] = self.cost_micros
        return body


@dataclass(frozen=True)
class FieldError:
    """One invalid field of a refused request, as the problem document names it."""

    field: str
    message: str = ""


@dataclass
class UsageStats:
    """What the usage reporter did so far, for health pages and tests."""

    sent: int = 0
    dropped: int = 0
    batches: int = 0
    last_error: Optional[str] = None
    pending: int = field(default=0)
