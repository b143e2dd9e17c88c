"""The publisher: sends article events to Kafka and bad input to the dead-letter topic.

Every producer hands its output to a :class:`Sink`; :class:`Publisher` is the one
that talks to Kafka. Nothing is dropped silently: an event that fails validation or
a raw input that cannot be parsed goes to the dead-letter topic with the reason in
a header, and the reason is printed to stderr.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kafka.errors import KafkaError
from tqdm import tqdm

from wirewatch.errors import SchemaError
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE, make_producer
from wirewatch.schema import ArticleEvent
from wirewatch.settings import Settings

SEEN_LIMIT = 100_000
Done = Callable[[bool], None]  # told True once an event is delivered (or dead-lettered)


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
    failed: int = 0

    def summary(self) -> str:
        """One line for the end of a run."""
        return (
            f"sent {self.sent}, skipped {self.skipped} repeat(s), "
            f"rejected {self.rejected}, failed {self.failed}"
        )


class Publisher:
    """Send events keyed by ``article_id``; count, dead-letter and report as it goes.

    ``producer`` defaults to :func:`wirewatch.kafka.make_producer` (acks=all with
    retries); pass a fake in tests. Thread-safe, so the HTTP endpoint can share one.
    """

    def __init__(
        self,
        settings: Settings,
        producer: Any = None,
        *,
        progress: bool = False,
        total: int | None = None,
        label: str = "wirewatch produce",
    ) -> None:
        self.settings = settings
        self.counts = Counts()
        self.label = label
        self._producer = producer if producer is not None else make_producer(settings)
        self._seen: OrderedDict[str, None] = OrderedDict()  # delivered ids, newest last
        self._in_flight: dict[str, list[Done]] = {}  # sent, outcome pending: who waits
        self._lock = threading.Lock()
        self._bar = tqdm(
            total=total, file=sys.stderr, unit="article", disable=not progress, desc="produce"
        )
        self._closed = False

    def publish(self, event: ArticleEvent, done: Done | None = None) -> None:
        """Validate and send ``event``; skip an id already delivered or in flight.

        ``done`` learns the outcome: True once the broker acknowledged the event (or
        the invalid event was dead-lettered), False when delivery failed. An id is
        remembered as sent only once delivered, so a failed one can be sent again.
        """
        try:
            event.validate(self.settings.max_article_bytes)
        except SchemaError as exc:
            self._reject(event.encode(), str(exc), event.source, done)
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

    def _reject(self, raw: bytes, reason: str, source: str, done: Done | None) -> None:
        headers = [(HEADER_REASON, reason.encode()), (HEADER_SOURCE, source.encode())]
        with self._lock:
            self.counts.rejected += 1
        self._say(f"{self.label}: rejected input from {source}: {reason}")
        self._send(self.settings.topics.dead_letters, None, raw, headers, done)
        self._advance()

    def flush(self, timeout: float | None = None) -> None:
        """Wait until every record sent so far is acknowledged or failed."""
        self._producer.flush(timeout=timeout)

    def close(self) -> None:
        """Flush, close the producer and print the summary line (once)."""
        if self._closed:
            return
        self._closed = True
        try:
            self.flush()
        finally:
            self._producer.close()
            self._bar.close()
            print(f"{self.label}: {self.counts.summary()}", file=sys.stderr)

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
        try:
            future = self._producer.send(topic, key=key, value=value, headers=headers)
        except KafkaError as exc:
            self._failed(topic, done, exc)
            return
        future.add_callback(self._delivered, topic, done)
        future.add_errback(self._failed, topic, done)

    def _delivered(self, topic: str, done: Done | None, _metadata: Any) -> None:
        if topic == self.settings.topics.articles:
            with self._lock:
                self.counts.sent += 1
        if done is not None:
            done(True)

    def _failed(self, topic: str, done: Done | None, exc: BaseException) -> None:
        with self._lock:
            self.counts.failed += 1
        self._say(f"{self.label}: could not deliver to {topic}: {exc}")
        if done is not None:
            done(False)

    def _advance(self) -> None:
        self._bar.update(1)
        self._bar.set_postfix(rejected=self.counts.rejected, refresh=False)

    def _say(self, line: str) -> None:
        tqdm.write(line, file=sys.stderr)
