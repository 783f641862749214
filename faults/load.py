"""A bounded decision load: a few threads post decisions to Portolan and record every answer.

Standard library only (Python 3.11). Each worker keeps one HTTP/1.1 connection, sends at most
`rate / workers` requests a second, and reconnects after an error. Every answer is kept, so a
case can check afterwards that each decisionId acknowledged with 200 is in the decision log.
"""

import http.client
import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

# Decisions asked of acme, (team, model): in the demo data the first is allowed, the second denied
# (vendor suspended); the cases ask both before the fault and expect those answers throughout.
TUPLES = [
    ("research", "gpt-4o"),
    ("research", "qwen-2.5-72b"),
]


RUNNING = set()  # loads started and not yet stopped


def stop_all():
    """Stops the loads a broken case left running, so they do not spill into the next case."""
    for load in list(RUNNING):
        load.stop()


@dataclass
class Answer:
    at: float  # seconds since the load started
    status: int  # HTTP status, 0 when the connection failed
    tuple_index: int
    decision_id: str | None = None
    allow: bool | None = None
    revision: str | None = None
    problem_type: str | None = None
    retry_after: str | None = None
    content_type: str | None = None
    seconds: float = 0.0
    error: str | None = None
    body: str | None = None  # the start of an answer that is neither 200 nor problem+json


@dataclass(eq=False)
class Load:
    base_url: str
    token: str
    workers: int = 6
    rate: float = 60.0  # requests per second, all workers together
    timeout: float = 40.0
    answers: list = field(default_factory=list)

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = []
        self._started = 0.0

    def start(self):
        self._started = time.monotonic()
        RUNNING.add(self)
        for n in range(self.workers):
            t = threading.Thread(target=self._work, args=(n,), daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self._stop.set()
        for t in self._threads:
            t.join(self.timeout + 5)
        RUNNING.discard(self)
        return self.answers

    def elapsed(self):
        return time.monotonic() - self._started

    def since(self, seconds_mark):
        """Answers received after a moment (as returned by elapsed())."""
        with self._lock:
            return [a for a in self.answers if a.at >= seconds_mark]

    def _work(self, worker):
        url = urllib.parse.urlsplit(self.base_url)
        pause = self.workers / self.rate
        connection = None
        n = worker
        while not self._stop.is_set():
            began = time.monotonic()
            if connection is None:
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=self.timeout)
            index = n % len(TUPLES)
            n += 1
            answer = self._post(connection, index)
            if answer.error:
                connection.close()
                connection = None
            with self._lock:
                self.answers.append(answer)
            rest = pause - (time.monotonic() - began)
            if rest > 0:
                self._stop.wait(rest)
        if connection is not None:
            connection.close()

    def _post(self, connection, index):
        team, model = TUPLES[index]
        body = json.dumps(
            {"team": team, "model": model, "purpose": "chat", "dataClassification": "internal", "region": "eu"}
        )
        headers = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"}
        sent = time.monotonic()
        answer = Answer(at=sent - self._started, status=0, tuple_index=index)
        try:
            connection.request("POST", "/api/v1/decisions", body, headers)
            response = connection.getresponse()
            raw = response.read()
            answer.status = response.status
            answer.retry_after = response.getheader("Retry-After")
            answer.content_type = response.getheader("Content-Type")
            if response.status != 200 and answer.content_type != "application/problem+json":
                answer.body = raw[:200].decode(errors="replace")
            parsed = json.loads(raw) if raw else {}
            if response.status == 200:
                answer.decision_id = parsed.get("decisionId")
                answer.allow = parsed.get("allow")
                answer.revision = parsed.get("policyRevision")
            else:
                answer.problem_type = parsed.get("type") if isinstance(parsed, dict) else None
        except (OSError, http.client.HTTPException, ValueError) as e:
            answer.error = type(e).__name__  # the status stays 0 unless an answer arrived
        answer.seconds = time.monotonic() - sent
        return answer
