"""Every request to Portolan carries the caller's W3C trace context (traceparent, tracestate), from
the trace_headers hook or the current OpenTelemetry span. Against a local stub that plays both the
token endpoint and Portolan's API and records the headers it is sent; no test stack needed."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import portolan._http
import pytest
from portolan import PortolanClient

ASK = dict(team="g-research", model="g-gpt", purpose="chat", data_classification="internal", region="us")
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
TRACESTATE = "vendor=opaque"


class _Recorder(BaseHTTPRequestHandler):
    seen: list  # (method, path, headers) of each request, set per server

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append(("POST", self.path, self.headers))
        if self.path == "/token":
            self._answer(200, {"access_token": "t", "expires_in": 300})
        elif self.path == "/api/v1/decisions":
            expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 60))
            self._answer(
                200,
                {
                    "decisionId": "d1",
                    "allow": True,
                    "policyRevision": "1-abc",
                    "evaluatedAt": "2026-01-01T00:00:00Z",
                    "expiresAt": expires,
                },
            )
        else:
            self._answer(201, {})

    def do_GET(self):
        self.seen.append(("GET", self.path, self.headers))
        self._answer(200, {"models": []})

    def log_message(self, *args):
        pass


@pytest.fixture
def stub():
    class Recorder(_Recorder):
        seen = []

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", Recorder.seen
    server.shutdown()
    server.server_close()


def api_calls(seen):
    return [(method, path, headers) for method, path, headers in seen if path.startswith("/api/")]


def exercise(client):
    """One of each request the SDK makes to Portolan; usage flushed in this thread."""
    client.decide(**ASK)
    client.allowed_models("g-research", "chat", "internal", "us")
    client.report_usage(decision_id="d1", model="g-gpt", input_tokens=1, output_tokens=1, latency_ms=1)
    assert client.flush() is True


def test_the_hooks_trace_context_reaches_every_request_and_nothing_else_does(stub):
    url, seen = stub

    def hook():
        return {
            "Traceparent": TRACEPARENT,
            "tracestate": TRACESTATE,
            "Authorization": "Bearer stolen",
            "X-Other": "x",
            "baggage": "user=alice",
        }

    with PortolanClient(url, url + "/token", "id", "secret", trace_headers=hook) as client:
        exercise(client)
    calls = api_calls(seen)
    assert [(m, p.split("?")[0]) for m, p, _ in calls] == [
        ("POST", "/api/v1/decisions"),
        ("GET", "/api/v1/teams/g-research/models"),
        ("POST", "/api/v1/usage"),
    ]
    for _, _, headers in calls:
        assert headers["traceparent"] == TRACEPARENT and headers["tracestate"] == TRACESTATE
        assert headers["Authorization"] == "Bearer t", "the hook never replaces the token"
        assert headers.get("X-Other") is None and headers.get("baggage") is None
    token_request = next(h for _, p, h in seen if p == "/token")
    assert token_request.get("traceparent") is None, "the token endpoint is not Portolan"


def test_a_cached_decision_sends_nothing(stub):
    url, seen = stub
    with PortolanClient(url, url + "/token", "id", "secret", trace_headers=lambda: {"traceparent": TRACEPARENT}) as c:
        first, second = c.decide(**ASK), c.decide(**ASK)
    assert not first.from_cache and second.from_cache and second.decision_id == "d1"
    assert len(api_calls(seen)) == 1


def test_without_a_trace_context_no_header_and_a_broken_hook_costs_only_the_trace(stub, monkeypatch):
    url, seen = stub
    monkeypatch.setattr(portolan._http, "_otel_inject", None)  # as without opentelemetry-api

    def broken():
        raise RuntimeError("no span here")

    for hook in (None, lambda: {}, broken, lambda: {"traceparent": "bad\r\nX-Injected: 1"}):
        seen.clear()
        with PortolanClient(url, url + "/token", "id", "secret", cache=False, trace_headers=hook) as client:
            assert client.decide(**ASK).allow is True
        ((_, _, headers),) = api_calls(seen)
        assert headers.get("traceparent") is None and headers.get("tracestate") is None
        assert headers.get("X-Injected") is None


def test_the_current_opentelemetry_span_is_continued(stub):
    pytest.importorskip("opentelemetry.sdk.trace")
    from opentelemetry.sdk.trace import TracerProvider

    url, seen = stub
    tracer = TracerProvider().get_tracer("portolan-sdk-test")  # not the global one: no side effects
    with PortolanClient(url, url + "/token", "id", "secret") as client:
        with tracer.start_as_current_span("gateway call") as span:
            exercise(client)
            context = span.get_span_context()
        client.decide(**ASK)  # cached: no request at all
    calls = api_calls(seen)
    assert len(calls) == 3
    for _, _, headers in calls:
        version, trace_id, span_id, _flags = headers["traceparent"].split("-")
        assert (version, trace_id, span_id) == ("00", f"{context.trace_id:032x}", f"{context.span_id:016x}")


def test_the_hook_wins_over_opentelemetry(stub):
    pytest.importorskip("opentelemetry.sdk.trace")
    from opentelemetry.sdk.trace import TracerProvider

    url, seen = stub
    tracer = TracerProvider().get_tracer("portolan-sdk-test")
    with PortolanClient(url, url + "/token", "id", "secret", trace_headers=lambda: {"traceparent": TRACEPARENT}) as c:
        with tracer.start_as_current_span("gateway call"):
            c.decide(**ASK)
    ((_, _, headers),) = api_calls(seen)
    assert headers["traceparent"] == TRACEPARENT


def test_usage_sent_by_the_background_thread_belongs_to_no_callers_trace(stub):
    url, seen = stub
    with PortolanClient(
        url, url + "/token", "id", "secret", usage_interval=0.05, trace_headers=lambda: {"traceparent": TRACEPARENT}
    ) as client:
        client.report_usage(decision_id="d1", model="g-gpt", input_tokens=1, output_tokens=1, latency_ms=1)
        deadline = time.monotonic() + 5
        while client.usage.stats.sent < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
    ((method, path, headers),) = api_calls(seen)
    assert (method, path) == ("POST", "/api/v1/usage") and headers.get("traceparent") is None
