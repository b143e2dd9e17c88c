"""Helpers of the fault-injection suite: services as real subprocesses, bounded waits, counts."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from kafka.errors import KafkaError

from tests.support.factories import article
from tests.support.sql import query
from wirewatch.events import ArticleEvent
from wirewatch.kafka import make_admin
from wirewatch.settings import Settings, child_environment
from wirewatch.store import SqlStore, open_store
from wirewatch.store.rollups import GRAINS
from wirewatch.store.sqlite import sqlite_path


def service_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment that points a ``wirewatch`` subprocess at this test's broker and store."""
    return {**child_environment(settings, os.environ), **extra}


class Child:
    """One ``python -m wirewatch.cli ...`` subprocess with its output in a log file."""

    def __init__(self, argv: list[str], env: dict[str, str], log: Path) -> None:
        self.log = log
        self._out: IO[bytes] = log.open("ab")
        self.proc = subprocess.Popen(  # noqa: S603  # fixed argv
            [sys.executable, "-m", "wirewatch.cli", *argv], env=env, stdout=self._out,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip

    def kill(self) -> None:
        """``kill -9``: no clean-up, no commit, no leave-group."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        self._out.close()

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM and wait; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        self._out.close()
        return code

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll ``check`` until truthy (returned); fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def send_articles(producer: Any, settings: Settings, events: Iterable[ArticleEvent]) -> int:
    """Publish article events (keyed by id) and flush; how many were sent."""
    sent = 0
    for event in events:
        producer.send(settings.topics.articles, key=event.article_id.encode(), value=event.encode())
        sent += 1
    producer.flush()
    return sent


def backlog(count: int, start: int = 0) -> list[ArticleEvent]:
    """``count`` distinct small articles."""
    return [article(n) for n in range(start, start + count)]


def count(settings: Settings, table: str = "articles") -> int:
    """Rows of ``table`` in the test's SQLite store (0 before it exists).

    A read-only connection: it never waits for a writer (WAL), so a poll is quick and
    a kill lands where the test meant it to.
    """
    path = sqlite_path(settings.store_url)
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608
    except sqlite3.OperationalError:  # no such table yet: the service is still migrating
        return 0
    finally:
        conn.close()


def assert_exact(settings: Settings, sent: Iterable[ArticleEvent]) -> None:
    """Stored = distinct sent, no duplicates, rollups = raw rows at every grain."""
    ids = {event.article_id for event in sent}
    store = open_store(settings.store_url)
    try:
        stored = [row[0] for row in query(store, "SELECT article_id FROM articles")]
        assert len(stored) == len(set(stored)) == len(ids)
        assert set(stored) == ids
        assert_rollups_equal_raw(store)
    finally:
        store.close()


def assert_rollups_equal_raw(store: SqlStore) -> None:
    """Every grain of the rollups sums to exactly the raw rows."""
    raw_articles = query(store, "SELECT COUNT(*), SUM(killed), SUM(wounded) FROM articles")[0]
    raw_metrics = query(store, "SELECT COUNT(*), SUM(value) FROM metrics")[0]
    for grain in GRAINS:
        rolled = query(
            store,
            "SELECT SUM(n), SUM(killed), SUM(wounded) FROM article_rollup WHERE grain_ms = ?",
            (grain,),
        )[0]
        assert rolled == raw_articles, f"article rollup at grain {grain}"
        rolled = query(
            store, "SELECT SUM(n), SUM(total) FROM metric_rollup WHERE grain_ms = ?", (grain,)
        )[0]
        assert rolled == raw_metrics, f"metric rollup at grain {grain}"


def group_members(settings: Settings) -> int:
    """Members of the extractor group that hold partitions, once the group is Stable (else 0)."""
    admin = make_admin(settings)
    try:
        group = admin.describe_groups([settings.group_id]).get(settings.group_id, {})
    except KafkaError:  # no coordinator yet
        return 0
    finally:
        admin.close()
    if str(group.get("group_state", "")).lower() != "stable":
        return 0
    return sum(1 for member in group.get("members", []) if member.get("member_assignment"))
