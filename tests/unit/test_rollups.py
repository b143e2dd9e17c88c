"""Rollup-backed aggregates equal the same aggregates computed directly from raw rows.

A seeded random store (articles saved through ``SqlStore.save``, so rollups are kept on
write) is read through :mod:`wirewatch.store.queries` for windows that are aligned,
ragged, tiny, empty and wider than the data, with every bucket size the dashboard
offers plus sizes no rollup grain can serve; the answers are compared with plain
Python over ``SELECT``-ed raw rows.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.dashboard.sample import article
from tests.support.sql import query
from wirewatch.metrics import (
    ArticleMetrics,
    Casualty,
    Evidence,
    Extraction,
    Negotiation,
    Signal,
    Summary,
)
from wirewatch.store import SqlStore, open_store, queries, rollups
from wirewatch.store import sql as store_sql
from wirewatch.store.migrations import MIGRATIONS
from wirewatch.store.sql import to_ms

BASE = datetime(2025, 3, 1, 12, 34, 56, 789_000, tzinfo=UTC)
T0 = to_ms(BASE)
MIN, HOUR, DAY = rollups.MINUTE_MS, rollups.HOUR_MS, rollups.DAY_MS
SPAN = 3 * DAY
RUNS = ("live", "replay-1")
PLACES = ("Gaza", "Rafah", "", None)
NAMES = ("actor:Qatar", "actor:Egypt", "location:Gaza", "location:Doha", "military:airstrike")
EV = Evidence("Synthetic sentence.", 0, 19, 0, 9)
WINDOWS = [
    (T0 - SPAN, T0 + 1),  # everything, ragged ends
    (T0 - DAY, T0),  # the dashboard's "last day"
    (T0 - 7 * DAY, T0 + DAY),  # wider than the data
    ((T0 - DAY) // DAY * DAY, T0 // DAY * DAY),  # whole days
    ((T0 - 5 * HOUR) // HOUR * HOUR, T0 // HOUR * HOUR + 17),  # whole hours, one ragged end
    (T0 - 2 * HOUR - 123, T0 - 2 * HOUR + 45 * MIN),  # minutes and raw edges
    (T0 - 2 * HOUR - 50_000, T0 - 2 * HOUR - 20_000),  # under a minute: raw rows only
    (T0 + DAY, T0 + 2 * DAY),  # empty
]
BUCKETS = [MIN, 5 * MIN, 15 * MIN, HOUR, 6 * HOUR, DAY, 2 * DAY, 30_000, 90_000, 7 * 13_000]


def random_article(rng: random.Random, n: int) -> ArticleMetrics:
    """One article at a random (often minute-, hour- or day-aligned) moment."""
    if rng.random() < 0.2:  # a burst around one moment: sub-minute windows hold rows too
        at = T0 - 2 * HOUR + rng.randrange(-50_000, 50_000)
    else:
        at = T0 - rng.randrange(SPAN)
        at = rng.choice(
            (at, at // MIN * MIN, at // HOUR * HOUR, at // DAY * DAY, at - at % MIN - 1)
        )
    casualties = tuple(
        Casualty(
            rng.choice(("killed", "wounded", "missing")),
            count := rng.randint(0, 40) if rng.random() < 0.7 else rng.randint(1000, 40_000),
            count,
            count,
            False,
            rng.choice(("incident", "incident", "cumulative", "unspecified")),
            EV,
            where=rng.choice(PLACES),
            authority=rng.choice((None, "ministry")),
        )  # fmt: skip
        for _ in range(rng.randint(0, 3))
    )
    talks = tuple(
        Negotiation(rng.choice(("talks_resumed", "vote_postponed")), EV, ("A",), ("B",))
        for _ in range(rng.randint(0, 2))
    )
    signals = tuple(_signal(rng.choice(NAMES)) for _ in range(rng.randint(0, 4)))
    moment = datetime.fromtimestamp(at / 1000, UTC)
    return article(
        f"Body {n}.", moment, title=f"Title {n}", source=rng.choice(("AP", "AFP", "BBC", "x")),
        run_id=rng.choice(RUNS),
        extraction=Extraction(casualties, talks, signals, _summary(rng)),
    )  # fmt: skip


def _summary(rng: random.Random) -> Summary:
    """Per-article figures, deliberately independent of the mentions: the overview sums these."""
    return Summary(killed=rng.randint(0, 60), wounded=rng.choice((0, rng.randint(1, 90))))


def _signal(kind: str) -> Signal:
    category, _, name = kind.partition(":")
    return Signal(category, name, EV)


def fill_random(store: SqlStore, count: int = 400, seed: int = 11) -> None:
    rng = random.Random(seed)
    for n in range(count):
        assert store.save(random_article(rng, n))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('r') / 'r.db'}")
    fill_random(opened)
    yield opened
    opened.close()


class Raw:
    """The overview aggregates, computed in Python from every raw row of one run."""

    def __init__(self, store: SqlStore, run_id: str) -> None:
        self.articles = query(
            store,
            "SELECT event_ms, source, killed, wounded FROM articles WHERE run_id = ?",
            (run_id,),
        )
        self.metrics = query(
            store,
            "SELECT event_ms, family, kind, value, scope, place FROM metrics WHERE run_id = ?",
            (run_id,),
        )
        self.tolls = query(
            store,
            "SELECT event_ms, COALESCE(place, ''), value FROM metrics WHERE run_id = ? "
            "AND family = 'casualty' AND kind = 'killed' AND scope = 'cumulative'",
            (run_id,),
        )

    def _in(self, rows: list[Any], start: int, end: int) -> list[Any]:
        return [r for r in rows if start <= r[0] < end]

    def overview(self, start: int, end: int) -> dict[str, Any]:
        arts, mets = self._in(self.articles, start, end), self._in(self.metrics, start, end)
        return {
            "articles": len(arts),
            "sources": len({source for _, source, _, _ in arts}),
            "articles_per_min": len(arts) / (max(end - start, 1) / MIN),
            "killed": sum(killed for *_, killed, _ in arts),
            "wounded": sum(wounded for *_, wounded in arts),
            "negotiation_events": sum(1 for m in mets if m[1] == "negotiation"),
        }

    def timeseries(self, start: int, end: int, bucket: int) -> dict[tuple[int, str], int]:
        found: Counter[tuple[int, str]] = Counter()
        for at, _, killed, wounded in self._in(self.articles, start, end):
            key = at // bucket * bucket
            found[(key, "articles")] += 1
            found[(key, "killed")] += killed  # adds the key even for a count of 0
            found[(key, "wounded")] += wounded
        for at, family, *_ in self._in(self.metrics, start, end):
            if family == "negotiation":
                found[(at // bucket * bucket, "negotiations")] += 1
        return dict(found)

    def entities(self, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
        counted = Counter(m[2] for m in self._in(self.metrics, start, end) if m[1] == "signal")
        found: dict[str, list[dict[str, Any]]] = {"actor": [], "location": []}
        for kind, n in counted.items():
            category, _, name = kind.partition(":")
            if category in found:
                found[category].append({"name": name, "mentions": n})
        for names in found.values():
            names.sort(key=lambda r: (-r["mentions"], r["name"]))
        return found

    def tolls_before(self, end: int) -> dict[str, tuple[int, int]]:
        latest: dict[str, tuple[int, int]] = {}
        for at, place, value in self.tolls:
            if at < end:
                latest[place] = max(latest.get(place, (at, value)), (at, value))
        return latest


def test_random_rows_reach_every_kind_of_window(store: SqlStore) -> None:
    raw = Raw(store, "live")
    counts = [raw.overview(start, end)["articles"] for start, end in WINDOWS]
    assert all(n >= 5 for n in counts[:-1]), counts
    assert counts[-1] == 0


def test_pieces_cover_the_window_with_aligned_grains() -> None:
    for start, end in WINDOWS:
        for bucket in [None, *BUCKETS]:
            found = rollups.pieces(start, end, bucket)
            assert [lo for _, lo, _ in found] == [start, *(hi for _, _, hi in found[:-1])]
            assert found[-1][2] == end if found else start >= end
            for grain, lo, hi in found:
                assert grain == 0 or (lo % grain == hi % grain == 0 and lo < hi)
                assert grain == 0 or bucket is None or bucket % grain == 0


def test_pieces_prefer_the_coarsest_grain() -> None:
    start, end = T0 - 2 * DAY, T0
    grains = [g for g, _, _ in rollups.pieces(start, end)]
    assert grains == [0, MIN, HOUR, DAY, HOUR, MIN, 0]
    assert rollups.pieces(start, end, 30_000) == [(0, start, end)]
    assert rollups.pieces(-5 * MIN, 5 * MIN) == [(0, -5 * MIN, 5 * MIN)]


@pytest.mark.parametrize("run_id", RUNS)
@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_window_figures_equal_raw_rows(store: SqlStore, run_id: str, start: int, end: int) -> None:
    raw = Raw(store, run_id)
    assert queries.overview(store, run_id, start, end) == raw.overview(start, end)
    top = queries.top_entities(store, run_id, start, end, limit=100)
    assert top == raw.entities(start, end)
    for bucket in BUCKETS:
        rows = queries.timeseries(store, run_id, start, end, bucket)
        got = {(r["bucket_ms"], r["series"]): r["value"] for r in rows}
        assert len(got) == len(rows)
        assert got == raw.timeseries(start, end, bucket), bucket


@pytest.mark.parametrize("run_id", RUNS)
def test_latest_tolls_equal_raw_rows(store: SqlStore, run_id: str) -> None:
    raw = Raw(store, run_id)
    assert len(raw.tolls) > 10
    for end in (T0 - SPAN, T0 - DAY - 7, T0 - 3 * HOUR, T0 + 1):
        found = queries.latest_tolls(store, run_id, end)
        got = {t["place"]: (t["event_ms"], t["value"]) for t in found}
        assert got == raw.tolls_before(end)
        assert [t["value"] for t in found] == sorted((t["value"] for t in found), reverse=True)


def _snapshot(store: SqlStore) -> dict[str, list[Any]]:
    return {
        table: sorted(query(store, f"SELECT * FROM {table}"))  # noqa: S608  # fixed table names
        for table in rollups.NAMES
    }


def test_backfill_rebuilds_what_save_kept(store: SqlStore) -> None:
    kept = _snapshot(store)
    assert all(kept.values())
    rollups.rebuild(store)
    assert _snapshot(store) == kept


def test_migration_backfills_a_store_written_before_rollups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = MIGRATIONS.index((*rollups.TABLES, *rollups.BACKFILL)) + 1
    monkeypatch.setattr(store_sql, "MIGRATIONS", MIGRATIONS[: version - 1])
    monkeypatch.setattr(rollups, "ON_SAVE", ())  # the save of a store before rollups
    old = open_store(f"sqlite:///{tmp_path / 'old.db'}")
    fill_random(old, count=120, seed=5)
    assert query(old, "SELECT name FROM sqlite_master WHERE name = 'metric_rollup'") == []
    monkeypatch.undo()
    assert old.migrate() == len(MIGRATIONS) - version + 1
    raw = Raw(old, "live")
    start, end = T0 - SPAN, T0 + 1
    assert queries.overview(old, "live", start, end) == raw.overview(start, end)
    assert raw.overview(start, end)["articles"] > 30
    rows = queries.timeseries(old, "live", start, end, HOUR)
    assert {(r["bucket_ms"], r["series"]): r["value"] for r in rows} == raw.timeseries(
        start, end, HOUR
    )
    got = {t["place"]: (t["event_ms"], t["value"]) for t in queries.latest_tolls(old, "live", end)}
    assert got == raw.tolls_before(end)
    old.close()


def test_every_moment_lands_in_one_bucket_per_grain(store: SqlStore) -> None:
    per_grain = query(
        store, "SELECT grain_ms, SUM(n) FROM article_rollup GROUP BY grain_ms ORDER BY grain_ms"
    )
    assert per_grain == [(grain, store.count("articles")) for grain in sorted(rollups.GRAINS)]
    metrics = query(store, "SELECT grain_ms, SUM(n) FROM metric_rollup GROUP BY grain_ms")
    assert set(metrics) == {(grain, store.count("metrics")) for grain in rollups.GRAINS}
