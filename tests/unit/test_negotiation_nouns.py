"""A strong negotiation noun read alone, where no pattern found an event in its sentence.

The sentences are the project's own: each positive pins one noun class and the event type it
stands for, each near miss one guard (a noun that dates or frames other news, an aim or a
call, a condition, a past episode, a negation, a business, sports or trade-war truce).
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from consumers.extraction.negotiation_context import names_conflict
from consumers.extraction.negotiation_nouns import noun_event


def _found(text: str, title: str = "") -> dict[str, str]:
    """Each event of ``text`` (or of ``title`` over it) with the words it was matched on."""
    out = {}
    for n in extract(text, title=title).negotiations:
        source = title if n.evidence.part == "title" else text
        out[n.event] = source[n.evidence.match_start : n.evidence.match_end]
    return out


@pytest.mark.parametrize(
    ("title", "text", "event", "phrase"),
    [
        # talks whose verb no class knows, or a headline with no verb at all
        ("", "Ceasefire talks between Israel and Hamas stall in Cairo.", "talks_held",
         "Ceasefire talks"),
        ("Sudan peace talks in Jeddah", "The army and the RSF sent delegations.", "talks_held",
         "peace talks"),
        ("", "Egyptian mediation between Israel and Hamas continues.", "talks_held", "mediation"),
        # talks to come
        ("", "Armenia and Azerbaijan peace conference in Washington next month.",
         "talks_planned", "peace conference"),
        # a deal in the making is talks; one told as reached is an agreement
        ("", "A hostage deal between Israel and Hamas is close, Qatar said.", "talks_held",
         "hostage deal"),
        ("", "The rebels and the army say the peace accord is now in place.",
         "agreement_reached", "peace accord"),
        # a plan put forward, a swap, a release
        ("", "Turkey's peace plan for Ukraine and Russia lands in Kyiv.", "proposal_made",
         "peace plan"),
        ("", "Russia and Ukraine in prisoner swap.", "hostage_exchange", "prisoner swap"),
        ("", "The exchange of prisoners between the army and the rebels went smoothly.",
         "hostage_exchange", "exchange of prisoners"),
        ("", "Hamas hails the prisoner release as Israel opens the gates.", "prisoner_release",
         "prisoner release"),
        # a deal or talks named by their object; captives told as freed
        ("", "Hamas and Israel near a deal on hostages.", "talks_held", "deal on hostages"),
        ("", "Mediators report progress on a Gaza ceasefire.", "talks_held", "ceasefire"),
        ("", "Ukraine says 90 prisoners of war were released by Russia.", "prisoner_release",
         "prisoners of war were released"),
        # a region at war names the conflict
        ("", "Gaza ceasefire talks gather pace.", "talks_held", "ceasefire talks"),
        # a truce named alone
        ("", "Truce in Yemen as the rebels and the government observe calm.",
         "ceasefire_started", "Truce"),
        ("", "Negotiations on a truce between the rebels and the army drag on.", "talks_held",
         "Negotiations on a truce"),
        ("", "The rebels and the army made headway towards a truce.", "talks_held", "truce"),
    ],
)  # fmt: skip
def test_a_strong_noun_alone_is_a_development(
    title: str, text: str, event: str, phrase: str
) -> None:
    found = _found(text, title)
    assert found.get(event) == phrase, found
    assert extract(text, title=title).summary.negotiation


def test_a_push_for_a_truce_is_a_call_and_raises_no_flag() -> None:
    text = "Egypt pushes for a new truce between Israel and Hamas."
    assert _found(text) == {"call_for_ceasefire": "truce"}
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        # the noun only dates or frames other news
        "Fighting raged in Yemen despite the truce.",
        "The rebels have shelled the town since the truce with the army.",
        "Before the ceasefire, the army shelled the rebels' villages.",
        "Shelling resumed in Donetsk after the ceasefire, the army said.",
        "The army shelled the town on the ceasefire line in Kashmir.",
        "North Korea lays new landmines near the border truce village.",
        # the noun harmed, left, failing or ruled out
        "Violence mars peace talks between the government and the rebels.",
        "Rebels walk out of peace talks with the army.",
        "Truce talks between the army and the rebels collapse.",
        "Hamas rules out truce with Israel.",
        "Sudan peace process falls apart as the army and the rebels fight on.",
        # an aim, a wish, a rally
        "The rebels and the army want a truce.",
        "Thousands rally for peace talks between the army and the rebels.",
        "Mediators worked on the path to a ceasefire between the army and the rebels.",
        # a condition, a past episode, a negation
        "If a truce between the rebels and the army is agreed, aid will flow.",
        "A truce between the rebels and the army in 2019 let aid flow.",
        "No ceasefire between the rebels and the army is in sight.",
        "The sticking point is the length of any truce between the army and the rebels.",
        "The Gaza ceasefire has not held, the army said.",
        # business, sports, a trade war
        "The club and its players reached a truce over the season's wages.",
        "The two firms are in talks on a hostage deal film.",
        "China and the US call a truce in their trade war.",
        "Cricket truce between India and Pakistan",
        # captives freed by a state's clemency
        "Hundreds of prisoners were released from the jails of Myanmar under an amnesty.",
    ],
)
def test_near_misses_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation, _found(text)


def test_the_noun_is_read_only_where_no_pattern_found_an_event() -> None:
    text = "The rebels and the government sealed a truce on Sunday."
    assert _found(text) == {"agreement_reached": "sealed a truce"}


def test_a_noun_needs_a_conflict_besides_itself() -> None:
    text = "peace talks begin anew."
    assert noun_event(text, 0, len(text)) == []
    assert noun_event(text, 0, len(text), wider="the rebels and the army sent envoys") == [
        ("talks_held", 0, len("peace talks"))
    ]
    assert noun_event(text, 0, len(text), wider="the league and the players sent lawyers") == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("the rebels will join peace talks in nairobi.", "talks_planned"),
        ("peace talks between the rebels and the army are due to open next week.",
         "talks_planned"),
        ("the rebels and the army hold peace talks in nairobi.", "talks_held"),
        ("the rebels and the army said a truce deal was signed.", "agreement_reached"),
        ("the rebels and the army said a truce deal was near.", "talks_held"),
        ("the rebels and the army said a truce was signed.", "agreement_reached"),
        ("the rebels said the hostage release went ahead.", "hostage_release"),
        ("the rebels offered a ceasefire plan to the army.", "proposal_made"),
        ("the rebels urged the army to accept a truce.", "call_for_ceasefire"),
    ],
)  # fmt: skip
def test_the_event_type_follows_the_head_and_its_tense(text: str, event: str) -> None:
    assert [e for e, _, _ in noun_event(text, 0, len(text))][:1] == [event]


def test_a_conflict_is_named_by_armed_words_or_by_a_state_without_a_business_word() -> None:
    assert names_conflict("the rebels and the army")
    assert names_conflict("ethiopia and eritrea")
    assert not names_conflict("ethiopia and eritrea signed the trade deal")
    assert not names_conflict("the league and the players")
    assert not names_conflict("the two old friends")
    assert names_conflict("the two old friends", neutral=True)


@pytest.mark.parametrize(
    "text",
    [
        "The former rebel leader was sworn in as deputy president under the peace deal.",
        "Both sides pulled back their forces under the peace agreement.",
    ],
)
def test_a_step_under_a_peace_deal_tells_the_deal_in_force(text: str) -> None:
    assert "agreement_reached" in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of fighters were disarmed under the 2005 peace deal.",
        "The region has lived under a fragile truce for years.",
        "The firm cut 300 jobs under a deal with its creditors.",
    ],
)
def test_under_an_old_deal_a_long_truce_or_a_firm_deal_is_none(text: str) -> None:
    assert not extract(text).summary.negotiation
