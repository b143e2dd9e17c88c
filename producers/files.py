"""Articles from files and folders: ``.txt``, ``.md``, ``.json`` and ``.jsonl``.

A text or Markdown file is one article (first non-empty line = title). A JSON file
holds one article object or a list; a JSONL file one object per line. Folders are
walked recursively (hidden entries skipped). :class:`FileReader` remembers what it
has read, so ``--follow`` only picks up new files (once they stop changing) and
complete lines appended to JSONL files.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from producers.fulltext import line_event, mapping_event
from producers.publish import Sink
from producers.records import decode_utf8, event_from_text, objects_from_json
from wirewatch.errors import ConfigError, SchemaError

SUFFIXES = (".txt", ".md", ".json", ".jsonl")
FullTextFn = Callable[[str], str]  # URL -> article text (producers.fulltext.FullText)
SETTLE_SECONDS = 1.0


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every article file under ``paths``, folders walked in name order."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            yield from sorted(p for p in found if not _hidden(p.relative_to(path)))
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
        self, sink: Sink, source: str | None = None, full_text: FullTextFn | None = None
    ) -> None:
        self.sink = sink
        self.source = source
        self.full_text = full_text  # an item with a URL but no body: the linked page's text
        self._offsets: dict[Path, int] = {}
        self._lines: dict[Path, int] = {}

    def scan(self, paths: Iterable[Path], *, final: bool = True) -> None:
        """Read what is new under ``paths``; ``final=False`` leaves a partial last line."""
        for path in find_files(paths):
            self.read(path, final=final)

    def read(self, path: Path, *, final: bool = True) -> None:
        """Read one file; a whole-file format once, and (unless ``final``) once it settled."""
        if path.suffix.lower() == ".jsonl":
            self._read_jsonl(path, final=final)
        elif path not in self._offsets and (final or _settled(path)):
            self._offsets[path] = path.stat().st_size
            self._read_whole(path)

    def _label(self, path: Path) -> str:
        return self.source or f"file:{path.name}"

    def _read_whole(self, path: Path) -> None:
        raw = path.read_bytes()
        source = self._label(path)
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
                raw = json.dumps(item, ensure_ascii=False).encode()
                self.sink.reject(raw, f"item {number}: {exc}", source)
                continue
            self.sink.publish(event)

    def _read_jsonl(self, path: Path, *, final: bool) -> None:
        offset = self._offsets.get(path, 0)
        if path.stat().st_size < offset:  # truncated or replaced: start over
            offset, self._lines[path] = 0, 0
        with path.open("rb") as handle:
            handle.seek(offset)
            chunk = handle.read()
        if not final:
            chunk = chunk[: chunk.rfind(b"\n") + 1]
        self._offsets[path] = offset + len(chunk)
        number = self._lines.get(path, 0)
        for raw in chunk.splitlines():
            number += 1
            if raw.strip():
                publish_line(self.sink, raw, number, self._label(path), self.full_text)
        self._lines[path] = number


def follow(reader: FileReader, paths: list[Path], interval: float, stop: threading.Event) -> None:
    """Read ``paths`` now and then every ``interval`` seconds until ``stop`` is set."""
    reader.scan(paths, final=False)
    while not stop.wait(interval):
        reader.scan(paths, final=False)


def _settled(path: Path) -> bool:
    """Whether a file has not changed for a while, so it is not still being written."""
    return time.time() - path.stat().st_mtime >= SETTLE_SECONDS


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
