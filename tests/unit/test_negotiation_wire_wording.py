"""Wire wordings of negotiation developments, and the business, sports and labour deals, hoped
for releases and conditional offers that read like them.

The sentences are the project's own, one per wording found missing or wrongly flagged on the
dev half of the news set (``bench/accuracy_negotiation.py``); none is copied from that set.
"""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _developed(text: str, title: str = "") -> bool:
    return extract(text, title=title).summary.negotiation


def _events(text: str) -> set[str]:
    return {n.event for n in extract(text).negotiations}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The regional bloc will bring the junta and the rebel coalition into talks next month.",
         "talks_planned"),
        ("Mediators bring rival militias to the table", "talks_planned"),
        ("The envoy flew to Nairobi to attend a regional peace conference.", "talks_planned"),
        ("Norway is set to host a conference on peace talks for the Horn of Africa.",
         "talks_planned"),
        ("Tribal elders met the kidnappers on Saturday to seek the hostages' release.",
         "talks_held"),
        ("Officials meet captors to discuss the fate of the engineers", "talks_held"),
        ("Mediators met separately with both delegations in the capital.", "talks_held"),
        ("Border talks inch forward in Addis Ababa", "talks_held"),
        ("The peace talks adopted a five-point agenda on Tuesday.", "talks_held"),
        ("Roundtable talks of the island's rival parties, frozen since spring, got underway.",
         "talks_held"),
        ("The minister left the enclave after talks Friday with the militia chiefs.", "talks_held"),
        ("The president offered unconditional talks to every armed group.", "proposal_made"),
        ("Premier invites separatist groups for peace talks", "proposal_made"),
        ("The two neighbours agreed to cooperate on securing their shared border.",
         "agreement_reached"),
        ("The militia promised to fully respect the ceasefire with the army.",
         "agreement_reached"),
        ("Rebel faction vows to honour truce", "agreement_reached"),
        ("Kidnapped aid workers freed in the delta", "hostage_release"),
        ("The engineer was freed on Sunday by his captors near the border.", "hostage_release"),
        ("The release of three Danish relief workers was confirmed by the ministry.",
         "hostage_release"),
        ("Tribesmen freed the two Korean oil engineers on Friday.", "hostage_release"),
        ("A tribal sheikh negotiated overnight with the gunmen holding the hostages.",
         "talks_held"),
        ("Elders are negotiating the surrender of the besieged rebel garrison.", "talks_held"),
        ("Talks between the army and the rebels dragged on for a third week.", "talks_held"),
        # headline forms of a truce track: a pause, a deal near, a handover, talks ending,
        # a cabinet meeting on a deal, an envoy's trip
        ("Pause in Darfur fighting takes effect", "humanitarian_pause"),
        ("Officials say the truce deal is close", "talks_held"),
        ("Red Cross receives nine hostages at the border crossing", "hostage_release"),
        ("Truce talks in Addis Ababa end without breakthrough", "talks_held"),
        ("Rebel council to discuss new ceasefire proposal", "talks_planned"),
        ("UN envoy arrives in Juba to push for ceasefire deal", "talks_held"),
        ("Border talks in Addis Ababa adjourned until next month", "talks_held"),
        ("Rebel fighters begin handing over heavy weapons under the peace deal", "surrender"),
        ("The two neighbours edge closer to a border deal", "talks_held"),
        # wire leads: a brokered deal, a vote with its tally apart, envoys due back, shuttles
        ("A Turkish-brokered deal let the convoy leave the besieged town.", "agreement_reached"),
        ("The council voted 13-0 on Monday, with two abstentions, to demand a truce.",
         "vote_adopted"),
        ("Delegations of the rebels and the army are due to reconvene in Arusha.",
         "talks_planned"),
        ("The envoy has been shuttling between the two capitals since Sunday.", "talks_held"),
        ("The insurgents released 14 policemen after a week of talks with elders.",
         "hostage_release"),
        ("Gunmen free the three sailors seized off the coast", "hostage_release"),
        ("Militiamen freed 15 UN peacekeepers they had held since Monday.", "hostage_release"),
        ("Kidnappers have released three construction workers.", "hostage_release"),
        ("Accord ends a decade of fighting in the highlands", "agreement_reached"),
        ("The truce that ended the clashes was signed by both commanders.", "agreement_reached"),
        ("The two presidents shook hands on a deal over the disputed enclave.",
         "agreement_reached"),
        ("Religious leaders reconciled the two clans at a ceremony on Friday.",
         "agreement_reached"),
        ("The rival militias signed a non-aggression pact in the port city.",
         "agreement_reached"),
        ("The opposing factions signed a non-aggression pact on Friday.", "agreement_reached"),
        ("The government and the opposition signed an agreement on the transition.",
         "agreement_reached"),
        ("Humanitarian corridor deal announced", "agreement_reached"),
        ("Both armies agreed on a buffer zone along the river.", "agreement_reached"),
        ("Two engineers who were freed on Sunday arrived home.", "hostage_release"),
    ],
)  # fmt: skip
def test_wire_wordings(text: str, event: str) -> None:
    assert event in _events(text)
    assert _developed(text)


@pytest.mark.parametrize(
    "text",
    [
        # business, sports and labour deals
        "The chipmaker agreed to acquire its smaller rival in a cash deal.",
        "The insurer signed an agreement to sell its Asian unit.",
        "The club struck a deal with its striker on a two-year contract extension.",
        "The carmaker and its workers' union reached a deal on pay.",
        "The automaker's talks with the union moved forward on Monday.",
        "The two countries signed a free trade agreement on Friday.",
        "Ministers opened economic talks between the member states.",
        "Lawmakers are to vote on the spending bill next week.",
        # releases hoped for, pictured, by clemency or by an attack
        "Officials made last-ditch efforts to secure the release of the hostage.",
        "Paris remained hopeful that the two reporters would be freed soon.",
        "A new video of the kidnapped engineer was released on Tuesday.",
        "Hundreds of prisoners were released as part of a national day amnesty.",
        "Gunmen staged attacks overnight on two police stations, freeing dozens of prisoners.",
        "The aid workers were released after three hours.",
        "Gunmen who hijacked the lorry released the driver near the border.",
        "Troops released 40 civilians from the militants' camp after the raid.",
        "Residents protested against the deal signed by the council.",
        # talks put off, collapsed or offered on a condition
        "The kidnappers said talks with the officials have been postponed.",
        "The negotiations had collapsed but left open a chance of resumption.",
        "The government is ready to resume negotiations if the rebels disarm first.",
        "The opposition wants negotiations that end the fighting.",
        "The firm moved closer to a deal with its creditors.",
        "The court adjourned the case until Monday.",
        "The parties are expected to meet their voters next week.",
        "The council voted 7-8 on Friday against the text to demand a truce.",
    ],
)
def test_deals_and_releases_that_are_no_development(text: str) -> None:
    assert not _developed(text)


def test_a_release_efforts_noun_is_no_release() -> None:
    assert "hostage_release" not in _events("Diplomats praised release efforts for the hostages.")


def test_a_headline_release_with_a_summary_counts() -> None:
    title = "Kidnapped journalist freed in the south"
    assert _developed("The reporter had been held for nine days.", title=title)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # talks that go on, or are to go on: they are held
        ("The rebels will continue talks with the government today.", "talks_planned"),
        ("Talks between the rebels and the army ground on.", "talks_held"),
        ("The talks went on for hours between the rebels and the government.", "talks_held"),
        ("Peace talks with the rebels to go on despite the death of their chief.",
         "talks_planned"),
    ],
)  # fmt: skip
def test_talks_that_go_on_are_held(text: str, event: str) -> None:
    result = extract(text)
    assert result.summary.negotiation
    assert event in {n.event for n in result.negotiations}


@pytest.mark.parametrize(
    "text",
    [
        # near misses: fighting that goes on, talks on a budget in a legislature
        "Fighting went on as the rebels and the army talked.",
        "Talks on the budget went on in the Senate.",
    ],
)
def test_other_things_that_go_on_are_no_talks(text: str) -> None:
    assert not extract(text).summary.negotiation


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # talks dated by a day are held when told as past: after them, or with a past verb
        ("The rebels freed the hostages after talks on Sunday.", "talks_held"),
        ("Talks on Sunday led to the release of the hostages.", "talks_held"),
        ("The release followed talks on Sunday between the two sides.", "talks_held"),
        ("Negotiators met in Geneva for a new round of talks on Sunday.", "talks_held"),
        # near misses: talks on a day still to come are planned
        ("Envoys meet ahead of talks on Sunday between the two sides.", "talks_planned"),
        ("The rebels and the army agreed to talks on Sunday.", "talks_planned"),
        ("Envoys met on Friday and agreed to talks on Sunday.", "talks_planned"),
    ],
)
def test_talks_dated_by_a_day_are_planned_unless_told_as_past(text: str, event: str) -> None:
    events = {n.event for n in extract(text).negotiations}
    assert event in events
    assert {"talks_held", "talks_planned"} - {event} - events


@pytest.mark.parametrize(
    "text",
    [
        "The two aid workers were freed last week by their kidnappers near the border.",
        "The army and the rebels signed a peace agreement last week in the capital.",
        "A ceasefire between the militia and the army took effect last week.",
    ],
)
def test_a_development_of_last_week_is_news(text: str) -> None:
    # "last week" is as recent as "the past week": the week's news, not a past episode
    assert _developed(text)


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire between the militia and the army took effect last month.",
        "The army and the rebels signed a peace agreement years ago in the capital.",
    ],
)
def test_a_development_of_last_month_or_years_ago_is_recalled(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels agreed to talks with the government on Sunday.",
        "Insurgents agree to peace talks",
        "The militia has accepted indirect negotiations with the army.",
        "The junta consented to talks with the armed opposition.",
        "The insurgents said they had accepted an invitation to talks in the capital.",
        "Militia accepts invitation to regional peace talks",
    ],
)
def test_talks_agreed_to_are_planned(text: str) -> None:
    assert "talks_planned" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # talks named by a phrase of their own, after another verb
        "Hundreds of traders staged a sit-in and scuffled with police. In the end, the mayor "
        "agreed to receive their leaders for negotiations.",
        "The rebels refused to agree to talks with the government.",
        "The union agreed to talks with management over pay.",
        "The rebels accepted an invitation to a wedding before the talks.",
    ],
)
def test_talks_not_agreed_to_are_no_plan(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister arrived in Islamabad for talks on Kashmir.",
        "The foreign secretary flew to Jerusalem for talks with Israeli and Palestinian leaders.",
    ],
)
def test_a_trip_for_talks_on_a_region_at_war_or_between_rivals_counts(text: str) -> None:
    assert "talks_held" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "India's cricket board chief flew to Lahore for talks with Pakistan's board on the tour.",
        "The trade minister arrived in Srinagar for talks on Kashmir apple exports.",
        "The trade minister arrived in Tokyo for talks on rice tariffs.",
    ],
)
def test_a_trip_for_talks_on_sport_or_trade_is_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The kidnapped engineers walked free on Sunday after three weeks in captivity.",
            "hostage_release",
        ),
        ("Two hostages walked free from a jungle camp on Monday.", "hostage_release"),
        ("Sixty militants gave up their weapons in the east.", "surrender"),
        ("Two hundred guerrillas gave up their arms at a ceremony on Sunday.", "surrender"),
    ],
)
def test_captives_walking_free_and_fighters_giving_up_arms(text: str, event: str) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # a court frees the jailed; a refusal, a trade or civilians' guns are no surrender
        "The jailed editor walked free after the court quashed his sentence.",
        "The fighters said they would never give up their weapons.",
        "The commander refused to give up his weapons.",
        "Residents gave up their weapons to police in a gun amnesty.",
        "The rebels gave up their arms trade after the war.",
    ],
)
def test_a_court_release_or_arms_kept_are_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Security Council unanimously adopted Resolution 1701 on Friday.", "vote_adopted"),
        (
            "The UN Security Council passed resolution 2334 on the occupied territories.",
            "vote_adopted",
        ),
        ("The army and the rebels reached an understanding.", "agreement_reached"),
        (
            "The two sides reached a preliminary understanding on ending the war.",
            "agreement_reached",
        ),
    ],
)
def test_a_numbered_resolution_and_an_understanding(text: str, event: str) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The state senate passed resolution 12 honoring veterans.",
        "The two firms reached an understanding on pricing.",
        "A better understanding of the war is needed.",
    ],
)
def test_a_legislature_resolution_or_a_firm_understanding_is_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    "title",
    [
        "Kidnappers free Turkish truck driver in Iraq",
        "Captors release two aid workers in Somalia",
        "Kidnappers hand over French reporters to clerics",
    ],
)
def test_captors_freeing_someone_in_a_headline_present(title: str) -> None:
    assert "hostage_release" in _events(title)


@pytest.mark.parametrize(
    "title",
    [
        "Kidnappers release video of Japanese hostage",
        "Kidnappers free of any fear of arrest, police chief admits",
        "Kidnappers threaten to release no one until troops leave",
    ],
)
def test_captors_releasing_a_video_or_free_of_something_is_none(title: str) -> None:
    assert not _developed(title)


@pytest.mark.parametrize(
    "text",
    [
        "Islamist militants released a truck driver they had held for weeks.",
        "The gunmen freed the three contractors that they held since spring.",
    ],
)
def test_a_release_of_people_the_captors_had_held(text: str) -> None:
    assert "hostage_release" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels released the outcome of the elections they had held in the north.",
        "The rebels released a statement they had held back for days.",
        "Police released a suspect they had held for questioning.",
    ],
)
def test_a_result_a_statement_or_a_suspect_released_is_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels returned to the negotiating table on Monday.",
        "The two sides went back to the negotiating table in the capital.",
    ],
)
def test_sides_back_at_the_negotiating_table_hold_talks(text: str) -> None:
    assert "talks_held" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mediators urged the rebels to return to the negotiating table.",
        "The rebels refused to return to the negotiating table.",
        "The union returned to the negotiating table with management.",
    ],
)
def test_a_return_to_the_table_asked_refused_or_at_work_is_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a side open or ready for talks: an offer
        ("The rebel commander says he is open to negotiations with the army.", "proposal_made"),
        ("The militia said it was ready for talks with the government.", "proposal_made"),
        # talks with an armed band, beside a word of a home affair
        (
            "The state government is negotiating with bandits over the release of the students.",
            "talks_held",
        ),
        # a peace formula is a plan
        ("Ukraine's president presented a ten-point peace formula to the summit.", "proposal_made"),
        # a deal made told aside: "the deal, mediated by ..., calls for"
        (
            "The accord, mediated by the regional bloc, provides for a pullback of rebel units.",
            "agreement_reached",
        ),
        (
            "The truce, brokered by tribal elders, let the families bury their dead.",
            "agreement_reached",
        ),
        # a trip or a meeting for talks between armed sides
        ("The junta and the separatist rebels met in the capital for talks.", "talks_held"),
        # a council's vote to back a deal, told with its day; a deal for a besieged city
        (
            "The UN Security Council voted on Monday to back the ceasefire deal.",
            "agreement_reached",
        ),
        (
            "An agreement has been reached to evacuate civilians from the besieged city.",
            "agreement_reached",
        ),
        # sides agreeing to a step of their settlement
        (
            "The Kurdish-led forces and Damascus agreed to integrate their units.",
            "agreement_reached",
        ),
        (
            "The rebels and the army agreed to disarm and demobilise the militias.",
            "agreement_reached",
        ),
        # back at the talks: held when told as done, planned when agreed to
        ("The rebels returned to peace talks in Arusha on Monday.", "talks_held"),
        ("The junta agreed to return to the six-party talks.", "talks_planned"),
        # captives back after a stretch in captivity
        ("Two aid workers came home on Sunday after eight months in captivity.", "hostage_release"),
        ("Two nurses returned to their village after 400 days in captivity.", "hostage_release"),
    ],
)
def test_talks_welcomed_with_armed_bands_and_returns_after_captivity(text: str, event: str) -> None:
    assert event in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a negation, other domains, a death in captivity
        "The rebels have not agreed to talks with the government.",
        "The company said it is open to talks with the union.",
        "The gallery is open to the public on Sundays.",
        "The hostage died after two weeks in captivity.",
        "The two firms' agreement, signed in March, covers software licences.",
        # a legislature's vote on a budget deal, a company's deal with civilian staff
        "Lawmakers voted on Tuesday to approve the budget deal.",
        "The company reached a deal with its civilian contractors.",
        # two companies that agree to merge
        "The two companies agreed to merge their operations.",
        # a trip for talks of business, or of a budget beside fighting
        "The chief executive flew to Beijing for talks with suppliers.",
        "The fighting continued as ministers met for talks on the budget.",
        # a return refused, or one that another side tries to bring about
        "The rebels refused to return to the talks.",
        "The envoy flew in to prod the junta to return to talks with the rebels.",
        "The move is part of efforts to encourage the rebels to resume talks with the army.",
    ],
)
def test_steps_toward_talks_that_are_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a deal in the making: on the brink of it, told as coming soon or as possible
        ("", "The two sides stand on the verge of a historic agreement, the envoy said."),
        ("Rivals on the brink of a peace accord", ""),
        ("", "An agreement could be reached within days, the mediators said."),
        ("", "A deal with the rebels may be possible, the envoy said."),
        ("Mediators see agreement on the border next week", ""),
        # a side ready for talks in a headline's grammar, or told by the noun
        ("Premier ready for peace talks, minister says", ""),
        ("", "The premier repeated her willingness to continue talks with the neighbouring state."),
        # a reaction to talks tells the talks; an explainer of a deal tells the deal
        ("Cautious response over Armenia-Azerbaijan peace talks", ""),
        ("What to know about the landmark peace deal with the rebels", ""),
        # a demand, then a second verb of the speaker that it does not govern
        (
            "",
            "The minister called for more aid to the region and renewed his willingness "
            "to hold talks with the rebels.",
        ),
    ],
)
def test_deals_in_the_making_and_sides_ready_for_talks(title: str, text: str) -> None:
    assert _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # denied or far off: no deal in the making
        ("", "A hostage deal with the militants is not close, the officials said."),
        ("Truce deal is not possible while shelling goes on, rebels say", ""),
        ("Region on the brink of war", ""),
        ("Club deal could be signed next week, agent says", ""),
        ("Rebels not ready for talks, spokesman says", ""),
        # a headline's bare "open to talks" needs a conflict's context
        ("Streaming service open to talks with regulators", ""),
        ("Analysts say hostage deal unlikely before the vote", ""),
        # a demand that still governs its own list
        ("", "The minister called for a truce and the release of the hostages."),
        # ... and a second verb that is a demand of its own
        ("", "The minister called for a truce and urged the release of the hostages."),
        ("What to know about the new tax deal", ""),
    ],
)
def test_deals_denied_far_off_or_demanded_are_none(title: str, text: str) -> None:
    assert not _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a deal told as very close in a headline, sides closing in on one
        ("Border agreement very close, envoy says", ""),
        ("", "The two neighbours are closing in on a border accord, diplomats said."),
        # prisoners of war handed over, in an exchange or not
        ("", "The army handed over 60 POWs to the rebels on Sunday."),
        ("Army hands over the pilot in swap with rebels", ""),
        # a peace formula presented; leaders who meet to carry out a truce
        ("", "The president presented a ten-point peace formula to the summit."),
        ("", "The two leaders meet in the capital to implement the ceasefire."),
        # an agreement kept in force for longer
        ("", "The corridor agreement with the rebels was extended for 90 days."),
        ("", "The rebels and the army renewed their border accord for another year."),
        # a deal or a swap of captives names its conflict itself
        ("Hostage deal in final stages, president says", ""),
        # a side open to a truce makes an offer
        ("", "The militia says it is open to a lasting truce."),
        # two sides of a standing dispute beside another domain's word
        ("Russia and Ukraine agree to halt strikes on energy sites", ""),
    ],
)
def test_deals_kept_in_force_captives_handed_over_and_rivals_deals(title: str, text: str) -> None:
    assert _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Club extends deal with striker until 2027", ""),
        ("", "The airline renewed its codeshare agreement with a rival carrier."),
        ("Lawmakers reach deal on aid to Ukraine as Russia's invasion grinds on", ""),
        ("", "The militia says it is not open to a truce."),
        ("", "The two leaders will meet next month to review the trade deal."),
        ("India and Pakistan cricket boards extend their deal", ""),
        # a captives' deal told on screen needs a conflict's context
        ("Hostage deal thriller tops the box office", ""),
    ],
)
def test_business_deals_renewed_and_truces_refused_are_none(title: str, text: str) -> None:
    assert not _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a prison break frees inmates by force
        ("Jail break frees dozens of inmates in the capital", ""),
        # a swap denied
        ("", "The militia denies reports of a prisoner swap with the army."),
        # a humanitarian truce violated is fighting news
        ("Rebels accused of violating humanitarian truce in the north", ""),
        # a truce told as possibly failing, a truce resolution of a council
        ("Analysis: why the truce with the rebels might not hold", ""),
        ("Town council votes for a Gaza ceasefire resolution", ""),
    ],
)
def test_prison_breaks_denied_swaps_and_truces_in_doubt_are_none(title: str, text: str) -> None:
    assert not _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Humanitarian truce begins in the north, rebels say", ""),
        ("", "The militia confirmed a prisoner swap with the army on Sunday."),
        ("", "The truce with the rebels is holding, the army said."),
    ],
)
def test_truces_and_swaps_told_as_news_still_count(title: str, text: str) -> None:
    assert _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a release set for a day
        ("", "The names of the captives due for release on Monday reached the mediators."),
        ("", "The rebels said the detainees slated for release were in good health."),
    ],
)
def test_captives_due_for_release(title: str, text: str) -> None:
    assert _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a means to a release, talks told impossible or turned down
        ("", "The minister said military pressure was the only way to free the captives."),
        ("Junta says peace talks impossible while rebels attack", ""),
        ("", "The government rejects direct talks with the rebels."),
        ("", "The inmates due for release under the parole scheme were named."),
    ],
)
def test_means_to_a_release_and_talks_turned_down_are_none(title: str, text: str) -> None:
    assert not _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the sides' joint body that watches a truce meets: a round of talks
        ("Truce monitors to meet in border town on Sunday", ""),
        ("", "The commission supervising the border agreement met on Friday, envoys said."),
        # the atomic energy agency's name is no energy deal
        ("", "Diplomats at the International Atomic Energy Agency see a deal with Tehran soon."),
    ],
)
def test_truce_monitors_meeting_and_the_atomic_agency(title: str, text: str) -> None:
    assert _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ceasefire monitors killed in roadside attack", ""),
        ("", "UN monitors met villagers after the truce was violated."),
        ("", "The two energy companies signed a gas supply deal with the ministry."),
    ],
)
def test_monitors_attacked_and_energy_deals_are_none(title: str, text: str) -> None:
    assert not _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # signing off on a deal, talks that yield one
        ("", "The rebels and the army have signed off on the first phase of the peace plan."),
        ("", "The talks in the capital yielded an agreement on the border, envoys said."),
        # a swap told by its ratio
        ("", "The two armies completed a 500-for-500 swap on Friday."),
        # a step under the deal in force, whatever the step is of
        ("", "The rebels marked the completion of disarmament under the peace deal."),
    ],
)
def test_deals_signed_off_yielded_swaps_by_ratio_and_steps_under_a_deal(
    title: str, text: str
) -> None:
    assert _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "The bonds yield five percent under the new tax deal."),
        ("", "The talks yielded no truce, the rebels said."),
        ("", "The two clubs completed a 2-for-1 player exchange."),
    ],
)
def test_yields_and_player_exchanges_are_none(title: str, text: str) -> None:
    assert not _developed(text, title)


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # where the sides agreed, between the verb and its object
        ("", "The militia and the government agreed in Nairobi to work toward a truce.", True),
        ("", "The two firms agreed in London to merge their trading arms.", False),
        ("Rival militias agree 'in principle' to a truce", "", True),
        # fighters laying down their weapons
        ("", "Rebel fighters began laying down their weapons on Monday.", True),
        ("", "Mourners were laying down flowers at the memorial.", False),
    ],
)
def test_an_agreement_placed_and_weapons_being_laid_down(title: str, text: str, flag: bool) -> None:
    assert _developed(text, title) is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # sides close to a deal in a headline's grammar, talks that make little progress
        ("Rival militias close to agreement on prisoners, envoy says", "", True),
        ("Border negotiations make little progress in the capital", "", True),
        # a place near a truce line, talks a side refuses
        ("", "The rebels shelled a village close to the ceasefire line.", False),
        ("", "The government refuses direct talks with the rebels.", False),
    ],
)
def test_sides_close_to_a_deal_and_talks_refused(title: str, text: str, flag: bool) -> None:
    assert _developed(text, title) is flag


def test_a_call_to_lay_down_arms_is_none_and_agreeing_to_is_an_agreement() -> None:
    call = "The premier made a last call to the militants to lay down their weapons."
    assert not _developed(call)
    agreed = "The rebels agreed to lay down their arms."
    assert "agreement_reached" in _events(agreed)
    assert _developed(agreed)
    assert _developed("Hundreds of rebels laid down their weapons on Monday.")


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # a side's negotiating team on its way or at the talks
        ("Rebel negotiating team to travel to Nairobi on Monday", "", True),
        ("", "The army's negotiating team landed in Addis Ababa for the truce talks.", True),
        ("Junta negotiation delegation in the capital as fighting rages", "", True),
        ("Club negotiating team in Madrid for transfer talks", "", False),
        # a deal that opens the way to a step
        ("", "The border accord with the rebels paves the way for a withdrawal.", True),
        ("Trade deal paves way for lower tariffs", "", False),
    ],
)
def test_negotiating_teams_and_deals_that_pave_the_way(title: str, text: str, flag: bool) -> None:
    assert _developed(text, title) is flag


@pytest.mark.parametrize(
    ("title", "text", "flag"),
    [
        # captives who arrive home are back from captivity
        ("", "The captives arrived home on Friday, the mediators said.", True),
        # a truce as a matter of indifference, a deal of minerals
        ("Ceasefire or not, Gaza's children go hungry", "", False),
        ("", "The two governments signed a critical minerals agreement.", False),
    ],
)
def test_captives_arriving_home_truce_or_not_and_minerals_deals(
    title: str, text: str, flag: bool
) -> None:
    assert _developed(text, title) is flag


@pytest.mark.parametrize(
    ("title", "flag"),
    [
        # a breakthrough in talks tells the talks; a break in them does not
        ("Mediators report breakthrough in Darfur peace talks", True),
        ("Rebels break off Darfur peace talks", False),
    ],
)
def test_a_breakthrough_in_talks_is_no_break(title: str, flag: bool) -> None:
    assert _developed("", title) is flag


@pytest.mark.parametrize(
    "text",
    [
        # a UN vote told by what it does, not by the word "resolution"
        "The Security Council voted on Tuesday to renew the sanctions on the junta.",
        "The U.N. General Assembly voted overwhelmingly to demand a withdrawal of the troops.",
        "The Security Council unanimously approved a measure sending monitors to the border.",
        "The Security Council on Friday authorised a multinational force for the island.",
    ],
)
def test_a_council_vote_told_by_its_effect_is_adopted(text: str) -> None:
    assert _developed(text)
    assert "vote_adopted" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a vote against or not to act, one to come, a state's own assembly
        "The Security Council voted not to renew the mission in the north.",
        "The U.N. General Assembly voted against a measure on the occupied region.",
        "The Security Council is expected to approve the force next week.",
        "The state's General Assembly voted on Monday to extend the tax credit.",
    ],
)
def test_council_votes_that_adopt_nothing_are_no_development(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    "text",
    [
        # a step the sides take under a new deal tells the deal
        "Hundreds of fighters were evacuated from the old city under a deal between the sides.",
        "The militia pulled out of the airport under an arrangement brokered by the envoy.",
        "Shelling stopped in the valley after a deal between tribal leaders and the army.",
        # two states or armed sides that settle their dispute, or end a state of war
        "Chad and Sudan settled their border dispute at a meeting on Sunday.",
        "The two neighbours, Peru and Ecuador, formally ended their state of war.",
    ],
)
def test_a_deal_told_by_its_effect_is_reached(text: str) -> None:
    assert _developed(text)
    assert "agreement_reached" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a strike or a company's deal, an aim, a home row, an old accord
        "The strike ended after a deal between the union and the company.",
        "Pakistan and India began a process to resolve their dispute over the region.",
        "The neighbours resolved their row over the fence.",
        "The two firms settled their patent dispute on Thursday.",
        "Under the deal between the two states, troops were withdrawn in 2016.",
    ],
)
def test_deals_and_settlements_of_no_conflict_or_aims_are_none(text: str) -> None:
    assert not _developed(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # the sides agree somewhere on a step: the place between verb and step
        ("The warring parties agreed in Stockholm on a withdrawal of forces from the port.", True),
        ("The rival armies agreed in Nicosia to open two crossings for civilians.", True),
        # near misses: a company in court, ministers on a budget plan
        ("The company agreed in court to pay compensation to its workers.", False),
        ("The ministers agreed in Brussels on a plan to cut the deficit.", False),
    ],
)
def test_sides_agreeing_somewhere_on_a_step(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # an arrangement is a deal's other name in a conflict
        ("The army and the militia reached an arrangement to let fuel into the city.", True),
        ("The cabinet approved the arrangement with the armed group on Friday.", True),
        # near misses: a debt, a child's custody, flowers
        ("The government reached an arrangement with creditors to reschedule its debt.", False),
        ("The parents signed an arrangement on custody of the children.", False),
        ("The florist and the bride reached an arrangement on the flowers.", False),
    ],
)
def test_an_arrangement_between_sides_is_a_deal(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side accepting a roadmap or a plan to end the fighting agrees to it
        ("The insurgents said they accepted the regional roadmap for ending the conflict.", True),
        ("The militia accepted the mediators' plan to end the war in the south.", True),
        # near misses: a plan of attack, a hospital, a company's road map, a pension row
        ("The cabinet accepted the army's plan for an offensive in the north.", False),
        ("The council accepted the plan to build a new hospital.", False),
        ("The company accepted the regulator's road map for cutting emissions.", False),
        ("Unions accepted the government's plan to end the pension dispute.", False),
    ],
)
def test_accepting_a_roadmap_to_end_a_war_is_agreeing(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Inmates freed in jailbreak", "Gunmen freed dozens of inmates in a jailbreak in Borno."),
        ("", "Insurgents freed hundreds of prisoners in an attack on the prison in Kaduna."),
        ("", "The rebels freed forty detainees in a prison break near the front line."),
        (
            "Rebels refuse to attend peace talks",
            "The rebels refused on Monday to attend talks with the army in the capital.",
        ),
    ],
)
def test_a_release_by_jailbreak_or_talks_refused_on_a_day_are_no_development(
    title: str, text: str
) -> None:
    assert not _developed(text, title=title)


@pytest.mark.parametrize(
    "text",
    [
        # the jailbreak is background to a release the captors made
        "The rebels freed twelve hostages on Sunday, days after an attack on the prison.",
        # the refusal is of something else, and the talks are agreed to
        "The rebels refused on Monday to lay down arms but agreed to talks with the army.",
    ],
)
def test_a_release_or_talks_beside_a_jailbreak_or_refusal_still_flag(text: str) -> None:
    assert _developed(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a vote to come or put off with no international body, council or resolution named is
        # an election's or a parliament's
        ("The vote had first been set for the second Sunday of May.", False),
        ("The governor warned that delaying the vote would split the province.", False),
        ("The mayor laid a wreath a week before a scheduled vote to choose his successor.", False),
        # near misses: the Council's or the UN's vote, or one on a resolution, still counts
        ("The Security Council vote on the truce was postponed until Friday.", True),
        ("A vote on the draft resolution is scheduled for Thursday, diplomats said.", True),
        ("The vote was pushed back a day to allow the envoys more consultations.", True),
    ],
)
def test_a_vote_to_come_of_no_body_raises_no_flag(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # demands turned down in a home affair are no conflict's move
        ("The premier rejected demands for cheaper train tickets on Monday.", False),
        ("The cabinet dismissed opposition demands to bring the election forward.", False),
        # near misses: demands turned down by or of an armed side, or across a dispute
        ("The rebels rejected the government's demands to disarm before the talks.", True),
        ("Tehran rejected Washington's demands over its nuclear programme.", True),
        ("Turkey turned down the demands as unacceptable on Friday.", True),
    ],
)
def test_demands_turned_down_in_a_home_affair_raise_no_flag(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a Council vote set for a day, a draft the Council (its acronym too) is to vote on
        ("The Security Council is expected to vote on Thursday.", True),
        ("UN Council set to vote tomorrow on a truce in the enclave", True),
        ("The UNSC will vote on the draft text next week.", True),
        # a veto told as the Council's text blocked
        ("Moscow blocked a UN call for a pause in the fighting on Tuesday.", True),
        ("China blocked a Council call for an end to the offensive on Friday.", True),
        # near misses: a town's vote, a motion a council only threatens to block, a road blocked
        ("The city council is set to vote Monday on the parking rules", False),
        ("The minister threatened to block the council's motion on the budget.", False),
        ("Protesters blocked the road outside the UN compound", False),
    ],
)
def test_council_votes_set_for_a_day_and_texts_blocked(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # fighting or calm that "returns" after a truce is no captives' return under a deal
        ("Fighting returns to the valley after the truce between the army and rebels ends", False),
        ("Calm returned to the Darfur town after the truce talks in Doha", False),
        ("Shelling returns to the border after truce between army and militia expires", False),
        # near miss: people returned after the deal
        (
            "Captured soldiers returned to their families after the truce deal between the army "
            "and the rebels",
            True,
        ),
    ],
)
def test_fighting_that_returns_after_a_truce_is_no_release(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # captives freed on a day of a truce, whoever holds them
        ("Twelve Ukrainians were set free on the second day of the ceasefire.", True),
        ("The Georgians were freed on the third day of the ceasefire, relatives said.", True),
        # prisoners freed from a side's prisons
        ("Forty men were released from army prisons overnight", True),
        ("The army freed 40 fighters from its prisons overnight.", True),
        # near misses: a release denied, a film released on a day, prisons only named
        ("The militia did not release anyone on the sixth day of the truce.", False),
        ("The documentary was released on the first day of the festival.", False),
        ("Inspectors visited two prisons in the north on Monday.", False),
    ],
)
def test_releases_on_a_truce_day_or_from_a_side_s_prisons(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a call renewed is no truce renewed
        ("The bishop renews his appeal for a ceasefire in Darfur", False),
        ("Aid groups renewed calls for a truce in Yemen on Monday", False),
        ("Elders renewed their push for a truce between the clans in Jubaland", False),
        # near misses: the truce itself renewed or extended
        ("The army and the rebels renewed the Darfur truce for a month", True),
        ("Mediators extended the Yemen ceasefire by a week", True),
    ],
)
def test_a_renewed_call_for_a_truce_is_no_truce_extended(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's or a mediator's meeting with the mediators or negotiators of a conflict
        ("Security chief meets Qatari mediators in Doha", True),
        ("The envoy met the truce negotiators in the capital on Sunday.", True),
        # gaps the talks narrow, told by a side or a mediator
        ("The mediator said gaps were narrowing on a truce.", True),
        ("The rebels and the army have narrowed their differences over the ceasefire.", True),
        # near misses: a labour dispute's mediators, gaps that do not narrow, a trade gap
        ("Union leaders met with state mediators over the wage dispute.", False),
        ("Gaps on the truce have not narrowed, the envoy said.", False),
        ("The trade gap narrowed in March, the statistics office said.", False),
    ],
)
def test_meetings_with_mediators_and_gaps_narrowing_are_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a city's or a county's members voting for a truce call make a call, not a UN vote
        ("County supervisors approve a resolution calling for a ceasefire in Sudan", False),
        ("Town councillors adopted a resolution urging a truce in Yemen on an 8-3 vote", False),
        ("City council members pass resolution calling for a Darfur truce", False),
        # near misses: the Security Council and its members
        ("The UN Security Council adopted a resolution calling for a ceasefire in Sudan", True),
        ("Security Council members adopted a resolution demanding a truce in Yemen", True),
    ],
)
def test_a_local_council_resolution_for_a_truce_is_no_un_vote(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a release set for a day, told by what comes first
        ("Captives will not be set free before Sunday under the accord, mediators say", True),
        ("The prisoners will not be freed before Thursday, an official said.", True),
        # near misses: a release on a condition, one put off with no day
        ("The hostages will not be released until the army withdraws, the group said.", False),
        ("The captives won't be freed until further notice.", False),
    ],
)
def test_a_release_set_for_a_day_told_by_what_comes_first(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # someone freed after an arrest or questioning was in a state's custody, not a captor's
        ("Reporter freed after 10-hour arrest by soldiers in Darfur", False),
        ("Two cameramen released after questioning by army troops in Yemen", False),
        ("Aid worker set free after a long interrogation at a Darfur checkpoint", False),
        # near misses: freed after talks, or after days in captivity
        ("Rebels freed the aid worker in Darfur after talks with elders", True),
        ("Hostages freed after 40 days in rebel captivity in Darfur", True),
    ],
)
def test_a_release_after_an_arrest_is_no_captives_release(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # talks only possible are no talks planned
        ("Army shells rebel towns in Darfur amid possible new round of talks", False),
        ("Envoy sees potential new talks between Sudan army and rebels next week", False),
        # near misses: talks set, or agreed
        ("Army and rebels to hold a new round of talks in Darfur next week", True),
        ("Sudan army and rebels agree on new round of talks in Jeddah", True),
    ],
)
def test_talks_only_possible_are_no_talks_planned(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side pushed to agree is urged (a call), not a side at the table
        ("The envoy pushes the rebels to agree on a Darfur ceasefire", False),
        ("US pushes Sudan army to accept truce deal with rebels", False),
        # near misses: the mediators' own push, and the agreement itself
        ("Mediators push to seal a Darfur truce deal between army and rebels", True),
        ("A renewed push by Qatar to broker a Darfur truce between army and rebels", True),
        ("Army and rebels agree on a Darfur ceasefire", True),
    ],
)
def test_a_side_pushed_to_agree_is_a_call(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a third side's or an ally's backing of talks or a deal is a stance, not a round held
        ("Beijing says it backs direct talks between the two Koreas", False),
        ("Coalition partners back the hostage deal with the militants", False),
        # near misses: talks held, backed by a third side; a deal backed and then signed
        ("Armenia and Azerbaijan hold direct talks backed by Moscow", True),
        ("The rebels and the army signed a Qatar-backed truce deal in Doha", True),
    ],
)
def test_talks_or_a_deal_backed_by_a_side_are_a_stance(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a mediator's trip to rescue or salvage a deal is a mediation step, like one to push
        ("UN mediators arrive in Yemen to try to rescue the truce", True),
        ("The AU envoy flew to Addis Ababa to salvage the peace deal", True),
        # near misses: no deal of a war saved, or no trip to save one
        ("The minister returned home to save his pension deal", False),
        ("Rescuers arrive to try to save miners trapped since the truce", False),
    ],
)
def test_a_trip_to_rescue_a_deal_is_mediation(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side's delegation sent to meet the mediators is a round of mediation
        ("The rebels are sending a delegation to Jeddah to meet Saudi and US mediators", True),
        # near miss: a delegation that meets no mediator
        ("The club sent a delegation to Madrid to meet its new coach", False),
    ],
)
def test_a_delegation_sent_to_meet_mediators_is_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # someone in, at or during truce talks written as one word ("ceasefire"), or truce
        # "negotiations": the talks took place
        ("Spy chief leaves Cairo after taking part in ceasefire talks", True),
        ("The envoy was present at the ceasefire negotiations in Doha on Monday.", True),
        ("Two militia leaders spoke during truce negotiations in the capital", True),
        # near misses: talks only hoped for, or a different kind of talks
        ("The minister hopes to take part in ceasefire talks", False),
        ("Sprinters in the ceasefire fun run took part in pep talks", False),
    ],
)
def test_someone_in_ceasefire_talks_tells_them_held(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a headline's roundup joins stories by semicolons: another story's words (schools, a
        # company, trade) do not veto a conflict's step told in its own clause
        ("US-Iran nuclear talks resume in Oman; court upholds ban on phones in schools", True),
        ("Football league fines club; Russia and Ukraine begin peace talks in Istanbul", True),
        # near misses: no clause of the roundup tells a conflict
        ("The two firms sign merger deal; shares rally in Tokyo", False),
        ("Union and carmaker resume wage talks; strike enters third week", False),
    ],
)
def test_a_roundups_clause_is_read_for_its_own_conflict(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    "text",
    [
        # people traded for people, or soldiers swapped by count: an exchange of captives
        "Nine militia fighters were exchanged against nine soldiers at the river crossing.",
        "Twelve soldiers were swapped for twelve rebel fighters near the border.",
        "The two armies exchanged 40 soldiers each on Friday.",
    ],
)
def test_fighters_traded_for_fighters_are_an_exchange(text: str) -> None:
    assert "hostage_exchange" in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # fire, goods or players traded are no captives
        "The rebels exchanged fire with soldiers near the border.",
        "Sacks of grain were exchanged for fuel at the market.",
        "The striker was traded for two draft picks.",
    ],
)
def test_fire_goods_or_players_traded_are_no_exchange(text: str) -> None:
    assert "hostage_exchange" not in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # two sides (named by compounds or not) that free captives in equal numbers swap them
        "Pro-army and anti-junta militias freed 12 prisoners each near the river port.",
        "The two warring factions released 40 detainees each on Sunday.",
    ],
)
def test_captives_freed_in_equal_numbers_are_an_exchange(text: str) -> None:
    assert "hostage_exchange" in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # near misses: one side's release by its forces, or no captives freed "each"
        ("Pro-army forces released 60 prisoners in the eastern province.", False),
        ("The two clubs released 15 players each at the end of the season.", False),
    ],
)
def test_no_exchange_without_captives_freed_each(text: str, flag: bool) -> None:
    assert "hostage_exchange" not in _events(text)
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # someone freed whom a relative clause tells held hostage or captive
        ("The militia freed the governor's aide, who had been held hostage since March.", True),
        (
            "Gunmen released on Sunday the engineer from the power plant, whom they had held "
            "captive for six weeks.",
            True,
        ),
        # near misses: held by the courts, or only a video released
        ("The court released the banker, who had been held in custody since May.", False),
        ("The group released a video of the pilot, who has been held hostage since March.", False),
    ],
)
def test_someone_freed_whom_a_clause_tells_held_hostage(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce or a deal named as the time of other news is background
        ("Twelve soldiers were killed during the two days that followed the truce.", False),
        (
            "Shelling resumed after the end of the week-long truce that was mediated by Qatar.",
            False,
        ),
        ("The offensive began hours before the start of the AU-brokered ceasefire.", False),
        ("Raids went on after the expiry of the truce signed in Addis Ababa.", False),
        # near misses: a truce told made in a clause of its own
        ("Clashes broke out after a truce was agreed on Monday morning.", True),
        ("The rebels signed a truce after the army left the valley.", True),
    ],
)
def test_a_truce_named_as_a_time_is_background(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # the truce's observers, a condition to resume talks, a protest about a plan or talks,
        # a deal a side fails to carry out: no new development
        ("Militiamen shot at the monitoring team that observes the truce near the port.", False),
        (
            "The government named an end to the shelling as a condition to resume the peace talks.",
            False,
        ),
        (
            "Hundreds took to the streets to back the governor and denounce the proposed peace "
            "plan of the envoy.",
            False,
        ),
        (
            "A protest was held in the city to show support for the rebels' stance on the peace "
            "talks due in Geneva next week.",
            False,
        ),
        ("Failing to honour an accord signed in May, the militia set up new checkpoints.", False),
        # near misses: the sides keep the truce, talks resume, a protest beside a deal
        ("The rebels observed the truce across the province on Monday.", True),
        ("The government and the rebels resumed peace talks in Geneva.", True),
        (
            "Protesters rallied in the capital as the government and the rebels signed a peace "
            "deal.",
            True,
        ),
    ],
)
def test_observers_conditions_protests_and_failures_are_background(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a release a fight makes or a prison attacked: by force, no negotiated release
        (
            "Villagers intervened, prompting clashes that finally freed the abducted trader.",
            False,
        ),
        ("Two guards died in the assault, which freed six hostages held in the cellar.", False),
        ("Insurgents attacked the central jail of the town and freed dozens of prisoners.", False),
        # near misses: a release after a deal, or captives freed by their captors
        ("After the clashes, the kidnappers freed the abducted trader under a tribal deal.", True),
        ("The militants freed six hostages held in the cellar on Monday.", True),
    ],
)
def test_a_release_by_a_fight_or_a_prison_attack_is_forced(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # those who surrendered told as killed after it: the killing is the news
        ("The twelve policemen were shot dead after they surrendered to the insurgents.", False),
        ("The executions took place after the conscripts had surrendered to the militia.", False),
        # near misses: a surrender that follows a killing, or others who gave up
        ("The rebels surrendered to the army after troops killed their commander.", True),
        ("Gunmen killed two guards after forty other fighters surrendered to the army.", True),
    ],
)
def test_a_surrender_told_before_the_killing_of_those_who_gave_up(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a long subject of people held hostage, then their release
        (
            "All travellers held hostage on the hijacked ferry that docked at the southern port "
            "with 80 passengers on board have been freed, officials said.",
            True,
        ),
        # near miss: the hostages are not told freed
        (
            "All travellers held hostage on the hijacked ferry that docked at the southern port "
            "have been moved to a warehouse, officials said.",
            False,
        ),
    ],
)
def test_people_held_hostage_told_freed_after_a_long_subject(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a deal a side is unlikely to sign, or one criticised after it was made: no new deal
        ("The premier said on Friday he is unlikely to sign a border pact with the rebels.", False),
        ("Hardline clerics on Monday criticised a peace deal reached with the insurgents.", False),
        # near misses: a deal signed, or one reached and then praised
        ("The premier said on Friday he had signed a border pact with the rebels.", True),
        ("Clerics on Monday praised a peace deal reached with the insurgents.", True),
    ],
)
def test_a_deal_unlikely_or_criticised_is_no_new_deal(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a jail left open: its guards gone, or the building wrecked
        (
            "Some 300 inmates held in the district jail were freed on Sunday after the guards fled "
            "their posts as rebels closed in.",
            False,
        ),
        (
            "Shelling hit the prison, and 500 detainees were released the next day due to heavy "
            "damage to its walls.",
            False,
        ),
        # near misses: captives freed by their captors, or after a deal
        (
            "The rebels freed 30 captured soldiers on Sunday after the elders pleaded with them.",
            True,
        ),
        ("The militia released 500 detainees on Sunday under a deal with the army.", True),
    ],
)
def test_prisoners_freed_from_a_jail_left_open_are_no_release(text: str, flag: bool) -> None:
    assert _developed(text) is flag


@pytest.mark.parametrize(
    "text",
    [
        # an exchange of fire told by its noun, then a clause naming the fighters: no swap
        "A gunfire exchange occurred between the militants and the army near the dam.",
        "Firing exchange erupted after troops surrounded the fighters in the hills.",
    ],
)
def test_an_exchange_of_fire_before_fighters_is_no_swap(text: str) -> None:
    assert "hostage_exchange" not in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a trip made as part of a bid to revive or push the peace process or the talks is a
        # mediator's step
        ("The envoy arrived in the region late on Sunday as part of a fresh attempt to revive "
         "the peace process.", True),
        ("The foreign minister begins a visit to Khartoum in a bid to push the stalled peace "
         "talks", True),
        ("The secretary landed in the Gulf capital as part of efforts to salvage the truce.",
         True),
        # ... also on a minister's visit, where no envoy is named
        ("The secretary of state began a visit to the capital as part of an attempt to revive "
         "the peace process.", True),
        # near misses: a company's deal, or a bid with no negotiation in it
        ("The chief executive arrived in Tokyo as part of an effort to revive the merger deal "
         "with the carmaker.", False),
        ("The minister visited the refugee camp in a bid to save the lives of children.", False),
    ],
)  # fmt: skip
def test_a_trip_in_a_bid_to_revive_the_peace_process(text: str, flag: bool) -> None:
    assert _developed(text) is flag
    if flag:
        assert "talks_held" in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a side that enters talks joins them
        ("The president enters the talks with the rebels in person", True),
        ("The junta is entering talks with the armed groups", True),
        # near misses: troops entering a place, and a firm's wage talks
        ("Troops entered the town after talks with the rebels failed", False),
        ("The carmaker entered talks with the union over wages", False),
    ],
)
def test_a_side_that_enters_talks(text: str, flag: bool) -> None:
    assert _developed(text) is flag
    if flag:
        assert "talks_held" in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # the adoption of a Council resolution, named by its noun, is a vote adopted
        ("Explanation of vote at the adoption of a Security Council resolution renewing the "
         "mission in Darfur", True),
        ("Statement after the adoption of UN resolution 2728 on Gaza", True),
        # near misses: an adoption called for, blocked, delayed or still to come, and a
        # city's resolution
        ("Palestinians call for the adoption of a Security Council resolution on Gaza", False),
        ("Russia blocks the adoption of a Security Council resolution on Gaza", False),
        ("The Council delays the adoption of a resolution on Gaza", False),
        ("Diplomats meet ahead of the adoption of a Security Council resolution on Sudan",
         False),
        ("City council debates the adoption of a resolution on housing", False),
    ],
)  # fmt: skip
def test_the_adoption_of_a_resolution(text: str, flag: bool) -> None:
    assert _developed(text) is flag
    if flag:
        assert "vote_adopted" in _events(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a truce's end that only dates other news is no development of the talks
        ("Jets struck rebel bases in the port city after the cease-fire expired on Sunday.", False),
        ("Fighting flared along the front line once the truce ended.", False),
        ("An hour after the ceasefire had expired, shelling hit the rebel-held district.", False),
        # near misses: the end told as the news, in a clause of its own or an "as" clause
        ("The ten-day truce with the rebels collapsed on Sunday.", True),
        ("Fighting resumed in the north as the truce with the rebels expired.", True),
    ],
)
def test_a_truce_end_that_dates_other_news_raises_no_flag(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a meeting held to reach a deal is talks held, whoever the sides
        ("The two clan militias held a meeting to reach a peace agreement.", True),
        ("Elders of the feuding clans met to reach an agreement on ending the fighting.", True),
        (
            "The insurgents held meetings with two clan militias in the market town "
            "(north district) to forge a truce between the clans.",
            True,
        ),
        # near misses: a meeting still to come, and a meeting of firms or of a board
        ("The two clan leaders will meet next week to reach a peace agreement.", False),
        ("Leaders of the two clans met last year, and have yet to reach a peace agreement.", False),
        ("The board met on Monday to reach a deal with the union.", False),
        ("The two firms met to negotiate a merger deal.", False),
    ],
)
def test_a_meeting_held_to_reach_a_deal_is_talks(text: str, flag: bool) -> None:
    assert extract(text).summary.negotiation is flag
