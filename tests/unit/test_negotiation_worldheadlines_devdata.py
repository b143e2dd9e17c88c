"""The world-headlines negotiation set's builder: its reader, exclusions, selection and split."""

from __future__ import annotations

import json

from tests.support.devdata import load_script

build = load_script("build_negotiation_worldheadlines")


def _post(title: str, category: str = "worldnews", domain: str = "example.com") -> dict[str, str]:
    return {"title": title, "domain": domain, "category": category, "link": "https://x"}


def test_the_reader_keeps_world_and_ukraine_posts_and_the_first_of_a_repeat() -> None:
    raw = json.dumps([
        _post("Envoys meet in Istanbul on a truce"),
        _post("ENVOYS meet in Istanbul on a truce!", "ukraine"),
        _post("A new phone is launched", "technology"),
        _post("Grain  corridor   talks go on", "ukraine"),
    ])  # fmt: skip
    assert build.titles(raw) == {"0": "Envoys meet in Istanbul on a truce",
                                 "3": "Grain corridor talks go on"}  # fmt: skip


def test_reserved_domains_and_wordings_are_dropped() -> None:
    raw = json.dumps([
        _post("Aid convoy reaches the east", domain="reliefweb.int"),
        _post("Council meets on the crisis", domain="news.un.org"),
        _post("Flash Update #9 on the city"),
        _post("Monitors cite ACLED figures"),
        _post("Talks resume in Istanbul"),
    ])  # fmt: skip
    assert build.titles(raw) == {"4": "Talks resume in Istanbul"}
    assert not build.reserved("unorthodox.news", "A vote nears")


def test_selection_draws_keyword_titles_and_others_without_the_rules() -> None:
    rows = {str(i): f"Story {i} about the harvest" for i in range(1, 301)}
    rows |= {str(i): f"Story {i}: the two sides held talks" for i in range(301, 701)}
    picked = build.selected(rows)
    keyword = {r for r, why in picked.items() if why == "keyword"}
    assert len(keyword) == build.WORDED and all(int(r) > 300 for r in keyword)
    assert sum(why == "sample" for why in picked.values()) == build.OTHERS
    assert picked == build.selected(dict(reversed(rows.items())))


def test_the_split_is_a_stable_hash_of_the_row() -> None:
    assert build.split_of("17") == build.split_of("17")
    assert {build.split_of(str(i)) for i in range(40)} == {"dev", "test"}


def test_the_committed_labels_cover_both_halves_with_typed_positives() -> None:
    labels = build.read_labels()
    assert len(labels) == 125 + build.OTHERS  # every keyword title (fewer than WORDED)
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(row) for row in labels} == {"dev", "test"}
