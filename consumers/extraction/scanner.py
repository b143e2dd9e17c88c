"""One Aho-Corasick pass finds every gazetteer name, signal keyword and sentence cue.

Negotiation gate stems ("to ", "held", "plan") are common words, so
:mod:`consumers.extraction.negotiations` looks them up only inside the few sentences that
carry a negotiation cue. The same pass notes where a casualty trigger stem starts a word
(:data:`triggers.TRIGGER_STEMS`), so that a figure with none in reach skips the regexes
that read the words after it, and which gate words of the casualty rules
(:data:`casualties.GATE_WORDS`) each sentence holds, so that a gate is a set lookup.

Matching runs over a lower-cased copy of the text that keeps every offset (characters whose
lower case is longer are left as they are), so hits index the original text directly; terms
that count only as spelled ("UN", "WHO") are found apart, as written (:mod:`.spelled`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

import ahocorasick

from consumers.extraction import casualties, gazetteer, lexicon, people
from consumers.extraction.matching import KeySearch
from consumers.extraction.spelled import Guards, Spelled, guards_of, hides
from consumers.extraction.triggers import TRIGGER_STEMS


class Hit(NamedTuple):
    """A term found at ``text[start:end]``; ``category`` is actor, country, location,
    military, humanitarian or ``none`` (a look-alike that is not a signal)."""

    start: int
    end: int
    category: str
    name: str


# a term's value: (length, category, name, the exact spelling when case matters)
Term = tuple[int, str, str, str | None]


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


# what a key of the automaton is besides a term: bits of a cue, an attribution word, a
# casualty trigger stem and a gate word
CASUALTY: Final = 1
NEGOTIATION: Final = 2
ATTRIBUTION: Final = 4
TRIGGER: Final = 8
GATE: Final = 16
_CUE: Final = CASUALTY | NEGOTIATION
_AT_WORD: Final = _CUE | TRIGGER  # found only where a word starts
_ANYWHERE: Final = ATTRIBUTION | GATE  # found anywhere (an attribution word is checked apart)
_IN_SENTENCE: Final = _CUE | _ANYWHERE  # noted for the sentence a key is in


def _build_cues() -> dict[str, int]:
    """Cue stems, attribution words, trigger stems and gate words with their bits."""
    bits = {"casualty": CASUALTY, "negotiation": NEGOTIATION}
    cues: dict[str, int] = {}
    for cue, stems in lexicon.CUES.items():
        for stem in stems:
            cues[stem] = cues.get(stem, 0) | bits[cue]
    for word in people.ATTRIBUTION_WORDS:
        cues[word] = cues.get(word, 0) | ATTRIBUTION
    for stem in TRIGGER_STEMS:
        cues[stem] = cues.get(stem, 0) | TRIGGER
    for word in casualties.GATE_WORDS:
        cues[word] = cues.get(word, 0) | GATE
    return cues


def _build_both() -> ahocorasick.Automaton:
    """One automaton for terms, cue stems, attribution words, trigger stems and gate words:
    value ``(length, term or None, bits, key)``, so that one pass over the text finds all
    of them."""
    terms, cues = _build_terms(), _build_cues()
    both: dict[str, tuple[Term | None, int]] = {key: (terms.get(key), 0) for key in terms.keys()}
    for key, bits in cues.items():
        both[key] = (both.get(key, (None, 0))[0], bits)
    automaton = ahocorasick.Automaton()
    for key, (term, bits) in both.items():
        automaton.add_word(key, (len(key), term, bits, key))
    automaton.make_automaton()
    return automaton


def _build_search() -> tuple[
    KeySearch, list[tuple[int, Term | None, int, str, Guards | None]], Spelled[Term]
]:
    """The keys of ``_build_both`` with the value of each by its index and its guards, but
    the terms counted only as spelled (no cue, a spelling without an apostrophe, which the
    sweep would compare with straightened quotes), which are kept apart."""
    both = _build_both()
    keys, spelled = [], {}
    for key in both.keys():
        _, term, bits, _ = both.get(key)
        if term is None or bits or term[3] is None or "'" in term[3]:
            keys.append(key)
        else:
            spelled[key] = (term[3], term)
    terms = Spelled(spelled)
    values = [(*both.get(key), guards_of(key, terms.spellings)) for key in keys]
    return KeySearch(keys), values, terms


_SEARCH, _VALUES, _SPELLED = _build_search()
_KEY_VALUES: Final = _VALUES  # read in the scan loop: a constant, not a module lookup
_SPELLED_TERMS: Final = _SPELLED


def find_keys(lowered: str) -> list[tuple[int, int, int]]:
    """``(key index, start, end)`` of every overlapping key match in ``lowered`` (but the
    terms counted only as spelled)."""
    return _SEARCH.find(lowered)


# ``str.lower`` called as CPython's method: the compiled ``.lower()`` maps each character
# through a function pointer, a third slower on a whole article
_LOWER: Final[Callable[[str], str]] = str.lower


def lower_same_length(text: str) -> str:
    """Lower case with the same length as ``text`` (and curly apostrophes made straight).

    The apostrophes are made straight first: most texts are then ASCII, which ``str.lower``
    reads many times faster than wider text (neither apostrophe has a lower case)."""
    return lower_straight(straight_quotes(text))


def straight_quotes(text: str) -> str:
    """``text`` with its curly apostrophes made straight (the same length)."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def lower_straight(straight: str) -> str:
    """:func:`lower_same_length` of a text whose apostrophes are straight already."""
    lowered = _LOWER(straight)
    if len(lowered) != len(straight):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in straight)
    return lowered


class Scan(NamedTuple):
    """What one pass over a text found: term hits, the indexes of the sentences holding
    a casualty cue, a negotiation cue (a cue stem counts where it starts a word) and an
    attribution word (:data:`people.ATTRIBUTION_WORDS`, as a whole word of its sentence),
    where a trigger stem starts a word, in order, and the gate words of each sentence that
    holds any."""

    hits: list[Hit]
    casualty: set[int]
    negotiation: set[int]
    attributed: set[int]
    triggers: list[int]
    words: dict[int, set[str]]


def scan(
    text: str,
    lowered: str,
    starts: list[int],
    spans: list[tuple[int, int]],
    straight: str | None = None,
) -> Scan:
    """Gazetteer names and signal keywords found as whole words (leftmost-longest, not
    overlapping) and the sentences with cues and attribution words, in one pass. ``starts``
    are the sentence starts; ``straight``, when given, is :func:`straight_quotes` of
    ``text``, where the terms counted only as spelled are searched (often ASCII where
    ``text`` is not)."""
    casualty: set[int] = set()
    negotiation: set[int] = set()
    attributed: set[int] = set()
    triggers: list[int] = []
    words: dict[int, set[str]] = {}
    terms: list[tuple[int, int, Term]] = []
    hidden = False  # whether a look-alike of a term counted as spelled could hide a term
    values = _KEY_VALUES
    last = len(starts) - 1
    i = -1  # the sentence of the last key: keys come nearly in order, so it moves a step or so
    for index, start, end in find_keys(lowered):
        length, term, bits, key, guards = values[index]
        if term is not None:
            terms.append((start, -length, term))
            if guards is not None and not hidden:
                hidden = hides(text, lowered, start, guards)
        if not bits:
            continue
        if bits & _AT_WORD and start and lowered[start - 1].isalnum():
            bits &= _ANYWHERE  # inside a word: no cue, no trigger
            if not bits:
                continue
        if bits & TRIGGER:
            triggers.append(start)
            if not bits & _IN_SENTENCE:
                continue
        # bisect_right(starts, start) - 1, walked from the last key's sentence
        while i < last and starts[i + 1] <= start:
            i += 1
        while i >= 0 and starts[i] > start:
            i -= 1
        if i < 0 or start >= spans[i][1]:
            continue
        if bits & CASUALTY:
            casualty.add(i)
        if bits & NEGOTIATION:
            negotiation.add(i)
        if bits & GATE and end <= spans[i][1]:
            words.setdefault(i, set()).add(key)
        if bits & ATTRIBUTION and _whole_word(lowered, start, end, spans[i]):
            attributed.add(i)
    triggers.sort()  # found in the order of their ends
    spelled = _SPELLED_TERMS.add(text, lowered, terms, hidden, straight)
    hits = _longest_hits(text, lowered, spelled)
    return Scan(hits, casualty, negotiation, attributed, triggers, words)


def _whole_word(lowered: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """True when ``lowered[start:end]`` is a whole word of the sentence ``(lo, hi)``, where
    the sentence's ends count as word boundaries."""
    lo, hi = sentence
    if end > hi or start > lo and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
        return False
    return end == hi or not (lowered[end].isalnum() or lowered[end] == "_")


def _longest_hits(text: str, lowered: str, terms: list[tuple[int, int, Term]]) -> list[Hit]:
    """Whole-word term hits, longest first at each start, none overlapping another."""
    hits = []
    size = len(lowered)
    taken = -1
    terms.sort()  # by start, then longest first: no two terms share both, so no ties
    for start, neg_length, (_, category, name, exact) in terms:
        end = start - neg_length
        if start < taken:
            continue
        taken = end
        if exact is not None and text[start:end].replace("\u2019", "'") != exact:
            continue
        if start > 0 and lowered[start - 1].isalnum():
            continue
        if end < size:
            after = lowered[end]
            if after.isalnum() or after == "-" and (start == 0 or lowered[start - 1] != "-"):
                continue
        hits.append(tuple.__new__(Hit, (start, end, category, name)))  # no Python constructor
    return hits
