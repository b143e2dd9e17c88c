"""Talks named by a dispute ("nuclear talks"), between two states at odds, or a peace mission."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from consumers.extraction.negotiation_context import states_at_odds
from consumers.extraction.negotiation_steps import across_a_dispute
from tests.support.negotiations import modalities


@pytest.mark.parametrize(
    "text",
    [
        "Iran has nuclear talks in Europe with officials of three states.",
        "Problems remain at nuclear talks, an envoy of Iran said on Saturday.",
        "Japan-North Korea talks on their dispute over abducted citizens make no progress.",
        "Talks between Japan and North Korea on the dispute over abducted citizens end without "
        "progress.",
    ],
)
def test_talks_in_a_dispute_between_states_are_held(text: str) -> None:
    assert extract(text).summary.negotiation
    assert "talks_held" in modalities(text)


@pytest.mark.parametrize(
    "text",
    [
        # no dispute between the two states
        "Problems remain at talks between France and Germany on farm subsidies.",
        # talks stalled, wanted back, or seen as pointless
        "China is worried over stalled nuclear talks with North Korea.",
        "Pyongyang sent a message about resuming stalled six-way talks with the United States.",
        "North Korea sees no point in continuing six-party talks with Japan over the dispute.",
        "Envoys pressed for a resumption of nuclear talks with Iran.",
        "North Korea looks to delay nuclear talks with Japan and the United States.",
        # a nuclear deal is no talks: it needs the verbs of its class
        "The Iran nuclear deal was discussed by analysts in Vienna.",
    ],
)
def test_talks_not_held_or_in_no_dispute_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


def test_talks_in_a_dispute_to_come_are_planned() -> None:
    text = "Japan and North Korea will hold talks next week over the dispute on abducted citizens."
    assert "talks_planned" in modalities(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cleric arrived in the holy city on a peace mission as fighting raged.",
        "The Security Council, on its African peace mission, visited Congo, torn by civil war.",
    ],
)
def test_a_trip_on_a_peace_mission_in_a_conflict_is_mediation(text: str) -> None:
    assert "talks_held" in modalities(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire on the UN peace mission in Liberia.",
        "Rebels staged an attack on a peace mission convoy in Darfur.",
        "The UN peace mission in Liberia said the militias had rearmed.",
    ],
)
def test_a_peace_mission_that_names_a_force_is_no_mediation(text: str) -> None:
    assert not extract(text).summary.negotiation


def test_a_missile_test_or_a_disputed_territory_is_a_dispute_between_states() -> None:
    text = "Japan will use weekend talks with North Korea to ask about a missile test."
    assert "talks_planned" in modalities(text)
    assert across_a_dispute("india and pakistan met over the disputed territory.")
    assert not across_a_dispute("france and germany, allies, met on missile defence.")
    assert not across_a_dispute("france and germany met over dinner in paris.")


def test_bare_talks_between_two_states_over_a_region_at_war_are_held() -> None:
    text = (
        "Pakistan's prime minister briefed officials on his talks with India's premier on Kashmir."
    )
    assert extract(text).summary.negotiation
    # between allies they are no step in a dispute
    allies = "Problems remain at talks between the allies France and Germany on the Kashmir war."
    assert not extract(allies).summary.negotiation
    # the meeting patterns still need a dispute word, not a region
    assert not across_a_dispute("india and pakistan met in kashmir.")
    assert across_a_dispute("india and pakistan met in kashmir.", theatre=True)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a round of talks named by a dispute is the talks, not what they aim at
        ("Pyongyang and Washington sit down for a second round of nuclear talks", True),
        ("Washington and Pyongyang close a 'frank' third round of nuclear deal talks", True),
        # near misses: a round still wished for, or talks stalled, is no round held
        ("Seoul calls for a new round of nuclear talks with Pyongyang", False),
        ("Seoul frets over the stalled six-party talks with Pyongyang", False),
    ],
)
def test_a_round_of_talks_named_by_a_dispute_is_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "US" hyphened to its rival or opening a headline's list names the state
        ("US, North Korea teams meet for two hours in Hanoi", True),
        ("Sources say US-North Korea talks discussing a freeze on testing", True),
        # near miss: the pronoun "us" names no state
        ("Iran and Oman let us meet for two hours in Muscat", False),
    ],
)
def test_a_lower_cased_us_paired_with_a_rival_names_the_state(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


def test_the_pronoun_us_is_no_state() -> None:
    assert "United States" in states_at_odds("us-iran talks resume")
    assert "United States" in states_at_odds("russia\u2013us summit opens")
    assert "United States" in states_at_odds("us, iran meet in rome")
    assert "United States" not in states_at_odds("iran told us the talks went well")
    assert "United States" not in states_at_odds("let us, iran says, meet again")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a lower-cased "US" after an article, or before an official's or a state organ's noun,
        # names the state: "US officials", "Iran and US envoys", "the US"
        ("US official: good progress made in North Korea talks", True),
        ("US officials hail progress made in Iran talks", True),
        ("Progress made in Iran talks, the US delegation says", True),
        # near misses: the pronoun before a verb or a preposition
        ("Iran told us the talks on the crisis were worth it", False),
        ("North Korea gave us talks on the crisis", False),
    ],
)
def test_a_lower_cased_us_before_an_official_or_after_the_names_the_state(
    text: str, flag: bool
) -> None:
    assert extract(text.lower()).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a meeting the sides hold, convene or conduct, with no "with": they met
        ("China and Taiwan envoys hold first face-to-face meeting on the strait crisis", True),
        ("The rebels and the government convened a closed-door meeting in Arusha", True),
        ("Pakistan and India held a rare meeting of officials over the Kashmir crisis", True),
        # near misses: a meeting of one side, of a club, or one only planned
        ("The cabinet held a meeting on the budget", False),
        ("The football club held a meeting with its fans over the stadium row", False),
        ("The rebels plan to hold a meeting with the government next month", False),
    ],
)
def test_a_meeting_the_sides_hold_is_talks_held(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks that met and found no deal took place
        ("No final agreement at the Darfur conference in Addis Ababa", True),
        ("No breakthrough at the peace talks in Geneva", True),
        ("No deal after two days of truce talks in Cairo", True),
        # near misses: no deal in sight, or a home affair's meeting
        ("No deal in sight, the mediators say", False),
        ("No agreement on the budget at the cabinet meeting", False),
    ],
)
def test_talks_that_found_no_deal_took_place(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "talks with US" in a headline names the United States
        ("Tehran says talks with US will stay indirect", True),
        # near misses: another domain's talks, or none
        ("Japan says talks with us on tariffs will go on", False),
        ("Cuba says talks with us on migration will go on", False),
    ],
)
def test_talks_with_us_name_the_united_states(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
    if flag:
        assert "United States" in states_at_odds(text.lower())
