"""PostgreSQL backend, for deployments that outgrow one machine (``pip install .[postgres]``)."""

from __future__ import annotations

from wirewatch.errors import ConfigError, StoreError
from wirewatch.store.sql import SqlStore


class PostgresStore(SqlStore):
    """The store in PostgreSQL, through psycopg 3."""

    placeholder = "%s"
    dialect = "postgresql"
    url = ""

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
        store.url = url
        store.migrate()
        return store

    def is_outage(self, exc: BaseException) -> bool:
        """Server down, connection lost or closed: psycopg's Operational and Interface errors."""
        import psycopg

        outage = isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)
        return outage or super().is_outage(exc)

    def recover(self) -> None:
        """Reconnect if the connection was lost (the server restarted)."""
        import psycopg

        if not self._conn.closed and not self._conn.broken:
            return
        try:
            fresh = psycopg.connect(self.url.replace("postgres://", "postgresql://", 1))
        except psycopg.Error as exc:
            msg = f"PostgreSQL store still unreachable: {exc}"
            raise StoreError(msg) from exc
        with self._lock:
            self._conn = fresh
