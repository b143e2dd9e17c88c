"""SQLite backend: the embedded default, one file, WAL mode, no server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wirewatch.errors import StoreError
from wirewatch.store.sql import SqlStore

#: Seconds a write waits for another writer's lock before the store counts as unavailable.
BUSY_TIMEOUT = 5.0


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` URL."""
    path = url.removeprefix("sqlite:").removeprefix("//").removeprefix("/")
    if url.startswith("sqlite:////"):
        path = "/" + path.lstrip("/")
    if not path:
        msg = f"SQLite URL names no file: {url!r}"
        raise StoreError(msg)
    return Path(path)


class SqliteStore(SqlStore):
    """The store in one SQLite file, safe for several processes (WAL, busy timeout)."""

    @classmethod
    def open(cls, url: str) -> SqliteStore:
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as exc:
            msg = f"cannot open SQLite store {path}: {exc}"
            raise StoreError(msg) from exc
        store = cls(conn)
        store.migrate()
        return store

    def is_outage(self, exc: BaseException) -> bool:
        """Locked, busy, full, I/O error, cannot open: SQLite reports them as OperationalError."""
        return isinstance(exc, sqlite3.OperationalError) or super().is_outage(exc)
