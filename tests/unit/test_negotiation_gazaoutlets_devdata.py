"""The Gaza outlets negotiation set's builder: its line readers, exclusions, selection and split."""

from __future__ import annotations

from tests.support.devdata import load_script

build = load_script("build_negotiation_gazaoutlets")


def test_the_cnn_reader_strips_the_numbering_and_skips_headers_and_navigation() -> None:
    raw = (
        "date\turl\n"
        "01-02-24\thttps://example.org/live-news/01-02-24\n"
        "\t0. What we covered here\n"
        "\t1. All\n"
        "\t2. Envoys meet in Cairo on a truce\n"
        "\t13. A new bakery opens downtown. Here's the latest\n"
    )
    assert build.cnn_lines(raw, "cnn") == {
        "cnn:5": "Envoys meet in Cairo on a truce",
        "cnn:6": "A new bakery opens downtown. Here's the latest",
    }


def test_the_headline_reader_strips_the_tail_and_drops_reserved_publishers() -> None:
    raw = (
        "2024-01-02\tBBC.com\tTalks resume in Doha - BBC.com\thttps://a\n"
        "2024-01-02\tReliefWeb\tAid convoy reaches the north - ReliefWeb\thttps://b\n"
        "2024-01-03\tWSJ\tRebels Sign a Truce in the Hills\thttps://c\n"
    )
    assert build.headline_lines(raw, "bbc") == {
        "bbc:1": "Talks resume in Doha",
        "bbc:3": "Rebels Sign a Truce in the Hills",
    }


def test_the_pool_drops_repeats_reserved_wordings_and_lines_held_elsewhere() -> None:
    lines = {
        "cnn:1": "Talks resume in Doha on Monday",
        "cnn:9": "TALKS resume in Doha on Monday!",
        "wsj:2": "Flash Update on the strip",
        "bbc:3": "Rebels sign a truce in the hills",
        "bbc:4": "A new bakery opens downtown",
    }
    others = ["Rebels sign a truce in the hills - and the deal holds"]
    assert build.pool(lines, others) == {
        "cnn:1": "Talks resume in Doha on Monday",
        "bbc:4": "A new bakery opens downtown",
    }


def test_selection_draws_keyword_lines_and_others_without_the_rules() -> None:
    rows = {f"cnn:{i}": f"Story {i} about the harvest" for i in range(1, 201)}
    rows |= {f"wsj:{i}": f"Story {i}: the two sides held talks" for i in range(1, 401)}
    picked = build.selected(rows)
    keyword = {r for r, why in picked.items() if why == "keyword"}
    assert len(keyword) == build.WORDED and all(r.startswith("wsj:") for r in keyword)
    assert sum(why == "sample" for why in picked.values()) == build.OTHERS
    assert picked == build.selected(dict(reversed(rows.items())))


def test_the_split_is_a_stable_hash_of_the_key() -> None:
    assert build.split_of("cnn:17") == build.split_of("cnn:17")
    assert {build.split_of(f"wsj:{i}") for i in range(40)} == {"dev", "test"}


def test_the_committed_labels_cover_both_halves_with_typed_positives() -> None:
    labels = build.read_labels()
    assert len(labels) == build.WORDED + build.OTHERS
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(key) for key in labels} == {"dev", "test"}
    assert {key.split(":")[0] for key in labels} == {"cnn", "wsj", "bbc"}
