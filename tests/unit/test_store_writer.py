"""Store writers: the thread and the child process store the same, refusals stay per record."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import pytest

from tests.support.factories import metrics
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import SqlStore, open_store
from wirewatch.store.writer import (
    ProcessWriter,
    ThreadWriter,
    Writer,
    save_bisected,
    shares_database,
    writer_for,
)


@pytest.fixture(params=["thread", "process"])
def writer(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Writer, str]]:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    store = open_store(url)
    made: Writer = ThreadWriter(store) if request.param == "thread" else ProcessWriter(url)
    yield made, url
    made.close()
    store.close()


def _submit(writer: Writer, results: list[ArticleMetrics]) -> tuple[list[bool | None], Any]:
    return writer.submit(results, [r.encode() for r in results]).result(timeout=60)


def test_writers_store_each_article_once(writer: tuple[Writer, str]) -> None:
    made, url = writer
    assert _submit(made, [metrics(1), metrics(2)]) == ([True, True], [])
    assert _submit(made, [metrics(2), metrics(3)]) == ([False, True], [])
    seen = open_store(url)
    assert seen.count("articles") == 3
    assert seen.count("metrics") == 9
    seen.close()


def test_process_writer_refuses_an_event_it_cannot_decode_alone(tmp_path: Path) -> None:
    made = ProcessWriter(f"sqlite:///{tmp_path / 'm.db'}")
    results = [metrics(1), metrics(2)]
    saved = made.submit(results, [results[0].encode(), b"{not json"]).result(timeout=60)
    made.close()
    assert saved[0] == [True, None]
    assert [at for at, _ in saved[1]] == [1]
    assert "could not decode" in saved[1][0][1]


class _Refusing:
    """Refuses any batch holding article 2, like a constraint the record breaks."""

    def __init__(self, inner: SqlStore) -> None:
        self.inner = inner

    def save_all(self, results: Sequence[ArticleMetrics]) -> list[bool]:
        if any(r.article.article_id == metrics(2).article.article_id for r in results):
            msg = "constraint failed"
            raise ValueError(msg)
        return self.inner.save_all(results)

    def is_outage(self, exc: BaseException) -> bool:
        return False


def test_a_refused_record_is_bisected_out_with_its_position(tmp_path: Path) -> None:
    inner = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    flags, refused = save_bisected(
        cast(SqlStore, _Refusing(inner)), [metrics(1), metrics(2), metrics(3)]
    )
    assert flags == [True, None, True]
    assert refused == [(1, "store refused it: ValueError: constraint failed")]
    assert inner.count("articles") == 2
    inner.close()


@pytest.mark.parametrize(
    ("url", "shared"),
    [
        ("sqlite:///tmp/m.db", True),
        ("postgresql://localhost/wirewatch", True),
        ("sqlite:///:memory:", False),
        ("sqlite://", False),
    ],
)
def test_only_a_database_a_second_connection_sees_gets_a_process(url: str, shared: bool) -> None:
    assert shares_database(url) is shared


def test_an_in_memory_store_keeps_the_thread_writer() -> None:
    store = open_store("sqlite:///:memory:")
    made = writer_for(store, "sqlite:///:memory:")
    assert isinstance(made, ThreadWriter)
    made.close()
    store.close()


_ORPHANING = """
import os, sys
from tests.support.factories import metrics
from wirewatch.store.writer import ProcessWriter
made = ProcessWriter(sys.argv[1])
result = metrics(1)
made.submit([result], [result.encode()]).result(timeout=60)
print(made.pids()[0], flush=True)
os.kill(os.getpid(), 9)
"""


def test_the_writer_process_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    parent = subprocess.run(  # noqa: S603  # fixed argv
        [sys.executable, "-c", _ORPHANING, url], capture_output=True, text=True, timeout=120,
        check=False, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    child = int(parent.stdout.split()[0])
    deadline = time.monotonic() + 30
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(child)


def test_a_writer_whose_parent_is_gone_before_it_watches_ends_at_once(tmp_path: Path) -> None:
    """The child is told its parent's pid; if its parent is not that process any more (killed
    before the child's start-up ran), the watch ends the child instead of waiting forever."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],  # noqa: S603
                          capture_output=True, text=True, check=True)  # fmt: skip
    child = subprocess.run(  # noqa: S603  # fixed argv
        [sys.executable, "-c", _WATCHING, gone.stdout.strip(), f"sqlite:///{tmp_path / 'm.db'}"],
        capture_output=True, text=True,
        timeout=30, check=False, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert child.returncode == 0, child.stderr


_WATCHING = """
import sys, time
from wirewatch.store.writer import _open_child_store
_open_child_store(sys.argv[2], int(sys.argv[1]))  # as the pool's start-up runs it
time.sleep(20)
sys.exit(3)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
