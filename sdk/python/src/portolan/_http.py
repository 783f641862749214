"""HTTP plumbing on the standard library: the gateway token (client-credentials grant, cached) and
requests with timeout, bounded retries with jittered exponential backoff, one token refresh on 401,
and the caller's W3C trace context (``traceparent``, ``tracestate``) on every request to Portolan."""

from __future__ import annotations

import http.client
import json
import logging
import random
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from .errors import ProblemError, UnavailableError

# OpenTelemetry is optional: with opentelemetry-api installed, the caller's current span is continued
# by Portolan. Any failure counts as absent (opentelemetry.propagate raises ValueError at import
# when OTEL_PROPAGATORS names a propagator that is not installed): tracing never breaks the SDK.
try:
    from opentelemetry.propagate import inject as _otel_inject
except Exception:  # noqa: BLE001  # pragma: no cover - depends on what is installed
    _otel_inject = None

log = logging.getLogger("portolan")

TraceHeaders = Callable[[], Mapping[str, str]]
"""A hook returning the caller's W3C trace context headers; only traceparent and tracestate count."""
_TRACE_CONTEXT = ("traceparent", "tracestate")

# Failures that say nothing about the request itself: worth another try.
_NETWORK_ERRORS = (
    urllib.error.URLError,
    socket.timeout,
    TimeoutError,
    ConnectionError,
    http.client.HTTPException,
    OSError,
)


class _StatusError(Exception):
    def __init__(self, status: int, body: bytes, content_type: str = "") -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.content_type = content_type

    @property
    def from_the_api(self) -> bool:
        """A JSON answer (problem+json, OAuth error) comes from the API itself; an HTML 404 or
        502 page comes from a server still deploying or a proxy in between."""
        return "json" in self.content_type


def _describe(error: BaseException) -> str:
    reason = getattr(error, "reason", None)
    return f"{type(error).__name__}: {reason if reason is not None else error}"


def _send(
    method: str, url: str, body: Optional[bytes], headers: Mapping[str, str], timeout: float
) -> Tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        raise _StatusError(error.code, error.read() or b"", error.headers.get("Content-Type") or "") from None


def _trace_context(carrier: Any) -> Dict[str, str]:
    """traceparent and tracestate out of ``carrier`` (any letter case), when they are text that
    can go in a header; everything else is dropped so it can never replace Authorization etc."""
    found: Dict[str, str] = {}
    if not isinstance(carrier, Mapping):
        return found
    for key, value in carrier.items():
        name = key.lower() if isinstance(key, str) else ""
        if name in _TRACE_CONTEXT and isinstance(value, str):
            value = value.strip()
            if value and value.isascii() and value.isprintable():
                found[name] = value
    return found


def trace_context(hook: Optional[TraceHeaders] = None) -> Dict[str, str]:
    """The trace context to send with a request: the hook's when it gives a traceparent, else the
    current OpenTelemetry span's (when opentelemetry-api is installed), else none. Never raises:
    a broken hook or propagator costs the trace, not the request."""
    if hook is not None:
        try:
            found = _trace_context(hook())
        except Exception:  # noqa: BLE001 - the caller's code; tracing must not fail a decision
            log.debug("portolan trace_headers hook failed; sending no trace context", exc_info=True)
            found = {}
        if "traceparent" in found:
            return found
    if _otel_inject is not None:
        carrier: Dict[str, str] = {}
        try:
            _otel_inject(carrier)
        except Exception:  # noqa: BLE001
            log.debug("portolan could not inject the OpenTelemetry context", exc_info=True)
            return {}
        found = _trace_context(carrier)
        if "traceparent" in found:
            return found
    return {}


class TokenProvider:
    """Fetches a gateway token with the client-credentials grant and reuses it until shortly
    before it expires (refresh margin: 30 s, or a tenth of the lifetime for short-lived tokens)."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        timeout: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._token_url = token_url
        self._form = urllib.parse.urlencode(
            {"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}
        ).encode()
        self._timeout = timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._token: Optional[str] = None
        self._refresh_at = 0.0
        self.fetches = 0  # how many tokens were fetched: lets tests see reuse

    def token(self) -> str:
        with self._lock:
            if self._token is None or self._clock() >= self._refresh_at:
                self._fetch()
            assert self._token is not None
            return self._token

    def invalidate(self, token: str) -> None:
        """Forgets a token Portolan refused (401), unless another thread already replaced it."""
        with self._lock:
            if self._token == token:
                self._token = None

    def _fetch(self) -> None:
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        try:
            status, body = _send("POST", self._token_url, self._form, headers, self._timeout)
        except _StatusError as error:
            if error.status >= 500 or not error.from_the_api:
                raise UnavailableError(f"token endpoint answered {error.status}") from None
            raise ProblemError.from_body(error.status, error.body) from None
        except _NETWORK_ERRORS as error:
            raise UnavailableError(f"token endpoint unreachable: {_describe(error)}") from None
        try:
            data = json.loads(body)
            token = str(data["access_token"])
            lifetime = float(data.get("expires_in") or 60)
        except (ValueError, KeyError, TypeError):
            raise UnavailableError("token endpoint answered without an access_token") from None
        self._token = token
        self._refresh_at = self._clock() + lifetime - min(30.0, lifetime / 10)
        self.fetches += 1


class Transport:
    """Calls Portolan's API with the gateway token. Retries (at most ``retries`` times) only what
    the caller marks retryable; raises ProblemError for 4xx and UnavailableError when out of tries."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        timeout: float,
        retries: int,
        sleep: Callable[[float], None] = time.sleep,
        trace_headers: Optional[TraceHeaders] = None,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._trace_headers = trace_headers
        self._tokens = tokens
        self._timeout = timeout
        self._retries = max(0, retries)
        self._sleep = sleep

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: Optional[Dict[str, str]] = None,
        retryable: bool = False,
        traced: bool = True,
    ) -> Tuple[int, bytes]:
        payload = None if body is None else json.dumps(body).encode()
        all_headers = {"Accept": "application/json"}
        if payload is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        # Taken once, in the caller's thread: every try belongs to the caller's current span.
        if traced:
            all_headers.update(trace_context(self._trace_headers))
        attempts = 1 + (self._retries if retryable else 0)
        refreshed = False
        failures = 0
        while True:
            token = ""
            try:
                token = self._tokens.token()
                all_headers["Authorization"] = "Bearer " + token
                return _send(method, self._base_url + path, payload, all_headers, self._timeout)
            except _StatusError as error:
                if error.status == 401 and not refreshed:
                    refreshed = True  # the token may have been revoked or rotated: one fresh try
                    self._tokens.invalidate(token)
                    continue
                if error.status < 500 and error.from_the_api:
                    raise ProblemError.from_body(error.status, error.body) from None
                if error.from_the_api:
                    problem = ProblemError.from_body(error.status, error.body)
                    last_error = f"Portolan answered {error.status} {problem.title}: {problem.detail}".strip()
                else:
                    content_type = error.content_type or "no content type"
                    last_error = f"Portolan answered {error.status} without an API answer ({content_type})"
            except UnavailableError as error:  # from the token endpoint
                last_error = str(error)
            except _NETWORK_ERRORS as error:
                last_error = f"Portolan unreachable: {_describe(error)}"
            failures += 1
            if failures >= attempts:
                raise UnavailableError(f"{last_error} (after {failures} attempt{'s' if failures > 1 else ''})")
            log.debug("portolan %s %s failed (%s); retrying", method, path, last_error)
            self._sleep(backoff_seconds(failures))


def backoff_seconds(failures: int, base: float = 0.1, cap: float = 2.0) -> float:
    """Exponential backoff with jitter: about 0.1 s, 0.2 s, 0.4 s ... each scaled by 0.5-1.0."""
    return float(min(cap, base * 2.0 ** (failures - 1)) * random.uniform(0.5, 1.0))
