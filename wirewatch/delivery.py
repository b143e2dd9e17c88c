"""One delivery tracker for every Kafka send: producers, replay and the service runner.

A send is only done when the broker acknowledged it. :class:`DeliveryTracker` hangs a
callback and an errback on each send's future, counts the outcomes, and remembers the
failures since the last :meth:`~DeliveryTracker.check`, which raises
:class:`~wirewatch.errors.BrokerError` when any send failed or has no answer yet, so a
caller that checks before committing offsets never commits past a lost record.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from kafka.errors import KafkaError

from wirewatch.errors import BrokerError

#: Told each outcome: True with the record's metadata, or False with the exception.
Outcome = Callable[[bool, Any], None]


class DeliveryTracker:
    """Counts the broker's answers to tracked sends; thread-safe (callbacks run in the
    producer's I/O thread)."""

    def __init__(self) -> None:
        self.delivered = 0
        self.failed = 0
        self._tracked = 0
        self._batch = 0  # sends since the last check
        self._failures = 0  # failed since the last check
        self._first: BaseException | None = None  # the first of them
        self._lock = threading.Lock()

    @property
    def unsettled(self) -> int:
        """Sends tracked whose outcome is not known yet."""
        with self._lock:
            return self._tracked - self.delivered - self.failed

    @property
    def batch(self) -> int:
        """Sends tracked since the last :meth:`check`."""
        with self._lock:
            return self._batch

    def track(self, future: Any, then: Outcome | None = None) -> Any:
        """Count ``future``'s outcome when it comes (and tell ``then``); return the future."""
        with self._lock:
            self._tracked += 1
            self._batch += 1
        future.add_callback(self._settle, True, then)
        future.add_errback(self._settle, False, then)
        return future

    def refused(self, exc: BaseException, then: Outcome | None = None) -> None:
        """Count a send that raised before reaching the broker as failed."""
        with self._lock:
            self._tracked += 1
            self._batch += 1
        self._settle(False, then, exc)

    def send(self, producer: Any, topic: str, key: Any, value: Any, headers: Any = None) -> Any:
        """``producer.send(...)``, tracked. A send the client refuses (no metadata, buffer
        full) is counted as failed and raised as :class:`BrokerError` (retriable)."""
        extra = {} if headers is None else {"headers": headers}
        try:
            future = producer.send(topic, key=key, value=value, **extra)
        except KafkaError as exc:
            self.refused(exc)
            msg = f"send to {topic} refused: {exc}"
            raise BrokerError(msg) from exc
        return self.track(future)

    def check(self, what: str = "record(s)") -> None:
        """Raise :class:`BrokerError` if a send failed since the last check or has no
        answer yet; either way start a new batch."""
        with self._lock:
            failures, first = self._failures, self._first
            self._failures, self._first, self._batch = 0, None, 0
            unknown = self._tracked - self.delivered - self.failed
        if failures:
            msg = f"{failures} {what} were not delivered: {first}"
            raise BrokerError(msg)
        if unknown:
            msg = f"{unknown} {what} had no answer from the broker yet"
            raise BrokerError(msg)

    def forget(self) -> None:
        """Drop the failures seen so far (their batch is being retried as a whole)."""
        with self._lock:
            self._failures, self._first = 0, None

    def _settle(self, ok: bool, then: Outcome | None, outcome: Any) -> None:
        with self._lock:
            if ok:
                self.delivered += 1
            else:
                self.failed += 1
                self._failures += 1
                self._first = self._first or outcome
        if then is not None:
            then(ok, outcome)
