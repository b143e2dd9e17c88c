"""The store contract, run against every backend: SQLite and a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pg
from tests.support.factories import WHEN, extraction, metrics
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import DeadLetter, SqlStore, open_store
from wirewatch.store.schema import MIGRATIONS


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if os.environ.get(pg.ENV_URL):
        yield os.environ[pg.ENV_URL]
        return
    if pg.find_bin() is None:
        pytest.skip("no PostgreSQL server binaries here (apt-get install postgresql)")
    pytest.importorskip("psycopg", reason="pip install 'wirewatch[postgres]'")
    with pg.temporary_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'm.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    store = open_store(url)
    _reset(store)
    yield store
    store.close()


def _reset(store: SqlStore) -> None:
    with store.transaction() as cur:
        for table in ("metrics", "articles", "dead_letters"):
            cur.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed table names


def test_migrations_are_applied_once(backend: SqlStore) -> None:
    assert backend.schema_version == len(MIGRATIONS)
    assert backend.migrate() == 0


def test_writes_are_idempotent(backend: SqlStore) -> None:
    assert backend.save(metrics(1))
    assert not backend.save(metrics(1))
    assert backend.save(ArticleMetrics(metrics(1).article.with_run("replay"), extraction(), WHEN))
    assert backend.count("articles") == 2
    assert backend.count("metrics", "run_id = ?", ["live"]) == 3


def test_reads_use_portable_placeholders(backend: SqlStore) -> None:
    for n in range(4):
        backend.save(metrics(n))
    rows = backend.fetch(
        "SELECT kind, SUM(value) FROM metrics WHERE family = ? AND run_id = ? GROUP BY kind",
        ("casualty", "live"),
    )
    assert rows == [("killed", 12)]
    bucket = 3_600_000
    (row,) = backend.fetch(
        "SELECT (event_ms / ?) * ?, COUNT(*) FROM articles GROUP BY 1", (bucket, bucket)
    )
    assert row == (int(WHEN.timestamp() * 1000) // bucket * bucket, 4)


def test_dead_letters_keep_their_bytes(backend: SqlStore) -> None:
    letter = DeadLetter("articles", 2, 41, "not valid JSON", b"\x00\xff{", WHEN)
    assert backend.save_dead_letter(letter)
    assert not backend.save_dead_letter(letter)
    assert [tuple(r) for r in backend.fetch("SELECT reason, payload FROM dead_letters")] == [
        ("not valid JSON", b"\x00\xff{")
    ]


def test_literal_percent_signs_survive_placeholder_translation(backend: SqlStore) -> None:
    backend.save(metrics(1))
    rows = backend.fetch("SELECT COUNT(*) FROM articles WHERE title LIKE 'Report%' AND run_id = ?",
                         ("live",))  # fmt: skip
    assert rows == [(1,)]
