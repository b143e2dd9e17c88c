"""The metrics store: one small interface, SQLite embedded by default, PostgreSQL to scale.

``open_store(url)`` picks the backend from the URL scheme (``sqlite:///path`` or
``postgresql://...``). Every SQL statement of the project lives in this package: one module
per table owner holds its DDL beside its named queries (:mod:`.articles`,
:mod:`.dead_letters`, :mod:`.rollups` and :mod:`.queries`, :mod:`.alerts`, :mod:`.incidents`,
:mod:`.feeds`, :mod:`.languages`), :mod:`.schema` orders the DDL into migrations, and both
backends run the same text through :mod:`.dialect`. Callers use the named functions.
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
