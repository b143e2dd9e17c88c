"""The extractor service: a consumer group from ``articles`` to ``metrics`` and the store.

For each polled batch: decode and validate every record, extract its metrics,
write them to the store in one transaction per partition's records (idempotent),
publish the metric events, flush, and only then commit the batch's offsets. A
record that cannot be processed goes to the dead-letter topic with the reason and
its original bytes; the loop keeps going. A redelivered record (same
``topic[partition]@offset``) republishes its metric event but stores nothing
twice; a republished article (new offset) is a duplicate.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from kafka import OffsetAndMetadata, TopicPartition
from kafka.errors import CommitFailedError

from wirewatch.errors import BrokerError, SchemaError
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
from wirewatch.language import is_analysed, with_language
from wirewatch.metrics import ArticleMetrics, Extraction, Provenance
from wirewatch.schema import ArticleEvent, now
from wirewatch.settings import Settings
from wirewatch.store import DeadLetter, SqlStore

log = logging.getLogger(__name__)

#: Largest metric event published; the broker's default limit is about 1 MB.
MAX_EVENT_BYTES = 1_000_000

ExtractFn = Callable[..., Extraction]


class Record(Protocol):
    """What the service reads of a Kafka ``ConsumerRecord``."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass
class ExtractorStats:
    """Running counts, printed as progress and returned at exit."""

    processed: int = 0
    duplicates: int = 0
    redelivered: int = 0
    dead_letters: int = 0
    metrics: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seen(self) -> int:
        return self.processed + self.duplicates + self.redelivered + self.dead_letters

    def line(self) -> str:
        rate = self.seen / max(time.monotonic() - self.started, 1e-9)
        return (
            f"processed={self.processed} duplicates={self.duplicates} "
            f"redelivered={self.redelivered} dead_letters={self.dead_letters} "
            f"metrics={self.metrics} rate={rate:.1f}/s"
        )


class Extractor:
    """The poll-process-commit loop; Kafka clients, store and extraction are injected."""

    def __init__(
        self,
        settings: Settings,
        store: SqlStore,
        consumer: Any,
        producer: Any,
        extract: ExtractFn,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.settings = settings
        self.store = store
        self.consumer = consumer
        self.producer = producer
        self.extract = extract
        self.clock = clock
        self.stats = ExtractorStats()
        self.stopping = threading.Event()
        self._pending: list[Any] = []

    def handle(self, record: Record) -> None:
        """Process one record: store and publish its metrics, or dead-letter it."""
        self.handle_batch([record])

    def handle_batch(self, records: list[Record]) -> None:
        """Process records with one store transaction; publish what was stored or redelivered."""
        prepared = [p for r in records if (p := self.prepare(r)) is not None]
        saved = self.store.save_all([result for result, _ in prepared])
        for (result, value), new in zip(prepared, saved, strict=True):
            if new:
                self.stats.processed += 1
            elif self._stored_at(result.article) == str(result.provenance):
                self.stats.redelivered += 1
            else:
                self.stats.duplicates += 1
                continue
            ext = result.extraction
            self.stats.metrics += len(ext.casualties) + len(ext.negotiations) + len(ext.signals)
            self._send(self.settings.topics.metrics, result.article.article_id.encode(), value)

    def prepare(self, record: Record) -> tuple[ArticleMetrics, bytes] | None:
        """Decode, validate and extract one record with its encoded metric event.

        None when the record was dead-lettered instead.
        """
        where = Provenance(record.topic, record.partition, record.offset)
        try:
            article = ArticleEvent.decode(record.value).validate(self.settings.max_article_bytes)
        except SchemaError as exc:
            self.dead_letter(record, str(exc))
            return None
        article = with_language(article)
        try:
            extraction = (
                self.extract(article.body, title=article.title, published_at=article.published_at)
                if is_analysed(article.language)
                else Extraction()  # not analysed: stored with its language, no metrics
            )
        except Exception as exc:  # an engine bug must not stop the stream
            log.exception("extraction failed at %s", where)
            self.dead_letter(record, f"extraction failed: {type(exc).__name__}: {exc}")
            return None
        result = ArticleMetrics(article, extraction, self.clock(), where)
        value = result.encode()
        if len(value) > MAX_EVENT_BYTES:
            reason = f"metrics event is {len(value)} bytes, over the limit of {MAX_EVENT_BYTES}"
            self.dead_letter(record, reason)
            return None
        return result, value

    def dead_letter(self, record: Record, reason: str) -> None:
        """Send a record to the dead-letter topic and the store, with why."""
        log.warning("%s[%d]@%d dead-lettered: %s", record.topic, record.partition,
                    record.offset, reason)  # fmt: skip
        origin = f"{record.topic}[{record.partition}]@{record.offset}"
        headers = [(HEADER_REASON, reason.encode()), (HEADER_SOURCE, origin.encode())]
        self._send(self.settings.topics.dead_letters, record.key, record.value, headers)
        letter = DeadLetter(
            record.topic, record.partition, record.offset, reason, record.value, self.clock()
        )
        self.store.save_dead_letter(letter)
        self.stats.dead_letters += 1

    def poll_once(self, timeout_ms: int = 1000) -> int:
        """Poll one batch, process it, flush, commit; return how many records it held."""
        batches = self.consumer.poll(timeout_ms=timeout_ms)
        offsets: dict[Any, Any] = {}
        for tp, records in batches.items():
            self.handle_batch(records)
            offsets[TopicPartition(tp.topic, tp.partition)] = OffsetAndMetadata(
                records[-1].offset + 1, "", -1
            )
        if offsets:
            self.producer.flush()
            self._check_deliveries()
            try:
                self.consumer.commit(offsets)
            except CommitFailedError as exc:  # a rebalance: the new owner redelivers, idempotently
                log.warning("commit skipped, the group is rebalancing: %s", exc)
        return sum(len(records) for records in batches.values())

    def _send(
        self, topic: str, key: bytes | None, value: bytes | None, headers: Any = None
    ) -> None:
        self._pending.append(self.producer.send(topic, key=key, value=value, headers=headers))

    def _check_deliveries(self) -> None:
        """Raise (so nothing is committed) if any send of the batch failed after retries."""
        pending, self._pending = self._pending, []
        failed = [f.exception for f in pending if f is not None and f.failed()]
        if failed:
            msg = f"{len(failed)} record(s) of the batch were not delivered: {failed[0]}"
            raise BrokerError(msg)

    def run(self, max_records: int | None = None, idle_exit: float | None = None) -> ExtractorStats:
        """Loop until stopped, ``max_records`` seen, or ``idle_exit`` seconds without records."""
        last_report = last_record = time.monotonic()
        while not self.stopping.is_set():
            if self.poll_once():
                last_record = time.monotonic()
            if max_records is not None and self.stats.seen >= max_records:
                break
            if idle_exit is not None and time.monotonic() - last_record > idle_exit:
                break
            if time.monotonic() - last_report > 10:
                log.info("extractor: %s", self.stats.line())
                last_report = time.monotonic()
        return self.stats

    def install_signal_handlers(self) -> None:
        """Make SIGTERM and SIGINT stop the loop after the current batch."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stopping.set())

    def _stored_at(self, article: ArticleEvent) -> str | None:
        rows = self.store.fetch(
            "SELECT provenance FROM articles WHERE run_id = ? AND article_id = ?",
            (article.run_id, article.article_id),
        )
        return rows[0][0] if rows else None
