"""The VOA negotiation set's builder: its sentence reader, pool, selection, split and labels."""

from __future__ import annotations

import csv
import io
import json

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_voa")


def rows(*sentences: str) -> str:
    """Sentences as the file's CSV rows: the marker on a sentence's first token, tags made up."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Sentence #", "Word", "POS", "Tag"])
    for n, sentence in enumerate(sentences, 1):
        for i, word in enumerate(sentence.split()):
            writer.writerow([f"Sentence: {n}" if i == 0 else "", word, "NN", "O"])
    return out.getvalue()


def test_sentences_are_read_by_number_and_joined_back_into_text() -> None:
    raw = rows("Rebels freed two hostages on Monday , officials said .", "Talks resume today .")
    assert build.sentences(raw) == {
        "1": "Rebels freed two hostages on Monday, officials said.",
        "2": "Talks resume today.",
    }


def test_a_last_sentence_cut_off_and_repeats_are_left_out() -> None:
    raw = rows(
        "The truce held .", "The truce held .", "Envoys met in Doha .", "The talks will resume on"
    )
    assert build.sentences(raw) == {"1": "The truce held.", "3": "Envoys met in Doha."}


def test_a_last_sentence_closed_by_a_quote_is_kept() -> None:
    raw = rows('He said " we will talk . "')
    assert build.sentences(raw) == {"1": 'He said "we will talk."'}


def test_selection_draws_keyword_sentences_and_others_without_the_rules() -> None:
    pool = {str(i): f"The harvest of year {i} was good." for i in range(1, 301)}
    pool |= {str(i): f"The two sides held talks on day {i}." for i in range(301, 311)}
    picked = build.selected(pool)
    assert {n for n, why in picked.items() if why == "keyword"} == {str(i) for i in range(301, 311)}
    assert sum(why == "sample" for why in picked.values()) == build.OTHERS
    assert picked == build.selected(dict(reversed(pool.items())))


def test_the_split_is_a_stable_hash_of_the_sentence() -> None:
    assert build.split_of("17") == build.split_of("17")
    assert {build.split_of(str(i)) for i in range(40)} == {"dev", "test"}


def test_the_committed_labels_cover_both_halves_with_typed_positives() -> None:
    manifest = json.loads((DEVDATA / "sources_negotiation_voa.json").read_text("utf-8"))
    assert [s["key"] for s in manifest["sources"]] == ["gmb"]
    labels = build.read_labels()
    assert len(labels) == build.WORDED + build.OTHERS
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(row) for row in labels} == {"dev", "test"}
