"""The one place that turns SIGINT and SIGTERM into a clean stop (and SIGUSR1 into a toggle)."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def install(stop: Callable[[], None], toggle: Callable[[], None] | None = None
            ) -> Callable[[], None]:  # fmt: skip
    """Make SIGINT and SIGTERM call ``stop`` (and SIGUSR1 ``toggle``); return an undo."""
    wanted: dict[int, Any] = {sig: (lambda *_: stop()) for sig in (signal.SIGINT, signal.SIGTERM)}
    if toggle is not None:
        wanted[signal.SIGUSR1] = lambda *_: toggle()
    previous = {sig: signal.signal(sig, handler) for sig, handler in wanted.items()}

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore


@contextmanager
def stopping_on_signals(
    stop: Callable[[], None], toggle: Callable[[], None] | None = None
) -> Iterator[None]:
    """:func:`install` for the duration of a ``with`` block; the old handlers come back after."""
    restore = install(stop, toggle)
    try:
        yield
    finally:
        restore()
