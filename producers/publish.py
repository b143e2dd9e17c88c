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
from dataclasses import dataclass
from typing import Any, Protocol

from kafka.errors import KafkaError
from tqdm import tqdm

from wirewatch.errors import SchemaError
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE, make_producer
from wirewatch.schema import ArticleEvent
from wirewatch.settings import Settings

SEEN_LIMIT = 100_000


class Sink(Protocol):
    """Where producers put what they read: events to publish, input to reject."""

    def publish(self, event: ArticleEvent) -> None: ...

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
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()
        self._bar = tqdm(
            total=total, file=sys.stderr, unit="article", disable=not progress, desc="produce"
        )
        self._closed = False

    def publish(self, event: ArticleEvent) -> None:
        """Validate and send ``event``; skip an id already sent by this process."""
        try:
            event.validate(self.settings.max_article_bytes)
        except SchemaError as exc:
            self.reject(event.encode(), str(exc), event.source)
            return
        with self._lock:
            repeat = event.article_id in self._seen
            self._remember(event.article_id)
            if repeat:
                self.counts.skipped += 1
        if not repeat:
            self._send(self.settings.topics.articles, event.article_id, event.encode(), None)
        self._advance()

    def has_sent(self, article_id: str) -> bool:
        """Whether this process already published ``article_id``."""
        with self._lock:
            return article_id in self._seen

    def reject(self, raw: bytes, reason: str, source: str) -> None:
        """Dead-letter ``raw`` with ``reason`` and say so on stderr."""
        headers = [(HEADER_REASON, reason.encode()), (HEADER_SOURCE, source.encode())]
        with self._lock:
            self.counts.rejected += 1
        self._say(f"{self.label}: rejected input from {source}: {reason}")
        self._send(self.settings.topics.dead_letters, None, raw, headers)
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

    def _send(self, topic: str, key: str | None, value: bytes, headers: Any) -> None:
        try:
            future = self._producer.send(topic, key=key, value=value, headers=headers)
        except KafkaError as exc:
            self._failed(topic, exc)
            return
        future.add_callback(self._delivered, topic)
        future.add_errback(self._failed, topic)

    def _delivered(self, topic: str, _metadata: Any) -> None:
        if topic == self.settings.topics.articles:
            with self._lock:
                self.counts.sent += 1

    def _failed(self, topic: str, exc: BaseException) -> None:
        with self._lock:
            self.counts.failed += 1
        self._say(f"{self.label}: could not deliver to {topic}: {exc}")

    def _advance(self) -> None:
        self._bar.update(1)
        self._bar.set_postfix(rejected=self.counts.rejected, refresh=False)

    def _say(self, line: str) -> None:
        tqdm.write(line, file=sys.stderr)
