"""Whether a casualty figure is a new event: negated ("no one was killed"), historical (a past
event, the reason for a protest or a funeral), hypothetical (a threat, "even if thousands were
killed") or the time of something else ("a day after the commander died")."""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction.matching import (
    KeySearch,
    branched,
    contains_any,
    ends_with_any,
    starts_with_any,
    trie_alternation,
    word_search,
)

# without a leading ``\b`` (checked by ``word_search``), so the regex engine skips ahead to
# each "n" instead of trying every position
_NEGATION: Final = re.compile(r"(?:none\s+of|not|nobody|neither|never|no)\b[^.;]{0,14}$")
_NEGATION_STEMS: Final = ("no", "ne")  # how every ``_NEGATION`` branch starts
# the deaths are background (a past event, the reason for a protest) or not real (a threat,
# a hypothesis, a rhetorical "even if thousands were killed")
_HISTORICAL_WORDS: Final = (
    r"(?:last\s+(?:year|month|summer|winter|spring|autumn|fall)(?:'s)?|"
    r"years?\s+ago|anniversary|in\s+(?:19|20)\d\d\b|in\s+memory|commemorat\w*|"
    r"the\s+(?:19|20)\d\d\s+(?!(?:people|persons|civilians)\b)|"
    r"(?:a|the|one|two|three)\s+days?\s+after\s+the\s+(?:killing|murder|death)|"
    r"protest(?:ed|ing|s)?\s+(?:against|over|after|at|outside|in\s+front|as)|"
    r"protest(?:ed|ing|s)?\s+the\s+(?:[\w-]+\s+)?(?:killing|murder|death)|"
    r"protest(?:ed|ing|s)?\s+the\s*$|"  # "protested the shooting death of a man"
    r"(?:staged|held|organi[sz]ed)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:protests?|demonstrations?|"
    r"rall(?:y|ies)|sit-in)|in\s+protest|to\s+protest|demonstrated\s+(?:against|after|over)|"
    r"rall(?:y|ied)\s+against|to\s+condemn|condemning|denounc(?:ing|ed)|against\s+the\s+"
    r"(?:[\w-]+\s+)?(?:killing|murder|death)|demand\w*\s+(?:justice|punishment|accountability)|"
    # "demanding the arrest of the culprits who killed a farmer"
    r"demand\w*\s+(?:the\s+)?(?:arrest|trial|punishment)\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?"
    r"(?:culprits?|killers?|murderers?|accused|perpetrators?|those)\b|"
    # "they claimed that she was killed by her husband": a death told as the plaintiffs' word
    r"(?:claim|alleg)(?:ed|ing)\s+(?:that\s+)?(?:she|he)\s+$|"
    r"to\s+remember|in\s+remembrance|pa(?:y|ys|id|ying)\s+(?:(?:their|his|her|our)\s+)?"
    r"(?:last\s+)?respects?\s+to\b|(?:the\s+family|families|relatives|funerals?|burials?|"
    r"ceremony|memorial)(?:\s+[a-z]+){0,2}?\s+of\b(?![^.;]{0,80}?\b(?:said|says|say|told)\b)|"
    r"compensation\s+(?:for|of)\b|in\s+the\s+wake\s+of|recent\s+(?:killing|murder|death)|"
    # "a revenge attack for 2 herders killed", "reprisal raids for the killing of 3": deaths
    # avenged, right before their figure or trigger
    r"(?:revenge|retaliat(?:ion|ory)|reprisal)\s+(?:(?:attacks?|killings?|raids?)\s+)?"
    r"(?:for|of)\s+(?:the\s+)?(?:(?:killings?|murders?|deaths?)(?:\s+of)?\s*)?$|"
    r"(?:rall(?:y|ies)|protests?|protested|vigils?|walkouts?|demonstrations?|riot(?:s|ed|ing)?|"
    r"blocked|blockaded|torched|vandali[sz]ed|ransacked)\b[^.;]{0,140}?\b(?:after|following)\b"
    # ... but not the attackers' own act: "torched homes after killing three villagers"
    r"(?!\s+(?:killing|murdering|beheading|lynching|shooting\s+dead)\b))"
)
_HISTORICAL: Final = re.compile(_HISTORICAL_WORDS)
# how every branch of ``_HISTORICAL`` starts ("a" then white space apart): a word with none
# of them is passed by one look-ahead instead of trying each branch in turn
_HISTORICAL_STARTS: Final = ("last", "year", "anniversary", "in", "commemorat", "the", "one", "two",
                             "three", "protest", "staged", "held", "organi", "to", "demonstrat",
                             "rall", "condemn", "denounc", "against", "demand", "claim", "alleg",
                             "pa", "famil", "relatives", "funeral", "burial", "ceremony",
                             "memorial", "compensation", "recent", "revenge", "retaliat",
                             "reprisal", "vigil", "walkout", "riot", "block", "vandali",
                             "ransack")  # fmt: skip
# the same after a non-word character: the leading class lets the regex engine skip ahead
# to word starts instead of trying every branch at every letter
_HISTORICAL_AT_WORD: Final = re.compile(
    branched(rf"\W(?=a\s|{trie_alternation(sorted(_HISTORICAL_STARTS))})" + _HISTORICAL_WORDS)
)
# a word of every branch of ``_HISTORICAL`` but the years ("in 2019", "the 2009 raid"), and
# those: a sentence with neither needs no search
HISTORICAL_GATE: Final = ("last", "ago", "anniversary", "memory", "commemorat", "protest",
                           "demonstrat", "rall", "sit-in", "condemn", "denounc", "against",
                           "demand", "remem", "vigil", "walkout", "after", "wake", "recent", "riot",
                           "block", "torched", "vandali", "ransack", "famil", "relatives",
                           "funeral", "burial", "ceremony", "memorial", "compensation", "respect",
                           "claim", "alleg", "reveng", "retaliat", "reprisal")  # fmt: skip
# the same words in one automaton: a window before a figure is read once, not once a word
_HISTORICAL_KEYS: Final = KeySearch(list(HISTORICAL_GATE), longest=True)
# "in revenge (retaliation, reprisal) for the killing of", "to retaliate the killing of",
# "avenging the death of": a killing avenged, right before
# the trigger of its victims (not a clause of its own before the main one)
_KILLINGS: Final = ("killing", "murder", "death")
_AVENGED: Final = re.compile(
    r"(?:revenge|retaliat(?:ion|e|ed|ing)|reprisal|aveng(?:e|ed|ing))\s+(?:for\s+|of\s+)?the\s+"
    r"(?:[\w-]+\s+)?$"
)
_AVENGE_STEMS: Final = ("reveng", "retaliat", "reprisal", "aveng")
# "in response to an airstrike that killed 41", "in revenge for a raid on May 2, 2021, which
# killed 20": a killing the attack answered, its relative clause right before the trigger (a
# comma only before "which" or a year, so "in response to the attack, troops launched a raid
# that killed 10" is the new raid's)
_ANSWERED: Final = re.compile(
    r"(?:in\s+(?:response|retaliation|revenge|reprisal)\s+(?:to|for)|to\s+avenge|avenging)\s+"
    r"(?:an?|the)\s+(?:[^.;,]|,(?=\s*(?:19|20)\d\d\b)){0,120}?,?\s+(?:that|which)\s+(?:had\s+)?$"
)
_ANSWER_STEMS: Final = ("response", *_AVENGE_STEMS)


# "accused of killing three people", "arrested for murdering two": a charge for deaths told
# as its cause, not deaths of the report's event
_CHARGED: Final = ("accused of ", "suspected of ", "charged with ", "convicted of ",
                   "arrested for ", "blamed for ", "of having ", "for having ",
                   "with having ")  # fmt: skip


def _avenged(low: str, lo: int, at: int) -> bool:
    """True when a killing avenged ends right before the trigger at ``at``."""
    start = max(lo, at - 48)
    return contains_any(low, _AVENGE_STEMS, start, at) and bool(_AVENGED.search(low, start, at))


def _answered(low: str, lo: int, at: int) -> bool:
    """True when the trigger at ``at`` tells a killing the attack answered ("in response to
    an airstrike that killed ...")."""
    start = max(lo, at - 180)
    return contains_any(low, _ANSWER_STEMS, start, at) and bool(_ANSWERED.search(low, start, at))


_IN_YEAR: Final = re.compile(r"(?:in|the)\s+(?:19|20)\d\d")
_HYPOTHETICAL: Final = re.compile(
    r"(?:even\s+if|if|unless|could|would|threaten\w*|vow\w*|warn\w*|fear\w*\s+that|"
    r"risk\w*|plan\w*\s+to|aim\w*\s+to|in\s+case)\b",
)
# a literal of every ``_HYPOTHETICAL`` branch: a window with none (most) is not searched
_HYPOTHETICAL_STEMS: Final = ("if", "unless", "could", "would", "threaten", "vow", "warn", "fear",
                              "risk", "plan", "aim", "case")  # fmt: skip


# "20 people could be killed", "hundreds should be killed": a modal verb between a figure and
# its trigger (not "may have been killed", an uncertain report of deaths that happened)
_MODAL_BE: Final = re.compile(
    r"\b(?:could|would|should|must|will|may|might|shall)\s+(?:[a-z]+ly\s+)?be\s+"
    r"(?:[a-z]+ly\s+)?$"
)


# "before it could reach", "before the guards could react": "could" of a time clause, a
# thing that did not happen before the figure's event, which did
_TIME_CLAUSE: Final = re.compile(r"\b(?:before|until)\s+(?:the\s+)?[\w-]+\s+$")


def _hypothetical(low: str, lo: int, start: int, hi: int) -> bool:
    """True when a threat, a condition or a modal verb in ``low[start:hi]`` makes a figure
    after it hypothetical; not "could" of a time clause ("before it could reach") in the
    sentence that starts at ``lo``."""
    if not contains_any(low, _HYPOTHETICAL_STEMS, start, hi):
        return False  # most figures: no regex
    found = word_search(_HYPOTHETICAL, low, start, hi)
    while found is not None and low.startswith("could", found.start()):
        if not _TIME_CLAUSE.search(low, max(lo, found.start() - 24), found.start()):
            return True
        found = word_search(_HYPOTHETICAL, low, found.end(), hi)
    return found is not None


# a death in a (road, traffic) accident or a collision, told after its trigger or figure ("a
# person died in a car accident", "the death of 2 students in an accident with a bus", "died
# after a collision with a truck"), or before it ("a road accident which left a student
# dead", "collided in a road accident, killing two")
# the first "in"/"after" past the death names the accident (not "killed two in an ambush after
# an accident")
_NO_PREPOSITION: Final = r"(?!(?:in|from|after|due)\b)"
_NO_WORD: Final = r"(?!(?:in|from|after|due|a|an|the)\b)"
_ACCIDENT_AFTER: Final = re.compile(
    rf"[\w-]*(?:\s+{_NO_PREPOSITION}[\w,'-]+){{0,6}}?\s+(?:in|from|after|due\s+to)\s+"
    rf"(?:a|an|the)\s+(?:{_NO_WORD}[\w-]+\s+){{0,3}}?(?:accidents?|collisions?)\b"
)
# arms handled in the accident: a death of the war
_ARMS: Final = (" mine", "landmine", "bomb", "explosive", "grenade", "shell", "weapon", "rocket")
# ... unless the attack caused it ("hurled bombs at a truck that led to a road accident")
_CAUSED_ACCIDENT: Final = re.compile(
    r"(?:led\s+to|lead\s+to|caused?|causing|triggered|resulting\s+in)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+)?(?:accident|collision)"
)


def _in_accident(low: str, lo: int, hi: int, first: int, last: int) -> bool:
    """True when the death told in ``low[first:last]`` came of an accident just after or
    before it, not of an attack that caused the accident: no conflict death, at most the
    reason for a protest."""
    start, end = max(lo, first - 60), min(hi, last + 80)
    at = low.find("accident", start, end)
    if at == -1:
        at = low.find("collision", start, end)  # "died after a collision with a truck"
    if at == -1 or low.startswith("al", at + 8) or contains_any(low, _ARMS, lo, hi):
        return False  # "accidentally shot", "killed in an accident while planting a mine"
    if at < first:
        if _CAUSED_ACCIDENT.search(low, max(lo, at - 40), at + 9):
            return False
        return low.find(".", at, first) == -1
    return _ACCIDENT_AFTER.match(low, last, end) is not None


# a clause that tells an earlier event as the time of the report's ("The attack came a day
# after a bomb killed 10", ", two days after militiamen executed 20", "This follows an ambush,
# killing 9", "48 hours after raiders struck, which left 30 dead, they returned")
_EARLIER_EVENT: Final = re.compile(
    r"\b(?:(?:hours?|days?|weeks?|months?)\s+after|(?:this|it|which|the\s+[\w-]+)\s+"
    r"follow(?:s|ed)|(?:came|comes)\s+(?:just\s+|shortly\s+|soon\s+)?after)\s"
)
_EARLIER_STEMS: Final = ("after ", "follow")
# a comma that goes on with that clause ("..., killing 9", "..., which left 30 dead"); any
# other comma opens the report's own clause ("Barely a day after an attack, gunmen hit X")
_GOES_ON: Final = ("killing", "leaving", "which", "who", "that", "where", "injuring", "wounding",
                   "including")  # fmt: skip
_RELATIVES: Final = ("which", "who", "that", "where")
_UNITS: Final = ("hour", "day", "week", "month")
_SAID: Final = (" said", " says", " told", " reported")


def _time_clause_holds(low: str, end: int, first: int, hi: int) -> bool:
    """True when the time clause that opens a sentence at ``end`` ("Two days after ...")
    holds the deaths at ``first``: a relative clause of it comes first ("..., which left 30
    dead, they returned"), or a comma after the deaths ends it ("The day after robbers killed
    a teacher, residents rioted"); with neither its end is unknown ("Hours after the truce
    gunmen killed 5")."""
    comma = low.find(",", end, first)
    if comma != -1:
        return low.startswith(_RELATIVES, comma + 2)
    after = low.find(",", first, hi)
    return after != -1 and not contains_any(low, _SAID, after, min(hi, after + 40))


def _earlier_event(low: str, lo: int, first: int, hi: int) -> bool:
    """True when the deaths at ``first`` are told in a clause of an earlier event that opens
    before them in the sentence starting at ``lo``."""
    start = max(lo, first - 200)
    if not contains_any(low, _EARLIER_STEMS, start, first):
        return False
    openers = list(_EARLIER_EVENT.finditer(low, start, first))
    if not openers:
        return False
    opener = openers[-1]
    end = opener.end()
    head = low[lo : opener.start()]
    if opener.group().startswith(_UNITS) and "," not in head and len(head.split()) <= 3:
        if not _time_clause_holds(low, end, first, hi):
            return False
    comma = low.find(",", end, first)
    while comma != -1:
        if not low.startswith(_GOES_ON, comma + 2):
            return False
        comma = low.find(",", comma + 1, first)
    return True


# "A guard was killed in the area the previous day", "bombs which killed 35 civilians earlier
# in the day", "killed 13 rebels in an ambush last year", "a blast which killed one a few days
# earlier": deaths their own clause dates before the report's event (not a clause after
# them: "killed when raiders came back to the camp they looted the previous day"; "over the
# previous day" is a period)
_DAY_BEFORE: Final = re.compile(
    r"[^\s.;,]*(?:\s+(?!(?:when|while|as|after|before|because|since|and|but|who|which|that|"
    r"where|they|he|she|we|had|has|have)\b)"
    r"[^\s.;,]+){0,6}?(?<!\bover)(?<!\bduring)(?<!\bwithin)(?<!\bin)(?<!\bfor)\s+"
    r"(?:the\s+previous\s+(?:day|night)|the\s+day\s+before|"
    r"a\s+day\s+earlier|earlier\s+(?:in\s+the|that)\s+day|last\s+(?:year|month)|"
    r"(?:years|months)\s+ago|(?:days|weeks|months)\s+earlier)\b"
)
_DAY_BEFORE_STEMS: Final = ("previous day", "previous night", "day before", "day earlier",
                            "earlier in", "earlier that", "last year", "last month", "years ago",
                            "months ago", "days earlier", "weeks earlier",
                            "months earlier")  # fmt: skip


# a figure's phrase that opens with a death noun ("the death of a woman who died ..."): the
# words before it read with that noun ("protested the death of")
_DEATH_NOUN_PHRASES: Final = ("the death of ", "the killing of ", "the murder of ")


# the stems of the earlier-event and day-before gates: a sentence with none (most) is not
# searched for either (the scanner finds them with the other gate words)
GATE: Final = (*_EARLIER_STEMS, *_DAY_BEFORE_STEMS)
# each as a set: ``words.isdisjoint`` then reads the sentence's few gate words, not each stem
_EARLIER_SET: Final = frozenset(_EARLIER_STEMS)
_DAY_BEFORE_SET: Final = frozenset(_DAY_BEFORE_STEMS)
# both in one set: most sentences hold neither, and are then looked up once
_GATE_SET: Final = frozenset(GATE)


def figure_modality(
    low: str, lo: int, hi: int, pos: int, trigger: tuple[int, int], words: Set[str],
    recalled: bool = True,
) -> str | None:  # fmt: skip
    """``historical`` or ``hypothetical`` when the words before a figure make it so, or
    ``historical`` when the death came of an accident (the sentence ends at ``hi``; ``words``
    are its gate words; ``recalled`` is False when the sentence ``low[lo:hi]`` holds none of
    :data:`HISTORICAL_GATE`, whose automaton is then not run on a window inside it)."""
    first = min(pos, trigger[0])
    if _hypothetical(low, lo, max(lo, first - 40), first):
        return "hypothetical"
    if (
        pos < trigger[0]
        and low.find(" be ", pos, trigger[0]) != -1
        and _MODAL_BE.search(low, max(pos, trigger[0] - 40), trigger[0])
    ):
        return "hypothetical"  # "hundreds of them should be killed", "20 could be killed"
    if _in_accident(low, lo, hi, first, max(pos, trigger[1])):
        return "historical"
    end = trigger[1] if trigger[0] < pos else first  # "against the killing of two"
    if starts_with_any(low, _DEATH_NOUN_PHRASES, end):
        # "protested the death of a woman who died in custody": the phrase names a death
        end = low.find(" of ", end) + 4
    start = max(lo, first - 160)
    dated = bool(words) and not words.isdisjoint(_GATE_SET)
    if dated and not words.isdisjoint(_EARLIER_SET) and _earlier_event(low, lo, first, hi):
        return "historical"  # "The attack came a day after a bomb killed 10 soldiers"
    last = max(pos, trigger[1])
    if (
        dated
        and not words.isdisjoint(_DAY_BEFORE_SET)
        and contains_any(low, _DAY_BEFORE_STEMS, last, min(hi, last + 80))
        and _DAY_BEFORE.match(low, last, hi)
    ):
        return "historical"  # "A guard was killed in the area the previous day"
    if low.find(" in connection with ", start, end) != -1:
        return "historical"  # "arrested in connection with the killing of two"
    if starts_with_any(low, _KILLINGS, trigger[0]) and _avenged(low, lo, trigger[0]):
        return "historical"  # "in revenge for the killing of 2 commanders"
    if trigger[0] < pos and _answered(low, lo, trigger[0]):
        return "historical"  # "in response to an airstrike that killed 41 people"
    if trigger[0] < pos and low.endswith(_CHARGED, lo, trigger[0]):
        return "historical"  # "lynched two robbers accused of killing three people"
    window = low[start:end]
    gated = recalled or end > hi  # the window may reach past the sentence
    if not (gated and _HISTORICAL_KEYS.find(window)) and not _names_a_year(low, start, end, window):
        return None
    if start > 0:
        found = _HISTORICAL_AT_WORD.search(low, start - 1, end)
    else:
        found = word_search(_HISTORICAL, low, start, end)
    return "historical" if found is not None else None


def _names_a_year(low: str, start: int, end: int, window: str) -> bool:
    """True when ``window`` (``low[start:end]``) holds "in 2019" or "the 2009" (a year's first
    two digits are looked for before the regex)."""
    return ("19" in window or "20" in window) and _IN_YEAR.search(low, start, end) is not None


# "a day after the commander died": a death told as the time of something else
_BACKGROUND: Final = re.compile(r"\b(?:after|before|since|until|till)\s+$")
_BACKGROUND_WORDS: Final = (
    "after",
    "before",
    "since",
    "until",
    "till",
)  # the last word of each branch


def aside(low: str, lo: int, start: int) -> bool:
    """True when the phrase at ``start`` is inside a word, negated ("not a single person was
    killed") or the time of something else ("after a candidate was murdered, ...")."""
    if start > 0 and low[start - 1].isalnum():
        return True
    if negated(low, lo, start):
        return True
    if _own_act(low, lo, start):
        return False
    before = max(lo, start - 10)
    if not low[before:start].rstrip().endswith(_BACKGROUND_WORDS):
        return False  # most phrases: no regex
    return _BACKGROUND.search(low, before, start) is not None


# a gerund after "after"/"before": an act of the event's own attackers ("abducted two doctors
# after killing their guard", "raided his home before killing him", "shot his boss before
# turning the gun on himself"), not the time of another event; a suicide alone ("before
# killing herself") is left to the rules of one death
_OWN_ACT: Final = (
    "killing ",
    "murdering ",
    "beheading ",
    "lynching ",
    "shooting dead ",
    "turning the ",
)
# what comes right before the gerund of ``_OWN_ACT``
_AFTER_BEFORE: Final = (" after ", " before ")
_SELF_OBJECTS: Final = ("himself", "herself", "themselves")


def _own_act(low: str, lo: int, start: int) -> bool:
    """True when the phrase at ``start`` is a killing gerund right after "after"/"before"."""
    if not starts_with_any(low, _OWN_ACT, start) or not ends_with_any(
        low, _AFTER_BEFORE, lo, start
    ):
        return False
    return not low.startswith(_SELF_OBJECTS, low.find(" ", start) + 1)


def negated(low: str, lo: int, pos: int) -> bool:
    """True when a negation ("not", "no", "none of") is among the words just before ``pos``
    ("not a single person was killed", "no 5 ...")."""
    start = max(lo, pos - 24)
    if not contains_any(low, _NEGATION_STEMS, start, pos):
        return False  # most figures: no regex
    found = word_search(_NEGATION, low, start, pos)
    if found is None:
        return False
    # the negation ends at "but" or a dash: "was not harmed, but five civilians were killed",
    # "toll not known - at least one soldier dead"
    ends = [at + len(mark) - 1 for mark in _NEGATION_ENDS
            if (at := low.rfind(mark, found.start(), pos)) != -1]  # fmt: skip
    if ends:
        found = word_search(_NEGATION, low, max(ends), pos)
    return found is not None


# what ends a negation's clause: "but" and a dash
_NEGATION_ENDS: Final = (" but ", " - ", " \u2013 ", " \u2014 ")
