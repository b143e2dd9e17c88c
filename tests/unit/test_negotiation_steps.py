"""Steps between the sides told without a negotiation noun: offers, UN steps, returns.

The sentences are the project's own; each class has near misses beside it.
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _events(text: str) -> set[tuple[str, str]]:
    return {(n.event, n.modality) for n in extract(text).negotiations}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a side ready to meet, talk or halt its operations: an offer
        ("The rebel leader said he is ready to meet the president.", "proposal_made"),
        ("The junta says it is willing to hold direct talks with the rebels.", "proposal_made"),
        ("The army was prepared to halt its offensive in the north.", "proposal_made"),
        ("The president says he's ready to sit down with the separatists.", "proposal_made"),
        # overtures and olive branches are offers
        ("Russia made overtures to Japan to end the island dispute.", "proposal_made"),
        ("The junta extended an olive branch to the rebels.", "proposal_made"),
        # a side that offers or invites the other to talk
        ("The government offers to talk to the rebels.", "proposal_made"),
        ("The president has invited the rebel leader to meet him at his home.", "proposal_made"),
        (
            "The junta invited the militia's envoy to the capital to discuss a truce.",
            "proposal_made",
        ),
        # talks judged after the fact, negotiators at work: talks under way
        ("The rebels called the talks 'regrettable' on Sunday.", "talks_held"),
        ("The government hailed the peace talks as constructive.", "talks_held"),
        ("Iran and EU negotiators seek a nuclear agreement.", "talks_held"),
        # nations backing a UN resolution; the Council's green light
        ("Forty nations backed a UN resolution on the war.", "vote_adopted"),
        ("Dozens of states lined up behind the General Assembly resolution.", "vote_adopted"),
        ("The Security Council gave a green light for an emergency session.", "vote_adopted"),
        # a return from captivity
        ("Two aid workers held by the militia returned home on Friday.", "hostage_release"),
        ("Three sailors detained in Iran are back home.", "hostage_release"),
        ("The reporter was freed with the help of a Qatari envoy.", "hostage_release"),
        ("The pilot was released with a mediator's help.", "hostage_release"),
    ],
)
def test_a_step_without_a_negotiation_noun_counts(text: str, event: str) -> None:
    assert (event, "asserted") in _events(text)
    assert extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        # people described, an aim or a call, a business offer: no offer
        "The hostages are held by gunmen willing to negotiate a ransom.",
        "The envoy urged the rebels to be ready to meet next week.",
        "The firm is ready to meet its customers' demand.",
        "The union is prepared to talk with management about wages.",
        "Fans were ready to halt the game.",
        "The rebels invited journalists to meet their commander.",
        "The company offered to meet the union leaders on Monday.",
        "The university invites students to discuss the new campus.",
        # talks wished for, a company's negotiators, a verdict on something else
        "Aid groups called the truce talks a distant hope.",
        "The company's negotiators seek a new contract with the firm.",
        "The rebels called the attack regrettable.",
        # a resolution a state sponsors, or a legislature's
        "Moscow backed away from the UN resolution.",
        "Senators backed a resolution on the budget.",
        "The coach gave a green light to the new signing.",
        # held, not back; a release by the police or a court
        "Two men held by the militia were seen in a video on Friday.",
        "The suspect was released from police custody with his lawyer's help.",
        "The activist detained in the capital was charged on Friday.",
    ],
)
def test_near_misses_of_the_steps_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


def test_an_offer_on_a_condition_is_marked_and_not_counted() -> None:
    text = "The government is prepared to halt military operations if the rebels withdraw."
    assert ("proposal_made", "hypothetical") in _events(text)
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # two states at odds that meet: a round of talks
        (
            "Rival neighbours meet",
            "Envoys of India and Pakistan met in Geneva amid tensions.",
            True,
        ),
        ("Leaders meet", "The presidents of Armenia and Azerbaijan met to ease tensions.", True),
        (
            "Envoy in Moscow",
            "The American envoy for detained citizens held meetings with Russian leaders.",
            True,
        ),
        (
            "Ministers talk",
            "Serbia's minister sat down with Croatia's envoy amid the border dispute.",
            True,
        ),
        # ... or speak, write or are to meet
        (
            "Leaders to speak",
            "Japan's leader will speak with China's amid the island dispute.",
            True,
        ),
        ("Rivals write", "The leaders of Sudan and Chad exchanged letters amid tensions.", True),
        (
            "Talks ahead",
            "The ministers of Ethiopia and Egypt are to meet over the dam dispute.",
            True,
        ),
        # near misses: one state, no dispute, allies, or a meeting put off
        ("Leaders meet", "The president of Kenya met farmers in the dispute over land.", False),
        ("Old friends", "The leaders of France and Germany met over dinner in Paris.", False),
        ("Allies meet", "The leaders of Britain and Canada met at the summit.", False),
        ("Allies talk", "France will speak with its ally Italy about the war in Libya.", False),
        ("Phone call", "The Kenyan minister spoke with reporters about the border dispute.", False),
        ("Meeting off", "Iran will hold off on nuclear talks with the United States.", False),
    ],
)
def test_two_states_at_odds_that_meet_hold_talks(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a visit for talks between friends is diplomacy, not negotiation
        ("President arrives in Seoul for talks", "It is her first visit in ten years.", False),
        ("Minister flies to Paris for talks", "He will meet his French counterpart.", False),
        # ... a visit for a truce, for captives or in a dispute is negotiation
        ("Envoys arrive in Doha for truce talks", "They will meet the mediators.", True),
        ("President arrives in Kyiv for talks", "The war is in its third year.", True),
        ("The government sends a team to Nairobi for talks", "It left on Monday.", True),
        ("Negotiators head to Cairo for talks", "The talks aim to end the war.", True),
    ],
)
def test_a_visit_for_talks_needs_a_dispute(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan said it is willing to pursue a negotiated settlement over the disputed region.",
        "The rebels are ready to seek a political solution to the war.",
    ],
)
def test_a_side_ready_to_seek_a_negotiated_settlement_makes_an_offer(text: str) -> None:
    assert any(n.event == "proposal_made" for n in extract(text).negotiations)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say a negotiated settlement of the war is unlikely.",
        "Gunmen willing to pursue a negotiated settlement attacked the town.",
        "The envoy urged both sides to seek a political solution to the war.",
    ],
)
def test_a_settlement_weighed_urged_or_describing_gunmen_is_no_offer(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "the Koreas" names both states, as "North and South Korea" does
        ("The rival Koreas exchanged letters amid border tensions.", True),
        ("The Koreas marched together at the opening ceremony of the games.", False),
    ],
)
def test_the_koreas_name_both_states(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
