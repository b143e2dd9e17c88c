"""Raw reads for tests that inspect the store's tables directly.

Services, pages and benches call the store's named queries; a test checking exactly what
landed in a table may read it here, in the same portable SQL (``?`` placeholders).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirewatch.store.sql import Row, SqlStore


def query(store: SqlStore, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    """All rows of a read query on ``store``."""
    return store._fetch(sql, params)
