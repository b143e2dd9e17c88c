"""The WorldPost negotiation set's builder: its readers, exclusions, selection and labels."""

from __future__ import annotations

import json

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_worldpost")


def _line(headline: str, section: str) -> str:
    record = {"headline": headline, "short_description": "", "category": section, "date": "2016"}
    return json.dumps(record)


def test_the_reader_keeps_every_story_by_its_line() -> None:
    raw = "\n".join([_line("Envoys meet in Oslo", "WORLDPOST"), "", _line("A cake", "FOOD")])
    stories = build.json_lines(raw)
    assert stories["1"] == ("Envoys meet in Oslo", "", "WORLDPOST", "2016")
    assert set(stories) == {"1", "2"}


def test_stories_of_other_sections_labelled_ones_and_repeats_are_left_out() -> None:
    stories = {
        "a": {"1": ("Rebels sign a truce", "", "WORLD NEWS", ""),
              "2": ("Envoys meet in Oslo", "", "THE WORLDPOST", ""),
              "3": ("Senate passes a bill", "", "POLITICS", "")},
        "b": {"9": ("Envoys meet in Oslo.", "", "WORLDPOST", "")},
    }  # fmt: skip
    kept = build.world(stories, {build.key("Rebels sign a TRUCE")})
    assert set(kept) == {"a#2"}


def test_selection_takes_keyword_stories_a_sample_and_then_the_rest() -> None:
    stories = {f"s#{i}": (f"Story {i} about the harvest", "", "WORLDPOST", "") for i in range(90)}
    stories |= {f"s#{i}": (f"Story {i}: the two sides held talks", "", "WORLDPOST", "")
                for i in range(90, 95)}  # fmt: skip
    picked = build.selected(stories)
    assert {i for i, why in picked.items() if why == "keyword"} == {f"s#{i}" for i in range(90, 95)}
    assert sum(why == "sample" for why in picked.values()) == build.OTHERS
    assert set(picked) == set(stories)
    assert picked == build.selected(dict(reversed(stories.items())))


def test_the_split_is_a_stable_hash_of_the_id() -> None:
    assert build.split_of("huffpost_v2#17") == build.split_of("huffpost_v2#17")
    assert {build.split_of(f"huffpost_v2#{i}") for i in range(40)} == {"dev", "test"}


def test_the_committed_labels_cover_both_halves_with_typed_positives() -> None:
    manifest = json.loads((DEVDATA / "sources_negotiation_worldpost.json").read_text("utf-8"))
    assert [s["key"] for s in manifest["excluded"]] == ["huffpost_first", "mined_huffpost"]
    labels = build.read_labels()
    assert len(labels) == 338
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(ident) for ident in labels} == {"dev", "test"}
