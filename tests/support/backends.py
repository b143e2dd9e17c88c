"""Stores on every backend for the store contracts: SQLite, and one real PostgreSQL.

``postgres_url`` (session scope, registered in ``tests/conftest.py``) is one server for the
whole run: ``WIREWATCH_TEST_POSTGRES_URL`` when set, else a temporary server from the
PostgreSQL binaries here, else the PostgreSQL half of each test is skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tests import pg
from wirewatch.store import SqlStore, open_store

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if os.environ.get(pg.ENV_URL):
        yield os.environ[pg.ENV_URL]
        return
    if pg.find_bin() is None:
        pytest.skip("no PostgreSQL server binaries here (apt-get install postgresql)")
    pytest.importorskip("psycopg", reason="pip install 'wirewatch[postgres]'")
    with pg.temporary_server() as url:
        yield url


def open_backend(request: pytest.FixtureRequest, tmp_path: Path, tables: Iterable[str]) -> SqlStore:
    """A store on ``request.param``'s backend with ``tables`` emptied (the server is shared)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    store = open_store(url)
    with store.transaction() as cur:
        for table in tables:
            cur.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed table names
    return store
