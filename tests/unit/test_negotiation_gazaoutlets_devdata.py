"""The Gaza outlets negotiation set's builder: its line readers, exclusions and key order."""

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
    assert build.first_kept(lines, others) == {
        "cnn:1": "Talks resume in Doha on Monday",
        "bbc:4": "A new bakery opens downtown",
    }


def test_selection_orders_keys_by_outlet_then_row() -> None:
    rows = {f"cnn:{i}": f"Story {i} about the harvest" for i in range(1, 201)}
    rows |= {f"wsj:{i}": f"Story {i}: the two sides held talks" for i in range(1, 401)}
    picked = build.SET.selected(rows)
    keyword = [r for r, why in picked.items() if why == "keyword"]
    assert len(keyword) == build.SET.worded and all(r.startswith("wsj:") for r in keyword)
    assert keyword == sorted(keyword, key=build.order)
    assert picked == build.SET.selected(dict(reversed(rows.items())))


def test_the_committed_labels_hold_every_outlet() -> None:
    assert {key.split(":")[0] for key in build.SET.read_labels()} == {"cnn", "wsj", "bbc"}
