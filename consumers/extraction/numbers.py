"""Counts written in news prose: "19,000", "1.2 million", "twenty-five", "dozens", "at least 18".

:func:`find_numbers` yields every count-like expression of a span with its interval; vague
figures take the conventions of human-coded conflict datasets ("dozens" 12, "hundreds" 100).
:func:`not_a_count` tells dates, years, ages, times, distances, percentages, money, votes
and numbered resolutions apart from counts of people. Both read lower-cased text (the
engine passes a lower-cased copy with the same offsets), so patterns need no IGNORECASE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, NamedTuple

import ahocorasick_rs

from consumers.extraction.matching import branched, starts_with_any, trie_alternation

_UNITS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# vague word -> (point value, low, high)
_VAGUE: Final = {
    "tens": (10, 10, 99), "dozens": (12, 12, 99), "scores": (20, 20, 99),
    "hundreds": (100, 100, 999), "thousands": (1_000, 1_000, 9_999),
    "tens of thousands": (10_000, 10_000, 99_999),
    "hundreds of thousands": (100_000, 100_000, 999_999), "millions": (1_000_000, 1_000_000, None),
}  # fmt: skip

_MAX_DIGITS: Final = 15
_WORD_SPLIT: Final = re.compile(r"[\s-]+")
_UNIT_WORD: Final = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORD: Final = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
# "and" joins the words of a spelled number only after a scale ("two hundred and five");
# after a unit it joins two figures ("between five and eight", "two and three")
_SCALE_AND: Final = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
_DIGITS: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CORE: Final = (
    rf"(?P<digits>{_DIGITS})(?:[ \t]+(?P<dscale>hundred|thousand|million|billion)\b)?"
    r"|(?P<vague>(?:tens|hundreds)\s+of\s+thousands|tens|dozens|scores|hundreds|thousands|millions)"
    r"|(?P<dozen>(?:half\s+)?a\s+dozen)"
    rf"|(?P<words>(?:a\s+(?:hundred|thousand|million)|{_UNIT_WORD})"
    rf"(?:(?:{_SCALE_AND}\s+and\s+|\s+|-)(?:{_WORD})){{0,6}})"
)
# how every branch of ``_CORE`` starts (a digit, "a ", the first four letters of a number
# word): a cheap look-ahead, a trie, that skips the long alternation at most word starts
# ("the", "on", "for" and "military" fail it at once)
_CORE_START: Final = (
    r"(?=\d|a\s|"
    + trie_alternation(
        sorted({word[:4] for word in [*_UNITS, *(key.split()[0] for key in _VAGUE), "half"]})
    )
    + ")"
)
# a figure matched from the character before it (no letter, digit or currency sign), which
# lets the regex engine skip ahead in C
_NUMBER_AFTER: Final = re.compile(
    branched(rf"[^\w.,$\u20ac\u00a3]{_CORE_START}(?P<core>{_CORE})(?![\w%])")
)
_QUALIFIER: Final = re.compile(
    r"(?P<q>(?:no|not)\s+fewer\s+than|(?:no|not)\s+less\s+than|at\s+least|at\s+most|more\s+than|over|"
    r"nearly|almost|about|around|some|up\s+to|roughly|approximately|an\s+estimated|"
    r"estimated|as\s+many\s+as|fewer\s+than|less\s+than|under|close\s+to|upwards\s+of|"
    r"in\s+excess\s+of|between)\s+$",
)
# the last word of every ``_QUALIFIER`` branch: the text before a figure's white space must
# end with one before the regex is tried ("moreover" ends with "over", as the regex allows)
QUALIFIER_ENDS: Final = ("than", "least", "most", "over", "nearly", "almost", "about", "around",
                         "some", "to", "roughly", "approximately", "estimated", "as", "under", "of",
                         "between")  # fmt: skip
# the same by their last letter: the text before a figure is tried only with those it may
# end with
_QUALIFIER_ENDS_BY_LAST: Final = {
    last: tuple(end for end in QUALIFIER_ENDS if end[-1] == last)
    for last in {end[-1] for end in QUALIFIER_ENDS}
}
# "20 to 30", "between six and about ten": an estimate word may open the upper end
_RANGE_TAIL: Final = re.compile(
    rf"\s*(?:-|\u2013|to|and)\s*(?:(?:about|around|approximately|nearly|almost|some)\s+)?"
    rf"(?:{_CORE})(?![\w%])"
)
# how each branch of ``_RANGE_TAIL`` goes on past the white space after a figure
_RANGE_MARKS: Final = ("-", "\u2013", "to", "and")
# a month's name, whole or cut short ("December", "dec")
MONTH: Final = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS: Final = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug
    august sep sept september oct october nov november dec december""".split()
)
# a figure right after one of these words is a label, an age or a date, not a count
_LABEL_WORDS: Final = _MONTHS | frozenset(
    """aged age ages resolution resolutions no no. not number page
    article route highway building block unit brigade division chapter voted""".split()
)
_DAY: Final = re.compile(r"(?:0?[1-9]|[12]\d|3[01])")  # a day of the month before a month
_ABBREVIATED: Final = frozenset("jan feb mar apr aug sep sept oct nov dec no. no art".split())
_LABEL_PAIRS: Final = frozenset({("votes", "to"), ("vote", "to"), ("vote", "of"),
                                  ("father", "of"), ("mother", "of"), ("parent", "of"),
                                  ("parents", "of")})  # fmt: skip
# the hyphen or spaces before the unit are taken whole and never given back ("?+", "++"):
# no unit starts with a space, and one that may start with a hyphen ("-year") is also
# tried after it, so the alternation is tried once instead of two or three times. The units
# are grouped by their first letter (only whether one matches counts, not which), so that
# the regex engine tests a letter once rather than each unit in turn
_TRAP_AFTER: Final = re.compile(
    r"(?:-|\s++)?+(?:-?(?:years?\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|km\b|"
    r"kilomet|miles?\b|met(?:er|re)s?\b|mm\b)|%|p(?:er(?:cent\b|\s+cent\b)|m\b|\.m\.|ounds)|"
    r"t(?:imes\b|o(?:ns|nnes|\s+\d+\s+votes?)|rucks|h\b)|r(?:ounds\b|ockets|d\b)|"
    r"s(?:hots\b|hekels|t\b)|b(?:ullets\b|lock\b|uildings)|a(?:\.m\.|m\b)|"
    r"o(?:'clock|f\s+(?:kilo\w*|kgs?|tons|tonnes|litres|liters|gallons|acres|hectares|rupees|"
    r"dollars)\b)|:\d|votes?\b|in\s+favou?r|d(?:ollars|rones)|euros|l(?:itres|iters|orries)|"
    rf"gallons|h(?:omes|ouses)|missiles|nd\b|(?:{MONTH})\b)",
)
# the first three letters of every unit of ``_TRAP_AFTER`` (past the hyphen or white space
# it takes whole), the units of two letters, and the marks that open a unit alone: a figure
# followed by none ("12 people", "5 others") is tried with no regex
_UNIT_OPENINGS: Final = (
    "yea mon wee day hou min kil mil met per pou tim tru rou roc sho she bul bui blo vot dol "
    "dro eur lit lor gal hom mis jan feb mar apr may jun jul aug sep oct nov dec"
).split()
_SHORT_UNITS: Final = "km mm pm am st nd rd th a. p. o' in of to".split()
_UNIT_MARKS: Final = ("-", "%", ":")


def _unit_trie() -> dict[str, dict[str, str]]:
    """The openings of the units as first letter -> second letter -> the third letters that
    may follow ("" when any may: a whole unit of two letters; no second letters after a mark,
    which opens a unit alone)."""
    trie: dict[str, dict[str, str]] = {mark: {} for mark in _UNIT_MARKS}
    for unit in _SHORT_UNITS:
        trie.setdefault(unit[0], {})[unit[1]] = ""
    for opening in _UNIT_OPENINGS:
        seconds = trie.setdefault(opening[0], {})
        if seconds.get(opening[1]) != "":
            seconds[opening[1]] = seconds.get(opening[1], "") + opening[2]
    return trie


# read a character at a time (each a cached one-letter string, no slice to hash)
_UNIT_TRIE: Final = _unit_trie()
_YEAR_CONTEXT: Final = re.compile(r"(?:\b(?:in|since|of|by|until|till|from|during|year|early|late|"
                                  r"mid|before|after|the|,)\s*|-)$")  # fmt: skip


class NumberMention(NamedTuple):
    """A count-like expression and where it sits; ``start`` includes any qualifier.

    A named tuple rather than a frozen dataclass: it is built for every figure of every
    casualty sentence, and a tuple is several times cheaper to create."""

    value: int
    low: int
    high: int | None
    approximate: bool
    start: int
    end: int
    core_start: int


# a small figure of people or events, in digits or spelled ("12", "twelve", "forty"): the
# regex alternation the rules that count attackers, captives and attacks share
FIGURE: Final = (
    r"\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
)


def figure_value(figure: str) -> int:
    """The value of a figure written in digits or in words ("12", "twelve"), 0 if neither."""
    return int(figure) if figure.isdigit() else words_to_int(figure) or 0


def words_to_int(phrase: str) -> int | None:
    """Value of a number spelled in words ("two hundred and five", "twenty-five")."""
    total = current = 0
    seen = False
    # one word (most: "two", "dozen") has no white space or hyphen to split at
    parts = [phrase.lower()] if phrase.isalpha() else _WORD_SPLIT.split(phrase.lower())
    for part in parts:
        if part in ("a", "and", ""):
            current = current or int(part == "a")
            continue
        if part in _UNITS:
            current += _UNITS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in _SCALES:
            total += max(current, 1) * _SCALES[part]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _core_value(match: re.Match[str]) -> tuple[int, int, int | None, bool] | None:
    """(value, low, high, approximate) of one core number match."""
    # the groups in one call (a call each costs more than the tuple)
    digits, scale, vague, dozen, words = match.group("digits", "dscale", "vague", "dozen", "words")
    if digits:
        raw = digits.replace(",", "")
        if len(raw) > _MAX_DIGITS:
            return None  # an identifier or a serial number, never a count of people
        number = float(raw)
        value = int(round(number * _SCALES[scale.lower()])) if scale else int(number)
        return value, value, value, False
    if vague:
        key = re.sub(r"\s+", " ", vague.lower())
        point, low, high = _VAGUE[key]
        return point, low, high, True
    if dozen:
        value = 6 if dozen.lower().startswith("half") else 12
        return value, value, value, True
    spelled = words_to_int(words)
    return None if spelled is None else (spelled, spelled, spelled, False)


def _qualified(
    qualifier: str, value: int, low: int, high: int | None
) -> tuple[int, int, int | None]:
    """Apply a qualifier ("at least", "up to", "nearly") to a figure's interval."""
    q = " ".join(qualifier.lower().split())
    if q in ("at least", "more than", "over", "no fewer than", "no less than", "upwards of",
             "in excess of", "not fewer than", "not less than"):  # fmt: skip
        return value, low, None
    if q in ("up to", "as many as", "at most", "fewer than", "less than", "under"):
        return value, 1, high
    if q in ("nearly", "almost", "close to"):
        return value, max(1, value * 9 // 10), value
    return value, max(1, value * 9 // 10), value + value // 10 if high is not None else None


def _range_end(
    text: str, core_start: int, core_end: int, value: int, between: bool, end: int
) -> tuple[int, int] | None:
    """``(high, end)`` when a range ("20 to 30", "between 20 and 30") follows the figure whose
    core is ``text[core_start:core_end]``, else None."""
    at = core_end
    while at < end and text[at].isspace():
        at += 1
    if not starts_with_any(text, _RANGE_MARKS, at):
        return None  # most figures: no "-", "to" or "and" after them
    tail = _RANGE_TAIL.match(text, core_end, end)
    if tail is None or tail.group().lstrip()[:1] == "a" and not between:
        return None
    if _label_before(text, core_start):
        return None  # "October 7 to 290" is a date, then a figure
    upper = _core_value(tail)
    return (upper[0], tail.end()) if upper is not None and upper[0] > value else None


def _next_number(
    text: str, pos: int, end: int, starts: Iterator[int] | None
) -> re.Match[str] | None:
    """The next count-like expression at or after ``pos`` (group ``core``): tried only at
    ``starts`` (from :func:`_figure_starts`, consumed as ``pos`` moves on) when given, else
    searched for."""
    if starts is not None:
        for at in starts:
            if at >= pos and (match := _number_at(text, at, end)) is not None:
                return match
        return None
    if pos == 0:
        first = _NUMBER_AT_START.match(text, 0, end)
        if first is not None:
            return first
    return _NUMBER_AFTER.search(text, pos - 1, end) if pos else _NUMBER_AFTER.search(text, 0, end)


# a figure's value, low, high and whether it is approximate (:func:`_core_value`)
_Core = tuple[int, int, int | None, bool]


def _next_figure(
    text: str, pos: int, end: int, starts: Iterator[int] | None
) -> tuple[int, int, _Core | None] | None:
    """``(core start, core end, core value)`` of :func:`_next_number` (the value None for
    no count, as :func:`_core_value` reads it); a figure of the commonest
    shapes is read at its start without the regex (:func:`_simple_figure`)."""
    if starts is not None:
        for at in starts:
            if at < pos:
                continue
            figure_end, value = _simple_figure(text, at, end)
            if figure_end > 0:
                return at, figure_end, (value, value, value, False)
            if figure_end == _UNSURE and (match := _number_at(text, at, end)) is not None:
                return match.start("core"), match.end(), _core_value(match)
        return None
    match = _next_number(text, pos, end, None)
    return None if match is None else (match.start("core"), match.end(), _core_value(match))


_UNSURE: Final = -1
_NO_FIGURE: Final = (0, 0)
_SHAPE_UNSURE: Final = (_UNSURE, 0)
# the first three letters of every number word: a unit word followed by a word that opens
# with none of them ("three people", "five of") is a figure of its own
_WORD_OPENINGS: Final = frozenset(word[:3] for word in [*_UNITS, *_SCALES])
_SCALE_OPENINGS: Final = frozenset(word[:3] for word in _SCALES)


def _simple_figure(text: str, at: int, end: int) -> tuple[int, int]:
    """``(core end, value)`` of the figure whose core starts at ``at`` of ASCII
    ``text[:end]``, as ``_NUMBER_AFTER.match(text, at - 1, end)`` and :func:`_core_value`
    read it, for the commonest shapes: digits alone ("12", "12,", "12.") and a unit word
    alone ("three"), each before no scale, hyphen or number word; ``(0, 0)`` when no figure
    starts at ``at``, ``(-1, 0)`` for any other shape (the regex then reads it)."""
    if at == 0:
        return _SHAPE_UNSURE
    prev = text[at - 1]
    if prev != " ":
        if ord(prev) >= 128:
            return _SHAPE_UNSURE
        if prev.isalnum() or prev == "_" or prev == "." or prev == "," or prev == "$":
            return _NO_FIGURE  # the regex's first class: no figure right after these
    code = ord(text[at])
    if 48 <= code <= 57:
        return _simple_digits(text, at, end)
    j = at
    while j < end and 97 <= ord(text[j]) <= 122:
        j += 1
    value = _UNITS.get(text[at:j])
    if value is None:
        return _SHAPE_UNSURE  # "a dozen", "hundreds", "often"
    if j == end:
        return j, value
    after = text[j]
    if after.isspace():
        k = j + 1
        while k < end and text[k].isspace():
            k += 1
        if text[k : k + 3] in _WORD_OPENINGS:
            return _SHAPE_UNSURE  # "twenty five", "three hundred", "seven million"
        return j, value
    if after.isalnum() or after == "-" or after == "_" or after == "%":
        return _SHAPE_UNSURE
    return j, value


def _simple_digits(text: str, at: int, end: int) -> tuple[int, int]:
    """:func:`_simple_figure` for a core that starts with a digit."""
    j = at + 1
    while j < end and 48 <= ord(text[j]) <= 57:
        j += 1
    if j - at > _MAX_DIGITS:
        return _SHAPE_UNSURE
    if j < end:
        after = text[j]
        if after == " " or after == "\t":
            k = j + 1
            while k < end and (text[k] == " " or text[k] == "\t"):
                k += 1
            if text[k : k + 3] in _SCALE_OPENINGS:
                return _SHAPE_UNSURE  # "5 hundred", "2 million" (or "5 militants")
        elif after == "," or after == ".":
            if j + 1 < end and 48 <= ord(text[j + 1]) <= 57:
                return _SHAPE_UNSURE  # "12,000", "1.5"
        elif after.isalnum() or after == "_" or after == "%":
            return _SHAPE_UNSURE
    return j, int(text[at:j])


def _number_at(text: str, at: int, end: int) -> re.Match[str] | None:
    """The count-like expression whose core starts at ``at``, if any."""
    return (
        _NUMBER_AT_START.match(text, 0, end) if at == 0 else _NUMBER_AFTER.match(text, at - 1, end)
    )


_NUMBER_AT_START: Final = re.compile(rf"(?P<core>{_CORE})(?![\w%])")

# how a figure can start: a digit, a number word ("four", which "fourteen" and "forty" also
# start with: keys that begin with another key are left out), "half", or "hundred",
# "thousand", "million" and "dozen", whose "a" before ("a hundred") starts the figure
_A_SCALES: Final = ("hundred", "thousand", "million", "dozen")
_FIRST_WORDS: Final = {
    *"0123456789",
    *_UNITS,
    *(key.split()[0] for key in _VAGUE),
    "half",
    *_A_SCALES,
}
START_KEYS: Final = sorted(
    key
    for key in _FIRST_WORDS
    if not any(key != other and key.startswith(other) for other in _FIRST_WORDS)
)
_A_SCALE_KEYS: Final = frozenset(i for i, key in enumerate(START_KEYS) if key in _A_SCALES)
_STARTS: Final = ahocorasick_rs.BytesAhoCorasick(
    [key.encode() for key in START_KEYS],
    matchkind=ahocorasick_rs.MatchKind.Standard,
    implementation=ahocorasick_rs.Implementation.DFA,
)


def _figure_starts(text: str, start: int, end: int) -> list[int] | None:
    """Every place in ASCII ``text[start:end]`` where a figure may start, in order (one pass
    of a small automaton, instead of trying the figure patterns after every space), or None
    when the span is not ASCII (``\\d`` and ``\\s`` then take more than ASCII digits and
    spaces)."""
    part = text[start:end]
    if not part.isascii():
        return None
    # ``overlapping`` passed by position: keyword arguments cost the Rust call more
    matches = _STARTS.find_matches_as_indexes(part.encode("ascii"), True)
    return figure_starts_of(text, start, matches)


def figure_starts_of(
    text: str, start: int, matches: list[tuple[int, int, int]], first: int = 0
) -> list[int]:
    """:func:`_figure_starts` of ASCII ``text`` from ``start`` read from ``matches``, every
    overlapping ``(key index, start, end)`` of that span of an automaton whose keys from
    index ``first`` on are :data:`START_KEYS` (its keys before ``first`` are passed over): a
    caller that searches the span for words of its own finds the starts in the same pass."""
    found = set()
    for key, at, _ in matches:
        if key < first:
            continue
        at += start
        found.add(at)
        if key - first in _A_SCALE_KEYS:  # "a hundred", "a  dozen": the figure starts at the "a"
            before = at
            while before > start and text[before - 1].isspace():
                before -= 1
            if start < before < at and text[before - 1] == "a":
                found.add(before - 1)
    return sorted(found)


def find_numbers(
    text: str, start: int = 0, end: int | None = None, starts: list[int] | None = None
) -> list[NumberMention]:
    """Every count-like expression in lower-cased ``text[start:end]``, ranges merged and
    qualifiers applied; ``starts``, when given, are :func:`figure_starts_of` the span (the
    caller found them), else they are looked for here."""
    end = len(text) if end is None else end
    if starts is None:
        starts = _figure_starts(text, start, end)
    return _numbers(text, start, end, None if starts is None else iter(starts))


def _numbers(text: str, start: int, end: int, starts: Iterator[int] | None) -> list[NumberMention]:
    """:func:`find_numbers`, the figures tried only at ``starts`` when given."""
    found: list[NumberMention] = []
    pos = start
    while (figure := _next_figure(text, pos, end, starts)) is not None:
        core_start, pos, core = figure
        if core is None:
            continue
        value, low, high, approx = core
        window = max(start, core_start - 24)
        qual = None
        if core_start > window and text[core_start - 1].isspace():
            stripped = core_start - 1  # where the white space before the figure starts
            while stripped > window and text[stripped - 1].isspace():
                stripped -= 1
            ends = _QUALIFIER_ENDS_BY_LAST.get(text[stripped - 1]) if stripped > window else None
            if ends is not None and text[window:stripped].endswith(ends):
                qual = _QUALIFIER.search(text, window, core_start)
        word = qual.group("q").lower() if qual else ""
        mention_end = pos
        span = _range_end(text, core_start, pos, value, word == "between", end)
        if span is not None:
            high, mention_end = span
            approx = True
            pos = mention_end
        if qual and word != "between":
            value, low, high = _qualified(word, value, low, high)
            approx = True
        first = qual.start() if qual else core_start
        # built as its tuple: a named tuple's own constructor runs as Python code
        mention = (value, low, high, approx, first, mention_end, core_start)
        found.append(tuple.__new__(NumberMention, mention))
    return found


# the marks of a price or a number before a figure ("$5", "#3")
_PRICE_MARKS: Final = "$\u20ac\u00a3#"
# the last words of the pairs of ``_LABEL_PAIRS``
_PAIR_ENDS: Final = frozenset(second for _, second in _LABEL_PAIRS)


def _label_before(text: str, pos: int) -> bool:
    """True when the words just before ``pos`` make a figure a label, date, age or price.

    The last word before ``pos`` is read by hand: one that ends with a period or may end a
    pair of words (:data:`_LABEL_PAIRS`) goes on to :func:`_label_before_read`."""
    lo = max(0, pos - 16)
    stop = pos  # where the white space before ``pos`` starts
    while stop > lo and text[stop - 1].isspace():
        stop -= 1
    if stop == lo:
        return False  # white space alone: no word
    if text[stop - 1] in _PRICE_MARKS:
        return True
    if stop == pos and text[stop - 1].isalnum():
        return False
    first = stop - 1
    while first > lo and not text[first - 1].isspace():
        first -= 1
    last = text[first:stop]
    if last.endswith(".") or last in _PAIR_ENDS:
        return _label_before_read(text, pos)  # "no.", "sep.", "votes to", "father of"
    return last in _LABEL_WORDS


def _label_before_read(text: str, pos: int) -> bool:
    """:func:`_label_before`, read from the split words of the window before ``pos``."""
    before = text[max(0, pos - 16) : pos]
    if before.rstrip().endswith(("$", "\u20ac", "\u00a3", "#")):
        return True
    words = before.split()
    if not words or before[-1:].isalnum():
        return False
    last = words[-1]
    if last.endswith("."):
        last = last.rstrip(".") if last != "no." else "no."
        if last not in _ABBREVIATED:
            return False  # "... on 11 July. One killed.": the dot ends a sentence
        if len(words) > 1 and _DAY.fullmatch(words[-2]):
            return False  # "12 Sep. 4 killed": the month has its day, the dot ends the date
    return last in _LABEL_WORDS or len(words) > 1 and (words[-2], words[-1]) in _LABEL_PAIRS


def not_a_count(text: str, mention: NumberMention) -> bool:
    """True when the figure is a date, year, age, time, distance, share, price, vote or label.

    ``text`` is lower-cased, like everything this module reads.
    """
    if _label_before(text, mention.core_start):
        return True
    if _slashed(text, mention.core_start, mention.end):
        return True
    if _unit_may_follow(text, mention.end) and _TRAP_AFTER.match(
        text, mention.end, mention.end + 24
    ):
        return True
    raw = text[mention.core_start : mention.end]
    if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100:
        before = text[max(0, mention.core_start - 16) : mention.core_start]
        return bool(_YEAR_CONTEXT.search(before)) or not _followed_by_people(text, mention.end)
    return False


def _unit_may_follow(text: str, end: int) -> bool:
    """False when no unit of ``_TRAP_AFTER`` can follow a figure that ends at ``end``: the
    letters after its hyphen or white space open none (:data:`_UNIT_TRIE`)."""
    size = len(text)
    if end < size and text[end] == "-":
        end += 1
    else:
        while end < size and text[end].isspace():
            end += 1
    if end >= size:
        return False
    seconds = _UNIT_TRIE.get(text[end])
    if seconds is None:
        return False
    if not seconds:
        return True  # a mark
    if end + 1 >= size:
        return False
    thirds = seconds.get(text[end + 1])
    if thirds is None:
        return False
    return not thirds or end + 2 < size and text[end + 2] in thirds


def _slashed(text: str, start: int, end: int) -> bool:
    """True when a slash joins the figure ``text[start:end]`` to digits: a date ("on 21/12",
    "12/04/2017") or a ratio, no count."""
    if start > 1 and text[start - 1] == "/" and text[start - 2].isdigit():
        return True
    return text[end : end + 1] == "/" and text[end + 1 : end + 2].isdigit()


_PEOPLE_AFTER: Final = re.compile(
    r"\s+(?:people|persons|civilians|palestinians|israelis|soldiers)\b"
)


def _followed_by_people(text: str, pos: int) -> bool:
    return _PEOPLE_AFTER.match(text, pos, pos + 20) is not None
