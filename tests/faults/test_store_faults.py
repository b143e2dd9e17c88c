"""A store that is locked by another writer, whose disk is full, or whose PostgreSQL server
is down: the extractor waits, retries and resumes by itself."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests import pg
from tests.faults.support import (
    Child,
    assert_exact,
    backlog,
    count,
    send_articles,
    service_env,
    wait_until,
)
from wirewatch.settings import Settings
from wirewatch.store import open_store
from wirewatch.store.sqlite import sqlite_path

pytestmark = pytest.mark.faults


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 32 MiB file system (tmpfs) for the store, so that it can really fill up."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (CI runs as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)], check=True)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> Path:
    """Write a filler file until the file system says it is full."""
    filler = disk / "filler"
    chunk = b"\0" * (64 * 1024)
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError:
            pass
    return filler


def ride_out(
    settings: Settings,
    producer: Any,
    log: Path,
    stored: Callable[[], int],
    outage: Callable[[], Callable[[], None]],
    sign: str = "store unavailable",
) -> None:
    """Store a first backlog, start an ``outage`` (it returns how to end it), send a second
    backlog, see the extractor retry without dying, end the outage: every article stored
    exactly once, no dead letters."""
    first = backlog(100)
    send_articles(producer, settings, first)
    child = Child(["extractor", "--idle-exit", "60"], service_env(settings), log)
    try:
        wait_until(lambda: stored() >= len(first), 120, "the first backlog")
        end_outage = outage()
        try:
            second = backlog(200, start=len(first))
            send_articles(producer, settings, second)
            wait_until(lambda: "store unavailable" in child.output(), 120, "the outage")
            wait_until(lambda: child.output().count("retrying in") >= 2, 120, "a second retry")
            assert sign in child.output(), child.output()
            assert child.proc.poll() is None, "the extractor stopped on a store outage"
        finally:
            end_outage()
        everything = first + second
        wait_until(lambda: stored() >= len(everything), 120, "processing to resume")
    finally:
        code = child.stop()
    assert code == 0, child.output()
    assert_exact(settings, everything)
    store = open_store(settings.store_url)
    try:
        assert store.count("dead_letters") == 0
    finally:
        store.close()


def test_a_locked_store_stops_commits_then_processing_resumes_exactly(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path
) -> None:
    def lock() -> Callable[[], None]:
        holder = sqlite3.connect(sqlite_path(kafka_settings.store_url), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another writer holds the store

        def release() -> None:
            holder.execute("ROLLBACK")
            holder.close()

        return release

    ride_out(kafka_settings, producer_factory(), tmp_path / "extractor.log",
             lambda: count(kafka_settings), lock)  # fmt: skip


def test_a_full_disk_stops_commits_then_processing_resumes_exactly(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path, small_disk: Path
) -> None:
    settings = replace(kafka_settings, store_url=f"sqlite:///{small_disk / 'wirewatch.db'}")

    def fill_disk() -> Callable[[], None]:
        return fill(small_disk).unlink

    ride_out(settings, producer_factory(), tmp_path / "extractor.log", lambda: count(settings),
             fill_disk, sign="full")  # fmt: skip


def pg_count(url: str) -> int:
    """Stored articles in the PostgreSQL store (0 while it is unreachable or not migrated)."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except psycopg.Error:
        return 0


def test_postgresql_down_stops_commits_then_processing_resumes_exactly(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path
) -> None:
    if pg.find_bin() is None:
        pytest.skip("no PostgreSQL server binaries here (apt-get install postgresql)")
    pytest.importorskip("psycopg", reason="pip install 'wirewatch[postgres]'")
    with pg.running_server() as server:
        settings = replace(kafka_settings, store_url=server.url)

        def stop_server() -> Callable[[], None]:
            server.stop()
            return server.start

        ride_out(settings, producer_factory(), tmp_path / "extractor.log",
                 lambda: pg_count(server.url), stop_server)  # fmt: skip
