"""The one dialect layer, and the border it keeps: SQL lives only in ``wirewatch/store``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirewatch.store.dialect import PYFORMAT, QMARK, translate
from wirewatch.store.postgres import PostgresStore
from wirewatch.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("sql", "wanted"),
    [
        ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = %s AND c = %s"),
        ("SELECT a FROM t WHERE b LIKE 'Report%'", "SELECT a FROM t WHERE b LIKE 'Report%%'"),
        ("SELECT '?', ? FROM t", "SELECT '?', %s FROM t"),
        ("SELECT 'it''s?', ?", "SELECT 'it''s?', %s"),
        ('SELECT "odd?name", ?', 'SELECT "odd?name", %s'),
        ("SELECT ? % 7, '100%'", "SELECT %s %% 7, '100%%'"),
        ("SELECT 1", "SELECT 1"),
    ],
)
def test_placeholders_become_pyformat_and_percent_signs_are_escaped(sql: str, wanted: str) -> None:
    assert translate(sql, PYFORMAT) == wanted


def test_sqlite_takes_the_text_as_written() -> None:
    sql = "SELECT '?', ? FROM t WHERE b LIKE 'x%'"
    assert translate(sql, QMARK) == sql


def test_each_backend_translates_through_the_same_layer() -> None:
    sql = "SELECT ? FROM t WHERE b LIKE 'x%'"
    assert SqliteStore(None)._sql(sql) == sql
    assert PostgresStore(None)._sql(sql) == "SELECT %s FROM t WHERE b LIKE 'x%%'"


_SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX))\b"
    r"|\.(_?fetch|_execute|_sql)\(\s*['\"f]|\b_?fetch\(\s*_[A-Z]",
)
_OUTSIDE = ("producers", "consumers", "dashboard", "bench", "wirewatch")


def test_no_sql_outside_the_store_package() -> None:
    """Services, pages, benches and the shared package call named store functions."""
    found = []
    for folder in _OUTSIDE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.is_relative_to(ROOT / "wirewatch" / "store"):
                continue
            for n, line in enumerate(path.read_text().splitlines(), 1):
                if _SQL.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


def test_the_store_has_no_public_raw_query() -> None:
    assert not hasattr(SqliteStore, "fetch")
    assert not hasattr(PostgresStore, "fetch")
