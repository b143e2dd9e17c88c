"""A negotiation noun realised by a verb of its class, in any order, voice or tense.

The sentences are the project's own: each pins one verb class with one noun class, and each
near miss pins one guard (an aim, a topic, a clause link, a modal, a business deal).
"""

from __future__ import annotations

import re

import pytest

from consumers.extraction import extract
from consumers.extraction.negotiation_classes import ANCHORS, Anchored, forms
from tests.support.negotiations import modalities


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("sign", ("sign", "signs", "signed", "signing")),
        ("agree", ("agree", "agrees", "agreed", "agreeing")),
        ("finalise", ("finalise", "finalises", "finalised", "finalising")),
        ("ratify", ("ratify", "ratifies", "ratified", "ratifying")),
        ("reach", ("reach", "reaches", "reached", "reaching")),
        ("hammer out", ("hammer out", "hammers out", "hammered out", "hammering out")),
        ("hold", ("hold", "holds", "held", "holding")),
        ("wrap up", ("wrap up", "wraps up", "wrapped up", "wrapping up")),
    ],
)
def test_verb_forms(verb: str, expected: tuple[str, ...]) -> None:
    assert forms(verb) == expected


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # making an agreement, active: a truce or a deal as the object
        ("The rebels and the government sealed a truce on Sunday.", "agreement_reached"),
        ("The two sides forged a ceasefire after three days of fighting.", "agreement_reached"),
        ("Both parties accepted the peace plan put forward by the envoys.", "agreement_reached"),
        ("The rebel group and the army struck an agreement on troop withdrawal.",
         "agreement_reached"),
        # ... passive, or a headline's bare participle
        ("A ceasefire was clinched late on Tuesday.", "agreement_reached"),
        ("The armistice was signed at the border village.", "agreement_reached"),
        ("The peace accord was ratified by parliament on Thursday.", "agreement_reached"),
        ("The peace agreement was initialled in the lakeside town.", "agreement_reached"),
        ("Government, rebels clinch peace accord", "agreement_reached"),
        ("Peace treaty ratified by both parliaments", "agreement_reached"),
        # keeping a truce in force
        ("The ceasefire was largely respected overnight.", "ceasefire_started"),
        ("The truce was implemented on Monday morning.", "ceasefire_started"),
        ("The two countries restored the truce along the border.", "ceasefire_started"),
        ("Ceasefire observed across the region", "ceasefire_started"),
        # a truce that happens: its noun is the subject
        ("The truce has held since Friday.", "ceasefire_started"),
        ("The ceasefire remained in force on Wednesday.", "ceasefire_started"),
        # talks convened: the noun as object or subject
        ("Peace talks are taking place in the capital this week.", "talks_held"),
        ("Peace talks reconvened after a two-week break.", "talks_held"),
        ("Rebel leaders attended peace talks in the capital.", "talks_held"),
        ("Ceasefire talks continued for a third day.", "talks_held"),
        ("Talks between the army and the rebels went ahead on Monday.", "talks_held"),
        ("The peace process got under way with a meeting in the capital.", "talks_held"),
        ("Sudan rivals in peace talks in Jeddah", "talks_held"),
        # ... or told in a relative clause
        ("The truce, which started at dawn, has largely held.", "ceasefire_started"),
        ("The peace deal, which was signed on Friday, ends the war.", "agreement_reached"),
    ],
)  # fmt: skip
def test_a_noun_with_a_verb_of_its_class_counts(text: str, event: str) -> None:
    found = modalities(text)
    assert found.get(event) == "asserted", found
    assert extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        # an aim or a topic: the verb after "to" or a preposition
        "The envoy travelled to the capital to forge a truce.",
        "Hopes of resuming peace talks faded on Friday.",
        "The clash coincided with the signing of a peace deal between the parties.",
        "The militia threatened the council for reaching an agreement with the army.",
        # a clause link, a negation or a modal between noun and verb
        "Fighting resumed despite the ceasefire.",
        "The truce could hold if both sides show restraint.",
        "The truce did not hold beyond the first night.",
        "The ceasefire was violated and the shelling began again.",
        "After the truce, fighters began to withdraw from the hills.",
        # the noun heads something else
        "The army declared the ceasefire over after the ambush.",
        "The rebels joined ceasefire efforts led by the elders.",
        "Air strikes deal a blow to truce hopes",
        # business, climate and company deals
        "The two companies signed an agreement to share technology.",
        "Parliament ratified the climate pact on Wednesday.",
        "The retailer sealed a deal with its suppliers.",
        "Talks between the two firms began on Monday.",
        # a settlement that is a place, not a deal
        "The army approved a new settlement near the river.",
    ],
)
def test_near_misses_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation, modalities(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The government negotiated with the rebels for three days.", "talks_held"),
        ("Officials are negotiating directly with the militia leaders.", "talks_held"),
        ("About 200 militants gave themselves up in the north.", "surrender"),
        ("The rebel commander gave himself up to the army.", "surrender"),
        # a surrender told by "handed/turned themselves ..." alone, no other negotiation cue
        ("Forty fighters of the militia handed themselves over to the army.", "surrender"),
        ("Nine insurgents turned themselves in to troops near the border.", "surrender"),
        ("The kidnappers freed the journalist after three weeks.", "hostage_release"),
        ("Her captors finally released the nurse near the border.", "hostage_release"),
    ],
)
def test_a_negotiation_verb_with_a_party_counts(text: str, event: str) -> None:
    assert modalities(text).get(event) == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The army refused to negotiate with the rebels.",
        "Troops dispersed the crowd after negotiating with the protesters.",
        "The manager is negotiating with the workers over overtime.",
        "The gunman gave himself up for arrest after the shooting.",
        "The suspect gave himself up to the police on Monday.",
        "The suspects turned themselves in to the police on Monday.",
        "The firm negotiated with its lenders for a month.",
        "Commandos shot the kidnappers and freed the two engineers.",
    ],
)
def test_a_negotiation_verb_without_a_conflict_party_raises_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation, modalities(text)


@pytest.mark.parametrize(
    "text",
    [
        "the rebels and the army sealed a truce on sunday.",
        "the envoy went to the capital to seal a truce.",
        "a truce was sealed, and later the sides signed a peace accord.",
        "the deal signed on friday ends the war.",
        "the ceasefire between the army and the rebels has largely held since friday.",
        "peace talks, stalled for a year, resumed in the capital.",
        "the rebels accepted an invitation to peace talks in the capital.",
        "mediators kick-started talks between the army and the rebels.",
        "nothing in this sentence is a development.",
    ],
)
def test_an_anchored_pattern_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert ANCHORS
    for pattern, (anchor, heads) in ANCHORS.items():
        plain = re.compile(pattern).search(text, 0, len(text))
        anchored = Anchored(re.compile(pattern), re.compile(anchor), heads)
        found = anchored.search(text, 0, len(text))
        assert (plain and plain.span()) == (found and found.span())


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a headline's release that its summary tells as clemency
        ("Junta frees hundreds of prisoners", "They were released in a broad amnesty.", False),
        ("Rebels free hundreds of prisoners", "They were handed to the Red Cross.", True),
        # "Freed hostages" opening a headline's clause names people, not a release
        ("Region; Freed hostages thank their nurses", "They spoke at the hospital.", False),
        ("Region; Rebels free two hostages", "They spoke at the hospital.", True),
        # talks to form a government are no conflict's talks
        ("Leader invites rivals into cabinet", "He asked them to begin talks to form a unity "
         "government.", False),
    ],
)  # fmt: skip
def test_headline_guards(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag, modalities(text, title)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a part of the agreement: its verb still makes or keeps the agreement
        ("The envoy unveiled the economic portion of the Mideast peace plan.", True),
        ("The rebels and the army signed the first phase of the truce.", True),
        ("The two sides published the full text of the peace accord.", False),
        ("Critics mocked the terms of the old peace plan.", False),
    ],
)
def test_a_part_of_an_agreement_with_a_verb_of_its_class(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators for the rebels and the army salvaged the peace deal on Friday.",
        "Envoys salvaged the truce between the militia and the government.",
    ],
)
def test_a_deal_salvaged_is_an_agreement(text: str) -> None:
    assert any(n.event == "agreement_reached" for n in extract(text).negotiations)


@pytest.mark.parametrize(
    "text",
    [
        "Troops rescued 20 hostages from the militia's camp.",
        "The firm salvaged a deal with its creditors.",
        "Envoys tried to salvage the peace deal between the army and the rebels.",
    ],
)
def test_people_rescued_a_firms_deal_or_an_attempt_is_no_agreement(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        "The two sides revived negotiations on the border war after a six-month break.",
        "Mediators kick-started talks between the army and the rebels.",
        "Talks between the junta and the rebels were relaunched in the capital.",
        "The peace talks moved into a second week in the capital.",
        "Talks between the army and the militia entered a third day.",
    ],
)
def test_talks_brought_back_or_going_on_are_held(text: str) -> None:
    assert any(n.event == "talks_held" for n in extract(text).negotiations)


@pytest.mark.parametrize(
    "text",
    [
        "The envoy is trying to revive the talks between the army and the rebels.",
        "Hopes of reviving peace talks faded as the fighting spread.",
        "Talks with the rebels failed and troops entered the town.",
        "The union revived talks with management over pay.",
    ],
)
def test_talks_only_hoped_back_or_a_later_entry_are_none(text: str) -> None:
    assert not extract(text).summary.negotiation
