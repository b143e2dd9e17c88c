"""Casualty wordings of short event reports: a victim of two joined verbs, a figure named
before "to death", people joined to a figure after the killing verb, pronoun objects,
attempts that failed, protests over past deaths and revised figures."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A ward councillor is ambushed and beaten to death near the depot.", 1),
        ("A herder was seized by raiders and later beheaded.", 1),
        ("One man was hit by a stray bullet and killed during the clash.", 1),
        ("A teacher is cornered and hacked to death by a gang.", 1),
        # an adverb of the first verb
        ("A courier was brutally beaten and later killed by the gang.", 1),
        (
            "Gunmen seized four guards. One of the captives was savagely tortured and then killed.",
            1,
        ),
        # near misses: the second verb is no killing, or a clause sits inside "by ..."
        ("A clerk was arrested and later released on bail.", 0),
        ("A guard was wounded and taken to the clinic.", 0),
        ("A courier was brutally beaten and robbed by the gang.", 0),
        ("A courier was reportedly threatened and later released.", 0),
        ("After a thief is freed by police he is chased and beaten by youths.", 0),
    ],
)
def test_one_victim_of_two_joined_verbs(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders stormed a farm near the river, killing him and wounding two herders.", 1),
        ("A gang cornered the trader at the market and killed him in the street.", 1),
        # near misses: a threat, a talk about a killing, a possessive
        ("The gunmen said they would come back and kill him.", 0),
        ("The robbers talked about killing him, he told police.", 0),
        ("Armed men were accused of killing her cattle.", 0),
    ],
)
def test_a_pronoun_object_of_a_killing_counts_one(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two porters were nearly lynched by a crowd at the depot.", 0),
        ("A crowd almost killed a driver after the crash.", 0),
        ("Traders nearly lynched a man they took for a pickpocket.", 0),
        # the same without "nearly": a killing
        ("Two porters were lynched by a crowd at the depot.", 2),
        ("Traders lynched a man they took for a pickpocket.", 1),
    ],
)
def test_a_killing_nearly_done_is_no_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Drivers protest the killing of two of their colleagues by robbers.", 0),
        ("Nurses protests the death of a patient held in custody.", 0),
        ("Students protest the deaths of three classmates hit by a lorry.", 0),
        # near miss: the deaths of this report, not the reason of a protest
        ("Police fired on the protest, and the deaths of three marchers were confirmed.", 3),
    ],
)
def test_deaths_a_protest_is_about_are_not_new(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A bomber blew himself up at the gate, killing himself and nine guards.", 10),
        ("The blast at the depot killed the driver and 4 loaders of the convoy.", 5),
        ("Raiders hit the hamlet, killing a chief and twelve members of his household.", 13),
        ("A bomber struck, killing himself, two other bombers and five traders.", 8),
        # near misses: a verb of its own after the figure, or animals
        ("Raiders killed the chief and 300 fled to the hills.", 1),
        ("Raiders killed the chief and 30 goats.", 1),
        ("Raiders killed the chief, two others were wounded.", 1),
    ],
)
def test_a_figure_joined_to_one_victim_of_a_killing_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen fired on the checkpoint, killing a soldier and a civilian.", 2),
        ("The bomber detonated her belt at the market, killing herself and a guard.", 2),
        ("Bandits killed a farmer and an elderly herder near the well.", 2),
        # more people listed before the last
        ("Gunmen killed a teacher, a nurse and a farmer near the school.", 3),
        ("Gunmen killed a teacher, a nurse, and a farmer near the school.", 3),
        # near misses: the second person has a verb of their own, or no second person
        ("Bandits killed a farmer and a herder was wounded.", 1),
        ("Bandits killed a farmer and stole a goat.", 1),
        ("Bandits killed a farmer; a nurse and a herder were wounded.", 1),
        ("Gunmen killed a soldier, a police spokesman said, and a civilian was hurt.", 1),
    ],
)
def test_a_second_person_joined_to_one_victim_of_a_killing_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A mob burned two suspected cattle thieves to death at the market.", 2),
        ("Herders stabbed 3 farm hands to death near the river.", 3),
        ("A drunk man hacks a neighbour to death over a boundary.", 1),
        ("Militiamen slashed a boy to death in the square.", 1),
        # near misses: a plural object with no figure, a beating that did not kill
        ("A mob burned suspected cattle thieves to death at the market.", 0),
        ("Herders stabbed 3 farm hands near the river.", 0),
    ],
)
def test_a_figure_or_one_victim_before_to_death(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("At least 9 people died in the raid. Five herders and four guards lost their lives.", 9),
        ("Twelve were killed. Seven villagers and five militiamen were shot dead.", 12),
        # near misses: parts that do not add up to the figure told, or no figure before
        ("At least 9 people died in the raid. Five herders and two guards were killed later.", 16),
        ("Five herders and four guards lost their lives in the raid.", 9),
    ],
)
def test_joined_figures_that_restate_a_figure_as_its_parts_count_once(
    text: str, killed: int
) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A feud between two clans claimed six lives on Sunday.", 6),
        ("The ambush at the ford has claimed one life.", 1),
        ("The riot, which claimed the lives of four traders, ended at dusk.", 4),
        ("Clashes near the border. Fatalities: 3 - actors not stated.", 3),
        ("Clashes near the border. FATALITIES:12 (hospital count).", 12),
        (
            "Two militias fought at a ford. Estimates of fatalities stand at 4 guards and one "
            "rebel.",
            5,
        ),
        ("Rebels raided a depot; fatalities stood at 7 soldiers.", 7),
        # near misses: lives saved or at risk, a label of another kind
        ("The rescue team saved 40 lives in the flood.", 0),
        ("The raid put 200 lives at risk, officials said.", 0),
        ("Clashes near the border. Injuries: 3.", 0),
        ("Rebels raided a depot. Fatalities were reported at 2 sites nearby.", 0),
    ],
)
def test_lives_claimed_and_a_fatalities_label(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two men were arrested in connection with the killing of three traders.", 0),
        ("Police held a suspect in connection with the raid, which claimed 30 lives.", 0),
        # near miss: the same deaths told as news
        ("Gunmen killed a trader last week and two men were arrested.", 1),
    ],
)
def test_deaths_an_arrest_is_in_connection_with_are_not_new(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two guards were killed at the post. Five other deaths are feared but unconfirmed.", 2),
        ("One herder was killed (3 others reported dead but not confirmed).", 1),
        # near misses: a confirmed figure, or an unconfirmed one with no other figure
        ("Two guards were killed at the post, police confirmed.", 2),
        ("Five deaths are feared but unconfirmed after the raid.", 5),
    ],
)
def test_an_unconfirmed_figure_is_not_added_to_a_stated_one(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A roadside bomb killed 6 police officers. The rebels claim 20 fatalities.", 6),
        ("Rebels hit a convoy. They claimed killing nine. The army said two were killed.", 2),
        ("A guard was shot dead. The mayor dismissed reports that 12 people were killed.", 1),
        # near misses: the only figure, a claim of responsibility, a claim about other people
        ("The rebels claim 20 fatalities in the ambush.", 20),
        ("The rebels claimed responsibility for the blast that killed 7 people.", 7),
        ("Five militants were killed. The militants claimed to have killed 4 soldiers.", 9),
    ],
)
def test_a_sides_claim_or_a_dismissed_report_is_another_estimate(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Four herders were kiled by raiders near the dam.", 4),
        ("A man was shot and killled at the polling station.", 1),
        # near misses: words that only hold the letters
        ("Skilled workers were hired to rebuild the dam.", 0),
        ("Four skilled herders were hired near the dam.", 0),
    ],
)
def test_common_misspellings_of_killed(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three traders narrowly escaped death when a bomb hit the bus.", 0),
        ("Two rangers escape death in an ambush near the park.", 0),
        ("Youths beat a man accused of killing a herder at the well.", 0),
        ("A crowd chased a driver suspected of killing a child on the road.", 0),
        ("Youths rioted in the town following the killing of four guards in a raid.", 0),
        # near misses: the same deaths told as news
        ("Three traders died when a bomb hit the bus.", 3),
        ("A driver hit and killed a child on the road.", 1),
        ("Raiders killed four guards in a raid; shops were shut.", 4),
    ],
)
def test_escaped_deaths_charges_and_background_are_not_new(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed", "period"),
    [
        # "the previous day" dates a killing; "over the previous day" totals one
        ("In revenge for a raid the previous day, herders killed 3 men.", 3, None),
        ("12 people were killed over the previous day, the ministry said.", 0, 12),
    ],
)
def test_the_previous_day_dates_a_killing_over_the_previous_day_totals(
    text: str, killed: int, period: int | None
) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.period_killed) == (killed, period)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The militia lines up and executes 12 farm hands near the river.", 12),
        ("Guards were filmed executing two prisoners in the yard.", 2),
        ("Raiders seized the hamlet and executed 6 elders.", 6),
        # "executed" alone opens the sentence to the casualty rules
        ("Assailants executed seven people in the town.", 7),
        ("Gunmen executed five members of a family in the village.", 5),
        ("The journalist was executed on Friday.", 1),
        ("Assailants executed a doctor in the town.", 1),
        ("Militants executing a man accused of spying were filmed.", 1),
        # near misses: a warrant, a plan, an order or a raid executed
        ("A search warrant was executed at the house and two guns were found.", 0),
        ("A search warrant that was executed at his house turned up a rifle.", 0),
        ("The plan was executed flawlessly.", 0),
        ("The unit executed a raid on the compound.", 0),
        ("The officers executed a coup at the palace.", 0),
        ("The firm executes 3 contracts for the port.", 0),
        ("Troops executed two raids on militant hideouts, killing four.", 4),
    ],
)
def test_executes_and_executing_before_a_figure(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "hostages"),
    [
        ("Militants killed a guard and seized two motorbikes in the village.", 0),
        ("Rebels seized 40 vehicles and abducted 12 villagers.", 12),
        ("Police seized two handguns and killed a suspect.", 0),
    ],
)
def test_things_seized_are_no_hostages(text: str, hostages: int) -> None:
    taken = [c.count for c in extract(text).casualties if c.kind == "hostage"]
    assert sum(taken) == hostages


def test_a_figure_after_an_including_list_is_no_new_group() -> None:
    text = (
        "Soldiers killed ten civilians including members of the Fulani community and three "
        "Malian herders."
    )
    assert _killed(text) == 10


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Three suicide bombers struck the gate at dawn, killing only themselves.", 3),
        ("Two bombers reached the market on 12/04 but killed only themselves.", 2),
        # near misses: an attempt, or bombers who also killed others
        ("Two men tried to kill only themselves.", 0),
        ("Three bombers blew themselves up at the gate, killing 5 guards.", 5),
    ],
)
def test_attackers_who_killed_only_themselves_are_the_dead(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a bomber told before who sets off his charge dies: one, or the figure told
        (
            "Four suicide bombers hit the depot. Guards killed three of the attackers while the "
            "fourth detonated, killing a driver.",
            5,
        ),
        (
            "Guards fired on a suicide bomber at the gate. The assailant detonated, killing two "
            "guards.",
            3,
        ),
        (
            "Three suicide bombers stormed the camp. One was shot dead and the other two "
            "detonated, wounding a cook.",
            3,
        ),
        (
            "Troops killed two bombers at the checkpoint. A third bomber detonated, killing four "
            "soldiers.",
            7,
        ),
        # "one bomber detonated" beside attackers told killed, and a victims' figure of the
        # same value after the attackers' is new
        (
            "Three suicide bombers hit the gate. One bomber detonated and the other two were shot "
            "dead by guards. In addition to the bombers, one guard was killed.",
            4,
        ),
        (
            "Four suicide bombers stormed the plant. Guards shot dead three of the attackers while "
            "the fourth detonated. One guard was killed and two were hurt.",
            5,
        ),
        # near misses: attackers who set off a device, or who were counted another way
        (
            "Guards stopped two suicide bombers. One bomber detonated his vest while the other was "
            "arrested. One assailant was killed in the blast.",
            1,
        ),
        (
            "Gunmen stormed the bank. The attackers detonated explosives at the gate, killing a "
            "guard.",
            1,
        ),
        (
            "A suicide bomber approached the gate. The bomber detonated his vest near a van, "
            "killing five officers.",
            5,
        ),
        # ... and "the only" about anything else does not count them another way
        (
            "Four suicide bombers took the only road to the base. Guards shot dead three and the "
            "fourth detonated, killing two soldiers.",
            6,
        ),
        (
            "Two suicide bombers hit the base. In addition to the bombers, three soldiers were "
            "killed when the other two detonated.",
            5,
        ),
        ("A suicide bomber was stopped at the gate. The bomber detonated, killing himself.", 1),
    ],
)
def test_a_bomber_told_before_who_detonated_is_dead(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders struck at night, killing a family of six.", 6),
        ("The mob set fire to the hut, killing his three children.", 3),
        ("A trader was shot dead at home. His wife and son were also killed.", 3),
        ("Gunmen killed a young mother and her infant son near the well.", 2),
        # near misses: no killing, or animals after "his"
        ("Gunmen killed a family member at the farm.", 1),
        ("Police arrested his two sons at the farm.", 0),
        ("Gunmen killed a farmer and his cattle.", 1),
        ("His wife and son were wounded in the attack.", 0),
    ],
)
def test_a_family_and_kin_joined_to_a_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Unknown men killed and mutilated a night guard at the depot.", 1),
        ("Raiders killed and burned a herder in his hut.", 1),
        ("The gang lynched and robbed a trader on the road.", 1),
        # near misses: the second verb is a wounding or an abduction
        ("Gunmen killed and injured a man, police said.", 0),
        ("Gunmen killed and abducted a man, police said.", 0),
    ],
)
def test_one_victim_of_a_killing_verb_joined_to_another(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("One herder who was shot in the raid later died in hospital.", 1),
        # the report's hedge or "also" between the one person and the verb
        ("A militia fighter reportedly died of his wounds at the clinic.", 1),
        ("A porter also succumbed to his injuries.", 1),
        # near misses: one who survived, one who reportedly survived
        ("One herder who was shot in the raid survived.", 0),
        ("A militia fighter reportedly survived his wounds.", 0),
    ],
)
def test_one_person_who_later_died(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Mob lynches suspected criminal", 1),
        ("Villagers lynch suspected witch", 1),
        ("Gunmen kill party spokesman", 1),
        ("Unknown group kills member of a militia in the slums", 1),
        ("Police detective shot dead while on patrol", 1),
        # near misses: a plural victim with no figure, a killing nearly done
        ("Mob lynches suspected criminals", 0),
        ("Mob nearly lynches suspected criminal", 0),
    ],
)
def test_more_singular_victims_in_headline_grammar(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Clashes went on for days. Hospital count: 40 - minus 31 coded events = 9 remaining "
            "deaths.",
            9,
        ),
        ("Raiders killed 6 herders at the well (minus 2 previously coded for the same day).", 4),
        # near misses: "minus" that is no coder's arithmetic
        ("Raiders killed 6 herders at the well in minus 5 degrees.", 6),
        ("Raiders killed 6 herders at the well (minus 9 previously coded).", 6),
    ],
)
def test_a_coders_arithmetic_stated_in_the_note(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # attackers told dead beside their victims count once each
        ("A bomber struck the market. In addition to the assailant, the blast killed four.", 5),
        ("In addition to the bomber, one person was killed and 11 were injured.", 2),
        ("In addition to the two assailants, three guards were killed.", 5),
        ("In addition to one assailant, at least two guards were killed at the gate.", 3),
        ("In addition to an attacker, six pilgrims were killed.", 7),
        ("Two bombers hit the post. In addition to the bombers, two police were killed.", 4),
        # a bare plural counted by the vehicles the attackers blew up, one to a vehicle
        ("Suicide bombers detonated three explosives-laden trucks at the base. In addition to "
         "the bombers, six soldiers were killed.", 9),
        # near misses: no attackers, no killed figure, an unknown number, or attackers the
        # text already counted
        ("In addition to the fighting, five civilians were killed.", 5),
        ("In addition to the assailant, two people were wounded.", 0),
        ("In addition to one attacker, four police were wounded.", 0),
        ("In addition to the bombers, 20 soldiers were killed in the attack.", 20),
        ("Bombers fired rockets at three vehicles. In addition to the bombers, six soldiers "
         "were killed.", 6),
        ("A second bomber was shot and killed. In addition to the two bombers, three died.", 4),
    ],
)  # fmt: skip
def test_attackers_in_addition_to_their_victims(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the attackers of a suicide attack told as its only casualties: one for "the
        # assailant", the figure given before for a plural
        ("A suicide bomber blew up his car near a checkpoint. The bomber was the only "
         "reported casualty.", 1),
        ("Four suicide bombers detonated near the gate. There were no reported casualties "
         "other than the assailants.", 4),
        ("Troops stopped two suicide bombers at a bridge. When challenged, the bombers set off "
         "their vests, killing only themselves.", 2),
        ("A suicide bomber struck a patrol. Aside from the death of the assailant, four "
         "soldiers were wounded.", 1),
        # near misses: no suicide attack (an attacker may be a wounded casualty), deaths of
        # their own in the sentence, and a plural with no figure before it
        ("Gunmen raided a shop. The attacker was the only reported casualty.", 0),
        ("A suicide bomber struck a market. The bomber was the only casualty among the "
         "attackers, but six shoppers were killed.", 6),
        ("Suicide bombers detonated at the gate. There were no casualties other than the "
         "bombers.", 0),
    ],
)  # fmt: skip
def test_attackers_who_were_the_only_casualties(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "only the bombers (were) killed": the attackers of a suicide attack alone died, with
        # the figure given before, past a few words before the noun
        ("Two young rebel suicide bombers blew up their belts at the gate. Only the bombers "
         "were killed.", 2),
        ("Three suicide bombers struck a depot. Only the bombers reported dead.", 3),
        ("A suicide bomber rammed a checkpoint at dawn. Only the bomber died.", 1),
        # near misses: no suicide attack, a figure that is no count of bombers, another verb
        ("Gunmen raided a farm at night. Only the attackers were killed.", 0),
        ("Three days after the bombers detonated their vests, only the bombers were "
         "identified.", 0),
        ("Suicide bombers struck the market. Only the bombers were killed.", 0),
    ],
)  # fmt: skip
def test_only_the_bombers_died(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # attackers killed at the wheel, one to a vehicle
        ("Soldiers spotted and killed attackers driving four explosives-laden trucks near the "
         "dam.", 4),
        ("Police killed the bombers driving two cars packed with explosives at the gate.", 2),
        # near misses: a figure of the attackers themselves, and no killing
        ("Troops killed three assailants driving five vehicles on the highway.", 3),
        ("Police stopped assailants driving three vehicles at the checkpoint.", 0),
    ],
)  # fmt: skip
def test_attackers_killed_at_the_wheel_count_one_to_a_vehicle(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "a group of", "a band of": people of no stated number, never one person
        ("Gunmen killed a group of elderly men in the village.", 0),
        ("Troops killed a band of rebels near the river.", 0),
        # near misses: a group's or a gang's leader is one person
        ("Police killed a gang leader in the raid.", 1),
        ("Gunmen killed a group leader in the town.", 1),
    ],
)
def test_a_group_of_people_is_no_one_victim(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a named victim whose name holds a particle or an apostrophe, or a long title
        ("Assailants killed Lieutenant Colonel Radif al-Lafi in the district.", 1),
        ("Gunmen shot and killed Bashar al Qasim, an employee of the commission.", 1),
        ("An assailant shot and killed Ahmad 'Ani, a tribal chief, in the town.", 1),
        ("Assailants executed Staff Brigadier General Abd al-Lahibi in the city.", 1),
        # one name told by what the person was
        ("Assailants shot and killed Hafizullah, a provincial court judge, in the city.", 1),
        ("Gunmen killed Jumagul, the district police chief, on Monday.", 1),
        # names listed after the verb, each one (an age or what one was adds no one)
        ("Gunmen killed Ahmed Khan, Ali Hassan and Omar Said near the market.", 3),
        ("Gunmen killed Ahmed Khan, 23, and Ali Hassan, 30, in Kabul.", 2),
        ("Gunmen shot dead Fahdawi, a police chief, and another person on Monday.", 2),
        # near misses: a day, or a group's name before its members, a name of another fate,
        # peoples
        ("The court executed Monday.", 0),
        ("Police killed Al Shabaab militants in the county.", 0),
        ("Gunmen killed Ahmed Khan and Ali Hassan fled.", 1),
        ("Gunmen killed Ahmed Khan and wounded Ali Hassan.", 1),
        ("Troops killed Palestinians and Syrians.", 0),
    ],
)
def test_a_named_victim_with_a_particle_or_a_title(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # captives told killed after their abduction count as the abduction numbered them
        ("Assailants abducted nine civilians. The hostages were executed on May 22.", 9),
        ("Gunmen kidnapped two fighters. The victims were executed the following day.", 2),
        ("At least 20 soldiers were kidnapped; they were found dead later that day.", 20),
        ("Gunmen abducted three traders. The hostages were burnt alive an hour later.", 3),
        ("Gunmen kidnapped 16 farmers. The bodies of the victims were found on Monday.", 16),
        ("Gunmen abducted 10 police officers. The police officers' bodies were found.", 10),
        ("Gunmen kidnapped 20 council members. Three of the victims were executed.", 3),
        # ... or killed in the clause of their abduction
        ("At least 17 volunteers were kidnapped and beheaded.", 17),
        ("Gunmen abducted nine people from a bus and executed them near the road.", 9),
        # near misses: freed captives, a figure of their own, victims of a killing told before
        ("Gunmen abducted five traders. The hostages were released on Monday.", 0),
        ("Gunmen abducted five traders. The three captives were executed.", 3),
        ("Gunmen killed three people. The victims were killed with machetes.", 3),
        ("Gunmen abducted five traders. The bodies of the soldiers were found.", 0),
        ("Gunmen abducted two traders and killed a guard.", 1),
        ("Gunmen abducted six men. The hostages were shot dead. Two of the victims were boys.", 6),
        ("Gunmen abducted 5 people and killed 2 of them.", 2),
    ],
)
def test_captives_killed_after_their_abduction(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "was also killed": one more victim, though the figure equals the one before
        ("A policeman was killed in the attack. A civilian was also killed.", 2),
        ("A policeman was killed in the attack. The sniper was also killed in return fire.", 2),
        ("A policeman was killed in the attack. A civilian has also been killed.", 2),
        # near miss: the same victim told again
        ("A policeman was killed in the attack. The officer was shot dead by gunmen.", 1),
    ],
)
def test_a_victim_also_killed_is_one_more(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Unidentified gunmen decapitate two people at their home.", 2),
        ("Militants decapitated a farmer in the village.", 1),
        ("Two traders were decapitated by the attackers.", 2),
        ("A church pastor is found decapitated near the river.", 1),
    ],
)
def test_decapitated_as_beheaded(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a negation ends at "but"; "a short time later" is no victim
        ("The minister was not harmed, but three police officers were killed.", 3),
        ("No one was hurt.", 0),
        ("Not a single person was killed.", 0),
        ("The officers were shot and killed a short time later.", 0),
        ("Gunmen killed a little girl in the village.", 1),
        # the abducted named again as the subject of their killing
        ("Assailants abducted four boys in the town. The boys were killed shortly after.", 4),
        ("Gunmen abducted three civilians. The hostages were shot and killed a day later.", 3),
        ("Gunmen abducted two traders. The police were killed in a separate attack.", 0),
    ],
)
def test_a_negation_before_but_and_the_abducted_named_again(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Exact numbers not given - at least two guards dead, four others hurt.", 2),
        ("Full figures were not released \u2014 at least one medic killed.", 1),
        ("No villagers - not even the chief - were killed.", 0),
    ],
)
def test_a_negation_ends_at_a_dash(text: str, killed: int) -> None:
    """A note's "numbers not known - at least one soldier dead": the dash ends the clause
    the negation denies; a negation after the dash still holds."""
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # what was done to the captives first, then their killing, in one clause
        ("Gunmen abducted four traders. The traders were held for a week and then shot dead.", 4),
        (
            "Rebels kidnapped three guards. The guards were tied up, driven to a forest and "
            "executed.",
            3,
        ),
        (
            "Militants abducted two herders. The captives were beaten before being shot and "
            "killed.",
            2,
        ),
        ("Raiders abducted six fishermen. The hostages were led to a river and beheaded.", 6),
        ("All 7 hostages were doused in petrol and killed a day later.", 7),
        # near misses: the captives freed, or another subject killed in a clause of its own
        ("Gunmen abducted four traders. The traders were freed and two kidnappers were killed.", 2),
        (
            "Gunmen abducted four traders. The traders were held in a camp where two guards were "
            "killed.",
            2,
        ),
        ("Gunmen abducted four traders. The traders were released and the kidnappers killed.", 0),
        (
            "Gunmen abducted four traders. The traders were rescued after troops killed the "
            "kidnappers.",
            0,
        ),
        ("All 7 hostages were taken to a camp and released unharmed.", 0),
    ],
)
def test_captives_killed_after_what_was_done_to_them(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one captive named, then others with a figure: one more than the figure
        ("Gunmen abducted a teacher along with four of his pupils. The hostages were executed.", 5),
        ("Rebels kidnapped a chief and his two wives. The captives were found dead.", 3),
        ("Raiders abducted a driver and three other men. The victims were beheaded.", 4),
        # ... or listed one each before the figure of the abducted
        ("A nurse, her driver and two guards were kidnapped. Their bodies were found later.", 4),
        ("An engineer and three labourers were abducted. The captives were executed.", 4),
        ("Gunmen stormed a farm and two workers were abducted. The captives were executed.", 2),
        # near misses: animals taken too, the captives freed, other people killed
        ("Gunmen abducted a farmer and his 30 goats. The hostages were executed.", 0),
        ("Gunmen abducted a trader and his two sons. The hostages were released.", 0),
        ("Gunmen abducted a trader and his two sons. The police were killed in a raid.", 0),
    ],
)
def test_captives_one_named_then_others_with_a_figure(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "the victims" of an attack that named its people, killed in a later sentence
        ("Gunmen attacked a farmer and his four sons. The victims were shot and killed.", 5),
        ("Raiders opened fire on a guard and a driver. The victims were later found dead.", 2),
        ("Gunmen ambushed three traders near the well. The victims were beheaded.", 3),
        # near misses: no people named, animals, a death told between, victims not killed
        ("Gunmen attacked two villages. The victims were beheaded.", 0),
        ("Gunmen attacked a herder and his 30 goats. The victims were shot and killed.", 0),
        ("Gunmen attacked three traders, killing two. The victims were beheaded.", 2),
        ("Raiders opened fire on a guard and a driver. The victims were taken to hospital.", 0),
    ],
)
def test_the_victims_of_an_attack_killed_later(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a figure's people, what was done to them, then "before being" killed
        ("Six drivers were tied up before being shot and killed near the depot.", 6),
        ("Nine men, including four boys, were marched to a river before being executed.", 9),
        ("Four farmers were dragged from their homes before being hacked to death.", 4),
        # near misses: freed, or a verb that kills no one
        ("Six drivers were tied up before being released at dawn.", 0),
        ("Four farmers were questioned by soldiers before being attacked by a mob.", 0),
        ("Five traders were taken to a clinic before being discharged.", 0),
    ],
)
def test_a_figure_killed_after_what_was_done_to_them(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # captives named by "their bodies", after a time, as "the captured ...", as "men"
        ("Gunmen kidnapped three traders. Their bodies were found on Monday.", 3),
        ("Gunmen kidnapped three traders. A week later their bodies were found in a ditch.", 3),
        (
            "Raiders killed a ranger, abducting two others. Later the captured rangers were found "
            "dead.",
            3,
        ),
        ("Gunmen abducted four men. The men were killed on Monday.", 4),
        # near misses: other people killed, captives found alive
        ("Gunmen abducted four men. The gunmen were killed by troops.", 0),
        ("Gunmen kidnapped three traders. Later the police were killed in a raid.", 0),
        ("Gunmen kidnapped three traders. Their families were found safe.", 0),
    ],
)
def test_captives_named_again_in_other_ways(text: str, killed: int) -> None:
    assert _killed(text) == killed
