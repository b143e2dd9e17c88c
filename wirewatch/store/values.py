"""How the store keeps values: times as epoch milliseconds, counts bounded, rows as tuples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

Row = tuple[Any, ...]

#: Largest count stored: no article states more people than this (10^8).
MAX_COUNT = 100_000_000


def to_ms(moment: datetime) -> int:
    """Epoch milliseconds of an aware datetime."""
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> datetime:
    """The aware UTC datetime of epoch milliseconds."""
    return datetime.fromtimestamp(ms / 1000, UTC)


def bounded(value: int | None) -> int | None:
    """``value`` clamped to ``[-MAX_COUNT, MAX_COUNT]`` (None stays None)."""
    return None if value is None else max(-MAX_COUNT, min(int(value), MAX_COUNT))
