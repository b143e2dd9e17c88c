"""The scope of a casualty figure, read from the clause that holds it: ``incident``, ``period``
("in the past 24 hours"), ``cumulative`` (a toll, "since October 7", "so far") or ``total``
(a sum: "a total of 14")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Set
from typing import Final

from consumers.extraction.lexicon import WEEKDAYS
from consumers.extraction.matching import contains_any, trie_alternation, word_search
from consumers.extraction.numbers import MONTH

# "three killed, no breakdown of death toll": a toll named to say it is not broken down
_NO_BREAKDOWN: Final = r"(?<!breakdown\sof\sdeath\stoll)(?<!breakdown\sof\sthe\sdeath\stoll)"
# not "violence" or "unrest": "the violence has left 15 injured" is most often the event's own
_WAR_NOUNS: Final = r"(?:insurgency|conflict|war|uprising|rebellion|crisis|insurrection)"
# a war's own toll, told right before its figure: "an insurgency that has killed 40,000", "the
# conflict has claimed more than 500 lives"; or by a relative clause whose figure a war or
# "since" follows ("Boko Haram, which has killed thousands in a five-year insurgency")
_WAR_TOLL: Final = re.compile(
    rf"(?:\b(?P<war>{_WAR_NOUNS})\s+(?:(?:that|which)\s+)?|\b(?:which|that|who)\s+)(?:has|have)\s+"
    r"(?:so\s+far\s+|already\s+|now\s+)?(?:killed|claimed|left|cost)\s+(?:the\s+lives\s+of\s+)?"
    r"(?:(?:more\s+than|over|at\s+least|nearly|about|some|around|almost)\s+)?$"
)
# "since" a war's start, not a recent day: "a blast that has killed 12 since Monday" is its own
_WAR_AFTER: Final = re.compile(
    rf"[^.;]{{0,40}}?\b(?:{_WAR_NOUNS}|since(?!\s+(?:{WEEKDAYS}|"
    r"yesterday|last\s+night|this\s+morning|the\s+(?:attack|blast|explosion|"
    r"bombing|strike|raid|weekend))))\b"
)
# every branch starts with a literal, so the regex engine skips ahead to candidates in C
_CUMULATIVE: Final = re.compile(
    rf"(?:death\s+toll{_NO_BREAKDOWN}|toll{_NO_BREAKDOWN}|since\s+(?:the\s+)?(?:start|beginning|"
    r"outbreak|war|conflict|fighting|hostilities|october|oct\.?|\d)|so\s+far|to\s+date|"
    r"overall|cumulative|throughout\s+the\s+(?:war|conflict)|across\s+the\s+(?:war|conflict)|"
    r"in\s+the\s+(?:war|conflict)|during\s+the\s+(?:war|conflict)|over\s+the\s+course\s+of|"
    r"altogether|in\s+all|each\s+year|every\s+year|per\s+year|a\s+year|annually)\b",
)
# "a total of 14 soldiers", "killed in total": a sum that is the report's own count when
# the report states no other figure of its kind, else a toll beside it
_TOTAL: Final = re.compile(r"(?:in\s+total|a\s+total\s+of|total)\b")
_TOTAL_WORD: Final = "total"
# a word of every branch of ``_CUMULATIVE`` and ``_TOTAL``: without one, a sentence has no
# cumulative cue
CUMULATIVE_GATE: Final = ("toll", "since", "total", "far", "date", "overall", "cumulative",
                          "war", "conflict", "course", "altogether", "in all", "year", "annually",
                          "has killed", "have killed", "has claimed", "have claimed", "has left",
                          "have left", "has cost", "have cost")  # fmt: skip
# ";", or a comma or space opening "bringing ...", "while ...", ", the ministry said"; the
# leading class lets the regex engine skip ahead (a match starts where the break does)
_CLAUSE_BREAK: Final = re.compile(
    r"[;,\s](?:(?<=;)|(?<=,)\s+(?:bringing|raising|taking|pushing|adding|while|whereas|"
    r"meanwhile|with|and\s+the)\b|(?<=\s)\s*(?:bringing|raising|taking|pushing|adding|while|whereas|"
    r"meanwhile|and\s+the)\b|(?<=,)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:said|says)\b)",
)
# a literal of every ``_CLAUSE_BREAK`` branch but "and the" (whose white space may be any):
# a sentence with none of them, nor "and the", has no break and is not searched for one
_BREAK_WORDS: Final = (";", "bringing", "raising", "taking", "pushing", "adding", "while",
                       "whereas", "meanwhile", "with", "said", "says")  # fmt: skip
_AND_THE: Final = re.compile(r"and\s+the")
# the marks that open the other branches of ``_CLAUSE_BREAK``
_BREAK_MARKS: Final = (",", ";")
# the words that may follow white space to open a ``_CLAUSE_BREAK`` (its third branch; "and"
# for "and the"): a break there starts where that white space does
_SPACED_BREAK_WORDS: Final = ("bringing", "raising", "taking", "pushing", "adding", "while",
                              "whereas", "meanwhile", "and")  # fmt: skip
_INCIDENT: Final = re.compile(
    r"(?:strike|airstrike|attack|blast|explosion|bombing|raid|ambush|shooting|on\s+(?:monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)|overnight|yesterday|today|"
    r"past\s+24\s+hours)\b",
)
# a total over a stated period: neither one incident nor the whole toll
_PERIOD: Final = re.compile(
    r"(?:(?:in|over|during|within)\s+the\s+(?:past|last|previous|preceding)\s+(?:24|48|72|"
    r"twenty-four|forty-eight|seventy-two|\w+)\s+hours|(?:in|over|during|within)\s+(?:the\s+)?"
    r"(?:past|last|previous|preceding)\s+(?:day|two\s+days|three\s+days|\d+\s+days|week|"
    r"24-hour\s+period)(?![\w'\u2019])|past\s+24\s+hours|since\s+yesterday|"
    r"(?:daily|overnight)\s+(?:toll|tally|count))\b",
)
# ``_PERIOD`` and ``_CUMULATIVE`` after a non-word character: the leading class lets the regex
# engine skip ahead to word starts instead of stopping at each "in" or "toll" inside a word;
# then one look-ahead of how the period's branches start passes a word that opens none of
# them (the cumulative branches mostly open with a letter the engine checks at once)
_PERIOD_STARTS: Final = ("in", "over", "during", "within", "past", "since", "daily", "overnight")
_PERIOD_AT_WORD: Final = re.compile(
    rf"\W(?={trie_alternation(sorted(_PERIOD_STARTS))})(?:{_PERIOD.pattern})"
)
_CUMULATIVE_AT_WORD: Final = re.compile(rf"\W(?:{_CUMULATIVE.pattern})")
_PERIOD_GATE: Final = ("hour", "day", "week", "yesterday", "daily", "overnight")
# and one of these too: every branch has one, and "day" alone is in every "Monday"
PERIOD_WORDS: Final = ("past", "last", "previous", "preceding", "yesterday", "daily", "overnight")
SPAN_WORD: Final = "between"
# a span of days, as a situation report counts: "between the afternoons of 5 and 6 December",
# "between 1 and 7 May" (not "between 10 and 15 people"); a period too, looked for only where
# "between" is
_SPAN: Final = re.compile(
    rf"between\s+(?:the\s+(?:after)?(?:noons?|mornings?|evenings?|nights?)\s+of\s+)?\d{{1,2}}"
    rf"(?:\s+(?:{MONTH}))?\s+and\s+\d{{1,2}}\s+(?:{MONTH})\b"
)


# a period total that sums a whole country's or territory's dead, as a ministry's daily
# count does ("across the territory", "nationwide", "the ministry said", "the death toll"),
# and not one report's account of what it tells ("over the past 24 hours, 12 militants were
# killed in airstrikes in X district", "two people have been killed in the last week")
_ROLL_UP: Final = re.compile(
    r"\b(?:(?:across|throughout)\s+(?!\S+\s+(?:events|locations|incidents|places)\b)|"
    r"nationwide|countrywide|hospitals?\b|ministry|toll)"
)
_ROLL_UP_GATE: Final = ("across", "throughout", "nationwide", "countrywide", "hospital", "ministry",
                        "toll")  # fmt: skip


# ... and tells it of a place below a country or territory, as a district's or a city's account
# does ("in Ab Band district", "in the outskirts of Farah city"): a day's dead "on the coastal
# strip", "in the east", or a place named only for some of them ("many of them in refugee
# camps") are the period's total
_LOCALITY: Final = re.compile(
    r"\b(?:in|near|around|outside)\s+(?:the\s+)?(?:(?!(?:over|past|last|during|after|while|when|"
    r"since|\w+ing)\b)[\w'()-]+,?\s+){0,8}?(?:(?:sub-?)?districts?|"
    r"provinces?|villages?|valleys?|towns?|townships?|count(?:y|ies)|municipalit(?:y|ies)|"
    r"cit(?:y|ies)|areas?|outskirts|tehsils?|upazilas?|lgas?)\b|"
    # a note's bare place: "killed 13 militants, Qaramqol district, Faryab"
    r",\s+(?:[\w'()-]+\s+){1,3}?(?:districts?|provinces?)\b"
)
_FOR_SOME: Final = re.compile(r"\b(?:including|of\s+them|among\s+them)\s+(?:[\w'-]+\s+){0,2}$")


def of_report(low: str, lo: int, hi: int) -> bool:
    """True when the sentence ``low[lo:hi]`` of a period total tells it of a place below a
    country (:data:`_LOCALITY`) and is no roll-up of a country's or territory's dead
    (:data:`_ROLL_UP`)."""
    if not any(
        _FOR_SOME.search(low, max(lo, m.start() - 40), m.start()) is None
        for m in _LOCALITY.finditer(low, lo, hi)
    ):
        return False
    return not contains_any(low, _ROLL_UP_GATE, lo, hi) or _ROLL_UP.search(low, lo, hi) is None


# as sets: ``words.isdisjoint`` then reads the sentence's few gate words, not each gate
_PERIOD_SET: Final = frozenset(PERIOD_WORDS)
_CUMULATIVE_SET: Final = frozenset(CUMULATIVE_GATE)


def _word_start(
    pattern: re.Pattern[str], marked: re.Pattern[str], text: str, lo: int, hi: int
) -> int:
    """Where the first match of ``pattern`` in ``text[lo:hi]`` that starts a word starts (as
    :func:`word_search` finds it), or ``hi``: searched as ``marked`` (``pattern`` after
    ``\\W``) from the character before ``lo``, the string's start tried apart."""
    if lo == 0 and pattern.match(text, 0, hi) is not None:
        return 0
    found = marked.search(text, max(0, lo - 1), hi)
    return hi if found is None else found.start() + 1


def _break_starts(low: str, lo: int, hi: int) -> list[int]:
    """The only places in ``low[lo:hi]`` where a ``_CLAUSE_BREAK`` match may start, sorted:
    each ";" and ",", and the first white space (from ``lo``) before a word that may open a
    break after white space."""
    starts: list[int] = []
    for mark in _BREAK_MARKS:
        at = low.find(mark, lo, hi)
        while at >= 0:
            starts.append(at)
            at = low.find(mark, at + 1, hi)
    for word in _SPACED_BREAK_WORDS:
        at = low.find(word, lo + 1, hi)
        while at >= 0:
            if low[at - 1].isspace():
                start = at - 1
                while start > lo and low[start - 1].isspace():
                    start -= 1
                starts.append(start)
            at = low.find(word, at + 1, hi)
    starts.sort()
    return starts


def clause_breaks(low: str, lo: int, hi: int) -> list[int]:
    """The starts of ``_CLAUSE_BREAK.finditer(low, lo, hi)``: its pattern tried only where
    ``_break_starts`` says a match may start, rather than at every white space, each try
    from the end of the last match (as ``finditer`` does)."""
    found: list[int] = []
    end = lo
    for start in _break_starts(low, lo, hi):
        if start >= end:
            match = _CLAUSE_BREAK.match(low, start, hi)
            if match is not None:
                found.append(start)
                end = match.end()
    return found


class Clauses:
    """Clause breaks of one sentence, and the scope cues of each clause when first asked;
    ``words`` are the sentence's gate words and ``told`` the bits a caller's pass over it
    set for the words it holds (every bit when none told: ``casualties._told``)."""

    def __init__(self, low: str, lo: int, hi: int, words: Set[str], told: int = -1) -> None:
        self.low, self.lo, self.hi = low, lo, hi
        self.told = told
        # "day" is in every "Monday": the rarer period words are found first, by the scanner
        cued = bool(words)  # a sentence with no gate word (many) looks up no set
        self.timed = (
            cued and not words.isdisjoint(_PERIOD_SET) and contains_any(low, _PERIOD_GATE, lo, hi)
        )
        # most "between" join sides ("clashes between X and Y"): one search tells a span
        self.spanned = SPAN_WORD in words and _SPAN.search(low, lo, hi) is not None
        self.summed = cued and not words.isdisjoint(_CUMULATIVE_SET)
        self.words = words
        self._breaks: list[int] | None = None
        self._cues: dict[tuple[str, int], bool] = {}

    def clause(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the clause holding ``pos``."""
        if self._breaks is None:
            low, lo, hi = self.low, self.lo, self.hi
            may_break = contains_any(low, _BREAK_WORDS, lo, hi) or bool(
                _AND_THE.search(low, lo, hi)
            )
            self._breaks = clause_breaks(low, lo, hi) if may_break else []
        breaks = self._breaks
        i = bisect_right(breaks, pos)
        start = breaks[i - 1] if i else self.lo
        return start, breaks[i] if i < len(breaks) else self.hi

    def _has(
        self,
        name: str,
        pattern: re.Pattern[str],
        clause: tuple[int, int],
        crosses: bool = False,
        marked: re.Pattern[str] | None = None,
    ) -> bool:
        """True when a match of ``pattern`` starts a word inside ``clause``. Only a pattern
        that ``crosses`` a clause break (``_PERIOD``'s "past ... hours" may hold "while") is
        searched past the clause's end: no match of the others holds a break, so the search
        of their clause alone finds as much. ``marked``, the pattern after ``\\W``, is
        searched instead where given (from the character before the clause)."""
        key = (name, clause[0])
        if key not in self._cues:
            end = self.hi if crosses else clause[1]
            if marked is None:
                found = word_search(pattern, self.low, clause[0], end)
                self._cues[key] = found is not None and found.start() < clause[1]
            else:
                self._cues[key] = _word_start(pattern, marked, self.low, clause[0], end) < clause[1]
        return self._cues[key]

    def _war_toll(self, pos: int) -> bool:
        """True when the figure at ``pos`` is a war's own toll (:data:`_WAR_TOLL`)."""
        if (
            not self.low.endswith(" ", self.lo, pos)
            or "ha" not in self.low[max(self.lo, pos - 48) : pos]
        ):
            return False
        war = _WAR_TOLL.search(self.low, max(self.lo, pos - 80), pos)
        if war is None:
            return False
        return war.group("war") is not None or _WAR_AFTER.match(self.low, pos, self.hi) is not None

    def scope(self, pos: int, toll: bool, value: int) -> str:
        """``period`` when the clause holding ``pos`` names a period ("in the past 24 hours"),
        ``cumulative`` when it speaks of a toll or the whole war, ``total`` when its only cue
        is a sum ("a total of", "in total"), else ``incident``."""
        if not (self.timed or self.spanned or self.summed or toll or value >= 1000):
            return "incident"  # no cue anywhere in the sentence: no need for its clauses
        clause = self.clause(pos)
        if self.timed and self._has("period", _PERIOD, clause, True, _PERIOD_AT_WORD):
            return "period"
        if self.spanned and self._has("span", _SPAN, clause):
            return "period"
        if (
            toll
            or self.summed
            and self._has("cumulative", _CUMULATIVE, clause, False, _CUMULATIVE_AT_WORD)
        ):
            return "cumulative"
        if self.summed and self._war_toll(pos):
            return "cumulative"
        if value >= 1000 and not self._has("incident", _INCIDENT, clause):
            return "cumulative"
        # every ``_TOTAL`` branch holds "total", a gate word of its own
        if self.summed and _TOTAL_WORD in self.words and self._has("total", _TOTAL, clause):
            return "total"
        return "incident"
