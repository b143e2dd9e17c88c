"""Hostile figures on both backends: 64-bit columns, clamped writes, aggregates that hold."""

from __future__ import annotations

import pytest

from tests.integration.test_store_backends import backend
from tests.support.factories import WHEN, article, extraction
from tests.support.sql import query
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import SqlStore, queries
from wirewatch.store.sql import MAX_COUNT, to_ms

__all__ = ["backend"]  # the fixture, shared with the backend tests

pytestmark = pytest.mark.faults

HOUR = 3_600_000


def test_two_articles_of_5e18_killed_keep_the_overview_and_series_working(
    backend: SqlStore,
) -> None:
    huge = [ArticleMetrics(article(n), extraction(killed=5 * 10**18), WHEN) for n in (1, 2)]
    assert backend.save_all(huge) == [True, True]
    start, end = to_ms(WHEN) - HOUR, to_ms(WHEN) + HOUR
    assert queries.overview(backend, "live", start, end)["killed"] == 2 * MAX_COUNT
    series = queries.timeseries(backend, "live", start, end, 60_000)
    assert [r["value"] for r in series if r["series"] == "killed"] == [2 * MAX_COUNT]


def test_three_billion_fits_a_count_column(backend: SqlStore) -> None:
    """The old INTEGER columns of PostgreSQL refused 3e9 (NumericValueOutOfRange)."""
    big = 3_000_000_000
    row = (
        *("live", "x", 0, "casualty", "killed"),
        big,
        big,
        big,
        0,
        *(None,) * 6,
        0,
        "s",
        0,
        1,
        0,
        1,
    )
    with backend.transaction() as cur:
        cur.execute(
            backend._sql(  # noqa: SLF001
                "INSERT INTO metrics (run_id, article_id, seq, family, kind, value, low, high, "
                "approximate, scope, who, place, authority, as_of, detail, event_ms, sentence, "
                "sent_start, sent_end, match_start, match_end) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            ),
            row,
        )
    assert query(backend, "SELECT value, low, high FROM metrics WHERE article_id = 'x'") == [
        (big, big, big)
    ]
