"""The run list every dashboard page reads (a loose index scan), on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.integration.test_store_backends import (  # noqa: F401  # fixtures
    WHEN,
    _toll,
    backend,
)
from wirewatch.store import SqlStore, queries
from wirewatch.store.sql import to_ms


def test_runs_count_and_span_each_run(backend: SqlStore) -> None:  # noqa: F811
    assert queries.runs(backend) == []
    for n, at_s, run_id in ((1, 0, "replay-a"), (2, 90_000, "live"), (3, 10, "replay-a"),
                            (4, 5, "live"), (5, 7, "a-first")):  # fmt: skip
        assert backend.save(_toll(n, "Gaza", at_s, run_id=run_id))
    assert not backend.save(_toll(3, "Gaza", 10, run_id="replay-a"))  # redelivered: once
    start = to_ms(WHEN)
    found = [(r["run_id"], r["articles"], r["first_ms"] - start, r["last_ms"] - start)
             for r in queries.runs(backend)]  # fmt: skip
    assert found == [("live", 2, 5_000, 90_000_000), ("replay-a", 2, 0, 10_000),
                     ("a-first", 1, 7_000, 7_000)]  # fmt: skip
