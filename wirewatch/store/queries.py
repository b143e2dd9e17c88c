"""Read-side aggregates for the dashboard, in portable SQL over a :class:`SqlStore`.

Every function takes the store first and a half-open time window ``[start_ms, end_ms)``
on ``event_ms``. Aggregation happens in SQL (buckets are integer arithmetic:
``(event_ms / ?) * ?``); Python only reshapes the few rows that come back. SQL text
holds no literal ``?`` or ``%``: patterns travel as parameters, so the same text runs
on SQLite and PostgreSQL.

The window aggregates (:func:`overview`, :func:`timeseries`, :func:`top_entities`) read
the rollups and live in :mod:`wirewatch.store.rollups`; the rest reads raw rows, bounded
by ``LIMIT``, an index seek or a narrow window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from wirewatch.store import rollups
from wirewatch.store.rollups import overview, timeseries, top_entities
from wirewatch.store.sql import Row, SqlStore

__all__ = [
    "ArticleFilter", "article_metrics", "count_articles", "dead_letter_summary", "drilldown",
    "drilldown_count", "filter_options", "place_casualties", "source_totals",
    "latest_tolls", "negotiation_timeline", "overview", "processing", "recent_articles",
    "runs", "timeseries", "top_entities",
]  # fmt: skip

_TOLL = rollups.TOLL
_EVIDENCE = "m.sentence, m.sent_start, m.sent_end, m.match_start, m.match_end"
_ARTICLE_COLS = tuple(
    (
        "article_id source title url body language event_ms processed_ms killed wounded "
        "death_toll negotiation "
    ).split()
)
_METRIC_COLS = tuple(
    (
        "seq family kind value low high approximate scope who place authority as_of "
        "detail sentence sent_start sent_end match_start match_end "
    ).split()
)
_DRILL_COLS = tuple(
    (
        "article_id title source url event_ms family kind value scope place sentence "
        "sent_start sent_end match_start match_end "
    ).split()
)
MINUTE_MS = 60_000
_ENTITY = ("actor", "location")


@dataclass(frozen=True)
class ArticleFilter:
    """Filters of the article feed; ``None`` means any."""

    source: str | None = None
    actor: str | None = None
    location: str | None = None
    kind: str | None = None
    text: str | None = None
    start_ms: int | None = None
    end_ms: int | None = None


def _dicts(cols: tuple[str, ...], rows: list[Row]) -> list[dict[str, Any]]:
    return [dict(zip(cols, row, strict=True)) for row in rows]


# Each run is found by an index seek past the one before (a loose index scan, not a scan
# of every article), its span by two seeks and its article count from the day rollups:
# every page reads this on every refresh.
_RUNS = (
    "WITH RECURSIVE r(run_id) AS (SELECT MIN(run_id) FROM articles UNION ALL "
    "SELECT (SELECT MIN(a.run_id) FROM articles a WHERE a.run_id > r.run_id) FROM r "
    "WHERE r.run_id IS NOT NULL) "
    "SELECT r.run_id, (SELECT COALESCE(SUM(u.n), 0) FROM article_rollup u "
    "WHERE u.run_id = r.run_id AND u.grain_ms = ?), "
    "(SELECT MIN(a.event_ms) FROM articles a WHERE a.run_id = r.run_id), "
    "(SELECT MAX(a.event_ms) FROM articles a WHERE a.run_id = r.run_id) "
    "FROM r WHERE r.run_id IS NOT NULL"
)


def runs(store: SqlStore) -> list[dict[str, Any]]:
    """Every run with its article count and event-time span; ``live`` first."""
    rows = store._fetch(_RUNS, (rollups.DAY_MS,))
    found = _dicts(("run_id", "articles", "first_ms", "last_ms"), rows)
    return sorted(found, key=lambda r: (r["run_id"] != "live", -r["last_ms"], r["run_id"]))


def negotiation_timeline(
    store: SqlStore, run_id: str, start_ms: int, end_ms: int, limit: int = 500
) -> list[dict[str, Any]]:
    """Typed negotiation events, newest first, with parties and mediators."""
    rows = store._fetch(
        "SELECT m.event_ms, m.kind, m.detail, m.article_id, a.title, a.source, m.sentence "
        "FROM metrics m JOIN articles a ON a.run_id = m.run_id AND a.article_id = m.article_id "
        "WHERE m.run_id = ? AND m.event_ms >= ? AND m.event_ms < ? "
        "AND m.family = 'negotiation' ORDER BY m.event_ms DESC, m.seq LIMIT ?",
        (run_id, start_ms, end_ms, limit),
    )
    out = []
    for event_ms, kind, detail, article_id, title, source, sentence in rows:
        parsed = json.loads(detail or "{}")
        out.append(
            {
                "event_ms": int(event_ms),
                "event": kind,
                "article_id": article_id,
                "title": title,
                "source": source,
                "sentence": sentence,
                "parties": ", ".join(parsed.get("parties", [])),
                "mediators": ", ".join(parsed.get("mediators", [])),
            }
        )
    return out


def latest_tolls(store: SqlStore, run_id: str, end_ms: int) -> list[dict[str, Any]]:
    """The latest cumulative death toll per place reported before ``end_ms``, largest first.

    A toll with no place is keyed ``""``. Of two tolls reported at the same moment
    for one place, the larger wins. One index seek per place in ``toll_places`` (and
    one for tolls with no place), however long the run.
    """
    is_toll = f"m.{_TOLL.replace(' AND ', ' AND m.')}"
    newest = (
        "SELECT MAX(x.event_ms) FROM metrics x WHERE x.run_id = ? "  # noqa: S608  # constants
        f"AND x.{_TOLL.replace(' AND ', ' AND x.')} AND x.place {{}} AND x.event_ms < ?"
    )
    places = (
        f"SELECT t.place, ({newest.format('= t.place')}) AS at "  # noqa: S608  # constants
        "FROM toll_places t WHERE t.run_id = ?"
    )
    cols = "m.value, m.event_ms, m.authority, m.as_of, m.article_id, m.sentence"
    rows = store._fetch(
        f"SELECT p.place, {cols} FROM ({places}) p JOIN metrics m "  # noqa: S608  # constants
        f"ON m.run_id = ? AND {is_toll} AND m.place = p.place AND m.event_ms = p.at "
        f"UNION ALL SELECT '', {cols} FROM metrics m WHERE m.run_id = ? AND {is_toll} "
        f"AND m.place IS NULL AND m.event_ms = ({newest.format('IS NULL')})",
        (run_id, end_ms, run_id, run_id, run_id, run_id, end_ms),
    )
    rows.sort(key=lambda r: (-r[2], -r[1], r[0], r[5]))
    tolls: dict[str, dict[str, Any]] = {}
    cols_out = ("place", "value", "event_ms", "authority", "as_of", "article_id", "sentence")
    for toll in _dicts(cols_out, rows):
        tolls.setdefault(toll["place"], toll)
    return sorted(tolls.values(), key=lambda t: (-t["value"], t["place"]))


def recent_articles(
    store: SqlStore, run_id: str, filters: ArticleFilter | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """The newest articles of a run that pass ``filters``, newest first."""
    where, params = _article_where(run_id, filters or ArticleFilter())
    cols = ", ".join(f"a.{c}" for c in _ARTICLE_COLS)
    rows = store._fetch(
        f"SELECT {cols} FROM articles a WHERE {where} "  # noqa: S608  # built from constants
        "ORDER BY a.event_ms DESC, a.article_id LIMIT ?",
        (*params, limit),
    )
    return _dicts(_ARTICLE_COLS, rows)


def _article_where(run_id: str, f: ArticleFilter) -> tuple[str, list[Any]]:
    clauses, params = ["a.run_id = ?"], list[Any]([run_id])
    has_metric = (
        "EXISTS (SELECT 1 FROM metrics m WHERE m.run_id = a.run_id "
        "AND m.article_id = a.article_id AND m.kind = ?)"
    )
    checks = [
        ("a.source = ?", f.source),
        ("a.event_ms >= ?", f.start_ms),
        ("a.event_ms < ?", f.end_ms),
        (has_metric, f"actor:{f.actor}" if f.actor else None),
        (has_metric, f"location:{f.location}" if f.location else None),
        (has_metric, f.kind),
    ]
    for clause, value in checks:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if f.text and f.text.strip():
        pattern = "%" + _escape_like(f.text.strip().lower()) + "%"
        clauses.append("(LOWER(a.title) LIKE ? ESCAPE '\\' OR LOWER(a.body) LIKE ? ESCAPE '\\')")
        params += [pattern, pattern]
    return " AND ".join(clauses), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_options(store: SqlStore, run_id: str) -> dict[str, list[str]]:
    """Values the article filters can take: sources, actors, locations, metric kinds."""
    by_run = (run_id,)
    sql = "SELECT DISTINCT source FROM articles WHERE run_id = ? ORDER BY source"
    sources = [row[0] for row in store._fetch(sql, by_run)]
    sql = "SELECT DISTINCT kind FROM metrics WHERE run_id = ? ORDER BY kind"
    kinds = [row[0] for row in store._fetch(sql, by_run)]
    names = {c: [k.partition(":")[2] for k in kinds if k.startswith(f"{c}:")] for c in _ENTITY}
    plain = [k for k in kinds if not k.startswith(tuple(f"{c}:" for c in _ENTITY))]
    return {
        "sources": sources,
        "actors": names["actor"],
        "locations": names["location"],
        "kinds": plain,
    }


def article_metrics(store: SqlStore, run_id: str, article_id: str) -> list[dict[str, Any]]:
    """Every metric of one article in extraction order, with its evidence."""
    cols = ", ".join(_METRIC_COLS)
    rows = store._fetch(
        f"SELECT {cols} FROM metrics WHERE run_id = ? AND article_id = ? ORDER BY seq",  # noqa: S608  # constants
        (run_id, article_id),
    )
    return _dicts(_METRIC_COLS, rows)


def drilldown(
    store: SqlStore,
    run_id: str,
    start_ms: int,
    end_ms: int,
    *,
    family: str | None = None,
    kind: str | None = None,
    scope: str | None = None,
    place: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """The metrics (with article and evidence sentence) behind a bucket or a figure."""
    where, params = _drill_where(run_id, start_ms, end_ms, family, kind, scope, place)
    rows = store._fetch(
        "SELECT m.article_id, a.title, a.source, a.url, m.event_ms, m.family, m.kind, m.value, "  # noqa: S608  # constants
        f"m.scope, m.place, {_EVIDENCE} FROM metrics m JOIN articles a "
        "ON a.run_id = m.run_id AND a.article_id = m.article_id "
        f"WHERE {where} ORDER BY m.event_ms DESC, m.article_id, m.seq LIMIT ?",
        (*params, limit),
    )
    return _dicts(_DRILL_COLS, rows)


def drilldown_count(
    store: SqlStore,
    run_id: str,
    start_ms: int,
    end_ms: int,
    *,
    family: str | None = None,
    kind: str | None = None,
    scope: str | None = None,
    place: str | None = None,
) -> int:
    """How many metrics :func:`drilldown` would list without its ``limit``."""
    where, params = _drill_where(run_id, start_ms, end_ms, family, kind, scope, place)
    rows = store._fetch(f"SELECT COUNT(*) FROM metrics m WHERE {where}", tuple(params))  # noqa: S608  # constants
    return int(rows[0][0])


def count_articles(store: SqlStore, run_id: str, filters: ArticleFilter | None = None) -> int:
    """How many articles :func:`recent_articles` would list without its ``limit``."""
    where, params = _article_where(run_id, filters or ArticleFilter())
    rows = store._fetch(f"SELECT COUNT(*) FROM articles a WHERE {where}", tuple(params))  # noqa: S608  # constants
    return int(rows[0][0])


def source_totals(
    store: SqlStore, run_id: str, start_ms: int, end_ms: int, limit: int = 15
) -> list[dict[str, Any]]:
    """Articles, killed and wounded per source (outlet) in the window, busiest first.

    Reads the article rollups (the same sums as :func:`overview`), so a long window
    costs about as much as a short one.
    """
    found = rollups.totals(store, "articles", (run_id, start_ms, end_ms))
    rows = [
        {"source": key[0], "articles": n, "killed": killed, "wounded": wounded}
        for key, (n, killed, wounded) in found.items()
    ]
    rows.sort(key=lambda r: (-r["articles"], r["source"]))
    return rows[:limit]


def place_casualties(
    store: SqlStore, run_id: str, start_ms: int, end_ms: int, limit: int = 500
) -> list[dict[str, Any]]:
    """Incident killed and wounded per place: the sums of the latest ``limit`` reports
    of each kind in the window that name a place (one index range per kind)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for kind in ("killed", "wounded"):
        rows = store._fetch(
            "SELECT place, value FROM metrics WHERE run_id = ? AND family = 'casualty' "
            "AND scope = 'incident' AND kind = ? AND event_ms >= ? AND event_ms < ? "
            "AND place IS NOT NULL ORDER BY event_ms DESC LIMIT ?",
            (run_id, kind, start_ms, end_ms, limit),
        )
        for place, value in rows:
            row = out.setdefault((place, kind), {"place": place, "kind": kind, "value": 0,
                                                  "reports": 0})  # fmt: skip
            row["value"] += int(value or 0)
            row["reports"] += 1
    return sorted(out.values(), key=lambda r: (-r["value"], r["place"], r["kind"]))


def _drill_where(
    run_id: str,
    start_ms: int,
    end_ms: int,
    family: str | None,
    kind: str | None,
    scope: str | None,
    place: str | None,
) -> tuple[str, list[Any]]:
    clauses = ["m.run_id = ?", "m.event_ms >= ?", "m.event_ms < ?"]
    params: list[Any] = [run_id, start_ms, end_ms]
    for column, value in (("family", family), ("kind", kind), ("scope", scope)):
        if value is not None:
            clauses.append(f"m.{column} = ?")
            params.append(value)
    if place is not None:
        clauses.append("COALESCE(m.place, '') = ?")
        params.append(place)
    return " AND ".join(clauses), params


def dead_letter_summary(store: SqlStore, limit: int = 10) -> dict[str, Any]:
    """How many records were dead-lettered, when the last was, and the latest ones."""
    total, last_ms = store._fetch("SELECT COUNT(*), MAX(failed_ms) FROM dead_letters")[0]
    rows = store._fetch(
        "SELECT topic, part, msg_offset, reason, failed_ms FROM dead_letters "
        "ORDER BY failed_ms DESC, topic, part, msg_offset LIMIT ?",
        (limit,),
    )
    cols = ("topic", "partition", "offset", "reason", "failed_ms")
    return {"total": int(total), "last_ms": last_ms, "latest": _dicts(cols, rows)}


def processing(store: SqlStore, since_ms: int, until_ms: int) -> dict[str, Any]:
    """Articles processed per minute (every run) since ``since_ms``, and the last times."""
    rows = store._fetch(
        "SELECT (processed_ms / ?) * ?, COUNT(*) FROM articles "
        "WHERE processed_ms >= ? AND processed_ms < ? GROUP BY 1 ORDER BY 1",
        (MINUTE_MS, MINUTE_MS, since_ms, until_ms),
    )
    total, last_processed, last_ingested = store._fetch(
        "SELECT COUNT(*), MAX(processed_ms), MAX(ingested_ms) FROM articles"
    )[0]
    minutes = max(until_ms - since_ms, 1) / MINUTE_MS
    processed = sum(int(n) for _, n in rows)
    return {
        "per_minute": [{"minute_ms": int(m), "articles": int(n)} for m, n in rows],
        "rate": processed / minutes,
        "processed": processed,
        "total": int(total),
        "last_processed_ms": last_processed,
        "last_ingested_ms": last_ingested,
    }
