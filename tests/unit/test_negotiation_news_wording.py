"""Negotiation developments in everyday wire wording, and the fighting text that only names one.

The sentences are the project's own, written to pin each wording; accuracy on real text is
measured by ``bench/accuracy_negotiation.py``, not here.
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _events(text: str) -> set[str]:
    return {n.event for n in extract(text).negotiations}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Peace talks between the government and rebels got under way in Arusha.", "talks_held"),
        ("A truce between the army and the militia took effect at midnight.", "ceasefire_started"),
        ("The ceasefire largely held overnight, residents said.", "ceasefire_started"),
        ("The truce appeared to be holding on its second day.", "ceasefire_started"),
        ("The ceasefire between the two states is in place, officials said.", "ceasefire_started"),
        ("Both sides announced a ceasefire on Saturday evening.", "ceasefire_started"),
        ("The junta declared a unilateral truce after the earthquake.", "ceasefire_started"),
        ("Delegations met in Geneva for a peace conference.", "talks_held"),
        ("A peace dialogue between the two clans opened in the district capital.", "talks_held"),
        ("Mediators are negotiating a ceasefire between the two groups.", "talks_held"),
        ("Qatar has been mediating between the two sides since March.", "talks_held"),
        ("The two neighbours agreed a ceasefire brokered by their allies.", "agreement_reached"),
        ("The warring parties have agreed a 72-hour truce.", "agreement_reached"),
        ("The rebels and the army signed a declaration committing to protect civilians.",
         "agreement_reached"),
        ("The two governments initialled a peace agreement in the capital.", "agreement_reached"),
        ("Both leaders initialed a peace treaty at the ceremony.", "agreement_reached"),
        ("The sides agreed to a permanent cessation of hostilities.", "agreement_reached"),
        ("Envoys hammered out a deal on the exchange of prisoners.", "agreement_reached"),
        ("Ceasefire agreement reached after marathon talks.", "agreement_reached"),
        ("The group freed Jane Doe, the last foreign hostage it held.", "hostage_release"),
        ("The government releases 40 political prisoners", "prisoner_release"),
        ("Militia frees abducted traders after talks with elders", "hostage_release"),
        ("The group released two foreign nationals in a prisoner swap.", "hostage_exchange"),
        ("The rebels handed over 12 captured soldiers to the ICRC.", "hostage_release"),
        ("Under the deal, 1,000 prisoners released within a week.", "prisoner_release"),
        ("Coastal truce takes hold", "ceasefire_started"),
        ("A ceasefire is now in effect across the country.", "ceasefire_started"),
        ("The government and the guerrillas resume peace talks in Havana", "talks_held"),
        ("The regional bloc hosted talks between the rival leaders.", "talks_held"),
        ("The parties reached consensus on a power-sharing arrangement.", "agreement_reached"),
        ("Both sides committed to a cessation of hostilities.", "agreement_reached"),
        ("The ceasefire deal was approved by the cabinet.", "agreement_reached"),
        ("The agreement, signed on Friday, ends three years of fighting.", "agreement_reached"),
        ("The two communities made peace after elders mediated.", "agreement_reached"),
        ("Five Maoist cadres surrendered before the district police chief.", "surrender"),
        ("Twelve guerrillas surrendered on Monday.", "surrender"),
        ("Government and rebel delegations met in the lakeside town on Friday.", "talks_held"),
        ("Delegates from both sides met in Geneva on Monday.", "talks_held"),
        ("Captured soldiers returned home in the latest swap.", "hostage_exchange"),
        ("Five hostages were returned to their families on Thursday.", "hostage_release"),
        ("The chiefs secured their release after two days of talks.", "hostage_release"),
        ("Hundreds of fighters handed in their weapons under the peace deal.", "surrender"),
        ("The militia and the army have observed a truce since Friday.", "ceasefire_started"),
        ("The two leaders agreed to de-escalate after a phone call.", "agreement_reached"),
    ],
)  # fmt: skip
def test_news_wordings(text: str, event: str) -> None:
    assert event in _events(text)
    assert extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        "The truce has not held, and shelling resumed at dawn.",
        "The army declared the ceasefire over after the ambush.",
        "Hundreds marched in protest against the border agreement signed last year.",
        "Families rallied outside parliament against the accord signed between the parties.",
        "The UN envoy called for a cessation of hostilities.",
        "Shelling continued despite the ceasefire.",
        "Workers struck over the failure to implement a pact signed with the ministry.",
        "The prisoners were transferred to another jail.",
        "Two goats were returned in exchange for ransom.",
        "The envoy called on both sides to respect the truce.",
        "The group released a video of three hostages on Saturday.",
        "Police secured the release of the kidnapped trader in a raid.",
    ],
)
def test_fighting_and_protests_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


# Headlines and lead sentences as wires write them: present tense, no article, no auxiliary.
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Cairo talks to resume on Sunday", "talks_planned"),
        ("Negotiations will resume in Doha after the holiday.", "talks_planned"),
        ("Rival leaders to meet in Nairobi for peace talks", "talks_planned"),
        ("Peace talks open in the lakeside town", "talks_held"),
        ("Talks between the two capitals resume in Istanbul", "talks_held"),
        ("Delegations arrive in Jeddah for ceasefire talks", "talks_held"),
        ("The envoys met in Muscat for indirect talks.", "talks_held"),
        ("Security Council adopts resolution demanding an immediate truce", "vote_adopted"),
        ("Russia blocks draft resolution on the corridor", "vote_vetoed"),
        ("A veto blocked the text for the third time.", "vote_vetoed"),
        ("Neighbours agree on border deal after decades of dispute", "agreement_reached"),
        ("Qatar brokers truce between army and militia", "agreement_reached"),
        ("Kinshasa and rebels seal peace pact in Doha", "agreement_reached"),
        ("Cabinet approves hostage deal", "agreement_reached"),
        ("The two sides agree to extend the truce by a week", "truce_extended"),
        ("Truce extended by three days", "truce_extended"),
        ("President announces ceasefire with the eastern rebels", "ceasefire_started"),
        ("A nationwide ceasefire was declared on Sunday.", "ceasefire_started"),
        ("Coastal truce goes into effect at noon", "ceasefire_started"),
        ("Rebels release crew of hijacked tanker", "hostage_release"),
        ("Aid workers set free by their captors after a month", "hostage_release"),
        ("The two armies trade prisoners at the border", "hostage_exchange"),
        ("Militiamen lay down arms in the north", "surrender"),
        ("Mediators presents new ceasefire plan", "proposal_made"),
        ("A fresh plan is on the table, envoys say", "proposal_made"),
        ("The army brings back 40 soldiers from captivity", "hostage_release"),
        ("Sixty prisoners of war came home on Saturday.", "hostage_release"),
        ("Both sides agree POW swap", "hostage_exchange"),
        ("Deal to free the captives agreed", "agreement_reached"),
        ("Parliament backs border deal", "agreement_reached"),
        ("Guns fell silent along the front line at dawn.", "ceasefire_started"),
        ("Junta and ethnic army reach truce in the hills", "agreement_reached"),
        ("Government and insurgents sign final peace pact", "agreement_reached"),
        ("Both neighbours agree on maritime boundary", "agreement_reached"),
        ("The truce enters its third week", "ceasefire_started"),
        ("The warring sides meet in the port city", "talks_held"),
        ("Negotiators make progress on the prisoner deal", "talks_held"),
        ("Rebels free kidnapped engineers", "hostage_release"),
        ("Militia frees 12 soldiers captured in the border clash", "hostage_release"),
        ("The abducted pupils have been freed, officials said.", "hostage_release"),
        ("Kidnapped passengers regain freedom", "hostage_release"),
        ("The government sends a team to Nairobi for talks", "talks_held"),
        ("A rebel delegation in Kampala for ceasefire talks", "talks_held"),
        ("The border accord comes into force", "agreement_reached"),
        ("The militia agrees to join peace talks", "agreement_reached"),
        ("The two sides agreed in principle on Sunday.", "agreement_reached"),
        ("Council votes to back the ceasefire plan", "vote_adopted"),
        ("The Assembly votes overwhelmingly for a truce in the north", "vote_adopted"),
        ("Cabinet votes to approve prisoner deal", "agreement_reached"),
        ("The truce, now in its fifth day, is holding.", "ceasefire_started"),
    ],
)  # fmt: skip
def test_headline_wordings(text: str, event: str) -> None:
    assert event in _events(text)
    assert extract(text).summary.negotiation


# Fighting, stalls and rescues that name talks, a truce or hostages: no development.
@pytest.mark.parametrize(
    "text",
    [
        "Strikes continue as truce talks resume in Cairo",
        "Shelling went on despite the Qatar-brokered truce",
        "Talks could resume next week, a diplomat said.",
        "The sides must agree on a deal before the deadline.",
        "The group says it has not received a new proposal.",
        "Commandos stormed the compound and freed six hostages.",
        "The crowd stormed the prison and freed hundreds of inmates.",
        "Fighters refuse to lay down arms",
        "Air strikes deal a blow to truce hopes",
        "Ceasefire violated hours after it began",
        "The army launched a hostage release operation near the border.",
        "Protesters blocked the road outside parliament.",
        "The accord, signed in 2015, is now in tatters.",
        "Relatives urge the cabinet to accept the deal.",
        "The crowd fell silent as the names were read.",
        "Guards returned the prisoners to their cells.",
        "The minister said the state will not release the prisoners before the vote.",
        "The militia refused to free the captives.",
        "A freed hostage described months in a tunnel.",
        "Three freed captives were treated in hospital.",
        "Police released two men detained over the march.",
        "Free speech activists detained in the capital",
        "The inmates were freed on bail pending trial.",
        "Soldiers killed the kidnappers and freed the hostages.",
        "The hostages were freed in a special forces operation.",
        "The gang released a video of the kidnapped engineers.",
        "Villagers said the men were kidnapped and released hours later.",
        "Mediators are meeting to reach a deal on the corridor.",
        "The accord could take effect next month.",
    ],
)
def test_fighting_stalls_and_rescues_raise_no_flag(text: str) -> None:
    assert not extract(text).summary.negotiation


def test_a_release_told_as_a_verb_still_counts() -> None:
    assert extract("The released hostages were handed to the Red Cross.").summary.negotiation
    assert extract("The group has released three hostages.").summary.negotiation
    # forces and raids named before a release do not make it a rescue
    text = "Government forces shelled the town overnight, and the rebels later freed two hostages."
    assert extract(text).summary.negotiation
    text = "The militia freed two hostages, a day after a raid on its camp."
    assert extract(text).summary.negotiation


def test_a_development_only_in_the_headline_raises_the_flag() -> None:
    title = "Rival militias agree to extend truce"
    result = extract("Elders announced it after a week of shuttle diplomacy.", title=title)
    assert result.summary.negotiation
    head = [n for n in result.negotiations if n.evidence.part == "title"]
    assert {n.event for n in head} == {"agreement_reached", "truce_extended"}
    assert all(title[n.evidence.match_start : n.evidence.match_end] for n in head)
    assert head[0].evidence.sentence == title


def test_a_headline_event_the_body_restates_is_the_body_s() -> None:
    result = extract(
        "The two sides agreed to a ceasefire on Friday.", title="Sides agree to ceasefire"
    )
    assert [n.evidence.part for n in result.negotiations] == [None]


def test_a_fighting_headline_raises_no_flag() -> None:
    result = extract(
        "Shelling hit the eastern district overnight.", title="Strikes go on despite truce"
    )
    assert not result.summary.negotiation
