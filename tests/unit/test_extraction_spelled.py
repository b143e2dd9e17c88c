"""Terms counted only as spelled ("UN", "IDF", "Doha") are found apart from the other keys,
and the scan's hits stay those of one overlapping pass over every key, swept as before."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import scanner, spelled
from consumers.extraction.matching import KeySearch
from consumers.extraction.scanner import Hit

_BOTH = scanner._build_both()
_KEYS = list(_BOTH.keys())
_ALL_KEYS = KeySearch(_KEYS)


def _one_pass(text: str) -> list[Hit]:
    """The hits of one overlapping pass over all keys, spelled terms and look-alikes too."""
    lowered = scanner.lower_same_length(text)
    terms = []
    for index, start, _ in _ALL_KEYS.find(lowered):
        term = _BOTH.get(_KEYS[index])[1]
        if term is not None:
            terms.append((start, -len(_KEYS[index]), term))
    return scanner._longest_hits(text, lowered, terms)


def _hits(text: str) -> list[Hit]:
    lowered = scanner.lower_same_length(text)
    return scanner.scan(text, lowered, [0], [(0, len(text))]).hits


_PIECES = ["UN", "un", "Un", "EU", "Eu", "US", "us", "USA", "Usa", "UNRWA", "Unrwa", "U.N",
           "u.n.", "WHO", "who", "IDF", "idf", "PA", "pa", "Doha", "doha", "Jordan", "Golan",
           "fired rockets", "air strike", "Security Council", "Antony Blinken", "al-Qassam",
           "until", "said", "Nablus", "New York", " ", "-", ".", "'", "\u2019", "x", "\u00e9",
           "\u0130"]  # fmt: skip
# a look-alike reaching over the start of a term that would take the place of a later hit
_HIDING = ["idfired rockets hit", "Pal-Qassam Brigades", "dohair strikes", "Eun security council",
           "WHoccupied West Bank", "jordantony Blinken said"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
@example(["The ", "UN", " and ", "US", " said"])
@example(["EU", "UN", "RWA", " ", "air strike"])
@example(["Usa", " ", "USA", "-", "Unrwa"])
def test_hits_are_those_of_one_pass_over_every_key(parts: list[str]) -> None:
    text = "".join(parts)
    assert _hits(text) == _one_pass(text)


@pytest.mark.parametrize("text", _HIDING)
def test_a_look_alike_over_a_term_sweeps_every_key_as_before(text: str) -> None:
    assert _hits(text) == _one_pass(text)
    lowered = scanner.lower_same_length(text)
    values = scanner._VALUES
    hidden = [
        start
        for index, start, _ in scanner.find_keys(lowered)
        if (guards := values[index][4]) is not None and spelled.hides(text, lowered, start, guards)
    ]
    assert hidden  # the case the scan sweeps every key for, not the plain one


def test_spelled_terms_are_hits_and_look_alikes_are_not() -> None:
    text = "The UN and the PA met the US envoy, who said until."
    assert [h.name for h in _hits(text)] == ["United Nations", "Palestinian Authority",
                                              "United States"]  # fmt: skip
    assert _hits("un pa us who") == []


def test_guards_name_the_look_alikes_over_a_term() -> None:
    spellings = scanner._SPELLED.spellings
    guards = spelled.guards_of("fired rockets", spellings)
    assert guards is not None and ("idf", "IDF", 2) in guards.entries
    assert guards.before is not None and "d" in guards.before
    assert spelled.guards_of("rockets", spellings) is None


@pytest.mark.parametrize(
    ("text", "start", "hidden"),
    [
        ("idfired rockets", 2, True),  # "idf" is not the IDF, and the sweep takes it first
        ("IDFired rockets", 2, False),  # the IDF as spelled: found, swept as before
        ("a fired rockets", 2, False),  # nothing over the start
        ("fired rockets", 0, False),
    ],
)
def test_hides_finds_a_look_alike_over_the_start(text: str, start: int, hidden: bool) -> None:
    guards = spelled.guards_of("fired rockets", scanner._SPELLED.spellings)
    assert guards is not None
    assert spelled.hides(text, scanner.lower_same_length(text), start, guards) is hidden


def test_a_spelling_inside_a_spelling_found_is_guarded() -> None:
    # leftmost-longest finds "EU" and leaves out "UNRWA" inside it: every key's match, as before
    assert _spelled_terms("EUNRWA") == [(0, 2), (1, 2), (1, 5)]
    assert _spelled_terms("EU UNRWA") == [(0, 2), (3, 5)]


def _spelled_terms(text: str) -> list[tuple[int, int]]:
    """``(start, length)`` of the spelled terms' matches that the sweep is given."""
    lowered = scanner.lower_same_length(text)
    return sorted((start, -neg) for start, neg, _ in scanner._SPELLED.add(text, lowered, [], False))


def test_a_longer_look_alike_at_a_spelling_found_is_guarded() -> None:
    assert _spelled_terms("UNrwa") == [(0, 2), (0, 5)]  # "unrwa" is taken before "UN"
    assert _spelled_terms("UN rwa") == [(0, 2)]
    assert _spelled_terms("UNRWA") == [(0, 5)]  # "UN" at its start is always skipped


def test_no_spelling_holds_an_apostrophe() -> None:
    # what lets the spellings be searched in the text with its apostrophes made straight
    assert not any(c in s for s in scanner._SPELLED.spellings.values() for c in "'\u2018\u2019")


_CURLY_PIECES = [*_PIECES, "\u2018", "\u2019s", "UN\u2019", "\u2014"]


@given(st.lists(st.sampled_from(_CURLY_PIECES), max_size=14))
@example(["The ", "UN", "\u2019", "s ", "WHO", " said"])
def test_spellings_found_in_the_straight_text_are_those_found_in_the_text(
    parts: list[str],
) -> None:
    text = "".join(parts)
    lowered = scanner.lower_same_length(text)
    straight = scanner.straight_quotes(text)
    want = scanner._SPELLED.add(text, lowered, [], False)
    assert scanner._SPELLED.add(text, lowered, [], False, straight) == want
    starts, spans = [0], [(0, len(text))]
    assert scanner.scan(text, lowered, starts, spans, straight) == scanner.scan(
        text, lowered, starts, spans
    )


def test_a_text_with_curly_apostrophes_alone_is_searched_as_ascii() -> None:
    text = "The UN\u2019s envoy and the WHO\u2019s chief"
    straight = scanner.straight_quotes(text)
    assert straight.isascii() and len(straight) == len(text)
    lowered = scanner.lower_same_length(text)
    found = scanner._SPELLED.add(text, lowered, [], False, straight)
    assert sorted(start for start, _, _ in found) == [4, 23]
