"""The mined negotiation set's builder: the readers of its sources and the committed labels."""

from __future__ import annotations

import json

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_mined")


def test_detokenise_closes_the_spaces_around_punctuation() -> None:
    raw = "KABUL ( Reuters ) - The envoy s aides , who met the rebels , left ."
    assert build.detokenise(raw) == "KABUL (Reuters) - The envoy s aides, who met the rebels, left."


def test_each_reader_keys_its_rows_as_the_labels_do() -> None:
    assert build.ag_joined('"Rivals sign truce The sides met.",0\n') == {
        "1": ("", "Rivals sign truce The sides met.", "ag class 0")
    }
    assert (
        build.ag_tokenised('0,"The sides met , then left ."\n')["1"][1]
        == "The sides met, then left."
    )
    story = {"article_id": 7, "headline": "Truce holds", "short_description": "Calm.",
             "category": "WORLD NEWS"}  # fmt: skip
    assert build.huffpost(json.dumps([story])) == {"7": ("Truce holds", "Calm.", "WORLD NEWS")}
    assert build.mind("N1\tnews\tnewsworld\tTalks resume\tThe envoys met.\n")["N1"][0] == (
        "Talks resume"
    )
    assert build.abc("publish_date,headline_text\n20030219,rebels sign truce\n") == {
        "2": ("rebels sign truce", "", "abc")
    }


def test_the_committed_labels_name_a_source_of_the_manifest_and_a_stratum() -> None:
    manifest = json.loads((DEVDATA / "sources_negotiation_mined.json").read_text("utf-8"))
    keys = {source["key"] for source in manifest["sources"]}
    assert keys == set(build.READERS)
    rows = build.read_labels()
    assert len(rows) == len({ident for ident, _, _ in rows}) == 371
    assert {ident.partition("#")[0] for ident, _, _ in rows} == keys
    assert {label for _, label, _ in rows} == {0, 1}
    assert {by for _, _, by in rows} == {"keyword", "rules", "both"}
