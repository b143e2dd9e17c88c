"""A report's share of a figure told for several events.

Event reports that split one clash over several records say so: "12 fatalities split across
3 events and coded as 4 for this event", "6 deaths (coded across 6 events)", "the deaths have
been split over two events". The report's own deaths are then its share: the figure "coded
as" for it, or the sentence's deaths divided evenly. :func:`share_of` finds that share; the
caller keeps it as a part of the figure it divides and counts it instead of the whole.
"""

from __future__ import annotations

import re

from consumers.extraction.numbers import NumberMention, find_numbers

# one of these, or nothing to look for (``str.find`` on the sentence)
GATES = ("coded as", "split ", "coded across", "coded over", "divided ")
_UNITS = r"events|locations|incidents|dates|days|villages|places|records"
_SPLIT = re.compile(
    r"\b(?:split|coded|divided|distributed)\s+(?:evenly\s+)?(?:across|over|between|among)\s+"
    rf"(?:the\s+)?(?P<k>[\w-]+)\s+(?:{_UNITS})\b"
)
_CODED_AS = re.compile(r"\bcoded\s+as\s+(?P<m>[\w-]+)(?P<here>\s+for\s+this\s+(?:event|incident))?")
_DEATHS = re.compile(r"\b(?:fatalit(?:y|ies)|deaths?|killed|dead)\b")


def _number(low: str, start: int, end: int) -> NumberMention | None:
    found = find_numbers(low, max(0, start - 1), end)
    return found[0] if found and 0 < found[0].value <= 10_000 else None


def share_of(
    low: str, lo: int, hi: int, deaths: int
) -> tuple[NumberMention, tuple[int, int]] | None:
    """The share of ``low[lo:hi]``'s deaths that its report counts, and the span of the words
    that say so: the figure "coded as" for this event, or else ``deaths`` (the sentence's
    own) divided evenly over the events it is "split across". None when the sentence says
    nothing of a split, or speaks of something other than deaths."""
    coded = None
    for match in _CODED_AS.finditer(low, lo, hi):
        number = _number(low, match.start("m"), match.end("m"))
        if number is not None and (match.group("here") or coded is None):
            coded = (match, number)
    split = _SPLIT.search(low, lo, hi)
    if coded is not None and (coded[0].group("here") or split is not None):
        match, number = coded
        if _DEATHS.search(low, max(lo, match.start() - 120), match.start()) is None:
            return None
        return number, match.span()
    if (
        split is None
        or deaths <= 0
        or "remaining" in low[max(lo, split.start() - 30) : split.start()]
    ):
        return None
    if _DEATHS.search(low, max(lo, split.start() - 120), split.start()) is None:
        return None
    parts = _number(low, split.start("k"), split.end("k"))
    if parts is None or parts.value < 2:
        return None
    value = max(1, (2 * deaths + parts.value) // (2 * parts.value))  # rounded half up
    return NumberMention(
        value, value, None, False, split.start(), split.end(), split.start()
    ), split.span()
