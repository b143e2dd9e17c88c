"""People set on fire, as event notes tell mob justice: "residents set a suspected thief
alight", "a mob sets ablaze two robbery suspects", "two officers were attacked and set
ablaze". Most things set on fire are vehicles, houses and shops, so the object must end in a
person noun (``lexicon.ONE_VICTIM_NOUNS``, or its plural) and a figure opening it is its
count; "set them ablaze" names no count and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction.lexicon import ONE_VICTIM_NOUNS
from consumers.extraction.numbers import words_to_int
from consumers.extraction.triggers import ADVERB, NOT_DONE, Span, victim_span

# the words one of which every sentence a rule of this module reads holds
GATE_WORDS: Final[frozenset[str]] = frozenset({"ablaze", "alight", "on fire"})

_FIRE: Final = r"(?:ablaze|alight|on\s+fire)\b"
_COUNT: Final = r"(?:a|an|one|the|his|her|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)"
# the object: a count, then up to four words, the last of which is the head noun
_NP: Final = rf"(?P<np>{_COUNT}\s+(?:[\w'-]+\s+){{0,4}}?[\w'-]+)"
_PHRASE_END: Final = (
    r"(?=\s*(?:[,.;(]|$)|\s+(?:in|at|on|near|outside|inside|with|and|who|while|when|after|as|"
    r"from|during|for|by|before|over|suspected|accused|that|whom|they|he|she)\b)"
)
# "set a suspected thief alight", "sets ablaze two robbery suspects"
_SET_OBJECT: Final = re.compile(
    rf"(?P<killed>(?<![\w-])(?:set|sets|setting)\s+(?:{_NP}\s+{_FIRE}|{_FIRE}\s+"
    rf"(?P<np2>{_COUNT}\s+(?:[\w'-]+\s+){{0,4}}?[\w'-]+){_PHRASE_END}))"
)
# "a woman is set ablaze by a mob", "two officers were attacked and set on fire"
_SET_SUBJECT: Final = re.compile(
    rf"(?<![\w-]){_NP}\s+(?P<be>was|is|were|are)\s+{ADVERB}(?:[a-z]{{3,}}ed\s+and\s+)?"
    rf"(?P<killed>set\s+{_FIRE})"
)
# words that tie a thing to its people: the phrase's last noun is then not what burned
_LINKS: Final = frozenset({"of", "to", "with", "for", "from", "carrying", "belonging", "owned",
                           "holding", "transporting"})  # fmt: skip
# one set on fire who lived: "is receiving treatment", "survived", "hospitalized with burns"
_SURVIVED: Final = re.compile(
    r"\b(?:survived|surviving|treatment|hospitali[sz]ed|in\s+hospital|critical\s+condition|"
    r"injur\w*|burns)\b"
)
_PLURALS: Final = {"children": "child", "people": "person", "thieves": "thief", "wives": "wife"}


def _people(phrase: str) -> int:
    """People in the noun phrase ``phrase``: its figure (one for an article or a possessive)
    when its head is a person noun, else 0."""
    words = phrase.split()
    head = words[-1].strip("'\u2019")
    if not _LINKS.isdisjoint(words):
        return 0  # "set on fire the house of a minister", "two trucks carrying soldiers"
    if words[0] in ("a", "an", "one", "the", "his", "her"):
        return 1 if head in ONE_VICTIM_NOUNS else 0
    if head.endswith("men"):
        singular = head[:-3] + "man"  # "policemen", "women"
    else:
        singular = _PLURALS.get(head) or (head[:-1] if head.endswith("s") else "")
    if singular not in ONE_VICTIM_NOUNS:
        return 0  # most: "two buses", found before the figure is read
    count = int(words[0]) if words[0].isdigit() else words_to_int(words[0]) or 0
    return count if count > 1 else 0


def spans(low: str, lo: int, hi: int, words: Set[str]) -> list[Span]:
    """The people set on fire in the sentence ``low[lo:hi]``, whose gate words are ``words``;
    not "tried to set a man on fire". Each "set" that starts a word is tried: the regexes
    run only there (a search over the sentence costs several times more)."""
    if words.isdisjoint(GATE_WORDS):
        return []
    found = []
    pos = low.find("set", lo, hi)
    while pos != -1:
        if pos == lo or not low[pos - 1].isalnum():
            match = _SET_OBJECT.match(low, pos, hi)
            count = _people(match.group("np") or match.group("np2")) if match else 0
            if match is None and low.startswith("set ", pos):
                match = _subject_before(low, lo, pos, hi)
                count = _subject_people(match) if match else 0
            if (
                count
                and match
                and not low.endswith(NOT_DONE, lo, match.start())
                and _SURVIVED.search(low, match.end(), hi) is None
            ):
                found.append(victim_span(match, match.start(), count))
        pos = low.find("set", pos + 3, hi)
    return found


def _subject_before(low: str, lo: int, pos: int, hi: int) -> re.Match[str] | None:
    """The passive phrase whose "set" is at ``pos`` ("two officers were attacked and set
    ablaze"), if one is."""
    start = max(lo, pos - 90)
    while (match := _SET_SUBJECT.search(low, start, min(hi, pos + 16))) is not None:
        if match.start("killed") == pos:
            return match
        start = match.start() + 1
    return None


def _subject_people(match: re.Match[str]) -> int:
    """People of a passive phrase: 0 when the verb disagrees with the figure ("a judge were
    ... set on fire" lists no person)."""
    count = _people(match.group("np"))
    return count if (count == 1) == (match.group("be") in ("was", "is")) else 0
