"""Bounded reading of input: lines and whole streams with a size cap, never read whole.

A line (or a whole text) over the cap is not kept: the reader keeps an excerpt of
:data:`EXCERPT_BYTES`, skips the rest in chunks while counting it, and hands back a
:class:`Piece` marked ``oversized`` so the caller can dead-letter it with its size.
Memory per record is therefore at most ``cap`` bytes, whatever the input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

EXCERPT_BYTES = 64 * 1024
CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Piece:
    """One line or text as read: its bytes, or only an excerpt when ``oversized``."""

    raw: bytes
    size: int  # the full size in bytes, line ending excluded
    end: int  # bytes consumed from the stream so far, this piece included
    oversized: bool = False

    def too_big(self, what: str, cap: int) -> str:
        """The reason to give for an oversized piece."""
        return (
            f"{what} is {self.size} bytes, over the input limit of {cap} "
            f"(WIREWATCH_MAX_INPUT_BYTES); the dead letter keeps the first {len(self.raw)} bytes"
        )


def read_lines(stream: BinaryIO, cap: int, *, final: bool = True) -> Iterator[Piece]:
    """Yield each line of ``stream`` (ending stripped), holding at most ``cap`` bytes.

    With ``final=False`` an unfinished last line (no newline yet) is not yielded, so
    a caller following a growing file resumes at the last ``end``.
    """
    consumed = 0
    while head := stream.readline(cap + 1):
        consumed += len(head)
        if head.endswith(b"\n"):
            yield Piece(head.rstrip(b"\r\n"), len(head.rstrip(b"\r\n")), consumed)
            continue
        if len(head) <= cap:  # the stream ended without a newline
            if final:
                yield Piece(head.rstrip(b"\r"), len(head.rstrip(b"\r")), consumed)
            return
        rest, finished = _skip_line(stream)
        consumed += rest
        if not finished and not final:
            return  # still being written: read again once it is complete
        size = len(head) + rest - (1 if finished else 0)
        yield Piece(head[:EXCERPT_BYTES], size, consumed, oversized=True)


def read_capped(stream: BinaryIO, cap: int) -> Piece:
    """The whole of ``stream`` when it is at most ``cap`` bytes, else an excerpt and its size."""
    data = stream.read(cap + 1)
    if len(data) <= cap:
        return Piece(data, len(data), len(data))
    size = len(data)
    while chunk := stream.read(CHUNK_BYTES):
        size += len(chunk)
    return Piece(data[:EXCERPT_BYTES], size, size, oversized=True)


def _skip_line(stream: BinaryIO) -> tuple[int, bool]:
    """Skip to the end of the current line: bytes skipped, and whether a newline ended it."""
    skipped = 0
    while chunk := stream.readline(CHUNK_BYTES):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            return skipped, True
    return skipped, False
