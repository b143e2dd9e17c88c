"""The SQLite store: migrations, idempotent writes, dead letters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.support.factories import WHEN, article, extraction, metrics
from tests.support.sql import query
from wirewatch.errors import ConfigError
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import DeadLetter, SqlStore, open_store, rollups
from wirewatch.store.migrations import MIGRATIONS
from wirewatch.store.sqlite import sqlite_path


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'm.db'}")


def test_migrations_run_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    first = open_store(url)
    assert first.schema_version == len(MIGRATIONS)
    assert first.migrate() == 0
    first.close()
    again = open_store(url)
    assert again.schema_version == len(MIGRATIONS)
    assert query(again, "PRAGMA journal_mode")[0][0] == "wal"


def test_save_writes_article_and_every_metric(db: SqlStore) -> None:
    assert db.save(metrics(1))
    assert db.count("articles") == 1
    rows = query(db, "SELECT family, kind, value, sentence, match_start, match_end FROM metrics")
    assert sorted(row[:3] for row in rows) == [
        ("casualty", "killed", 3),
        ("negotiation", "talks_held", 1),
        ("signal", "military:airstrike", 1),
    ]
    for _, _, _, sentence, start, end in rows:
        assert 0 <= start < end <= len(sentence)


def test_saving_twice_counts_once(db: SqlStore) -> None:
    assert db.save(metrics(1))
    assert not db.save(metrics(1))
    assert db.count("articles") == 1
    assert db.count("metrics") == 3


def test_runs_are_kept_apart(db: SqlStore) -> None:
    live = metrics(1)
    replay = ArticleMetrics(live.article.with_run("replay-a"), extraction(), WHEN)
    assert db.save(live)
    assert db.save(replay)
    assert db.count("articles", run_id="replay-a") == 1
    assert db.count("metrics", run_id="live") == 3


def test_event_time_falls_back_to_ingest_time(db: SqlStore) -> None:
    db.save(ArticleMetrics(article(2, published_at=None), extraction(), WHEN))
    assert query(db, "SELECT event_ms, ingested_ms FROM articles")[0] == (
        int(WHEN.timestamp() * 1000),
        int(WHEN.timestamp() * 1000),
    )


def test_dead_letters_are_recorded_once_per_offset(db: SqlStore) -> None:
    letter = DeadLetter("articles", 0, 7, "not JSON", b"\xff", WHEN)
    assert db.save_dead_letter(letter)
    assert not db.save_dead_letter(letter)
    assert query(db, "SELECT reason, payload FROM dead_letters") == [("not JSON", b"\xff")]


def test_a_failed_transaction_leaves_nothing(db: SqlStore) -> None:
    with pytest.raises(RuntimeError), db.transaction() as cur:
        cur.execute("INSERT INTO schema_migrations VALUES (99)")
        raise RuntimeError
    assert db.schema_version == len(MIGRATIONS)


def test_save_keeps_rollups_in_the_same_transaction(
    db: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert db.save(metrics(1))
    per_grain = "SELECT grain_ms, SUM(n) FROM article_rollup GROUP BY grain_ms"
    assert {n for _, n in query(db, per_grain)} == {1}
    broken = ("INSERT INTO no_such_table VALUES (?, ?, ?, ?, ?, ?, ?)", *rollups.ON_SAVE[1:])
    monkeypatch.setattr(rollups, "ON_SAVE", broken)
    with pytest.raises(sqlite3.OperationalError):
        db.save(metrics(2))
    assert db.count("articles") == 1
    assert db.count("metrics") == 3
    assert {n for _, n in query(db, per_grain)} == {1}


@pytest.mark.parametrize(
    ("url", "path"),
    [("sqlite:///rel/m.db", "rel/m.db"), ("sqlite:////abs/m.db", "/abs/m.db")],
)
def test_sqlite_urls(url: str, path: str) -> None:
    assert str(sqlite_path(url)) == path


def test_unknown_store_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unsupported store URL"):
        open_store("mysql://nope")


def test_rows_split_over_several_statements_store_the_same(db: SqlStore, tmp_path: Path) -> None:
    batch = [metrics(n) for n in (1, 2, 1, 3, 2, 4)]  # repeats within the batch
    expected = [True, True, False, True, False, True]
    assert db.save_all(batch) == expected
    small = open_store(f"sqlite:///{tmp_path / 'small.db'}")
    assert db.max_params >= 999
    small.max_params = 40  # two article rows a statement, one metric row
    assert small.save_all(batch) == expected
    for table in ("articles", "metrics", *rollups.NAMES):
        everything = f"SELECT * FROM {table}"  # noqa: S608  # fixed names
        assert sorted(query(small, everything)) == sorted(query(db, everything))
    assert small.save_all(batch[:2]) == [False, False]
