"""Usage reporting off the request path: reports are queued, and a background thread sends them
in batches (an array body) every second or every 100 reports. A batch gets its Idempotency-Key
when it is cut and keeps it until Portolan has stored it, so a batch retried after a lost answer
is stored once. Batches sent for a caller (flush, close) carry the caller's trace context; the
background thread's belong to no caller's trace and carry none."""

from __future__ import annotations

import logging
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Deque, List, Optional

from ._http import Transport
from .errors import ProblemError, UnavailableError
from .models import UsageReport, UsageStats

log = logging.getLogger("portolan")


@dataclass
class UsageBatch:
    reports: List[UsageReport]
    idempotency_key: str = field(default_factory=lambda: "sdk-py-" + str(uuid.uuid4()))


class UsageReporter:
    def __init__(self, transport: Transport, batch_size: int = 100, interval: float = 1.0) -> None:
        self._transport = transport
        self._batch_size = batch_size
        self._interval = interval
        self._queue: Deque[UsageReport] = deque()
        self._in_flight: Optional[UsageBatch] = None  # cut but not yet stored: keeps its key
        self._wake = threading.Condition()
        self._send_lock = threading.Lock()
        self._worker: Optional[threading.Thread] = None
        self._closed = False
        self.stats = UsageStats()

    def add(self, report: UsageReport) -> None:
        with self._wake:
            if self._closed:
                raise RuntimeError("the Portolan client is closed")
            self._queue.append(report)
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="portolan-usage", daemon=True)
                self._worker.start()
            if len(self._queue) >= self._batch_size:
                self._wake.notify()

    def flush(self) -> bool:
        """Sends everything queued, in the caller's thread; True when all of it was stored (or
        refused as invalid), False when Portolan could not be reached and reports stay queued."""
        with self._send_lock:
            return self._send_pending()

    def close(self) -> bool:
        with self._wake:
            self._closed = True
            self._wake.notify()
        worker = self._worker
        if worker is not None:
            worker.join(timeout=30)
        return self.flush()

    def pending(self) -> int:
        with self._wake:
            return len(self._queue) + (len(self._in_flight.reports) if self._in_flight else 0)

    def _run(self) -> None:
        while True:
            with self._wake:
                if not self._closed and len(self._queue) < self._batch_size:
                    self._wake.wait(self._interval)
                closed = self._closed
            if closed:
                return  # close() flushes what is left
            with self._send_lock:
                try:
                    self._send_pending(traced=False)
                except Exception:  # never let the worker die on an unexpected error
                    log.exception("portolan usage reporting failed")

    def _next_batch(self) -> Optional[UsageBatch]:
        with self._wake:
            if self._in_flight is None and self._queue:
                count = min(self._batch_size, len(self._queue))
                self._in_flight = UsageBatch([self._queue.popleft() for _ in range(count)])
            return self._in_flight

    def _send_pending(self, traced: bool = True) -> bool:
        while True:
            batch = self._next_batch()
            if batch is None:
                self.stats.pending = 0
                return True
            try:
                self.send(batch, traced)
                self.stats.sent += len(batch.reports)
            except UnavailableError as error:
                self.stats.last_error = str(error)
                self.stats.pending = self.pending()
                log.warning("portolan usage batch kept for a retry with the same key: %s", error)
                return False
            except ProblemError as error:
                # Retrying a refused batch cannot help (e.g. an unknown decision id): drop it, loudly.
                self.stats.dropped += len(batch.reports)
                self.stats.last_error = str(error)
                log.error("portolan refused %d usage reports: %s", len(batch.reports), error)
            with self._wake:
                self._in_flight = None

    def send(self, batch: UsageBatch, traced: bool = True) -> int:
        """POSTs one batch; returns the HTTP status (201 stored, 200 a replay of a stored key)."""
        status, _ = self._transport.request(
            "POST",
            "/api/v1/usage",
            [r.to_json() for r in batch.reports],
            headers={"Idempotency-Key": batch.idempotency_key},
            retryable=True,
            traced=traced,
        )
        self.stats.batches += 1
        return status
