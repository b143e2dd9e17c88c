"""Deaths a short report tells as background: the reason a riot broke out, told after a
long clause ("rioted ..., setting posts on fire ..., after two lawyers were killed"), and
deaths named through the people or rites they left ("the family of a youth who was
killed", "the funeral of a teacher who was shot dead"), and a war's own toll ("an insurgency
that has killed 400 people"), and deaths a charge names ("lynched two robbers accused of
killing three people" is 2)."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    "text",
    [
        "Lawyers rioted in the city, setting police posts on fire and ransacking the assembly "
        "building, after two lawyers were killed by police.",
        "Residents blocked the road demanding compensation for the family of a youth who was "
        "killed in a dispute.",
        "Families of two murdered boys protested outside the court.",
        "Mourners attended the funeral of a teacher who was shot dead last week.",
        "Relatives of a youth, who was killed in a brawl, blocked a road.",
    ],
)
def test_background_deaths_are_not_new(text: str) -> None:
    assert _killed(text) == 0


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # near misses: a family as the dead, a family that reports the death, kin who fled
        ("Gunmen attacked the village, killing a family of seven.", 7),
        ("The family of a trader said he was killed by raiders on Monday.", 1),
        ("Gunmen killed two herders. Relatives of the herders fled to the town.", 2),
    ],
)
def test_a_family_that_died_or_that_reports_a_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Both clans agreed to pay 80 camels as blood compensation for the killing of 1 man.", 0),
        ("Elders met to discuss compensation of a herder who was killed in a dispute.", 0),
        # near miss: a killing beside a talk of compensation is still new
        ("Gunmen killed two herders; their clan demanded payment for the cattle.", 2),
    ],
)
def test_deaths_compensation_is_paid_for_are_past(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police shot one gang member, who died later in hospital, and arrested seven.", 1),
        ("The victim, who died at the hospital, was identified as Casey Craddock.", 1),
        ("Officers fired once, wounding Smith, who later died at a medical center.", 1),
        # near misses: a past death the rites are for, and a victim who lived
        ("Members held the funeral prayer of a party leader, who died during treatment.", 0),
        ("Relatives and friends of two leaders, who died in an accident, staged a protest.", 0),
        ("The victim, who survived, was identified as Casey Craddock.", 0),
    ],
)
def test_a_victim_who_died_in_a_relative_clause(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders killed four herders, in a rebellion that has killed hundreds.", 4),
        ("Two guards died in the raid, the latest in an insurgency that has killed 400 people.", 2),
        ("A bomb killed nine traders. The conflict has claimed more than 300 lives.", 9),
        (
            "A bomb killed nine traders. Blame fell on the rebels, who have killed 200 since 2019.",
            9,
        ),
        # near misses: the incident's own figure in a relative clause, a perfect tense
        ("The blast, which has killed 12 people, hit a busy market.", 12),
        ("Raiders have killed five herders in the latest violence.", 5),
        ("Rival groups clashed at the market. The violence has left three people dead.", 3),
        # a war word inside a name, and a running count since a recent day
        ("A suicide bombing in Peshawar has killed at least 30 people.", 30),
        ("A car bomb that has killed 12 people since Monday shook the city.", 12),
    ],
)
def test_a_wars_own_toll_is_no_new_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A farmer died in a road accident near the market; villagers burned the lorry.", 0),
        ("Traders closed the highway following a bus accident which left a girl dead.", 0),
        (
            "The lorry hit a cart in a traffic accident, killing three people. A crowd torched it.",
            0,
        ),
        (
            "The death of 3 pupils, including a boy, in an accident with a lorry angered the town.",
            0,
        ),
        # near misses: an attack that caused the accident, an ambush told beside an accident,
        # a weapon handled in the accident, a shooting told as accidental
        ("Rebels fired at a minibus, which caused a road accident that killed two passengers.", 2),
        ("Gunmen killed four guards in an ambush after an accident on the pass.", 4),
        ("Two fighters were killed in an accident while laying a landmine.", 2),
        ("A soldier accidentally shot dead a herder at a checkpoint.", 1),
    ],
)
def test_deaths_in_an_accident_are_no_conflict_deaths(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Traders blocked the market road, demanding the arrest of the killers who shot dead a "
            "shopkeeper.",
            0,
        ),
        ("Students marched, demanding the trial of those who stabbed a classmate to death.", 0),
        ("Her brothers staged a sit-in. They alleged that she was murdered by her in-laws.", 0),
        # near misses: an arrest demanded by people who then clash, a claim of a figure, a
        # claim that names the killers first, a witness's account
        ("Protesters demanding the arrest of the governor clashed with police, who killed two.", 2),
        ("Police claimed that two gunmen were killed in the raid.", 2),
        ("He claimed that soldiers killed his brother at the gate.", 1),
        ("Witnesses said he was shot dead by soldiers at the checkpoint.", 1),
    ],
)
def test_deaths_whose_culprits_are_sought_are_past(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Villagers lynched three cattle thieves accused of killing two herders.", 3),
        ("Police detained a trader suspected of murdering 4 farmers in the valley.", 0),
        ("Youths stoned to death a man convicted of killing 3 children.", 1),
        # near misses: "suspected of" another deed, or a new killing after the charge
        ("Gunmen suspected of being bandits killed four miners at the pit.", 4),
        ("Two men accused of theft were beaten to death by a mob.", 2),
    ],
)
def test_deaths_a_charge_names_are_no_new_deaths(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # deaths in a clause that gives an earlier event as the time of the report's own
        ("Raiders shot dead three herders. The raid came a day after a mortar round killed "
         "8 traders at the market.", 3),
        ("Bandits killed two drivers on the highway, two weeks after militiamen executed 11 "
         "farmers.", 2),
        ("Troops shot dead six bombers at a checkpoint. This follows a blast at a church, "
         "killing 14 worshippers.", 6),
        ("Three days after gunmen stormed the camp, which left 20 dead, they came back, "
         "killing 9.", 9),
        # near misses: the report's own clause after the time clause, and its own deaths
        # before one
        ("Barely a day after an attack on the well, raiders struck a hamlet, where they "
         "killed 4 herders.", 4),
        ("Five soldiers were killed hours after the convoy left the base.", 5),
    ],
)  # fmt: skip
def test_deaths_of_an_earlier_event_told_as_a_time_are_past(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # deaths their own clause dates before the report's event
        ("Gunmen shot dead two traders. A chief was murdered in the same ward the previous "
         "day.", 2),
        ("Three soldiers died in an ambush. Troops had come to clear mines which killed 12 "
         "herders earlier in the day.", 3),
        # near misses: the day of a clause after the deaths, and a day after a comma
        ("Two guards were killed when raiders came back to the camp they looted the previous "
         "day.", 2),
        ("Rebels shot dead 5 herders they had robbed the day before.", 5),
        ("Gunmen killed 4 herders on Monday, the day before the market opened.", 4),
    ],
)  # fmt: skip
def test_deaths_dated_the_day_before_are_past(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a time clause that opens the sentence holds deaths when a comma after them ends it
        ("The day after bandits shot and killed a miller, traders shut the market.", 0),
        # near misses: with no comma its end is unknown, and a participle after a comma is
        # the report's own clause
        ("Hours after the truce began raiders shot dead 6 herders at the well.", 6),
        ("Two days after the vote rival youths clashed in the square, leaving 3 dead.", 3),
        ("Hours after the truce began raiders shot dead 6 herders, police said.", 6),
    ],
)  # fmt: skip
def test_a_time_clause_opening_the_sentence_ends_at_a_comma(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a killing the attack answered, told in a relative clause after "in response to"
        ("Militants shelled a border post, wounding two guards. They said the shelling was in "
         "response to a drone strike that killed 12 of their men.", 0),
        ("Gunmen burned a police station. The group said it acted in retaliation for a raid "
         "by the army on June 3, 2020, which killed 30 fighters.", 0),
        ("A bomb hit a bus, killing four passengers. The rebels said it was in revenge for an "
         "air raid which killed 9 villagers.", 4),
        # near miss: the answer itself kills ("In response to the attack, ... a raid that
        # killed"), a new event of the report
        ("In response to the attack, troops launched a raid that killed 10 militants.", 10),
    ],
)  # fmt: skip
def test_a_killing_the_attack_answered_is_background(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a figure's phrase that opens with a death noun reads with the protest before it
        ("Residents protested the death of a trader who they said died after a police raid.", 0),
        ("Students marched against the killing of a classmate who they say died in custody.", 0),
        # near misses: a death noun after a verb that is no protest
        ("Officials reported the death of a soldier who they said died in the attack.", 1),
        ("Relatives announced the death of a teacher who they say died in the blast.", 1),
    ],
)  # fmt: skip
def test_a_death_noun_phrase_reads_with_the_protest_before_it(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # deaths avenged right after "revenge (reprisal) attack(s) for": the reason, not new
        ("Raiders shot dead 5 villagers in reprisal attacks for 4 herders killed in May.", 5),
        ("Gunmen killed 2 traders. It was a revenge attack for the killing of 3 herders.", 2),
        ("Youths stoned a police post in retaliation for two boys being killed by officers.", 0),
        # near misses: revenge for something else, and a revenge attack that kills
        ("In revenge for the theft of cattle, raiders killed 5 herders.", 5),
        ("In a revenge attack, raiders killed 5 herders.", 5),
        ("Militants carried out a reprisal attack, killing 6 soldiers.", 6),
    ],
)  # fmt: skip
def test_deaths_avenged_after_a_revenge_attack_are_past(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # deaths their own clause dates to last year, years ago or days earlier
        ("Rebels shelled the base, where troops had killed 11 fighters in a raid last year.", 0),
        ("Villagers marched for a teacher, who was shot dead three years ago.", 0),
        ("Gunmen killed 2 guards. Bandits had killed 6 herders there some months ago.", 2),
        ("Mourners met at the hotel, where a bomb killed two guests a few days earlier.", 0),
        ("Gunmen shot dead 3 herders. A trader was killed in the same village weeks earlier.", 3),
        # near misses: a time after "since" or "after" is no date of the deaths
        ("Militants killed 6 soldiers in the deadliest attack since last year.", 6),
        ("Gunmen killed 4 farmers on Sunday, two years after a similar raid.", 4),
        ("Gunmen killed 4 farmers on Sunday, days earlier than the police expected.", 4),
    ],
)  # fmt: skip
def test_deaths_dated_last_year_or_days_earlier_are_past(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a collision is an accident
        ("A cyclist died on Friday after a collision with a police lorry; residents stoned the "
         "station.", 0),
        ("The lorry rammed a minibus in a collision that killed four people. Youths burned it.", 0),
        # near misses: an attack that caused the collision, an ambush told beside one
        ("Bandits fired on a bus, which caused a collision that killed three passengers.", 3),
        ("Gunmen killed four guards in an ambush after a collision on the pass.", 4),
    ],
)  # fmt: skip
def test_deaths_in_a_collision_are_no_conflict_deaths(text: str, killed: int) -> None:
    assert _killed(text) == killed
