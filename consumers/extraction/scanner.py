"""One Aho-Corasick pass for every gazetteer name and signal keyword, another for cue stems.

Matching runs over a lower-cased copy of the text that keeps every offset (characters whose
lower case is longer are left as they are), so hits index the original text directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from consumers.extraction import gazetteer, lexicon


@dataclass(frozen=True)
class Hit:
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
    cues: dict[str, list[str]] = {}
    for cue, stems in lexicon.CUES.items():
        for stem in stems:
            cues.setdefault(stem, []).append(cue)
    for groups in lexicon.NEGOTIATION_GATES.values():
        for stem in (stem for group in groups for stem in group):
            if "stem:" + stem not in cues.get(stem, ()):
                cues.setdefault(stem, []).append("stem:" + stem)
    automaton = ahocorasick.Automaton()
    for stem, names in cues.items():
        automaton.add_word(stem, (len(stem), tuple(names)))
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


def _bounded(lowered: str, start: int, end: int) -> bool:
    before = lowered[start - 1] if start > 0 else " "
    after = lowered[end] if end < len(lowered) else " "
    return not (before.isalnum() or after.isalnum() or after == "-" and before != "-")


def scan_terms(text: str, lowered: str) -> list[Hit]:
    """Gazetteer names and signal keywords found as whole words, longest match first."""
    hits = []
    for last, (length, category, name, exact) in _TERMS.iter_long(lowered):
        start, end = last + 1 - length, last + 1
        if not _bounded(lowered, start, end):
            continue
        if exact is not None and text[start:end].replace("\u2019", "'") != exact:
            continue
        hits.append(Hit(start, end, category, name))
    return hits


def scan_cues(lowered: str) -> list[tuple[int, str]]:
    """``(position, cue)`` for every cue stem starting a word; negotiation gate stems come
    as ``stem:<word>``."""
    found = []
    for last, (length, names) in _CUES.iter(lowered):
        start = last + 1 - length
        if start == 0 or not lowered[start - 1].isalnum():
            found += [(start, cue) for cue in names]
    return found
