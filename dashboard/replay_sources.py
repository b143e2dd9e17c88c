"""What a replay started from the dashboard replays, checked before it starts.

Either a recording (any file on disk that ``wirewatch replay FILE`` reads: a
``wirewatch record`` file, or JSON Lines or CSV articles, gzip or not) or a time
range of the articles topic (``wirewatch replay --from --to``). Every check raises
:class:`ConfigError` with a message for the page; nothing here draws anything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from producers.archive import PATTERNS, ArchiveError, read_archive
from producers.replay import check_run_id
from wirewatch.errors import ConfigError
from wirewatch.events import LIVE_RUN

#: A recording larger than this is not read through before it starts; the replay's
#: log says what is wrong with it instead.
CHECKED_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class TopicRange:
    """The articles of ``source_run`` on the topic from ``start`` up to ``end`` (exclusive)."""

    start: datetime
    end: datetime
    source_run: str = LIVE_RUN

    def describe(self) -> str:
        """The range in words, for the page."""
        stamp = "%Y-%m-%d %H:%M UTC"
        return (f"the topic's {self.source_run} articles from {self.start.strftime(stamp)} "
                f"to {self.end.strftime(stamp)}")  # fmt: skip


Source = Path | TopicRange


def topic_range(start: datetime, end: datetime, source_run: str = LIVE_RUN) -> TopicRange:
    """A checked range: timezone-aware times, ``start`` before ``end``, a valid run id."""
    if start.tzinfo is None or end.tzinfo is None:
        msg = "the range's times need a time zone (the page's are UTC)"
        raise ConfigError(msg)
    if end <= start:
        msg = f"the range ends ({end:%Y-%m-%d %H:%M}) before it starts ({start:%Y-%m-%d %H:%M})"
        raise ConfigError(msg)
    return TopicRange(start, end, check_run_id(source_run))


def older_than_retention(start: datetime, now: datetime, retention_hours: int) -> bool:
    """Whether part of a range starting at ``start`` may already be gone from the topic."""
    return start < now - timedelta(hours=retention_hours)


def check_recording(text: str, *, deep: bool = True) -> Path:
    """The recording named by ``text`` (a path, ``~`` allowed), or why it cannot be replayed.

    With ``deep``, a file up to :data:`CHECKED_BYTES` is read through as the replay
    will read it, so a bad line is reported here (file:line: reason), not in a log.
    """
    raw = text.strip()
    if not raw:
        msg = "give the path of a recording, e.g. ~/recordings/day.jsonl.gz"
        raise ConfigError(msg)
    path = Path(os.path.abspath(Path(raw).expanduser()))  # noqa: PTH100  # keep symlinks
    if not path.exists():
        msg = f"no such file: {path}"
        raise ConfigError(msg)
    if not path.is_file():
        msg = f"{path} is not a file: give a recording ({', '.join(PATTERNS)})"
        raise ConfigError(msg)
    if not os.access(path, os.R_OK):
        msg = f"{path} cannot be read by the dashboard's user"
        raise ConfigError(msg)
    size = path.stat().st_size
    if size == 0:
        msg = f"{path} is empty"
        raise ConfigError(msg)
    if deep and size <= CHECKED_BYTES:
        _check_contents(path)
    return path


def _check_contents(path: Path) -> None:
    try:
        records = read_archive(path, on_error="stop")
    except ArchiveError as exc:
        msg = f"not a recording wirewatch can replay: {exc}"
        raise ConfigError(msg) from None
    if not records:
        msg = f"{path} holds no articles to replay"
        raise ConfigError(msg)


def replay_arguments(source: Source) -> list[str]:
    """The ``wirewatch replay`` arguments that select ``source``."""
    if isinstance(source, Path):
        return [str(source)]
    return ["--from", source.start.isoformat(), "--to", source.end.isoformat(),
            "--source-run", source.source_run]  # fmt: skip
