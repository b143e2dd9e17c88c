"""The store interface, shared by the SQLite and PostgreSQL backends.

:class:`SqlStore` owns the connection, transactions, migrations and the write path of
the extractor. Every SQL statement lives in the module of the table owner
(:mod:`.articles`, :mod:`.dead_letters`, :mod:`.rollups`, :mod:`.alerts`, :mod:`.incidents`,
:mod:`.feeds`, ...) beside that owner's DDL; services and pages call those named
functions. :meth:`SqlStore._fetch` and :meth:`SqlStore._execute` are for those modules
only, and run every statement through the one dialect layer (:mod:`.dialect`).

Writes are idempotent: an article is keyed by ``(run_id, article_id)`` and its
metrics by ``(run_id, article_id, seq)``; a redelivered or republished article
changes nothing and :meth:`SqlStore.save` reports it as a duplicate. New articles
also add themselves to the rollups (:mod:`wirewatch.store.rollups`) in the same
transaction (one upsert per rollup key of a batch), so the rollups count every stored
article exactly once.

Counts are bounded at write: a figure above :data:`MAX_COUNT` is stored as
``MAX_COUNT`` (the extractor dead-letters such articles before they get here; this
keeps any other writer from storing a value whose sums overflow 64 bits).
:meth:`SqlStore.is_outage` tells a store that is down (locked, full, unreachable:
retry later) from one that refused a record (dead-letter it).
"""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from itertools import chain
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import articles, dead_letters, rollups
from wirewatch.store.dead_letters import DeadLetter
from wirewatch.store.dialect import QMARK, translate
from wirewatch.store.migrations import MIGRATIONS, Dialect
from wirewatch.store.values import MAX_COUNT, Row, bounded, to_ms

__all__ = ["MAX_COUNT", "DeadLetter", "Row", "SqlStore", "StoreOutageError", "bounded", "to_ms"]
_TABLE = re.compile(r"[a-z_]+")
_ARTICLE_FACTS = articles.columns("run_id source event_ms killed wounded", articles.ARTICLE_COLUMNS)
_METRIC_FACTS = articles.columns(
    "run_id family kind scope value event_ms place", articles.METRIC_COLUMNS
)


#: Most parameters bound to one statement when the backend does not say (SQLite before
#: 3.32 allows 999); a SQLite connection tells its own limit (32,766 since 3.32).
MAX_PARAMS = 999
#: Most rows of one statement: each distinct row count is a statement of its own to parse
#: and cache, so they are kept to a few hundred.
MAX_ROWS = 500
VARIABLE_LIMIT = 9  # SQLITE_LIMIT_VARIABLE_NUMBER
_VALUES = re.compile(r"VALUES (\(\?(?:, \?)*\))")


def _parts(rows: Sequence[Row], max_params: int) -> Iterator[Sequence[Row]]:
    """``rows`` in slices of at most :data:`MAX_ROWS` that bind at most ``max_params`` values."""
    if rows:
        step = max(1, min(MAX_ROWS, max_params // len(rows[0])))
        for start in range(0, len(rows), step):
            yield rows[start : start + step]


@lru_cache(maxsize=256)
def _many(statement: str, rows: int) -> str:
    """A one-row ``INSERT ... VALUES (?, ...) ...`` taking ``rows`` rows of values."""
    found = _VALUES.search(statement)
    if found is None:
        msg = f"not a one-row INSERT with VALUES: {statement[:60]!r}"
        raise StoreError(msg)
    values = ", ".join([found.group(1)] * rows)
    return f"{statement[: found.start()]}VALUES {values}{statement[found.end() :]}"  # noqa: S608  # only ? marks added


class StoreOutageError(StoreError):
    """The store is unavailable (locked, full, down); the same write may succeed later."""

    retriable = True


class SqlStore(ABC):
    """The store: connection, transactions, migrations and the extractor's idempotent writes.

    Backends supply a DB-API connection and their placeholder style. Reads and the other
    tables' writes are named functions in the owner modules, built on :meth:`_fetch`,
    :meth:`_execute` and :meth:`transaction`. One store object may be shared by threads
    (the dashboard does): calls are serialised.
    """

    placeholder = QMARK
    dialect = "sqlite"

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        limit = getattr(conn, "getlimit", None)  # sqlite3 on Python 3.11+
        #: Most values bound to one statement: rows are inserted many per statement.
        self.max_params = int(limit(VARIABLE_LIMIT)) if callable(limit) else MAX_PARAMS

    @classmethod
    @abstractmethod
    def open(cls, url: str) -> SqlStore:
        """Connect to ``url`` and apply pending migrations."""

    @property
    def schema_version(self) -> int:
        return int(self._fetch("SELECT MAX(version) FROM schema_migrations")[0][0] or 0)

    def migrate(self) -> int:
        """Apply pending migrations; return how many ran."""
        with self.transaction() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL)")
        done = self.schema_version
        for version, statements in enumerate(MIGRATIONS[done:], start=done + 1):
            with self.transaction() as cur:
                for statement in statements:
                    if isinstance(statement, Dialect):
                        if statement.name != self.dialect:
                            continue
                        statement = statement.sql  # noqa: PLW2901
                    cur.execute(statement)
                cur.execute(self._sql("INSERT INTO schema_migrations VALUES (?)"), (version,))
        return len(MIGRATIONS) - done

    def save(self, result: ArticleMetrics) -> bool:
        """Store an article and its metrics in one transaction; False if already stored."""
        return self.save_all([result])[0]

    def save_all(self, results: Sequence[ArticleMetrics]) -> list[bool]:
        """Store several articles in one transaction; per article, False if already stored.

        Rows go many to a statement: the article rows (``RETURNING`` says which are new, also
        against a concurrent writer), the new articles' metric rows, and their rollup sums,
        one row per key (:func:`rollups.deltas`).
        """
        rows = [articles.article_row(result) for result in results]
        with self.transaction() as cur:
            fresh = self._insert_articles(cur, rows)
            new = zip(results, rows, fresh, strict=True)
            self._add_new(cur, [(result, row) for result, row, is_new in new if is_new])
        return fresh

    def _insert_articles(self, cur: Any, rows: list[Row]) -> list[bool]:
        """Insert article rows, many per statement; per row, whether this insert stored it
        (the statement returns the keys it inserted, also against a concurrent writer; of
        two copies of one article in ``rows`` the first is the new one)."""
        added: set[Row] = set()
        for part in _parts(rows, self.max_params):
            sql = _many(articles.INSERT_ARTICLE, len(part)) + articles.RETURNING_KEY
            cur.execute(self._sql(sql), list(chain.from_iterable(part)))
            added.update(tuple(key) for key in cur.fetchall())
        fresh = []
        for row in rows:
            key = row[:2]
            fresh.append(key in added)
            added.discard(key)
        return fresh

    def _insert_rows(self, cur: Any, statement: str, rows: Sequence[Row]) -> None:
        """Run a one-row ``INSERT ... VALUES (?, ...)`` for every row, many rows per statement
        (the database then runs one statement, not one per row)."""
        for part in _parts(rows, self.max_params):
            cur.execute(self._sql(_many(statement, len(part))), list(chain.from_iterable(part)))

    def _add_new(self, cur: Any, new: list[tuple[ArticleMetrics, Row]]) -> None:
        """Insert the metric rows of newly stored articles and add them to the rollups."""
        if not new:
            return
        measured = [m for result, _ in new for m in articles.metric_rows(result)]
        self._insert_rows(cur, articles.INSERT_METRIC, measured)
        sums = rollups.deltas((_ARTICLE_FACTS(row) for _, row in new), map(_METRIC_FACTS, measured))
        for statement, params in zip(rollups.ON_SAVE, sums, strict=False):  # ON_SAVE may be cut
            self._insert_rows(cur, statement, params)

    def save_dead_letter(self, letter: DeadLetter) -> bool:
        """Record a dead letter once per source offset; False if already recorded."""
        with self.transaction() as cur:
            cur.execute(self._sql(dead_letters.INSERT), letter.row())
            return bool(cur.rowcount)

    def is_outage(self, exc: BaseException) -> bool:
        """Whether ``exc`` means the store is unavailable rather than refusing a record."""
        return isinstance(exc, StoreOutageError)

    def recover(self) -> None:
        """Try to make the store usable again after an outage (reconnect); may raise."""
        return  # an embedded store needs nothing: the next write simply tries again

    def count(self, table: str, run_id: str | None = None) -> int:
        """Rows in ``table`` (of one run, when given)."""
        if not _TABLE.fullmatch(table):
            msg = f"not a table name: {table!r}"
            raise StoreError(msg)
        if run_id is None:
            return int(self._fetch(f"SELECT COUNT(*) FROM {table}")[0][0])  # noqa: S608  # checked name
        sql = f"SELECT COUNT(*) FROM {table} WHERE run_id = ?"  # noqa: S608  # checked name
        return int(self._fetch(sql, (run_id,))[0][0])

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a read query written with ``?`` placeholders; return all rows.

        For the query modules of this package only: services and pages call those.
        """
        with self._lock:
            cur = self._conn.cursor()
            try:
                cur.execute(self._sql(sql), tuple(params))
                return [tuple(row) for row in cur.fetchall()]
            finally:
                cur.close()

    def _execute(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one write statement per row of parameters, in one transaction."""
        with self.transaction() as cur:
            for row in rows:
                cur.execute(self._sql(sql), tuple(row))

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A cursor whose work commits on success and rolls back on error.

        Statements given to the cursor go through :meth:`_sql` first when they hold ``?``.
        """
        with self._lock:
            cur = self._conn.cursor()
            try:
                yield cur
                self._conn.commit()
            except BaseException:
                with suppress(Exception):  # a lost connection cannot roll back
                    self._conn.rollback()
                raise
            finally:
                cur.close()

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a bulk load)."""
        with self.transaction() as cur:
            cur.execute("ANALYZE")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _sql(self, sql: str) -> str:
        """``sql`` (``?`` placeholders) in this backend's dialect (:mod:`.dialect`)."""
        return translate(sql, self.placeholder)
