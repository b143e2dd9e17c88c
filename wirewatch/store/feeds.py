"""The desk's feed list and each feed's health, in the store.

Tables (created by the feeds migration in :mod:`wirewatch.store.migrations`)::

    feeds       (url)  -> title, added_ms
    feed_health (url)  -> first_poll_ms, last_poll_ms, last_success_ms, last_error,
                          last_error_ms, items_seen, last_item_ms

``wirewatch feeds add|remove|import`` write ``feeds``; a running ``produce feed
--follow`` without URLs reads it before every poll, so a change is picked up
without a restart, and writes ``feed_health`` after every poll.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

TABLES = (
    """CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        added_ms BIGINT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS feed_health (
        url TEXT PRIMARY KEY,
        first_poll_ms BIGINT NOT NULL,
        last_poll_ms BIGINT NOT NULL,
        last_success_ms BIGINT,
        last_error TEXT,
        last_error_ms BIGINT,
        items_seen BIGINT NOT NULL,
        last_item_ms BIGINT
    )""",
)
_ADD = """INSERT INTO feeds (url, title, added_ms) VALUES (?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET title = excluded.title"""
_POLL_OK = """INSERT INTO feed_health (url, first_poll_ms, last_poll_ms, last_success_ms,
    items_seen, last_item_ms) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET last_poll_ms = excluded.last_poll_ms,
    last_success_ms = excluded.last_success_ms,
    items_seen = feed_health.items_seen + excluded.items_seen,
    last_item_ms = COALESCE(excluded.last_item_ms, feed_health.last_item_ms)"""
_POLL_FAILED = """INSERT INTO feed_health (url, first_poll_ms, last_poll_ms, last_error,
    last_error_ms, items_seen) VALUES (?, ?, ?, ?, ?, 0)
    ON CONFLICT (url) DO UPDATE SET last_poll_ms = excluded.last_poll_ms,
    last_error = excluded.last_error, last_error_ms = excluded.last_error_ms"""
_HEALTH = """SELECT f.url, f.title, h.last_success_ms, h.last_error, h.last_error_ms,
    COALESCE(h.items_seen, 0), h.first_poll_ms, h.last_poll_ms
    FROM feeds f LEFT JOIN feed_health h ON h.url = f.url ORDER BY f.url"""
HOUR_MS = 3_600_000


@dataclass(frozen=True)
class Feed:
    """One feed of the desk's list."""

    url: str
    title: str = ""
    added_ms: int = 0


@dataclass(frozen=True)
class FeedHealth:
    """How one listed feed has been doing."""

    url: str
    title: str
    last_success_ms: int | None
    last_error: str | None
    last_error_ms: int | None
    items_seen: int
    first_poll_ms: int | None
    last_poll_ms: int | None

    def items_per_hour(self, now_ms: int) -> float | None:
        """Items seen per hour since the first poll; None before an hour of polling."""
        if self.first_poll_ms is None or now_ms - self.first_poll_ms < HOUR_MS:
            return None
        return self.items_seen * HOUR_MS / (now_ms - self.first_poll_ms)

    @property
    def status(self) -> str:
        """``failing``, ``ok`` or ``not polled``."""
        return "failing" if self.failing else "ok" if self.last_success_ms else "not polled"

    @property
    def failing(self) -> bool:
        """Whether the latest poll failed."""
        return self.last_error_ms is not None and self.last_error_ms >= (self.last_success_ms or 0)


def add_feeds(store: SqlStore, feeds: Sequence[Feed]) -> None:
    """Add feeds (a listed URL gets the new title)."""
    store._execute(_ADD, [(f.url, f.title, f.added_ms) for f in feeds])


def remove_feed(store: SqlStore, url: str) -> bool:
    """Remove a feed and its health; False when it was not listed."""
    with store.transaction() as cur:
        cur.execute(store._sql("DELETE FROM feeds WHERE url = ?"), (url,))
        removed = bool(cur.rowcount)
        cur.execute(store._sql("DELETE FROM feed_health WHERE url = ?"), (url,))
    return removed


def list_feeds(store: SqlStore) -> list[Feed]:
    """The listed feeds, by URL."""
    rows = store._fetch("SELECT url, title, added_ms FROM feeds ORDER BY url")
    return [Feed(str(url), str(title), int(added)) for url, title, added in rows]


def record_poll(store: SqlStore, url: str, at_ms: int, items: int, error: str | None) -> None:
    """Note one poll of ``url``: ``items`` new entries, or the ``error`` that ended it."""
    if error is None:
        store._execute(_POLL_OK, [(url, at_ms, at_ms, at_ms, items, at_ms if items else None)])
    else:
        store._execute(_POLL_FAILED, [(url, at_ms, at_ms, error[:500], at_ms)])


def feed_health(store: SqlStore) -> list[FeedHealth]:
    """The health of every listed feed (never polled: all empty)."""
    return [FeedHealth(*row) for row in store._fetch(_HEALTH)]


def feed_silence(store: SqlStore, url: str | None, now_ms: int) -> float | None:
    """Seconds since ``url`` (None: the quietest listed feed) last brought a new item.

    A feed that never brought one counts from its first poll; None when no listed
    feed (or not ``url``) has been polled yet.
    """
    sql = """SELECT COALESCE(h.last_item_ms, h.first_poll_ms) FROM feeds f
        JOIN feed_health h ON h.url = f.url"""
    rows = store._fetch(sql + " WHERE f.url = ?", (url,)) if url else store._fetch(sql)
    since = [int(row[0]) for row in rows if row[0] is not None]
    return max(0.0, (now_ms - min(since)) / 1000) if since else None
