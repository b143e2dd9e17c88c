"""Counts in prose: digits, words, vague figures, qualifiers, ranges and look-alikes."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import numbers
from consumers.extraction.mentions import Mention, new_mention
from consumers.extraction.numbers import find_numbers, not_a_count, words_to_int


def _first(text: str) -> tuple[int, int, int | None, bool]:
    mention = find_numbers(text)[0]
    return mention.value, mention.low, mention.high, mention.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19,000 people", (19_000, 19_000, 19_000, False)),
        ("1.2 million people", (1_200_000, 1_200_000, 1_200_000, False)),
        ("twenty-five people", (25, 25, 25, False)),
        ("two hundred people", (200, 200, 200, False)),
        ("a dozen people", (12, 12, 12, True)),
        ("dozens of people", (12, 12, 99, True)),
        ("hundreds of people", (100, 100, 999, True)),
        ("thousands of people", (1_000, 1_000, 9_999, True)),
        ("tens of thousands of people", (10_000, 10_000, 99_999, True)),
        ("scores of people", (20, 20, 99, True)),
        ("at least 18 people", (18, 18, None, True)),
        ("more than 100 people", (100, 100, None, True)),
        ("up to 30 people", (30, 1, 30, True)),
        ("nearly 40 people", (40, 36, 40, True)),
        ("between 20 and 30 people", (20, 20, 30, True)),
        ("10 to 15 people", (10, 10, 15, True)),
        # "and" after a unit word joins the two ends of a range, not one spelled number
        ("between six and nine people", (6, 6, 9, True)),
        ("between twenty and forty people", (20, 20, 40, True)),
        # near miss: after a scale word "and" stays inside the number
        ("two hundred and six people", (206, 206, 206, False)),
    ],
)
def test_figures_and_intervals(text: str, expected: tuple[int, int, int | None, bool]) -> None:
    assert _first(text) == expected


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("one hundred and five", 105), ("three thousand two hundred", 3200), ("ninety-nine", 99)],
)
def test_words_to_int(phrase: str, value: int) -> None:
    assert words_to_int(phrase) == value


def _words_to_int_split(phrase: str) -> int | None:
    """:func:`words_to_int` as it reads when every phrase is split at white space and hyphens."""
    total = current = 0
    seen = False
    for part in re.split(r"[\s-]+", phrase.lower()):
        if part in ("a", "and", ""):
            current = current or int(part == "a")
            continue
        if part in numbers._UNITS:
            current += numbers._UNITS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in numbers._SCALES:
            total += max(current, 1) * numbers._SCALES[part]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@given(
    st.lists(
        st.sampled_from(["two", "Twenty", "hundred", "a", "and", "dozen", "x", "caf\u00e9", ""]),
        max_size=4,
    ),
    st.sampled_from([" ", "-", "\u00a0", "\n", ""]),
)
@example(["Twenty"], "")
@example(["twenty", "two"], "-")
def test_one_word_is_read_without_a_split(parts: list[str], gap: str) -> None:
    phrase = gap.join(parts)
    assert words_to_int(phrase) == _words_to_int_split(phrase)


def test_qualifier_is_part_of_the_mention() -> None:
    text = "it killed at least 18 people"
    mention = find_numbers(text)[0]
    assert text[mention.start : mention.end] == "at least 18"


@pytest.mark.parametrize(
    "text",
    [
        "in 2023 the agency",
        "a 15-year-old boy",
        "the boy, aged 12, said",
        "at 3 p.m. the siren",
        "they walked 5 km",
        "prices rose 300 percent",
        "about 85% of people",
        "donors gave $2 million",
        "the council voted 13 votes to 1",
        "Resolution 2334 says",
        "on October 7 militants",
        "the 10-week war",
        "no one was hurt",
    ],
)
def test_look_alikes_are_not_counts(text: str) -> None:
    low = text.lower()  # the module reads lower-cased text, like the engine gives it
    assert all(not_a_count(low, m) for m in find_numbers(low))


def test_a_plain_count_is_a_count() -> None:
    text = "25 people were killed"
    assert not not_a_count(text, find_numbers(text)[0])


def test_a_bare_scale_word_is_no_figure() -> None:
    assert find_numbers("a million thanks") != [] and find_numbers("millions of") != []
    assert find_numbers("the million-dollar question") == []


def test_comma_runs_stay_small() -> None:
    mentions = find_numbers("1,1,1,1,1,1")
    assert [m.value for m in mentions] == [1]


def _label_before_as_written_first(text: str, pos: int) -> bool:
    """``numbers._label_before`` as first written, each test on the last word spelled out."""
    before = text[max(0, pos - 16) : pos]
    if before.rstrip().endswith(("$", "\u20ac", "\u00a3", "#")):
        return True
    words = before.split()
    if not words or before[-1:].isalnum():
        return False
    last = words[-1].rstrip(".") if words[-1] != "no." else "no."
    if words[-1].endswith(".") and last not in numbers._ABBREVIATED:
        return False
    if words[-1].endswith(".") and len(words) > 1 and numbers._DAY.fullmatch(words[-2]):
        return False
    return last in numbers._LABEL_WORDS or tuple(words[-2:]) in numbers._LABEL_PAIRS


_LABEL_PARTS = ["no.", "no", "sep.", "sep", "12", "aged", "votes", "to", "father", "of", "x.",
                "july.", "$", "#", " ", ".", "..", "route"]  # fmt: skip


@given(st.lists(st.sampled_from(_LABEL_PARTS), max_size=8))
def test_label_before_reads_as_first_written(parts: list[str]) -> None:
    text = "".join(parts) + "5"
    pos = len(text) - 1
    assert numbers._label_before(text, pos) == _label_before_as_written_first(text, pos)


_LAST_WORD_PARTS = [*_LABEL_PARTS, "killed", "\n", "\t", "\u00a0", "x", "\u20ac", "£", "dec",
                    "12no.", "of.", "votes", "aged12", "_", "mother"]  # fmt: skip


@given(st.lists(st.sampled_from(_LAST_WORD_PARTS), max_size=10), st.integers(0, 3))
@example(["12", " ", "no.", " "], 0)
@example(["father", "\n", "of", " "], 0)
def test_label_before_reads_the_last_word_as_the_split_words_read_it(
    parts: list[str], cut: int
) -> None:
    text = "".join(parts) + "5"
    pos = max(0, len(text) - 1 - cut)
    assert numbers._label_before(text, pos) == numbers._label_before_read(text, pos)
    assert numbers._label_before(text, pos) == _label_before_as_written_first(text, pos)


def test_label_before_reads_common_words_alone() -> None:
    assert numbers._label_before("were killed 5", 12) is False
    assert numbers._label_before("resolution 5", 11) is True
    assert numbers._label_before("12 no. 5", 7) is False  # the day before: a date's end
    assert numbers._label_before("father of 5", 10) is True


# the unit pattern as first written: the hyphen or spaces before a unit may be given back
_TRAP_AFTER_BACKTRACKING = re.compile(
    numbers._TRAP_AFTER.pattern.replace("(?:-|\\s++)?+", "(?:-|\\s+)?", 1)
)
_TRAP_PARTS = ["-", " ", "  ", "\t", "\n", "years", "year", "yearly", "km", "kilometres", "%",
               "st", "am", "a.m.", "to", "5", "votes", "of", "kilos", "killed", "people", "may",
               "mayor", ":", "30", "in favour", "per cent", "th", "thousand"]  # fmt: skip


@given(st.lists(st.sampled_from(_TRAP_PARTS), max_size=6), st.integers(0, 3))
@example(["-", "-", "years"], 0)
@example([" ", "-", "year"], 0)
@example(["-", " ", "km"], 0)
@example([" ", " ", "killed"], 0)
@example(["  ", "years"], 0)
def test_trap_after_takes_the_gap_whole_as_when_it_backtracked(parts: list[str], at: int) -> None:
    assert _TRAP_AFTER_BACKTRACKING.pattern != numbers._TRAP_AFTER.pattern
    text = "5" + "".join(parts)
    pos = min(at, len(text))
    want = _TRAP_AFTER_BACKTRACKING.match(text, pos, pos + 24) is not None
    assert (numbers._TRAP_AFTER.match(text, pos, pos + 24) is not None) == want


@pytest.mark.parametrize(
    ("text", "trap"),
    [("12-year-old", True), ("12 -years", True), ("12 - years", False), ("12--years", True),
     ("12 --years", False), ("12 percent", True), ("12  years", True), ("12  killed", False),
     ("12 - 14 killed", False), ("12 yearly", False)],
)  # fmt: skip
def test_trap_after_reads_units_past_a_hyphen_or_spaces(text: str, trap: bool) -> None:
    assert (numbers._TRAP_AFTER.match(text, 2, 26) is not None) is trap


def test_a_mention_built_as_its_tuple_is_the_named_tuple() -> None:
    # new_mention builds the tuple by position: a field added to or moved in Mention must
    # move there too
    num = numbers.NumberMention(5, 5, 5, False, 10, 11, 10)
    fields = {"kind": "killed", "number": num, "scope": "incident", "trigger": (12, 18),
              "who": "civilians", "subset": True, "modality": "historical", "update": True,
              "added": True, "total": True, "of_report": True, "definite": True}  # fmt: skip
    built = new_mention(**fields)  # type: ignore[arg-type]
    assert built == Mention(**fields)  # type: ignore[arg-type]
    assert type(built) is Mention
    assert not (built.share or built.alternative or built.elsewhere or built.revised)
    assert not built.divides


# the units after a figure as one flat alternation, each tried in turn: the grouped regex
# must match after the same figures
_TRAP_AFTER_FLAT = re.compile(
    rf"(?:-|\s++)?+(?:%|percent\b|per\s+cent\b|-?years?\b|-?months?\b|-?weeks?\b|-?days?\b|"
    r"-?hours?\b|-?minutes?\b|times\b|rounds\b|shots\b|bullets\b|-?km\b|-?kilomet|-?miles?\b|"
    r"-?met(?:er|re)s?\b|-?mm\b|block\b|a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d|votes?\b|"
    r"in\s+favou?r|dollars|euros|shekels|pounds|tons|tonnes|litres|liters|gallons|trucks|"
    r"lorries|buildings|homes|houses|rockets|missiles|drones|(?:st|nd|rd|th)\b|"
    rf"(?:{numbers.MONTH})\b|to\s+\d+\s+votes?|of\s+(?:kilo\w*|kgs?|tons|tonnes|litres|"
    r"liters|gallons|acres|hectares|rupees|dollars)\b)"
)
_UNIT_PARTS = ["years", "year", "yearly", "months", "mm", "km", "kilometres", "miles", "metres",
               "meter", "percent", "per", "cent", "people", "persons", "pounds", "pm", "p.m.",
               "am", "a.m.", "amid", "times", "tons", "tonnes", "to", "3", "votes", "vote",
               "trucks", "th", "the", "rd", "rounds", "rockets", "st", "shots", "shekels",
               "bullets", "block", "blocked", "buildings", "o'clock", "of", "others", "kgs",
               "acres", ":", "%", "in", "favour", "favor", "dollars", "drones", "euros",
               "litres", "lorries", "gallons", "homes", "houses", "missiles", "nd", "may",
               "mayor", "sept", "october", "-", "day", "days", "hours", "weeks",
               "minutes"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_UNIT_PARTS), min_size=1, max_size=4),
    st.sampled_from([" ", "  ", "-", "\n", ""]),
    st.sampled_from([" ", "-", "", " -"]),
)
@example(["years"], " ", "-")
@example(["per", "cent"], " ", " ")
@example(["to", "3", "votes"], " ", " ")
@example(["people"], " ", " ")
def test_units_after_a_figure_match_as_the_flat_alternation(
    parts: list[str], gap: str, lead: str
) -> None:
    text = lead + gap.join(parts)
    want = _TRAP_AFTER_FLAT.match(text, 0, 24) is not None
    assert (numbers._TRAP_AFTER.match(text, 0, 24) is not None) is want


# every unit word of the flat alternation, each as its own text after a figure
_UNIT_WORDS = re.findall(r"[a-z][a-z.']+", _TRAP_AFTER_FLAT.pattern.replace("\\b", " "))


@given(
    st.lists(st.sampled_from([*_UNIT_PARTS, *_TRAP_PARTS, *_UNIT_WORDS, "\u00a0"]), max_size=4),
    st.sampled_from(["", " ", "  ", "-", "\t", "\n", " -", "- "]),
    st.integers(0, 2),
)
@example(["years"], " ", 0)
@example(["%"], " ", 0)
@example([":", "30"], "", 0)
@example(["people"], " ", 0)
def test_the_unit_gate_lets_every_unit_through(parts: list[str], gap: str, at: int) -> None:
    text = "5" + gap + " ".join(parts)
    pos = min(at, len(text))
    if not numbers._unit_may_follow(text, pos):
        assert numbers._TRAP_AFTER.match(text, pos, pos + 24) is None


@pytest.mark.parametrize("word", _UNIT_WORDS)
def test_the_unit_gate_opens_for_each_unit_word(word: str) -> None:
    for text in ("5 " + word, "5" + word, "5-" + word, "5 -" + word):
        if numbers._TRAP_AFTER.match(text, 1, 25) is not None:
            assert numbers._unit_may_follow(text, 1)


@pytest.mark.parametrize("after", [" people", " others were", "-party", " rival", " crude bombs"])
def test_the_unit_gate_skips_the_regex_after_most_figures(after: str) -> None:
    text = "5" + after
    assert not numbers._unit_may_follow(text, 1)
    assert numbers._TRAP_AFTER.match(text, 1, 25) is None
