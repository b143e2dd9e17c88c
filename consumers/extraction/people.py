"""Who the casualties are, who counted them, and when: word lists and their normalisation."""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.lexicon import WEEKDAYS
from consumers.extraction.matching import KeySearch, trie_alternation, word_search

# normalised group -> surface forms (plural and singular)
_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "children": ("children", "child", "kids", "minors", "boys", "boy", "girls", "girl",
                 "infants", "infant", "babies", "baby", "toddlers", "teenagers", "teenager"),
    "women": ("women", "woman", "mothers", "mother"),
    "aid workers": ("aid workers", "aid worker", "humanitarian workers", "relief workers",
                    "UN staff", "UN staff members", "UNRWA staff", "UN employees"),
    "journalists": ("journalists", "journalist", "reporters", "reporter", "media workers",
                    "photographers", "photographer", "cameramen", "cameraman"),
    "medics": ("medics", "medic", "paramedics", "paramedic", "doctors", "doctor", "nurses",
               "nurse", "health workers", "medical staff", "rescuers", "rescue workers"),
    "police": ("police officers", "police officer", "policemen", "policeman", "police"),
    "soldiers": ("soldiers", "soldier", "troops", "servicemen", "reservists", "reservist",
                 "officers", "officer"),
    "militants": ("militants", "militant", "fighters", "fighter", "gunmen", "gunman",
                  "terrorists", "combatants", "operatives", "insurgents"),
    "hostages": ("hostages", "hostage", "captives", "captive", "abductees"),
    "civilians": ("civilians", "civilian", "residents", "resident", "bystanders", "passengers",
                  "villagers", "worshippers", "patients", "students", "farmers", "fishermen"),
    "Palestinians": ("Palestinians", "Palestinian", "Gazans", "Gazan"),
    "Israelis": ("Israelis", "Israeli"),
    "Lebanese": ("Lebanese",),
    "Ukrainians": ("Ukrainians", "Ukrainian"),
    "foreign nationals": ("foreign nationals", "foreigners", "foreign workers"),
}  # fmt: skip
_SURFACE: Final = {s.lower(): group for group, forms in _GROUPS.items() for s in forms}
# the people words, longest first
WHO_SURFACES: Final = tuple(sorted(_SURFACE, key=len, reverse=True))
WHO_WORDS: Final = "|".join(re.escape(s) for s in WHO_SURFACES)
WHO_TRIE: Final = trie_alternation(list(WHO_SURFACES))  # same match, faster
WHO_RE: Final = re.compile(rf"\b(?:{WHO_TRIE})\b")
# the same after one non-word character, which lets the regex engine skip ahead
_WHO_AFTER: Final = re.compile(rf"\W({WHO_TRIE})\b")
# the same words in one automaton: a phrase that holds none is not searched
_WHO_KEYS: Final = KeySearch(list(_SURFACE))
_PRIORITY: Final = ("children", "women", "aid workers", "journalists", "medics", "police",
                    "soldiers", "militants", "hostages", "civilians")  # fmt: skip

# (pattern on lower-cased text, pattern on the original text for acronyms, name)
_AUTHORITY: Final[tuple[tuple[str, str, str], ...]] = (
    (r"health\s+ministry|ministry\s+of\s+health|health\s+authorities|health\s+officials", "",
     "Health Ministry"),
    (r"civil\s+defen[cs]e", "", "Civil Defence"),
    (r"un\s+humanitarian\s+office|office\s+for\s+the\s+coordination", r"OCHA", "OCHA"),
    ("", r"UNRWA", "UNRWA"),
    (r"world\s+health\s+organi[sz]ation", r"WHO\b", "World Health Organization"),
    (r"red\s+crescent", "", "Red Crescent"),
    (r"red\s+cross", r"ICRC", "Red Cross"),
    (r"israel\s+defen[cs]e\s+forces|israeli\s+military|israeli\s+army|the\s+army|"
     r"the\s+military|military\s+spokes\w+", r"IDF", "Israel Defense Forces"),
    (r"united\s+nations", r"\bUN\b|U\.N\.", "United Nations"),
    (r"hospital\s+(?:officials|director|staff|sources)|doctors\s+at", "", "hospital officials"),
    (r"police", "", "police"),
    (r"israeli\s+(?:officials|authorities|government)|prime\s+minister's\s+office", "",
     "Israeli officials"),
    (r"hamas\s+officials|hamas-run|hamas\s+media\s+office|government\s+media\s+office", "",
     "Hamas officials"),
)  # fmt: skip


class _Authorities:
    """Finds the first authority of one column of ``_AUTHORITY`` in a text.

    One flat alternation of literal-led branches finds where a name may start; the rows
    are then tried there in order, as one alternation of named groups would.
    """

    def __init__(self, column: int) -> None:
        rows = [(i, row[column]) for i, row in enumerate(_AUTHORITY) if row[column]]
        self.rows = [(i, re.compile(pattern)) for i, pattern in rows]
        self.scan = re.compile("|".join(p.replace(r"\b", "") for _, p in rows))

    def first(self, text: str) -> tuple[int, int] | None:
        """``(position, row)`` of the leftmost authority in ``text``."""
        pos = 0
        while (found := self.scan.search(text, pos)) is not None:
            start = found.start()
            for i, pattern in self.rows:
                if pattern.match(text, start):
                    return start, i
            pos = start + 1
        return None


_AUTHORITY_LOWER: Final = _Authorities(0)
_AUTHORITY_ACRONYM: Final = _Authorities(1)
ATTRIBUTION_WORDS: Final = ("said", "says", "say", "according", "reported", "reports", "figures",
                            "data", "tally", "statement", "announced", "confirmed", "count",
                            "estimates", "estimate", "toll")  # fmt: skip
_ATTRIBUTION: Final = re.compile(rf"(?:{'|'.join(ATTRIBUTION_WORDS)})\b")
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY: Final = rf"(?:{WEEKDAYS}|today|yesterday|tonight)"
# matched on lower-cased text, at the start of a word
AS_OF_RE: Final = re.compile(
    rf"as\s+(?:of|at)\s+(?P<d>(?:(?:late|early)\s+)?(?:{_DAY}(?:\s+(?:morning|evening|night))?"
    rf"|this\s+(?:morning|afternoon|evening|week)|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|noon|midday|midnight|\d{{4}}-\d\d-\d\d))",
)


# the group of each key of ``_WHO_KEYS``, by the key's index
_KEY_GROUPS: Final = tuple(_SURFACE.values())


def _is_word(char: str) -> bool:
    """True when ``char`` is a word character (``\\w``)."""
    return char.isalnum() or char == "_"


def _whole_words(part: str, found: list[tuple[int, int, int]], at_start: bool) -> list[int]:
    """The keys (indexes) that ``_WHO_AFTER.findall`` finds in ``part``, after ``WHO_RE`` at
    its start when ``at_start``, read off the automaton's overlapping matches ``found``: at
    each start after a non-word character (or the text's start), the longest key a word
    boundary ends, each starting after the one before ends."""
    size = len(part)
    longest: dict[int, tuple[int, int]] = {}
    for key, start, end in found:
        if (start > 0 and not _is_word(part[start - 1]) or start == 0 and at_start) and (
            end == size or not _is_word(part[end])
        ):
            if start not in longest or end > longest[start][1]:
                longest[start] = (key, end)
    keys = []
    pos = 0
    for start in sorted(longest):
        if start == 0 or start > pos:
            key, pos = longest[start]
            keys.append(key)
    return keys


def who_in(text: str, start: int, end: int) -> str | None:
    """The most specific group named in lower-cased ``text[start:end]``, or None (the
    automaton's matches read as ``_WHO_AFTER`` would find them, with no regex)."""
    part = text[max(0, start - 1) : end]
    found = _WHO_KEYS.find(part)
    if not found:
        return None  # most figures name no group: one automaton call
    keys = _whole_words(part, found, start == 0)
    if not keys:  # most figures name no group
        return None
    groups = {_KEY_GROUPS[key] for key in keys}
    for group in _PRIORITY:
        if group in groups:
            return group
    return min(groups) if groups else None


def attributed(lowered: str) -> bool:
    """Whether a lower-cased sentence holds one of :data:`ATTRIBUTION_WORDS` as a word."""
    return word_search(_ATTRIBUTION, lowered, 0, len(lowered)) is not None


def authority_in(sentence: str, lowered: str | None = None, said: bool | None = None) -> str | None:
    """The source a sentence attributes figures to ("Health Ministry", "United Nations");
    ``lowered`` is its lower-cased copy and ``said`` its :func:`attributed` when the caller
    has them."""
    lowered = sentence.lower() if lowered is None else lowered
    if not (attributed(lowered) if said is None else said):
        return None
    found = [f for f in (_AUTHORITY_LOWER.first(lowered), _AUTHORITY_ACRONYM.first(sentence)) if f]
    if not found:
        return None
    return _AUTHORITY[min(found, key=lambda f: f[0])[1]][2]


_AS_OF_GATE: Final = re.compile(r"as\s+(?:of|at)\s")


def _holds_as_of(lowered: str) -> bool:
    """Whether ``_AS_OF_GATE`` is found in ``lowered``: each "as" (``str.find``), then white
    space, "of" or "at" and white space read a character at a time, cheaper than the regex
    call for the many sentences that hold none."""
    size = len(lowered)
    pos = lowered.find("as")
    while pos != -1:
        at = pos + 2
        while at < size and lowered[at].isspace():
            at += 1
        if (
            pos + 2 < at < size - 2
            and lowered[at + 2].isspace()
            and (
                lowered[at] == "o"
                and lowered[at + 1] == "f"
                or lowered[at] == "a"
                and lowered[at + 1] == "t"
            )
        ):
            return True
        pos = lowered.find("as", pos + 1)
    return False


def as_of_in(sentence: str, lowered: str | None = None) -> str | None:
    """The "as of ..." date phrase of a sentence, as written; ``lowered`` is its lower-cased
    copy of the same length when the caller has one."""
    lowered = sentence.lower() if lowered is None else lowered
    if not _holds_as_of(lowered):
        return None
    if len(lowered) != len(sentence):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    match = word_search(AS_OF_RE, lowered, 0, len(lowered))
    return sentence[match.start("d") : match.end("d")] if match else None
