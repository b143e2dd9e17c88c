"""The world-headlines negotiation set's builder: its reader and exclusions."""

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
