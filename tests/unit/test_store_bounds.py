"""Counts are bounded at write and 64-bit, so no stored figure breaks an aggregate."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.factories import WHEN, article, extraction
from tests.support.sql import query
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import articles as store_articles
from wirewatch.store import open_store, queries, rollups
from wirewatch.store import sql as store_sql
from wirewatch.store.migrations import BOUNDED_COUNTS, MIGRATIONS, Dialect
from wirewatch.store.sql import MAX_COUNT, bounded, to_ms

HOUR = 3_600_000


def huge(n: int, killed: int = 5 * 10**18) -> ArticleMetrics:
    return ArticleMetrics(article(n), extraction(killed=killed), WHEN)


def test_bounded_clamps_both_ways() -> None:
    assert bounded(2**70) == MAX_COUNT
    assert bounded(-(2**70)) == -MAX_COUNT
    assert bounded(42) == 42
    assert bounded(None) is None


def test_two_articles_of_5e18_do_not_break_the_aggregates(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    assert store.save_all([huge(1), huge(2)]) == [True, True]
    start, end = to_ms(WHEN) - HOUR, to_ms(WHEN) + HOUR
    figures = queries.overview(store, "live", start, end)
    assert (figures["articles"], figures["killed"]) == (2, 2 * MAX_COUNT)
    series = queries.timeseries(store, "live", start, end, HOUR)
    killed = [r["value"] for r in series if r["series"] == "killed"]
    assert killed == [2 * MAX_COUNT]
    assert query(store, "SELECT MAX(value), MAX(low), MAX(high) FROM metrics")[0] == (
        MAX_COUNT,
        MAX_COUNT,
        MAX_COUNT,
    )


def test_the_migration_clamps_old_rows_and_rebuilds_their_rollups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = MIGRATIONS.index(BOUNDED_COUNTS) + 1
    monkeypatch.setattr(store_sql, "MIGRATIONS", MIGRATIONS[: version - 1])
    monkeypatch.setattr(store_articles, "bounded", lambda value: value)  # a store before the bound
    old = open_store(f"sqlite:///{tmp_path / 'old.db'}")
    old.save_all([huge(1, killed=4 * 10**18), huge(2, killed=7)])
    assert query(old, "SELECT MAX(killed) FROM articles")[0][0] == 4 * 10**18
    monkeypatch.undo()
    assert old.migrate() == len(MIGRATIONS) - version + 1
    assert query(old, "SELECT MAX(killed) FROM articles")[0][0] == MAX_COUNT
    start, end = to_ms(WHEN) - HOUR, to_ms(WHEN) + HOUR
    assert queries.overview(old, "live", start, end)["killed"] == MAX_COUNT + 7
    for grain in rollups.GRAINS:
        rolled = query(old, "SELECT SUM(killed) FROM article_rollup WHERE grain_ms = ?", (grain,))
        assert rolled[0][0] == MAX_COUNT + 7
    assert query(old, "SELECT name FROM sqlite_master WHERE name = 'clamped_runs'") == []


def test_postgres_only_statements_widen_every_count_column() -> None:
    widened = " ".join(s.sql for s in BOUNDED_COUNTS if isinstance(s, Dialect))
    for column in ("killed", "wounded", "death_toll", "value", "low", "high"):
        assert f"ALTER COLUMN {column} TYPE BIGINT" in widened
    assert all(s.name == "postgresql" for s in BOUNDED_COUNTS if isinstance(s, Dialect))
