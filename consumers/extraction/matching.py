"""Regex helpers that keep searches fast on long texts.

Python's regex engine skips ahead in C to the first character of a match only when the
pattern starts with a literal or a character class; a leading ``\\b``, look-behind or
group disables that and makes it try every position. Patterns here are written without
a leading ``\\b`` and the word boundary is checked afterwards.
"""

from __future__ import annotations

import re


def starts_word(text: str, pos: int) -> bool:
    """True when ``text[pos]`` starts a word, as ``\\b`` before a word character means."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def word_search(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text[lo:hi]`` that starts a word."""
    pos = lo
    while (match := pattern.search(text, pos, hi)) is not None:
        if starts_word(text, match.start()):
            return match
        pos = match.start() + 1
    return None
