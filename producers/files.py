"""Articles from files and folders: ``.txt``, ``.md``, ``.json`` and ``.jsonl``.

A text or Markdown file is one article (first non-empty line = title). A JSON file
holds one article object or a list; a JSONL file one object per line. Folders are
walked recursively (hidden entries skipped). :class:`FileReader` remembers what it
has read, so ``--follow`` only picks up new files (once they stop changing) and
complete lines appended to JSONL files.

Memory is bounded per record: JSONL is read line by line and every line, text file
or ``.json`` file is capped at ``max_input_bytes`` (an oversized one becomes a dead
letter holding an excerpt). A file that vanishes between listing and reading is
skipped with a line on stderr; one that cannot be read is dead-lettered.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from producers.fulltext import FullTextFn, line_event, mapping_event
from producers.lines import read_capped, read_lines
from producers.parsing import decode_utf8, event_from_text, objects_from_json
from producers.publish import Sink
from wirewatch.errors import ConfigError, SchemaError
from wirewatch.settings import DEFAULT_MAX_INPUT_BYTES

SUFFIXES = (".txt", ".md", ".json", ".jsonl")
SETTLE_SECONDS = 1.0


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every article file under ``paths``, folders walked in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk(path))
        elif path.is_file():
            yield path
        else:
            msg = f"no such file or folder: {path}"
            raise ConfigError(msg)


def publish_line(
    sink: Sink, raw: bytes, number: int, source: str, full_text: FullTextFn | None = None
) -> None:
    """Publish one JSONL line, or reject it with ``line N: ...``."""
    try:
        event = line_event(raw, source=source, full_text=full_text)
    except SchemaError as exc:
        sink.reject(raw, f"line {number}: {exc}", source)
        return
    sink.publish(event)


class FileReader:
    """Read article files into a sink, remembering how far each file was read."""

    def __init__(
        self,
        sink: Sink,
        source: str | None = None,
        full_text: FullTextFn | None = None,
        *,
        max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    ) -> None:
        self.sink = sink
        self.source = source
        self.full_text = full_text  # an item with a URL but no body: the linked page's text
        self.cap = max_input_bytes
        self._offsets: dict[Path, int] = {}
        self._lines: dict[Path, int] = {}

    def scan(self, paths: Iterable[Path], *, final: bool = True) -> None:
        """Read what is new under ``paths``; ``final=False`` leaves a partial last line."""
        for path in find_files(paths):
            self.read(path, final=final)

    def read(self, path: Path, *, final: bool = True) -> None:
        """Read one file; a whole-file format once, and (unless ``final``) once it settled."""
        try:
            if path.suffix.lower() == ".jsonl":
                self._read_jsonl(path, final=final)
            elif path not in self._offsets and (final or _settled(path)):
                self._offsets[path] = path.stat().st_size
                self._read_whole(path)
        except FileNotFoundError:
            print(f"wirewatch produce files: skipped {path}: it vanished before it was read",
                  file=sys.stderr)  # fmt: skip
        except OSError as exc:
            self.sink.reject(b"", f"{path.name}: could not be read: {exc}", self._label(path))

    def _label(self, path: Path) -> str:
        return self.source or f"file:{path.name}"

    def _read_whole(self, path: Path) -> None:
        source = self._label(path)
        with path.open("rb") as handle:
            piece = read_capped(handle, self.cap)
        raw = piece.raw
        if piece.oversized:
            self.sink.reject(raw, f"{path.name}: {piece.too_big('the file', self.cap)}", source)
            return
        try:
            text = decode_utf8(raw)
            if path.suffix.lower() == ".json":
                self._publish_objects(objects_from_json(text), source)
                return
            event = event_from_text(text, source=source, markdown=path.suffix.lower() == ".md")
        except SchemaError as exc:
            self.sink.reject(raw, f"{path.name}: {exc}", source)
            return
        self.sink.publish(event)

    def _publish_objects(self, items: list[object], source: str) -> None:
        for number, item in enumerate(items, start=1):
            try:
                event = mapping_event(item, source=source, full_text=self.full_text)
            except SchemaError as exc:
                self.sink.reject(_item_bytes(item), f"item {number}: {exc}", source)
                continue
            self.sink.publish(event)

    def _read_jsonl(self, path: Path, *, final: bool) -> None:
        offset = self._offsets.get(path, 0)
        if path.stat().st_size < offset:  # truncated or replaced: start over
            offset, self._lines[path] = 0, 0
        number = self._lines.get(path, 0)
        source = self._label(path)
        with path.open("rb") as handle:
            handle.seek(offset)
            for piece in read_lines(handle, self.cap, final=final):
                number += 1
                if piece.oversized:
                    reason = f"line {number}: {piece.too_big('the line', self.cap)}"
                    self.sink.reject(piece.raw, reason, source)
                elif piece.raw.strip():
                    publish_line(self.sink, piece.raw, number, source, self.full_text)
                self._offsets[path], self._lines[path] = offset + piece.end, number


def follow(reader: FileReader, paths: list[Path], interval: float, stop: threading.Event) -> None:
    """Read ``paths`` now and then every ``interval`` seconds until ``stop`` is set.

    A path that is gone for a while (a log rotated away) is reported and polled again.
    """
    _scan_following(reader, paths)
    while not stop.wait(interval):
        _scan_following(reader, paths)


def _scan_following(reader: FileReader, paths: list[Path]) -> None:
    for path in paths:
        try:
            reader.scan([path], final=False)
        except ConfigError as exc:
            print(f"wirewatch produce files: {exc}; polling again", file=sys.stderr)


def _settled(path: Path) -> bool:
    """Whether a file has not changed for a while, so it is not still being written."""
    return time.time() - path.stat().st_mtime >= SETTLE_SECONDS


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``; a sub-folder that vanishes mid-walk is passed over."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES and path.is_file():
                yield path


def _item_bytes(item: object) -> bytes:
    """A rejected JSON item as bytes (its excerpt when it is too deep to encode)."""
    try:
        return json.dumps(item, ensure_ascii=True).encode()
    except (RecursionError, ValueError):
        return b"(a JSON item nested too deeply to copy)"
