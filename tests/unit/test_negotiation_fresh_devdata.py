"""The fresh negotiation set's builder: its pool reader, exclusions, selection and labels."""

from __future__ import annotations

import json

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_fresh")


def test_the_key_ignores_case_spacing_and_punctuation() -> None:
    assert build.key("Rebels sign a truce ( Reuters ) .") == build.key(
        "rebels sign a TRUCE (Reuters)."
    )
    assert build.key("Rebels sign a truce.") != build.key("Rebels reject a truce.")


def test_the_reader_keeps_world_rows_by_their_line() -> None:
    raw = '"Envoys meet in Abuja The sides met.",world\n"A new chip ships",sci_tech\n'
    assert build.world_rows(raw) == {"1": "Envoys meet in Abuja The sides met."}


def test_rows_another_set_holds_and_repeats_are_left_out() -> None:
    calm = "The guns fell silent along the whole front line on Monday morning, army officers said."
    talks = (
        "The envoys of both sides met again in the capital on Tuesday evening, their aides said."
    )
    seen = build.ag_test_keys(f'1,"Truce holds","{calm}"\n')
    rows = {"1": f"Truce holds {calm}", "2": f"Talks resume {talks}", "3": f"Talks go on: {talks}"}
    assert build.fresh(rows, seen) == {"2": f"Talks resume {talks}"}


def test_selection_takes_keyword_rows_and_draws_others_without_the_rules() -> None:
    rows = {str(i): f"Story {i} about the harvest." for i in range(1, 301)}
    rows |= {str(i): f"Story {i}: the two sides held talks." for i in range(301, 311)}
    picked = build.selected(rows)
    assert {r for r, why in picked.items() if why == "keyword"} == {str(i) for i in range(301, 311)}
    assert sum(why == "sample" for why in picked.values()) == build.OTHERS
    assert picked == build.selected(dict(reversed(rows.items())))


def test_the_split_is_a_stable_hash_of_the_row() -> None:
    assert build.split_of("17") == build.split_of("17")
    assert {build.split_of(str(i)) for i in range(40)} == {"dev", "test"}


def test_the_committed_labels_cover_both_halves_with_typed_positives() -> None:
    manifest = json.loads((DEVDATA / "sources_negotiation_fresh.json").read_text("utf-8"))
    assert [s["key"] for s in manifest["excluded"]] == ["ag_test"]
    labels = build.read_labels()
    assert len(labels) == 499
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(row) for row in labels} == {"dev", "test"}
