"""Read article archives a user already has, for ``wirewatch replay``.

Accepted, gzip-compressed or not (told by the magic bytes, not the name):

- ``wirewatch record`` files: one ``{"timestamp_ms", "partition", "offset", "key",
  "event"}`` object per line;
- JSON Lines of articles in the producers' field names (``title``,
  ``body|text|content``, ``url|link``, ``source``, ``published_at|published|date``,
  ``language``), one object per line;
- CSV with a header row naming those same fields (``.csv`` or ``.csv.gz``).

An article's replay time is its ``published_at``; one without it is a bad line.
Files are streamed line by line with a cap on a line's length, so a 2 GB line is
refused without being read into memory. Every problem is an :class:`ArchiveError`
naming the file and line; :func:`read_archive` either stops at the first
(``on_error="stop"``) or reports each through ``report`` and goes on (``"skip"``).
A file that cannot be read at all (truncated gzip, binary, a CSV without the
needed columns) is always fatal.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, cast

from producers.parsing import BODY_FIELDS, TIME_FIELDS, event_from_mapping
from producers.recording import Recorded
from wirewatch.errors import SchemaError, WirewatchError
from wirewatch.events import ArticleEvent
from wirewatch.store.sql import to_ms

OnError = Literal["stop", "skip"]
ON_ERROR = ("stop", "skip")
PATTERNS = ("*.jsonl.gz", "*.jsonl", "*.csv", "*.csv.gz")  # what the Replay page offers
DEFAULT_LINE_LIMIT = 16 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 8192
_CHUNK = 1 << 20
_EXTRA = "\x00extra"  # where csv.DictReader puts fields past the header
# what a damaged gzip stream raises while being read
_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


class ArchiveError(WirewatchError):
    """A line or a whole archive file cannot be replayed; ``fatal`` for the whole file."""

    def __init__(self, path: Path, line: int | None, reason: str, *, fatal: bool = False) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")
        self.fatal = fatal


@dataclass
class Overlong:
    """Stands for a line that was longer than the cap (its bytes were skipped)."""

    size: int


Line = bytes | Overlong


def read_archive(
    path: Path,
    *,
    on_error: OnError = "stop",
    report: Callable[[ArchiveError], Any] | None = None,
    source: str | None = None,
    line_limit: int = DEFAULT_LINE_LIMIT,
) -> list[Recorded]:
    """Every replayable record of ``path`` in time order; see the module docstring."""
    label = source or f"archive:{path.name}"
    items: list[Recorded] = []
    try:
        with _open(path) as stream:
            parse = _csv_records if ".csv" in path.name.lower() else _jsonl_records
            for found in parse(path, stream, label, line_limit):
                if isinstance(found, Recorded):
                    items.append(found)
                elif on_error == "stop" or found.fatal:
                    raise found
                elif report is not None:
                    report(found)
    except _GZIP_ERRORS as exc:
        raise ArchiveError(path, None, f"truncated or corrupt gzip data ({exc})",
                           fatal=True) from None  # fmt: skip
    except OSError as exc:
        raise ArchiveError(path, None, f"cannot read: {exc.strerror or exc}", fatal=True) from None
    return sorted(items, key=lambda item: item.order)


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    """The file's bytes, decompressed when it starts with the gzip magic; binary refused."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        with gzip.GzipFile(fileobj=raw) if compressed else nullcontext(raw) as stream:
            if b"\x00" in stream.peek(_SNIFF)[:_SNIFF]:
                msg = "binary data (NUL bytes), not a JSONL or CSV archive"
                raise ArchiveError(path, None, msg, fatal=True)
            yield cast(IO[bytes], stream)


def lines(stream: IO[bytes], limit: int) -> Iterator[Line]:
    """The stream's lines without line ends; a line over ``limit`` bytes becomes :class:`Overlong`.

    Never holds more than ``limit`` bytes of one line in memory.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line.rstrip(b"\r\n")
            continue
        size = len(line)
        while not line.endswith(b"\n"):  # skip the rest of the line in bounded chunks
            line = stream.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield Overlong(size - line.endswith(b"\n"))  # the line end is not part of the line


def _jsonl_records(
    path: Path, stream: IO[bytes], source: str, limit: int
) -> Iterator[Recorded | ArchiveError]:
    for number, line in enumerate(lines(stream, limit), start=1):
        if isinstance(line, Overlong):
            yield _overlong(path, number, line, limit)
            continue
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, number, source)
        except SchemaError as exc:
            yield ArchiveError(path, number, str(exc))


def _jsonl_record(line: bytes, number: int, source: str) -> Recorded:
    try:
        data = json.loads(_text(line))
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at column {exc.colno}"
        raise SchemaError(msg) from None
    if isinstance(data, dict) and "event" in data and "timestamp_ms" in data:
        return _recorded(data)
    return article_record(data, number, source)


def _recorded(data: dict[str, Any]) -> Recorded:
    """A line written by ``wirewatch record``."""
    stamp, partition, offset = (data.get(k) for k in ("timestamp_ms", "partition", "offset"))
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (stamp, partition, offset)):
        msg = "recording line needs whole-number timestamp_ms, partition and offset"
        raise SchemaError(msg)
    ArticleEvent.from_dict(data["event"])  # the event itself must be readable
    key = data.get("key")
    return Recorded(int(stamp), int(partition), int(offset),  # type: ignore[arg-type]
                    key if isinstance(key, str) else None, data["event"])  # fmt: skip


def article_record(data: Any, number: int, source: str) -> Recorded:
    """A record for one article object, timed by its ``published_at``."""
    event = event_from_mapping(data, source=source)
    if event.published_at is None:
        msg = f"article has no publication time: give one of {', '.join(TIME_FIELDS)}"
        raise SchemaError(msg)
    return Recorded(to_ms(event.published_at), 0, number, event.article_id, event.to_dict())


def _csv_records(
    path: Path, stream: IO[bytes], source: str, limit: int
) -> Iterator[Recorded | ArchiveError]:
    troubles: list[ArchiveError] = []
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    reader = csv.DictReader(_csv_text(path, stream, limit, troubles), restkey=_EXTRA)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield ArchiveError(path, 1, f"unreadable CSV header: {exc}", fatal=True)
        return
    yield from troubles
    missing = _missing_columns(header)
    if missing:
        found = ", ".join(header) or "none"
        yield ArchiveError(path, 1, f"CSV header lacks {missing}; found columns: {found}",
                           fatal=True)  # fmt: skip
        return
    while True:
        troubles.clear()
        try:
            row = next(reader)
        except StopIteration:
            yield from troubles
            return
        except csv.Error as exc:
            yield ArchiveError(path, reader.line_num, f"malformed CSV: {exc}")
            continue
        yield from troubles
        yield _csv_record(path, reader.line_num, row, source)


def _csv_record(
    path: Path, number: int, row: dict[str, Any], source: str
) -> Recorded | ArchiveError:
    if _EXTRA in row:
        extra = len(row[_EXTRA])
        return ArchiveError(path, number, f"row has {extra} more field(s) than the header")
    if any(value is None for value in row.values()):
        return ArchiveError(path, number, "row has fewer fields than the header")
    data: dict[str, Any] = {name: value for name, value in row.items() if value != ""}
    for name in TIME_FIELDS:  # a CSV cell is text: whole digits are epoch seconds
        if isinstance(data.get(name), str) and data[name].strip().isdigit():
            data[name] = int(data[name])
    try:
        return article_record(data, number, source)
    except SchemaError as exc:
        return ArchiveError(path, number, str(exc))


def _csv_text(
    path: Path, stream: IO[bytes], limit: int, troubles: list[ArchiveError]
) -> Iterator[str]:
    """Decoded lines for the CSV reader; bad lines become empty ones and a trouble."""
    for number, line in enumerate(lines(stream, limit), start=1):
        if isinstance(line, Overlong):
            troubles.append(_overlong(path, number, line, limit))
            yield ""
            continue
        try:
            yield _text(line) + "\n"
        except SchemaError as exc:
            troubles.append(ArchiveError(path, number, str(exc)))
            yield ""


def _missing_columns(header: Sequence[str]) -> str:
    names = {name.strip() for name in header}
    missing = [f"a {'|'.join(group)} column" for group in (BODY_FIELDS, TIME_FIELDS)
               if not names.intersection(group)]  # fmt: skip
    return " and ".join(missing)


def _text(line: bytes) -> str:
    try:
        return codecs.decode(line, "utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text: {exc.reason} at byte {exc.start}"
        raise SchemaError(msg) from None


def _overlong(path: Path, number: int, line: Overlong, limit: int) -> ArchiveError:
    return ArchiveError(path, number, f"line is {line.size} bytes, over the limit of {limit}")
