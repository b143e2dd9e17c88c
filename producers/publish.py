"""The publisher: sends article events to Kafka and bad input to the dead-letter topic.

Every producer hands its output to a :class:`Sink`; :class:`Publisher` is the one
that talks to Kafka. Nothing is dropped silently: an event that fails validation or
a raw input that cannot be parsed goes to the dead-letter topic with the reason in
a header, and the reason is printed to stderr. Dead letters are bounded
(:func:`bound_letter`), so the dead letter itself is always deliverable.

Delivery is tracked: :class:`Counts` says what was delivered and what was not,
:class:`Delivery` lets a caller (the HTTP endpoint) wait for the broker's answer
on a set of events, and a record the broker refuses for good makes the publisher
replace its Kafka producer, so one bad record cannot poison the ones after it.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kafka.errors import KafkaError
from tqdm import tqdm

from wirewatch.delivery import DeliveryTracker
from wirewatch.errors import SchemaError
from wirewatch.events import FIELD_LIMITS, MAX_EVENT_BYTES, ArticleEvent
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE, close_bounded, make_producer
from wirewatch.settings import Settings

SEEN_LIMIT = 100_000
#: The largest original a dead letter carries; a longer one is cut to this with a marker.
MAX_LETTER_BYTES = 256 * 1024
MAX_REASON_CHARS = 1_000
#: Producer-side cap: an encoded event plus key, headers and batch framing.
MAX_REQUEST_BYTES = MAX_EVENT_BYTES + 48 * 1024
Done = Callable[[bool], None]  # told True once an event is delivered (or dead-lettered)


def bound_letter(raw: bytes, reason: str, limit: int = MAX_LETTER_BYTES) -> tuple[bytes, str]:
    """A dead letter that fits the topic: ``raw`` cut to ``limit`` bytes with a marker
    (and the reason saying so), the reason cut to :data:`MAX_REASON_CHARS`."""
    if len(raw) > limit:
        marker = f"\n[wirewatch: truncated, the original was {len(raw)} bytes]".encode()
        reason = f"{reason} (the dead letter keeps the first {limit} of {len(raw)} bytes)"
        raw = raw[:limit] + marker
    if len(reason) > MAX_REASON_CHARS:
        reason = reason[: MAX_REASON_CHARS - 1] + "\u2026"
    return raw, reason


def broker_reachable(bootstrap: str, timeout: float = 1.0) -> bool:
    """Whether any bootstrap server accepts a TCP connection within ``timeout``."""
    for address in bootstrap.split(","):
        host, _, port = address.strip().rpartition(":")
        try:
            with socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout):
                return True
        except (OSError, ValueError):
            continue
    return False


class Delivery:
    """The broker's answers for a known number of sends; :meth:`wait` for all of them."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.delivered = 0
        self.failed = 0
        self._all_known = threading.Event()
        self._lock = threading.Lock()
        if expected == 0:
            self._all_known.set()

    def done(self, ok: bool) -> None:
        """A :data:`Done` callback: one more outcome."""
        with self._lock:
            if ok:
                self.delivered += 1
            else:
                self.failed += 1
            if self.delivered + self.failed >= self.expected:
                self._all_known.set()

    def wait(self, timeout: float) -> bool:
        """True only when every send was acknowledged within ``timeout`` seconds."""
        self._all_known.wait(timeout)
        with self._lock:
            return self.delivered == self.expected


class Sink(Protocol):
    """Where producers put what they read: events to publish, input to reject."""

    def publish(self, event: ArticleEvent, done: Done | None = None) -> None: ...

    def reject(self, raw: bytes, reason: str, source: str) -> None: ...


@dataclass
class Counts:
    """What happened to the input so far."""

    sent: int = 0
    skipped: int = 0
    rejected: int = 0
    failed: int = 0  # articles the broker never acknowledged
    letters_failed: int = 0  # dead letters the broker never acknowledged

    def summary(self) -> str:
        """One line for the end of a run."""
        line = (
            f"sent {self.sent}, skipped {self.skipped} repeat(s), "
            f"rejected {self.rejected}, failed {self.failed}"
        )
        if self.failed or self.letters_failed:
            line += (
                f"; NOT DELIVERED: {self.failed} article(s), {self.letters_failed} dead letter(s)"
            )
        return line


class Publisher:
    """Send events keyed by ``article_id``; count, dead-letter and report as it goes.

    ``producer`` defaults to :func:`wirewatch.kafka.make_producer` (acks=all with
    retries, a delivery timeout of ``settings.delivery_timeout``); pass a fake in
    tests, and ``factory`` to make the replacement after a fatal error (without
    one, a fake is kept). Thread-safe, so the HTTP endpoint can share one.
    """

    def __init__(
        self,
        settings: Settings,
        producer: Any = None,
        *,
        progress: bool = False,
        total: int | None = None,
        label: str = "wirewatch produce",
        factory: Callable[[], Any] | None = None,
    ) -> None:
        self.settings = settings
        self.counts = Counts()
        self.label = label
        if factory is None and producer is None:
            factory = self._make_producer
        self._factory = factory
        self._producer = producer if producer is not None else self._make_producer()
        self._failing = ""  # why the last delivery failed, until one succeeds
        self._replacing = threading.Lock()
        self._stale = False  # the producer failed a delivery: renew it before the next send
        self._renewals: list[threading.Thread] = []
        self._unsettled = 0  # articles sent whose outcome is not known yet
        self._sealed = False  # closed: outcomes that come later are not counted
        self._seen: OrderedDict[str, None] = OrderedDict()  # delivered ids, newest last
        self._in_flight: dict[str, list[Done]] = {}  # sent, outcome pending: who waits
        self._lock = threading.Lock()
        self._bar = tqdm(
            total=total, file=sys.stderr, unit="article", disable=not progress, desc="produce"
        )
        self._closed = False
        self.deliveries = DeliveryTracker()  # every send's outcome, counted once

    def publish(self, event: ArticleEvent, done: Done | None = None) -> None:
        """Validate and send ``event``; skip an id already delivered or in flight.

        ``done`` learns the outcome: True once the broker acknowledged the event (or
        the invalid event was dead-lettered), False when delivery failed. An id is
        remembered as sent only once delivered, so a failed one can be sent again.
        """
        try:
            event.validate(self.settings.max_article_bytes)
        except SchemaError as exc:
            self._reject(_encode_any(event), str(exc), event.source, done)
            return
        article_id = event.article_id
        with self._lock:
            delivered = article_id in self._seen
            waiting = self._in_flight.get(article_id)
            if delivered or waiting is not None:
                self.counts.skipped += 1
            if waiting is not None and done is not None:
                waiting.append(done)
            elif not delivered and waiting is None:
                self._in_flight[article_id] = [done] if done is not None else []
        if delivered and done is not None:
            done(True)
        if not delivered and waiting is None:
            self._send(self.settings.topics.articles, article_id, event.encode(), None,
                       lambda ok: self._settle(article_id, ok))  # fmt: skip
        self._advance()

    def has_sent(self, article_id: str) -> bool:
        """Whether this process already delivered ``article_id``."""
        with self._lock:
            return article_id in self._seen

    def reject(self, raw: bytes, reason: str, source: str) -> None:
        """Dead-letter ``raw`` with ``reason`` and say so on stderr."""
        self._reject(raw, reason, source, None)

    def reachable(self) -> bool:
        """Whether the broker accepts connections (a TCP probe of the bootstrap servers)."""
        return broker_reachable(self.settings.bootstrap_servers)

    def health(self) -> tuple[bool, str]:
        """Whether records can be delivered now, and if not, why."""
        if not self.reachable():
            return False, f"broker unreachable at {self.settings.bootstrap_servers}"
        with self._lock:
            failing = self._failing
        if failing:
            return False, f"the last delivery failed: {failing}"
        return True, "ok"

    def _reject(self, raw: bytes, reason: str, source: str, done: Done | None) -> None:
        raw, reason = bound_letter(raw, reason)
        source = _cut(source, FIELD_LIMITS["source"])
        headers = [
            (HEADER_REASON, reason.encode("utf-8", "backslashreplace")),
            (HEADER_SOURCE, source.encode("utf-8", "backslashreplace")),
        ]
        with self._lock:
            self.counts.rejected += 1
        self._say(f"{self.label}: rejected input from {source}: {_cut(reason, 300)}")
        self._send(self.settings.topics.dead_letters, None, raw, headers, done)
        self._advance()

    def flush(self, timeout: float | None = None) -> None:
        """Wait until every record sent so far is acknowledged or failed (bounded)."""
        with self._lock:
            producer = self._producer
        limit = self.settings.delivery_timeout + 10 if timeout is None else timeout
        try:
            producer.flush(timeout=limit)
        except KafkaError as exc:
            self._say(f"{self.label}: records still without an answer after {limit}s: {exc}")

    def close(self) -> None:
        """Flush and close within the delivery timeout, then print the summary (once).

        An article whose outcome is still unknown then counts as not delivered, so the
        summary and the exit status never hide a loss.
        """
        if self._closed:
            return
        with self._lock:
            self._closed = True
            renewals = list(self._renewals)
        try:
            close_bounded(self._producer, self.settings.delivery_timeout + 10)
            for renewal in renewals:  # old producers still settling their records
                renewal.join(self.settings.delivery_timeout + 15)
        finally:
            with self._lock:
                unknown, self._unsettled, self._sealed = self._unsettled, 0, True
                self.counts.failed += unknown
            self._bar.close()
            if unknown:
                print(f"{self.label}: {unknown} article(s) had no answer from the broker "
                      "by the delivery timeout", file=sys.stderr)  # fmt: skip
            print(f"{self.label}: {self.counts.summary()}", file=sys.stderr)
            if self.counts.failed:
                lost = f"{self.counts.failed} article(s) were NOT delivered"
                print(f"{self.label}: {lost}; send them again", file=sys.stderr)

    def __enter__(self) -> Publisher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _remember(self, article_id: str) -> None:
        """Keep the newest ``SEEN_LIMIT`` ids, so a long run's memory stays bounded."""
        self._seen[article_id] = None
        self._seen.move_to_end(article_id)
        if len(self._seen) > SEEN_LIMIT:
            self._seen.popitem(last=False)

    def _settle(self, article_id: str, ok: bool) -> None:
        """An article's delivery outcome: remember it only when delivered; tell the waiters."""
        with self._lock:
            waiters = self._in_flight.pop(article_id, [])
            if ok:
                self._remember(article_id)
        for done in waiters:
            done(ok)

    def _send(
        self, topic: str, key: str | None, value: bytes, headers: Any, done: Done | None
    ) -> None:
        with self._lock:
            producer, stale = self._producer, self._stale
            if topic == self.settings.topics.articles:
                self._unsettled += 1
        if stale:
            producer = self._renew(producer)
        try:
            future = producer.send(topic, key=key, value=value, headers=headers)
        except KafkaError as exc:
            self.deliveries.refused(exc)
            self._failed(topic, done, exc)  # refused before sending: nothing poisoned
            return

        def outcome(ok: bool, answer: Any) -> None:
            if ok:
                self._delivered(topic, done)
            else:
                self._failed(topic, done, answer, producer)

        self.deliveries.track(future, outcome)

    def _delivered(self, topic: str, done: Done | None) -> None:
        with self._lock:
            self._failing = ""
            if self._sealed:
                return  # after close: already counted as not delivered
            if topic == self.settings.topics.articles:
                self.counts.sent += 1
                self._unsettled -= 1
        if done is not None:
            done(True)

    def _failed(
        self, topic: str, done: Done | None, exc: BaseException, producer: Any = None
    ) -> None:
        with self._lock:
            if self._sealed:
                return  # after close: already counted as not delivered
            if topic == self.settings.topics.articles:
                self.counts.failed += 1
                self._unsettled -= 1
            else:
                self.counts.letters_failed += 1
            self._failing = _cut(str(exc) or type(exc).__name__, 200)
        self._say(f"{self.label}: could not deliver to {topic}: {exc}")
        if producer is not None and self._factory is not None:
            with self._lock:  # failed after sending: the client may be stuck for good
                self._stale = self._stale or producer is self._producer
        if done is not None:
            done(False)

    def _renew(self, broken: Any) -> Any:
        """A fresh Kafka producer in place of ``broken``, which closes aside; the one to use.

        An idempotent kafka-python producer whose batch the broker refused (a record too
        large) or that expired stays in an error state and fails whatever comes next.
        """
        if self._factory is None:
            return broken
        with self._replacing:
            with self._lock:
                if self._producer is not broken:
                    return self._producer  # another thread renewed it
            if not self.reachable():
                return broken  # its sends fail and count; renew once the broker is back
            try:
                fresh = self._factory()
            except Exception as exc:  # noqa: BLE001  # broker down: the next send tries again
                self._say(f"{self.label}: could not renew the Kafka producer: {exc}")
                return broken
            with self._lock:
                self._producer, self._stale = fresh, False
                aside = threading.Thread(
                    target=_close_quietly, args=(broken, self.settings.delivery_timeout)
                )
                self._renewals = [t for t in self._renewals if t.is_alive()] + [aside]
            aside.start()
        self._say(f"{self.label}: renewed the Kafka producer after a failed delivery")
        return fresh

    def _make_producer(self) -> Any:
        timeout_ms = self.settings.delivery_timeout * 1000
        return make_producer(
            self.settings,
            delivery_timeout_ms=timeout_ms,
            request_timeout_ms=min(30_000, timeout_ms - 10),  # + linger_ms: within the timeout
            max_block_ms=timeout_ms,
            max_request_size=MAX_REQUEST_BYTES,
        )

    def _advance(self) -> None:
        self._bar.update(1)
        self._bar.set_postfix(rejected=self.counts.rejected, refresh=False)

    def _say(self, line: str) -> None:
        tqdm.write(line, file=sys.stderr)


def _close_quietly(producer: Any, timeout: float) -> None:
    try:
        close_bounded(producer, timeout)
    except Exception:  # noqa: BLE001  # a broken producer may fail to close; it is gone anyway
        return


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _encode_any(event: ArticleEvent) -> bytes:
    """The event as JSON bytes even when it holds text that is not valid Unicode."""
    try:
        return event.encode()
    except UnicodeEncodeError:  # a lone surrogate: escaped, so the dead letter still goes
        return json.dumps(event.to_dict(), ensure_ascii=True).encode()
