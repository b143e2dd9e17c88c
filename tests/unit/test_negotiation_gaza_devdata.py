"""The Gaza negotiation set's builder: its title reader and exclusions."""

from __future__ import annotations

from tests.support.devdata import load_script

build = load_script("build_negotiation_gaza")


def test_the_reader_strips_the_publisher_tail_and_keeps_the_first_of_a_repeat() -> None:
    raw = (
        "2024-01-02\tDaily Post\tEnvoys meet in Cairo on a truce - Daily Post\thttps://a\n"
        "2024-01-03\tOther Wire\tENVOYS meet in Cairo on a truce! - Other Wire\thttps://b\n"
        "2024-01-04\tOther Wire\tA new bakery opens downtown - Other Wire\thttps://c\n\x1a"
    )
    assert build.titles(raw) == {
        "1": "Envoys meet in Cairo on a truce",
        "3": "A new bakery opens downtown",
    }


def test_reserved_publishers_and_wordings_are_dropped() -> None:
    raw = (
        "2024-01-02\tReliefWeb\tAid convoy reaches the north - ReliefWeb\thttps://a\n"
        "2024-01-02\tUN News\tCouncil meets on the crisis - UN News\thttps://b\n"
        "2024-01-02\tDaily Post\tFlash Update #9 on the strip - Daily Post\thttps://c\n"
        "2024-01-02\tDaily Post\tMonitors cite ACLED figures - Daily Post\thttps://d\n"
        "2024-01-02\tDaily Post\tTalks resume in Doha - Daily Post\thttps://e\n"
    )
    assert build.titles(raw) == {"5": "Talks resume in Doha"}
    assert not build.reserved("United States Mission to the United Nations", "A vote nears")
