"""Modality of negotiation events: only asserted developments raise the summary flag."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from tests.support.negotiations import modalities
from wirewatch.metrics import Evidence, Negotiation


@pytest.mark.parametrize(
    ("text", "event", "modality"),
    [
        ("Hamas released 13 hostages on Friday.", "hostage_release", "asserted"),
        ("The two sides have agreed to a ceasefire.", "agreement_reached", "asserted"),
        ("Protesters demanded the release of all detainees.", "prisoner_release", "demanded"),
        ("The army aims to free the hostages as a war objective.", "hostage_release", "demanded"),
        ("If the deal holds, hostages would be released on Sunday.", "hostage_release",
         "hypothetical"),
        ("A weeklong cease-fire last month saw 105 hostages freed.", "hostage_release",
         "historical"),
        ("The release of the prisoners is a central demand of the group.", "prisoner_release",
         "demanded"),
        ("The hostages will be released on Sunday.", "hostage_release", "planned"),
        ("The truce will take effect at dawn.", "ceasefire_started", "planned"),
        ("Leaders called for a ceasefire in the north.", "call_for_ceasefire", "asserted"),
        ("The rebels will agree to a ceasefire if demands are met.", "agreement_reached",
         "hypothetical"),
        ("On 3 May 2024, the two militias reached an agreement in the town.", "agreement_reached",
         "asserted"),
        ("On 5 May, Hamas released 13 hostages.", "hostage_release", "asserted"),
        ("Hamas may release more hostages.", "hostage_release", "hypothetical"),
        ("Militants attacked the station in an attempt to free prisoners.", "prisoner_release",
         "demanded"),
        ("The attack came three days after a truce was signed between the clans.",
         "agreement_reached", "historical"),
        # "could not" states what happened; "could" alone supposes
        ("The rebels could not accept the terms and turned the offer down.",
         "proposal_rejected", "asserted"),
        ("The rebels could turn the offer down, an aide said.", "proposal_rejected",
         "hypothetical"),
        # "since the war began" dates the war, not the event; "since the truce began" tells a
        # truce that is in force
        ("The first prisoner swap since the war began took place on Monday.",
         "hostage_exchange", "asserted"),
        ("Since the ceasefire began on Friday, no shells have fallen on the town.",
         "ceasefire_started", "asserted"),
        # "the past week" is recent, "the past decade" is not
        ("Envoys of both sides held talks twice in the past week.", "talks_held", "asserted"),
        ("Envoys of both sides held talks several times in the past decade.", "talks_held",
         "historical"),
        # the event dates what the sentence reports, even with its subject in between
        ("Clashes erupted hours after the two sides agreed on a truce.", "agreement_reached",
         "historical"),
        ("The two sides agreed on a truce hours after the clashes.", "agreement_reached",
         "asserted"),
        # a pledge to free captives is a promise; one to respect a truce presupposes the truce
        ("The rebels pledged to release all hostages.", "hostage_release", "demanded"),
        ("The rebels pledged to respect the truce.", "agreement_reached", "asserted"),
        # a month and a year date a past episode, a year names an old accord; a year the
        # sentence tells as to come is a plan
        ("The two states last held peace talks in January 2000.", "talks_held", "historical"),
        ("In December 2010, the three states signed an agreement on the border.",
         "agreement_reached", "historical"),
        ("The envoy, who helped secure the 1998 Good Friday peace accord with the rebels, has "
         "died.", "talks_held", "historical"),
        ("The plan clashes with the internationally brokered 2003 peace plan.",
         "agreement_reached", "historical"),
        ("The sides will sign the peace deal in 2027.", "agreement_reached", "planned"),
        ("The sides are due to sign the peace deal in March 2027.", "agreement_reached",
         "planned"),
        # a date of the captivity a release ends does not date the release
        ("The rebels released 12 soldiers they had captured last month.", "hostage_release",
         "asserted"),
        ("The Houthis released a Saudi pilot captured in 2019.", "hostage_release", "asserted"),
        ("Militants freed two engineers they took hostage last year.", "hostage_release",
         "asserted"),
        ("The rebels released 12 soldiers last month.", "hostage_release", "historical"),
        ("The hostages were released in 2014 after the talks.", "hostage_release",
         "historical"),
    ],
)  # fmt: skip
def test_modality(text: str, event: str, modality: str) -> None:
    assert modalities(text).get(event) == modality


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded the release of all detainees.",
        "If the deal holds, hostages would be released on Sunday.",
        "A weeklong cease-fire last month saw 105 hostages freed.",
        "Rangers violated the ceasefire with heavy firing on border posts.",
        "The rebels pledged to release all hostages.",
    ],
)
def test_no_new_development_no_flag(text: str) -> None:
    result = extract(text)
    assert result.negotiations, "the event is still reported"
    assert not result.summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        "The rebels said they would observe a truce during the holiday.",
        "The army said it might respect the ceasefire if the shelling stopped.",
    ],
)
def test_a_supposed_truce_raises_no_flag(text: str) -> None:
    result = extract(text)
    assert not result.summary.negotiation
    assert all(n.modality == "hypothetical" for n in result.negotiations)


@pytest.mark.parametrize(
    "text",
    [
        "Israel denied that a ceasefire had been reached.",
        "The militia denied it had agreed to a truce.",
        "A senior commander rejected reports that a truce had been agreed.",
        "Neither side has respected the truce.",
    ],
)
def test_a_denied_agreement_raises_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


def test_an_agreement_after_a_denial_of_something_else_counts() -> None:
    text = "The army denied shelling the town; the two sides later agreed to a truce."
    assert extract(text).summary.negotiation


def test_refusal_is_no_agreement() -> None:
    assert "agreement_reached" not in modalities("Both sides refused to agree to a truce.")


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine exchanged 200 prisoners of war.",
        "Under the deal, the hostages will be released on Sunday.",
    ],
)
def test_reported_or_agreed_development_raises_flag(text: str) -> None:
    assert extract(text).summary.negotiation


def test_from_dict_without_modality_is_asserted() -> None:
    evidence = Evidence("Talks resumed.", 0, 14, 0, 14)
    old = {"event": "talks_held", "evidence": evidence.__dict__, "parties": [], "mediators": []}
    assert Negotiation.from_dict(old).modality == "asserted"
    new = {**old, "modality": "planned"}
    assert Negotiation.from_dict(new).modality == "planned"


@pytest.mark.parametrize(
    ("text", "event", "modality"),
    [
        # an offer only weighed is supposed, not accepted
        ("China rejected calls that it consider accepting the truce.", "agreement_reached",
         "hypothetical"),
        ("The rebels are considering accepting the truce.", "agreement_reached", "hypothetical"),
        ("The rebels accepted the truce.", "agreement_reached", "asserted"),
        # fighting dated by an agreement told in a long subordinate clause
        ("Clashes erupted several hours after the northern and southern militia leaders agreed "
         "on a truce.", "agreement_reached", "historical"),
    ],
)  # fmt: skip
def test_an_agreement_weighed_or_dating_other_news(text: str, event: str, modality: str) -> None:
    assert modalities(text)[event] == modality


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Militia denies truce",
            "The militia denied on Sunday that it had agreed to a truce with the army.",
        ),
        ("", "The rebels denied on Monday that they had signed a ceasefire deal with the junta."),
        (
            "Hopes rise for Darfur truce",
            "Hopes rose on Friday for a truce in Darfur as envoys met both sides.",
        ),
        ("", "Hopes faded on Tuesday for an extension of the truce between the two militias."),
    ],
)
def test_a_step_denied_or_only_hoped_for_raises_no_flag(title: str, text: str) -> None:
    assert not extract(text, title=title).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        # the denial is of something else, in a clause of its own
        "The army denied the raid, and the rebels agreed to a truce with the army on Sunday.",
        # hopes rose because of a step that took place
        "Hopes rose after the militias signed a ceasefire with the army on Friday.",
    ],
)
def test_a_denial_or_hope_beside_a_step_still_flags(text: str) -> None:
    assert extract(text).summary.negotiation
