"""Errors the SDK raises. ``decide`` raises only ProblemError (a request Portolan refused);
an unreachable Portolan becomes a fail-closed answer there, and UnavailableError elsewhere."""

from __future__ import annotations

import json
from typing import Any, List, Optional, Tuple

from .models import FieldError


class PortolanError(Exception):
    """Base of every error the SDK raises."""


class UnavailableError(PortolanError):
    """Portolan (or Keycloak) could not be reached, timed out, or answered 5xx after the retries."""


class ProblemError(PortolanError):
    """A 4xx answer: an RFC 9457 problem document (or Keycloak's OAuth error) the caller can act on."""

    def __init__(
        self,
        status: int,
        type: str = "about:blank",
        title: str = "",
        detail: str = "",
        errors: Tuple[FieldError, ...] = (),
        instance: Optional[str] = None,
    ) -> None:
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = errors
        self.instance = instance
        fields = "; ".join(f"{e.field}: {e.message}" for e in errors)
        super().__init__(f"{status} {title or type}: {detail}" + (f" [{fields}]" if fields else ""))

    @property
    def fields(self) -> List[str]:
        return [e.field for e in self.errors]

    @classmethod
    def from_body(cls, status: int, body: bytes) -> "ProblemError":
        try:
            data: Any = json.loads(body or b"{}")
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return cls(status, title="HTTP %d" % status, detail=body[:200].decode("utf-8", "replace"))
        if "error" in data and "type" not in data:  # Keycloak's OAuth error answer
            return cls(
                status,
                type="oauth:" + str(data["error"]),
                title=str(data["error"]),
                detail=str(data.get("error_description") or ""),
            )
        errors = tuple(
            FieldError(str(e.get("field", "")), str(e.get("message") or ""))
            for e in data.get("errors") or ()
            if isinstance(e, dict)
        )
        return cls(
            int(data.get("status") or status),
            str(data.get("type") or "about:blank"),
            str(data.get("title") or ""),
            str(data.get("detail") or ""),
            errors,
            data.get("instance"),
        )
