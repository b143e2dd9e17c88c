"""Articles from standard input: JSONL (one article object per line) or one plain-text article.

Read as a stream with a cap per record (``max_input_bytes``): a line or text over
it is dead-lettered as an excerpt with its size, and the lines after it still count.
"""

from __future__ import annotations

from typing import BinaryIO

from producers.files import publish_line
from producers.lines import read_capped, read_lines
from producers.parsing import decode_utf8, event_from_text
from producers.publish import Sink
from wirewatch.errors import SchemaError
from wirewatch.settings import DEFAULT_MAX_INPUT_BYTES

DEFAULT_SOURCE = "stdin"


def read_jsonl(
    stream: BinaryIO,
    sink: Sink,
    source: str = DEFAULT_SOURCE,
    *,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> None:
    """Publish each line as it arrives; a bad or oversized line is rejected, the rest go on."""
    for number, piece in enumerate(read_lines(stream, max_input_bytes), start=1):
        if piece.oversized:
            reason = f"line {number}: {piece.too_big('the line', max_input_bytes)}"
            sink.reject(piece.raw, reason, source)
        elif piece.raw.strip():
            publish_line(sink, piece.raw, number, source)


def read_text(
    stream: BinaryIO,
    sink: Sink,
    source: str = DEFAULT_SOURCE,
    *,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> None:
    """Publish the whole stream as one article: first non-empty line is the title."""
    piece = read_capped(stream, max_input_bytes)
    if piece.oversized:
        sink.reject(piece.raw, piece.too_big("the text", max_input_bytes), source)
        return
    try:
        event = event_from_text(decode_utf8(piece.raw), source=source)
    except SchemaError as exc:
        sink.reject(piece.raw, str(exc), source)
        return
    sink.publish(event)
