"""The Gaza negotiation set's builder: its title reader, exclusions, selection and split."""

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


def test_titles_another_set_holds_are_left_out() -> None:
    rows = {"1": "Rebels sign a truce in the hills", "2": "Talks resume in Doha on Monday"}
    others = ["Rebels sign a truce in the hills. The deal was brokered by elders."]
    assert build.unseen(rows, others) == {"2": "Talks resume in Doha on Monday"}


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
    assert len(labels) == build.WORDED + build.OTHERS
    assert {label for label, _, _ in labels.values()} == {0, 1}
    assert all((kind != "-") == (label == 1) for label, kind, _ in labels.values())
    assert {build.split_of(row) for row in labels} == {"dev", "test"}
