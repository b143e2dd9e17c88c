"""Sentence splitting with character offsets.

A boundary is a run of ``.``, ``!`` or ``?`` (plus closing quotes or brackets) followed by
white space, a blank line, or a line break that does not continue a wrapped sentence.
A period after a known abbreviation ("Dr.", "Jan.", "U.S."), a single initial or two run
together ("V.K. Singh") is not a boundary; decimals ("1.2") never are, since a boundary
needs white space after it. Over-long runs without punctuation are cut at white space so
that no sentence exceeds ``MAX_SENTENCE`` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Final

MAX_SENTENCE: Final = 1500

# one leading character class lets the regex engine skip ahead to candidates in C; the empty
# group marks the end of the punctuation (or line break), trailing white space is consumed
_CANDIDATE: Final = re.compile(
    r"[\n.!?\u2026](?:(?<=\n)(?:[ \t]*\n)?|(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019)\]]*"
    r"(?=\s|$))()\s*"
)
_MARKS: Final = ("\n", ".", "!", "?", "\u2026")  # the characters a candidate starts with
_WORD_BEFORE: Final = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm sen rep gov pres st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc co corp ltd jr sr
    approx dept est fig rev u.s u.n u.k e.g i.e a.m p.m""".split()
)
_CLOCK: Final = frozenset({"a.m", "p.m"})


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation rather than a sentence.

    The commonest shapes are told from the ASCII letters just before the period, read one by
    one (two string method calls and a slice cost more): seven of them (a long word), none
    (a figure, a quote or a bracket), or a short word after a space."""
    letters = 0
    while letters < 7 and letters < dot:
        code = ord(text[dot - 1 - letters])
        if not (97 <= code <= 122 or 65 <= code <= 90):
            break
        letters += 1
    if letters == 7:
        return False  # a word of seven letters or more: longer than any abbreviation
    if letters == 0:
        # no letter or period before it: no abbreviation ends here (the regex's ``$`` would
        # match before a line break, so "a\n." goes the long way)
        if dot == 0 or text[dot - 1] != "." and text[dot - 1] != "\n":
            return False
    elif dot > letters and text[dot - 1 - letters] == " ":
        return letters == 1 or text[dot - letters : dot].lower() in _ABBREVIATIONS
    return _is_abbreviation_read(text, dot)


def _is_abbreviation_read(text: str, dot: int) -> bool:
    """:func:`_is_abbreviation` for any shape, read from the slice and words before ``dot``."""
    before = text[dot - 7 : dot] if dot >= 7 else text[:dot]
    if before.isascii():
        if dot >= 7 and before.isalpha():
            return False  # a word of seven letters or more: longer than any abbreviation
        _, space, word = before.rpartition(" ")
        if space and word.isalpha():
            return len(word) == 1 or word.lower() in _ABBREVIATIONS
    found = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if found is None:
        return False
    word = found.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy", "U." inside "U.S."
    if word in _CLOCK:
        following = text[dot + 1 : dot + 3].lstrip()
        return not following[:1].isupper()
    return word in _ABBREVIATIONS or _initials(word)


def _initials(word: str) -> bool:
    """True for initials run together ("v.k" of "V.K. Singh"): single letters and periods."""
    return len(word) == 3 and word[1] == "." and word[0].isalpha() and word[2].isalpha()


def _is_wrap(text: str, pos: int) -> bool:
    """True when a single line break at ``pos`` continues a hard-wrapped sentence."""
    before = text[pos - 1 : pos]
    after = text[pos + 1 : pos + 2]
    return bool(before) and (before.isalpha() or before in ",-") and after.islower()


def _cut_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Cut an over-long span at white space into pieces of at most ``MAX_SENTENCE``."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _split_periods_and_breaks(text: str) -> list[tuple[int, int]]:
    """``_spans(text, candidates)`` of the matches of ``_CANDIDATE.finditer(text)`` in a text
    without ``!``, ``?`` or an ellipsis, found faster and judged as found (no candidate
    tuples): ``str.find`` jumps to the next period and the next line break in C, where the
    regex engine would test every character against a class; each search starts where the
    last candidate ended, so the line breaks inside the white space after a period are never
    visited; and the commonest shapes (a period before white space, a line break before a
    word) are read without the regex."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    dot, brk = text.find("."), text.find("\n")
    while dot != -1 or brk != -1:
        if dot == -1 or -1 < brk < dot:  # a line break: its candidate takes white space only
            if not text[brk + 1 : brk + 2].isspace():
                end = brk + 1
                start = _boundary(text, spans, start, brk, end, end)
            else:  # white space after it (a paragraph break): read as the regex reads it
                mark_end = _line_break_mark_end(text, brk)
                end = mark_end
                while text[end : end + 1].isspace():
                    end += 1
                start = _boundary(text, spans, start, brk, mark_end, end)
            brk = text.find("\n", end)
            continue
        if text[dot + 1 : dot + 2].isspace():
            end = dot + 2  # a period before white space: the regex takes the whole run
            while text[end : end + 1].isspace():
                end += 1
            start = _boundary(text, spans, start, dot, dot + 1, end)
        elif (match := _CANDIDATE.match(text, dot)) is not None:
            end = match.end()
            start = _boundary(text, spans, start, dot, match.start(1), end)
        else:
            end = dot + 1
        dot = text.find(".", end)
        if -1 < brk < end:
            brk = text.find("\n", end)
    _close(text, spans, start)
    return spans


def _line_break_mark_end(text: str, brk: int) -> int:
    """Where the mark of the candidate at the line break ``brk`` ends (``_CANDIDATE``'s group
    1): after a second line break that only spaces or tabs part from it, else after it."""
    pos = brk + 1
    size = len(text)
    while pos < size and (text[pos] == " " or text[pos] == "\t"):
        pos += 1
    return pos + 1 if pos < size and text[pos] == "\n" else brk + 1


def _candidates_of_all_marks(text: str) -> list[tuple[int, int, int]]:
    """``(start, end of the mark, end)`` of each match of ``_CANDIDATE.finditer(text)``, for
    any text: every mark's position in order, each read where no candidate before it has
    taken it."""
    positions = []
    for mark in _MARKS:
        pos = text.find(mark)
        while pos != -1:
            positions.append(pos)
            pos = text.find(mark, pos + 1)
    positions.sort()
    found = []
    end = 0
    for pos in positions:
        if pos < end:
            continue
        mark = text[pos]
        after = text[pos + 1 : pos + 2]
        if mark == "." and after.isspace():
            end = pos + 2  # a period before white space: the regex takes the whole run
            while text[end : end + 1].isspace():
                end += 1
            found.append((pos, pos + 1, end))
        elif mark == "\n" and not after.isspace():
            found.append((pos, pos + 1, pos + 1))
            end = pos + 1
        elif mark == "\n":
            mark_end = end = _line_break_mark_end(text, pos)
            while text[end : end + 1].isspace():
                end += 1
            found.append((pos, mark_end, end))
        elif (match := _CANDIDATE.match(text, pos)) is not None:
            end = match.end()
            found.append((pos, match.start(1), end))
    return found


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``, trimmed of white space."""
    if "!" in text or "?" in text or "\u2026" in text:
        return _spans(text, _candidates_of_all_marks(text))
    return _split_periods_and_breaks(text)


def _spans(text: str, candidates: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The sentence spans of ``text`` that its boundary ``candidates`` (the matches of
    ``_CANDIDATE``, in order) delimit."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for pos, mark_end, match_end in candidates:
        start = _boundary(text, spans, start, pos, mark_end, match_end)
    _close(text, spans, start)
    return spans


def _boundary(
    text: str, spans: list[tuple[int, int]], start: int, pos: int, mark_end: int, match_end: int
) -> int:
    """Judge the candidate ``(pos, mark_end, match_end)`` of the sentence begun at ``start``:
    add the sentence it ends to ``spans``; the start of the next sentence."""
    if text[pos] == "\n":
        if mark_end == pos + 1 and _is_wrap(text, pos):
            return start
        end = pos
        while end > start and text[end - 1].isspace():
            end -= 1
    elif (
        text[pos] == "."
        and "\n" not in text[mark_end:match_end]
        and (mark_end == pos + 1 or text.count(".", pos, mark_end) == 1)
        and _is_abbreviation(text, pos)
    ):
        return start  # an abbreviation; one followed by a line break still ends its line
    else:
        end = mark_end
    if end > start:
        if end - start > MAX_SENTENCE:
            spans += _cut_long(start, end, text)
        else:
            spans.append((start, end))
    return match_end


def _close(text: str, spans: list[tuple[int, int]], start: int) -> None:
    """Add to ``spans`` the last sentence, begun at ``start``."""
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans += _cut_long(start, end, text) if end - start > MAX_SENTENCE else ((start, end),)


class SentenceIndex:
    """Sentence spans of one text with a fast position -> sentence lookup."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = split_sentences(text)
        self.starts = [s for s, _ in self.spans]

    def index_of(self, pos: int) -> int | None:
        """The index of the sentence holding ``pos``, or None when it falls between two."""
        i = bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.spans[i][1]:
            return None
        return i

    def __len__(self) -> int:
        return len(self.spans)
