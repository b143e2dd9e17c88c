"""The words that let the historical and update rules search a window are found in one pass."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import casualties, casualty_modality
from consumers.extraction.matching import contains_any

_PARTS = ["last", "lasted", "ago", "agony", "anniversary", "commemorated", "protest", "rally",
          "rallied", "condemned", "against", "demanded", "remembered", "after", "afte", "wake",
          "recent", "riots", "blocked", "torched", "sit-in", "sit in", "killed", "two", "men",
          "caf\u00e9", "\u2019s", "in", "2019", "the", "", " "]  # fmt: skip


@given(st.lists(st.sampled_from(_PARTS), max_size=10), st.sampled_from([" ", "", "-", ", "]))
@example(["agony"], " ")
@example(["caf\u00e9", "after"], " ")
def test_historical_keys_find_what_a_search_for_each_word_finds(parts: list[str], gap: str) -> None:
    window = gap.join(parts)
    want = contains_any(window, casualty_modality._HISTORICAL_GATE, 0, len(window))
    assert bool(casualty_modality._HISTORICAL_KEYS.find(window)) is want


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("residents protested against the killing of two farmers", "historical"),
        ("two soldiers were killed in a blast that lasted minutes", None),
        ("last year two soldiers were killed in an ambush", "historical"),
        ("in 2019 two soldiers were killed in an ambush", "historical"),
        ("two soldiers were killed in an ambush on monday", None),
        ("the 30 people killed on monday were buried", None),
    ],
)
def test_historical_modality_of_the_first_figure(sentence: str, modality: str | None) -> None:
    found = casualties.find_mentions(sentence, 0, len(sentence))
    assert found and found[0].modality == modality


_UPDATE_PARTS = ["later", "lateral", "rose", "prose", "risen", "climbed", "increased", "jumped",
                 "updated", "revised", "now", "know", "latest", "final", "finalists",
                 "subsequently", "killed", "12", "caf\u00e9", "", " "]  # fmt: skip


@given(st.lists(st.sampled_from(_UPDATE_PARTS), max_size=10), st.sampled_from([" ", "", ", "]))
@example(["know"], " ")
def test_update_keys_find_what_a_search_for_each_word_finds(parts: list[str], gap: str) -> None:
    window = gap.join(parts)
    want = contains_any(window, casualties._UPDATE_WORDS, 0, len(window))
    assert bool(casualties._UPDATE_KEYS.find(window)) is want


@pytest.mark.parametrize(
    ("sentence", "update"),
    [
        ("two more people later died in hospital", True),
        ("police now say 12 people were killed", True),
        ("twelve people were subsequently killed", True),
        ("the finalists said 12 people were killed", False),
        ("two people were killed in the blast", False),
    ],
)
def test_update_words_mark_the_figure(sentence: str, update: bool) -> None:
    found = casualties.find_mentions(sentence, 0, len(sentence))
    assert found and found[0].update is update
