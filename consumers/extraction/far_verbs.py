"""The tie of a casualty figure to a plural verb past a long phrase or a relative clause ("two
residents of X near Y were killed", "20 workers who were building a bridge were gunned down")."""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.mentions import MAX_PEOPLE, Tie
from consumers.extraction.numbers import NumberMention, not_a_count
from consumers.extraction.triggers import ADVERB as _ADVERB
from consumers.extraction.triggers import DONE
from consumers.extraction.triggers import TRIGGER as _TRIGGER

# "two residents of X near Y were killed", "20 workers who were building a bridge were
# gunned down", "six men were kidnapped by gunmen and later executed", "seven men were tied
# up before being shot": the first verb after a figure, past a long phrase, a relative clause
# or another verb joined with "and" or told before it
_FAR_VERB: Final = re.compile(
    rf"(?:were|are|have\s+been|had\s+been)\s+{_ADVERB}(?:[a-z]+ed\s+(?:by\s+[^,.;]{{1,50}}?\s+)?"
    rf"and\s+(?:later\s+|then\s+|subsequently\s+)?|{DONE}\s+before\s+being\s+)?(?:{_TRIGGER})\b"
)
# the leading class lets the regex engine skip ahead to spaces and semicolons
_FAR_BREAK: Final = re.compile(
    r"[;:\s](?:(?<=[;:])|(?:were|was|is|are|has|have|had|where|when|after|while|because|"
    r"but|since|before|if|whose|said|says|killed|killing|and\s+(?:many|several|some|the|"
    r"all|most|police|they|he|she|it|others|dozens|scores|hundreds))\b)"
)
# "stepped on a landmine and died", "was caught in crossfire and later died", "was beaten by
# two men and later succumbed": a first verb and its phrase, then "and died" with no subject
# of its own (the words after the subject)
AND_DIED: Final = (
    r"(?:was\s+|were\s+)?(?:[a-z]{3,}ed|caught|hit|fell|stepped|ran|drove|beaten|shot)\s+"
    r"(?:(?!(?:and|who|which|that|he|she|they|but|while|when|where|was|were|is|are)\b)"
    r"[\w().'/-]+\s+){1,14}?and\s+(?:later\s+|then\s+|subsequently\s+)?"
    r"(?P<killed>died|succumbed)\b"
)
_AND_DIED: Final = re.compile(rf"(?!\s+of\s)(?:\s+[a-z][\w'-]*){{0,3}}?\s+{AND_DIED}")
_RELATIVE: Final = ("who ", "that ", "which ")
# a subject of its own right before "died" ("in the three attacks the driver died"): the figure
# is not the one who died; a place or thing after a preposition is no subject ("officers on
# patrol along the road died")
_OWN_SUBJECT: Final = re.compile(
    r"(?:\b(?P<before>[a-z]+)\s+)?\b(?:the|a|an|his|her|its|their|one)\s+[\w'-]+$|"
    r"\b(?:he|she|they)$"
)
_OF_GROUP: Final = re.compile(r"\bof\s+(?:the\s+|those\s+|these\s+)?$")
# "two civilians who were informants of the police died": a relative clause with a verb of its
# own, closed before "died" (the figure is the subject of "died"); the gate is the pronoun
_OWN_VERB_CLAUSE: Final = re.compile(
    r"^ [a-z][\w'-]*(?: [a-z][\w'-]*)? (?:who|that) "
    r"(?:were|was|are|is|had been|have been|has been) "
)
# a pronoun right before "died" opens a clause of its own ("two men with a woman who died")
_RELATIVE_ENDS: Final = (" who", " whom", " which", " that")
_PLACE_BEFORE: Final = frozenset(
    ("in", "on", "at", "of", "near", "along", "from", "to", "into", "across", "outside",
     "inside", "around", "behind", "during", "for", "with")
)  # fmt: skip


def _next_count(low: str, numbers: list[NumberMention], hi: int) -> int:
    """Where the first of ``numbers`` that may count people starts (an age or a date does not
    end a phrase: "three, including a 9-year-old boy, were killed")."""
    for num in numbers:
        if 0 < num.value <= MAX_PEOPLE and not not_a_count(low, num):
            return num.start
    return hi


def far_verb(low: str, num: NumberMention, hi: int, later: list[NumberMention]) -> Tie | None:
    """The trigger of a figure whose plural verb ("were killed") comes after a long phrase,
    when no other verb, clause or figure (of ``later``) comes first."""
    if low.startswith(",", num.end):
        return None  # "Ann Lee, 33, and ...": an age
    end = min(hi, num.end + 200)
    died_at = low.find(" died", num.end, end)
    if died_at != -1 and low.endswith((" and", " and later"), num.end, died_at):
        died = _AND_DIED.match(low, num.end, end)
        if died is not None and _next_count(low, later, hi) > died.start("killed"):
            return "killed", died.span("killed"), False, False
    if died_at != -1 and _died_after(low, num, died_at, later, hi):
        return "killed", (died_at + 1, died_at + 5), False, False
    pos = num.end
    while (at := _plural_verb(low, pos, end)) != -1:
        verb = _FAR_VERB.match(low, at, end)
        if verb is not None:
            if (
                _next_count(low, later, hi) < at
                or not _no_break(low, num.end, at)
                or _OF_GROUP.search(low, max(0, num.start - 12), num.start)
            ):
                return None  # "two of the three robbers ...": the three is no count
            kind = verb.lastgroup or "killed"  # the one named group that matched
            return kind, verb.span(kind), False, False
        if not low.endswith(_RELATIVE, max(pos, at - 6), at):
            return None
        pos = at + 4  # "who were working there": the verb of a relative clause
    return None


def _died_after(
    low: str, num: NumberMention, died_at: int, later: list[NumberMention], hi: int
) -> bool:
    """True when "died" at ``died_at`` is the verb of the figure past a long phrase ("10
    officers on patrol died", "12 militants believed to be behind the attack died", "ten
    officers from X, on patrol near Y, died"): no clause, figure or subject of its own between,
    and a comma only around a phrase told aside."""
    gap = low[num.end : died_at]
    commas = gap.count(",")
    if ";" in gap or ":" in gap or commas not in (0, 2) or commas == 2 and not gap.endswith(","):
        return False
    if not gap.startswith(" ") or f"{gap} ".startswith((" and ", " or ")):
        return False  # "he was 45 and died": an age
    if any(word in f"{gap} " for word in (" who ", " whom ", " which ", " that ")) and not (
        _OWN_VERB_CLAUSE.search(gap) and not gap.endswith(_RELATIVE_ENDS)
    ):
        return False  # "relatives of a woman who died": a relative clause's own subject
    own = _OWN_SUBJECT.search(gap.rstrip(","))
    if own is not None and own.group("before") not in _PLACE_BEFORE:
        return False
    if _OF_GROUP.search(low, max(0, num.start - 12), num.start):
        return False
    return _next_count(low, later, hi) > died_at and _no_break(low, num.end, died_at)


def _plural_verb(low: str, pos: int, end: int) -> int:
    """Where the next "were", "are", "have been" or "had been" of ``low[pos:end]`` starts, or
    -1."""
    were = low.find(" were ", pos, end)
    are = low.find(" are ", pos, were if were != -1 else end)
    were = are if are != -1 else were
    been = low.find(" been ", pos, were if were != -1 else end)
    if been == -1:
        return were + 1 if were != -1 else -1
    for aux in (" have", " had"):
        if low.endswith(aux, pos, been):
            return been - len(aux) + 1
    return been + 1


def _no_break(low: str, start: int, end: int) -> bool:
    """True when ``low[start:end]`` holds no verb, clause opener or "said" but those of a
    relative clause ("who were working there")."""
    return all(
        low.endswith(_RELATIVE, max(start, brk.start() - 5), brk.start() + 1)
        for brk in _FAR_BREAK.finditer(low, start, end)
    )
