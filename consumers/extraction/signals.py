"""Military, humanitarian, actor and location signals from the scanner's term hits.

A generic "strike" is an airstrike unless a labour or deal context says otherwise; a
"hospital" counts as damage only when its sentence says it was hit, raided or disabled. A
country is a location after a place word ("in", "central", "northern") and an actor
otherwise ("Egypt said", "Israel's military"). One signal per name per sentence.
"""

from __future__ import annotations

import re

from consumers.extraction import lexicon
from consumers.extraction.scanner import Hit

_GENERIC_STRIKE = frozenset({"strike", "strikes", "struck", "pounded", "bombed"})
_VETO_BEFORE = re.compile(r"\b(?:hunger|general|labou?r|workers'?|teachers'?|lucky|doctors'?)\s+$",
                          re.IGNORECASE)  # fmt: skip
_VETO_AFTER = re.compile(r"\s+(?:a\s+(?:deal|balance|chord|pose|note)|down|out|by\s+a\s+car|"
                         r"by\s+lightning|back\s+at\s+critics)\b", re.IGNORECASE)  # fmt: skip
_HOSPITAL_DAMAGE = re.compile(lexicon.HOSPITAL_DAMAGE, re.IGNORECASE)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|into|from|inside|across|central|northern|southern|eastern|western|north|south|"
    r"east|west|toward|towards|near|within|entered|reached|at|to|through|over|border\s+with|"
    r"parts\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def signal_name(text: str, hit: Hit, sentence: tuple[int, int]) -> tuple[str, str] | None:
    """``(category, name)`` of a term hit in its sentence, or None when it is a look-alike."""
    if hit.category == "none":
        return None
    if hit.category == "country":
        before = text[max(sentence[0], hit.start - 24) : hit.start]
        return ("location" if _PLACE_BEFORE.search(before) else "actor"), hit.name
    if hit.name == "airstrike" and text[hit.start : hit.end].lower() in _GENERIC_STRIKE:
        if _VETO_BEFORE.search(text, max(sentence[0], hit.start - 16), hit.start):
            return None
        if _VETO_AFTER.match(text, hit.end, sentence[1]):
            return None
    if hit.name == "hospital_damage" and not _HOSPITAL_DAMAGE.search(text, *sentence):
        return None
    return hit.category, hit.name
