"""The extractor's border check: figures no real article can state are refused, never raised.

The number parser may already ignore absurd figures; this check holds regardless,
so an article whose extraction claims 3 billion people killed (or a 64-bit
overflow) is dead-lettered with the reason instead of reaching the store.
"""

from __future__ import annotations

from collections.abc import Iterator

from wirewatch.metrics import Extraction
from wirewatch.store.sql import MAX_COUNT


def implausible(extraction: Extraction, bound: int = MAX_COUNT) -> str | None:
    """Why ``extraction`` holds a figure outside ``[0, bound]``, or None if every one fits."""
    for name, value in _figures(extraction):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{name} is not a whole number: {value!r}"
        if not 0 <= value <= bound:
            return f"implausible figure: {name}={value} is outside 0..{bound}"
    return None


def _figures(extraction: Extraction) -> Iterator[tuple[str, object]]:
    s = extraction.summary
    yield "summary.killed", s.killed
    yield "summary.wounded", s.wounded
    if s.death_toll is not None:
        yield "summary.death_toll", s.death_toll
    for i, c in enumerate(extraction.casualties):
        yield f"casualties[{i}].count", c.count
        yield f"casualties[{i}].low", c.low
        if c.high is not None:
            yield f"casualties[{i}].high", c.high
