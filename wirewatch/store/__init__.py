"""The metrics store: one small interface, SQLite embedded by default, PostgreSQL to scale.

``open_store(url)`` picks the backend from the URL scheme (``sqlite:///path`` or
``postgresql://...``). Both speak the same portable SQL in :mod:`wirewatch.store.sql`.
"""

from __future__ import annotations

from wirewatch.errors import ConfigError
from wirewatch.store.sql import DeadLetter, SqlStore


def open_store(url: str) -> SqlStore:
    """Open (and migrate) the store at ``url``."""
    if url.startswith("sqlite:"):
        from wirewatch.store.sqlite import SqliteStore

        return SqliteStore.open(url)
    if url.startswith(("postgresql:", "postgres:")):
        from wirewatch.store.postgres import PostgresStore

        return PostgresStore.open(url)
    msg = f"unsupported store URL {url!r}: use sqlite:///path.db or postgresql://..."
    raise ConfigError(msg)


__all__ = ["DeadLetter", "SqlStore", "open_store"]
