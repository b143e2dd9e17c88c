"""A sink that keeps what it is given, for tests and tools that want no broker."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from wirewatch.events import ArticleEvent


@dataclass(frozen=True)
class Rejection:
    """One input a producer refused, as it would reach the dead-letter topic."""

    raw: bytes
    reason: str
    source: str


@dataclass
class MemorySink:
    """Collects published events and rejections in memory; thread-safe."""

    events: list[ArticleEvent] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def publish(self, event: ArticleEvent, done: Callable[[bool], None] | None = None) -> None:
        """Keep ``event``; it counts as delivered at once."""
        with self._lock:
            self.events.append(event)
        if done is not None:
            done(True)

    def reject(self, raw: bytes, reason: str, source: str) -> None:
        """Keep the rejected input and its reason."""
        with self._lock:
            self.rejections.append(Rejection(raw, reason, source))

    def flush(self) -> None:
        """Nothing is buffered."""
