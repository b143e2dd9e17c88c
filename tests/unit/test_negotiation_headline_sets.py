"""The headline sets' shared builder: titles held elsewhere, draws, split and committed labels."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.devdata import load_script

sets = load_script("headline_sets")


def _set(worded: int = 40, others: int = 10) -> Any:
    return sets.HeadlineSet("negotiation_probe", "probe", lambda raw: {}, worded, others, (1, 2, 3))


def test_titles_another_set_holds_are_left_out() -> None:
    rows = {"1": "Rebels sign a truce in the hills", "2": "Talks resume in Doha on Monday"}
    others = ["Rebels sign a truce in the hills. The deal was brokered by elders."]
    assert sets.unseen(rows, others) == {"2": "Talks resume in Doha on Monday"}


def test_the_first_of_each_repeated_title_is_kept() -> None:
    pairs = [("3", "Talks resume in Doha"), ("1", "TALKS resume in Doha!"), ("2", "--"),
             ("4", "A bakery opens")]  # fmt: skip
    assert sets.first_of_each(pairs) == {"3": "Talks resume in Doha", "4": "A bakery opens"}


def test_reserved_wordings_are_told_in_any_case() -> None:
    assert sets.reserved_wording("Flash Update #9 on the strip")
    assert sets.reserved_wording("Monitors cite ACLED figures")
    assert not sets.reserved_wording("Talks resume in Doha")


def test_selection_draws_keyword_titles_and_others_without_the_rules() -> None:
    rows = {str(i): f"Story {i} about the harvest" for i in range(1, 301)}
    rows |= {str(i): f"Story {i}: the two sides held talks" for i in range(301, 701)}
    headline_set = _set()
    picked = headline_set.selected(rows)
    keyword = {r for r, why in picked.items() if why == "keyword"}
    assert len(keyword) == 40 and all(int(r) > 300 for r in keyword)
    assert sum(why == "sample" for why in picked.values()) == 10
    assert picked == headline_set.selected(dict(reversed(rows.items())))


def test_every_keyword_title_is_taken_when_fewer_than_the_draw() -> None:
    rows = {"1": "Envoys hold talks", "2": "A bakery opens", "3": "A truce is signed"}
    assert _set(worded=40, others=1).selected(rows) == {
        "1": "keyword",
        "3": "keyword",
        "2": "sample",
    }


def test_the_split_is_a_stable_hash_of_the_set_and_row() -> None:
    headline_set = _set()
    assert headline_set.split_of("17") == headline_set.split_of("17")
    assert {headline_set.split_of(str(i)) for i in range(40)} == {"dev", "test"}


@pytest.mark.parametrize(
    ("builder", "picked"),
    [
        ("build_negotiation_gaza", 330 + 120),
        ("build_negotiation_worldheadlines", 125 + 80),  # every keyword title: fewer than 300
        ("build_negotiation_gazaoutlets", 300 + 80),
        ("build_negotiation_sudan", 102 + 120),  # every keyword title: fewer than 330
        ("build_negotiation_india", 200 + 80),
        ("build_negotiation_iran", 200 + 80),
        ("build_negotiation_us", 181 + 80),  # every keyword title: fewer than 200
    ],
)
def test_the_committed_labels_cover_both_halves_with_typed_positives(
    builder: str, picked: int
) -> None:
    headline_set = load_script(builder).SET
    labels = headline_set.read_labels()
    assert len(labels) == picked
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {headline_set.split_of(row) for row in labels} == {"dev", "test"}
