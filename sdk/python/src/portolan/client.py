"""PortolanClient: ask before a model call, report usage after it."""

from __future__ import annotations

import json
import logging
import urllib.parse
from typing import Any, Dict, List, Optional

from ._http import TokenProvider, TraceHeaders, Transport
from .cache import DecisionCache
from .errors import UnavailableError
from .models import UNAVAILABLE, AllowedModel, Decision, DecisionRequest, Obligation, Reason, UsageReport
from .usage import UsageReporter

log = logging.getLogger("portolan")


class PortolanClient:
    """A client for one gateway identity (a Keycloak client with the ``gateway`` role).

    Thread-safe; make one per process and ``close()`` it at shutdown (or use it as a context
    manager) so queued usage reports are sent.

    Every request to Portolan carries the caller's W3C trace context, so Portolan's spans join the
    caller's trace: ``trace_headers()``, called in the calling thread before each request, when it
    returns a ``traceparent`` (with its ``tracestate``; any other header it returns is ignored),
    else the current OpenTelemetry span's when ``opentelemetry-api`` is installed.
    """

    def __init__(
        self,
        portolan_url: str,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        timeout: float = 2.0,
        retries: int = 2,
        fail_open: bool = False,
        cache: bool = True,
        usage_batch_size: int = 100,
        usage_interval: float = 1.0,
        trace_headers: Optional[TraceHeaders] = None,
    ) -> None:
        self.fail_open = fail_open
        self.tokens = TokenProvider(token_url, client_id, client_secret, timeout)
        self._transport = Transport(portolan_url, self.tokens, timeout, retries, trace_headers=trace_headers)
        self.cache: Optional[DecisionCache] = DecisionCache() if cache else None
        self.usage = UsageReporter(self._transport, usage_batch_size, usage_interval)

    def decide(
        self,
        team: str,
        model: str,
        purpose: str,
        data_classification: str,
        region: str,
        task_tier: Optional[str] = None,
        deployment: Optional[str] = None,
    ) -> Decision:
        """May ``team`` use ``model`` for ``purpose`` with this data in this region? With
        ``deployment`` (the id of one of the model's deployments) the question is decided on that
        deployment alone; without it an allowed answer's ``route`` names the best compliant one.

        Never raises because Portolan is down: then the answer is a deny (or, with
        ``fail_open=True``, an allow) carrying ``portolan_unavailable``. Raises ProblemError when
        Portolan refuses the request itself (bad input, wrong credentials).
        """
        request = DecisionRequest(team, model, purpose, data_classification, region, task_tier, deployment)
        if self.cache is not None:
            cached = self.cache.get(request)
            if cached is not None:
                return cached
        try:
            # A decision only reads policy, so retrying it is safe (each try is logged as asked).
            _, body = self._transport.request("POST", "/api/v1/decisions", request.to_json(), retryable=True)
            decision = Decision.from_json(json.loads(body))
        except UnavailableError as error:
            return self._unavailable(str(error))
        except ValueError as error:  # a 2xx that is not JSON: as good as no answer
            return self._unavailable(f"Portolan answered something that is not a decision: {error}")
        if self.cache is not None:
            self.cache.put(request, decision)
        return decision

    def allowed_models(
        self,
        team: str,
        purpose: Optional[str] = None,
        data_classification: Optional[str] = None,
        region: Optional[str] = None,
        task_tier: Optional[str] = None,
    ) -> List[AllowedModel]:
        """Every model the team may use now for this purpose, data and region, with obligations.
        Portolan currently requires purpose, data_classification and region (a 400 names any
        missing one). Raises UnavailableError when Portolan cannot be reached."""
        query = {
            k: v
            for k, v in {
                "purpose": purpose,
                "dataClassification": data_classification,
                "region": region,
                "taskTier": task_tier,
            }.items()
            if v
        }
        path = f"/api/v1/teams/{urllib.parse.quote(team, safe='')}/models"
        if query:
            path += "?" + urllib.parse.urlencode(query)
        _, body = self._transport.request("GET", path, retryable=True)
        data: Dict[str, Any] = json.loads(body)
        return [AllowedModel.from_json(m) for m in data.get("models") or ()]

    def report_usage(
        self,
        report: Optional[UsageReport] = None,
        *,
        decision_id: Optional[str] = None,
        model: Optional[str] = None,
        input_tokens: int = 0,
        output_tokens: int = 0,
        latency_ms: int = 0,
        cost_micros: Optional[int] = None,
    ) -> None:
        """Queues what a call used; a background thread sends it (see ``flush``). Pass a
        UsageReport or its fields as keywords."""
        if report is None:
            if not decision_id or not model:
                raise ValueError("report_usage needs decision_id and model")
            report = UsageReport(
                decision_id,
                model,
                int(input_tokens),
                int(output_tokens),
                int(latency_ms),
                None if cost_micros is None else int(cost_micros),
            )
        self.usage.add(report)

    def flush(self) -> bool:
        """Sends the queued usage reports now and waits; False if some stay queued (Portolan down)."""
        return self.usage.flush()

    def close(self) -> None:
        """Flushes and stops the usage thread. The client is unusable for usage afterwards."""
        if not self.usage.close():
            log.warning("portolan client closed with %d usage reports unsent", self.usage.pending())

    def __enter__(self) -> "PortolanClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _unavailable(self, what: str) -> Decision:
        log.warning("portolan unavailable, failing %s: %s", "open" if self.fail_open else "closed", what)
        if self.fail_open:
            return Decision(allow=True, obligations=(Obligation(UNAVAILABLE, what),))
        return Decision(allow=False, reasons=(Reason(UNAVAILABLE, what, "sdk"),))
