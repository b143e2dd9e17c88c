"""Re-publish recorded articles through the pipeline under a replay run id.

:func:`schedule` turns original timestamps into delays for a speed factor (``1``
keeps the original spacing, ``None`` is as fast as possible). The
:class:`Replayer` waits on an injected clock, so tests never sleep, and obeys a
:class:`Control`: SIGUSR1 toggles pause; the control file
``<data dir>/replay-<run>.control`` holding ``pause``, ``resume`` or ``stop`` is
how the dashboard steers a running replay; SIGINT/SIGTERM stop it cleanly.

The control file's first line is the command, its second the replay's pid. Only
the replay creates it (:func:`write_command` with ``pid``) and deletes it on the
way out; anyone else only rewrites an existing file, so a command sent after the
replay ended cannot leave a ghost behind, and a file whose pid is gone (a replay
that was killed) is recognised as stale by :func:`read_control`.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from producers.recording import Recorded
from wirewatch.errors import ConfigError, SchemaError
from wirewatch.events import ArticleEvent
from wirewatch.host import pid_alive

log = logging.getLogger(__name__)
COMMANDS = ("pause", "resume", "stop")
_STEP = 0.2  # longest uninterrupted sleep: how quickly pause and stop take effect
_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def schedule(timestamps_ms: Sequence[int], speed: float | None) -> list[float]:
    """Seconds to wait before each send: original gaps divided by ``speed``.

    The first send waits 0; gaps that run backwards count as 0; ``speed=None``
    (``max``) never waits.
    """
    if speed is not None and speed <= 0:
        msg = f"speed must be positive, got {speed}"
        raise ValueError(msg)
    delays = [0.0] * len(timestamps_ms)
    if speed is None:
        return delays
    for i in range(1, len(timestamps_ms)):
        delays[i] = max(0, timestamps_ms[i] - timestamps_ms[i - 1]) / 1000 / speed
    return delays


def replay_run_id(moment: datetime | None = None) -> str:
    """The default run id: ``replay-<utc timestamp>``."""
    return f"replay-{(moment or datetime.now(UTC)):%Y%m%dT%H%M%SZ}"


def check_run_id(run_id: str) -> str:
    """Return ``run_id`` if it is safe in a file name, else raise :class:`ConfigError`.

    A run id names files under the data dir, so it is 1-64 letters, digits, '.',
    '_' or '-', starts with a letter or digit and holds no '..'.
    """
    if not isinstance(run_id, str) or not _RUN_ID.fullmatch(run_id) or ".." in run_id:
        msg = (f"run id {run_id!r} is not allowed: use 1-64 letters, digits, '.', '_' or '-', "
               "starting with a letter or digit, without '..'")  # fmt: skip
        raise ConfigError(msg)
    return run_id


def control_path(data_dir: Path, run_id: str) -> Path:
    """The control file of a replay; raises :class:`ConfigError` for an unsafe run id."""
    return data_dir / f"replay-{check_run_id(run_id)}.control"


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class Control:
    """Pause, resume and stop, from signals (:meth:`toggle`, :meth:`stop`) or a file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.paused = False
        self.stopping = threading.Event()
        self._last = ""

    def toggle(self, *_: Any) -> None:
        self.paused = not self.paused
        log.info("replay %s", "paused" if self.paused else "resumed")

    def stop(self, *_: Any) -> None:
        self.stopping.set()

    def write(self, command: str) -> None:
        """Write a command to the control file (what the dashboard does)."""
        if self.path is not None:
            write_command(self.path, command)

    def check(self) -> None:
        """Apply a new command from the control file, if it changed."""
        found = read_control(self.path) if self.path is not None else None
        if found is None:
            return
        command = found[0]
        if command == self._last:
            return
        self._last = command
        if command == "stop":
            self.stopping.set()
        elif command in ("pause", "resume"):
            self.paused = command == "pause"


def write_command(path: Path, command: str, pid: int | None = None) -> bool:
    """Atomically write ``pause``, ``resume`` or ``stop`` to a control file.

    With ``pid`` (the replay itself) the file is created; without, only an existing
    file is rewritten, keeping its pid. Return False when there was no file to steer.
    """
    if command not in COMMANDS:
        msg = f"control command must be one of {', '.join(COMMANDS)}, got {command!r}"
        raise ValueError(msg)
    if pid is None:
        found = read_control(path)
        if found is None:
            return False
        pid = found[1]
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temp.write_text(command + "\n" + (f"{pid}\n" if pid is not None else ""))
    temp.replace(path)
    return True


def read_control(path: Path) -> tuple[str, int | None] | None:
    """The command and pid in a control file; None when it is gone or its replay is dead."""
    try:
        lines = path.read_text().split()
    except OSError:
        return None
    command = lines[0].lower() if lines else ""
    pid = int(lines[1]) if len(lines) > 1 and lines[1].isdigit() else None
    if pid is not None and not pid_alive(pid):
        return None
    return command, pid


@dataclass
class ReplayStats:
    sent: int = 0
    skipped: int = 0
    stopped: bool = False


class Replayer:
    """Send recorded articles, re-stamped with ``run_id``, on the original schedule."""

    def __init__(
        self,
        send: Callable[[ArticleEvent], None],
        run_id: str,
        control: Control | None = None,
        clock: Clock | None = None,
        progress: Callable[[int], Any] | None = None,
    ) -> None:
        self.send, self.run_id = send, run_id
        self.control = control or Control()
        self.clock = clock or SystemClock()
        self.progress = progress or (lambda _n: None)

    def run(self, records: Sequence[Recorded], speed: float | None) -> ReplayStats:
        stats = ReplayStats()
        delays = schedule([r.timestamp_ms for r in records], speed)
        due = self.clock.monotonic()
        for record, delay in zip(records, delays, strict=True):
            due += delay
            due = self._wait_until(due)
            if self.control.stopping.is_set():
                stats.stopped = True
                break
            self._send(record, stats)
            self.progress(1)
        return stats

    def _send(self, record: Recorded, stats: ReplayStats) -> None:
        try:
            event = ArticleEvent.from_dict(record.event).with_run(self.run_id)
        except SchemaError as exc:
            log.warning("record @%d skipped: %s", record.offset, exc)
            stats.skipped += 1
            return
        self.send(event)
        stats.sent += 1

    def _wait_until(self, due: float) -> float:
        """Sleep until ``due`` (shifted by time spent paused); return the shifted due."""
        while not self.control.stopping.is_set():
            self.control.check()
            if self.control.paused:
                before = self.clock.monotonic()
                self.clock.sleep(_STEP)
                due += self.clock.monotonic() - before
                continue
            left = due - self.clock.monotonic()
            if left <= 0:
                break
            self.clock.sleep(min(left, _STEP))
        return due
