"""Terms that count only as spelled ("UN", "US", "PA", "WHO"), found in the text as written.

The scanner reads lower-cased text, where the look-alikes of these terms in other cases ("un"
of "until", "us", "who") were half of all its key matches, each carried to the longest-match
sweep (:func:`scanner._longest_hits`) only to be dropped there. They are searched apart
instead, by their spellings, leftmost-longest (a prefiltered search, ~15x faster than an
overlapping one over the same text).

What that search leaves out never changes the sweep's hits, but in one case. The sweep takes
terms by start, longest first, and skips any term that starts inside the last one it took,
hit or not. A look-alike is never a hit, and a shorter spelling at the start of a longer one
is always skipped; so what is left out matters only where it starts before another term and
reaches over that term's start (or starts with it and is longer), or is a spelling left out
because it starts inside a spelling found ("UN" in "EUN"). :class:`Guards` say where that
could be; where it is, every match of the keys in the lower-cased text is swept, as before.
"""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

from consumers.extraction.matching import KeySearch

T = TypeVar("T")


class Guards(NamedTuple):
    """Where a term's match could be hidden by a left-out one: ``(key, spelling, back)``
    entries, each a key (lower case) starting ``back`` characters before the term's start
    whose text is not ``spelling`` (``None``: whatever its text; ``back`` below 0: after the
    start, inside the term). ``before`` holds the characters that can precede the term's
    start where one applies (``None``: any)."""

    before: str | None
    entries: tuple[tuple[str, str | None, int], ...]


def hides(text: str, lowered: str, start: int, guards: Guards) -> bool:
    """Whether a left-out match that ``guards`` describe is found for a term at ``start``."""
    before, entries = guards
    if before is not None and (not start or lowered[start - 1] not in before):
        return False
    for key, spelling, back in entries:
        at = start - back
        if at >= 0 and lowered.startswith(key, at) and text[at : at + len(key)] != spelling:
            return True
    return False


def _over(key: str, spellings: dict[str, str]) -> list[tuple[str, str | None, int]]:
    """Look-alikes of ``spellings`` (by key) that the sweep takes before a term with key
    ``key`` and so skip it: reaching over its start, agreeing with its letters, or at its
    start and longer."""
    found: list[tuple[str, str | None, int]] = []
    for other, spelling in spellings.items():
        for back in range(len(other)):
            tail = other[back:]
            over = tail.startswith(key) or key.startswith(tail)
            if over if back else len(tail) > len(key) and tail.startswith(key):
                found.append((other, spelling, back))
    return found


def _inside(key: str, spellings: dict[str, str]) -> list[tuple[str, str | None, int]]:
    """Keys of ``spellings`` that can start inside a match of ``key`` (and so be left out
    of a leftmost-longest search that finds ``key``), with their offsets as negative backs."""
    return [(other, None, -offset) for other in spellings for offset in range(1, len(key))
            if other.startswith(key[offset:]) or key[offset:].startswith(other)]  # fmt: skip


def guards_of(key: str, spellings: dict[str, str]) -> Guards | None:
    """The guards of a term with key ``key`` among the other keys, or None if it has none."""
    over = _over(key, spellings)
    if not over:
        return None
    if any(back == 0 for _, _, back in over):
        return Guards(None, tuple(over))
    return Guards("".join(sorted({other[back - 1] for other, _, back in over})), tuple(over))


class Spelled(Generic[T]):
    """The terms counted only as spelled: their keys (lower case) with their spellings and
    values (``T``, what the sweep carries)."""

    def __init__(self, terms: dict[str, tuple[str, T]]) -> None:
        spellings = {key: spelling for key, (spelling, _) in terms.items()}
        self.spellings = spellings
        self._found = KeySearch(list(spellings.values()), longest=True)
        self._all = KeySearch(list(spellings))
        self._values = [
            (len(key), value, Guards(None, (*_over(key, spellings), *_inside(key, spellings))))
            for key, (_, value) in terms.items()
        ]

    def add(
        self,
        text: str,
        lowered: str,
        terms: list[tuple[int, int, T]],
        hidden: bool,
        straight: str | None = None,
    ) -> list[tuple[int, int, T]]:
        """``terms`` (``(start, -length, value)``) and these terms where the text spells them
        or, when ``hidden`` or a left-out match could hide a term, every match of their keys
        in ``lowered``, as one pass over all keys would find. The spellings are searched in
        ``straight``, ``text`` with its curly apostrophes made straight, when given: no
        spelling holds an apostrophe, so they match there as in ``text``, and a text whose
        only wide characters were those apostrophes is then searched as ASCII."""
        count = len(terms)
        values = self._values
        for index, start, _ in self._found.find(text if straight is None else straight):
            length, value, guards = values[index]
            terms.append((start, -length, value))
            hidden = hidden or hides(text, lowered, start, guards)
        if hidden:
            del terms[count:]
            for index, start, _ in self._all.find(lowered):
                length, value, _ = values[index]
                terms.append((start, -length, value))
        return terms
