"""Typed negotiation events, their parties and mediators."""

from __future__ import annotations

import re
from typing import Any

import ahocorasick_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from consumers.extraction import extract
from consumers.extraction import negotiations as negotiation_rules
from consumers.extraction.negotiation_context import states_at_odds
from consumers.extraction.negotiation_steps import PATTERNS


def _events(text: str) -> set[str]:
    return {n.event for n in extract(text).negotiations}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Negotiators held indirect talks in Doha on Sunday.", "talks_held"),
        ("Talks are scheduled to resume in Cairo next week.", "talks_planned"),
        ("Egypt put forward a three-stage proposal.", "proposal_made"),
        ("Hamas rejected the proposal on Friday.", "proposal_rejected"),
        ("The two sides reached an agreement on a truce.", "agreement_reached"),
        ("The truce took effect at 7 a.m. on Friday.", "ceasefire_started"),
        ("The cease-fire collapsed as fighting resumed.", "ceasefire_violated"),
        ("The truce had been extended by two days.", "truce_extended"),
        ("Hamas released 13 hostages on Friday.", "hostage_release"),
        ("Israel freed 39 Palestinian prisoners.", "prisoner_release"),
        ("Mediators are working on a hostage swap.", "hostage_exchange"),
        ("Israel agreed to daily humanitarian pauses.", "humanitarian_pause"),
        ("The UAE circulated a draft resolution.", "resolution_drafted"),
        ("The council is scheduled to vote on the text on Tuesday.", "vote_scheduled"),
        ("The council's vote was postponed until Thursday.", "vote_postponed"),
        ("The council adopted a resolution on aid.", "vote_adopted"),
        ("The United States vetoed the text.", "vote_vetoed"),
        ("Protesters demanded a ceasefire.", "call_for_ceasefire"),
    ],
)
def test_each_event_type(text: str, event: str) -> None:
    assert event in _events(text)


def test_stronger_event_hides_weaker() -> None:
    text = "The council vote, initially scheduled for Monday, has been postponed to Wednesday."
    assert _events(text) == {"vote_postponed"}


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators failed to reach an agreement.",
        "Washington has threatened to veto the text.",
        "Mediators are pushing for an extension of the ceasefire.",
        "The exchange rate of the shekel fell.",
        "He talked about his childhood.",
    ],
)
def test_hopes_threats_and_look_alikes_are_no_events(text: str) -> None:
    assert not _events(text) & {"agreement_reached", "vote_vetoed", "truce_extended",
                                "hostage_exchange", "talks_held"}  # fmt: skip


def test_parties_and_mediators_are_normalised() -> None:
    text = "Indirect talks between Israel and Hamas, facilitated by Egypt and Qatar, resumed."
    (talks,) = extract(text).negotiations
    assert talks.parties == ("Israel", "Hamas")
    assert talks.mediators == ("Egypt", "Qatar")
    assert extract(text).summary.negotiation is True


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The assembly voted 98 to 20 in favour of the motion.", "vote_adopted"),
        ("The text was adopted by a vote of 12 to 1.", "vote_adopted"),
        ("The envoy met militant leaders in Cairo to discuss a prisoner deal.", "talks_held"),
        ("Officials discussed the truce proposal late into the night.", "talks_held"),
        ("Parliament voted to ratify the peace accord.", "agreement_reached"),
        ("The government approved the hostage deal on Sunday.", "agreement_reached"),
        ("Israel will free seven prisoners for each captive returned.", "hostage_exchange"),
        ("Leaders urged an immediate and lasting humanitarian ceasefire.", "call_for_ceasefire"),
        ("The framework that Egypt will present includes a phased withdrawal.", "proposal_made"),
        ("Elders of the two clans held a peace meeting in the district town.", "talks_held"),
        ("The governor convened a reconciliation conference for the feuding groups.", "talks_held"),
        ("The two communities agreed to resolve their land dispute.", "agreement_reached"),
        ("Herders and farmers agreed to reconcile after months of clashes.", "agreement_reached"),
        ("The government and the rebels sign a peace accord in the capital.", "agreement_reached"),
        ("The president resumed office, signing a peace deal with the guard.", "agreement_reached"),
        ("Hamas accepted the Egyptian proposal on Monday.", "agreement_reached"),
        ("The framework was unanimously accepted by all parties.", "agreement_reached"),
        ("The two sub-clans agreed to blood compensation in the village.", "agreement_reached"),
        ("Dozens of militia members surrender after the operation.", "surrender"),
    ],
)
def test_new_wordings(text: str, event: str) -> None:
    assert event in _events(text)


def test_approving_a_deal_is_no_un_vote() -> None:
    events = _events("The security cabinet voted to approve the ceasefire deal.")
    assert "agreement_reached" in events
    assert "vote_adopted" not in events


def test_working_towards_a_longer_truce_is_a_hope() -> None:
    assert "truce_extended" not in _events("Mediators were working to extend the truce.")


def test_envoys_from_a_country_make_it_a_mediator() -> None:
    (talks,) = extract("Negotiators from Qatar held talks with Hamas on Monday.").negotiations
    assert talks.mediators == ("Qatar",)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The two sides have agreed to a ceasefire.", "agreement_reached"),
        ("A peace pact was signed between the two clans on Monday.", "agreement_reached"),
        ("Elders brokered a truce between the herders and farmers.", "agreement_reached"),
        ("Russia and Ukraine exchanged 200 prisoners of war on Sunday.", "hostage_exchange"),
        ("Prisoners were swapped at the border crossing.", "hostage_exchange"),
        ("Peace talks began in Doha on Monday.", "talks_held"),
        ("The government joined the talks in Geneva.", "talks_held"),
        ("The ceasefire came into force at midnight.", "ceasefire_started"),
        ("The truce took hold across the region.", "ceasefire_started"),
        ("Dozens of fighters surrendered to the army.", "surrender"),
        ("Forty militants laid down their arms in the east.", "surrender"),
    ],
)
def test_ordinary_wordings(text: str, event: str) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met to discuss the signing of a nationwide ceasefire agreement.",
        "Two fighters wanted to surrender but were stopped.",
    ],
)
def test_signing_of_and_wanting_to_surrender_are_no_events(text: str) -> None:
    events = _events(text)
    assert "agreement_reached" not in events
    assert "surrender" not in events


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The senate passed a resolution asking the oil firm to pay compensation.", False),
        ("Parliament adopted a resolution on the border war.", False),
        ("Lawmakers voted 120 to 14 for the resolution.", False),
        ("The Security Council adopted a resolution on the border war.", True),
        ("The UN General Assembly passed a resolution, and parliament welcomed it.", True),
    ],
)
def test_a_legislature_s_vote_is_no_council_vote(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag, [n.event for n in extract(text).negotiations]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The family was hopeful on Sunday that the two hostages would be freed.", False),
        ("The family said on Sunday that the two hostages had been freed.", True),
    ],
)
def test_a_release_hoped_for_is_no_release(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The two governments held talks on Monday.", "talks_held"),
        ("Rebels and the army held direct talks on Monday.", "talks_held"),
        ("Ethiopia and Eritrea will hold talks on Monday.", "talks_planned"),
        ("Rebels and the army agreed to talks on Monday.", "talks_planned"),
    ],
)
def test_talks_held_on_a_day_took_place_and_talks_on_a_day_to_come_are_planned(
    text: str, event: str
) -> None:
    assert [n.event for n in extract(text).negotiations] == [event]


def test_talks_not_yet_decided_are_no_plan() -> None:
    undecided = "The council will decide whether to open talks with the rebels."
    assert "talks_planned" not in _events(undecided)
    decided = "The council decided to open talks with the rebels."
    assert "talks_planned" in _events(decided)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce that ends is news of the talks; one violated is news of the fighting
        ("Fighting resumed in the north as the truce expires", True),
        ("The ten-day truce collapsed on Sunday when shelling resumed.", True),
        ("The rebels violated the truce by attacking an army post.", False),
        ("A weeklong truce collapsed last month.", False),
    ],
)  # fmt: skip
def test_a_truce_that_ends_raises_the_flag_and_a_violation_does_not(text: str, flag: bool) -> None:
    assert "ceasefire_violated" in _events(text)
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    ["Gaza truce talks collapsed on Monday.", "The ceasefire proposal fell apart within hours."],
)
def test_talks_or_a_proposal_named_by_the_truce_are_no_truce_that_ends(text: str) -> None:
    assert "ceasefire_violated" not in _events(text)
    assert extract(text).summary.negotiation is False


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The rebels responded to the ceasefire proposal and asked for changes.", True),
        ("The militia delivered its answer to the peace plan on Tuesday.", True),
        ("Police responded to the protest plan with arrests.", False),
    ],
)  # fmt: skip
def test_an_answer_to_a_peace_proposal_is_a_proposal(text: str, flag: bool) -> None:
    assert ("proposal_made" in _events(text)) is flag


_GATED_EVENTS: tuple[tuple[Any, ...], ...] = negotiation_rules._BY_GATES


@given(st.lists(st.sampled_from(_GATED_EVENTS), max_size=6), st.integers(0, (1 << 180) - 1))
def test_events_picked_by_their_first_gate_bit_are_those_whose_gates_a_mask_covers(
    events: list[tuple[Any, ...]], noise: int
) -> None:
    words = [noise & ((1 << 60) - 1), noise >> 60 & ((1 << 60) - 1), noise >> 120]
    for event in events:
        for k in range(3):
            words[k] |= event[k]
    low, mid, high = words
    expected = tuple(
        (e[3], e[4])
        for e in _GATED_EVENTS
        if low & e[0] == e[0] and mid & e[1] == e[1] and high & e[2] == e[2]
    )
    assert negotiation_rules._gated(low, mid, high) == expected
    assert negotiation_rules._gated_once(low, mid, high) == expected
    assert negotiation_rules._gated_once(low, mid, high) == expected  # kept: the same again


def test_events_picked_word_by_word_are_those_whose_gates_a_mask_covers() -> None:
    everything = (1 << 60) - 1
    uncached = negotiation_rules._gated
    every = tuple((e[3], e[4]) for e in _GATED_EVENTS)
    assert uncached(everything, everything, everything) == every
    assert uncached(0, 0, 0) == ()
    first = _GATED_EVENTS[0]
    assert (first[3], first[4]) in uncached(first[0], first[1], first[2])


def _gate_stems() -> list[str]:
    """The gate stems in the order of the gate automaton's keys (as ``_build_gates`` reads
    them)."""
    from consumers.extraction.lexicon import NEGOTIATION_GATES
    from consumers.extraction.negotiation_nouns import GATES as NOUN_GATES
    from consumers.extraction.negotiation_patterns import GATES

    stems: dict[str, None] = {}
    for groups in (NEGOTIATION_GATES | GATES | NOUN_GATES).values():
        for group in groups:
            stems.update(dict.fromkeys(group))
    return list(stems)


_STEMS = _gate_stems()
# the automaton the gate mask read before: every overlapping match of a ``str``
_STR_GATES = ahocorasick_rs.AhoCorasick(
    _STEMS,
    matchkind=ahocorasick_rs.MatchKind.Standard,
    implementation=ahocorasick_rs.Implementation.DFA,
)
_GATE_TEXT = st.lists(
    st.one_of(st.sampled_from(_STEMS), st.sampled_from([" ", "-", "x", "\u2019", "\u00e9"])),
    max_size=30,
).map("".join)


@given(_GATE_TEXT)
def test_gate_stems_read_as_bytes_match_as_the_str_automaton_did(text: str) -> None:
    assert negotiation_rules._GATES.find(text) == _STR_GATES.find_matches_as_indexes(text, True)


def test_a_sentence_s_gate_stems_are_found_in_ascii_and_in_wider_text() -> None:
    for text in ("the rivals agreed to a truce", "the rivals\u2019 envoys agreed to a truce"):
        found = negotiation_rules._GATES.find(text)
        assert found == _STR_GATES.find_matches_as_indexes(text, True)
        assert {_STEMS[index] for index, _, _ in found} >= {"agree", "truce"}


# words of meetings and releases of prisoners, joined at random into sentences, to compare
# the fast forms with the ones they replace
_MEETING_PARTS = ["to", "will", "held", "holds", "hold", "conducted", "convenes", "meet", "meets",
                  "meeting", "meetings", "a", "first", "and", "with", "in", "at", "for", "face",
                  "the", "envoys", "sheld", "to hold", "will meet", "ato", "-", "'s"]  # fmt: skip
_MEETING_GAPS = [" ", " ", " ", "  ", "\n", "\t", ""]


@st.composite
def _meeting_sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_MEETING_PARTS), min_size=1, max_size=14))
    gaps = draw(st.lists(st.sampled_from(_MEETING_GAPS), min_size=len(words), max_size=len(words)))
    return "".join(gap + word for gap, word in zip(gaps, words, strict=True))


# the meeting patterns as written before their look-behinds followed the verbs
_MEETINGS_BEFORE = (
    re.compile(
        r"(?<!\bto\s)(?<!\bwill\s)(?:held|holds|hold|conducted|conducts|convened|convenes)\s+"
        r"(?:(?!(?:and|with|to|after|before|on|in|at|by)\s)[\w'-]+\s+){0,3}?meetings?\b"
    ),
    re.compile(r"(?<!\bto\s)(?<!\bwill\s)meet\s+(?:in|at|on|for|face\s+to\s+face)\b"),
)


@given(_meeting_sentences())
def test_meeting_patterns_with_the_look_behinds_after_the_verb_match_as_before(text: str) -> None:
    now = PATTERNS["talks_held/meeting"][1:3]
    for before, pattern in zip(_MEETINGS_BEFORE, now, strict=True):
        after = re.compile(pattern.removeprefix(r"\b"))
        for pos in range(len(text) + 1):
            old, new = before.search(text, pos), after.search(text, pos)
            assert (old and old.span()) == (new and new.span())


def _clemency_before(lowered: str, lo: int, hi: int, start: int, end: int, wider: str) -> bool:
    """``negotiations._clemency`` as written before its states were read first."""
    rules: Any = negotiation_rules
    if not any(lowered.find(word, start, end) >= 0 for word in ("prisoners", "inmates")):
        return False
    if lowered.find("political", start, end) >= 0:
        return False
    text = f"{lowered[lo:hi]}\n{wider}"
    if rules._NOT_CLEMENCY.search(text) is not None or rules._NATIONALS.search(text) is not None:
        return False
    states = len(states_at_odds(text))
    return states == 1 or (
        states == 0 and rules._STATE_ORGAN.search(lowered, lo, start) is not None
    )


_CLEMENCY_PARTS = ["myanmar", "thailand", "india", "pakistan", "the president", "junta", "frees",
                   "released", "prisoners", "inmates", "political", "500", "rebel", "war", "deal",
                   "pakistani", "under", "a", "truce", "us", "the us", "officials", "and", "of",
                   "amnesty", "on", "monday", "state"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_CLEMENCY_PARTS), min_size=1, max_size=12),
    st.lists(st.sampled_from(_CLEMENCY_PARTS), max_size=6),
)
def test_clemency_reading_the_states_first_decides_as_before(
    words: list[str], wide: list[str]
) -> None:
    lowered = " ".join(words)
    wider = " ".join(wide)
    rules: Any = negotiation_rules
    for word in ("frees", "released"):
        start = lowered.find(word)
        if start >= 0:
            end = len(lowered)
            for lo in (0, start):
                args = (lowered, lo, len(lowered), start, end, wider)
                assert rules._clemency(*args) is _clemency_before(*args)


@pytest.mark.parametrize(
    ("text", "wider"),
    [
        ("myanmar frees 500 prisoners", ""),
        ("the president frees 11,000 inmates", ""),
        ("myanmar frees 500 prisoners of war", ""),
        ("india released pakistani prisoners", ""),
        ("myanmar and thailand free 300 prisoners", ""),
        ("the junta frees political prisoners", ""),
        ("myanmar frees 500 prisoners", "a truce with the rebels"),
    ],
)
def test_clemency_examples_decide_as_before(text: str, wider: str) -> None:
    rules: Any = negotiation_rules
    start = text.find("fre") if "fre" in text else text.find("released")
    args = (text, 0, len(text), start, len(text), wider)
    assert rules._clemency(*args) is _clemency_before(*args)
