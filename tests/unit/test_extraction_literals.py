"""The strings a pattern needs are in every text it matches, so a search skipped for lack of
them would have found nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consumers.extraction import negotiations
from consumers.extraction.literals import holds, needs


def test_alternations_need_one_of_their_words() -> None:
    pattern = r"(?:signed|sealed)\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:pact|treaty)\b"
    assert set(map(frozenset, needs(pattern))) == {
        frozenset({"signed", "sealed"}),
        frozenset({"pact", "treaty"}),
    }


def test_a_word_that_holds_another_is_left_to_it() -> None:
    assert needs(r"(?:offer|offers|offered)\s+talks") == (("offer",), ("talks",))


def test_optional_parts_short_words_and_look_arounds_need_nothing() -> None:
    assert needs(r"(?<!never\s)(?:truce\s+)?(?:to|at)\s+(?=peace)") == ()
    # a repeat of at least one needs what its body needs
    assert needs(r"(?:truce\s+)+holds") == (("holds",), ("truce",))


def test_a_branch_with_nothing_needed_makes_the_alternation_need_nothing() -> None:
    assert needs(r"(?:deal|\d+)\s+signed") == (("signed",),)


def test_flagged_patterns_need_nothing() -> None:
    assert needs(r"(?i)truce\s+holds") == ()
    assert needs(r"(?i:truce)\s+holds") == (("holds",),)


def test_holds_wants_a_string_of_every_group() -> None:
    groups = (("pact", "treaty"), ("signed", "sealed"))
    assert holds("the rivals sealed a treaty", groups)
    assert not holds("the rivals sealed a truce", groups)
    assert holds("anything", ())


_WORDS = sorted(
    {
        word
        for patterns in negotiations._COMPILED.values()
        for _, groups in patterns
        for group in groups
        for word in group
    }
    | {"the", "a", "to", "of", "on", "and", "was", "were", "has", "been", "it", "they"}
)


@pytest.mark.parametrize("event", sorted(negotiations._COMPILED))
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9))
def test_a_negotiation_pattern_matches_only_where_its_needs_hold(
    event: str, words: list[str]
) -> None:
    text = " ".join(words)
    for pattern, groups in negotiations._COMPILED[event]:
        if pattern.search(text, 0, len(text)) is not None:
            assert holds(text, groups)


def test_every_negotiation_pattern_needs_something() -> None:
    # a pattern that needs nothing would be searched in every sentence its gates let through
    empty = [
        event
        for event, patterns in negotiations._COMPILED.items()
        for _, groups in patterns
        if not groups
    ]
    assert empty == []
    assert all(isinstance(p, tuple) for p in negotiations._COMPILED.values())
    assert re.compile("x").flags  # str patterns carry the UNICODE flag, which needs() allows
