"""The extractor service: a consumer group from ``articles`` to ``metrics`` and the store.

For each polled batch: decode and validate every record, extract its metrics,
write them to the store in one transaction per chunk of a partition's records (idempotent;
the store writer, a child process or a thread, stores one chunk while the next is extracted),
publish the metric events, flush, and only then commit the batch's offsets. A
record that cannot be processed goes to the dead-letter topic with the reason and
its original bytes; the loop keeps going. A redelivered record (same
``topic[partition]@offset``) republishes its metric event but stores nothing
twice; a republished article (new offset) is a duplicate. The loop itself (poll,
flush, delivery check, commit, back-off on a store outage, signals, progress) is
:class:`wirewatch.service.Runner`; this module holds the batch handler and its hooks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from consumers.bounds import implausible
from wirewatch.errors import SchemaError
from wirewatch.events import ArticleEvent, now
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
from wirewatch.language import is_analysed, with_language
from wirewatch.metrics import ArticleMetrics, Extraction, Provenance
from wirewatch.service import Hosted, Record, Runner
from wirewatch.settings import Settings
from wirewatch.store import DeadLetter, SqlStore, articles
from wirewatch.store.sql import StoreOutageError
from wirewatch.store.writer import Saved, ThreadWriter, Writer, outage

log = logging.getLogger(__name__)

#: Largest metric event published; the broker's default limit is about 1 MB.
MAX_EVENT_BYTES = 1_000_000

ExtractFn = Callable[..., Extraction]

#: Records prepared (decoded, extracted, encoded) per store write; the store writer stores
#: one chunk while the next is prepared.
WRITE_CHUNK = 150

#: Kafka client settings for draining a backlog (``make_consumer``/``make_producer``
#: overrides): up to 2,000 records a turn, so a flush and a commit serve more articles;
#: producer batches up to 1 MiB, since a metric event is about 5 KiB and the default 16 KiB
#: batch held three (each batch costs the broker a log append, and the client a request
#: entry).
CONSUMER_CONFIG: dict[str, Any] = {"max_poll_records": 2_000}
PRODUCER_CONFIG: dict[str, Any] = {"batch_size": 1_048_576}


@dataclass
class ExtractorStats:
    """Running counts, printed as progress and returned at exit."""

    processed: int = 0
    duplicates: int = 0
    redelivered: int = 0
    dead_letters: int = 0
    metrics: int = 0
    outages: int = 0
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


class Extractor(Hosted):
    """The extractor's batch handler, run by a :class:`Runner`; clients, store and
    extraction are injected."""

    def __init__(
        self,
        settings: Settings,
        store: SqlStore,
        consumer: Any,
        producer: Any,
        extract: ExtractFn,
        clock: Callable[[], datetime] = now,
        writer: Writer | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.consumer = consumer
        self.extract = extract
        self.clock = clock
        self.writer = writer or ThreadWriter(store)
        self.stats = ExtractorStats()
        self.runner = Runner("extractor", self, consumer, producer)

    def handle(self, record: Record) -> None:
        """Process one record: store and publish its metrics, or dead-letter it."""
        self.handle_batch([record])

    def handle_batch(self, records: list[Record]) -> None:
        """Process records: store them (bisecting on a refused record), then publish.

        Records are prepared in chunks of :data:`WRITE_CHUNK`; each chunk's store write runs
        on the writer (:mod:`wirewatch.store.writer`: a thread, or a child process with its
        own connection) while the next chunk is extracted, and every write has finished
        before the first send. So a :class:`StoreOutageError` leaves nothing half done: the
        caller rewinds and the batch runs again (a chunk already stored is then a
        redelivery, stored once).
        """
        prepared: list[tuple[ArticleMetrics, bytes, Record]] = []
        rejected: list[tuple[Record, str]] = []
        writes: list[tuple[list[tuple[ArticleMetrics, bytes, Record]], Future[Saved]]] = []
        for start in range(0, len(records), WRITE_CHUNK):
            chunk: list[tuple[ArticleMetrics, bytes, Record]] = []
            for record in records[start : start + WRITE_CHUNK]:
                outcome = self.prepare(record)
                if isinstance(outcome, str):
                    rejected.append((record, outcome))
                else:
                    chunk.append((*outcome, record))
            prepared += chunk
            if chunk:
                results = [result for result, _, _ in chunk]
                writes.append((chunk, self.writer.submit(results, [v for _, v, _ in chunk])))
        saved: list[bool | None] = []
        for chunk, write in writes:
            flags, refused = write.result()  # raises the first failure
            saved += flags
            rejected += [(chunk[at][2], reason) for at, reason in refused]
        try:
            kinds = [self._kind(r, new) for (r, _, _), new in zip(prepared, saved, strict=True)]
            for record, reason in rejected:
                self.store.save_dead_letter(self._letter(record, reason))
        except Exception as exc:
            if self.store.is_outage(exc):
                raise outage(exc) from exc
            raise
        self._publish(prepared, kinds)
        for record, reason in rejected:
            self._send_dead_letter(record, reason)

    def _kind(self, result: ArticleMetrics, new: bool | None) -> str | None:
        if new is None:
            return None
        if new:
            return "processed"
        if self._stored_at(result.article) == str(result.provenance):
            return "redelivered"
        return "duplicates"

    def _publish(
        self,
        prepared: list[tuple[ArticleMetrics, bytes, Record]],
        kinds: list[str | None],
    ) -> None:
        for (result, value, _), kind in zip(prepared, kinds, strict=True):
            if kind is None:
                continue
            setattr(self.stats, kind, getattr(self.stats, kind) + 1)
            if kind == "duplicates":
                continue
            ext = result.extraction
            self.stats.metrics += len(ext.casualties) + len(ext.negotiations) + len(ext.signals)
            self._send(self.settings.topics.metrics, result.article.article_id.encode(), value)

    def prepare(self, record: Record) -> tuple[ArticleMetrics, bytes] | str:
        """Decode, validate, extract and encode one record; or why it must be dead-lettered.

        No side effects: nothing is stored or sent here.
        """
        where = Provenance(record.topic, record.partition, record.offset)
        try:
            article = ArticleEvent.decode(record.value).validate(self.settings.max_article_bytes)
        except SchemaError as exc:
            return str(exc)
        except Exception as exc:  # a decoder bug must not stop the stream either
            return f"decoding failed: {type(exc).__name__}: {exc}"
        try:
            article = with_language(article)  # inside: a detector bug must not stop it either
            extraction = (
                self.extract(article.body, title=article.title, published_at=article.published_at)
                if is_analysed(article.language)
                else Extraction()  # not analysed: stored with its language, no metrics
            )
        except Exception as exc:  # an engine bug must not stop the stream
            log.exception("extraction failed at %s", where)
            return f"extraction failed: {type(exc).__name__}: {exc}"
        reason = implausible(extraction)
        if reason is not None:
            return reason
        try:
            result = ArticleMetrics(article, extraction, self.clock(), where)
            value = result.encode()
        except Exception as exc:
            return f"encoding failed: {type(exc).__name__}: {exc}"
        if len(value) > MAX_EVENT_BYTES:
            return f"metrics event is {len(value)} bytes, over the limit of {MAX_EVENT_BYTES}"
        return result, value

    def dead_letter(self, record: Record, reason: str) -> None:
        """Send a record to the dead-letter topic and the store, with why."""
        self.store.save_dead_letter(self._letter(record, reason))
        self._send_dead_letter(record, reason)

    def _letter(self, record: Record, reason: str) -> DeadLetter:
        return DeadLetter(
            record.topic, record.partition, record.offset, reason, record.value, self.clock()
        )

    def _send_dead_letter(self, record: Record, reason: str) -> None:
        log.warning("%s[%d]@%d dead-lettered: %s", record.topic, record.partition,
                    record.offset, reason)  # fmt: skip
        origin = f"{record.topic}[{record.partition}]@{record.offset}"
        headers = [(HEADER_REASON, reason.encode()), (HEADER_SOURCE, origin.encode())]
        self._send(self.settings.topics.dead_letters, record.key, record.value, headers)
        self.stats.dead_letters += 1

    def run(self, max_records: int | None = None, idle_exit: float | None = None) -> ExtractorStats:
        """Loop until stopped, ``max_records`` seen, or ``idle_exit`` seconds without records."""
        self.runner.run(max_records, idle_exit)
        return self.stats

    @property
    def outage_delay(self) -> float:
        """The current back-off after a store outage (0 while the store is up)."""
        return self.runner.delay

    def recover(self, error: BaseException) -> None:
        """Runner hook after a back-off: count a store outage and try to reconnect."""
        if isinstance(error, StoreOutageError):
            self.stats.outages += 1
            self.store.recover()

    def progress(self) -> str:
        """Runner hook: the progress line."""
        return self.stats.line()

    def _send(
        self, topic: str, key: bytes | None, value: bytes | None, headers: Any = None
    ) -> None:
        self.runner.send(topic, key, value, headers)

    def _stored_at(self, article: ArticleEvent) -> str | None:
        return articles.stored_provenance(self.store, article.run_id, article.article_id)
