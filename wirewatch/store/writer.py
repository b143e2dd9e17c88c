"""Store writers: where a service's batch writes run while its next chunk is prepared.

:func:`save_bisected` stores a chunk in one transaction and, on a record the store refuses,
halves and retries until the refused record is alone. Two writers run it off the main
thread: :class:`ThreadWriter` on a thread over the service's own store (any store, fakes
included), and :class:`ProcessWriter` in a child process with its own connection to the
same database, fed the encoded metric events. The process keeps the store's Python work
(decoding, rows, rollup sums) off the extracting process's GIL, which the thread shares.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Protocol

from wirewatch.metrics import ArticleMetrics
from wirewatch.store.sql import SqlStore, StoreOutageError

#: A chunk's outcome: per record, True if newly stored, False if stored before, None if
#: refused; and the refused records' positions with the store's reason.
Saved = tuple[list[bool | None], list[tuple[int, str]]]


def outage(exc: BaseException) -> StoreOutageError:
    """The retriable error that stands for a store outage."""
    return StoreOutageError(f"store unavailable: {type(exc).__name__}: {exc}")


def save_bisected(store: SqlStore, results: Sequence[ArticleMetrics], first: int = 0) -> Saved:
    """Store ``results`` in one transaction; on a refused record, halve and retry.

    An outage raises :class:`StoreOutageError` (nothing of the failing part stored).
    """
    if not results:
        return [], []
    try:
        return list(store.save_all(results)), []
    except Exception as exc:
        if store.is_outage(exc):
            raise outage(exc) from exc
        if len(results) == 1:
            return [None], [(first, f"store refused it: {type(exc).__name__}: {exc}")]
    half = len(results) // 2
    head, head_refused = save_bisected(store, results[:half], first)
    tail, tail_refused = save_bisected(store, results[half:], first + half)
    return head + tail, head_refused + tail_refused


class Writer(Protocol):
    """Runs chunk writes in order, off the caller's thread."""

    def submit(self, results: Sequence[ArticleMetrics], encoded: Sequence[bytes]
               ) -> Future[Saved]: ...  # fmt: skip

    def close(self) -> None: ...


class ThreadWriter:
    """Writes on one thread over ``store`` (the database releases the GIL while it works)."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(1, "store-writer")

    def submit(self, results: Sequence[ArticleMetrics], encoded: Sequence[bytes]
               ) -> Future[Saved]:  # fmt: skip
        """Queue a chunk's write; ``encoded`` is not needed here."""
        return self._pool.submit(save_bisected, self.store, list(results))

    def close(self) -> None:
        """Wait for queued writes, then stop the thread."""
        self._pool.shutdown()


#: How often a writer process checks that its parent is still there.
PARENT_CHECK_SECONDS = 0.5

_CHILD_STORE: SqlStore | None = None
_CHILD_DOWN = False  # the last write met an outage: reconnect before the next


def _open_child_store(url: str, parent: int) -> None:
    global _CHILD_STORE  # noqa: PLW0603  # one store per writer process
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it, after its last write
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # ``parent`` is the pid the parent gave, not ``os.getppid()`` read here: a parent killed
    # before this runs would leave the child watching init (pid 1) forever
    threading.Thread(target=_exit_with, args=(parent,), name="parent-watch",
                     daemon=True).start()  # fmt: skip
    from wirewatch.store import open_store

    _CHILD_STORE = open_store(url)


def _exit_with(parent: int) -> None:
    """End this child once its parent is gone (killed, say), so no writer outlives it."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)  # an open transaction is rolled back by the database


def _save_encoded(encoded: list[bytes]) -> Saved:
    global _CHILD_DOWN  # noqa: PLW0603
    store = _CHILD_STORE
    if store is None:
        msg = "the writer process has no store"
        raise StoreOutageError(msg)
    try:
        if _CHILD_DOWN:
            store.recover()
        saved = _decode_and_save(store, encoded)
    except StoreOutageError:
        _CHILD_DOWN = True
        raise
    except Exception as exc:
        if store.is_outage(exc):  # recover() still failing
            raise outage(exc) from None
        raise
    _CHILD_DOWN = False
    return saved


def _decode_and_save(store: SqlStore, encoded: list[bytes]) -> Saved:
    """Decode each event (one that fails is refused alone), then store the rest."""
    results: list[ArticleMetrics] = []
    places: list[int] = []
    refused: list[tuple[int, str]] = []
    for at, raw in enumerate(encoded):
        try:
            results.append(ArticleMetrics.decode(raw))
            places.append(at)
        except Exception as exc:  # a codec bug must not stop the stream
            refused.append((at, f"store writer could not decode it: {type(exc).__name__}: {exc}"))
    flags, bisected = save_bisected(store, results)
    saved: list[bool | None] = [None] * len(encoded)
    for at, flag in zip(places, flags, strict=True):
        saved[at] = flag
    return saved, refused + [(places[at], reason) for at, reason in bisected]


class ProcessWriter:
    """Writes in a child process with its own connection to the store at ``url``.

    The child receives the encoded metric events (already made for the topic) and decodes
    them; ``SIGINT``/``SIGTERM`` are ignored there, so a Ctrl-C reaching the whole process
    group stops the service after its batch, not the write under way; and it ends by itself
    when its parent is gone.
    """

    def __init__(self, url: str) -> None:
        self._pool: Executor = ProcessPoolExecutor(
            1, multiprocessing.get_context("spawn"), _open_child_store, (url, os.getpid())
        )

    def submit(self, results: Sequence[ArticleMetrics], encoded: Sequence[bytes]
               ) -> Future[Saved]:  # fmt: skip
        """Queue a chunk's write, sending the child its encoded events."""
        return self._pool.submit(_save_encoded, list(encoded))

    def pids(self) -> list[int]:
        """The child's process id, once it has started (for CPU accounting)."""
        return sorted(getattr(self._pool, "_processes", None) or ())

    def close(self) -> None:
        """Wait for queued writes, then stop the child."""
        self._pool.shutdown()


def shares_database(url: str) -> bool:
    """Whether a second connection to ``url`` sees the same database (not in-memory)."""
    return ":memory:" not in url and url not in ("sqlite://", "sqlite:///")


def writer_for(store: SqlStore, url: str) -> Writer:
    """A child-process writer for a database a second connection can share, else a thread."""
    return ProcessWriter(url) if shares_database(url) else ThreadWriter(store)
