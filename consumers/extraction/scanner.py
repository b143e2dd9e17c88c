"""One Aho-Corasick pass for every gazetteer name and signal keyword, another for sentence cues.

Negotiation gate stems ("to ", "held", "plan") are common words, so
:mod:`consumers.extraction.negotiations` looks them up only inside the few sentences that
carry a negotiation cue.

Matching runs over a lower-cased copy of the text that keeps every offset (characters whose
lower case is longer are left as they are), so hits index the original text directly.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import ahocorasick

from consumers.extraction import gazetteer, lexicon


class Hit(NamedTuple):
    """A term found at ``text[start:end]``; ``category`` is actor, country, location,
    military, humanitarian or ``none`` (a look-alike that is not a signal)."""

    start: int
    end: int
    category: str
    name: str


def _build_terms() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    rows = gazetteer.entries()
    rows += [(s, cat, name) for (cat, name), forms in lexicon.SIGNAL_TERMS.items() for s in forms]
    rows += [(s, "none", s) for s in lexicon.NOT_SIGNALS]
    for surface, category, name in rows:
        key = surface.lower()
        if automaton.exists(key):
            continue
        exact = surface if surface in gazetteer.CASE_SENSITIVE else None
        automaton.add_word(key, (len(key), category, name, exact))
    automaton.make_automaton()
    return automaton


def _build_cues() -> ahocorasick.Automaton:
    cues: dict[str, set[str]] = {}
    for cue, stems in lexicon.CUES.items():
        for stem in stems:
            cues.setdefault(stem, set()).add(cue)
    automaton = ahocorasick.Automaton()
    for stem, names in cues.items():
        automaton.add_word(stem, (len(stem), "casualty" in names, "negotiation" in names))
    automaton.make_automaton()
    return automaton


_TERMS = _build_terms()
_CUES = _build_cues()


def lower_same_length(text: str) -> str:
    """Lower case with the same length as ``text`` (and curly apostrophes made straight)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.replace("\u2019", "'").replace("\u2018", "'")


def scan_terms(text: str, lowered: str) -> list[Hit]:
    """Gazetteer names and signal keywords found as whole words, longest match first."""
    hits = []
    size = len(lowered)
    for last, (length, category, name, exact) in _TERMS.iter_long(lowered):
        start, end = last + 1 - length, last + 1
        if exact is not None and text[start:end].replace("\u2019", "'") != exact:
            continue  # "us", "un", "pa" inside words: cheapest test first
        if start > 0 and lowered[start - 1].isalnum():
            continue
        if end < size:
            after = lowered[end]
            if after.isalnum() or after == "-" and (start == 0 or lowered[start - 1] != "-"):
                continue
        hits.append(Hit(start, end, category, name))
    return hits


def cue_sentences(
    lowered: str, starts: list[int], spans: list[tuple[int, int]]
) -> tuple[set[int], set[int]]:
    """Indexes of the sentences holding a casualty cue, and of those holding a negotiation
    cue; a cue stem counts where it starts a word. ``starts`` are the sentence starts."""
    casualty: set[int] = set()
    negotiation: set[int] = set()
    for last, (length, is_casualty, is_negotiation) in _CUES.iter(lowered):
        start = last + 1 - length
        if start and lowered[start - 1].isalnum():
            continue
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= spans[i][1]:
            continue
        if is_casualty:
            casualty.add(i)
        if is_negotiation:
            negotiation.add(i)
    return casualty, negotiation
