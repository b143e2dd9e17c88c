"""Rollups kept by batched saves equal one-at-a-time saves and the SQL backfill, on both
backends.

``SqlStore.save_all`` sums a batch's new rows per rollup key in Python and upserts each
key once; these tests save the same random stream (repeats within and across batches,
times before 1970, tolls with and without a place) one article at a time and in batches,
and compare every rollup table, the new/duplicate answers, and a rebuild from raw rows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.support.backends import BACKENDS, open_backend
from tests.support.sql import query
from tests.unit.test_rollups import random_article
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import SqlStore, rollups

TABLES = ("metrics", "articles", *rollups.NAMES)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    store = open_backend(request, tmp_path, TABLES)
    yield store
    store.close()


def stream(count: int, seed: int) -> list[ArticleMetrics]:
    """Random articles; some before 1970 (SQL division truncates toward zero there), and
    about one in six repeating an earlier one (a redelivery)."""
    rng = random.Random(seed)
    found: list[ArticleMetrics] = []
    for n in range(count):
        if found and rng.random() < 0.15:
            found.append(rng.choice(found))
            continue
        result = random_article(rng, n)
        if rng.random() < 0.1:
            at = datetime.fromtimestamp(-rng.randrange(1, 3 * 86_400_000) / 1000, UTC)
            result = replace(result, article=replace(result.article, published_at=at))
        found.append(result)
    return found


def batches(results: list[ArticleMetrics], seed: int) -> Iterator[list[ArticleMetrics]]:
    rng = random.Random(seed)
    start = 0
    while start < len(results):
        size = rng.choice((1, 2, 7, 50, 200))
        yield results[start : start + size]
        start += size


def snapshot(store: SqlStore) -> dict[str, list[Any]]:
    return {
        table: sorted(query(store, f"SELECT * FROM {table}"))  # noqa: S608  # fixed names
        for table in rollups.NAMES
    }


def empty(store: SqlStore) -> None:
    with store.transaction() as cur:
        for table in TABLES:
            cur.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed table names


def test_batched_saves_keep_the_rollups_of_single_saves(backend: SqlStore) -> None:
    results = stream(600, seed=3)
    single = [backend.save(result) for result in results]
    one_by_one = snapshot(backend)
    empty(backend)
    batched = [new for batch in batches(results, seed=4) for new in backend.save_all(batch)]
    assert batched == single
    assert single.count(False) > 50
    assert snapshot(backend) == one_by_one
    assert all(one_by_one.values())
    assert any(bucket < 0 for _, _, bucket, *_ in one_by_one["article_rollup"])
    rollups.rebuild(backend)  # the rollups' definition in SQL, over every stored row
    assert snapshot(backend) == one_by_one


def test_a_redelivered_batch_adds_nothing(backend: SqlStore) -> None:
    results = stream(300, seed=8)
    for batch in batches(results, seed=9):
        backend.save_all(batch)
    kept = snapshot(backend)
    assert backend.save_all(results) == [False] * len(results)
    assert snapshot(backend) == kept


def test_bucket_truncates_toward_zero_like_sql() -> None:
    hour = rollups.HOUR_MS
    assert rollups.bucket(hour + 5, hour) == hour
    assert rollups.bucket(hour, hour) == hour
    assert rollups.bucket(-5, hour) == 0
    assert rollups.bucket(-hour - 5, hour) == -hour
