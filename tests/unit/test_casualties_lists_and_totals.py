"""Casualty wordings of short event reports: a sum stated alone ("a total of 14 soldiers"),
figures listed with commas before one verb, a death a verb of cause brings about
("causes the death of a chief", "leading to her death"), and a part told with a verb of its
own ("4 killed, including 2 beheaded"; "3 killed, including 2 shot dead and 1 beaten to death" is
3), and "and/or" between two names of the same people
("2 rebels and/or bandits were killed"). A figure after "the" past its verb ("killing the
three assailants") counts when no figure of its kind comes before it, and so does one "of these"
or "of them" ("Five of these were hacked to death") and one named by its place among them ("The
first died in the boat")."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A total of 14 soldiers were killed in the attack on the camp.", 14),
        ("Nine herders were killed in total by raiders near the well.", 9),
        ("Raiders struck two villages; 6 killed total.", 6),
        # near misses: a sum beside figures of the report is a toll, not more deaths
        ("Two guards were killed at the gate. A total of 40 people have died in the district.", 2),
        ("Two soldiers were killed in Kobe. Three were killed in Nara. A total of 40 died.", 5),
    ],
)
def test_a_sum_stated_alone_is_the_reports_count(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_sum_keeps_its_scope_and_a_toll_beside_a_figure_stays_one() -> None:
    alone = extract("A total of 14 soldiers were killed in the attack on the camp.")
    assert [c.scope for c in alone.casualties] == ["cumulative"]
    beside = extract("Two guards were killed at the gate. A total of 40 people have died.")
    assert (beside.summary.killed, beside.summary.death_toll) == (2, 40)


def test_a_sum_of_wounded_alone_counts_wounded_only() -> None:
    summary = extract("A total of 30 people were wounded in the blast.").summary
    assert (summary.killed, summary.wounded) == (0, 30)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Five soldiers, one officer and 27 rebels were killed in the clash.", 33),
        ("Four guards, one driver, one cook, and one porter were killed.", 7),
        ("At least 3 villagers, 15 raiders were killed in the fighting.", 18),
        # ... closed by one person after "and": no group word needed before the second figure
        ("Two tailors, three cooks, and a porter were killed in the blast.", 6),
        # near misses: a place, goods or guns listed before the dead
        ("In 2 villages, 5 herders and 3 traders were killed.", 8),
        ("In 2 villages, 5 tailors, and a porter were killed.", 6),
        ("Raiders stole 300 goats, 6 herders killed.", 6),
        ("Police recovered 12 guns, 4 herders were killed.", 4),
    ],
)
def test_figures_listed_with_commas_before_one_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A quarrel over land causes the death of a village elder.", 1),
        ("A failed ambush on a chief causes the death of his driver.", 1),
        ("A guard was beaten by officers, leading to her death two days later.", 1),
        ("The crossfire caused the deaths of the three porters.", 3),
        # near misses: a supposed death, a death only described
        ("The plot could lead to his death, the envoy warned.", 0),
        ("The report describes the cause of his death.", 0),
    ],
)
def test_a_death_a_verb_of_cause_brings_about(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("One soldier from the border guard unit and four members of the militia were killed.", 5),
        # near misses: a verb of its own parts the figures; a figure of places
        ("One soldier from the border guard unit said four members of the militia were killed.", 4),
        ("Residents of 2 villages in the north of the district and three herders were killed.", 3),
    ],
)
def test_a_figure_with_a_long_noun_joined_by_and(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Six people were killed in the clash. The dead included a boy and four raiders.", 6),
        ("A blast killed nine people. The victims included two soldiers who were killed.", 9),
        # near miss: a later sentence that names more dead without listing the first
        ("Six people were killed in the clash. Four raiders were killed later.", 10),
    ],
)
def test_a_sentence_listing_who_the_dead_were_adds_no_one(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two of the five robbers were killed.", 2),
        ("Raiders seized six herders. 2 of the abducted herders were later killed.", 2),
        ("3 of the injured died later in hospital.", 3),
        # near misses: the group alone, and a part that was only held
        ("The five robbers were killed.", 5),
        ("Raiders seized six herders. 2 of the abducted herders were later freed.", 0),
    ],
)
def test_a_part_of_a_group_is_the_dead_and_a_participle_before_a_noun_no_verb(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the participle or a relative clause after the group: the group is the dead
        ("The guide was one of 17 people killed in the ambush.", 17),
        ("She is one of 12 villagers shot dead by the militia last week.", 12),
        ("Two of the five robbers killed in the shootout were brothers.", 5),
        ("One of the seven soldiers who died was a captain.", 7),
        # near misses: a finite verb after the group, or a unit's name between
        ("Two of the five robbers died in the shootout.", 2),
        ("One officer of 12 Rifles died in an encounter.", 1),
        ("Two of the 40 passengers were killed.", 2),
    ],
)
def test_one_of_the_dead_names_the_dead_group(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders struck the market, killing three traders and a guard before fleeing.", 4),
        ("Three raiders were killed, along with one policeman.", 4),
        ("Gunmen killed 12 people in Akida and nine others in Mbuta.", 21),
        # a figure with no noun of its own before a place or a day
        ("Air strikes killed 12 people in Akida and 8 in Mbuta.", 20),
        ("Air strikes killed 12 people in Akida and another 8 in Mbuta.", 20),
        ("Twelve people were killed in Akida and eight in Mbuta.", 20),
        ("Shelling killed five civilians on Monday and three on Tuesday.", 8),
        # a list of figures with commas after the verb, closed by "and"
        ("The militia shot dead two nurses, six pupils and a cook at the school.", 9),
        ("Rebels executed 4 clerks, 3 guards, 2 drivers, and one cook in the town.", 10),
        ("The mob lynched five traders, two herders, and a teacher.", 8),
        # "all" and "its" before the figure
        ("The strike killed all five people on board the car.", 5),
        ("A drone strike on a motorcycle killed its two riders.", 2),
        ("Gunmen abducted five passengers. They later killed all five passengers.", 5),
        ("Four soldiers were killed in the raid. The gunmen killed all four at the gate.", 4),
        # near misses: people who fled or were wounded are no more dead
        ("Gunmen killed 12 people in Akida and nine others fled to Mbuta.", 12),
        ("Troops killed two rebels and three others fled into the hills.", 2),
        ("Gunmen killed 12 people in Akida and wounded nine others in Mbuta.", 12),
        ("Three soldiers were killed in the ambush and 2 in the convoy escaped.", 3),
        ("At least 13 soldiers were killed in this and two other towns.", 13),
        ("Troops killed 12 militants, seized 4 rifles and 2 trucks.", 12),
        ("Troops killed three soldiers, four others were wounded and two fled.", 3),
        ("Troops killed four farmers, and a soldier was wounded.", 4),
    ],
)
def test_people_joined_after_a_killing_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Ethnic clashes went on; three killed, no breakdown of death toll.", 3),
        ("Clashes over water; eight killed, no breakdown of the death toll given.", 8),
        # near miss: a toll that is stated is still a toll
        ("Clashes over water; the death toll reached eight.", 0),
    ],
)
def test_a_toll_named_only_to_say_it_is_not_broken_down(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three members of a four-man gang are beaten to death by a mob.", 3),
        ("Five residents of 3 villages were killed.", 5),
        ("Two herders were killed with five of their cattle equally shot dead.", 2),
        ("Two soldiers fought over an unknown dispute, and 2 soldiers were killed.", 2),
        # a figure with a passive verb of its own shares no trigger with the next
        ("Three guard posts were destroyed and 4 soldiers were killed in the raid.", 4),
        ("Two lorries were torched and five drivers were killed.", 5),
        # people joined by "and" to animals before one verb are still dead
        ("One herder and at least 30 goats were killed in the raid.", 1),
        # near misses: one person named before the figure still counts, and animals joined
        # to animals, or seized, are no people
        ("An officer and 2 soldiers were killed.", 3),
        ("Six camels and two donkeys were killed in the raid.", 0),
        ("Raiders killed a herder and seized 25 oxen and about twenty goats.", 1),
    ],
)
def test_groups_animals_and_things_named_beside_the_dead(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen targeted two guards in the town, killing them on the spot.", 2),
        ("Gunmen killed two activists along with an unknown man near the bridge.", 3),
        ("Assailants burnt alive two children in the village.", 2),
        # near misses: animals killed, people released, houses burnt, people wounded
        ("Raiders stole 30 goats in the night, killing them later.", 0),
        ("Gunmen abducted three traders and released them, police said.", 0),
        ("Assailants burnt two houses in the village.", 0),
        ("Gunmen wounded two activists along with an unknown man near the bridge.", 0),
    ],
)
def test_killing_them_along_with_one_and_burnt_alive(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police are investigating the shooting death of a 34-year-old man at a complex.", 1),
        ("A man was charged with murder in the shooting death of his mother on Thursday.", 1),
        # near misses: a protest over such a death, a shooting that killed no one
        ("Dozens protested the shooting death of a man by border guards.", 0),
        ("The shooting of a guard left him wounded.", 0),
    ],
)
def test_a_death_named_by_how_it_was_caused(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A mob lynched and burned three men in the county.", 3),
        ("A vigilante mob lynches and burns a suspected thief.", 1),
        ("Raiders kills and robs a trader on the road.", 1),
        # near misses: burning alone kills no one; a verb joined to a wounding
        ("A mob burned three cars in the county.", 0),
        ("Raiders wounded and robbed a trader on the road.", 0),
    ],
)
def test_a_killing_verb_joined_to_another_before_its_victims(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Both men (who were relatives) were killed in the attack.", 2),
        ("A pair of suspected thieves are attacked and killed by a mob.", 2),
        ("Two guards were killed at the gate. Both men were killed instantly.", 2),
        # "died" needs no "were", and "both of them" after the verb
        ("Two herders were shot near the well. Both men died in hospital.", 2),
        ("Ahmed and his wife died when the shell struck their house.", 2),
        ("Troops cornered the smugglers and killed both of them.", 2),
        # near misses: both sides, and two people wounded
        ("Both sides were killed in the clash, a spokesman joked.", 0),
        ("Both guards were wounded in the attack.", 0),
        ("Both men survived the attack.", 0),
        # "both ... and a third person": three
        ("Both guards and a driver were killed in the ambush.", 3),
        ("Both herders and an elder were shot dead at the well.", 3),
        ("Both guards and a driver were wounded in the ambush.", 0),
        ("Both men and a boy survived the attack.", 0),
        # "both" after the verb: two people named before it
        ("Omar, a teacher, and Yusuf, his cousin, were both killed in the raid.", 2),
        ("The driver and the guard were both shot dead at the gate.", 2),
        ("The driver and the guard were both wounded at the gate.", 0),
        ("The driver and the guard were both members of the militia.", 0),
        # "killing both ... and" a figure: the pair and the figure share the verb
        ("Troops fired at the car, killing both robbers and three bystanders.", 5),
        ("The blast killed both bombers and wounded three guards.", 2),
    ],
)
def test_both_and_a_pair_before_a_plural_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders struck at dawn. 4 herders killed, including 2 beheaded.", 4),
        ("Five traders were killed, three of them shot dead at the gate.", 5),
        ("Six guards died, including two burned to death.", 6),
        # near misses: a part of another kind, other people with a verb of their own
        ("Three guards were wounded, including one shot dead later.", 1),
        ("Four herders were killed and two traders beheaded.", 6),
        ("Raiders stormed the post, killing 4 guards, and 3 of them were shot dead in return.", 7),
    ],
)
def test_a_part_told_with_its_own_verb_is_no_new_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("6 miners died, including 4 who were stabbed to death and 2 who were shot dead.", 6),
        ("5 guards were killed, including 3 shot at the gate and 2 stabbed to death inside.", 5),
        ("3 were killed, including 2 pupils who were thought to have been shot dead and 1 "
         "teacher who was beaten to death.", 3),
        ("2 men died, including 1 trader who was said to have been poisoned and 1 guard who was "
         "stabbed to death.", 2),
        # near misses: more people than the whole, or others told as more
        ("4 people were killed, including 2 soldiers, and 3 civilians were shot dead.", 7),
        ("5 people were killed, including 2 soldiers, and 3 others were hacked to death.", 8),
    ],
)  # fmt: skip
def test_parts_after_including_with_verbs_of_their_own_add_up_to_the_whole(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Not less than 12 villagers were killed in the raid.", 12),
        ("Not fewer than 9 members of the gang were shot dead.", 9),
        ("No fewer than 40 members of the militia have reportedly been killed by hunters.", 40),
        ("Six herders have allegedly been killed by raiders.", 6),
        # near misses: a negation, not a bound, and an upper bound of a wounding
        ("Not a single villager was killed in the raid.", 0),
        ("Not more than 12 villagers were wounded in the raid.", 0),
    ],
)
def test_a_lower_bound_and_an_adverb_inside_have_been(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("2 rebels and/or bandits were killed in the hills.", 2, 0),
        ("At least 10 militia and/or gang members were killed by border troops.", 10, 0),
        ("5 soldiers and/or police were wounded and 2 rebels and/or bandits were killed.", 2, 5),
        # near misses: "and/or" between things, not people, and between a figure and others
        ("3 houses and/or shops were burned in the raid.", 0, 0),
        ("2 rebels were killed and/or captured near the bridge.", 2, 0),
    ],
)  # fmt: skip
def test_and_or_joins_two_names_of_the_same_people(text: str, killed: int, wounded: int) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Troops repelled the assault, killing the three assailants.", 3, 0),
        ("Gunmen stormed the post and shot dead the two guards, wounding the four others.", 2, 4),
        # people told before: among the dead counted before them, not more
        ("Police gunned down three men suspected of having killed the two officers.", 3, 0),
        ("A bomb killed five people. The gunmen had shot dead the two guards at the gate.", 5, 0),
        ("Three guards were wounded at the gate. Gunmen wounded the two guards and fled.", 0, 3),
    ],
)  # fmt: skip
def test_the_figure_after_a_verb_counts_when_no_figure_comes_before(
    text: str, killed: int, wounded: int
) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Twelve herders were killed in the raid. Five of these were hacked to death.", 12, 0),
        ("Ten civilians were killed in shelling. Seven of them were killed at a market.", 10, 0),
        ("Three guards died at the gate. Two of those were shot dead in the back.", 3, 0),
        # near misses: no figure of the dead before them, or other people of the same kind
        ("Four pilgrims were wounded by the mob. Two of them later died in hospital.", 2, 4),
        ("Nine soldiers were killed at dawn. In the town, five traders were killed.", 14, 0),
    ],
)  # fmt: skip
def test_a_figure_of_these_or_of_them_is_a_part_of_the_figure_before(
    text: str, killed: int, wounded: int
) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two fishermen were killed at the lake. The first died in the boat, the other ashore.", 2),
        ("Three guards were killed. The second victim was hacked to death near the gate.", 3),
        ("Two traders were shot dead. The latter was killed as he fled.", 2),
        # near misses: no figure of the dead before, or "a second" one more
        ("Two boys were shot at the well. The first died on the way to hospital.", 1),
        ("A guard was shot dead at dawn. At noon, a second guard was stabbed to death.", 2),
    ],
)
def test_one_named_by_its_place_among_the_dead_is_no_new_death(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen killed a soldier, a policeman and two civilians at the market.", 4),
        ("The blast killed a driver, a nurse, a porter and 12 patients.", 15),
        ("Militants killed a teacher, a farmer and three others near the school.", 5),
        # near misses: people with a verb of their own, and kin counted once
        ("Gunmen killed a soldier, wounded a policeman and two civilians.", 1),
        ("The blast killed the district officer, his driver and two bodyguards.", 4),
    ],
)
def test_single_people_listed_before_a_figure_after_a_killing_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two herders were in the evening hours shot dead near the river.", 2),
        ("A trader was in the early morning killed by robbers.", 1),
        # a telegraphic sentence inside a note, not only the one that opens it
        ("Bandits raided a village at dawn. Young herder killed. Forty cows stolen.", 1),
    ],
)
def test_a_time_of_day_and_a_telegraphic_sentence(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_street_address_is_no_figure_of_the_dead() -> None:
    summary = extract("On the 8000 block of Elm, a woman and a man were shot to death.").summary
    assert (summary.killed, summary.death_toll) == (2, None)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a later sentence that lists the same people with the same figures tells them again
        ("One policeman and one soldier were killed in the attack on the post. A mine hit "
         "their truck, killing one soldier and one policeman.", 2),
        # near miss: a list of other people is more deaths
        ("Three policemen and two soldiers were killed at the gate. A bomb then killed four "
         "farmers and five traders.", 14),
    ],
)  # fmt: skip
def test_a_list_of_the_same_people_told_again_counts_once(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a figure whose "including" clause lists parts joined by "and", closed by a comma
        # before another figure of the dead: the figure, then the other figure
        ("Seven guards, including four watchmen and three drivers, and nine raiders were "
         "killed in the fight.", 16),
        ("At least ten police, including two officers and eight recruits, and 12 gunmen were "
         "killed overnight.", 22),
        # ... or another figure joined before the whole, whose noun is no filler word
        ("Nine raiders and four border guards, including two captains and two cadets, were "
         "killed.", 13),
        # ... and the closing comma left out: a figure after the part, larger than the whole,
        # is no part of it
        ("Three guards, including the camp commander and nine raiders were killed.", 12),
        ("Two medics, including a driver and 6 militants were killed at dawn.", 8),
        # near misses: the parts alone, one part, and a list that does not close
        ("8 rebels including 2 commanders and 3 foreigners were killed.", 8),
        ("Seven guards, including four watchmen, and nine raiders were killed.", 16),
        ("Seven guards including four watchmen and three drivers were killed.", 7),
        ("Five people, including two children and five women, were killed.", 5),
        ("Nine people, including a guard and three drivers were killed.", 9),
        ("In 2 raids, four border guards, including two captains and two cadets, were killed.",
         4),
    ],
)  # fmt: skip
def test_a_figure_with_its_parts_and_another_figure(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a long "including" clause, with a title, a name and an acronym, between a figure and
        # its verb
        ("Six people, including retired People's Democratic Movement (PDM) district organiser "
         "Ali Baba Musa and two former constables, were killed in the blast.", 6),
        # near miss: the same clause before a wound
        ("Six people, including retired People's Democratic Movement (PDM) district organiser "
         "Ali Baba Musa and two former constables, were wounded in the blast.", 0),
    ],
)  # fmt: skip
def test_a_long_including_clause_between_a_figure_and_its_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # as many other people, with a verb of their own, joined by "and" to a killed figure
        ("Herders clashed with rangers. 3 herders killed and 3 rangers killed.", 6),
        ("Two guards were killed at the gate and two drivers were shot dead on the road.", 4),
        # near misses: the same people told again, and a figure of another kind
        ("Two guards were killed when raiders shot dead two guards at the gate.", 2),
        ("Two guards were killed and two were wounded at the gate.", 2),
        ("Two guards were killed. Raiders shot dead two guards at the gate.", 2),
    ],
)
def test_as_many_others_joined_to_a_killed_figure_are_more_dead(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # two people joined by "and" before a killing verb with an object are the killers
        ("A herder and his son killed a farmer near the well.", 1),
        ("A trader and his brother shot dead a guard at the market.", 1),
        # near misses: a pair before a bare participle or "died" are the dead
        ("A policeman and a civilian killed in the blast on Monday.", 2),
        ("A soldier and a civilian died the next day.", 2),
        ("A soldier and a civilian were killed in the raid.", 2),
    ],
)  # fmt: skip
def test_a_pair_before_a_killing_verb_with_an_object_are_the_killers(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "killing them" after a first gerund and its phrase, joined by "and"
        ("Troops fired on the three raiders, setting off their grenades and killing them.", 3),
        ("Guards shot at two bombers, detonating their vests and killing them.", 2),
        # near misses: animals, and a first gerund whose phrase runs past a full stop
        ("Raiders rounded up 30 goats, driving them off and killing them later.", 0),
        ("Troops fired on the three raiders, setting off alarms. Nobody was killed.", 0),
    ],
)  # fmt: skip
def test_killing_them_after_a_first_gerund_and_its_phrase(text: str, killed: int) -> None:
    assert _killed(text) == killed
