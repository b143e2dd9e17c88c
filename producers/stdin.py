"""Articles from standard input: JSONL (one article object per line) or one plain-text article."""

from __future__ import annotations

from typing import BinaryIO

from producers.files import publish_line
from producers.publish import Sink
from producers.records import decode_utf8, event_from_text
from wirewatch.errors import SchemaError

DEFAULT_SOURCE = "stdin"


def read_jsonl(stream: BinaryIO, sink: Sink, source: str = DEFAULT_SOURCE) -> None:
    """Publish each line as it arrives; a bad line is rejected and the rest continue."""
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            publish_line(sink, raw.rstrip(b"\r\n"), number, source)


def read_text(stream: BinaryIO, sink: Sink, source: str = DEFAULT_SOURCE) -> None:
    """Publish the whole stream as one article: first non-empty line is the title."""
    raw = stream.read()
    try:
        event = event_from_text(decode_utf8(raw), source=source)
    except SchemaError as exc:
        sink.reject(raw, str(exc), source)
        return
    sink.publish(event)
