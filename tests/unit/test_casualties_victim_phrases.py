"""Casualty wordings of short field reports that name a victim in a longer phrase: an adverb
between the verb and its participle, an age opening the object, a possessive "their", a long
noun phrase after "beat to death the", a killing gerund after "after" or "before" (the
attackers' own act), people set on fire, "causalities" written for deaths, and a second verb
of one victim ("beat him and burned him to death" is one); "they ... to have been killed" tells
the people before again. A named victim may follow a title of three words or run to six words,
a singular object may follow "executed", "assassinated" or "murdered", and a bare person noun
after "and" is one more ("killed a police officer and civilian"). A name is one victim after
"assassinated" or the participle "killing" as after "killed"; two adverbs may stand before
the participle of one victim ("was later reported killed"). A name is one victim after a death
caused ("led to the death of Ali Omar"), not one only confirmed (an illness may cause it)."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A raider fired at the guards. The raider was then killed by the guards.", 1),
        ("The cattle thief was then lynched by villagers near the river.", 1),
        # near misses: no killing follows "then"
        ("The driver was then arrested by the guards.", 0),
        ("The raider was then chased away by the guards.", 0),
    ],
)
def test_then_between_the_verb_and_its_participle(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders killed a six years old boy and wounded his mother at the well.", 1),
        ("Gunmen killed a four-year-old girl in the market.", 1),
        ("Bandits killed a 9 year old herder near the dam.", 1),
        # near misses: a figure that is no age, a group noun
        ("Raiders killed a three others in the market.", 0),
        ("Gunmen killed a dozen goats at the farm.", 0),
    ],
)
def test_an_age_opens_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders stormed the camp, killing their guard, a retired soldier.", 1),
        ("The gang killed their driver on the road to the depot.", 1),
        # near misses: a plural or an animal after "their"
        ("The gang killed their hostages on the road.", 0),
        ("Raiders killed their cattle before leaving the village.", 0),
    ],
)
def test_their_opens_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Taxi riders beat to death the town mayor Okello's body guard over a fare.", 1),
        ("Youths beat to death the old market chief in the square.", 1),
        # near miss: a plural head
        ("Youths beat to death the old market chief's two sons in the square.", 0),
    ],
)
def test_a_long_object_of_beat_to_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Armed men kidnapped two nurses after killing their escort, a police officer.", 1),
        ("Raiders broke into the home of the chief before killing him in the yard.", 1),
        ("A crowd chased the gang out of town after lynching a suspected thief.", 1),
        # near misses: the time of another event, a suicide told as the reason for a protest
        ("Youths rioted after the killing of a trader last week.", 0),
        ("Students marched after a classmate was murdered last month.", 0),
        ("Students marched over a classmate who left a note before killing herself.", 0),
    ],
)
def test_a_killing_after_or_before_is_the_attackers_own_act(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Traders at the depot set a suspected robber alight.", 1),
        ("A crowd beat and set ablaze two alleged robbers near the bridge.", 2),
        ("An old man is set on fire by youths who took him for a wizard.", 1),
        ("Three farm workers were seized and set ablaze by raiders.", 3),
        ("Five policemen were set on fire in their post.", 5),
        # a relative clause with no "who" after the victim
        ("Villagers set alight a herder they caught with stolen goats.", 1),
        ("Youths set ablaze two traders whom they blamed for the theft.", 2),
        ("Rioters set ablaze a police post that officers had left.", 0),
        # near misses: things set on fire, a possession of a person, an attempt, no count,
        # and a singular noun before a plural verb (a list of things)
        ("Rioters set ablaze two buses and a police post.", 0),
        ("Raiders set the house of a village chief on fire.", 0),
        ("A mob set a trader's shop alight.", 0),
        ("Youths tried to set a thief alight before police came.", 0),
        ("Youths caught the thieves and set them ablaze.", 0),
        # things tied to people, and a victim who lived
        ("Raiders set ablaze two lorries carrying traders.", 0),
        ("The mob set a kiosk belonging to a tailor alight.", 0),
        ("A man was set on fire by a mob and is receiving treatment in hospital.", 0),
        ("The offices of the mayor and a judge were looted and set on fire.", 0),
    ],
)
def test_people_set_on_fire(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders attack the market at dawn. Two causalities reported.", 2),
        ("Gunmen attack a border post on 13/07, eleven causalities.", 11),
        ("Troops killed 20 raiders. There was also one army causality.", 21),
        # near misses: no figure, causality in its own sense, the word spelled right
        ("Raiders attack the market. Causality figures not known.", 0),
        ("The causality between the two raids is not clear.", 0),
        ("Raiders attack the market at dawn. Two casualties reported.", 0),
    ],
)
def test_causalities_is_written_for_deaths(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders beheaded one herder and shot dead another at the well.", 2),
        ("Gunmen killed a trader at dawn and later killed another near the bridge.", 2),
        ("A guard shot dead his employer before turning the gun on himself.", 2),
        ("A farmer killed his brother and then turned his rifle on himself.", 2),
        # near misses: one death told twice, a threat, a number after "another"
        ("Gunmen shot dead a trader, leaving him dead in the street.", 1),
        ("The guard threatened to turn the gun on himself.", 0),
        ("Raiders killed a herder and wounded another 2 at the well.", 1),
    ],
)
def test_another_victim_and_a_shooter_who_turns_the_gun_on_himself(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders stormed the farm, beheading a herder and abducting another.", 1),
        ("A guard was held after shooting dead Amos Kiprono, a local trader.", 1),
        ("A trader, along with his Somali business partner are killed by raiders.", 2),
        ("A cattle thief was Sunday lynched at the market.", 1),
        ("Villagers caught a suspected thief and lynched him near the well.", 1),
        ("Gunmen raided the house of a pastor, killing and robbing him.", 1),
        ("The crowd beheaded him in the square.", 1),
        # near misses: a plan, a charge, a companion who survived, a pronoun before a figure
        ("Raiders vowed to behead a herder who refused to pay.", 0),
        ("Two youths were accused of lynching him.", 0),
        ("A trader, along with his business partner, was attacked by raiders.", 0),
        ("The crowd lynched her two sons at the market.", 2),
    ],
)
def test_more_objects_and_subjects_of_one_killing(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Unknown men killed by machete a herder near the river.", 1),
        ("Raiders killed with an axe a farmer at his gate.", 1),
        # near misses: no victim after the weapon, a weapon of a wounding
        ("The herder was found wounded by machete a day later.", 0),
        ("Raiders wounded with a knife a farmer at his gate.", 0),
    ],
)
def test_a_weapon_between_the_killing_verb_and_its_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders struck the farm, killing a couple and their son before dawn.", 3),
        ("A couple and their driver were shot dead on the road.", 3),
        # near misses: the one joined is wounded, a couple alone
        ("Raiders killed a couple and wounded their son.", 2),
        ("An elderly couple were hacked to death at their farm.", 2),
    ],
)
def test_one_more_person_joined_to_a_couple(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_sentence_about_property_set_on_fire_holds_no_figure() -> None:
    text = "Raiders burned a motorbike, set the office ablaze and seized two motorbikes."
    assert extract(text).casualties == ()


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a date between one victim and the verb
        ("A party activist on 4 March 2016 lost his life in the clash.", 1),
        ("A former mayor on 3 January 2019 succumbed to his injuries.", 1),
        ("A party activist on 2/3 died in the clash.", 1),
        ("A trader on June 9th died of his wounds in hospital.", 1),
        # near misses: a date after the verb, a date before a plural verb with its figure,
        # and a date before a verb of no death
        ("A trader died of his wounds on June 9th.", 1),
        ("Three traders on June 9th were shot dead by robbers.", 3),
        ("A trader on June 9th was robbed at gunpoint.", 0),
    ],
)  # fmt: skip
def test_a_date_between_one_victim_and_the_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders shot a retired army officer, Major Tariq Hussain Malik dead near his farm.", 1),
        ("Lieutenant al-Hassan died and Sergeant al-Rawi was wounded in the blast.", 1),
        # near misses: a name with "al-" that denies a death, an object of "shot" that is no
        # victim
        ("Colonel al-Obeidi denied that anyone died.", 0),
        ("Police shot rubber bullets at a group of students, leaving them dead tired.", 0),
    ],
)
def test_a_title_or_an_apposition_before_the_name_of_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Traders caught a pickpocket, stoned him and set him alight to death.", 1),
        ("Herders clubbed and stabbed to death a young shepherd at the well.", 1),
        ("The crowd beat the suspect and then burned him to death.", 1),
        # near misses: two people joined in the object, or a figure after the second verb
        ("Gunmen shot Ali and his driver dead at the gate.", 2),
        ("Villagers beat and burned to death three suspected robbers.", 3),
    ],
)
def test_a_second_verb_of_one_victim_is_no_second_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Rangers found three bodies by the road. They seemed to have been shot dead.", 3),
        ("Two guards were found dead; doctors said they appear to have been poisoned to death.", 2),
        # near misses: one subject before "to have been"
        ("A body lay in the ditch. The boy was found to have been beaten to death.", 1),
        ("A herder is believed to have been killed by the raiders.", 1),
    ],
)
def test_they_before_to_have_been_tells_the_people_before_again(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Union leader Peter Mwangi, who was stabbed at a rally on Monday, died on Thursday.", 1),
        ("Guards said Omar Farah Said, 41, succumbed to his wounds in the clinic.", 1),
        ("Many were hurt, among them the trader Ali Noor, who succumbed to his injuries.", 1),
        # near misses: the named man lived, or someone else died
        ("Union leader Peter Mwangi, who was stabbed at a rally on Monday, survived.", 0),
        ("Peter Mwangi, 41, said his old dog died in the drought.", 0),
        # ... and a relative clause with a plural verb of its own: many people, no one victim
        ("Elders in the valley mourned the villagers who have died in the raids.", 0),
        ("A guard, who was hit by a stray bullet, died at dawn.", 1),
    ],
)
def test_a_name_with_an_age_or_a_relative_clause_before_died(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Masked men assassinate a magistrate outside the court.", 1),
        ("Soldiers gun down a smuggler near the border post.", 1),
        ("Detectives gun down Musa Abdi Hassan, a robbery suspect, at a bus stop.", 1),
        ("A raider shoots and kills Lokori chief Peter Ekai at his home.", 1),
        # near misses: a plan not carried out, a group after the verb
        ("Rebels plotted to assassinate a governor during the parade.", 0),
        ("Police gun down suspected robbers in the slum.", 0),
        ("The gang kills Maasai cattle in the night.", 0),
    ],
)
def test_a_present_tense_killing_of_one_named_or_singular_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a killing gerund other than "killing" before a figure
        ("Villagers caught the raiders, lynching five of them.", 5),
        ("Bandits raided the camp, murdering 4 guards.", 4),
        ("Gunmen stormed the hamlet, beheading three farmers.", 3),
        # near misses: the same gerund of one victim, and a figure of places after its object
        ("A mob gathered, lynching a suspected thief.", 1),
        ("Mobs have been lynching suspected thieves in 3 districts this year.", 0),
    ],
)  # fmt: skip
def test_a_killing_gerund_before_a_figure(text: str, killed: int) -> None:
    assert extract(text).summary.killed == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # an acronym in brackets after the name it shortens reads as if it were not there
        ("A State Bureau of Investigation (SBI) officer and a driver were killed in the "
         "ambush.", 2),
        ("Two Border Guard Force (BGF) members and six rebels were killed in the clash.", 8),
        ("Gunmen shot dead a teacher and a Civilian Joint Task Force (CJTF) volunteer at the "
         "market.", 2),
        # a second victim named in five words after "and a"
        ("Gunmen killed a trader and a local vigilance committee youth volunteer in the town.", 2),
        # near misses: a figure in brackets stays a figure, and "and a ..." with a verb of
        # its own is another clause
        ("Five (5) soldiers of the Border Guard Force (BGF) were killed.", 5),
        ("Gunmen killed a farmer and a herder was wounded in the attack.", 1),
    ],
)  # fmt: skip
def test_an_acronym_in_brackets_and_a_long_second_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "lynched" also tells a mob's beating: one lynched who lived is no death
        ("A suspected thief is lynched by a mob and nearly killed before he is rescued.", 0),
        ("A suspected burglar was lynched by villagers at the market. Witnesses said they beat "
         "him with sticks. Police rescued the man minutes later.", 0),
        ("A suspected robber was lynched by a mob. The suspect survived with head wounds.", 0),
        # near misses: another who lived, and a lynching told alone
        ("A suspected burglar was lynched by villagers. Police rescued his accomplice.", 1),
        ("A suspected robber was lynched by a mob. His accomplice survived.", 1),
        ("A suspected robber was lynched by a mob on Monday.", 1),
    ],
)  # fmt: skip
def test_one_lynched_who_lived_is_no_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a title of three words before the name, and a name of six words
        ("Gunmen shot and killed trade union leader Ramon Cruz in the town.", 1),
        ("Gunmen shot and killed Brigadier General Ali Hassan Omar al-Zubaidi, a defence "
         "adviser, in the capital.", 1),
        # near miss: a preposition that is also a name particle opens no name
        ("Family members of a killed woman protested at Central Hospital in the city.", 0),
    ],
)  # fmt: skip
def test_a_long_title_or_a_long_name_after_the_killing_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one victim named by a singular noun after a past killing verb other than "kill"
        ("Militants executed the mayor of the town.", 1),
        ("Gunmen assassinated the district governor in the city.", 1),
        ("The gang murdered his neighbour near the well.", 1),
        # near misses: a thing executed, a charge told with "to have", a plural object
        ("Troops executed the plan of the commander.", 0),
        ("Villagers said the suspect was believed to have murdered the farmer.", 0),
        ("Militants executed the hostages of the rival group.", 0),
    ],
)  # fmt: skip
def test_a_singular_object_after_executed_assassinated_or_murdered(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a second victim told by a bare singular person noun after "and"
        ("Gunmen opened fire and killed a police officer and civilian in the district.", 2),
        ("Raiders killed a herder and woman near the river.", 2),
        # near misses: a plural noun, a verb of its own, a second verb
        ("Gunmen killed a police officer and civilians in the district.", 1),
        ("Gunmen killed a soldier and civilian were hurt.", 1),
        ("Gunmen killed a soldier and wounded a civilian.", 1),
    ],
)  # fmt: skip
def test_a_bare_person_noun_joined_to_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a name, maybe after a title or "citizen", as the object of "assassinated" or of the
        # participle "killing"
        ("Masked men assassinated Karim Bakr Haddad near his shop.", 1),
        ("Two gunmen shot and assassinated citizen Omar Farid in the old market.", 1),
        ("Attackers assassinated police major Hamid Latif at a checkpoint.", 1),
        ("Raiders assassinated Yusuf Al-Ba'ani, a district judge, outside the court.", 1),
        ("A bomb went off under his car, killing Tariq Mansour.", 1),
        # a surname led by an Arabic article stands alone
        ("Rival guards fired on the convoy, killing Al-Hadrami.", 1),
        # near misses: a possessive name, things assassinated or killed, an armed group, and
        # companions of no number
        ("Rival guards fired on the convoy, killing Al-Hadrami's driver.", 0),
        ("The opposition assassinated the plan in parliament.", 0),
        ("Soldiers at the post were killing time on Sunday.", 0),
        ("Residents were praised for resisting and killing Al Shabaab.", 0),
        ("A strike hit the farm, killing commander Saleh Nuri Jaber and several of his guards.",
         0),
    ],
)  # fmt: skip
def test_a_name_after_assassinated_or_the_participle_killing(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # two adverbs between "was" and the participle
        ("A herder was later reported killed near the wells.", 1),
        ("A guard at the depot was reportedly later shot dead.", 1),
        ("The village chief was allegedly subsequently executed by the rebels.", 1),
        # near misses: another fate after the same two adverbs
        ("A herder was later reported missing near the wells.", 0),
        ("A guard at the depot was reportedly later released.", 0),
    ],
)  # fmt: skip
def test_two_adverbs_before_the_participle_of_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a named victim of a death the report says was caused
        ("The shelling led to the death of militia commander Omar Farah.", 1),
        ("A drone strike resulted in the death of Hassan Dirie, a senior rebel.", 1),
        ("The quarrel ended with the death of Yusuf Abdi near the market.", 1),
        ("The raid resulted in the killing of Omar Farah and two others.", 3),
        # near misses: a death mourned or protested, not caused here
        ("Crowds mourned the death of Omar Farah in the town.", 0),
        ("Students protested over the death of Omar Farah last year.", 0),
        # ... or one confirmed, which an illness may have caused
        ("The hospital confirmed the death of Omar Farah, 82, after a long illness.", 0),
    ],
)  # fmt: skip
def test_a_name_after_a_death_caused(text: str, killed: int) -> None:
    assert _killed(text) == killed
