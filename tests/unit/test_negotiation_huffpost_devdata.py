"""The second negotiation news set's builder: its keyword rule, the fixed selection and the split
and types recorded beside each committed label."""

from __future__ import annotations

import pytest

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_huffpost")


def record(headline: str, summary: str = "", section: str = "WORLD NEWS") -> dict[str, str]:
    return {"headline": headline, "short_description": summary, "category": section}


@pytest.mark.parametrize(
    "headline",
    [
        "Rebels and the army sign a truce",
        "Envoys broker a cease-fire in the north",
        "Both sides return to peace talks",
        "Militia frees two aid workers",
        "Council to vote on a draft resolution",
        "Prisoner swap completed at the border",
    ],
)
def test_a_news_section_headline_with_a_keyword_is_worded(headline: str) -> None:
    assert build.worded(record(headline))


def test_a_keyword_in_the_summary_alone_is_enough() -> None:
    assert build.worded(record("Fighting in the east", "Mediators hope to restart negotiations."))


@pytest.mark.parametrize(
    "headline",
    [
        "Freedom festival draws crowds",  # 'free' only inside a longer word
        "Peacekeepers patrol the valley",  # 'peace' without talks, deal or plan
        "Storm floods the coast",
    ],
)
def test_near_misses_are_not_worded(headline: str) -> None:
    assert not build.worded(record(headline))


def test_a_keyword_outside_the_news_sections_is_not_worded() -> None:
    assert not build.worded(record("Band agrees a record deal", section="ENTERTAINMENT"))


def test_the_selection_keeps_every_worded_row_and_a_fixed_sample() -> None:
    records = [record(f"Story {i}", "Nothing to report.", "POLITICS") for i in range(1, 1001)]
    records[9] = record("Rivals agree truce", "The sides signed it.")
    records[19] = record("Rivals agree truce", section="SPORTS")
    first, second = build.selected(records), build.selected(records)
    assert first == second
    assert first[10] == "keyword"
    assert first.get(20) != "keyword"
    assert sum(1 for why in first.values() if why == "sample") == build.SAMPLE
    assert len(first) == build.SAMPLE + 1


def test_the_world_section_is_read_whole_without_changing_the_sample() -> None:
    records = [record(f"Story {i}", "Nothing to report.", "POLITICS") for i in range(1, 1001)]
    before = build.selected(records)
    records[29] = record("Storm floods the coast")
    after = build.selected(records)
    assert after[30] == before.get(30, "section")
    assert {row: why for row, why in after.items() if row != 30} == {
        row: why for row, why in before.items() if row != 30
    }


def test_the_split_is_a_stable_half_by_row() -> None:
    splits = [build.split_of(row) for row in range(1, 2001)]
    assert splits == [build.split_of(row) for row in range(1, 2001)]
    assert 900 < splits.count("dev") < 1100


def test_the_committed_labels_carry_their_type_selection_and_hash_split() -> None:
    lines = (DEVDATA / "negotiation_huffpost_labels.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "row\tlabel\ttype\tselection\tsplit"
    rows = [line.split("\t") for line in lines[1:]]
    assert {label for _, label, _, _, _ in rows} == {"0", "1"}
    assert all((kind in build.TYPES) == (label == "1") for _, label, kind, _, _ in rows)
    assert all(kind == "-" for _, label, kind, _, _ in rows if label == "0")
    assert {selection for _, _, _, selection, _ in rows} == {"keyword", "sample", "section"}
    assert sum(1 for *_, selection, _ in rows if selection == "sample") == build.SAMPLE
    assert all(build.split_of(int(row)) == split for row, *_, split in rows)
    assert len({row for row, *_ in rows}) == len(rows)
