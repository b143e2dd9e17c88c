"""Casualty wordings of real reports: one victim told many ways, people joined to a figure,
people added later, shooters, and a narrative's lead incident."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from consumers.extraction.tally import NARRATIVE_SENTENCES


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Karimi, 34, a shopkeeper from the old quarter, was killed when shells hit.",
        "A village elder, who was wounded in the raid on Tuesday, died in hospital on Thursday.",
        "Maria Lopez succumbed to her wounds on Sunday.",
        "Rebels set a truck on fire. The driver later died in hospital.",
        "A farmer lost his life when the mine exploded.",
        "The commander was pronounced dead at the scene.",
        "Gunmen opened fire on the convoy, leaving a guard dead.",
        "Gunmen shot the village chief dead on Monday.",
        "Witnesses said the mob beat him to death.",
        "Inhabitants fought herders near the well on 11 July. One killed.",
        "Gunmen seized a trader at dusk. His bullet-riddled body was recovered on Monday.",
        "The bomber detonated his vest at the gate, killing himself.",
        "Villagers lynched a suspected thief.",
    ],
)
def test_one_victim_told_many_ways_counts_one(text: str) -> None:
    assert _killed(text) == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The cashier was pronounced deceased at the hospital.", 1),
        ("A teen was shot in the back and was later pronounced deceased.", 1),
        ("Both victims were later pronounced deceased at the scene.", 2),
        ("Two men were found shot in a car. Both men were pronounced dead.", 2),
        # near misses: the dead told of, not told dead; a group, not people
        ("The deceased was identified as a local cashier.", 0),
        ("Relatives of the deceased gathered outside the court.", 0),
        ("Both sides were pronounced winners of the match.", 0),
    ],
)
def test_pronounced_deceased_is_a_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one body found: a name's, one told dead, one with what marks it, found "later"
        ("Gunmen seized a trader at dusk. Omari's body was found in a ditch.", 1),
        ("Raiders took a chief away. The chief\u2019s dead body was later recovered.", 1),
        ("Gunmen seized a trader. His body with stab wounds was discovered on Monday.", 1),
        ("Gunmen seized a guide. The body of the guide was found near the border.", 1),
        # "later" before the verb of "the body of ...", and "a body" alone found
        ("Shots were heard at night. The body of a porter was later discovered by the road.", 1),
        ("Youths fought the police, and a body is later found near the bridge.", 1),
        ("A body has been found dumped in a well outside the village.", 1),
        # near misses: a body of people, a body found to have acted
        ("A body was set up to look into the clashes.", 0),
        ("A body has been found to have no power over the police.", 0),
        ("The council's governing body was found to have acted lawfully.", 0),
        ("The body of the council was found guilty of negligence.", 0),
        ("The UN's human rights body was told of the abuses.", 0),
    ],
)
def test_one_body_found(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The blast hit the bus stop, leaving both brothers dead.", 2),
        ("Gunmen stormed the farm, leaving the trio dead.", 3),
        ("The shelling left Omar and Yusuf dead.", 2),
        ("The raid left the villagers dead.", 0),
    ],
)
def test_the_object_of_leaving_dead_says_how_many(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Four soldiers and a civilian were killed in the ambush.", 5),
        ("Rebels killed three farmers and a trader near the river.", 4),
        ("An officer and two rebels were killed in the clash.", 3),
        ("A gun battle ensued and 4 rebels were killed.", 4),
        ("The gunman killed two people and himself.", 3),
        ("Two rebels [of the northern front] were killed in the raid.", 2),
        ("A trader and his daughter were killed when gunmen opened fire.", 2),
        ("The driver and his assistant died later in hospital.", 2),
        ("He shot his neighbour to death and then fatally shot himself.", 2),
        ("Two men were shot. One died at the scene and the other died later.", 2),
        ("Four people were killed in the attack. One of the dead was a nurse.", 4),
        ("Two were wounded in the blast. Later one of them succumbed to his injuries.", 1),
        ("Two protesters succumbed to bullet injuries on Monday.", 2),
        ("Gunmen fired on the two men in the office, killing both.", 2),
        ("A local leader along with his driver were shot dead.", 2),
    ],
)
def test_one_person_joined_to_a_figure_is_added(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_people_told_as_more_add_to_the_figure_before() -> None:
    text = "Three people were killed in the blast. Two more died later in hospital."
    assert _killed(text) == 5
    text = "A guard was killed at the gate. Another guard died of his wounds."
    assert _killed(text) == 2


def test_a_restated_victim_still_counts_once() -> None:
    text = "A teacher was killed in the strike. The teacher was buried on Friday."
    assert _killed(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The suspect took his own life.",
        "The gunman killed himself as police arrived.",
    ],
)
def test_a_shooter_who_dies_counts(text: str) -> None:
    assert _killed(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "A day after the commander died, fighting resumed.",
        "It was killed in committee.",
        "Protesters marched after the death of a student.",
        "Officers stopped the suspect from killing himself.",
        "Residents rioted after a candidate was murdered.",
    ],
)
def test_background_deaths_are_not_counted(text: str) -> None:
    assert _killed(text) == 0


def test_a_yearly_rate_is_no_incident() -> None:
    found = extract("There are nearly 600 gun deaths in the state each year.").casualties
    assert [(c.count, c.scope) for c in found] == [(600, "cumulative")]


def _narrative(lead: str, later: str) -> str:
    filler = [f"Residents of the district described the scene on street {n}." for n in range(9)]
    return " ".join([lead, *filler, later])


def test_a_narrative_counts_its_leads_incident() -> None:
    text = _narrative(
        "Two people were shot dead outside a bar on Friday night.",
        "Last week, three people were killed in a shooting across town.",
    )
    assert len(extract(text).casualties) >= 2  # both figures are reported as found
    assert _killed(text) == 2


def test_a_narrative_still_adds_people_told_as_more() -> None:
    text = _narrative(
        "Two people were shot dead outside a bar on Friday night.",
        "Two more victims died in hospital on Saturday.",
    )
    assert _killed(text) == 4


def test_a_short_report_sums_its_incidents() -> None:
    text = "Two people were killed in the north. Three were killed in the south."
    assert _killed(text) == 5
    assert NARRATIVE_SENTENCES > 2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three herders from the valley near the old mill were killed on Monday.", 3),
        ("Nine porters who were carrying grain to the depot were gunned down.", 9),
        ("Four traders, seized by bandits at the market, were later shot dead.", 4),
        ("Two guards were abducted by raiders and later executed.", 2),
        ("Five rebels were ambushed by troops and killed.", 5),
        ("Two villagers and one soldier in the northern district were killed.", 3),
        ("Two of the men arrested at the border were released on bail.", 0),
        ("Gunmen stormed two farms where the owners were killed.", 0),
        ("Two clans clashed in the hills on Monday and many people were killed.", 0),
        ("One of the five robbers who entered the shop was shot dead.", 1),
        ("Three herders, including a 9-year-old boy were killed near the well.", 3),
        ("Six students were wounded when the roof fell and a teacher was killed.", 1),
    ],
)
def test_a_figure_ties_to_its_verb_past_a_long_phrase(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two porters who were guides for the patrol died in the blast.", 2),
        ("Three miners that had been trapped underground died on Friday.", 3),
        ("One ranger who was on duty near the gate died of his wounds.", 1),
        # near misses: the relative clause's own "died", or a report said by the group
        ("Two cousins of a herder who died in the raid were arrested.", 0),
        ("Two brothers who were at the well with a man who died were questioned.", 0),
        ("Four guards who were on duty said a prisoner died.", 1),
    ],
)
def test_a_figure_ties_to_died_past_a_relative_clause_of_its_own(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A pickpocket was seized, stripped naked, and stoned to death by traders.", 1),
        ("Two drivers were dragged out of their lorry and killed.", 2),
        ("An informant was snatched from his cell by a crowd and beaten to death.", 1),
        ("3 herders seized from the camp and murdered at dawn.", 3),
        ("Five villagers were shot, hacked and beheaded by raiders.", 5),
        ("A band of six thieves were seized and burnt alive by a crowd.", 6),
        ("Two farmers were hacked and wounded by herders.", 0),
        ("Four men were arrested, questioned and released by soldiers.", 0),
        ("Two youths were dragged from the river and taken to hospital.", 0),
    ],
)
def test_things_done_before_a_killing_join_it(text: str, killed: int) -> None:
    """A chain of what was done to the victims ("nabbed, stripped naked, and clubbed to
    death", "dragged from his car and killed") ends in the killing the figure ties to."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A shepherd was slaughtered near the well on Sunday.", 1),
        ("Raiders beheaded three villagers in the forest.", 3),
        ("Soldiers gun down four smugglers at the crossing", 4),
        ("Bandits murdered a schoolteacher at his home.", 1),
    ],
)
def test_more_killing_verbs_count_their_people(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    "text",
    [
        "Students marched in the capital against the killing of two teachers.",
        "Crowds gathered against the brutal murder of three farmers.",
        "Families demanded accountability for the killing of two youths last week.",
        "Drivers blocked the highway after four pilgrims were killed in a crash.",
        "Residents rioted in the town after two boys were shot dead by guards.",
        "In the wake of the bombing that left 19 dead, traders shut their shops.",
        "A day after the killing of two porters, drivers held a sit-in at the depot.",
        "Drivers struck the day after the murder of three porters at the depot.",
        "Police held six men wanted for the 2009 raid in which four guards were killed.",
        "Fishermen dumped hundreds of kilograms of dead fish outside the plant.",
        "A crowd vandalized the clinic following the death of 4 students in a crash.",
    ],
)
def test_deaths_that_are_the_reason_for_a_protest_are_not_new(text: str) -> None:
    assert _killed(text) == 0


def test_the_attackers_own_killing_after_a_burning_is_new() -> None:
    assert _killed("Raiders torched the granaries after killing 3 villagers.") == 3


def test_ages_between_commas_are_no_figures() -> None:
    found = extract("Ann Reyes, 31, and Tom Hale, 28, were arrested at the bar.").casualties
    assert [c.count for c in found if c.count in (28, 31)] == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three gunmen on a motorbike shot dead a shopkeeper in the bazaar.", 1),
        ("Six attackers killed a guard and fled.", 1),
        ("Six attackers were killed by the guards.", 6),
        ("Six attackers killed in the raid, police said.", 6),
        ("A unit of 9 Rifles gunned down three smugglers at the pass.", 3),
        ("1 policeman killed 5 injured in a blast at the depot", 1),
        # a name as the object, and a figure of the agents after "by"
        ("Three gunmen shot and killed Yusuf Bello, a trader, at his shop.", 1),
        ("Four robbers killed Amina Okoro at her stall.", 1),
        ("The farmer was stabbed by three youths and later succumbed in hospital.", 1),
        ("Three raiders killed at least 12 herders at the well.", 12),
        ("Two bombers killed more than 20 worshippers at the mosque.", 20),
        # near misses: a day, a month or a place word after the verb; a figure before "by"
        ("Two guards killed at least 4 hurt in the blast at the depot.", 2),
        ("Two soldiers killed Saturday in an ambush near the camp.", 2),
        ("Five herders killed In Benue as raids continue.", 5),
        ("3 guards were killed by gunmen at the gate.", 3),
    ],
)
def test_a_figure_before_an_active_killing_counts_the_killers(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Villagers killed Karim Osei (41), a cattle trader, on Sunday.", 1),
        ("A gunman shot dead Lina Haddad outside her office.", 1),
        ("A roadside bomb killed corporal Dawit Bekele near the bridge.", 1),
        ("Troops killed Boko fighters near the lake.", 0),
        ("Students marched protesting the killing of reporter Sam Okoro.", 0),
        ("A trader who suffered burns in the arson attack died in hospital.", 1),
        ("Musa Bello died down the road from the market.", 1),
        # near misses: something that subsides is no death
        ("The revolt of Musa Bello died down within a week.", 0),
        ("The protests of Musa Bello died out.", 0),
        # near misses: a plan, a truce or an engine that "died" is no one's death
        ("The plan died in committee after a long debate.", 0),
        ("The ceasefire died within hours of its signing.", 0),
        ("The proposal quickly died after the vote.", 0),
        ("The old engine died on the runway at dawn.", 0),
        ("The peace activist died in custody on Monday.", 1),
        ("A strike leader later died of his injuries.", 1),
    ],
)
def test_a_named_victim_or_a_relative_clause_counts_one(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    "text",
    [
        "The mutilated body of a schoolteacher was found in a ditch near the market.",
        "A shopkeeper was discovered dead behind his stall on Friday.",
        "One 60-year-old farmer died when the mob set his house alight.",
        "A grenade hit the market, resulting in the death of a vendor.",
        "The fight between the two clans led to the death of 19-year-old herder.",
    ],
)
def test_a_found_body_or_an_aged_victim_counts_one(text: str) -> None:
    assert _killed(text) == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A rebel captain, and 5 fighters were killed in the raid.", 6),
        ("A smuggler and his three helpers were killed at the river.", 4),
        ("A commander, as well as four guards were killed at the camp.", 5),
    ],
)
def test_one_person_named_before_a_figure_is_added(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Troops fought rebels near two wells (coded separately). Eight rebels died. "
            "8 fatalities split across 2 events and coded as 4 for this event.",
            4,
        ),
        ("A clash left 9 deaths (coded across 3 events) and 5 injuries.", 3),
        ("Four herders were killed (the deaths have been split over two events).", 2),
        (
            "Unknown number of fatalities coded as 6 and split over 3 events, coded as 2 for this "
            "event.",
            2,
        ),
        ("Seven fatalities were split across two locations and coded as 3.", 3),
        ("Nine people were killed in the clashes; the deaths are divided over 3 events.", 3),
    ],
)
def test_a_reports_share_of_a_split_figure_is_its_count(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_share_is_shown_as_part_of_the_figure_it_divides() -> None:
    found = extract("Ten fighters were killed. 10 fatalities split across 5 events and "
                    "coded as 2 for this event.").casualties  # fmt: skip
    assert [(c.count, c.part_of) for c in found] == [(10, None), (10, None), (2, 1)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Militia (coded as unidentified armed group) killed 3 herders near the dam.", 3),
        ("Aid was split across 4 districts after 3 people were killed in a raid.", 3),
        ("Two people were killed; the remaining deaths were split across 4 events.", 2),
    ],
)
def test_other_coding_notes_keep_the_figure(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders killed 12 villagers at the market. Other sources claim 20 deaths.", 12),
        ("Gunmen shot dead 4 guards (some reports 6 deaths) at the depot.", 4),
        ("Two soldiers were killed. A conflicting report by a radio station holds five deaths.", 2),
        ("Troops killed 30 fighters near the river. Others claim 45 were killed.", 30),
        ("Some reports say that 7 people were killed in the flooding of the camp.", 7),
        # a source named before its count of the dead told before
        ("Raiders killed 3 herders at the well. The Daily Monitor reports 8 dead.", 3),
        ("One guard was killed in the raid. A local radio reported nine guards dead.", 1),
        ("Five miners died in the blast. Local reports hold 11 deaths.", 5),
        # near misses: the only count, more people, or other people
        ("The Daily Monitor reports 8 dead in a raid on the well.", 8),
        ("Five rebels were killed. Additionally, the army reports two soldier deaths.", 7),
        ("Five rebels were killed. The army reported two more soldiers killed.", 7),
    ],
)
def test_another_sources_estimate_is_not_added(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Rebels and troops fought near the ford. Fighters on both sides were killed. "
            "Unspecified number of fatalities coded as 3.",
            3,
        ),
        ("2 guards and several raiders were killed at the gate. Unknown fatalities coded as 3.", 5),
        (
            "9 herders were killed. Many raiders died too (unspecified fatalities coded as 3). "
            "Fatalities coded as 12 (9 herders and 3 raiders).",
            12,
        ),
        ("A convoy was hit by a drone. Fatalities coded as 2.", 2),
    ],
)
def test_a_count_coded_for_unnumbered_deaths_is_used(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A herder is shot dead by raiders near the well.", 1),
        ("A trader is attacked and killed by a gang at dusk.", 1),
        ("Four fishermen from the lake village are killed by gunmen.", 4),
        ("Raiders kill a shepherd in the hills.", 1),
        ("A mob lynches a suspected thief at the market.", 1),
        ("Bandits stormed the farm and killed her.", 1),
        ("The gang tried to kill a witness.", 0),
        ("He warned that the robber might kill her.", 0),
        ("They talked about killing him.", 0),
    ],
)
def test_present_tense_reports_count_their_victims(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two clans fought over a pasture. One death and several injuries reported.", 1),
        ("Rival groups clashed at the market; one reported death.", 1),
        ("Three porters from the convoy have died of their wounds.", 3),
        ("The court sentenced him to death in March.", 0),
        ("Relatives mourned his death on Friday.", 0),
    ],
)
def test_a_death_told_as_a_noun_or_a_perfect_counts(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders stole a herd and twelve camels were killed in the attack.", 0),
        ("A farmer shot and killed seven goats that strayed onto his land.", 0),
        ("Police shot dead three cattle rustlers near the river.", 3),
        ("Gunmen killed 4 herders during a cattle raid.", 4),
    ],
)
def test_animals_are_not_people(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A shell hit the farm and a donkey was killed.", 0),
        ("The raiders shot dead a horse in the yard.", 0),
        ("Angry herders killed an elephant near the park.", 0),
        # near misses: a person named by an animal he tends, and a person beside an animal
        ("A goat seller was killed in the market.", 1),
        ("Gunmen shot dead a cattle trader and stole his cows.", 1),
        ("The raiders killed a shepherd near the river.", 1),
    ],
)  # fmt: skip
def test_one_animal_killed_is_no_person(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Gunmen ambushed a convoy, killing three drivers (coded separately), and took goods.",
            0,
        ),
        ("Police intervened, killing 4 rioters (coded separately).", 0),
        ("Gunmen killed 4 villagers (recorded as a separate event).", 0),
        ("5 villagers were killed (and 2 police - coded separately) by raiders.", 5),
        ("9 fighters were killed and the battle went on the next day (coded separately).", 9),
    ],
)
def test_a_figure_counted_in_another_record_is_not_added(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two guards and two raiders were killed at the gate.", 4),
        ("The shelling killed one farmer and one teacher.", 2),
        ("1 woman and 1 child were killed when the roof collapsed.", 2),
        ("Raiders killed two herders and one trader.", 3),
        ("Three policemen and a civilian were killed.", 4),
        ("Two people were killed in the north. Two people were killed there, police said.", 2),
    ],
)
def test_equal_figures_joined_before_one_verb_are_other_people(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders attacked the market, killing 18 and causing many injuries.", 18),
        ("The blast killed 6 and left dozens hurt.", 6),
        ("Gunmen fired on a bus, wounding 5 and killing 2.", 2),
    ],
)
def test_a_figure_after_a_killing_verb_keeps_it_past_and(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_unspecified_casualties_coded_count() -> None:
    text = "A drone hit a convoy. Casualties were reported. Unspecified casualties coded as 3."
    assert _killed(text) == 3


def test_a_part_named_before_the_verb_is_part_of_the_figure_before_it() -> None:
    found = extract("37 rebels including 7 commanders were killed in the raid.").casualties
    assert [(c.count, c.part_of) for c in found] == [(37, None), (7, 0)]
    assert _killed("5 guards, including a 1 officer were killed at the post.") == 5


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A village chief was assassinated outside his home.", 1),
        ("Gunmen assassinated 3 councillors at the market.", 3),
        ("Police foiled an assassination plot.", 0),
    ],
)
def test_assassinations_are_killings(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A farmer shot and killed the presumed thief.", 1),
        ("Unknown gunmen killed the wife of a former minister.", 1),
        ("A man killed his neighbour in the village.", 1),
        ("Soldiers killed the villagers.", 0),
        ("The vote killed the bill.", 0),
        ("The panel killed the proposal in a vote on Monday.", 0),
        ("Rising prices killed the plan.", 0),
        ("Residents beat a man convicted of killing his brother.", 0),
        ("Raiders killed the guard on Monday.", 1),
        ("It just killed her to drive by the house.", 0),
    ],
)
def test_one_victim_after_the_or_his(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_coders_total_is_the_reports_count() -> None:
    text = (
        "Crowds clashed with police in the town. 2 people were killed by gunfire and 1 "
        "trader died later. Total 5 fatalities coded to this event."
    )
    assert _killed(text) == 5


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Herders lynch three suspected rustlers near the river.", 3),
        ("A crowd lynches two on suspicion of arson.", 2),
        ("Troops shoot dead 12 raiders at a roadblock.", 12),
        ("Villagers stoned to death two alleged burglars.", 2),
        ("A gang beat to death four watchmen at the depot.", 4),
        ("Five people die in clashes over grazing land.", 5),
        ("3 die in hospital after the blast.", 3),
        ("Residents attack and nearly lynch two men they accuse of theft.", 0),
        ("A mob broke into the station to lynch two prisoners; police fired in the air.", 0),
        ("Five fighters are ready to die for the cause.", 0),
    ],
)
def test_headline_verbs_before_a_figure(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Mob kills suspected goat thief", 1),
        ("Villagers lynch robbery suspect near the market.", 1),
        ("Grenade blast kills police officer and injures two traders", 1),
        ("Raiders shoot and kill herder while driving off cattle.", 1),
        ("Gunmen kill official in camp; motive unknown.", 1),
        ("Crowd nearly lynches suspect before police intervene.", 0),
        ("Police foil plot to kill chief", 0),
        ("Man survives attack on farm", 0),
        ("Engineers fit kill switch to pumps.", 0),
        ("Fans kill time before the match.", 0),
        ("The ruling kills competition in the sector.", 0),
        ("Raiders kill dozens of cattle.", 0),
    ],
)
def test_headline_verb_and_a_bare_singular_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_headline_victim_restated_in_the_body_counts_once() -> None:
    title = "Mob lynches suspected thief in market town"
    body = "Residents beat a man accused of theft to death on Monday."
    assert extract(body, title=title).summary.killed == 1
    assert extract("Residents gathered in the square on Monday.", title=title).summary.killed == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Farmer killed on his land by raiders", 1),
        ("Traffic officer shot dead by unknown attackers", 1),
        ("Night guard killed at the depot", 1),
        ("A herder hacked to death near the river.", 1),
        ("One person dies in a fight between two clans.", 1),
        ("Youth lynched after a theft at the market.", 1),
        ("Man killed his neighbour in a dispute over land.", 1),
        ("Man survives attack on farm", 0),
        ("Price of grain killed by drought", 0),
    ],
)
def test_headline_subject_without_was(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Masked men shot dead the district treasurer outside his office.", 1),
        ("A trader beat to death his business partner after a quarrel.", 1),
        ("Youths lynched to death an old man they accused of witchcraft.", 1),
        ("Gunmen shoot dead a ferry operator at the jetty.", 1),
        ("Soldiers shot dead the protesters in the square.", 0),
        ("Rebels threatened to beat to death the village chief.", 0),
    ],
)
def test_one_victim_after_shot_dead_or_to_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders attack and kill a ward chief and four others near the dam.", 5),
        ("The blast killed the convoy commander and 12 others.", 13),
        ("Gunmen killed a farmer and two others were wounded.", 1),
        ("Militants kill a herder and three more at the wells.", 4),
    ],
)
def test_others_joined_to_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("03 Nov. 6 herders killed by raiders near the river.", 6),
        ("19 Feb. Three traders were shot dead at the market.", 3),
        ("Clashes resumed on Oct. 7 near the border; no one was hurt.", 0),
        ("Militia raided the camp on 14 Mar. Police gave no figures.", 0),
    ],
)
def test_figure_after_a_dated_note_opener(text: str, killed: int) -> None:
    """A note that opens with a day and an abbreviated month ("12 Sep.") ends the date
    there: the next figure counts people; "Oct. 7" alone is still a date."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders shot dead a ward councillor (PDP) and his bodyguard near the market.", 2),
        ("The clan elder and his nephew were hacked to death on their farm.", 2),
        ("A magistrate is stabbed and killed, along with his driver, outside the court.", 2),
        ("Bandits killing the village head and her escort on the highway.", 2),
        ("Gunmen have killed a couple at their shop.", 2),
        ("The widow and her sister-in-law were shot dead at home.", 2),
        ("Raiders killed a trader and his son-in-law near the market.", 2),
        ("An elderly couple living near the quarry were shot and killed overnight.", 2),
        ("A teacher was killed and his son badly injured in the ambush.", 1),
        ("A herder was shot dead and his brother escaped into the bush.", 1),
        ("Gunmen killed a couple of hours before dawn.", 0),
        # companions counted by a figure: the victim and the figure
        ("Raiders killed a village head and his two sons in their compound.", 3),
        ("Bandits shot dead a widow along with her 3 grandchildren.", 4),
        ("Militants killed a trader and his four helpers, then torched the truck.", 5),
        ("An air strike hit the house, killing a woman and her three children and injuring 7.", 4),
        ("Gunmen killed a farmer and his two sons and wounded his wife.", 3),
        ("The blast killed the driver and his two passengers.", 3),
        ("Gunmen killed a chief, and his two sons fled into the forest.", 1),
        ("A shepherd was killed and his two brothers and uncle were wounded.", 1),
        ("A shepherd was killed and his uncle and cousin were wounded.", 1),
        # a list of companions after the victim
        ("Soldiers killed a farmer, his wife, and their son near the well.", 3),
        ("Raiders killed a headman, his wife and their three children at dawn.", 5),
        ("The blast killed the district officer, his driver and two bodyguards.", 4),
        ("Gunmen killed a member of the Peace and Unity party and his driver.", 2),
        ("Raiders killed a headman, his wife, and their three children at dawn.", 5),
        # ... after a name, and a companion named ("his wife Mariam")
        ("The strike killed Ahmad, his wife Mariam, and their three sons, Yusuf, Omar and Ali.", 5),
        ("Gunmen killed Ahmad, his wife and son near the well.", 3),
        ("Soldiers killed a farmer, his wife Amina and their son near the well.", 3),
        ("Assailants shot and killed Musleh Al-Waruri, a tribal leader, and his son.", 2),
        # two kin of one family, the second without "his", and an associate
        ("A gunman killed his brother and cousin at the farm.", 2),
        ("Raiders shot dead a pharmacist and his associate outside the shop.", 2),
        # near misses: a figure joined to one, no companion, another fate
        ("Gunmen killed the chief and two guards at the gate.", 3),
        ("Gunmen killed a herder, his wife and a cow.", 1),
        ("Gunmen killed a herder, his wife escaped and his son hid.", 1),
        ("Gunmen killed Ahmad, his wife fled and his son hid.", 1),
        ("Gunmen killed Ahmad, his driver said.", 1),
        ("Gunmen killed Ahmad Khan, a trader, and his son escaped.", 1),
        ("Gunmen killed Ahmad Khan, a trader, his wife said.", 1),
        ("A gunman killed his brother and cousin escaped.", 1),
        ("A gunman killed his brother and two neighbours at the farm.", 3),
    ],
)
def test_one_victim_and_a_companion_count_two(text: str, killed: int) -> None:
    """A victim named with "and his driver", "along with her son", "and her sister-in-law"
    counts two, "and his two sons" three, and "a couple" two; a companion with a fate of their
    own ("was wounded", "fled") is not a death."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A teacher, a nurse and a farmer were killed in the attack.", 3),
        ("A teacher, a nurse, and a farmer were killed in the attack.", 3),
        ("A 7 year old boy, a pregnant woman, and a demonstrator were killed by police.", 3),
        ("Al-Hermas and al-Khid were killed and their bodies were found later.", 2),
        ("On Monday, Ahmed Shah, 23, and Ali Khan, 30, were shot dead in Kabul.", 2),
        ("Fahdawi, a police chief, and another person were killed in the attack.", 2),
        ("Ahmed Khan and Ali Hassan were found dead in a field.", 2),
        ("A teacher, a nurse and a farmer died in the attack.", 3),
        # near misses: no killing, a people, a group after a preposition, a plural noun
        ("The mayor, a lawyer, and the police chief met on Monday.", 0),
        ("Ahmad and his wife fled the town.", 0),
        ("Israelis and Palestinians were killed in the clashes.", 0),
        ("Members of Hamas and Islamic Jihad were killed in the strike.", 0),
        ("Troops stationed across Kunduz and Herat were killed.", 0),
        ("In a statement, a soldier and a civilian were killed.", 2),
    ],
)
def test_single_people_listed_before_one_plural_verb(text: str, killed: int) -> None:
    """Each person of a list before "were killed" or "died" counts one: a phrase opened by "a" or a
    name (an age after it adds no one), but a phrase telling what the name before it was
    ("Fahdawi, a police chief,")."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Herders and rangers exchange fire at the dam; one poacher killed", 1),
        ("4 March: Motorist shot dead at a roadblock near the ferry.", 1),
        ("Clan militias raid grazing camp; herdsman reportedly killed", 1),
        ("Magistrate stabbed and killed outside her chambers", 1),
        ("Gang kills shop employee at closing time", 1),
        ("Talks stalled; ministers killed the proposal", 0),
        ("Police and youths clash; several injured", 0),
    ],
)
def test_headline_grammar_after_a_semicolon_or_colon(text: str, killed: int) -> None:
    """A note's second clause or a dated note ("4 March: ...") may be a headline of its own;
    an adverb or "stabbed and killed" may sit between the victim and the verb."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Five traders were macheted to death on the road to the market.", 5),
        ("A councillor was strangled to death in his home.", 1),
        ("Two smugglers starved to death in the desert.", 2),
        ("A court sentenced three men to death for the raid.", 0),
        ("Scores of goats have been killed by raiders.", 0),
        ("The chief was later found to have been killed by his captors.", 1),
    ],
)
def test_any_verb_to_death_and_plural_have_been(text: str, killed: int) -> None:
    """Any "...ed to death" is a killing but a sentence or a fright; "have been killed" has
    a plural subject, so it is no one victim."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A bomber blew up his vest at the gate, killing himself and nine others.", 10),
        ("An attacker kills herself and four others at the bus park.", 5),
        ("A truck bomb exploded at the barrier. Three dead, plus the bomber.", 4),
        ("The gunman kills two guards, plus himself, at the depot.", 3),
        ("Police say the bomber's accomplice fled, plus the bomber's driver.", 0),
    ],
)
def test_attacker_who_dies_is_counted(text: str, killed: int) -> None:
    """An attacker who dies with the victims is one more death, as the coders count it:
    "killing himself and nine others", "plus the bomber", "plus himself"."""
    assert _killed(text) == killed


def test_a_note_that_codes_no_fatality_to_its_event_counts_none() -> None:
    """A coder who writes that no fatality is coded to this event has counted the deaths the
    note tells in other records: the note's own count is 0, kept as a figure of 0."""
    note = (
        "Students and police fought near the station. At least 20 people died across the "
        "city that day, of which 15 fatalities were coded to other events. No fatality was "
        "coded to this event."
    )
    result = extract(note)
    assert result.summary.killed == 0
    assert [c.count for c in result.casualties if c.kind == "killed"][-1] == 0
    assert _killed("At least 20 people died across the city that day.") == 20


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Ranchers kill cattle raider near the river", 1),
        ("Police reservist killed as bandits raid the market", 1),
        ("The land dispute led to the killing of a farmer by herders.", 1),
        ("The raid resulted in the murder of an elder of the clan.", 1),
        ("The strike led to the killing of the deal, officials said.", 0),
    ],
)
def test_more_single_victims(text: str, killed: int) -> None:
    """Security and armed-group nouns ("reservist", "raider") are single victims, and "led
    to the killing of a ..." is one death, as "led to the death of a ..." was."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Two soldiers were wounded in the blast and later died in hospital.", 2, 0),
        ("One herder was injured by the raiders and subsequently succumbed.", 1, 0),
        # "before dying", "before succumbing": the wounded died of the wound told first
        ("A guard was killed and a driver was initially wounded before dying on Monday.", 2, 0),
        ("Three miners were injured in the blast before succumbing to their burns.", 3, 0),
        # near misses: some of the wounded died, told with a figure of their own, a wound
        # before another's death, and a first killing ("initially killed") is no wound
        ("Three people were injured and one later died.", 1, 3),
        ("Five people were injured and taken to hospital where two died.", 2, 5),
        ("Two porters were wounded before the guard dying at the gate was found.", 0, 2),
        ("Two men are dead after a feud. A herder was initially killed over a goat.", 2, 0),
    ],
)
def test_the_wounded_who_died_in_the_same_clause_are_deaths(
    text: str, killed: int, wounded: int
) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "could" of a time clause: what did not happen before the deaths, which did
        ("Guards shot the driver before he could enter the gate, killing three raiders.", 3),
        ("Troops fired on the truck until the men could no longer return fire, killing two "
         "gunmen.", 2),
        # near misses: "could" of a claim or a possibility stays hypothetical
        ("The rebels said they could kill two soldiers a day.", 0),
        ("Officials warned the blast could have killed five workers.", 0),
    ],
)  # fmt: skip
def test_could_of_a_time_clause_is_no_hypothesis(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a modal verb between a figure and its trigger: deaths wished, feared or supposed
        ("The warlord told his men that fifty of the guards should be killed at dawn.", 0),
        ("Engineers said 300 villagers could be killed if the dam breaks.", 0),
        ("A note left at the scene said 40 officers must be killed.", 0),
        # near misses: deaths that happened, told uncertain, and a modal of another verb
        ("Up to 30 people may have been killed in the raid.", 30),
        ("Four guards were killed and more may be wounded.", 4),
    ],
)
def test_a_modal_verb_before_the_trigger_makes_a_figure_hypothetical(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a telegraphic note: a past killing verb and a bare singular noun
        ("Clan gunmen shot and killed farmer from a rival clan near the well.", 1),
        ("Rebel fighters killed village elder in his home.", 1),
        # near misses: a plural object, a passive with its agent, a verb of no death
        ("Clan gunmen shot and killed farmers from a rival clan near the well.", 0),
        ("A man was killed by rebel fighter near the well.", 1),
        ("Clan gunmen shot and wounded farmer from a rival clan near the well.", 0),
    ],
)  # fmt: skip
def test_a_past_killing_verb_and_a_bare_singular_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # an adverb of how the victim was killed, between the verb and its participle
        ("A night guard was savagely beaten to death by burglars.", 1),
        ("A trader was brutally murdered by robbers in the market.", 1),
        # near misses: a killing that did not happen, and deaths whose victims are honoured
        ("A night guard was nearly beaten to death by burglars.", 0),
        ("Mourners gathered to pay their respects to the two guards who were brutally "
         "murdered at the gate.", 0),
    ],
)  # fmt: skip
def test_an_adverb_of_manner_before_the_participle(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Eight guards on duty at the gate died when the truck bomb went off.", 8),
        ("At least 6 fighters thought to be behind the raid on the depot died in the shootout.", 6),
        ("Seven rangers from the park station, on patrol along the river, died in the ambush.", 7),
        ("The 3 herders shot by raiders at the well on Friday died in hospital.", 3),
        # near misses: a clause and a subject of its own, an age, a relative clause, a comma
        ("Police questioned 5 suspects after the guard died at the depot.", 0),
        ("He was 52 and died at home.", 0),
        ("Dozens of mourners and relatives of a trader who died in custody marched.", 0),
        ("Of 30 people hurt, the driver later died.", 1),
    ],
)
def test_died_after_a_long_subject_phrase_counts_its_figure(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a range of spelled figures is its low end, never the two ends added up
        ("Raiders struck the hamlet at dawn, killing between four and seven herders.", 4),
        ("Between three and six passengers died when the bus was shot at.", 3),
        # near miss: a spelled number with "and" after "hundred" is one figure
        ("One hundred and twelve villagers were killed in the raid.", 112),
    ],
)  # fmt: skip
def test_a_range_of_spelled_figures_is_not_a_sum(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a first estimate that a figure told besides it replaces
        ("Thirty are confirmed dead after the blasts. Initially, 6-8 were believed dead.", 30),
        ("Four herders are killed in the raid. It was originally thought to have taken place "
         "on Monday, causing nine deaths.", 4),
        ("Police fired on the crowd. Initial reports of 3 people killed, later reports of one "
         "man killed.", 1),
        # near misses: a first report that nothing replaces, and a first killing
        ("Initial reports indicate that two guards were killed at the gate.", 2),
        ("Two are dead after the feud. A youth was initially killed over a goat.", 2),
    ],
)  # fmt: skip
def test_a_first_estimate_is_replaced_by_the_figure_told_besides(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Four miners were killed, as was a guard at the gate.", 5),
        ("A clerk was shot dead, as was his bodyguard.", 2),
        ("Five herders were killed, as were 3 of the raiders.", 8),
        ("The raid was condemned, as was the killing of the chief.", 0),
        ("Six traders were wounded, as was a policeman.", 0),
    ],
)
def test_more_dead_told_after_as_was(text: str, killed: int) -> None:
    """ "Three residents were killed, as was one of the attackers": the one told after "as
    was" (or the figure after "as were") died too."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The rebel command admitted it lost five fighters in the raid.", 5),
        ("Government troops lost 8 men in the assault on the ridge.", 8),
        ("The militia said it had lost 4 of its members near the dam.", 4),
        ("The rebels lost 6 fighters while the army lost 2 soldiers.", 8),
        ("The garrison lost forty soldiers in the siege.", 40),
        ("The militia lost a dozen fighters at the ford.", 12),
        # near misses: seats, posts, vehicles, contact
        ("The ruling party lost 9 seats in the election.", 0),
        ("The rebels lost four positions east of the river.", 0),
        ("The convoy lost 3 trucks to roadside mines.", 0),
        ("Commanders lost contact with 6 soldiers after the storm.", 0),
    ],
)  # fmt: skip
def test_a_side_that_lost_people(text: str, killed: int) -> None:
    """ "the army lost 12 soldiers": a side's dead, told by the people it lost."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders torched the lorry, causing the death of the driver.", 1),
        ("The stampede led to the death of the old watchman in the yard.", 1),
        ("A stray bullet resulted in the accidental killing of a shepherd.", 1),
        ("The fall caused the sudden death of a porter near the gate.", 1),
        # near misses: a death mourned or protested (no cause told here), things "killed",
        # and people counted by a figure or a plural noun
        ("Crowds mourned the death of the chief in the capital.", 0),
        ("Pupils marched over the killing of a classmate last year.", 0),
        ("The veto led to the killing of the bill in the senate.", 0),
        ("The blast caused the death of the two porters.", 2),
        ("The raid led to the killing of the herders near the well.", 0),
    ],
)  # fmt: skip
def test_one_death_caused_with_an_adjective_or_the(text: str, killed: int) -> None:
    """ "causing the death of the driver", "resulted in the accidental killing of a man": one
    death a causal verb names, after "the" (one singular noun) or with an adjective."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a figure in quotation marks after its verb, as a note quotes its source
        ('Troops say they killed "dozens" of raiders near the dam.', 12),
        ('The bandits attacked a convoy, killing "scores."', 20),
        ("Jets struck a depot, resulting in the death of \u201cdozens\u201d.", 12),
        # near misses: a quoted word that is no figure, and a quoted figure of the wounded
        ('Troops say they killed "several" raiders near the dam.', 0),
        ('The bandits attacked a convoy, killing two and wounding "dozens".', 2),
    ],
)  # fmt: skip
def test_a_quoted_figure_after_its_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed
