"""Casualty wordings of short event reports: a figure whose "including ..." list holds several
parts ("8 rebels including 2 commanders and 3 foreigners were killed" is 8), a part closed by a
comma or a bracket before more people ("13 rebels, including a commander, and 4 villagers" is
17), and one person named before a figure of others ("the head of the unit along with 9 other
rebels were killed" is 10; "killing a commander, along with 13 other rebels" is 14; "Zaman and
two other passengers were killed" and "gunmen killed Zaman and two others" are 3). A figure told
as its parts between commas ("4 villagers, 2 women and 2 men, were killed" is 4), a killing
avenged ("in revenge for the killing of 2 traders"), "an unknown number of" and a sentence
ending "... were among the dead" add no one, nor do the deaths of a clause a coder's note closes
("... left two dead (coded separately)."). People named one by one before a figure are added
("the chief, his son, and 2 guards" is 4; "Ahmad, his wife and their three sons" is 5), a thing
told with its own verb is not ("one truck was damaged and three soldiers"). A first verb joined
to "died" or "succumbed" keeps its subject ("two herders stepped on a landmine and died"), and
the figures of later sentences that add up to a short report's first figure are its parts. An
aside in brackets between a figure and its verb is passed over ("Eleven (some sources claim 20)
are dead" is 11), and a breakdown in brackets adds no one ("Four civilians (three men and a
woman)" is 4)."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("8 rebels including 2 commanders and 3 foreign fighters were killed in the raid.", 8),
        ("13 rebels including senior leaders and 1 foreign fighter were killed in the raid.", 13),
        ("4 rebels and/or bandits including 2 foreigners were killed near the river.", 4),
        ("Nine guards, including a sergeant and two drivers, were killed at the gate.", 9),
        # a list closed by commas that adds up to the figure: all parts
        ("Twelve people, including three guards, one cook, and 8 rebels, were killed.", 12),
        ("Five officers, including two drivers, one clerk and two guards, were killed.", 5),
        # near misses: people listed after the part, or a part alone, are not parts
        ("5 villagers including 3 teachers, 1 nurse, and 4 raiders were killed in the attack.", 10),
        ("37 fighters including 7 leaders were killed.", 37),
        ("Seven rebels and three soldiers were killed in the clash.", 10),
    ],
)
def test_a_figure_whose_including_list_holds_several_parts(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_the_parts_after_including_are_kept_as_parts_of_their_figure() -> None:
    found = extract("8 rebels including 2 commanders and 3 foreign fighters were killed.")
    values = [(c.count, c.part_of) for c in found.casualties if c.kind == "killed"]
    assert values == [(8, None), (2, 0), (3, 0)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("13 rebels, including a commander, and 4 villagers were killed in airstrikes.", 17),
        ("Airstrikes killed 22 rebels (including top leaders) and 2 children in the valley.", 24),
        (
            "Raiders stormed the post, killing 45 police, including a chief and his deputy, and "
            "8 clerks, in the town.",
            53,
        ),
        ("4 guards, including a captain, and 2 rebels were wounded at the gate.", 0),
        # names (or a word) in brackets after a figure's noun, before "and" and another figure
        ("One guard (Sgt Omar Ali) and three raiders (all unnamed) were killed in the fight.", 4),
        ("6 (confirmed) and 2 (unconfirmed) were killed in the riots.", 8),
        # near misses: a part with no closing comma, and one person named outside a part
        ("13 rebels, including a commander and 4 villagers, were killed in airstrikes.", 13),
        ("Three policemen and a civilian were killed in the blast.", 4),
        # one person named by "the" and a singular person noun after "and"
        ("Four guards and the wife of a guard were killed in the raid.", 5),
        ("Two rangers and the driver were shot dead at the gate.", 3),
        # near miss: a group named by "the" is no one person
        ("Two rangers and the militia were attacked and 2 rangers were killed.", 2),
        ("Troops killed two rebels (near the border) and three others fled.", 2),
    ],
)
def test_a_part_closed_by_a_comma_or_a_bracket_before_more_people(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_the_wounded_joined_past_a_closed_part_are_all_counted() -> None:
    found = extract("4 guards, including a captain, and 2 rebels were wounded at the gate.")
    assert found.summary.wounded == 6


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A rebel commander for the northern province along with 9 other rebels were killed.", 10),
        ("The head of bomb making for the district along with 2 other rebels were killed.", 3),
        ("At dawn, the group's deputy leader and 1 other fighter were killed by a bomb.", 2),
        (
            "Troops raided the camp, killing a rebel commander in charge of supplies, along with "
            "13 other rebels, in the valley.",
            14,
        ),
        ("A drone strike killed the finance chief of the group, along with 10 other fighters.", 11),
        # companions after the verb of one victim, past a few words, and one named before them
        ("Karim, a village chief, was killed in the raid along with three of his guards.", 4),
        ("Karim was beheaded on 4 March 2020, along with his brother and two other men.", 4),
        ("Karim was beheaded along with two other men.", 3),
        ("Raiders killed a chief along with his brother and two other men.", 4),
        # near misses: a clause between the verb and the companions, or no killing
        ("Karim was killed and the raiders left along with three of his cattle herders.", 1),
        ("Karim was arrested in the raid along with three of his guards.", 0),
        # near misses: a group, a verb or a wounded man before "others" is no one more killed
        ("The rebels and 3 other people were killed in the valley.", 3),
        ("The soldiers attacked and 3 others were killed.", 3),
        ("A soldier was wounded and 3 others were killed.", 3),
        ("The police killed a commander, and three others fled.", 1),
        # a name that is the whole clause before the figure is one more person
        ("Zaman and two other passengers were killed in the attack.", 3),
        ("On Monday, Bin Saudi Sarakil and three others were killed.", 4),
        # ... or the object of the verb, before the figure
        ("Gunmen killed Zaman and two others in the market.", 3),
        ("Gunmen shot dead Ali Khan and two other passengers.", 3),
        ("Militants hit the convoy, killing him and 6 other policemen, near the town.", 7),
        # not others told a fate of their own, nor a group named with a capital, nor a name
        # inside a longer clause
        ("Gunmen killed Zaman and two others escaped.", 1),
        ("Gunmen killed a chief and two other guards fled.", 1),
        ("Police and three others were killed.", 3),
        ("The Taliban and two others were killed.", 3),
        ("Residents of Kunduz and three others were killed.", 3),
    ],
)
def test_one_person_named_before_a_figure_of_others(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("4 villagers, 2 women and 2 men, were killed when a mine hit their cart.", 4),
        ("At least 10 traders, 4 women and 6 boys, were killed in the blast.", 10),
        # near misses: no comma closes the list, or the figures do not add up
        ("3 villagers, 1 woman and 2 men were killed when a mine hit their cart.", 6),
        ("5 soldiers, 1 officer and 27 rebels, were killed in the clash.", 33),
    ],
)
def test_a_figure_told_as_its_parts_between_commas(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # an aside in brackets between a figure and its verb: the figure counts, once
        ("Eleven (some sources claim 20) are dead after the clash at the market.", 11),
        ("Three herders (out of a group of seven) were killed when bandits fired on them.", 3),
        ("Six police (or seven, one paper said) officers were killed by the mine.", 6),
        ("Five civilians (3 children, 2 adults) were killed in the shelling.", 5),
        ("Four civilians (three men and a woman) were killed by the blast.", 4),
        ("Four civilians (including three men and a woman) were killed by the blast.", 4),
        # near miss: a person joined after the brackets close is one more
        ("Three policemen (all officers) and a civilian were killed.", 4),
    ],
)
def test_an_aside_in_brackets_between_a_figure_and_its_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen killed 4 herders in revenge for the killing of 2 traders.", 4),
        ("Raiders killed 3 guards in retaliation for the killing of 2 chiefs.", 3),
        ("The raid was a reprisal for the killing of eight fighters by a militia.", 0),
        # the verbs too: "to retaliate the killing of", "avenging the death of"
        ("Gunmen killed 6 herders, saying they came to retaliate the killing of one trader.", 6),
        ("Raiders shot dead 5 guards, avenging the death of a chief.", 5),
        # near misses: the revenge told in a clause of its own, or for no killing
        ("In retaliation for the killing of a herder, a group of herders killed 2 men.", 2),
        ("Gunmen killed 3 herders in revenge for the theft of cattle.", 3),
    ],
)
def test_a_killing_avenged_is_no_new_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Rebels attacked a post, killing an unknown number of soldiers.", 0),
        ("A bomb killed a large number of guards at the gate.", 0),
        # near misses: one person, whatever the words before the noun
        ("Rebels killed an unknown gunman at the gate.", 1),
        ("Rebels killed a soldier at the gate.", 1),
    ],
)
def test_an_unknown_number_is_no_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen killed five people in the market. Two attackers were among the dead.", 5),
        ("Gunmen killed five people. Two guards were counted among the dead.", 5),
        # near miss: the dead of the later sentence are other people
        ("Gunmen killed five people. Two attackers were killed by police.", 7),
    ],
)
def test_a_sentence_closing_with_among_the_dead_lists_parts(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Earlier clashes left two villagers dead and several hurt (coded separately).", 0),
        ("1 man shot dead by police near the camp (coded separately)- led to a protest.", 0),
        ("Five are killed in several towns (coded in other events), including Uyo.", 0),
        ("A gang had killed a trader in the market the day before (coded elsewhere).", 0),
        # near misses: the note is about a later event, or the clause goes on past it
        (
            "11 rebels were killed and the strike continued the following day (coded separately).",
            11,
        ),
        ("Police killed 4 rebels in the clash (coded elsewhere) and 2 soldiers died.", 6),
    ],
)
def test_a_note_closing_a_clause_counts_its_deaths_in_another_record(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The doctor and two bystanders were killed in the blast.", 3),
        ("The chief, his son, and 2 guards were killed in the attack.", 4),
        ("At dawn, a senior rebel, his wife and 3 fighters were killed.", 5),
        ("The district governor (head of finances) and 4 of his aides were killed.", 5),
        ("The judge, his wife, and his two sons were killed in the attack.", 4),
        # single people listed before a figure, or after one
        ("A teacher, a nurse and two farmers were killed in the attack.", 4),
        ("Two teachers, a nurse and a farmer were killed in the attack.", 4),
        ("Three soldiers, a policeman, and a civilian were killed in the blast.", 5),
        ("At least five fighters, 15 assailants, and a journalist were killed.", 21),
        # a name may open the list
        ("Ahmad, his wife and their three sons were killed.", 5),
        ("Ahmad and his two sons were killed in the strike.", 3),
        # not a place, nor a name the phrase after it tells of
        ("In Kabul, his wife and two sons were killed.", 3),
        ("Shahin, a former police chief, his son, and two other guards were killed.", 4),
        ("Hadhal, a former MP, and four guards were killed in the blast.", 5),
        # a name opening the sentence, told aside with a phrase of "of" or "for"
        ("Baraki, the head of the village council, and two of his guards were killed.", 3),
        ("Zarif, a driver for the aid agency (WFP), and two other colleagues were killed.", 3),
        # near misses: a place or a group told aside is no person
        ("Herat, the capital of the province, and two districts saw 6 people killed.", 6),
        ("Farmers, the poorest of the villagers, and two traders were killed.", 2),
        ("Jan Mohammad, a tribal elder, and one assailant were killed.", 2),
        ("The army, a nurse and two farmers were killed.", 3),
        ("Ahmad and his two sons fled the town.", 0),
        # near misses: a group, a thing or a clause before the figure is no one more
        ("The army and 2 rebels were killed in the valley.", 2),
        ("Gunmen attacked the chief and 2 guards were killed.", 2),
        ("One truck was damaged and three soldiers were killed.", 3),
        ("More than 30 IS militants and more than 12 soldiers were killed.", 42),
    ],
)
def test_people_named_one_by_one_before_a_figure(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two herders stepped on a landmine and died near the well.", 2),
        ("A shepherd stepped on a landmine on the way to his farm and died.", 1),
        ("1 porter was caught in crossfire and died from his wounds.", 1),
        ("A guard was caught in crossfire and later died in hospital.", 1),
        ("A cashier was beaten by a gang and later succumbed to her wounds.", 1),
        # near misses: no death, or a verb with no death after it
        ("Two men stepped on a landmine and were wounded.", 0),
        ("A soldier threw a grenade and fled.", 0),
        ("Police shot two robbers and fled.", 0),
    ],
)
def test_a_first_verb_and_its_phrase_before_and_died(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "At least five herders were killed near the wells. Two were shot dead at a market. "
            "Another was hacked to death. Two were shot dead on the road.",
            5,
        ),
        (
            "11 rebels were killed by air strikes in the valley. 5 rebels were killed in one "
            "strike while 6 others were killed in a second strike.",
            11,
        ),
        # near misses: parts that do not add up, a list in one sentence, or two figures only
        (
            "Five herders were killed near the wells. Two guards were killed at a market. "
            "Four were killed on the road.",
            11,
        ),
        ("2 police, 1 soldier and 1 guard were killed by raiders at the gate.", 4),
        ("Two soldiers were killed in Kobe. Three were killed in Nara.", 5),
    ],
)
def test_later_figures_that_add_up_to_the_first_are_its_parts(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_part_alone_in_the_body_leaves_the_title_figure_counted() -> None:
    found = extract("Five children are among the dead.", title="At least 16 dead as boat sinks")
    assert found.summary.killed == 16
    parted = extract("Raiders killed 3 herders, including 2 boys.", title="Raiders kill 5 herders")
    assert parted.summary.killed == 3


def test_one_of_those_killed_who_died_later_is_no_one_more() -> None:
    text = "5 people were killed in the clash, one of whom succumbed to his wounds and died later."
    assert _killed(text) == 5


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two commanders of the rebel group and a member of the village guard were killed.", 3),
        ("Five raiders (all from across the border) and a ranger of the wildlife service were "
         "killed in the gunfight.", 6),
        # near misses: a group after "a ... of", the one person a part of an "including" list
        ("Three soldiers and a number of civilians were killed.", 3),
        ("Four people including three members of the clan and a local teacher were killed.", 4),
        ("Four people including three farmers and a teacher were killed.", 4),
    ],
)  # fmt: skip
def test_one_more_person_joined_past_an_of_phrase_or_a_bracket(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The commander, along with three other fighters, was killed in the raid.", 4),
        ("The deputy governor of the region, together with 2 bodyguards, was shot dead.", 3),
        # near misses: no killing after the aside, or a plural verb told as before
        ("The minister, along with 40 delegates, was evacuated from the hall.", 0),
        ("The rebel chief along with 9 other rebels were killed.", 10),
    ],
)
def test_companions_told_aside_before_a_singular_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "one of the deaths", "two of the deaths": a part of the dead told before
        ("Four guards were shot dead at the depot. One of the deaths may have been an "
         "accident.", 4),
        ("Five herders died in the clash. Two of the deaths occurred near the river.", 5),
        # near miss: deaths of people not yet counted are new
        ("Five herders died in the clash. Two more deaths occurred near the river.", 7),
    ],
)  # fmt: skip
def test_a_part_of_the_deaths_told_before(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a companion named between commas before a verb of his own is no second death
        ("Karimi was killed and his son, Ali Karimi, was injured in the attack.", 1),
        ("The elder was shot dead and his driver, a young man from the town, was wounded.", 1),
        # near miss: a companion named between commas with no verb of his own died too
        ("Gunmen killed the mayor and his son, Ali, in the attack.", 2),
    ],
)  # fmt: skip
def test_a_named_companion_with_a_verb_of_his_own(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # long proper names on either side of "and a" (each capitalised word, a word)
        ("Two senior commanders of the Northern Hills Liberation Army (Reform) rebel faction "
         "and a member of the outlawed Eastern Valley People's Defence Front (EVPDF) were "
         "killed in a clash.", 3),
        # near misses: a group after "a ... of", an "and" clause with a verb of its own
        ("Two senior commanders of the Northern Hills Liberation Army (Reform) rebel faction "
         "and a number of their fighters were killed in a clash.", 2),
        ("Two senior commanders of the Northern Hills Liberation Army (Reform) rebel faction "
         "were killed and a member of the outlawed front was wounded.", 2),
    ],
)  # fmt: skip
def test_one_more_person_joined_past_long_proper_names(text: str, killed: int) -> None:
    assert _killed(text) == killed
