"""Parties and mediators for any conflict: listed states, groups and bodies, and unknown actors."""

from __future__ import annotations

from consumers.extraction import extract
from consumers.extraction.actors import names_listed, sides, states_named


def _sides(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    talks = extract(text).negotiations
    assert talks, text
    return talks[0].parties, talks[0].mediators


def test_unknown_groups_between() -> None:
    parties, _ = _sides("A truce was signed between the Pokot and the Marakwet on Monday.")
    assert {"Pokot", "Marakwet"} <= set(parties)


def test_unknown_subject_of_the_verb() -> None:
    parties, mediators = _sides(
        "The Kivu Liberation Front signed a ceasefire in talks mediated by Angola."
    )
    assert "Kivu Liberation Front" in parties
    assert "Angola" in mediators


def test_iso_states_and_a_broker() -> None:
    parties, mediators = _sides(
        "Armenia and Azerbaijan exchanged prisoners in a deal brokered by the European Union."
    )
    assert {"Armenia", "Azerbaijan"} <= set(parties)
    assert "European Union" in mediators


def test_armed_group_alias() -> None:
    parties, _ = _sides("The government and the FARC-EP signed a peace agreement in Havana.")
    assert "FARC" in parties


def test_short_alias_needs_its_case() -> None:
    parties, mediators = sides("Talks with us began in Geneva.", 0)
    assert "United States" not in parties + mediators


def test_names_listed_finds_states_and_groups_in_lower_case() -> None:
    assert names_listed("talks between egypt and hamas resumed")
    assert names_listed("the rapid support forces and the army met")
    # all-capital aliases need their capitals: "us" and "is" are words in lower case
    assert not names_listed("let us see what is planned")
    assert not names_listed("the chadwick family signed")  # a name inside a word


def test_a_state_inside_a_longer_name_is_not_a_party_of_its_own() -> None:
    parties, _ = _sides("South Sudan and the rebels signed a peace agreement in Juba on Monday.")
    assert parties == ("South Sudan",)
    parties, _ = _sides("Equatorial Guinea and Gabon agreed to a truce over the islands.")
    assert set(parties) == {"Equatorial Guinea", "Gabon"}


def test_both_states_when_each_is_named() -> None:
    parties, _ = _sides("Sudan and South Sudan signed an oil agreement to end their border war.")
    assert {"Sudan", "South Sudan"} <= set(parties)


def test_states_named_leaves_out_the_state_inside_a_longer_name() -> None:
    assert states_named("south sudan's leaders met the rebels") == {"South Sudan"}
    assert states_named("sudan and south sudan met") == {"Sudan", "South Sudan"}
