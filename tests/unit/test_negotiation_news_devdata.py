"""The negotiation news set builder: the snippet cleaning, the fixed selection and the split
recorded beside each committed label."""

from __future__ import annotations

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_news")


def test_clean_undoes_the_file_escapes() -> None:
    raw = "The envoy #39;s  quot;final quot; offer: #36;5 million\\for the &lt;b&gt;release"
    assert build.clean(raw) == 'The envoy\'s "final" offer: $5 million for the <b>release'


def test_the_committed_labels_carry_their_hash_split() -> None:
    lines = (DEVDATA / "negotiation_news_labels.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "row\tlabel\tselection\tsplit"
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == 1282
    assert {label for _, label, _, _ in rows} == {"0", "1"}
    assert {selection for _, _, selection, _ in rows} == {"keyword", "sample"}
    assert all(build.split_of(int(row)) == split for row, _, _, split in rows)
    assert sum(1 for _, _, selection, _ in rows if selection == "sample") == build.SAMPLE


def test_the_selection_keeps_every_keyword_row_and_a_fixed_sample() -> None:
    rows = [["1", f"Story {i}", "Nothing to report."] for i in range(1, 501)]
    rows[9] = ["1", "Rivals agree truce", "The sides signed it."]
    first, second = build.selected(rows), build.selected(rows)
    assert first == second
    assert 10 in first
    assert len(first) == build.SAMPLE + 1
