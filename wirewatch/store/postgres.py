"""PostgreSQL backend, for deployments that outgrow one machine (``pip install .[postgres]``)."""

from __future__ import annotations

from wirewatch.errors import ConfigError, StoreError
from wirewatch.store.sql import SqlStore


class PostgresStore(SqlStore):
    """The store in PostgreSQL, through psycopg 3."""

    placeholder = "%s"

    @classmethod
    def open(cls, url: str) -> PostgresStore:
        try:
            import psycopg
        except ImportError:
            msg = "the PostgreSQL store needs psycopg: pip install 'wirewatch[postgres]'"
            raise ConfigError(msg) from None
        try:
            conn = psycopg.connect(url.replace("postgres://", "postgresql://", 1))
        except psycopg.Error as exc:
            msg = f"cannot connect to PostgreSQL store: {exc}"
            raise StoreError(msg) from exc
        store = cls(conn)
        store.migrate()
        return store
