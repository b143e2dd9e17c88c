"""A store that is locked by another writer, whose disk is full, or whose PostgreSQL server
is down: the extractor waits, retries and resumes by itself."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
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


def test_a_locked_store_stops_commits_then_processing_resumes_exactly(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path
) -> None:
    producer = producer_factory()
    first = backlog(100)
    send_articles(producer, kafka_settings, first)
    log = tmp_path / "extractor.log"
    child = Child(["extractor", "--idle-exit", "30"], service_env(kafka_settings), log)
    try:
        wait_until(lambda: count(kafka_settings) >= len(first), 120, "the first backlog")
        lock = sqlite3.connect(sqlite_path(kafka_settings.store_url), isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")  # another writer holds the store
        try:
            second = backlog(200, start=len(first))
            send_articles(producer, kafka_settings, second)
            wait_until(lambda: "store unavailable" in child.output(), 120, "the outage")
            wait_until(lambda: child.output().count("retrying in") >= 2, 120, "a second retry")
            assert child.proc.poll() is None, "the extractor stopped on a locked store"
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        everything = first + second
        wait_until(lambda: count(kafka_settings) >= len(everything), 120, "processing to resume")
    finally:
        code = child.stop()
    assert code == 0, child.output()
    assert_exact(kafka_settings, everything)
    assert count(kafka_settings, "dead_letters") == 0


def test_a_full_disk_stops_commits_then_processing_resumes_exactly(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path, small_disk: Path
) -> None:
    settings = replace(kafka_settings, store_url=f"sqlite:///{small_disk / 'wirewatch.db'}")
    producer = producer_factory()
    first = backlog(100)
    send_articles(producer, settings, first)
    log = tmp_path / "extractor.log"
    child = Child(["extractor", "--idle-exit", "30"], service_env(settings), log)
    try:
        wait_until(lambda: count(settings) >= len(first), 120, "the first backlog")
        filler = fill(small_disk)
        second = backlog(200, start=len(first))
        send_articles(producer, settings, second)
        wait_until(lambda: "store unavailable" in child.output(), 120, "the outage")
        wait_until(lambda: child.output().count("retrying in") >= 2, 120, "a second retry")
        assert "full" in child.output(), child.output()
        assert child.proc.poll() is None, "the extractor stopped on a full disk"
        filler.unlink()
        everything = first + second
        wait_until(lambda: count(settings) >= len(everything), 120, "processing to resume")
    finally:
        code = child.stop()
    assert code == 0, child.output()
    assert_exact(settings, everything)
    assert count(settings, "dead_letters") == 0


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
        producer = producer_factory()
        first = backlog(100)
        send_articles(producer, settings, first)
        child = Child(["extractor", "--idle-exit", "60"], service_env(settings),
                      tmp_path / "extractor.log")  # fmt: skip
        try:
            wait_until(lambda: pg_count(server.url) >= len(first), 120, "the first backlog")
            server.stop()
            second = backlog(200, start=len(first))
            send_articles(producer, settings, second)
            wait_until(lambda: "store unavailable" in child.output(), 120, "the outage")
            wait_until(lambda: child.output().count("retrying in") >= 2, 120, "a second retry")
            assert child.proc.poll() is None, "the extractor stopped with PostgreSQL down"
            server.start()
            everything = first + second
            wait_until(lambda: pg_count(server.url) >= len(everything), 120, "processing to resume")
        finally:
            code = child.stop()
        assert code == 0, child.output()
        assert_exact(settings, everything)
        assert pg_count(server.url) == len(everything)
