"""Talks told as suspended, called off or set back, and releases only bid for or hoped on."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from tests.support.negotiations import modalities


def _flag(text: str, title: str = "") -> bool:
    return extract(text, title=title).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        "The rebel envoy said he had called off peace talks with the government.",
        "Setback in Darfur peace talks. The rebels said they will send their officers home.",
        "New setback to Darfur peace talks as rebels report attacks.",
        "Rebels send their delegates home from peace talks after fresh attacks on villages.",
        "Border talks still suspended. The envoy in talks with the army said negotiations "
        "remain suspended.",
        "Peace talks with the militia have been put on hold, the army said.",
        "Talks between the rebels and the army broken off as fighting spreads.",
        "The emirate pauses its mediation between the militia and the army.",
        "Mediators halted the peace talks after the attack on the convoy.",
        "The Council fails to adopt a resolution on the siege.",
        "The talks stalled amid a US veto threat over the corridor.",
        "The president's veto of the budget bill angered lawmakers.",
        "A new administration is in place following peace talks in the capital.",
        "Sanctions keep the North from rejoining the six-party talks, he said.",
        "Elders meet on Friday to discuss how to make peace with the insurgents.",
    ],
)
def test_talks_suspended_called_off_or_set_back_raise_no_flag(text: str) -> None:
    assert not _flag(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The prime minister sends negotiators to the capital of the mediating state.", True),
        ("The rebels dispatched a negotiating team to the border town on Sunday.", True),
        # another domain's negotiators
        ("The club sent its negotiators to the league's offices over the transfer.", False),
        ("The union sent negotiators to the company's headquarters.", False),
    ],
)
def test_negotiators_sent_to_a_place_hold_talks(text: str, flag: bool) -> None:
    assert _flag(text) is flag


@pytest.mark.parametrize(
    "text",
    [
        "Peace talks between the rebels and the army resumed on Monday after being suspended.",
        "The rebels and the government held peace talks in Abuja on Monday.",
        "The army and the rebels returned to peace talks a week after the setback.",
    ],
)
def test_talks_that_resume_or_are_held_still_count(text: str) -> None:
    assert _flag(text)


@pytest.mark.parametrize(
    "text",
    [
        "Minister in bid to free hostages held by the militia.",
        "The envoy flew to the border in an effort to free two aid workers held by the rebels.",
        "One hostage told her family she expected to be released soon by the kidnappers.",
    ],
)
def test_a_release_only_bid_for_or_hoped_on_raises_no_flag(text: str) -> None:
    assert not _flag(text)


def test_a_release_made_for_an_aim_of_the_captors_counts() -> None:
    assert _flag("The rebels freed 20 hostages on Monday in a bid to end the siege.")


def test_a_release_reported_as_expected_is_planned_but_ones_own_hope_is_not() -> None:
    assert (
        modalities("The hostages are expected to be released on Sunday under the deal.")[
            "hostage_release"
        ]
        == "planned"
    )
    assert (
        modalities("The hostage said she hoped to be released by her captors.").get(
            "hostage_release", "demanded"
        )
        == "demanded"
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Militia delays handover of captives",
            "The militia delayed the release of the captured soldiers on Sunday, the army said.",
        ),
        (
            "Rebels put off next hostage release",
            "The rebels postponed the next hostage release on Thursday.",
        ),
        ("", "The group said it was suspending the release of its hostages over army raids."),
        ("", "The junta halted the release of rebel prisoners on Monday."),
        (
            "Peace talks postponed",
            "Peace talks between the army and the insurgents have been "
            "postponed again, officials said.",
        ),
    ],
)
def test_release_or_talks_put_off_raise_no_flag(title: str, text: str) -> None:
    assert not _flag(text, title=title)


@pytest.mark.parametrize(
    "text",
    [
        # the release or the talks take place; "suspended" is an adjective here
        "The army resumed the suspended release of rebel prisoners on Thursday.",
        "The militia freed the delayed group of hostages on Tuesday.",
        "The army halted its offensive for the release of the hostages, and the rebels freed "
        "twelve hostages on Tuesday.",
        "The rebels and the army resumed the suspended peace talks on Monday.",
    ],
)
def test_release_or_talks_after_a_put_off_word_still_flag(text: str) -> None:
    assert _flag(text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "Three villagers were killed on Sunday as the truce frayed in the north of Darfur."),
        (
            "Darfur ceasefire under strain",
            "The ceasefire in Darfur came under strain on Friday after a clash at the river.",
        ),
        ("", "The rebels pulled their negotiators from the Darfur peace talks on Sunday."),
        ("", "The militia pulled out of the Darfur ceasefire talks on Tuesday."),
    ],
)
def test_a_truce_fraying_or_talks_left_raise_no_flag(title: str, text: str) -> None:
    assert not _flag(text, title=title)


@pytest.mark.parametrize(
    "text",
    [
        # troops pulled back ahead of talks that were held
        "The army pulled its troops from the town before peace talks with the rebels opened "
        "in Darfur on Monday.",
        # a strained relation beside a truce that began, in a clause of its own
        "A truce between the army and the rebels took effect in Darfur on Sunday, easing "
        "strained ties with the neighbours.",
    ],
)
def test_a_truce_or_talks_beside_a_pull_back_or_strain_still_flag(text: str) -> None:
    assert _flag(text)


def test_talks_between_long_named_sides_called_off_raise_no_flag() -> None:
    text = (
        "Peace talks between the transitional government of Darfur and the armed movements "
        "were called off on Friday."
    )
    assert not _flag(text)


def test_talks_between_sides_once_postponed_that_open_still_flag() -> None:
    text = (
        "Peace talks between the government and the rebels, which were postponed in May, "
        "opened in Darfur on Monday."
    )
    assert _flag(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a draft resolution turned down or argued over is no step
        (
            "Khartoum on Friday rejected a British-sponsored UN draft resolution on the region.",
            False,
        ),
        ("Council members remain divided over a draft resolution on the blockade.", False),
        ("Beijing opposes the U.S.-drafted resolution on the island, diplomats said.", False),
        # near misses: a draft put forward, and one adopted, still count
        ("France circulated a draft resolution on the truce to council members.", True),
        (
            "Russia rejected the plan, but the Security Council adopted a resolution on the truce.",
            True,
        ),
    ],
)
def test_a_draft_resolution_rejected_or_argued_over_raises_no_flag(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks only worked for are an aim, not talks planned
        (
            "Seoul plans to step up its efforts to hold nuclear talks with the North this autumn.",
            False,
        ),
        (
            "The mediators made a fresh bid to open negotiations between the militia and the army.",
            False,
        ),
        # near misses: talks agreed to or set for a day are planned
        ("The militia and the army agreed to open negotiations in the capital next week.", True),
        ("The rebels and the government are to hold talks in the capital on Monday.", True),
    ],
)
def test_talks_worked_for_are_no_talks_planned(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce agreed elsewhere, named as what an attack breaks, is background
        (
            "Militia fighters shelled the port town on Monday, violating a truce agreed in the "
            "capital.",
            False,
        ),
        (
            "The army accused the rebels of breaching the UN-brokered ceasefire near the border.",
            False,
        ),
        (
            "An offensive in the valley on Tuesday shattered a ceasefire brokered by the envoys.",
            False,
        ),
        # a deal a side refuses on a given day to sign is no deal made
        (
            "Two rebel factions refused on Friday to sign a peace agreement reached in the "
            "capital.",
            False,
        ),
        # near misses: the same participles told as news
        ("The militia and the army signed a truce brokered by the envoys on Monday.", True),
        (
            "The rebels said on Friday they had signed a peace agreement reached in the capital.",
            True,
        ),
    ],
)
def test_a_truce_broken_or_a_deal_refused_is_no_agreement(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # any truce or talks are supposed, not made
        ("Any truce that leaves the militia in the valley would reward its offensive.", False),
        (
            "The army said the rebels must pull back from the hills before any negotiations can "
            "begin.",
            False,
        ),
        # a truce tested, scrapped or wobbling, talks scrapped or called pointless
        (
            "Air strikes on the border villages on Thursday tested a month-old truce with the "
            "militia.",
            False,
        ),
        ("The government scraps its ceasefire with the rebels.", False),
        ("The army terminated peace talks with the rebels on Thursday.", False),
        ("The truce in the valley wobbles as the rebels shell the town.", False),
        ("The rebel leader said the peace talks in the capital were meaningless.", False),
        # near miss: talks that would end a war are no ending truce
        (
            "Moscow said it was ready to revive peace talks with Tokyo that would end their "
            "long dispute over the islands.",
            True,
        ),
        # near misses: a truce holding, talks going on
        ("A month-old truce with the militia held on Thursday despite air strikes nearby.", True),
        ("Peace talks between the army and the rebels continued in the capital.", True),
    ],
)
def test_a_supposed_tested_or_scrapped_truce_raises_no_flag(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a truce or an offer dismissed as a trick is a side's verdict, no development
        ("Rebels say army truce worthless", "", False),
        ("Militia calls government ceasefire offer a ploy", "", False),
        ("Opposition says truce offer a trap for its fighters", "", False),
        # a protest over a deal, told with its place
        ("Protests in the capital over border peace deal", "", False),
        (
            "",
            "Thousands marched in the capital on Sunday against the ceasefire agreement with "
            "the rebels.",
            False,
        ),
        # near misses: an offer or a truce told as news
        ("Rebels offer army a month-long truce", "", True),
        ("Army and rebels agree truce after protests in the capital", "", True),
    ],
)
def test_a_truce_dismissed_or_protested_raises_no_flag(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce near its end is no deal near
        (
            "Monitors said on Friday that the ceasefire was close to collapse after the clashes.",
            False,
        ),
        ("The truce in the valley is near breaking down, the monitors warned.", False),
        # near misses: a deal told as close
        (
            "Mediators said on Friday that a ceasefire deal was close after talks with the "
            "militia.",
            True,
        ),
        ("The truce agreement is near, the envoy for the valley said.", True),
    ],
)
def test_a_truce_near_collapse_is_no_deal_near(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks a side stays away from, a round of them on
        (
            "The rebels said on Monday they would boycott the next round of UN-led peace talks.",
            False,
        ),
        # near miss: the round itself told as news
        ("The next round of UN-led peace talks opened in the capital on Monday.", True),
    ],
)
def test_a_boycotted_round_of_talks_raises_no_flag(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a verb whose object ends before a clause's preposition holds no talks
        ("Shelling of the rebel town continued despite negotiations in the capital.", False),
        ("Schoolboys still held despite negotiations, rebels shell the town", False),
        # near misses: talks as the verb's object, a few words on
        ("The army and the rebels held a new round of negotiations in the capital.", True),
        ("The rebels continued direct talks with the army on Monday.", True),
    ],
)
def test_talks_after_a_clause_preposition_are_not_held(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce an attack breaks, a deal still far off, a swap not planned
        (
            "New clashes broke out on the border on Friday, breaking a ceasefire agreed in the "
            "capital.",
            False,
        ),
        ("The envoy said the two neighbours were still far from signing a peace agreement.", False),
        (
            "The militia said on Monday there were no plans for a prisoner exchange with the army.",
            False,
        ),
        # a peace deal strained by fighting
        ("Clashes between the army and the rebels on Sunday strained the peace agreement.", False),
        # near misses: a deadlock broken, a swap carried out
        ("The mediators broke the deadlock and the sides reached a ceasefire agreement.", True),
        ("The militia and the army carried out a prisoner exchange on Monday.", True),
    ],
)
def test_a_truce_broken_a_deal_far_off_or_a_swap_unplanned(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
