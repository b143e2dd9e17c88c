"""The store contract, run against every backend: SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.backends import BACKENDS, open_backend
from tests.support.factories import WHEN, article, evidence, extraction, metrics
from tests.support.sql import query
from wirewatch.metrics import ArticleMetrics, Casualty, Extraction
from wirewatch.store import DeadLetter, SqlStore, queries, rollups
from wirewatch.store.migrations import MIGRATIONS
from wirewatch.store.sql import to_ms


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    store = open_backend(request, tmp_path, ("metrics", "articles", "dead_letters", *rollups.NAMES))
    yield store
    store.close()


def test_migrations_are_applied_once(backend: SqlStore) -> None:
    assert backend.schema_version == len(MIGRATIONS)
    assert backend.migrate() == 0


def test_writes_are_idempotent(backend: SqlStore) -> None:
    assert backend.save(metrics(1))
    assert not backend.save(metrics(1))
    assert backend.save(ArticleMetrics(metrics(1).article.with_run("replay"), extraction(), WHEN))
    assert backend.count("articles") == 2
    assert backend.count("metrics", run_id="live") == 3


def test_reads_use_portable_placeholders(backend: SqlStore) -> None:
    for n in range(4):
        backend.save(metrics(n))
    rows = query(
        backend,
        "SELECT kind, SUM(value) FROM metrics WHERE family = ? AND run_id = ? GROUP BY kind",
        ("casualty", "live"),
    )
    assert rows == [("killed", 12)]
    bucket = 3_600_000
    (row,) = query(
        backend, "SELECT (event_ms / ?) * ?, COUNT(*) FROM articles GROUP BY 1", (bucket, bucket)
    )
    assert row == (int(WHEN.timestamp() * 1000) // bucket * bucket, 4)


def test_dead_letters_keep_their_bytes(backend: SqlStore) -> None:
    letter = DeadLetter("articles", 2, 41, "not valid JSON", b"\x00\xff{", WHEN)
    assert backend.save_dead_letter(letter)
    assert not backend.save_dead_letter(letter)
    assert [tuple(r) for r in query(backend, "SELECT reason, payload FROM dead_letters")] == [
        ("not valid JSON", b"\x00\xff{")
    ]


def test_literal_percent_signs_survive_placeholder_translation(backend: SqlStore) -> None:
    backend.save(metrics(1))
    rows = query(backend, "SELECT COUNT(*) FROM articles WHERE title LIKE 'Report%' AND run_id = ?",
                         ("live",))  # fmt: skip
    assert rows == [(1,)]


def _rollups(store: SqlStore) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(query(store, f"SELECT * FROM {table}"))  # noqa: S608  # fixed table names
        for table in rollups.NAMES
    }


def _toll(n: int, place: str | None, at_s: float, run_id: str = "live") -> ArticleMetrics:
    """Article ``n``, ``at_s`` seconds after WHEN: 3 killed (incident) and a toll at ``place``."""
    sentence = "The death toll rose to 1000."
    toll = Casualty("killed", 1000 + n, 1000 + n, 1000 + n, False, "cumulative",
                    evidence(sentence, "death toll"), where=place)  # fmt: skip
    base = extraction(killed=n % 5)
    found = Extraction((*base.casualties, toll), base.negotiations, base.signals, base.summary)
    event = article(n, published_at=WHEN + timedelta(seconds=at_s)).with_run(run_id)
    return ArticleMetrics(event, found, WHEN)


def test_rollups_ignore_a_redelivered_article(backend: SqlStore) -> None:
    assert backend.save(_toll(1, "Gaza", 30.5))
    kept = _rollups(backend)
    assert kept["toll_places"] == [("live", "Gaza")]
    assert not backend.save(_toll(1, "Gaza", 30.5))  # same article, redelivered
    assert _rollups(backend) == kept
    per_grain = query(backend, "SELECT grain_ms, SUM(n) FROM metric_rollup GROUP BY grain_ms")
    assert {(int(g), int(n)) for g, n in per_grain} == {(g, 4) for g in rollups.GRAINS}


def test_rollups_keep_runs_apart(backend: SqlStore) -> None:
    assert backend.save(_toll(1, "Gaza", 0))
    assert backend.save(_toll(1, "Rafah", 0, run_id="replay"))
    assert not backend.save(_toll(1, "Rafah", 0, run_id="replay"))
    start, end = to_ms(WHEN) - 1, to_ms(WHEN) + 1
    for run_id, place in (("live", "Gaza"), ("replay", "Rafah")):
        figures = queries.overview(backend, run_id, start, end)
        assert (figures["articles"], figures["killed"], figures["negotiation_events"]) == (1, 1, 1)
        assert [t["place"] for t in queries.latest_tolls(backend, run_id, end)] == [place]
    assert queries.overview(backend, "other", start, end)["articles"] == 0


def test_rollup_reads_equal_raw_rows(backend: SqlStore) -> None:
    places = ("Gaza", None, "Rafah", "")
    for n in range(40):  # every 1,337.5 s: ragged against minutes, hours and days
        assert backend.save(_toll(n, places[n % 4], n * 1337.5))
    t0 = to_ms(WHEN)
    latest = {"Gaza": 1036, "": 1039, "Rafah": 1038}  # n = 36, 39 (no place beats 37), 38
    earlier = {"Gaza": 1004, "": 1005, "Rafah": 1002}  # n <= 5: n = 5 has no place
    for start, end, tolls in (
        (t0 - 1, t0 + 86_400_000, latest),
        (t0 + 61_001, t0 + 7_777_777, earlier),
    ):
        window = ("live", start, end)
        raw = query(backend,
            "SELECT COUNT(*), COUNT(DISTINCT source) FROM articles "
            "WHERE run_id = ? AND event_ms >= ? AND event_ms < ?", window,
        )[0]  # fmt: skip
        killed = query(
            backend,
            "SELECT COALESCE(SUM(value), 0) FROM metrics WHERE run_id = ? AND event_ms >= ? "
            "AND event_ms < ? AND family = 'casualty' AND scope = 'incident' AND kind = 'killed'",
            window,
        )[0][0]
        figures = queries.overview(backend, *window)
        assert (figures["articles"], figures["sources"], figures["killed"]) == (
            raw[0], raw[1], int(killed)
        )  # fmt: skip
        bucket = 3_600_000
        series = queries.timeseries(backend, *window, bucket)
        per_bucket = query(backend,
            "SELECT (event_ms / ?) * ?, COUNT(*) FROM articles WHERE run_id = ? "
            "AND event_ms >= ? AND event_ms < ? GROUP BY 1", (bucket, bucket, *window),
        )  # fmt: skip
        assert {(r["bucket_ms"], r["value"]) for r in series if r["series"] == "articles"} == {
            (int(b), int(c)) for b, c in per_bucket
        }
        found = queries.latest_tolls(backend, "live", end)
        assert {t["place"]: t["value"] for t in found} == tolls


def test_backfill_rebuilds_what_save_kept(backend: SqlStore) -> None:
    for n in range(12):
        backend.save(_toll(n, ("Gaza", None, "")[n % 3], n * 999.9, ("live", "replay")[n % 2]))
    kept = _rollups(backend)
    rollups.rebuild(backend)
    assert _rollups(backend) == kept
    assert len(kept["metric_rollup"]) > 12
