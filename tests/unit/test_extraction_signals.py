"""Military, humanitarian, actor and location signals."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from consumers.extraction import extract, signals
from consumers.extraction.matching import contains_any, word_search


def _names(text: str, category: str) -> set[str]:
    return {s.name for s in extract(text).signals if s.category == category}


@pytest.mark.parametrize(
    ("text", "category", "name"),
    [
        ("Warplanes carried out airstrikes overnight.", "military", "airstrike"),
        ("Rockets were fired at the city.", "military", "rocket_launch"),
        ("Air raid sirens sounded in the south.", "military", "air_raid_siren"),
        ("The ground offensive expanded.", "military", "ground_operation"),
        ("Troops found a tunnel shaft.", "military", "tunnel"),
        ("Artillery shelling hit the town.", "military", "shelling"),
        ("A drone strike hit a car.", "military", "drone_strike"),
        ("Aid trucks entered through the crossing.", "humanitarian", "aid_delivery"),
        ("Families fled their homes.", "humanitarian", "displacement"),
        ("Internet outages cut the area off.", "humanitarian", "communication_outage"),
        ("Hospitals reported shortages of fuel.", "humanitarian", "shortage"),
        ("The hospital was raided before dawn.", "humanitarian", "hospital_damage"),
    ],
)
def test_signal_names(text: str, category: str, name: str) -> None:
    assert name in _names(text, category)


def test_air_raid_siren_is_not_an_airstrike() -> None:
    assert _names("Air raid sirens sounded.", "military") == {"air_raid_siren"}


@pytest.mark.parametrize(
    "text",
    [
        "Workers went on a general strike.",
        "Inmates began a hunger strike.",
        "They hope to strike a deal soon.",
        "The hospital said it treated patients.",
    ],
)
def test_look_alikes_are_not_signals(text: str) -> None:
    assert not _names(text, "military") and not _names(text, "humanitarian")


def test_entities_are_normalised() -> None:
    text = "The IDF and the Israeli military struck the Gaza Strip and Gaza City."
    assert _names(text, "actor") == {"Israel Defense Forces"}
    assert _names(text, "location") == {"Gaza", "Gaza City"}


def test_country_is_actor_or_location_by_context() -> None:
    assert _names("Egypt said talks would go on.", "actor") == {"Egypt"}
    assert _names("Sirens sounded in central Israel.", "location") == {"Israel"}


def test_acronyms_are_case_sensitive() -> None:
    assert _names("Let us ask who is there.", "actor") == set()
    assert _names("The US and the WHO said so.", "actor") == {
        "United States",
        "World Health Organization",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Telecommunications were cut across the north overnight.",
        "Internet was down in the city for a second day.",
    ],
)
def test_cut_communications_are_an_outage(text: str) -> None:
    assert _names(text, "humanitarian") == {"communication_outage"}


_DAMAGE_PARTS = ["hospital", "was", "struck", "hit", "white", "ceasefire", "fire", "fired",
                 "out", "about", "out of service", "out of", "stopped functioning", "stopped",
                 "collapse", "collapsed", "raid on", "raided", "air_raid", "strike on",
                 "strikes on", "siege of", "besieged", "shelled", "attack on", "attacked",
                 "caf\u00e9", "2nd", "_hit", "-hit", "", " "]  # fmt: skip


@given(st.lists(st.sampled_from(_DAMAGE_PARTS), max_size=8), st.sampled_from([" ", "", ", "]),
       st.integers(0, 6), st.integers(0, 6))  # fmt: skip
@example(["white", "ceasefire", "about"], " ", 0, 0)
@example(["stopped functioning"], " ", 0, 3)
@example(["out of", "service"], " ", 1, 0)
def test_hospital_damage_is_found_where_the_word_search_finds_it(
    parts: list[str], gap: str, cut_lo: int, cut_hi: int
) -> None:
    text = gap.join(parts)
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    want = contains_any(text, signals._DAMAGE_WORDS, lo, hi) and (
        word_search(signals._HOSPITAL_DAMAGE, text, lo, hi) is not None
    )
    assert signals._damage_word_at_word_start(text, lo, hi) is want


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("The hospital ran out of fuel and stopped functioning.", True),
        ("The hospital is white and stands near the ceasefire line.", False),
    ],
)
def test_hospital_damage_needs_a_damage_word_at_a_word_start(text: str, hit: bool) -> None:
    assert ("hospital_damage" in _names(text, "humanitarian")) is hit
