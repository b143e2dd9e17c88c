"""Military, humanitarian, actor and location signals from the scanner's term hits.

A generic "strike" is an airstrike unless a labour or deal context says otherwise; a
"hospital" counts as damage only when its sentence says it was hit, raided or disabled. A
country is a location after a place word ("in", "central", "northern") and an actor
otherwise ("Egypt said", "Israel's military", "mediators from Egypt"). One signal per name
per sentence.
"""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction import lexicon
from consumers.extraction.scanner import Hit

_GENERIC_STRIKE: Final = frozenset({"strike", "strikes", "struck", "pounded", "bombed"})
_VETO_BEFORE: Final = re.compile(
    r"\b(?:hunger|general|labou?r|workers'?|teachers'?|lucky|doctors'?)\s+$", re.IGNORECASE
)
_VETO_AFTER: Final = re.compile(r"\s+(?:a\s+(?:deal|balance|chord|pose|note)|down|out|by\s+a\s+car|"
                                r"by\s+lightning|back\s+at\s+critics)\b",
                                re.IGNORECASE)  # fmt: skip
# matched on the lower-cased text; the leading word boundary is checked by hand so that the
# regex engine can skip ahead to the first letter of an alternative
_HOSPITAL_DAMAGE: Final = re.compile(lexicon.HOSPITAL_DAMAGE.removeprefix(r"\b"))
# a literal of every branch of ``_HOSPITAL_DAMAGE``: a sentence with none (most) is not searched
_DAMAGE_WORDS: Final = ("struck", "hit", "damaged", "destroyed", "bombed", "shelled", "raid",
                        "stormed", "attack", "besieged", "surrounded", "out", "stopped", "ceased",
                        "collapse", "evacuated", "targeted", "strike", "siege", "fire")  # fmt: skip
_PLACE_BEFORE: Final = re.compile(
    r"\b(?:in|into|from|inside|across|central|northern|southern|eastern|western|north|south|"
    r"east|west|toward|towards|near|within|entered|reached|at|to|through|over|border\s+with|"
    r"parts\s+of)\s+(?:the\s+)?$"
)

# "mediators from Egypt", "officials from Qatar": the country acts through its envoys
_ENVOYS_FROM: Final = re.compile(
    r"\b(?:mediators|negotiators|officials|envoys?|delegations?|diplomats|representatives)\s+"
    r"from\s+(?:the\s+)?$"
)


class Context:
    """One text and its lower-cased copy; remembers which sentences say a hospital was hit."""

    def __init__(self, text: str, lowered: str) -> None:
        self.text, self.lowered = text, lowered
        self._damage: dict[tuple[int, int], bool] = {}

    def signal_name(self, hit: Hit, sentence: tuple[int, int]) -> tuple[str, str] | None:
        """``(category, name)`` of a term hit in its sentence, or None for a look-alike."""
        category = hit.category
        if category == "none":
            return None
        if category == "country":
            before = self.lowered[max(sentence[0], hit.start - 24) : hit.start]
            place = _PLACE_BEFORE.search(before) and not _ENVOYS_FROM.search(before)
            return ("location" if place else "actor"), hit.name
        if hit.name == "airstrike" and self.lowered[hit.start : hit.end] in _GENERIC_STRIKE:
            text = self.text
            if _VETO_BEFORE.search(text, max(sentence[0], hit.start - 16), hit.start):
                return None
            if _VETO_AFTER.match(text, hit.end, sentence[1]):
                return None
        if hit.name == "hospital_damage" and not self._hospital_hit(sentence):
            return None
        return category, hit.name

    def _hospital_hit(self, sentence: tuple[int, int]) -> bool:
        if sentence not in self._damage:
            lowered, (lo, hi) = self.lowered, sentence
            self._damage[sentence] = _damage_word_at_word_start(lowered, lo, hi)
        return self._damage[sentence]


def _damage_word_at_word_start(lowered: str, lo: int, hi: int) -> bool:
    """``word_search(_HOSPITAL_DAMAGE, lowered, lo, hi) is not None``, tried only where a word
    starts with a literal of :data:`_DAMAGE_WORDS` (every match starts with one): a search
    would try each branch at every letter one of them opens with."""
    part = lowered[lo:hi]
    for word in _DAMAGE_WORDS:
        at = part.find(word)
        while at != -1:
            pos = lo + at
            if (pos == 0 or not (lowered[pos - 1].isalnum() or lowered[pos - 1] == "_")) and (
                _HOSPITAL_DAMAGE.match(lowered, pos, hi) is not None
            ):
                return True
            at = part.find(word, at + 1)
    return False
