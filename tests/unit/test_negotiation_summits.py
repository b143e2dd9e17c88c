"""A summit or talks between two sides of a standing dispute, and talks offered on terms."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from consumers.extraction.negotiation_steps import across_a_dispute, rivals_named, states_at_odds
from tests.support.negotiations import modalities


@pytest.mark.parametrize(
    ("title", "text", "event"),
    [
        ("North and South Korea set a date for their first summit", "", "talks_planned"),
        ("Photos of the North and South Korea summit", "Some hope for peace.", "talks_held"),
        ("India and Pakistan open a summit in Agra", "", "talks_held"),
        ("Armenia and Azerbaijan leaders to hold talks in Moscow", "", "talks_planned"),
    ],
)
def test_a_summit_of_two_sides_of_a_standing_dispute_is_talks(
    title: str, text: str, event: str
) -> None:
    assert extract(text, title=title).summary.negotiation
    assert event in modalities(text, title=title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # two states in no dispute, or a summit of a bloc
        ("France and Germany set a date for their summit", ""),
        ("Leaders gather for the G20 summit in Osaka", "Trade tops the agenda."),
        # one side only
        ("South Korea prepares for a summit", "Officials chose the menu with care."),
        # a summit told as called off or as an aim
        ("North and South Korea call off their summit", ""),
        ("South Korea pushes for a summit with North Korea", ""),
    ],
)
def test_a_summit_without_two_sides_at_odds_raises_no_flag(title: str, text: str) -> None:
    assert not extract(text, title=title).summary.negotiation


def test_a_standing_dispute_needs_both_its_sides() -> None:
    assert states_at_odds("north and south korea met.") >= {"North Korea", "South Korea"}
    assert rivals_named({"India", "Pakistan"})
    assert not rivals_named({"India", "China", "France"})
    # the rivals count for a summit or bare talks, not for any meeting of theirs
    assert across_a_dispute("india and pakistan open a summit.", theatre=True)
    assert not across_a_dispute("india and pakistan met.")


@pytest.mark.parametrize(
    "title",
    [
        "Beijing names its terms for Taiwan talks",
        "Taiwan sets preconditions for China talks",
        "Pakistan sets terms for India summit",
    ],
)
def test_terms_or_conditions_for_talks_are_no_talks(title: str) -> None:
    assert not extract("", title=title).summary.negotiation


def test_talks_beside_terms_named_elsewhere_still_count() -> None:
    title = "Taiwan and China hold talks, a year after Beijing set its terms"
    assert "talks_held" in modalities("", title=title)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed twelve villagers returning from a peace summit convened by the elders.",
        "Gunmen killed most of the people who attended the peace summit in the village.",
        "The bus was hit by a mine on its way back from the peace talks.",
    ],
)
def test_talks_that_only_tell_where_victims_came_from_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        "A peace summit convened by the elders opened in the village on Monday.",
        "Both sides attended the peace talks in Geneva on Monday.",
    ],
)
def test_a_peace_summit_held_or_attended_is_still_talks(text: str) -> None:
    assert "talks_held" in modalities(text)
