"""Supervision of the stack's child processes: restart a crashed one with back-off.

A service that exits while the stack is up (``kill -9``, an exit on "database is
locked" or "disk full") is started again after ``BASE_DELAY * 2**n`` seconds,
capped at ``MAX_DELAY``; a service that then stays up for ``STABLE_AFTER`` seconds
starts counting from zero again. Every exit is logged ("extractor-0 exited with
status -9; restart 2 in 4 s") and every service's restarts and last exit are kept
in a JSON status file that the Pipeline health page shows.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

BASE_DELAY = 1.0
MAX_DELAY = 30.0
STABLE_AFTER = 60.0
STATUS_FILE = "services.json"


class Child(Protocol):
    """What the supervisor needs of a service: start it, and whether and how it ended."""

    name: str

    def start(self) -> None: ...

    def exit_code(self) -> int | None:
        """None while running (or never started), else the exit status (-N: signal N)."""
        ...


@dataclass
class Watch:
    """The supervisor's record of one service."""

    child: Child
    restarts: int = 0
    last_exit: int | None = None
    last_exit_at: str | None = None
    started_at: float = 0.0
    restart_at: float | None = None
    streak: int = field(default=0, repr=False)  # exits since the last stable run

    def row(self) -> dict[str, Any]:
        return {
            "service": self.child.name,
            "pid": getattr(self.child, "pid", None),
            "state": "restarting" if self.restart_at is not None else "running",
            "restarts": self.restarts,
            "last_exit": self.last_exit,
            "last_exit_at": self.last_exit_at,
        }


class Supervisor:
    """Restart exited children with capped exponential back-off; record what happened."""

    def __init__(
        self,
        children: Sequence[Child],
        status_path: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        say: Callable[[str], None] = print,
    ) -> None:
        self.watches = [Watch(child) for child in children]
        self.status_path = status_path
        self.clock = clock
        self.say = say

    def start(self) -> None:
        """Start every child (in the given order) and write the first status."""
        for watch in self.watches:
            watch.child.start()
            watch.started_at = self.clock()
        self.write_status()

    def check(self) -> None:
        """Notice exits and start the children whose back-off has passed; call it often."""
        changed = False
        now = self.clock()
        for watch in self.watches:
            if watch.restart_at is None:
                code = watch.child.exit_code()
                if code is not None:
                    self._exited(watch, code, now)
                    changed = True
            elif now >= watch.restart_at:
                watch.child.start()
                watch.started_at, watch.restart_at = now, None
                changed = True
        if changed:
            self.write_status()

    def _exited(self, watch: Watch, code: int, now: float) -> None:
        if now - watch.started_at >= STABLE_AFTER:
            watch.streak = 0
        delay = min(BASE_DELAY * 2**watch.streak, MAX_DELAY)
        watch.streak += 1
        watch.restarts += 1
        watch.last_exit = code
        watch.last_exit_at = datetime.now(UTC).isoformat(timespec="seconds")
        watch.restart_at = now + delay
        self.say(
            f"{watch.child.name} exited with status {code}; restart {watch.restarts} in {delay:g} s"
        )

    def status(self) -> list[dict[str, Any]]:
        """One row per service: state, restarts, last exit status and time."""
        return [watch.row() for watch in self.watches]

    def write_status(self) -> None:
        """Replace the status file atomically (readers never see half a file)."""
        if self.status_path is None:
            return
        body = {"pid": os.getpid(), "updated": datetime.now(UTC).isoformat(timespec="seconds"),
                "services": self.status()}  # fmt: skip
        self.status_path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.status_path.with_suffix(".tmp")
        partial.write_text(json.dumps(body, indent=1))
        partial.replace(self.status_path)


def read_status(path: Path) -> dict[str, Any] | None:
    """The status file at ``path``, or None if there is none (or it is unreadable)."""
    try:
        found = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None
