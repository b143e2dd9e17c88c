"""Rollups: articles and metrics pre-aggregated per minute, hour and day, kept on write.

Tables (created and backfilled by the rollup migration in :mod:`wirewatch.store.migrations`)::

    article_rollup (run_id, grain_ms, bucket_ms, source)              -> n, killed, wounded
    metric_rollup  (run_id, grain_ms, bucket_ms, family, kind, scope) -> total, n
    toll_places    (run_id, place)       places that ever had a cumulative death toll

A rollup row sums the rows whose ``event_ms`` falls in ``[bucket_ms, bucket_ms + grain_ms)``;
``total`` is ``SUM(value)``, ``n`` the row count, and a NULL scope is stored as ``''``
(NULLs in a primary key never conflict). People killed and wounded come from the
articles' summaries, which count each incident once (a figure restated, or a subset
such as "including five children", is not added again), not from summing mentions.
:meth:`SqlStore.save_all` adds only the articles it newly stored, in the same
transaction, so rollups stay exact under redelivery: it sums a batch's new rows per
rollup key in Python (:func:`deltas`, equal to :func:`upserts` per article, which a test
checks on both backends) and upserts each key once (:data:`ON_SAVE`).

Reads split a window into :func:`pieces`: whole days, hours and minutes come from the
rollups, the ragged sub-minute edges from raw rows, so results equal the raw-row
aggregates for every window. The migration runs :data:`BACKFILL` as it is: change a
rollup's shape only through a new migration.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

MINUTE_MS = 60_000
HOUR_MS = 60 * MINUTE_MS
DAY_MS = 24 * HOUR_MS
GRAINS = (DAY_MS, HOUR_MS, MINUTE_MS)  # coarsest first
TOLL = "family = 'casualty' AND kind = 'killed' AND scope = 'cumulative'"
_TOLL_KEY = ("casualty", "killed", "cumulative")  # the same test, for Python rows
_GRAIN_ROWS = " UNION ALL ".join(f"SELECT {g} AS grain_ms" for g in GRAINS)
_BUCKET = "(x.event_ms / g.grain_ms) * g.grain_ms"

TABLES = (
    """CREATE TABLE IF NOT EXISTS article_rollup (
        run_id TEXT NOT NULL,
        grain_ms BIGINT NOT NULL,
        bucket_ms BIGINT NOT NULL,
        source TEXT NOT NULL,
        n BIGINT NOT NULL,
        killed BIGINT NOT NULL,
        wounded BIGINT NOT NULL,
        PRIMARY KEY (run_id, grain_ms, bucket_ms, source)
    )""",
    """CREATE TABLE IF NOT EXISTS metric_rollup (
        run_id TEXT NOT NULL,
        grain_ms BIGINT NOT NULL,
        bucket_ms BIGINT NOT NULL,
        family TEXT NOT NULL,
        kind TEXT NOT NULL,
        scope TEXT NOT NULL,
        total BIGINT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (run_id, grain_ms, bucket_ms, family, kind, scope)
    )""",
    """CREATE TABLE IF NOT EXISTS toll_places (
        run_id TEXT NOT NULL,
        place TEXT NOT NULL,
        PRIMARY KEY (run_id, place)
    )""",
    # latest toll per place: MAX(event_ms) is one index seek per place
    "CREATE INDEX IF NOT EXISTS metrics_toll_place "
    "ON metrics (run_id, family, scope, kind, place, event_ms)",
)


def upserts(where: str) -> tuple[str, ...]:
    """Add the rows of ``articles``/``metrics`` matching ``where`` (on alias ``x``)."""
    articles = (
        "INSERT INTO article_rollup (run_id, grain_ms, bucket_ms, source, n, killed, wounded) "  # noqa: S608  # constants
        f"SELECT x.run_id, g.grain_ms, {_BUCKET}, x.source, COUNT(*), SUM(x.killed), "
        f"SUM(x.wounded) FROM articles x CROSS JOIN ({_GRAIN_ROWS}) g WHERE {where} "
        "GROUP BY 1, 2, 3, 4 ON CONFLICT (run_id, grain_ms, bucket_ms, source) "
        "DO UPDATE SET n = article_rollup.n + excluded.n, "
        "killed = article_rollup.killed + excluded.killed, "
        "wounded = article_rollup.wounded + excluded.wounded"
    )
    metrics = (
        "INSERT INTO metric_rollup (run_id, grain_ms, bucket_ms, family, kind, scope, total, n) "  # noqa: S608  # constants
        f"SELECT x.run_id, g.grain_ms, {_BUCKET}, x.family, x.kind, COALESCE(x.scope, ''), "
        f"SUM(x.value), COUNT(*) FROM metrics x CROSS JOIN ({_GRAIN_ROWS}) g WHERE {where} "
        "GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT (run_id, grain_ms, bucket_ms, family, kind, scope) "
        "DO UPDATE SET total = metric_rollup.total + excluded.total, "
        "n = metric_rollup.n + excluded.n"
    )
    places = (
        "INSERT INTO toll_places (run_id, place) SELECT DISTINCT x.run_id, x.place "  # noqa: S608  # constants
        f"FROM metrics x WHERE {where} AND x.place IS NOT NULL "
        f"AND x.{TOLL.replace(' AND ', ' AND x.')} ON CONFLICT (run_id, place) DO NOTHING"
    )
    return articles, metrics, places


NAMES = ("article_rollup", "metric_rollup", "toll_places")
BACKFILL = upserts("x.run_id IS NOT NULL")
"""Statements adding every stored row to (empty) rollups: the migration, and bulk loads."""

ON_SAVE = (
    "INSERT INTO article_rollup (run_id, grain_ms, bucket_ms, source, n, killed, wounded) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, grain_ms, bucket_ms, source) "
    "DO UPDATE SET n = article_rollup.n + excluded.n, "
    "killed = article_rollup.killed + excluded.killed, "
    "wounded = article_rollup.wounded + excluded.wounded",
    "INSERT INTO metric_rollup (run_id, grain_ms, bucket_ms, family, kind, scope, total, n) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (run_id, grain_ms, bucket_ms, family, kind, scope) "
    "DO UPDATE SET total = metric_rollup.total + excluded.total, "
    "n = metric_rollup.n + excluded.n",
    "INSERT INTO toll_places (run_id, place) VALUES (?, ?) ON CONFLICT (run_id, place) DO NOTHING",
)
"""Statements adding pre-summed rows to the rollups, in the order of :func:`deltas`' lists."""

#: What :func:`deltas` reads of a new article: ``(run_id, source, event_ms, killed, wounded)``.
ArticleFacts = tuple[str, str, int, int, int]
#: ... and of each of its metrics: ``(run_id, family, kind, scope, value, event_ms, place)``.
MetricFacts = tuple[str, str, str, "str | None", int, int, "str | None"]


def bucket(event_ms: int, grain_ms: int) -> int:
    """The start of ``event_ms``'s bucket as SQL computes it (integer division truncates
    toward zero, so a negative time lands in the bucket above it)."""
    whole = abs(event_ms) // grain_ms * grain_ms
    return whole if event_ms >= 0 else -whole


def deltas(
    new_articles: Iterable[ArticleFacts], new_metrics: Iterable[MetricFacts]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """What newly stored rows add to each rollup: one parameter row of :data:`ON_SAVE`'s
    statement per rollup key (sorted, so concurrent writers lock keys in one order).

    Equal to running :func:`upserts` for each new article; rows of one batch that share
    a key are summed here first, so a batch costs one upsert per key, not per article.
    """
    per_source: dict[tuple[Any, ...], list[int]] = {}
    for run_id, source, event_ms, killed, wounded in new_articles:
        have = per_source.setdefault((run_id, event_ms, source), [0, 0, 0])
        have[0] += 1
        have[1] += killed
        have[2] += wounded
    per_kind: dict[tuple[Any, ...], list[int]] = {}
    places: set[tuple[str, str]] = set()
    for run_id, family, kind, scope, value, event_ms, place in new_metrics:
        have = per_kind.setdefault((run_id, event_ms, family, kind, scope or ""), [0, 0])
        have[0] += value
        have[1] += 1
        if place is not None and (family, kind, scope) == _TOLL_KEY:
            places.add((run_id, place))
    return _per_grain(per_source), _per_grain(per_kind), sorted(places)


def _per_grain(per_moment: dict[tuple[Any, ...], list[int]]) -> list[tuple[Any, ...]]:
    """Sums keyed ``(run_id, event_ms, *rest)`` as sorted rows ``(run_id, grain_ms,
    bucket_ms, *rest, *sums)``, one per grain and bucket (the rows of one moment are summed
    first: an article's metrics share its time)."""
    summed: dict[tuple[Any, ...], list[int]] = {}
    moments: dict[int, tuple[tuple[int, int], ...]] = {}  # event_ms -> (grain, bucket) each
    for key, sums in per_moment.items():
        event_ms = key[1]
        places = moments.get(event_ms)
        if places is None:
            places = moments[event_ms] = tuple((g, bucket(event_ms, g)) for g in GRAINS)
        for place in places:
            grained = (key[0], *place, *key[2:])
            have = summed.get(grained)
            if have is None:
                summed[grained] = sums
            else:
                summed[grained] = [a + b for a, b in zip(have, sums, strict=True)]
    return [(*key, *sums) for key, sums in sorted(summed.items())]


_RAW = {
    "metrics": "SELECT {key}family, kind, COALESCE(scope, ''), SUM(value), COUNT(*) FROM metrics "
    "WHERE run_id = ? AND event_ms >= ? AND event_ms < ? AND {where} GROUP BY {groups}",
    "articles": "SELECT {key}source, COUNT(*), SUM(killed), SUM(wounded) FROM articles "
    "WHERE run_id = ? AND event_ms >= ? AND event_ms < ? AND {where} GROUP BY {groups}",
}
_ROLLED = {
    "metrics": "SELECT {key}family, kind, scope, SUM(total), SUM(n) FROM metric_rollup "
    "WHERE run_id = ? AND grain_ms = ? AND bucket_ms >= ? AND bucket_ms < ? AND {where} "
    "GROUP BY {groups}",
    "articles": "SELECT {key}source, SUM(n), SUM(killed), SUM(wounded) FROM article_rollup "
    "WHERE run_id = ? AND grain_ms = ? AND bucket_ms >= ? AND bucket_ms < ? AND {where} "
    "GROUP BY {groups}",
}
_KEYS = {"metrics": 3, "articles": 1}
_NEGOTIATION = "family = 'negotiation'"

Piece = tuple[int, int, int]
Totals = dict[tuple[Any, ...], list[int]]


def pieces(start_ms: int, end_ms: int, bucket_ms: int | None = None) -> list[Piece]:
    """Split ``[start_ms, end_ms)`` into ``(grain_ms, lo, hi)``; grain 0 means raw rows.

    A grain serves only if every bucket of ``bucket_ms`` is made of whole grains.
    Negative times are left to raw rows (SQL division truncates toward zero).
    """
    usable = tuple(g for g in GRAINS if bucket_ms is None or bucket_ms % g == 0)
    return _split(start_ms, end_ms, usable if start_ms >= 0 else ())


def _split(start: int, end: int, grains: tuple[int, ...]) -> list[Piece]:
    if start >= end:
        return []
    for i, grain in enumerate(grains):
        lo, hi = -(-start // grain) * grain, end // grain * grain
        if lo < hi:
            finer = grains[i + 1 :]
            return [*_split(start, lo, finer), (grain, lo, hi), *_split(hi, end, finer)]
    return [(0, start, end)]


def totals(
    store: SqlStore,
    table: str,
    window: tuple[str, int, int],
    bucket_ms: int | None = None,
    where: str = "1 = 1",
    params: tuple[Any, ...] = (),
) -> Totals:
    """Sums over ``window`` = ``(run_id, start_ms, end_ms)``, from rollups where they serve.

    ``table`` is ``"metrics"`` (key ``family, kind, scope``; values ``[total, n]``) or
    ``"articles"`` (key ``source``; values ``[n, killed, wounded]``). With ``bucket_ms`` the
    key starts with the bucket start. ``where`` may test ``family`` and ``kind`` only
    (columns of both the raw table and its rollup); it is trusted SQL with ``?`` for
    ``params``.
    """
    run_id, start_ms, end_ms = window
    keys = _KEYS[table] + (bucket_ms is not None)
    groups = ", ".join(str(i) for i in range(1, keys + 1))
    head = () if bucket_ms is None else (bucket_ms, bucket_ms)
    key = "" if bucket_ms is None else "({} / ?) * ?, "
    raw = _RAW[table].format(key=key.format("event_ms"), where=where, groups=groups)
    rolled = _ROLLED[table].format(key=key.format("bucket_ms"), where=where, groups=groups)
    found: Totals = {}
    for grain, lo, hi in pieces(start_ms, end_ms, bucket_ms):
        if grain:
            rows = store._fetch(rolled, (*head, run_id, grain, lo, hi, *params))
        else:
            rows = store._fetch(raw, (*head, run_id, lo, hi, *params))
        for row in rows:
            _add(found, tuple(row[:keys]), row[keys:])
    return found


def _add(found: Totals, key: tuple[Any, ...], values: tuple[Any, ...]) -> None:
    have = found.setdefault(key, [0] * len(values))
    for i, value in enumerate(values):
        have[i] += int(value or 0)


def overview(store: SqlStore, run_id: str, start_ms: int, end_ms: int) -> dict[str, Any]:
    """Headline figures of one window: articles, incident casualties, negotiation activity."""
    window = (run_id, start_ms, end_ms)
    by_source = totals(store, "articles", window)
    articles, killed, wounded = (sum(v[i] for v in by_source.values()) for i in range(3))
    sums = totals(store, "metrics", window, where=_NEGOTIATION)
    events = sum(n for (_, n) in sums.values())
    minutes = max(end_ms - start_ms, 1) / MINUTE_MS
    return {
        "articles": articles,
        "sources": len(by_source),
        "articles_per_min": articles / minutes,
        "killed": killed,
        "wounded": wounded,
        "negotiation_events": events,
    }


def timeseries(
    store: SqlStore, run_id: str, start_ms: int, end_ms: int, bucket_ms: int
) -> list[dict[str, Any]]:
    """Long-form ``{bucket_ms, series, value}`` rows: articles, killed, wounded, negotiations."""
    window = (run_id, start_ms, end_ms)
    counted: dict[tuple[int, str], int] = {}
    for (b, _), values in totals(store, "articles", window, bucket_ms).items():
        for series, value in zip(("articles", "killed", "wounded"), values, strict=True):
            counted[(b, series)] = counted.get((b, series), 0) + value
    for (b, *_), (_, n) in totals(store, "metrics", window, bucket_ms, _NEGOTIATION).items():
        counted[(b, "negotiations")] = counted.get((b, "negotiations"), 0) + n
    order = {s: i for i, s in enumerate(("articles", "killed", "wounded", "negotiations"))}
    ranked = sorted(counted.items(), key=lambda item: (order[item[0][1]], item[0][0]))
    return [{"bucket_ms": int(b), "series": s, "value": v} for (b, s), v in ranked]


def top_entities(
    store: SqlStore,
    run_id: str,
    start_ms: int,
    end_ms: int,
    categories: tuple[str, ...] = ("actor", "location"),
    limit: int = 10,
) -> dict[str, list[dict[str, Any]]]:
    """Per category, the most mentioned names: ``{name, mentions}``, most first."""
    found: dict[str, list[dict[str, Any]]] = {c: [] for c in categories}
    if not categories:
        return found
    likes = " OR ".join("kind LIKE ?" for _ in categories)
    sums = totals(
        store, "metrics", (run_id, start_ms, end_ms),
        where=f"family = 'signal' AND ({likes})", params=tuple(f"{c}:%" for c in categories),
    )  # fmt: skip
    mentions: dict[str, int] = {}
    for (_, kind, _), (_, n) in sums.items():
        mentions[kind] = mentions.get(kind, 0) + n
    for kind, n in mentions.items():
        category, _, name = kind.partition(":")
        found[category].append({"name": name, "mentions": n})
    for names in found.values():
        names.sort(key=lambda r: (-r["mentions"], r["name"]))
        del names[limit:]
    return found


def rebuild(store: SqlStore) -> None:
    """Empty the rollups and rebuild them from every stored row (after a bulk load)."""
    with store.transaction() as cur:
        for table in NAMES:
            cur.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed table names
        for statement in BACKFILL:
            cur.execute(store._sql(statement), ())
