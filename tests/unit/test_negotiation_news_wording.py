"""Negotiation developments in everyday wire wording, and the fighting text that only names one.

The sentences are the project's own, written to pin each wording; accuracy on real text is
measured by ``bench/accuracy_negotiation.py``, not here.
"""

from __future__ import annotations

import re

import pytest

from consumers.extraction import extract, pipeline


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
        ("Council fails to adopt the corridor text after a Russian veto", "vote_vetoed"),
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
        # talks that only go on (talks resumed now are a fresh step:
        # test_talks_begun_in_an_as_clause)
        "Strikes continue as truce talks drag on in Cairo",
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


# Every development the rules know, in each form wires write it: headline present tense, no
# article, "to"/"set to" future, perfect, passive with or without its auxiliary, a long subject
# ("talks between X and Y ..."), trailing attribution (", officials say", "- sources") and a
# colon headline ("Delta: truce extended").
HEADLINE_MATRIX = {
    "agreement": {
        "present": ("Herder and farmer militias agree truce", "agreement_reached"),
        "no article": ("Army reaches deal with rebel alliance", "agreement_reached"),
        "to-future": ("Rival factions to agree power-sharing deal", "agreement_reached"),
        "perfect": ("The two juntas have reached an accord", "agreement_reached"),
        "passive": ("Border deal reached after all-night session", "agreement_reached"),
        "long subject": (
            "Rebels from the northern hills and the army agree truce",
            "agreement_reached",
        ),
        "attribution": ("Clans agree to stop revenge attacks, elders say", "agreement_reached"),
        "dash": ("Militias reach truce in the delta - sources", "agreement_reached"),
        "colon": ("Delta: truce deal agreed", "agreement_reached"),
        "accept, no article": ("Rebels accept truce proposal", "agreement_reached"),
        "agree to, any aim": ("Warring sides agree to protect aid convoys", "agreement_reached"),
        "lead, dated": (
            "The neighbours agreed on Monday to an immediate and lasting truce.",
            "agreement_reached",
        ),
    },
    "proposal": {
        "present": ("Mediators propose new truce plan", "proposal_made"),
        "rejected, counter-offer": ("The cabinet dismissed the counter-offer", "proposal_rejected"),
        "rejected, phrasal": ("The rebels turned the offer down", "proposal_rejected"),
    },
    "signing": {
        "present": ("Junta and ethnic army sign ceasefire accord", "agreement_reached"),
        "no article": (
            "Rebels sign memorandum of understanding with government",
            "agreement_reached",
        ),
        "set-to": ("Warring sides set to sign peace treaty", "agreement_reached"),
        "to-future": (
            "Rebel alliance to sign declaration of principles in the capital",
            "agreement_reached",
        ),
        "perfect": ("The parties have signed a protocol on prisoners", "agreement_reached"),
        "passive": ("Peace treaty signed in the lakeside town", "agreement_reached"),
        "passive, to-future": ("Peace deal to be signed on Monday", "agreement_reached"),
        "attribution": ("Truce accord signed, mediators say", "agreement_reached"),
        "colon": ("Highlands: peace accord signed", "agreement_reached"),
    },
    "announcement": {
        "present": ("Both armies announce ceasefire", "ceasefire_started"),
        "singular": ("Junta declares unilateral truce", "ceasefire_started"),
        "perfect": ("The rebels have declared a ceasefire", "ceasefire_started"),
        "passive": ("Truce declared in the eastern provinces", "ceasefire_started"),
        "attribution": ("Ceasefire announced, state radio says", "ceasefire_started"),
        "colon": ("North: ceasefire declared", "ceasefire_started"),
        "deal": ("Mediators announce deal on captives", "agreement_reached"),
    },
    "truce in force": {
        "present": ("Ceasefire takes effect across the delta", "ceasefire_started"),
        "holds": ("Truce holds for a third day", "ceasefire_started"),
        "to-future": ("Truce to take effect at dawn", "ceasefire_started"),
        "perfect": ("The ceasefire has held since Sunday", "ceasefire_started"),
        "attribution": ("Ceasefire holding, monitors say", "ceasefire_started"),
        "dated clause": ("A truce agreed on Friday is holding, residents say", "ceasefire_started"),
        "dated clause, past": (
            "A ceasefire agreed last week is holding, villagers say",
            "ceasefire_started",
        ),
    },
    "truce extended": {
        "bare passive": ("Truce extended", "truce_extended"),
        "attribution": ("Truce extended, mediators say", "truce_extended"),
        "dash": ("Ceasefire extended - officials", "truce_extended"),
        "colon": ("Delta: ceasefire extended", "truce_extended"),
        "present": ("Rival clans extend truce by a week", "truce_extended"),
        "perfect": ("The sides have extended the ceasefire", "truce_extended"),
        "to-future": ("Ceasefire to be extended by two days", "truce_extended"),
        "set-to": ("Ceasefire set to be extended", "truce_extended"),
    },
    "talks": {
        "present": ("Rebels and government resume talks", "talks_held"),
        "no article": ("Peace talks open in the lakeside town", "talks_held"),
        "wrap up": ("Envoys wrap up talks in the port city", "talks_held"),
        "progress": ("Negotiators in the capital make progress on truce", "talks_held"),
        "long subject": ("Talks between the junta and the ethnic armies resume", "talks_held"),
        "long subject, to-future": (
            "Talks between the army's generals and the rebel alliance to resume next week",
            "talks_planned",
        ),
        "to-future": ("Rivals to hold talks in the capital", "talks_planned"),
        "join": ("Rebel group joins peace talks", "talks_held"),
        "join, plural": ("Armed groups join talks in the capital", "talks_held"),
        "perfect": ("Talks with the rebels have resumed in the port city", "talks_held"),
        "passive": ("Peace talks held in the port city", "talks_held"),
        "under way": ("Border talks under way in the port city", "talks_held"),
        "attribution": ("Truce talks resume, diplomats say", "talks_held"),
        "colon": ("Port city: peace talks resume", "talks_held"),
    },
    "release": {
        "present": ("Rebels free 12 hostages", "hostage_release"),
        "people held": ("Militia frees two aid workers held for months", "hostage_release"),
        "people held, passive": (
            "Three nurses held since March were freed on Sunday",
            "hostage_release",
        ),
        "to-future": ("Rebels to free captives on Sunday", "hostage_release"),
        "set-to": ("Militia set to release prisoners", "prisoner_release"),
        "perfect": ("Prisoners have been freed", "prisoner_release"),
        "passive": ("Twelve hostages freed", "hostage_release"),
        "home": ("Three hostages return home", "hostage_release"),
        "handed over by": (
            "The army received two hostages handed over by the militia",
            "hostage_release",
        ),
        "attribution": ("Twelve hostages freed, police say", "hostage_release"),
        "colon": ("Captives released: Red Cross", "hostage_release"),
        "from jails": ("The state freed 40 women and teenagers from its jails", "prisoner_release"),
        "mediation": ("Government returns six children under mediation", "hostage_release"),
    },
    "swap": {
        "present": ("The sides swap prisoners", "hostage_exchange"),
        "captured": ("Rivals swap 100 captured soldiers", "hostage_exchange"),
        "perfect": ("The two armies have exchanged prisoners of war", "hostage_exchange"),
        "passive": ("Prisoners exchanged at the border crossing", "hostage_exchange"),
        "noun": ("Prisoner swap completed, officials say", "hostage_exchange"),
    },
    "surrender": {
        "present plural": ("Fifty fighters surrender", "surrender"),
        "present singular": ("Rebel commander surrenders", "surrender"),
        "group": ("Armed group surrenders in the east", "surrender"),
        "perfect": ("Hundreds of fighters have surrendered", "surrender"),
        "arms, present": ("Armed group lays down arms", "surrender"),
        "weapons, present": ("Rebels hand in their weapons", "surrender"),
        "attribution": ("Twenty militants surrender, police say", "surrender"),
    },
    "resolution": {
        "present": ("Security Council adopts resolution", "vote_adopted"),
        "set-to": ("Council set to adopt truce resolution", "vote_adopted"),
        "passive": ("Resolution adopted by the Council", "vote_adopted"),
        "no article": ("Ceasefire resolution adopted", "vote_adopted"),
        "attribution": ("Resolution passed, diplomats say", "vote_adopted"),
        "tally": ("The Assembly backed the motion by 120 votes to 9", "vote_adopted"),
        "veto": ("Russia blocked the text with its veto", "vote_vetoed"),
        "postponed": ("Security Council postpones vote", "vote_postponed"),
        "postponed, passive": ("Vote on resolution postponed", "vote_postponed"),
    },
    "mediation": {
        "present": ("Neighbour mediates between rebels and government", "talks_held"),
        "talks": ("Qatar mediates talks between the rivals", "talks_held"),
        "release": ("Hostages freed under Qatari mediation", "hostage_release"),
        "meeting": ("The envoy met rebel leaders in the capital to work out a deal", "talks_held"),
    },
}


@pytest.mark.parametrize(
    ("text", "event"),
    [pytest.param(text, event, id=f"{development}: {form}")
     for development, forms in HEADLINE_MATRIX.items()
     for form, (text, event) in forms.items()],
)  # fmt: skip
def test_headline_grammar_matrix(text: str, event: str) -> None:
    assert event in _events(text)
    assert extract(text).summary.negotiation


# The same words in fighting, calls, protests, stalls, crime and labour news: no development.
@pytest.mark.parametrize(
    "text",
    [
        "Strikes continue despite truce",
        "Shelling goes on despite the ceasefire, residents say",
        "Talks collapse",
        "Talks between the army and the rebels collapse",
        "Talks between the two sides broke down as fighting resumed",
        "UN chief calls for a ceasefire",
        "Hostage families protest demanding a deal",
        "Relatives march to demand the release of captives",
        "Ceasefire violated",
        "Truce violated hours after it began",
        "No deal yet, officials say",
        "Hopes fade for a truce",
        "Fighting rages as talks stall in the capital",
        "Envoy presses rivals to agree ceasefire",
        "UN urges rebels to join talks",
        "Rebels want talks to resume",
        "Rebels refuse to sign deal",
        "Freed hostage speaks of ordeal",
        "Released prisoners describe abuse",
        "Release of hostages postponed",
        "Army exchanged fire with soldiers from the militia",
        "The attacker later surrendered to the police",
        "He surrendered the car keys to the robbers",
        "The government rejected their demands for an amnesty",
        "Union and employers reach deal on wages",
        "Protesters rally against a new government proposal",
        "Curfew extended in the capital",
        "Army announces offensive in the north",
        "Troops free 40 hostages in raid",
        "Court frees opposition leader on bail",
        "The deal was to be signed on Monday but the talks collapsed",
        "Police hand in weapons at the armoury",
        "The group says it cannot accept the deal",
        "The junta won't agree to a ceasefire",
        "The neighbours exchange accusations over the captives",
        "Rivals trade barbs over prisoners",
        "Rebels refuse to join talks",
        "The junta has no plans to hold talks",
        "The two defendants accepted plea deals",
        "They were glad to accept his offer of a lift",
        "The group says no hostages will be released before the war ends",
        "Shells hit the town hours after ceasefire announced",
    ],
)
def test_headline_grammar_negatives(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    ("title", "text", "event"),
    [
        # a state's political side meets an armed side: a round of talks, or one to come
        ("Leader meets insurgent chief", "The president met the insurgent commander in Arusha.",
         "talks_held"),
        ("Junta meets armed groups", "The junta met leaders of four armed groups on Monday.",
         "talks_held"),
        ("Envoy sees Houthis", "The UN envoy met Houthi officials in the capital on Sunday.",
         "talks_held"),
        ("Separatists to meet officials", "The separatists will meet government officials in Oslo.",
         "talks_planned"),
        ("Guerrillas, government to meet", "The guerrillas and the government will meet next week.",
         "talks_planned"),
    ],
)  # fmt: skip
def test_a_state_meeting_an_armed_side_holds_talks(title: str, text: str, event: str) -> None:
    result = extract(text, title=title)
    assert result.summary.negotiation
    assert event in {n.event for n in result.negotiations}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # near misses: the armed side is no party to the meeting, or the meeting is a fight
        ("Minister sees families", "The minister met families of guards killed by insurgents."),
        ("Leader visits wounded", "The president met survivors of the separatist raid."),
        ("Premier meets victims", "The premier met relatives of people held by a militia."),
        ("Generals confer", "The minister met his generals after the guerrillas struck."),
        ("Rebels choose chief", "Insurgent commanders met in the forest to choose a new leader."),
        ("Premier sees dissenters", "The prime minister met rebel MPs over the tax bill."),
    ],
)
def test_a_meeting_beside_an_armed_side_is_no_talks(title: str, text: str) -> None:
    assert not extract(text, title=title).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        # people taken who come home, or whom their captors hand back
        "Nine farmers abducted by bandits returned to their families on Monday.",
        "The trawler crew seized by the rival coastguard arrived home safely.",
        "Eleven teachers kidnapped in the north have returned home, the governor said.",
        "The militia handed back seven border guards it had captured in the clashes.",
        "The navy sent back three captured fishermen to the neighbouring state.",
        "The ministry brought home 40 soldiers held by the rival army since the spring.",
    ],
)
def test_captives_who_come_home_or_are_handed_back_are_released(text: str) -> None:
    result = extract(text)
    assert result.summary.negotiation
    assert "hostage_release" in {n.event for n in result.negotiations}


@pytest.mark.parametrize(
    "text",
    [
        # near misses: an escape, an evacuation, troops sent to the front, goods, a photo
        "Pupils kidnapped by gunmen who escaped from the camp returned home on Friday.",
        "The ministry sent back 200 citizens evacuated from the war zone to their towns.",
        "The army sent back 300 soldiers to the front after a week of rest.",
        "Cars seized by customs at the port were returned to their owners.",
        "The players captured in the photo came home with the trophy.",
        "The team brought home the cup held in the museum since 1990.",
        "The air force brought home 300 citizens stranded in the war zone.",
    ],
)
def test_homecomings_and_handbacks_of_no_captives_are_no_release(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    "text",
    [
        # an armed side that stops fighting of its own accord: a unilateral truce
        "The insurgents declared a unilateral halt to attacks for the holy month.",
        "The separatist group announced a permanent end to its armed campaign.",
        "The guerrillas called off their armed struggle and entered politics.",
        "The militia announced it would stop its attacks on the pipeline.",
        "The rebel chief ordered his fighters to end their attacks from midnight.",
    ],
)
def test_a_side_halting_its_attacks_starts_a_truce(text: str) -> None:
    result = extract(text)
    assert result.summary.negotiation
    assert "ceasefire_started" in {n.event for n in result.negotiations}


@pytest.mark.parametrize(
    "text",
    [
        # near misses: flights, a protest or a search stopped, a truce ended, a condition
        "The carrier announced an end to its flights to the capital.",
        "The union called off its protest after talks with the mayor.",
        "Police announced an end to their search for the missing climber.",
        "The rebels announced an end to the truce on Monday.",
        "The rebels said they would end their attacks if the army left the valley.",
    ],
)
def test_halts_of_other_things_are_no_truce(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an armed group's fighters give up their arms: a surrender
        ("Guerrillas in the eastern hills handed over 300 weapons to the monitors.", True),
        ("Insurgents in the northern province began handing in their rifles on Monday.", True),
        ("Militia fighters turned in their guns at the cantonment camp.", True),
        # near misses: a gun amnesty, soldiers passing weapons on, a habit given up
        ("Residents handed in 500 guns during a police amnesty in the city.", False),
        ("Soldiers handed over 200 weapons to the new unit at the base.", False),
        ("The militants gave up their smoking habit in prison.", False),
    ],
)
def test_fighters_giving_up_their_arms_surrender(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an envoy or a mediator who travels to meet or confer in a dispute: talks held
        ("The UN envoy flew to the rebel-held town on Sunday to meet insurgent leaders.", True),
        ("A mediator arrived in the capital to discuss the border dispute with both sides.", True),
        ("The envoy visited both capitals this week to seek a way to end the war.", True),
        ("The mediator arrived in the capital for contacts with the warring parties.", True),
        ("The mediator arrived in the capital for contacts with the striking unions.", False),
        ("Insurgents shot an envoy who arrived in the town to meet the elders.", False),
        # near misses: no dispute, another domain, a private trip
        ("The climate envoy arrived in Beijing to discuss emissions cuts.", False),
        ("The trade envoy flew to Tokyo to discuss tariffs on cars.", False),
        ("The diplomat flew to Spain to meet his family for the holidays.", False),
    ],
)
def test_an_envoy_travelling_to_confer_in_a_dispute_holds_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "flag"),
    [
        # a headline's present "meet in" between two sides at odds: talks held
        ("Israeli, Palestinian leaders meet in Cairo over prisoners", True),
        ("Generals of the two Koreas meet at border over detained crews", True),
        # near misses: allies, a plan to meet, a sports meeting
        ("Allied leaders meet in Paris over the Ukraine crisis", False),
        ("Israeli, Palestinian leaders to meet in Cairo over prisoners", True),
        ("Brazilian and Argentine teams meet in the final", False),
    ],
)
def test_a_headline_meet_in_is_a_meeting(title: str, flag: bool) -> None:
    assert extract(title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a state's side that meets an armed side named by an acronym or a long insurgency's name
        ("Turkish officials met the imprisoned PKK leader on the island on Monday.", True),
        ("The president met Tamil Tiger leaders in the northern town.", True),
        ("Government envoys met MILF commanders in Kuala Lumpur.", True),
        # near misses: a car maker, the state's own defence force
        ("The minister met Kia executives at the motor show.", False),
        ("The premier met ADF officers at the air base.", False),
    ],
)
def test_meeting_an_armed_side_named_by_its_acronym(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # the date of the captivity, told in a phrase after its verb, does not date the release
        ("The rebels freed 12 soldiers captured in an ambush last month.", "asserted"),
        ("The militia released two engineers kidnapped by its men in 2021.", "asserted"),
        # near miss: the release itself dated
        ("The rebels freed 12 soldiers last month.", "historical"),
    ],
)
def test_a_captivity_dated_after_a_phrase_leaves_the_release_new(text: str, modality: str) -> None:
    found = [n for n in extract(text).negotiations if n.event == "hostage_release"]
    assert found and found[0].modality == modality


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # fighters who disarm or demobilise, or go over to the state's side: a surrender
        ("More than 5,000 fighters have disarmed under the accord.", True),
        ("Militia fighters demobilise in the south", True),
        ("A rebel commander defected to the government with 80 of his fighters.", True),
        ("The guerrillas handed over their last weapons to the monitors.", True),
        # near misses: disarming others, a plan to disarm, a lawmaker changing party
        ("Militants disarmed the guards and stormed the depot.", False),
        ("The rebels are to disarm under the plan.", False),
        ("Two members defected to the opposition party on Tuesday.", False),
    ],
)
def test_fighters_who_disarm_or_defect_surrender(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # pirates and hijackers who free a ship's crew are captors
        ("Pirates freed the crew of the cargo ship after a ransom was paid.", True),
        ("Hijackers released the passengers of the airliner on Sunday.", True),
        # near miss: pirates freed by a court
        ("The pirates were released on bail by the court.", False),
    ],
)
def test_pirates_freeing_a_crew_release_hostages(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "flag"),
    [
        # a headline's "UN" for its Council, right before what the vote does
        ("UN approves peacekeepers for the border region", True),
        ("U.N. authorizes force to protect civilians in the east", True),
        # near misses: an official of the UN, an aid plan
        ("UN chief approves new office in Geneva", False),
        ("UN backs away from aid plan", False),
    ],
)
def test_a_headline_un_vote_told_by_its_effect(title: str, flag: bool) -> None:
    assert extract(title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an armed side that stands down or holds its fire: a truce begins
        ("Rival militias stood down in the capital after the talks.", True),
        ("Insurgent fighters held their fire for a second day.", True),
        ("The cleric ordered his militia to stand down.", True),
        # near misses: police or troops, a refusal, a demand, a future
        ("Riot police stood down after the crowd dispersed.", False),
        ("Troops held their fire as the crowd approached.", False),
        ("The rebels refused to stand down.", False),
        ("The envoy urged the militias to stand down.", False),
    ],
)
def test_an_armed_side_standing_down_starts_a_truce(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a peace or reconciliation conference opened or hosted by a side: talks held
        (
            "The interim government opened a national reconciliation conference with clan elders.",
            True,
        ),
        ("The regional bloc hosted a peace conference for the warring factions.", True),
        # near miss: a conference on another subject
        ("The ministry opened a national conference on road safety.", False),
    ],
)
def test_a_reconciliation_conference_opened_holds_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # captives let go by their captors, or told home: a release
        ("Two drivers taken hostage on the highway were let go by their captors.", True),
        ("The engineer was released on Friday by the guerrillas.", True),
        ("Forty pupils abducted from their school were returned to their families.", True),
        ("Sixty soldiers held in enemy prisons came home on Friday.", True),
        # near misses: a worker let go by a firm, pupils sent home by a school
        ("Two drivers were let go by their employer after the strike.", False),
        ("Pupils from the school were sent home to their families early.", False),
    ],
)
def test_captives_let_go_or_told_home_are_released(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # two sides of a standing dispute that met: talks held, no dispute word needed
        ("The foreign ministers of Armenia and Azerbaijan met in Vienna on Monday.", True),
        ("Leaders of India and Pakistan meet on summit sidelines", True),
        # near misses: a meeting denied, one that dates other news, teams, allies
        ("The leaders of Armenia and Azerbaijan haven't met since the summer.", False),
        ("Markets rose a day after the leaders of India and Pakistan met in Delhi.", False),
        ("India and Pakistan met in the World Cup final on Sunday.", False),
        ("Allies India and the United States met in Delhi.", False),
    ],
)
def test_two_rivals_who_meet_hold_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side that halts its shelling or rocket fire, or ends years of fighting: a truce
        ("The militia announced a halt to rocket fire on the border towns.", True),
        ("The army declared a halt to its shelling of the old city.", True),
        ("The two movements declared an end to six years of fighting.", True),
        # near misses: unrest in a city, a halt to other things
        ("The mayor declared an end to the violence of the summer riots.", False),
        ("The airline announced a halt to flights over the region.", False),
    ],
)
def test_a_halt_to_shelling_or_rocket_fire_starts_a_truce(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # what two states buy, sell, build or fly to each other is no conflict's agreement
        (
            "Two capitals sign pipeline pact",
            "Kazakhstan signed a gas pact with China for a new pipeline on Monday.",
            False,
        ),
        (
            "Neighbours agree rail link",
            "Kenya and Tanzania signed a deal on Thursday to build a railway to the coast.",
            False,
        ),
        (
            "Arms sale agreed",
            "Brazil signed an arms sales agreement with France for four submarines.",
            False,
        ),
        (
            "Long-term partnership",
            "Iran and Venezuela signed a 20-year cooperation agreement on Saturday.",
            False,
        ),
        (
            "Holiday flights resume",
            "Egypt and Russia signed a deal on charter flights for tourists.",
            False,
        ),
        (
            "Crossings deal",
            "Greece and Turkey reached a deal on migrants crossing the Aegean.",
            False,
        ),
        (
            "Lender steps in",
            "Pakistan reached a staff-level agreement with the IMF on Wednesday.",
            False,
        ),
        # near misses: the same nouns beside a war or between rivals still count
        ("Truce deal", "The army and the rebels signed a truce deal near the oil fields.", True),
        ("Energy deal", "Russia and Ukraine agreed a deal to stop striking gas pipelines.", True),
    ],
)
def test_deals_of_trade_between_states_are_no_agreement(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # someone giving himself up to the police, the authorities or a court is justice
        ("A wanted cartel boss surrendered to the authorities in Sinaloa on Friday.", False),
        ("The runaway tycoon surrendered to the court on Tuesday morning.", False),
        ("A teenage arsonist surrendered to police after a night in the woods.", False),
        # near misses: fighters who give themselves up, to the police too
        ("Forty Maoist cadres surrendered to the police in the district on Monday.", True),
        ("Twelve rebels surrendered to the authorities with their rifles.", True),
    ],
)
def test_surrenders_to_justice_with_no_armed_side_are_none(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a state freeing people it jailed or detained is no captives' release
        (
            "Regime frees detained nuns",
            "The military government freed 30 detained nuns on Friday.",
            False,
        ),
        (
            "Reporters out of prison",
            "The government released three jailed reporters on Tuesday.",
            False,
        ),
        ("Students let go", "Authorities released 80 detained students after the march.", False),
        # near misses: an armed side's captives, or a second state's citizens
        ("Rebels let soldiers go", "The rebels freed 15 detained soldiers to the Red Cross.", True),
        (
            "Citizen comes home",
            "Iran released a detained French teacher after talks with France on Monday.",
            True,
        ),
    ],
)
def test_a_state_freeing_its_own_detainees_is_no_release(title: str, text: str, flag: bool) -> None:
    assert extract(text, title=title).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce someone hopes or wishes for is an aim, not a truce begun
        (
            "Aid agencies said they hoped a ceasefire would take hold in the valley by Friday.",
            False,
        ),
        ("The envoy said he was hoping that a truce in the enclave would come within days.", False),
        ("The cardinal said he hoped a truce could be reached in Darfur before Easter.", False),
        # near miss: a truce told as begun, that someone hopes will last
        ("Villagers hoped the truce, which began at dawn in Darfur, would hold.", True),
    ],
)
def test_a_truce_hoped_for_is_no_truce_begun(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a proposal made public, backed, confirmed or weighed by a side or a mediator
        ("The mediator disclosed the army's proposal on Friday.", True),
        ("The regional bloc has endorsed the road map drawn up by the two sides.", True),
        ("The army confirmed receipt of the proposal.", True),
        ("Rebel leaders were reviewing the government's offer on Sunday.", True),
        ("Insurgents studying framework put to them by the envoy", True),
        ("The premier outlined a ceasefire plan for the border region on Sunday.", True),
        # near misses: a plan of war or of the state, a proposal denied, or a study
        ("The general reveals plan to widen the offensive in the south", False),
        ("The ministry confirms plans to build a new airport", False),
        ("The rebels have not reviewed any proposal from the government", False),
        ("Students reviewing the framework for their exams protested", False),
    ],
)
def test_a_proposal_aired_endorsed_or_weighed_is_a_proposal(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a headline that asks is no step reported: a question word opens it, a mark closes it
        ("Will the rebels accept the new truce plan for Darfur?", False),
        ("Are the two Koreas close to a peace deal?", False),
        ("Is a hostage swap between the militia and the army near?", False),
        ("What is in the Sudan ceasefire proposal? Here is what we know.", False),
        ('"Can the Darfur truce talks resume?"', False),
        # near misses: a step reported, then a question; a question mark inside a statement
        ("The army and the rebels signed a truce in Darfur. Will it hold?", True),
        ("Rebels and army agree Darfur ceasefire: what comes next?", True),
    ],
)
def test_a_headline_question_is_no_development(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a mediator's or a side's work on a deal told as going on
        ("The mediator is continuing its efforts towards a truce in the north.", True),
        ("The envoy stepped up efforts towards a ceasefire agreement on Monday.", True),
        ("Mediators intensify efforts for prisoner deal", True),
        # near misses: work vowed (an aim), efforts for a release alone, efforts of a company
        ("Egypt vows to continue efforts to reach a truce", False),
        ("Tokyo steps up efforts to free a reporter held by gunmen", False),
        ("The airline continues efforts to reach a deal with its pilots", False),
    ],
)
def test_efforts_for_a_deal_told_as_going_on_are_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a headline that drops "is": the deal or truce told as not there, or as a condition
        ("Darfur truce deal still not close, rebel spokesman says", False),
        ("Yemen ceasefire talks not moving forward, envoy says", False),
        ("Aid agency says a ceasefire in Darfur must be lasting", False),
        ("Militia says a truce with the army should come first", False),
        ("Rebels say truce a must before any handover of the town", False),
        # near misses: "not only", and a condition on something else
        ("Darfur truce deal not only halts the fighting but opens the roads", True),
        ("Yemen truce deal in force; the UN says aid must now flow to Taiz", True),
    ],
)
def test_a_noun_told_as_not_there_or_as_a_condition_is_no_development(
    text: str, flag: bool
) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an envoy at the scene to close a deal, in a headline with no travel verb
        ("A minister in Amman to try to clinch ceasefire for the valley", True),
        ("Mediator in Doha to broker ceasefire between militias", True),
        ("Foreign minister in Ankara to finalise prisoner swap", True),
        # near misses: a call for a release, an envoy who will not broker a deal
        ("Relatives in the capital to press for release of the captives", False),
        ("The minister in Amman failed to broker a deal", False),
    ],
)
def test_an_envoy_at_the_scene_to_close_a_deal_holds_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a live page's label names its topic, no step: "<topic>: Live Updates"
        ("Sudan war and the Darfur truce plan: Live Updates", False),
        ("Yemen ceasefire talks - live", False),
        ("Darfur peace deal | Latest updates", False),
        # near miss: the label first, then the step it reports
        ("Live updates: Darfur truce deal reached by army and rebels", True),
    ],
)
def test_a_live_page_label_is_no_development(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a stance on a truce not yet in place (an indefinite one) is a call, as in a poll
        ("Most voters back a ceasefire in Darfur, poll finds", False),
        ("Britons favour an immediate ceasefire in Sudan", False),
        ("Two thirds of residents support a truce in Yemen, survey shows", False),
        # near misses: the truce in place that a side backs; a truce begun
        ("The rebels back the truce in Darfur, their commander says", True),
        ("A ceasefire in Darfur took effect on Monday", True),
    ],
)
def test_a_stance_for_a_truce_not_in_place_is_a_call(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce in a headline's opening "As ..." clause sets the scene for other news
        ("As truce holds, families in Darfur return to their villages", False),
        ("While the Yemen ceasefire is debated, aid convoys wait at the border", False),
        # near misses: the clause tells the truce begun; the truce is the news; the truce
        # after the opening clause
        ("As the Darfur truce took effect, families returned to their villages", True),
        ("The Darfur truce holds as families return to their villages", True),
        ("As families return to Darfur, the truce holds, officials say", True),
    ],
)
def test_a_truce_in_an_opening_as_clause_sets_the_scene(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a mediator reconsidering its part is a stall, no step in the talks
        ("Egypt reassessing role as mediator in Darfur truce talks", False),
        ("Norway reconsiders its role as broker of the Sudan peace talks", False),
        # near misses: a mediator's role confirmed; talks hosted
        ("Qatar confirms its role as mediator in Darfur truce talks with army and rebels", True),
        ("Egypt hosts Darfur truce talks between army and rebels", True),
    ],
)
def test_a_mediator_reconsidering_its_role_is_no_development(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # the swap only names the people it freed, the subject of what they tell afterwards
        ("Nurse released in prisoner exchange accuses her jailers of beatings", False),
        ("Pilot freed in a prisoner swap recounts months in a cellar", False),
        ("Marine freed in a prisoner swap speaks of his ordeal", False),
        # near misses: the release told as news; the swap made, then what the freed tell
        ("Sailors freed in prisoner swap return home to Odesa", True),
        ("Nurse released in prisoner exchange", True),
        ("The two armies swap prisoners; a freed nurse says she was beaten", True),
    ],
)
def test_a_captive_named_by_the_swap_that_freed_them_tells_no_release(
    text: str, flag: bool
) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a headline's "<people> vote to approve ..." with no council, assembly, UN or nations
        # named is an electorate's vote, no move between the sides
        ("Danes vote to approve tighter checks at the border", False),
        ("Chileans vote overwhelmingly to back a new charter", False),
        # near misses: the voters are a body of the sides or of states
        ("Council votes to back the Yemen truce plan", True),
        ("Dozens of nations vote to back the Yemen truce plan", True),
        ("UN votes to approve peacekeepers for Darfur", True),
    ],
)
def test_a_vote_to_approve_with_no_body_named_is_an_electorates(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a Council or Assembly text put to the vote, passive or active
        ("The Security Council resolution on the truce will be brought to a vote on Monday", True),
        ("The UN resolution on the war will be brought to a vote today", True),
        ("The Assembly is bringing the resolution to a vote on Tuesday", True),
        ("The Council puts the ceasefire resolution to a vote today", True),
        # near misses: a union's or a parliament's vote
        ("The union's pay offer will be put to a vote of members on Friday", False),
        ("Parliament will put the ceasefire motion to a vote on Monday", False),
    ],
)
def test_a_resolution_put_or_brought_to_a_vote_is_a_vote(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an envoy on the way to talks told with a progressive verb
        ("The spy chief is heading to Rome for ceasefire talks, an official says", True),
        ("The defence minister is heading to the region for ceasefire talks", True),
        # near misses: a trip for talks on trade, a trip for talks with no dispute named
        ("The minister is heading to Paris for trade talks", False),
        ("The president is flying to Beijing for talks", False),
    ],
)
def test_a_trip_to_talks_told_in_progress_is_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's answer to several offers, a headline's present tense
        ("The rebels respond to ceasefire proposals as the siege tightens", True),
        # near miss: proposals for a stadium, no negotiation
        ("The rebels respond to questions from reporters on proposals for a new stadium", False),
    ],
)
def test_a_response_to_truce_proposals_is_a_step(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # efforts for a deal told as going on after the noun
        ("Envoy says intense efforts are under way to close gaps in truce discussions", True),
        ("Mediators' efforts for a ceasefire deal ramp up in Doha", True),
        # near misses: efforts for a release alone, a labour deal
        ("Efforts to free the captive reporter ramp up", False),
        ("Efforts are under way to reach a deal with the striking pilots", False),
    ],
)
def test_efforts_for_a_deal_told_as_ramping_up_or_under_way_are_talks(
    text: str, flag: bool
) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # people once freed, named after a possessive or a preposition: no release
        ("The country's freed child hostages are haunted by their captivity", False),
        ("Friends of freed captives gather outside the hospital", False),
        # near misses: the same participle as a verb, and a return home under a deal
        ("The rebels freed hostages on Monday under the truce deal", True),
        ("The army's freed hostages return home under the truce deal", True),
    ],
)
def test_freed_captives_after_a_possessive_or_preposition_are_no_release(
    text: str, flag: bool
) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's terms for a deal to come: no development
        ("A rebel commander says the hostage deal must include a full withdrawal", False),
        ("The militia says a prisoner deal has to guarantee safe passage", False),
        # near misses: a deal reached, with its terms told after
        ("The rebels and the army agreed a hostage deal that must include a full withdrawal", True),
        ("Mediators say the sides reached a hostage deal on Monday", True),
    ],
)
def test_a_deal_told_by_what_it_must_include_is_a_condition(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce told as what something else needs: no truce begun
        ("The rebels say a ceasefire with the army is essential to reach the wounded", False),
        ("Ceasefire emerges as key to regional normalisation, diplomats say", False),
        # near misses: a truce begun, then its worth; talks at a crucial stage
        ("The ceasefire between the army and rebels took effect at dawn, key to the aid", True),
        ("Ceasefire talks at a crucial stage as the rebel delegation leaves the capital", True),
    ],
)
def test_a_truce_told_as_essential_or_key_to_something_is_no_truce(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a claim about a truce (who brokered it, whether it exists): no truce begun
        ("The president repeats his Armenia-Azerbaijan truce claim at a rally", False),
        ("Foreign minister rejects the US leader's Sudan ceasefire claims", False),
        # near misses: a truce begun, with a claim told beside it
        ("The army and the rebels agreed a ceasefire, a spokesman claims", True),
        ("A ceasefire between the army and the rebels took effect, officials said", True),
    ],
)
def test_a_claim_about_a_truce_is_no_truce(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # fighting that shakes or rattles a truce strains it: no truce begun
        ("Night-time shelling shakes the truce between the army and the rebels", False),
        ("Border clashes rattle the ceasefire between the two neighbours", False),
        ("Drone strikes have shaken the fragile truce in the north", False),
        # near miss: a truce begun, with the shaking told of something else
        ("A truce between the army and rebels took effect as aftershocks shook the city", True),
    ],
)
def test_a_truce_shaken_or_rattled_is_strained_not_begun(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a headline's label, then its verdict on the talks: an analysis, no round held
        ("Armenia-Azerbaijan Talks: Unlikely to Succeed Without Guarantees", False),
        ("Russia-Ukraine peace talks: doomed from the start?", False),
        # near miss: the label, then talks held
        ("Armenia-Azerbaijan talks: envoys meet again in Geneva", True),
    ],
)
def test_talks_labelled_then_judged_failing_are_no_round(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks told by what they could do: a prediction, no round reported
        ("Russia-Ukraine peace talks could redraw the map of Europe", False),
        ("Armenia-Azerbaijan talks might change the Caucasus", False),
        # near misses: talks held, then what could follow
        ("Peace talks between Kyiv and Moscow could resume next week, officials say", True),
        ("Peace talks between the army and rebels opened in Doha and could last a week", True),
    ],
)
def test_talks_told_by_what_they_could_do_are_a_prediction(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a feature's frame tells about the talks or the deal, no fresh step: an inside story,
        # an explainer's opening or label, a "gambit" or a "game plan", a recap, a decoding tag
        ("Inside the quiet talks to free the captured pilots", False),
        ("Inside the palace rush to seal a truce with the rebels", False),
        ("How the junta plans to outlast the rebels in the border talks", False),
        ("Why the militia's leaders keep returning to the truce talks", False),
        ("Explainer: the militia and the army have signed a truce", False),
        ("The general's bold ceasefire gambit", False),
        ("The rebels' truce game plan: wait out the army", False),
        ("Weekly recap: the peace talks with the insurgents", False),
        ("Truce or trick? Decoding the junta's claim to have brokered a ceasefire", False),
        # near misses: news of a step that opens with a place, an analysis label or a
        # "here's what we know" tag after the step, and an explainer of a deal made
        ("Inside the capital, the rebels freed 20 hostages on Monday", True),
        ("Analysis: the rebels and the army hold a fifth round of peace talks", True),
        ("The envoy unveils a truce proposal for the war: here's what we know", True),
        ("What to know about the border truce the rivals signed", True),
    ],
)
def test_a_features_frame_is_no_development(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a crowd's demand for a release or a truce is no release or truce: protests, rallies,
        # marches, vigils or a hunger strike "for" it
        ("Crowds march for the return of the hostages held by the militia", False),
        ("Thousands protest in the capital for release of the captives", False),
        ("Relatives staged a hunger strike for the release of the abducted crew", False),
        ("Students rally in three cities for an immediate ceasefire with the rebels", False),
        # ... or a call a release's words span
        ("Families of slain hostages call for their bodies to be returned for burial", False),
        # near misses: a release told beside a march, after protests for it, or a proposal's
        # terms that "call for" a release
        ("Hostages freed as crowds march through the capital", True),
        ("The militia freed the hostages after a week of protests for their release", True),
        ("The mediators' proposal calls for a six-week truce and a prisoner swap", True),
    ],
)
def test_a_crowds_demand_for_a_release_is_no_release(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a state that frees prisoners or inmates with nothing of a conflict beside them grants
        # clemency: no captive's release
        ("Zambia frees 2,000 prisoners to ease overcrowding", False),
        ("The president released about 800 inmates from the central jail on Friday", False),
        ("Authorities to free 300 prisoners on independence day", False),
        # near misses: a second state, prisoners of war, an armed side, a nationality or a deal
        ("Armenia frees 20 prisoners held since the border fighting with Azerbaijan", True),
        ("The army freed 40 prisoners of war on Sunday", True),
        ("The government frees 50 rebel prisoners as a goodwill gesture", True),
        ("The kingdom releases Yemeni prisoners", True),
        ("The junta frees 100 prisoners under the truce deal", True),
        ("The regime frees 60 political prisoners", True),
    ],
)
def test_a_state_freeing_its_prisoners_is_clemency(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a step named as the means to an end is an opinion, no step taken
        ("The best way to bring the captives home is through a truce deal, he says", False),
        ("The only path to peace lies in direct talks with the rebels, the envoy said", False),
        ("The surest route to calm is a ceasefire agreement between the militias", False),
        ("The envoy said the best way to revive the peace process was to resume talks", False),
        # near misses: a step taken beside a judgement of it, or after a means named
        ("The rebels and the army signed a truce, the best way forward, the envoy said", True),
        ("The best way to free them is a swap, and on Monday the sides agreed a truce", True),
    ],
)
def test_a_step_named_as_the_means_to_an_end_is_an_opinion(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's reaction to talks or a proposal tells them: "encouraged by", "encouraging
        # signs", "encouragement from" are no push on another side
        ("The mediators were encouraged by progress in the truce talks with the rebels", True),
        ("Officials 'encouraged' by progress in peace talks with the rebels", True),
        ("Egypt has had some encouragement from the rebels on its ceasefire proposal", True),
        # near misses: pushing a side to act is a call
        ("The envoy encouraged the rebels to join the peace talks", False),
        ("Mediators are encouraging the two sides to sign the truce", False),
    ],
)
def test_a_sides_encouragement_by_talks_is_a_reaction_not_a_push(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a step only thought or imagined, a belief the news then proves wrong
        ("Villagers thought a truce had been sealed. Then the shelling resumed.", False),
        ("Families imagined the hostages had been freed", False),
        # near misses: a step taken beside a thought, or after a dream named
        ("Negotiators thought through the terms for weeks and on Monday signed the truce", True),
        ("The rebels signed the truce they had long dreamed of", True),
    ],
)
def test_a_step_only_thought_is_no_step(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a state handing persons over to face a court abroad extradites them: no side yields
        ("Panama surrenders three men to the United States to face drug charges", False),
        ("The island state surrendered two suspects to the US for trial on fraud charges", False),
        ("Officials said the country surrendered the fugitive to be prosecuted in Spain", False),
        # near misses: an armed side's surrender, even one facing a court
        ("Two hundred rebels surrendered to the army on Monday", True),
        ("A rebel commander surrendered to the tribunal to face war crimes charges", True),
        ("Militants surrendered their weapons to the army before the trial of a chief", True),
    ],
)
def test_persons_handed_over_to_face_charges_are_extradited(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a pause in a trade war is no truce: tariffs or trade beside it
        ("Washington and Beijing agree a tariff cut with a 90-day pause", False),
        ("The two countries agreed to a 90-day pause on new tariffs in their trade war", False),
        ("The 30-day pause on duties, part of the trade deal, was extended by a month", False),
        # near misses: a pause in the fighting, or a humanitarian one, beside trade words
        ("Amid a trade row, the army announced a 72-hour pause in fighting the rebels", True),
        ("A four-hour humanitarian pause let aid trucks through as tariffs rose", True),
        ("The army announced a 72-hour pause in fighting", True),
    ],
)
def test_a_pause_in_a_trade_war_is_no_truce(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    [
        # an abbreviation's compound between "sign a" and the deal: the deal is signed
        "Kinshasa and Kigali sign a U.S.-mediated peace deal",
        "The junta and the rebels signed a U.N.-brokered ceasefire on Friday",
        "The two sides signed the U.S. peace accord in Washington",
        # (as without the dots)
        "The rebels and the junta signed a Qatar-brokered peace agreement",
    ],
)
def test_a_deal_signed_with_a_dotted_mediator_is_an_agreement(text: str) -> None:
    events = {event.event for event in extract(text).negotiations}
    assert "agreement_reached" in events


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a truce or peace plan being finalised is a proposal in the making, no deal reached
        (
            "Mediators are finalising a 60-day ceasefire proposal for the two armies",
            "proposal_made",
        ),
        ("Envoys finalized the peace proposal they will put to the rebels", "proposal_made"),
        ("The allies are finalizing a truce proposal for the warring sides", "proposal_made"),
        # near misses: a truce or a deal finalised, or a proposal endorsed, is agreed
        ("The army and the rebels finalised the ceasefire on Sunday", "agreement_reached"),
        ("The two sides finalized the peace deal in Doha", "agreement_reached"),
        ("The rebels endorsed the ceasefire proposal on Friday", "agreement_reached"),
    ],
)
def test_a_truce_plan_being_finalised_is_a_proposal(text: str, event: str) -> None:
    events = {found.event for found in extract(text).negotiations}
    assert event in events
    if event == "proposal_made":
        assert "agreement_reached" not in events


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a comment on talks named by their two sides: the talks are its topic
        ("Deep unease in Seoul over US-Pyongyang nuclear talks", False),
        ("Tehran's envoy on Iran-EU nuclear talks: 'we want guarantees'", False),
        # near misses: the same talks told as news
        ("US-Iran nuclear talks resume in Oman", True),
        ("Sticking points remain in Iran-EU nuclear talks, diplomats say", True),
    ],
)
def test_a_comment_on_talks_named_by_their_sides(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a hostage release deal or talks name the deal or the talks, no release
        ("Envoys weigh a truce as part of a possible hostage release deal", False),
        ("Ministers discuss a hostage release plan with the mediators", False),
        # near misses: the release itself, or the deal told as reached
        ("Hostage release expected on Sunday, mediators say", True),
        ("Hostage release deal reached in Doha, officials say", True),
    ],
)
def test_a_hostage_release_deal_is_no_release(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
    if not flag:
        assert "hostage_release" not in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce told as expected or hoped to last: a forecast, not a truce begun
        ("The army says it expects the truce to hold through the holiday", False),
        ("Both armies expect the ceasefire to last, officials say", False),
        # near misses: a truce to come into force, or one told as held
        ("Truce to take effect at dawn in Darfur, the army says", True),
        ("The truce held through the holiday in Darfur, the army says", True),
    ],
)
def test_a_truce_expected_to_hold_is_no_truce_begun(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an "as" clause that tells talks starting now is a fresh step, not their background
        ("Shelling goes on in Darfur as talks reconvene in the capital", True),
        ("The war grinds on in Gaza, as talks take place in Cairo", True),
        ("Refugees flee Kordofan as peace negotiations resume", True),
        ("Strikes continue as truce talks resume in Cairo", True),
        # ... "reconvene" is a word of its own, not "convene"
        ("Fear and hope in Darfur as talks to stop the war reconvene", True),
        # near misses: talks that only go on, or talks the clause does not name first
        ("Shelling goes on in Darfur as talks continue in the capital", False),
        ("Unrest grows as party leaders resume negotiations on a new charter", False),
    ],
)
def test_talks_begun_in_an_as_clause(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
    if flag:
        assert "talks_held" in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks named as the latest of a series or by their level, with a side named
        ("Fresh hope after new talks with the rebels in Nairobi", True),
        ("Envoy upbeat after the latest Kashmir talks with Pakistan", True),
        ("Minister picks a general to lead technical talks with the junta", True),
        ("The latest round of talks with the militia opened in Doha", True),
        # near misses: new talks called for, turned down, hoped for or failing, or another
        # domain's
        ("The UN urges new talks between the rebels and the army", False),
        ("The rebels reject new talks with the government", False),
        ("Hopes rise for new talks with the militia", False),
        ("New talks with the rebels collapse within hours", False),
        ("Japan and Australia open new trade talks", False),
        ("The union and the carmaker begin new wage talks", False),
        # ... or new talks still to come
        ("New talks between the army and the rebels are expected next week", False),
        ("Shelling on Monday, a day before new talks between the army and the rebels", False),
    ],
)
def test_talks_named_new_latest_or_technical(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # sides told as apart, at odds or divided on a deal or a plan: a stall, no step
        ("Rebels and government remain far apart on the Darfur ceasefire deal", False),
        ("The army and the rebels are at odds over the Darfur truce plan", False),
        ("Militia leaders divided over the Darfur peace plan", False),
        # near misses: the deal signed, the plan put forward
        ("Rebels and the army sign the Darfur ceasefire deal", True),
        ("Mediators put forward a Darfur peace plan to the army and the rebels", True),
    ],
)
def test_sides_far_apart_on_a_deal_tell_no_step(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's own word in scare quotes reads as the word itself
        ("Army 'very close' to a truce deal with the rebels, envoy says", True),
        ("Rebels 'agreed' to a ceasefire with the army, mediators say", True),
        ("Rebels \u2018agreed\u2019 to a ceasefire with the army, mediators say", True),
        # near misses: the quoted word still denies or dismisses, and apostrophes of
        # possessives are no quote marks
        ("Junta 'not close' to a truce with the rebels", False),
        ("'No deal' with the rebels, minister says", False),
        ("Rebels call the truce offer a 'ploy'", False),
        ("The rebels' leaders and the army's officers met for talks in Doha", True),
    ],
)
def test_scare_quoted_words(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    [
        "army 'very close' to a truce. the rebels' chief said 'no deal' and left.",
        "'agreed' at dawn; o'brien's 'plan b' and the ''double'' marks",
        "no marks at all in this sentence",
    ],
)
def test_scare_quotes_blank_only_their_marks_in_place(text: str) -> None:
    # the search that jumps from mark to mark finds what a look-behind first form finds, and
    # blanking keeps every offset
    first_form = re.compile(r"(?<![\w'])'(?=[a-z])([\w -]{1,30}?)(?<=[a-z])'(?![\w'])")
    unquoted = pipeline._unquoted(text, [(0, len(text))])
    assert unquoted == first_form.sub(lambda m: f" {m[1]} ", text)
    assert len(unquoted) == len(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # states at peace that draw closer: a strategic pact, ties normalised
        ("Vietnam and Chile open talks on a strategic partnership", False),
        ("Vietnam and Chile hold talks to normalise relations", False),
        ("Peru and Ghana sign a friendship treaty", False),
        # near miss: two sides of a standing dispute who agree to normalise their ties
        ("India and Pakistan agree on steps to normalise ties", True),
    ],
)
def test_states_drawing_closer_are_no_conflict(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks held or a deal signed on a leader's visit or tour, with nothing at issue
        (
            "The Brazilian president will hold talks with Japanese leaders on Monday as part "
            "of an Asian tour",
            False,
        ),
        ("A cultural accord will be signed when the Kenyan president visits Rome", False),
        # near misses: an envoy's visit, a visit over a dispute, a visit to meet rebels
        ("The UN envoy will visit Khartoum for talks with the rebels", True),
        ("The prime minister holds talks on Kashmir during a visit to Islamabad", True),
        ("During a visit to the north, the president held talks with rebel leaders", True),
        # ... a minister's talks with a counterpart, with nothing at issue
        ("The Iranian minister was to hold talks with his Saudi counterpart in Jeddah", False),
        # near misses: two sides of a standing dispute told by their peoples
        ("The Pakistani prime minister held talks in New Delhi during a visit to India", True),
        ("India's foreign minister held talks with his Pakistani counterpart in Islamabad", True),
        # ... and a peace deal signed on a visit or with a counterpart is a settlement
        ("The Congolese president and his Rwandan counterpart signed a peace agreement", True),
        ("During a visit to Doha, the two sides signed a peace agreement", True),
    ],
)
def test_talks_on_a_state_visit_are_diplomacy(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks of states at peace on a topic of their own: rights, democracy, terrorism
        ("Vietnam and Chile start fresh human rights talks", False),
        ("Kenya and Brazil hold talks on terrorism", False),
        # ... and a pact on a home affair
        ("Police and charities sign a domestic violence protocol", False),
        # near misses: the same talks between two sides of a standing dispute, or with rebels
        ("North and South Korea hold talks on human rights", True),
        ("The junta and the rebels open talks on democratic reforms", True),
    ],
)
def test_talks_on_rights_or_terrorism_between_states_at_peace(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a headline feed that drops the apostrophe still negates
        ("china wont mediate between iran and israel", False),
        ("army says it wont sign truce deal with rebels", False),
        ("rebels didnt free hostages says army", False),
        # near misses: the same steps told as taken
        ("china mediates between iran and israel", True),
        ("army signs truce deal with rebels", True),
        ("rebels free hostages says army", True),
    ],
)
def test_a_negation_without_its_apostrophe(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a stance on offers to come, not one turned down
        (
            "Iran says it will reject any European proposal that requires it to halt enrichment",
            False,
        ),
        ("Rebels say they will reject any truce proposal that leaves troops in the north", False),
        # near miss: a particular offer turned down
        ("The rebels rejected the government's proposal for a truce", True),
    ],
)
def test_rejecting_any_proposal_is_a_stance(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # sides that agree only to strive for an end: a joint aim, no step agreed
        ("The two presidents agreed to push for a diplomatic end to the nuclear crisis", False),
        ("The two leaders agreed to work toward a ceasefire in the region", False),
        ("The rebels and the army agreed to continue to seek a truce", False),
        # near misses: a step agreed, then a striving told beside it
        ("The army and the rebels agreed to a ceasefire and agreed to work for peace", True),
        ("The two leaders agreed to hold peace talks with the rebels next month", True),
        ("The army and the rebels agreed to call a truce from Monday", True),
    ],
)
def test_agreeing_to_strive_for_an_end_is_no_agreement(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks in a headline's opening "With ...," phrase: a standing condition of other news
        ("With little progress in the peace talks, rebels step up attacks", False),
        ("With nuclear talks stalled, Tehran weighs its options", False),
        # near misses: talks told as resuming there, or held in the main clause
        ("With talks resuming in Cairo, Gaza families wait for news", True),
        ("With Qatar's help, Israel and Hamas held talks in Doha", True),
    ],
)
def test_talks_in_an_opening_with_phrase_are_background(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks called timely, hoped for or decided against: none planned
        ("Beijing says time right for Taiwan talks", False),
        ("The time has come for peace talks with the rebels, the bishop said", False),
        ("The coalition expressed hope yesterday for peace talks with the rebels", False),
        ("Officials hope talks with the rebels will open next week", False),
        ("North Korea has decided against holding six-party talks until after the vote", False),
        # near misses: talks agreed or set, with "time" and "hopes" beside them
        ("The two sides agreed for the first time to hold direct talks next month", True),
        (
            "The army and the rebels will hold peace talks next week, raising hopes for an end "
            "to the war",
            True,
        ),
    ],
)
def test_talks_called_timely_hoped_for_or_decided_against(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a reactions roundup's label: the reactions are the news
        ("Experts react: The army and the rebels agreed to a peace deal. What comes next?", False),
        ("World reacts: rebels sign truce with the army", False),
        # near misses: the step told first, reactions after; a speaker's label
        ("Rebels sign truce with the army: world leaders react", True),
        ("Army spokesman: rebels agreed to a truce", True),
    ],
)
def test_a_reactions_label_frames_a_feature(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # turning down what others say about a deal is no offer rejected
        ("Israel rejects criticism of the truce deal", False),
        ("Hamas dismissed reports of a hostage deal", False),
        ("The ministry rejects complaints about the deal", False),
        # near misses: an offer turned down, a compound that only starts like a claim
        ("The rebels rejected the government's proposal for a truce", True),
        ("The rebels rejected the claims-settlement plan for the truce", True),
    ],
)
def test_rejecting_criticism_of_a_deal_is_no_rejected_offer(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a bill before a legislature, a player's move: other domains' deals
        ("Parties reach agreement on the security bill", False),
        ("Government and opposition reach deal on the bill", False),
        ("American keeper agrees to join Spanish club", False),
        # near misses: a man named Bill, a truce of armed sides
        ("Bill Richardson negotiates the release of two hostages held by rebels", True),
        ("Rebels and the army sign the Darfur ceasefire deal", True),
    ],
)
def test_a_bill_or_a_players_move_is_no_conflicts_deal(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a state's soldiers who change sides defect; they surrender to no one's terms
        ("Two soldiers defected and surrendered to the militants near the border town", False),
        ("Three police officers defected and surrendered to the rebels", False),
        # near misses: fighters who give themselves up, rebels who defect with their arms
        ("Two rebel fighters surrendered to the army near the border town", True),
        ("Rebels who defected and surrendered their weapons joined the army", True),
    ],
)
def test_soldiers_who_defect_and_surrender_change_sides(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # importing and exporting goods are trade, whatever the tense
        ("The country resumed importing beef from Canada after months of negotiations", False),
        ("Japan and Peru sign a deal on exporting fish", False),
        # near miss: two sides of a war agree on their exports
        ("Russia and Ukraine agree to resume exporting grain under a new deal", True),
    ],
)
def test_importing_and_exporting_are_trade(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # another plan told as at odds with a peace plan: the peace plan is its background
        ("The new army plan contradicts the African Union peace plan for Darfur", False),
        ("The cabinet's plan is at odds with the Arab peace plan for Gaza", False),
        # near miss: a side's stance on the plan that names it as news
        ("The rebels welcomed the African Union peace plan for Darfur", True),
    ],
)
def test_a_plan_at_odds_with_a_peace_plan_is_background(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a pep talk is a coach's speech, no talks offered
        ("veterans to offer pep talks ahead of the big game", False),
        # near miss: talks offered by an armed side
        ("Rebel leaders to offer peace talks ahead of the holiday", True),
    ],
)
def test_a_pep_talk_is_no_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's update or briefing on talks tells them held, not their topic
        ("Tehran gives update on nuclear talks with Washington", True),
        ("Pakistan's premier briefed his cabinet on the talks with India on Kashmir", True),
        # near misses: a comment on talks, and talks hoped for
        ("Pyongyang comments on nuclear talks with Washington", False),
        ("Seoul hopes for progress on nuclear talks with Pyongyang", False),
    ],
)
def test_an_update_on_talks_tells_them(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a step named by its gerund after "of" is a topic or a charge, not a step taken
        ("The prime minister rejected the idea of holding talks with the Maoist rebels.", False),
        ("The general dismissed the notion of opening negotiations with the insurgents.", False),
        ("The militia accused the elders of taking part in talks with the army.", False),
        ("Angry youths accused the chief for holding talks with the rebel commanders.", False),
        ("Norway has a long record of mediating between the Tigers and Colombo.", False),
        # near misses: time spent at the step, a step done, and the talks a charge follows
        ("After two days of holding talks, the army and the rebels signed a truce.", True),
        ("Qatar was praised for mediating between the rebels and the army.", True),
        ("The rebels held talks with the army, and the youths accused them of treason.", True),
    ],
)
def test_a_gerund_after_of_is_a_topic_not_a_step(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


def test_a_gerund_after_part_of_is_the_step_taken() -> None:
    # "as part of signing": the signing is done, not a topic
    assert "agreement_reached" in _events(
        "As part of signing the truce deal, the rebels freed 20 hostages."
    )


def test_a_violation_charged_is_still_told() -> None:
    # what a side is accused of doing to a truce is news of the truce, no step a charge names
    assert "ceasefire_violated" in _events("Each side accused the other of violating the truce.")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a go-between that facilitates talks or a truce takes a mediator's step
        ("Norway facilitated the talks between the government and the rebels.", "talks_held"),
        ("The peace talks were facilitated by church leaders in the capital.", "talks_held"),
        ("Qatar facilitated a ceasefire between the army and the militia.", "agreement_reached"),
        ("The prisoner deal with the rebels was facilitated by elders.", "agreement_reached"),
    ],
)
def test_a_facilitated_truce_or_talks_is_a_mediators_step(text: str, event: str) -> None:
    assert event in _events(text)
    assert extract(text).summary.negotiation is True


@pytest.mark.parametrize(
    "text",
    [
        # near misses: facilitating as an aim or a request, and talks of trade between firms
        "Norway was asked to facilitate the talks with the rebels.",
        "The envoy hopes to facilitate a truce between the two clans.",
        "The agency facilitated the trade talks between the two firms.",
    ],
)
def test_facilitating_aimed_at_or_in_trade_is_no_step(text: str) -> None:
    assert extract(text).summary.negotiation is False
