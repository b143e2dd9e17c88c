"""Modality of negotiation events: only asserted developments raise the summary flag."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from wirewatch.metrics import Evidence, Negotiation


def _modalities(text: str) -> dict[str, str]:
    return {n.event: n.modality for n in extract(text).negotiations}


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
    ],
)  # fmt: skip
def test_modality(text: str, event: str, modality: str) -> None:
    assert _modalities(text).get(event) == modality


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded the release of all detainees.",
        "If the deal holds, hostages would be released on Sunday.",
        "A weeklong cease-fire last month saw 105 hostages freed.",
        "Rangers violated the ceasefire with heavy firing on border posts.",
    ],
)
def test_no_new_development_no_flag(text: str) -> None:
    result = extract(text)
    assert result.negotiations, "the event is still reported"
    assert not result.summary.negotiation


def test_refusal_is_no_agreement() -> None:
    assert "agreement_reached" not in _modalities("Both sides refused to agree to a truce.")


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
