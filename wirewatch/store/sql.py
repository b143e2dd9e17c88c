"""The store interface and its portable SQL, shared by the SQLite and PostgreSQL backends.

Writes are idempotent: an article is keyed by ``(run_id, article_id)`` and its
metrics by ``(run_id, article_id, seq)``; a redelivered or republished article
changes nothing and :meth:`SqlStore.save` reports it as a duplicate. A new article
also adds itself to the rollups (:mod:`wirewatch.store.rollups`) in the same
transaction, so the rollups count every stored article exactly once.

Counts are bounded at write: a figure above :data:`MAX_COUNT` is stored as
``MAX_COUNT`` (the extractor dead-letters such articles before they get here; this
keeps any other writer from storing a value whose sums overflow 64 bits).
:meth:`SqlStore.is_outage` tells a store that is down (locked, full, unreachable:
retry later) from one that refused a record (dead-letter it).
"""

from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.metrics import ArticleMetrics, Casualty, Evidence, Negotiation, Signal
from wirewatch.store import rollups
from wirewatch.store.schema import MIGRATIONS, Dialect

Row = tuple[Any, ...]

#: Largest count stored: no article states more people than this (10^8).
MAX_COUNT = 100_000_000


class StoreOutageError(StoreError):
    """The store is unavailable (locked, full, down); the same write may succeed later."""

    retriable = True


def bounded(value: int | None) -> int | None:
    """``value`` clamped to ``[-MAX_COUNT, MAX_COUNT]`` (None stays None)."""
    return None if value is None else max(-MAX_COUNT, min(int(value), MAX_COUNT))


_INSERT_ARTICLE = """INSERT INTO articles (run_id, article_id, source, url, title, body,
    language, event_ms, ingested_ms, processed_ms, killed, wounded, death_toll, negotiation,
    provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, article_id) DO NOTHING"""
_INSERT_METRIC = """INSERT INTO metrics (run_id, article_id, seq, family, kind, value, low, high,
    approximate, scope, who, place, authority, as_of, detail, event_ms, sentence, sent_start,
    sent_end, match_start, match_end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, article_id, seq) DO NOTHING"""
_INSERT_DEAD_LETTER = """INSERT INTO dead_letters (topic, part, msg_offset, reason, payload,
    failed_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, part, msg_offset) DO NOTHING"""


def to_ms(moment: datetime) -> int:
    """Epoch milliseconds of an aware datetime."""
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True)
class DeadLetter:
    """A message that could not be processed, with why and its original bytes."""

    topic: str
    partition: int
    offset: int
    reason: str
    payload: bytes | None
    failed_at: datetime


def metric_rows(result: ArticleMetrics) -> list[Row]:
    """One row per extracted metric, numbered in extraction order."""
    article, ext = result.article, result.extraction
    event_ms = to_ms(article.event_time)
    rows: list[Row] = []

    def add(family: str, kind: str, value: int, ev: Evidence, extra: Sequence[Any]) -> None:
        key = (article.run_id, article.article_id, len(rows), family, kind, bounded(value))
        where = (ev.sentence, ev.start, ev.end, ev.match_start, ev.match_end)
        rows.append((*key, *extra, event_ms, *where))

    for c in ext.casualties:
        add("casualty", c.kind, c.count, c.evidence, _casualty_extra(c))
    for n in ext.negotiations:
        add("negotiation", n.event, 1, n.evidence, _negotiation_extra(n))
    for s in ext.signals:
        add("signal", f"{s.category}:{s.name}", 1, s.evidence, _signal_extra(s))
    return rows


def _casualty_extra(c: Casualty) -> Row:
    scope = (
        bounded(c.low),
        bounded(c.high),
        int(c.approximate),
        c.scope,
        c.who,
        c.where,
        c.authority,
        c.as_of,
    )
    kept = {"part_of": c.part_of, "modality": c.modality}
    detail = {k: v for k, v in kept.items() if v is not None}
    return (*scope, json.dumps(detail) if detail else None)


def _negotiation_extra(n: Negotiation) -> Row:
    sides = {"parties": list(n.parties), "mediators": list(n.mediators)}
    detail = json.dumps({**sides, "modality": n.modality})
    return (None, None, 0, None, None, None, None, None, detail)


def _signal_extra(s: Signal) -> Row:
    return (None, None, 0, None, None, None, None, None, None)


class SqlStore(ABC):
    """The store interface: idempotent writes and read queries in portable SQL.

    Backends supply a DB-API connection and their placeholder style. One store
    object may be shared by threads (the dashboard does): calls are serialised.
    """

    placeholder = "?"
    dialect = "sqlite"

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._lock = threading.RLock()

    @classmethod
    @abstractmethod
    def open(cls, url: str) -> SqlStore:
        """Connect to ``url`` and apply pending migrations."""

    @property
    def schema_version(self) -> int:
        return int(self.fetch("SELECT MAX(version) FROM schema_migrations")[0][0] or 0)

    def migrate(self) -> int:
        """Apply pending migrations; return how many ran."""
        with self.transaction() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL)")
        done = self.schema_version
        for version, statements in enumerate(MIGRATIONS[done:], start=done + 1):
            with self.transaction() as cur:
                for statement in statements:
                    if isinstance(statement, Dialect):
                        if statement.name != self.dialect:
                            continue
                        statement = statement.sql  # noqa: PLW2901
                    cur.execute(statement)
                cur.execute(self._sql("INSERT INTO schema_migrations VALUES (?)"), (version,))
        return len(MIGRATIONS) - done

    def save(self, result: ArticleMetrics) -> bool:
        """Store an article and its metrics in one transaction; False if already stored."""
        return self.save_all([result])[0]

    def save_all(self, results: Sequence[ArticleMetrics]) -> list[bool]:
        """Store several articles in one transaction; per article, False if already stored."""
        with self.transaction() as cur:
            return [self._save(cur, result) for result in results]

    def _save(self, cur: Any, result: ArticleMetrics) -> bool:
        a, s = result.article, result.extraction.summary
        article_row = (
            a.run_id, a.article_id, a.source, a.url, a.title, a.body, a.language,
            to_ms(a.event_time), to_ms(a.ingested_at), to_ms(result.processed_at),
            bounded(s.killed), bounded(s.wounded), bounded(s.death_toll), int(s.negotiation),
            str(result.provenance) if result.provenance else None,
        )  # fmt: skip
        cur.execute(self._sql(_INSERT_ARTICLE), article_row)
        if cur.rowcount == 0:
            return False
        cur.executemany(self._sql(_INSERT_METRIC), metric_rows(result))
        for statement in rollups.ON_SAVE:
            cur.execute(self._sql(statement), (a.run_id, a.article_id))
        return True

    def save_dead_letter(self, letter: DeadLetter) -> bool:
        """Record a dead letter once per source offset; False if already recorded."""
        row = (letter.topic, letter.partition, letter.offset, letter.reason, letter.payload,
               to_ms(letter.failed_at))  # fmt: skip
        with self.transaction() as cur:
            cur.execute(self._sql(_INSERT_DEAD_LETTER), row)
            return bool(cur.rowcount)

    def is_outage(self, exc: BaseException) -> bool:
        """Whether ``exc`` means the store is unavailable rather than refusing a record."""
        return isinstance(exc, StoreOutageError)

    def recover(self) -> None:
        """Try to make the store usable again after an outage (reconnect); may raise."""
        return  # an embedded store needs nothing: the next write simply tries again

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a read query written with ``?`` placeholders; return all rows."""
        with self._lock:
            cur = self._conn.cursor()
            try:
                cur.execute(self._sql(sql), tuple(params))
                return [tuple(row) for row in cur.fetchall()]
            finally:
                cur.close()

    def count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        """Rows in ``table`` (a trusted name), optionally filtered."""
        clause = f" WHERE {where}" if where else ""
        return int(self.fetch(f"SELECT COUNT(*) FROM {table}{clause}", params)[0][0])  # noqa: S608

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A cursor whose work commits on success and rolls back on error."""
        with self._lock:
            cur = self._conn.cursor()
            try:
                yield cur
                self._conn.commit()
            except BaseException:
                with suppress(Exception):  # a lost connection cannot roll back
                    self._conn.rollback()
                raise
            finally:
                cur.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _sql(self, sql: str) -> str:
        if self.placeholder == "?":
            return sql
        return sql.replace("%", "%%").replace("?", self.placeholder)
