"""Sentence splitting: offsets, abbreviations, decimals, paragraphs and caps."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction.sentences import (
    _CANDIDATE,
    MAX_SENTENCE,
    SentenceIndex,
    _candidates_of_all_marks,
    _cut_long,
    _is_abbreviation,
    _is_abbreviation_read,
    _is_wrap,
    _line_break_mark_end,
    _spans,
    split_sentences,
)


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_terminal_punctuation() -> None:
    assert _texts("One died. Two fled! Why now? End") == [
        "One died.",
        "Two fled!",
        "Why now?",
        "End",
    ]


def test_abbreviations_and_decimals_do_not_split() -> None:
    text = "Dr. Ali met U.S. officials on Jan. 5 about 1.2 million people. Then he left."
    assert _texts(text) == [
        "Dr. Ali met U.S. officials on Jan. 5 about 1.2 million people.",
        "Then he left.",
    ]


def test_initials_run_together_do_not_split() -> None:
    text = "Villagers met minister R.K. Das about the raid. Then they left."
    assert _texts(text) == ["Villagers met minister R.K. Das about the raid.", "Then they left."]
    # near miss: a word of two letters before the period still ends the sentence
    assert _texts("The guards ran to Jo. Then they left.") == [
        "The guards ran to Jo.",
        "Then they left.",
    ]


def test_clock_abbreviation_splits_only_before_a_capital() -> None:
    assert len(split_sentences("It hit at 3 p.m. Officials said so.")) == 2
    assert len(split_sentences("It hit at 3 p.m. on Monday.")) == 1


def test_blank_lines_and_title_lines_split() -> None:
    text = "A headline without a stop\n\nThe body starts here. It goes on."
    assert _texts(text)[0] == "A headline without a stop"
    assert len(_texts(text)) == 3


def test_wrapped_lines_stay_joined() -> None:
    assert len(split_sentences("The strike hit the\nbuilding at night.")) == 1


def test_offsets_are_exact_and_trimmed() -> None:
    text = "  First one.   Second one.  "
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
        assert text[start:end]


def test_long_runs_are_cut_as_by_the_reference() -> None:
    text = ("word " * 700 + ". ") * 2 + "x" * 1600 + "\n" + "y " * 900
    assert split_sentences(text) == _reference_spans(text)


def test_long_runs_are_cut() -> None:
    spans = split_sentences("word " * 2000)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)


def test_index_lookup() -> None:
    index = SentenceIndex("Alpha one. Beta two.")
    assert index.index_of(0) == 0
    assert index.index_of(12) == 1
    assert index.index_of(10) is None


def test_abbreviation_at_a_line_end_still_ends_the_line() -> None:
    assert _texts("He met Dr.\nThe talks went on.") == ["He met Dr.", "The talks went on."]


def test_trailing_spaces_before_a_line_break_are_trimmed() -> None:
    assert _texts("Headline here  \nBody text.") == ["Headline here", "Body text."]


def _regex_spans(text: str) -> list[tuple[int, int]]:
    """The spans that the matches of ``_CANDIDATE`` delimit: what the fast paths replace."""
    return _spans(text, [(m.start(), m.start(1), m.end()) for m in _CANDIDATE.finditer(text)])


def _reference_spans(text: str) -> list[tuple[int, int]]:
    """The spans the matches of ``_CANDIDATE`` delimit, judged one candidate after another in
    a single loop (the form before the judging moved to ``_boundary``)."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for match in _CANDIDATE.finditer(text):
        pos, mark_end, match_end = match.start(), match.start(1), match.end()
        if text[pos] == "\n":
            if mark_end == pos + 1 and _is_wrap(text, pos):
                continue
            end = pos
            while end > start and text[end - 1].isspace():
                end -= 1
        elif (
            text[pos] == "."
            and "\n" not in text[mark_end:match_end]
            and (mark_end == pos + 1 or text.count(".", pos, mark_end) == 1)
            and _is_abbreviation_read(text, pos)
        ):
            continue
        else:
            end = mark_end
        if end > start:
            spans += _cut_long(start, end, text) if end - start > MAX_SENTENCE else ((start, end),)
        start = match_end
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans += _cut_long(start, end, text) if end - start > MAX_SENTENCE else ((start, end),)
    return spans


@given(st.lists(st.sampled_from(["a", "B", ".", " ", "\n", "\t", "!", "?", "\u2026", '"', ")"]),
                max_size=30))  # fmt: skip
def test_candidates_are_the_regex_matches(parts: list[str]) -> None:
    text = "".join(parts)
    want = [(m.start(), m.start(1), m.end()) for m in _CANDIDATE.finditer(text)]
    assert _candidates_of_all_marks(text) == want
    assert split_sentences(text) == _reference_spans(text)


# periods and line breaks only: the texts read in one pass, candidates judged as found
_PLAIN_PARTS = ["a", "B", ".", " ", "\n", "\t", '"', ")", "1", "Dr", "p.m", "U.S", "Jan",
                "word", "Tuesday", "  \n", "x."]  # fmt: skip


@given(st.lists(st.sampled_from(_PLAIN_PARTS), max_size=40))
def test_one_pass_split_is_the_split_by_regex_candidates(parts: list[str]) -> None:
    text = "".join(parts)
    assert split_sentences(text) == _regex_spans(text) == _reference_spans(text)


def test_one_pass_split_of_wire_copy_is_the_split_by_regex_candidates() -> None:
    text = (
        "Gunmen killed 4 people in the town on Friday night. Police said the attackers fled."
        "\n\nKabul, Jan. 2 (AP) At least 12 were hurt at 9 a.m. Officials gave no names.\n"
        "Two more were found\nlater in the day.  The U.S. embassy said 1.5 million fled.\n"
        "  An indented line. Dr. Ali met Mr. Khan."
    )
    assert split_sentences(text) == _regex_spans(text) == _reference_spans(text)
    assert len(split_sentences(text)) == 8


# the shapes the letter-by-letter reading tells apart: long and short words, known
# abbreviations, initials, figures, quotes, clocks, line breaks and non-ASCII letters
_BEFORE_PERIOD_PARTS = ["a", "Z", "q", " ", "\n", ".", "1", '"', ")", "(", "-", "\u00e9", "\u00c9",
                        "\u2019", "Dr", "gen", "Sept", "U.S", "p.m", "a.m", "V.K", "etc", "said",
                        "Tuesday", "ab", "\u0130"]  # fmt: skip


@given(st.lists(st.sampled_from(_BEFORE_PERIOD_PARTS), max_size=12),
       st.sampled_from([". A", ". a", ".", ".\n", ". 1"]))  # fmt: skip
@example(["a", "\n"], ". A")  # the regex's ``$`` matches before a final line break
def test_abbreviation_by_letters_is_the_abbreviation_by_slices(parts: list[str], tail: str) -> None:
    text = "".join(parts) + tail
    dot = len(text) - len(tail)
    assert _is_abbreviation(text, dot) == _is_abbreviation_read(text, dot)


def test_abbreviation_by_letters_on_common_endings() -> None:
    text = "They met Gen. Ali on Sept. 3 in the U.S. at 9 a.m. Reports say 40 died. I. Khan spoke."
    for dot in (i for i, c in enumerate(text) if c == "."):
        assert _is_abbreviation(text, dot) == _is_abbreviation_read(text, dot), text[:dot]
    assert _is_abbreviation(text, text.index("Gen.") + 3)
    assert not _is_abbreviation(text, text.index("died.") + 4)


_BREAK_PARTS = ["\n", " ", "\t", "\r", "\u00a0", "\u2028", "a", "."]


@given(st.lists(st.sampled_from(_BREAK_PARTS), max_size=12))
@example([" ", " ", "\n", " ", "x"])
@example(["\t", "\r", "\n"])
def test_a_line_break_candidate_is_read_as_the_regex_reads_it(parts: list[str]) -> None:
    text = "a\n" + "".join(parts)
    match = _CANDIDATE.match(text, 1)
    assert match is not None  # a line break always starts a candidate
    mark_end = _line_break_mark_end(text, 1)
    end = mark_end
    while text[end : end + 1].isspace():
        end += 1
    assert (mark_end, end) == (match.start(1), match.end())
