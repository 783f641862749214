"""The local decision cache: an answer is reused until its expiresAt, and a fresh answer from
another policy revision drops every cached one (the policy changed, so they may all be wrong)."""

from __future__ import annotations

import dataclasses
import threading
from datetime import datetime, timezone
from typing import Callable, Dict, Optional

from .models import Decision, DecisionRequest


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class DecisionCache:
    def __init__(self, clock: Callable[[], datetime] = _utc_now, max_entries: int = 10_000) -> None:
        self._clock = clock
        self._max_entries = max_entries
        self._entries: Dict[DecisionRequest, Decision] = {}
        self._lock = threading.Lock()

    def get(self, request: DecisionRequest) -> Optional[Decision]:
        with self._lock:
            cached = self._entries.get(request)
            if cached is None:
                return None
            if cached.expires_at is None or cached.expires_at <= self._clock():
                del self._entries[request]
                return None
            return dataclasses.replace(cached, from_cache=True)

    def put(self, request: DecisionRequest, decision: Decision) -> None:
        """Keeps a real answer (one Portolan logged, with an expiry); drops all on a new revision."""
        if decision.decision_id is None or decision.expires_at is None:
            return
        with self._lock:
            if any(d.policy_revision != decision.policy_revision for d in self._entries.values()):
                self._entries.clear()
            if len(self._entries) >= self._max_entries:
                self._entries.clear()  # crude bound; a gateway asks about few distinct requests
            self._entries[request] = decision

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
