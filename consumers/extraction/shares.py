"""A report's share of a figure told for several events.

Event reports that split one clash over several records say so: "12 fatalities split across
3 events and coded as 4 for this event", "6 deaths (coded across 6 events)", "the deaths have
been split over two events". The report's own deaths are then its share: the figure "coded
as" for it, or the sentence's deaths divided evenly. :func:`share_of` finds that share; the
caller keeps it as a part of the figure it divides and counts it instead of the whole. A
note in a sentence of its own ("Fatalities are split across five events.") divides the
deaths told before it: :func:`parts_of` gives the number of events.
"""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final, NamedTuple

from consumers.extraction.matching import contains_any
from consumers.extraction.numbers import FIGURE, NumberMention, figure_value, find_numbers

# one of these, or nothing to look for (``str.find`` on the sentence)
GATES: Final = ("coded as", "split ", "coded across", "coded over", "divided ", "total ",
                "no fatalit", "minus ", "fatalities coded", "fatalities are coded",
                "fatalities were coded", "fatality coded", "fatality is coded",
                "fatality was coded", "for this event", "distributed ", "coded here",
                "spread ")  # fmt: skip
_UNITS: Final = r"events|locations|incidents|dates|days|villages|places|records|areas"
# "split across 3 events", "split up between two locations", "spread across three areas",
# "split up into two events", "split in half" or "split with another event" (two events: the
# deaths told before halved)
_SPLIT: Final = re.compile(
    r"\b(?:split|coded|divided|distributed|spread)\s+(?:up\s+)?"
    r"(?:(?:evenly\s+)?(?:acc?ross|over|between|among|into)\s+"
    rf"(?:the\s+|a\s+total\s+of\s+)?(?P<k>[\w-]+)\s+(?:{_UNITS})|in\s+(?P<half>half)|"
    r"with\s+(?P<other>another|one\s+other)\s+(?:event|location|incident))\b"
)
# "9 total fatalities coded", "23 fatalities coded to include the bomber", "8 fatalities are
# coded in total", "16 fatalities for this event", "1 confirmed (or split) fatality coded to
# this event": the coder's count for the report; not
# "12 fatalities coded across 3 events" (a split) or "... coded as 4" (read by ``_CODED_AS``)
_CODED_COUNT: Final = re.compile(
    r"\b(?P<m>\d{1,4})\s+(?:total\s+|confirmed\s+|split\s+)?fatalit(?:y|ies)\s+"
    r"(?:(?:are|were|was|is|have\s+been)\s+)?"
    r"(?:coded(?!\s+(?:across|over|between|among|separately|evenly|as|in\s+(?:another|other|a\s+"
    r"separate)))|for\s+this\s+(?:event|incident))"
)
# "Fatalities (72) spread across two locations": the coder's count in brackets, split
_BRACKET_COUNT: Final = re.compile(
    r"\b(?:fatalit(?:y|ies)|deaths)\s*\((?P<m>\d{1,4})\)\s+(?:(?:are|were)\s+)?$"
)
# "the remaining 23 coded here", "6 fatalities coded here": the coder's count for the report
_CODED_HERE: Final = re.compile(
    r"\b(?P<m>\d{1,4})\s+(?:fatalit(?:y|ies)\s+)?(?:(?:are|were|is|was)\s+)?coded\s+here\b"
)
# "split across 2 events (17)": the coder's share for this event, in brackets after the note
_STATED: Final = re.compile(r"\s*\((?P<m>\d{1,3})\)")
# "coded as 4 for this event", "coded here as 6": the share of this event; "coded as half
# (6)", "coded as half of 23 (11)", "coded as half & rounded down = 3": the half in brackets
_CODED_AS: Final = re.compile(
    r"\bcoded\s+(?:(?P<pre>here)\s+)?as\s+(?:half\s*(?:of\s+\S+\s*)?(?:,?\s*(?:&|and)?\s*"
    r"rounded\s+down\s*)?(?:\(|=\s*)(?P<h>\d{1,4})\)?|[\"\u201c]?(?P<m>[\w-]+))"
    r"(?P<here>\s+for\s+this\s+(?:event|incident))?"
)
_DEATHS: Final = re.compile(r"\b(?:fatalit(?:y|ies)|deaths?|killed|killing|dead|casualties)\b")
# "fatalities coded as 27", "dozens of fatalities and injuries coded as 6": the report's
# count; "unspecified fatalities coded as 3", "unknown number of fatalities and injuries coded
# as 10", "unknown fatalities mentioned by the source coded as 10", "unknown fatalities in a
# low-intensity event coded as 3", "unknown fatalities ("heavy losses") coded as 10" (a few
# words or a remark between): the count given to deaths the report could not number,
# besides those it numbers
_FATALITIES_BEFORE: Final = re.compile(
    r"(?:(?P<unknown>(?:unspecified|unknown|undisclosed|unreported)\s+(?:number\s+of\s+)?)"
    r"|\b)(?:(?:fatalit(?:y|ies)|casualties|deaths)(?:\s+and\s+(?:injur(?:y|ies)|wounded))?|"
    r"(?:killed|dead|deaths?)\s+(?:and|or)\s+(?:injured|wounded))\s*(?:\([^()]{0,30}\)\s*)?\s"
    r"(?:(?!coded\b)[a-z][\w'-]*\s+){0,8}?(?:(?:were|was|are|is)\s+)?$"
)
# how far before "coded as" ``_FATALITIES_BEFORE`` may begin
_BEFORE_REACH: Final = 90


class Share(NamedTuple):
    """The deaths a report counts as its own: ``total`` replaces its other new deaths, else
    they are added to them."""

    number: NumberMention
    span: tuple[int, int]
    total: bool


def _number(low: str, start: int, end: int) -> NumberMention | None:
    found = find_numbers(low, max(0, start - 1), end)
    return found[0] if found and 0 < found[0].value <= 10_000 else None


# how far a split may follow the figure it divides: "coded as 10 and split across 2 events"
_JOINED: Final = 6


# a remark in brackets after a coded figure ("coded as 20 ("scores") and split across ..."),
# or a new clause of the note ("coded as 10; fatalities split over two events")
_REMARK: Final = re.compile(
    r"\s*\([^()]{0,30}\)|\s*[;,]\s*(?:fatalit(?:y|ies)\s+(?:(?:are|were)\s+)?)?"
)


def _gap(low: str, end: int, start: int) -> int:
    """How far ``start`` is from ``end`` past a remark in brackets right after ``end``
    (negative when ``start`` comes first)."""
    remark = _REMARK.match(low, end, start) if start > end else None
    return start - (remark.end() if remark is not None else end)


def _split_number(low: str, lo: int, split: re.Match[str], number: NumberMention) -> NumberMention:
    """``number``, divided evenly over the events a split right after it names ("coded as 10
    and spread across two locations" is 5)."""
    parts = _parts(low, lo, split)
    if parts is None:
        return number
    share = evenly(number.value, parts, 0)
    return number._replace(value=share, low=share, high=None)


def _coded(low: str, lo: int, hi: int, split: re.Match[str] | None) -> Share | None:
    """The last "coded as N" of a total (for this event, for a split figure, of fatalities),
    else one of unnumbered deaths; a figure split right after it ("coded as 10 and split
    across two events") counts its even share."""
    best = None
    for match in _CODED_AS.finditer(low, lo, hi):
        figure = "h" if match.group("h") else "m"
        number = _number(low, match.start(figure), match.end(figure))
        if number is None:
            continue
        before = _FATALITIES_BEFORE.search(
            low, max(lo, match.start() - _BEFORE_REACH), match.start()
        )
        unknown = before is not None and before.group("unknown") is not None
        here = bool(match.group("here") or match.group("pre"))
        total = here or (before is not None or split is not None) and not unknown
        if before is None and not total:
            continue
        if split is not None and 0 <= _gap(low, match.end(), split.start()) <= _JOINED:
            number = _split_number(low, lo, split, number)
        if total or best is None or not best.total:
            best = Share(number, match.span(), total)
        if here:
            return best
    if best is not None and _DEATHS.search(low, max(lo, best.span[0] - 120), best.span[0]):
        return best
    return None


# "no fatalities coded to this event": the deaths the report tells are counted elsewhere
_NONE_HERE: Final = re.compile(
    r"\bno\s+fatalit(?:y|ies)\s+(?:(?:were|was|have\s+been|has\s+been)\s+)?(?:coded|recorded)\s+"
    r"(?:to|for|in|with)\s+this\s+(?:event|incident)"
)
# a coder's arithmetic: "64 - minus 57 coded events = 7 remaining deaths" is 7; "up to 7
# were killed (total = minus 2 previously coded ...)" is the deaths less 2
_REMAINING: Final = re.compile(
    r"=\s*(?P<m>\d+)\s+(?:remaining\s+)?(?:deaths|fatalities|killed|dead)\b"
)
_MINUS: Final = re.compile(r"\bminus\s+(?P<m>\d+)\s+(?:previously\s+)?(?:coded|recorded)\b")
# "total 8 fatalities (coded to this event)": the coder's total for the report
_TOTAL: Final = re.compile(r"\btotal\s+(?:of\s+)?(?P<m>[\w-]+)\s+fatalit(?:y|ies)\b")


def _arithmetic(low: str, lo: int, hi: int, deaths: int) -> Share | None:
    """The deaths a coder's note leaves to the report: "= 7 remaining deaths", or ``deaths``
    less those it says were coded before."""
    left = _REMAINING.search(low, lo, hi)
    if left is not None:
        return Share(_value(int(left.group("m")), left.span()), left.span(), True)
    minus = _MINUS.search(low, lo, hi)
    if minus is None or not 0 < int(minus.group("m")) < deaths:
        return None
    return Share(_value(deaths - int(minus.group("m")), minus.span()), minus.span(), True)


def _value(value: int, span: tuple[int, int]) -> NumberMention:
    return NumberMention(value, value, None, False, span[0], span[1], span[0])


def share_of(low: str, lo: int, hi: int, deaths: int) -> Share | None:
    """The deaths of ``low[lo:hi]``'s report: the figure "coded as" for this event (or for
    deaths it could not number), the one a note says is coded ("9 total fatalities coded"),
    the one in brackets after a split ("split across 2 events
    (17)") or before it ("Fatalities (72) spread across two locations", divided), or else
    ``deaths`` (the sentence's own) divided evenly over
    the events it is "split across". None when the sentence says nothing of a split or a
    coded figure, or speaks of something other than deaths."""
    none = _NONE_HERE.search(low, lo, hi) if "no fatalit" in low[lo:hi] else None
    if none is not None:  # "No fatalities coded to this event": the report counts none
        return Share(_value(0, none.span()), none.span(), True)
    split = _SPLIT.search(low, lo, hi)
    coded = _coded(low, lo, hi, split)
    if coded is not None and not coded.total:
        # "unknown fatalities ... coded as 10 for a total of 24 fatalities": the total
        total = _TOTAL.search(low, coded.span[1], hi)
        if total is not None and (number := _number(low, total.start("m"), total.end("m"))):
            return Share(number, total.span(), True)
    if coded is not None:
        return coded
    # a half's share in brackets halves the deaths told before, none if none were told
    stated = _STATED.match(low, split.end(), hi) if split and not split.group("half") else None
    if stated is not None:
        return Share(_value(int(stated.group("m")), stated.span()), stated.span(), True)
    total = _TOTAL.search(low, lo, hi)
    if total is not None and (number := _number(low, total.start("m"), total.end("m"))):
        return Share(number, total.span(), True)
    counted = _CODED_COUNT.search(low, lo, hi) if "fatalit" in low[lo:hi] else None
    if counted is None and "coded here" in low[lo:hi]:
        counted = _CODED_HERE.search(low, lo, hi)
    if counted is not None:
        number = _value(int(counted.group("m")), counted.span())
        if split is not None and 0 <= _gap(low, counted.end(), split.start()) <= _JOINED:
            number = _split_number(low, lo, split, number)  # "coded and spread over 3 days"
        return Share(number, counted.span(), True)
    bracket = (
        _BRACKET_COUNT.search(low, max(lo, split.start() - 30), split.start()) if split else None
    )
    if split is not None and bracket is not None:  # "Fatalities (72) spread across two ..."
        number = _value(int(bracket.group("m")), bracket.span("m"))
        return Share(_split_number(low, lo, split, number), bracket.span(), True)
    if "minus " in low[lo:hi] and (left := _arithmetic(low, lo, hi, deaths)) is not None:
        return left
    if (
        split is None
        and deaths > 0
        and contains_any(low, THIS_AND, lo, hi)
        and (this := _this_and(low, lo, hi, deaths)) is not None
    ):
        return this
    if split is None and deaths > 0 and contains_any(low, SEVERAL, lo, hi):
        return _across(low, lo, hi, deaths)
    if split is None or deaths <= 0:
        return None
    parts = _parts(low, lo, split)
    if parts is None:
        return None
    return Share(_value(evenly(deaths, parts, 0), split.span()), split.span(), True)


# "fatalities spread across two locations", "coded as 10 and spread across three events",
# "coded as half (6) and spread across two days", "fatalities - spread across two events",
# "coded as 12 spread across two locations": a coder's spread of deaths; not fighting that
# spread ("clashes that killed 9 spread across three villages")
_SPREAD_BEFORE: Final = re.compile(
    r"(?:\b(?:fatalit(?:y|ies)|deaths|casualties)(?:\s*\(\d{1,4}\))?"
    r"(?:\s+(?:are|were|have\s+been))?(?:\s+-)?|\bcoded\s+(?:as\s+[^.;]{1,30}?(?:\s+and|,)|and)|"
    r"\bcoded\s+as\s+\S+)\s+$"
)


def _parts(low: str, lo: int, split: re.Match[str]) -> int | None:
    """The number of events (two or more) a note on deaths splits them across."""
    if "remaining" in low[max(lo, split.start() - 30) : split.start()]:
        return None
    if low.startswith("spread", split.start()) and not _SPREAD_BEFORE.search(
        low, max(lo, split.start() - 40), split.start()
    ):
        return None
    if _DEATHS.search(low, max(lo, split.start() - 120), split.start()) is None:
        return None
    if split.group("half") or split.group("other"):
        return 2
    parts = _number(low, split.start("k"), split.end("k"))
    return None if parts is None or parts.value < 2 else parts.value


_FIGURES: Final = rf"both|{FIGURE}"
_ATTACKS: Final = (
    r"attacks|blasts|explosions|bombings|incidents|assaults|events|clashes|shootings|raids"
)
# "killed across both blasts", "across all four assaults", "across each of the attacks", "in
# the attacks", "in two of the eight events", "repelled both assaults, killing ...": the
# deaths of all the attacks (or some) the report says it is one of
_ACROSS: Final = re.compile(
    rf"\b(?:across\s+(?:all\s+(?:of\s+)?|each\s+of\s+)?(?:the\s+)?"
    rf"(?:(?P<k>{_FIGURES})\s+)?(?:of\s+the\s+)?(?:[\w-]+\s+)?|in\s+(?:all\s+(?:of\s+)?)?"
    rf"(?:the\s+)?(?:(?P<n>{_FIGURES})\s+)?(?:of\s+the\s+)?(?:[\w-]+\s+)?|"
    rf"(?P<repelled>repelled|repulsed)\s+"
    rf"(?:all\s+)?(?:the\s+)?(?:(?P<r>{_FIGURES})\s+)?)(?:{_ATTACKS})\b"
)
# the deaths of a sentence whose attackers were "repelled": "repelled both assaults, killing
# 30 assailants", "12 assailants were killed as security forces repelled the attacks"
_KILLING: Final = re.compile(r"\b(?:killing|killed)\b")
# how far before the deaths a report may say it is one of several events
_REACH: Final = 1500
# "This was one of two bombings ...", "one of at least nine attacks": the report says it is
# one of several events, and how many
_ONE_OF: Final = re.compile(rf"\bwas\s+one\s+of\s+(?:at\s+least\s+)?(?P<k>{_FIGURES})\b")


# a word of every branch of ``_ACROSS`` that a sentence must hold before "was one of" is sought
SEVERAL: Final = ("across ", "attacks", "blasts", "explosions", "bombings", "incidents", "assaults",
                  "clashes", "shootings", "raids", "events")  # fmt: skip
# as a set: ``words.isdisjoint`` then reads the sentence's few gate words, not each gate
_SEVERAL_SET: Final = frozenset(SEVERAL)


def one_of_several(low: str, lo: int, hi: int, words: Set[str]) -> bool:
    """Whether the sentence ``low[lo:hi]``, whose gate words are ``words``, may tell deaths
    across the attacks its report says it is one of (a gate for :func:`share_of`, whose other
    notes have gate words)."""
    return (
        not words.isdisjoint(_SEVERAL_SET)
        and low.find("was one of ", max(0, lo - _REACH), hi) != -1
    )


def _count_in(low: str, match: re.Match[str], group: str) -> int:
    """The number of events the group ``group`` of ``match`` names ("both", "six"), else 0."""
    if match.group(group) is None:
        return 0
    if match.group(group) == "both":
        return 2
    figure = _number(low, match.start(group), match.end(group))
    return 0 if figure is None else figure.value


def _across(low: str, lo: int, hi: int, deaths: int) -> Share | None:
    """A report that says it is one of several attacks ("This was one of two bombings")
    and tells the deaths "across both blasts", "in the attacks" or of the attackers as troops
    "repelled both assaults": its even share of them."""
    across = _ACROSS.search(low, lo, hi)
    if across is None and " which " in low[lo:hi]:
        return _across_which(low, lo, hi, deaths)
    one_of = _ONE_OF.search(low, max(0, lo - _REACH), hi) if across is not None else None
    if across is None or one_of is None:
        return None
    parts = (
        _count_in(low, across, "n")
        or _count_in(low, across, "k")
        or _count_in(low, across, "r")
        or _count_in(low, one_of, "k")
    )
    if across.group("repelled"):
        told = _KILLING.search(low, lo, hi)
    else:
        told = _DEATHS.search(low, max(lo, across.start() - 120), across.start())
        told = told or _KILLING.search(low, max(lo, across.start() - 60), across.start())
    if parts < 2 or told is None:
        return None
    return Share(_value(evenly(deaths, parts), across.span()), across.span(), True)


# "This was one of seven such attacks in the province, across which at least seven people
# were killed", "one of two attacks in the area in which five civilians were killed": the
# deaths of all the attacks, told in a relative clause of the sentence that counts them
_WHICH: Final = re.compile(r"\b(?:across|in|during)\s+which\s")
_ATTACK_WORD: Final = re.compile(rf"\b(?:{_ATTACKS})\b")


def _across_which(low: str, lo: int, hi: int, deaths: int) -> Share | None:
    """The even share of the deaths a relative clause on the attacks a report is one of tells
    ("This was one of two bombings, across which two people were killed")."""
    which = _WHICH.search(low, lo, hi)
    if which is None:
        return None
    one_of = _ONE_OF.search(low, lo, which.start())
    if (
        one_of is None
        or _ATTACK_WORD.search(low, one_of.end(), which.start()) is None
        or _DEATHS.search(low, which.end(), min(hi, which.end() + 80)) is None
    ):
        return None
    parts = _count_in(low, one_of, "k")
    if parts < 2:
        return None
    return Share(_value(evenly(deaths, parts), which.span()), which.span(), True)


# "across this attack and another one", "between this and another similar attack", "across
# this and two other attacks": deaths told for the report's attack and others beside it
THIS_AND: Final = ("this and ", "this attack and ", "this blast and ", "this incident and ")
_THIS_AND: Final = re.compile(
    r"\b(?:across|between|in)\s+this\s+(?:(?:attack|blast|incident|explosion)\s+)?and\s+"
    rf"(?:(?P<k>{FIGURE})\s+other\s+(?:[\w-]+\s+)?(?:{_ATTACKS})|(?:another|an?\s+"
    r"(?:subsequent|second|other|similar))\s+(?:[\w-]+\s+)?(?:one|attack|blast|explosion|"
    r"bombing|incident|assault|raid|shooting)s?)\b"
)


def _this_and(low: str, lo: int, hi: int, deaths: int) -> Share | None:
    """The even share of the deaths told "across this attack and another one" (or "and two
    other attacks")."""
    this = _THIS_AND.search(low, lo, hi)
    if this is None:
        return None
    parts = 1 + (figure_value(this.group("k")) if this.group("k") else 1)
    return Share(_value(evenly(deaths, parts), this.span()), this.span(), True)


def evenly(deaths: int, parts: int, least: int = 1) -> int:
    """``deaths`` divided evenly over ``parts`` events, rounded half up, at least ``least``
    (0 for a coder's split: "1 fatality split among 21 events" leaves most of them none)."""
    return max(least, (2 * deaths + parts) // (2 * parts))


def parts_of(low: str, lo: int, hi: int) -> Share | None:
    """A note that splits the deaths the report told before over several events, in a
    sentence with no deaths of its own ("Fatalities are split across five events."): the
    number of events as ``number``, or None."""
    split = _SPLIT.search(low, lo, hi)
    if split is None or (parts := _parts(low, lo, split)) is None:
        return None
    return Share(_value(parts, split.span()), split.span(), True)


# "Fatalities coded as half.", "coded as half of 23": the coder counts half the dead and hurt
_HALF: Final = re.compile(
    r"\bcoded\s+as\s+half\b(?:\s+of\s+\W?(?P<of>\d{1,4}|dozens?)(?![\w(]))?(?!\s*\W?\s*\()"
)
# deaths and injuries told as one figure: "killing and injuring 33 soldiers", "the killing and
# wounding of dozens", "20 soldiers were killed and wounded", "150 \"dead and wounded\"",
# "dozens of deaths and injuries", "fatalities (12) coded as half"
_KILLED_AND_HURT: Final = re.compile(
    r"\bkill(?:ing|ed)?\s+and\s+(?:injur|wound)\w*\s+(?:of\s+)?(?:at\s+least\s+|about\s+|"
    rf"some\s+)?\W?(?P<a>{FIGURE}|dozens)\b|\b(?P<b>{FIGURE}|dozens)\b[^.;]{{0,60}}?\b(?:were|was)\s+"
    r"(?:\w+\s+)?(?:killed|dead)\s+(?:and|or)\s+(?:injured|wounded)|\((?P<c>\d{1,4})\)\s+$|"
    rf"\b(?P<d>{FIGURE}|dozens)\b[\s\"\u201c\u201d]{{1,4}}(?:of\s+)?(?:dead|deaths)\s+and\s+"
    r"(?:wounded|injur\w*)"
)
# "dozens" of dead and hurt counted as one dozen, the least the plural tells (a coder's "half
# of dozens" is 6)
_DOZENS: Final = 12


def half_of_told(low: str, lo: int, hi: int) -> Share | None:
    """The report's deaths when a coder's note counts half of the dead and hurt told as one
    figure before it ("killing and injuring 33 soldiers. Fatalities coded as half." is 16,
    rounded down), divided by a split right after the note; None without such a note or
    figure."""
    half = _HALF.search(low, lo, hi)
    if half is None:
        return None
    if half.group("of"):
        told = _DOZENS if half.group("of").startswith("dozen") else int(half.group("of"))
    else:
        found = list(_KILLED_AND_HURT.finditer(low, max(0, lo - _REACH), half.start()))
        if not found:
            return None
        last = found[-1]
        figure = last.group("a") or last.group("b") or last.group("c") or last.group("d")
        told = _DOZENS if figure == "dozens" else figure_value(figure)
    if told < 2:
        return None
    number = _value(told // 2, half.span())
    split = _SPLIT.search(low, half.end(), hi)
    if split is not None and _gap(low, half.end(), split.start()) <= _JOINED:  # "and split"
        number = _split_number(low, lo, split, number)
    return Share(number, half.span(), True)
