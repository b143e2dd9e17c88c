"""Articles and their metrics: the extractor's tables, their DDL and named queries.

Tables (created by the first migration in :mod:`wirewatch.store.migrations`)::

    articles (run_id, article_id)      -> source, url, title, body, language, event_ms,
                                          ingested_ms, processed_ms, killed, wounded,
                                          death_toll, negotiation, provenance
    metrics  (run_id, article_id, seq) -> family, kind, value, low, high, scope, who, place,
                                          authority, as_of, detail, event_ms, evidence offsets

Written by :meth:`SqlStore.save_all` (idempotent: a stored article changes nothing). The
dashboard's window aggregates over these tables are in :mod:`wirewatch.store.queries` and
:mod:`wirewatch.store.rollups`; what other readers need is named here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from wirewatch.metrics import ArticleMetrics, Casualty, Evidence, Negotiation
from wirewatch.store.values import Row, bounded, to_ms

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

TABLES = (
    """CREATE TABLE IF NOT EXISTS articles (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            language TEXT NOT NULL,
            event_ms BIGINT NOT NULL,
            ingested_ms BIGINT NOT NULL,
            processed_ms BIGINT NOT NULL,
            killed INTEGER NOT NULL,
            wounded INTEGER NOT NULL,
            death_toll INTEGER,
            negotiation INTEGER NOT NULL,
            provenance TEXT,
            PRIMARY KEY (run_id, article_id)
        )""",
    "CREATE INDEX IF NOT EXISTS articles_time ON articles (run_id, event_ms)",
    """CREATE TABLE IF NOT EXISTS metrics (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            family TEXT NOT NULL,
            kind TEXT NOT NULL,
            value INTEGER NOT NULL,
            low INTEGER,
            high INTEGER,
            approximate INTEGER NOT NULL,
            scope TEXT,
            who TEXT,
            place TEXT,
            authority TEXT,
            as_of TEXT,
            detail TEXT,
            event_ms BIGINT NOT NULL,
            sentence TEXT NOT NULL,
            sent_start INTEGER NOT NULL,
            sent_end INTEGER NOT NULL,
            match_start INTEGER NOT NULL,
            match_end INTEGER NOT NULL,
            PRIMARY KEY (run_id, article_id, seq)
        )""",
    "CREATE INDEX IF NOT EXISTS metrics_time ON metrics (run_id, family, kind, event_ms)",
)
DASHBOARD_INDEXES = (
    "CREATE INDEX IF NOT EXISTS metrics_family_time "
    "ON metrics (run_id, family, event_ms, kind, article_id)",
    "CREATE INDEX IF NOT EXISTS metrics_casualty_time "
    "ON metrics (run_id, family, scope, kind, event_ms, value, place)",
    "CREATE INDEX IF NOT EXISTS articles_time_source ON articles (run_id, event_ms, source)",
    "CREATE INDEX IF NOT EXISTS articles_processed ON articles (processed_ms)",
)
"""Covering indexes for the dashboard's aggregates (issue 4)."""

ARTICLE_COLUMNS = (
    "run_id", "article_id", "source", "url", "title", "body", "language", "event_ms",
    "ingested_ms", "processed_ms", "killed", "wounded", "death_toll", "negotiation",
    "provenance",
)  # fmt: skip
METRIC_COLUMNS = (
    "run_id", "article_id", "seq", "family", "kind", "value", "low", "high", "approximate",
    "scope", "who", "place", "authority", "as_of", "detail", "event_ms", "sentence",
    "sent_start", "sent_end", "match_start", "match_end",
)  # fmt: skip
"""The order of the values in :func:`article_row` and :func:`metric_rows`."""


def _insert(table: str, columns: tuple[str, ...], key: str) -> str:
    marks = ", ".join("?" for _ in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608  # constants
        f"ON CONFLICT ({key}) DO NOTHING"
    )


INSERT_ARTICLE = _insert("articles", ARTICLE_COLUMNS, "run_id, article_id")
INSERT_METRIC = _insert("metrics", METRIC_COLUMNS, "run_id, article_id, seq")
RETURNING_KEY = " RETURNING run_id, article_id"
"""Appended to :data:`INSERT_ARTICLE`: the keys of the rows it inserted."""


def columns(names: str, of: tuple[str, ...]) -> itemgetter[Any]:
    """A getter of the named values (space-separated ``names``) from rows ordered as ``of``."""
    return itemgetter(*(of.index(name) for name in names.split()))


def article_row(result: ArticleMetrics) -> Row:
    """The ``articles`` row of one result, in :data:`INSERT_ARTICLE` order."""
    a, s = result.article, result.extraction.summary
    return (
        a.run_id, a.article_id, a.source, a.url, a.title, a.body, a.language,
        to_ms(a.event_time), to_ms(a.ingested_at), to_ms(result.processed_at),
        bounded(s.killed), bounded(s.wounded), bounded(s.death_toll), int(s.negotiation),
        str(result.provenance) if result.provenance else None,
    )  # fmt: skip


def metric_rows(result: ArticleMetrics) -> list[Row]:
    """One row per extracted metric, numbered in extraction order."""
    article, ext = result.article, result.extraction
    head = (article.run_id, article.article_id)
    event_ms = to_ms(article.event_time)
    rows: list[Row] = []

    def add(family: str, kind: str, value: int | None, ev: Evidence, extra: Row) -> None:
        where = (ev.sentence, ev.start, ev.end, ev.match_start, ev.match_end)
        rows.append((*head, len(rows), family, kind, value, *extra, event_ms, *where))

    for c in ext.casualties:
        add("casualty", c.kind, bounded(c.count), c.evidence, _casualty_extra(c))
    for n in ext.negotiations:
        add("negotiation", n.event, 1, n.evidence, _negotiation_extra(n))
    for s in ext.signals:
        add("signal", f"{s.category}:{s.name}", 1, s.evidence, _NO_EXTRA)
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


_NO_EXTRA: Row = (None, None, 0, None, None, None, None, None, None)  # a signal's


def stored_provenance(store: SqlStore, run_id: str, article_id: str) -> str | None:
    """Where the stored copy of an article came from (``topic[partition]@offset``), if stored."""
    rows = store._fetch(
        "SELECT provenance FROM articles WHERE run_id = ? AND article_id = ?", (run_id, article_id)
    )
    return rows[0][0] if rows else None


def run_ids(store: SqlStore) -> list[str]:
    """Every run with stored articles, by name."""
    return [str(r) for (r,) in store._fetch("SELECT DISTINCT run_id FROM articles ORDER BY 1")]


def latest_event_ms(store: SqlStore, run_id: str) -> int | None:
    """Event time of the newest article of a run (None before the first)."""
    rows = store._fetch("SELECT MAX(event_ms) FROM articles WHERE run_id = ?", (run_id,))
    return None if rows[0][0] is None else int(rows[0][0])


def latest_processed_ms(store: SqlStore, run_id: str) -> int | None:
    """When the extractor last stored an article of a run (None before the first)."""
    rows = store._fetch("SELECT MAX(processed_ms) FROM articles WHERE run_id = ?", (run_id,))
    return None if rows[0][0] is None else int(rows[0][0])


def processed_since(store: SqlStore, run_id: str, since_ms: int) -> int:
    """Articles of a run stored from ``since_ms`` on."""
    sql = "SELECT COUNT(*) FROM articles WHERE run_id = ? AND processed_ms >= ?"
    return int(store._fetch(sql, (run_id, since_ms))[0][0])


def first_processed_by_provenance(store: SqlStore, ingested_from_ms: int) -> list[tuple[str, int]]:
    """Per provenance, the first ``processed_ms`` of articles ingested from ``ingested_from_ms``."""
    rows = store._fetch(
        "SELECT provenance, MIN(processed_ms) FROM articles WHERE ingested_ms >= ? "
        "GROUP BY provenance",
        (ingested_from_ms,),
    )
    return [(str(p), int(ms)) for p, ms in rows]


def processing_delays_ms(store: SqlStore) -> list[int]:
    """Per stored article, milliseconds from ingestion to storage."""
    rows = store._fetch("SELECT processed_ms - ingested_ms FROM articles")
    return [int(delay) for (delay,) in rows]


def run_totals(store: SqlStore) -> list[Row]:
    """Per run: ``(run_id, articles, killed, wounded, negotiation, first_ms, last_ms)``."""
    return store._fetch(
        "SELECT run_id, COUNT(*), SUM(killed), SUM(wounded), SUM(negotiation), MIN(event_ms), "
        "MAX(event_ms) FROM articles GROUP BY run_id ORDER BY run_id"
    )


def hourly_totals(store: SqlStore, runs: Sequence[str]) -> list[Row]:
    """Per run of ``runs`` and event hour: ``(run_id, hour_ms, articles, killed, wounded,
    negotiation)``, by hour."""
    if not runs:
        return []
    marks = ", ".join("?" for _ in runs)
    return store._fetch(
        "SELECT run_id, (event_ms / 3600000) * 3600000 AS bucket, COUNT(*), SUM(killed), "  # noqa: S608  # placeholders only
        f"SUM(wounded), SUM(negotiation) FROM articles WHERE run_id IN ({marks}) "
        "GROUP BY run_id, bucket ORDER BY bucket",
        tuple(runs),
    )


def metric_totals(store: SqlStore, run_id: str) -> dict[tuple[str, str], tuple[int, int]]:
    """Per ``(family, kind)`` of a run: how many metrics and the sum of their values."""
    rows = store._fetch(
        "SELECT family, kind, COUNT(*), SUM(value) FROM metrics WHERE run_id = ? "
        "GROUP BY family, kind",
        (run_id,),
    )
    return {(family, kind): (int(n), int(total or 0)) for family, kind, n, total in rows}


def articles_since(store: SqlStore, run_id: str, since_ms: int) -> list[Row]:
    """``(article_id, source, event_ms, killed, wounded, death_toll, processed_ms)`` of a
    run's articles from event time ``since_ms`` on, in event-time order."""
    return store._fetch(
        "SELECT article_id, source, event_ms, killed, wounded, death_toll, processed_ms "
        "FROM articles WHERE run_id = ? AND event_ms >= ? ORDER BY event_ms, article_id",
        (run_id, since_ms),
    )


def metrics_since(store: SqlStore, run_id: str, since_ms: int) -> list[Row]:
    """``(article_id, family, kind, who, place)`` of a run's metrics from event time
    ``since_ms`` on, by article and extraction order."""
    return store._fetch(
        "SELECT article_id, family, kind, who, place FROM metrics "
        "WHERE run_id = ? AND event_ms >= ? ORDER BY article_id, seq",
        (run_id, since_ms),
    )


def insert_rows(store: SqlStore, article_batch: Sequence[Row], metric_batch: Sequence[Row]) -> None:
    """Bulk-load prepared rows (in :data:`INSERT_ARTICLE` and :data:`INSERT_METRIC` order) in
    one transaction, without touching the rollups: rebuild them after with
    :func:`wirewatch.store.rollups.rebuild`. For benchmarks and imports, not the pipeline."""
    with store.transaction() as cur:
        cur.executemany(store._sql(INSERT_ARTICLE), article_batch)
        cur.executemany(store._sql(INSERT_METRIC), metric_batch)
