"""When Portolan cannot answer, decide() denies (or, with fail_open, allows with a warning) within
its timeout and retries, and never raises. The real stack cannot be made unreachable, slow or
failing on demand, so these point the client at a closed port or at a tiny local stub."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import TOKEN_URL, free_port
from portolan import UNAVAILABLE, PortolanClient, UnavailableError

ASK = dict(team="g-research", model="g-gpt", purpose="chat", data_classification="internal", region="us")


def client_for(url, **options):
    return PortolanClient(url, TOKEN_URL, "initech-gateway", "initech-gateway-secret", **options)


def assert_fails_closed(decision):
    assert decision.allow is False and decision.decision_id is None
    assert [(r.code, r.rule) for r in decision.reasons] == [(UNAVAILABLE, "sdk")]
    assert decision.reasons[0].message, "says what happened"


def test_closed_port_denies_within_timeout_and_retries():
    with client_for(f"http://127.0.0.1:{free_port()}", timeout=1.0, retries=2) as c:
        started = time.monotonic()
        decision = c.decide(**ASK)
        elapsed = time.monotonic() - started
    assert_fails_closed(decision)
    assert "3 attempts" in decision.reasons[0].message
    assert elapsed < 3 * 1.0 + 1.0, elapsed  # three tries plus at most ~0.3 s of backoff


def test_unreachable_keycloak_too_denies():
    port = free_port()
    c = PortolanClient(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/token", "x", "y", retries=1)
    assert_fails_closed(c.decide(**ASK))
    assert "token endpoint unreachable" in c.decide(**ASK).reasons[0].message


def test_fail_open_allows_with_a_warning():
    with client_for(f"http://127.0.0.1:{free_port()}", fail_open=True, retries=0) as c:
        decision = c.decide(**ASK)
    assert decision.allow is True and decision.decision_id is None and not decision.reasons
    assert [o.code for o in decision.obligations] == [UNAVAILABLE]


def test_fail_closed_answers_are_not_cached():
    with client_for(f"http://127.0.0.1:{free_port()}", retries=0) as c:
        c.decide(**ASK)
        assert not c.decide(**ASK).from_cache and len(c.cache) == 0


def test_allowed_models_raises_when_unreachable():
    with client_for(f"http://127.0.0.1:{free_port()}", retries=0) as c:
        with pytest.raises(UnavailableError):
            c.allowed_models("g-research", "chat", "internal", "eu")


def test_a_silent_server_times_out():
    # Accepts connections (the kernel's backlog) but never answers.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        with client_for(f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=0.3, retries=1) as c:
            started = time.monotonic()
            decision = c.decide(**ASK)
            elapsed = time.monotonic() - started
    assert_fails_closed(decision)
    assert "timed out" in decision.reasons[0].message
    assert 0.6 <= elapsed < 2 * 0.3 + 0.6, elapsed


class _Failing(BaseHTTPRequestHandler):
    """Answers every request with ``status``: a 503 problem+json as Portolan gives when OPA or its
    database is down, or an HTML error page as a server still deploying the app gives."""

    status, content_type, body = (
        503,
        "application/problem+json",
        json.dumps(
            {
                "type": "https://portolan.dev/problems/opa-unavailable",
                "title": "Policy engine unavailable",
                "status": 503,
                "detail": "OPA did not answer",
            }
        ).encode(),
    )
    calls = 0

    def do_POST(self):
        type(self).calls += 1
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def decide_against(handler, retries=2):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with client_for(f"http://127.0.0.1:{server.server_port}", retries=retries) as c:
            return c.decide(**ASK)
    finally:
        server.shutdown()
        server.server_close()


def test_5xx_is_retried_then_denies_with_what_happened():
    class Failing(_Failing):
        calls = 0

    decision = decide_against(Failing)
    assert_fails_closed(decision)
    assert Failing.calls == 3, "one try and two retries, never more"
    assert "503" in decision.reasons[0].message and "OPA did not answer" in decision.reasons[0].message


def test_an_html_404_while_deploying_is_unavailability_not_a_problem():
    class Deploying(_Failing):
        status, content_type, body, calls = 404, "text/html", b"<html>Payara: not found</html>", 0

    decision = decide_against(Deploying, retries=1)
    assert_fails_closed(decision)
    assert Deploying.calls == 2 and "404" in decision.reasons[0].message


def test_queued_usage_survives_an_outage_and_keeps_its_key():
    with client_for(f"http://127.0.0.1:{free_port()}", retries=0) as c:
        c.report_usage(
            decision_id="00000000-0000-0000-0000-000000000000",
            model="g-gpt",
            input_tokens=1,
            output_tokens=1,
            latency_ms=1,
        )
        assert c.flush() is False
        key = c.usage._in_flight.idempotency_key
        assert c.flush() is False and c.usage._in_flight.idempotency_key == key
        assert c.usage.pending() == 1
        c.usage._in_flight = None  # nothing to deliver at close in this test
