"""A note that splits the deaths a report told before over several events ("Fatalities are
split across five events", "distributed across 2 events"), or deaths told "across both blasts"
by a report that says it is one of them, makes the report's count those deaths divided
evenly; a range
whose upper end is an estimate ("between six and about ten") is one figure."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str, title: str = "") -> int:
    return extract(text, title=title).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("At least twenty raiders were killed. Fatalities are split across five events.", 4),
        ("Gunmen killed 12 villagers. The deaths were split over three events.", 4),
        ("Gunmen killed 10 villagers. Fatalities are split across four events.", 3),
        ("Troops killed 16 fighters in two districts. Fatalities are distributed across 2 "
         "events.", 8),
        # near misses: a split of something else, a note with no deaths before it, and a
        # note that states the report's own share
        ("Gunmen killed 12 villagers. The looted goods were split across three villages.", 12),
        ("Fatalities are split across three events.", 0),
        ("Gunmen killed 12 villagers. 12 fatalities split across 3 events and coded as 5 for "
         "this event.", 5),
    ],
)  # fmt: skip
def test_deaths_told_before_split_over_events(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a few deaths split over many more events: most of them hold none
        ("Two raiders were killed in the hills [2 fatalities split among 9 events].", 0),
        ("Rebels shelled the post. One guard was killed. Fatalities are split across six "
         "events.", 0),
        # near misses: half an event or more rounds up, and deaths told across attacks the
        # report is one of keep at least one
        ("Four raiders were killed in the hills [4 fatalities split among 8 events].", 1),
        ("This was one of five attacks in the city. Two people were killed across the "
         "attacks.", 1),
    ],
)  # fmt: skip
def test_fewer_deaths_than_events_split_leave_the_report_none(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_split_note_divides_the_deaths_of_the_title() -> None:
    assert _killed("Fatalities are split across three events.", title="12 killed in raid") == 4


def test_the_note_adds_no_figure_of_its_own() -> None:
    found = extract("Gunmen killed 12 villagers. Fatalities are split across three events.")
    assert [c.count for c in found.casualties] == [12]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The farmers killed between six and about ten people.", 6),
        ("Between 20 and around 30 people were killed.", 20),
        # near miss: two figures joined by "and" without "between" stay two
        ("Gunmen killed six herders and about ten traders.", 16),
    ],
)
def test_a_range_with_an_estimate_at_its_upper_end(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen killed 13 people. Fatalities coded as 13. 13 fatalities split across 2 events "
         "and coded as 7 for this event.", 7),
        ("Airstrikes killed 13 militants. Unspecified number of civilian fatalities coded as 3. "
         "Fatalities coded as 16.", 16),
        # near miss: one share alone is the count
        ("Gunmen killed 12 villagers. 12 fatalities split across 3 events and coded as 4 for "
         "this event.", 4),
    ],
)  # fmt: skip
def test_of_several_coded_counts_the_last_is_the_reports(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Troops killed 35 fighters in two districts. Fatalities split across 2 events (17).",
         17),
        ("Airstrikes killed 20 rebels in three villages, fatalities split over 3 locations (6).",
         6),
        ("Troops killed 3 fighters in four districts. Fatalities split over 4 locations (0).",
         0),
        # near misses: no share in brackets, brackets holding no number, a year
        ("Troops killed 35 fighters in two districts. Fatalities split across 2 events.", 18),
        ("Troops killed 30 fighters in two districts. Fatalities split across 2 events (see "
         "map).", 15),
        ("Troops killed 30 fighters in two districts. Fatalities split across 2 events (2019).",
         15),
    ],
)  # fmt: skip
def test_a_share_in_brackets_after_a_split_is_the_report_s(text: str, killed: int) -> None:
    assert _killed(text) == killed


def test_a_bracketed_share_of_a_period_total_keeps_the_total() -> None:
    summary = extract("Over the past 24 hours, 35 fighters were killed in airstrikes in two "
                      "districts. Fatalities split across 2 events (17).").summary  # fmt: skip
    assert (summary.killed, summary.period_killed) == (17, 35)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Raiders killed 3 guards and 8 raiders died in the fight (9 total fatalities coded).",
         9),
        ("A bomber killed 22 guards at the gate. 23 fatalities coded to include the bomber.", 23),
        ("Rebels claimed to have killed 6 soldiers and 4 guards. 8 fatalities are coded in "
         "total.", 8),
        ("46 fighters were killed (coded across 3 events, 16 fatalities for this event).", 16),
        # one fatality, told "confirmed" or "split", coded to the event of a day's toll
        ("Riot police fired at the march. At least 20 people died in the city that day. 1 "
         "confirmed fatality coded to this event.", 1),
        ("Crowds burned a bus. 9 people died across the town; 4 deaths split across 8 events. "
         "1 split fatality coded to this event.", 1),
        # near misses: a figure coded across events (divided, not taken whole), one the
        # coder says is "coded as", and something else coded for the event
        ("Raiders killed 12 herders. 12 fatalities coded across 3 events.", 4),
        ("Tens of herders were killed. Fatalities coded as 10.", 10),
        ("Raiders killed 12 herders. The looted cattle were coded for this event.", 12),
        ("Riot police fired at the march. 20 people died. A fatality coded elsewhere was a "
         "guard.", 20),
    ],
)  # fmt: skip
def test_a_count_the_coder_states_is_the_report_s(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a report that is one of several attacks, with the deaths told across them
        ("A bomb hit the market. This was one of two bombings in the city. Thirteen people "
         "were killed and 42 were injured across both blasts.", 7),
        ("This was one of four attacks in the area. At least 14 people were killed across all "
         "four assaults.", 4),
        # the number of attacks from "one of" when the deaths are told "across the attacks"
        # or "in the attacks"
        ("This was one of three attacks in the area. At least 16 people were killed and 41 "
         "were injured across the attacks.", 5),
        ("This was one of at least nine attacks on outposts. At least 21 soldiers were "
         "killed across the clashes.", 2),
        ("This was one of five attacks in the city. At least 16 people were killed in the "
         "assaults.", 3),
        ("This was one of 17 attacks across the country. Thirteen people were killed in both "
         "blasts.", 7),
        # near misses: no word that the report is one of several, or no deaths across them
        ("Thirteen people were killed and 42 were injured across both blasts.", 13),
        ("Rockets hit the market. At least 16 people were killed in the attacks.", 16),
        ("This was one of two bombings. Five were killed. Shops were damaged across both "
         "blasts.", 5),
    ],
)  # fmt: skip
def test_deaths_across_the_attacks_a_report_is_one_of(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "coded here as N", "the remaining N coded here": the coder's count for this report
        ("Jets struck rebel camps in two valleys, killing 15 fighters. 15 fatalities split "
         "over 2 events, coded here as 7.", 7),
        ("Police fought bandits in two villages, killing 5. Fatalities split over 2 events, "
         "and coded here as 2.", 2),
        ("40 raiders were killed; 15 fatalities coded separately in the north, the remaining "
         "25 coded here.", 25),
        # near misses: a figure "coded" elsewhere stays out, and a place "here" is no note
        ("Raiders killed 12 herders. 12 fatalities split across 3 events.", 4),
        ("Raiders killed 12 herders here and 3 more in the next village.", 15),
    ],
)  # fmt: skip
def test_a_count_coded_here_is_the_report_s(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the attackers killed as troops "repelled" all the attacks the report is one of
        ("Fighters stormed a checkpoint. This was one of two raids on the town that night. "
         "Troops repelled both assaults, killing 18 fighters.", 9),
        ("This was one of three attacks on the base. The army repelled the attacks, killing "
         "12 insurgents.", 4),
        ("This was one of four raids in the district. Police repelled the four assaults, "
         "killing 20 gunmen.", 5),
        ("This was one of two attacks on the camp. Ten militants were killed as soldiers "
         "repelled both assaults.", 5),
        # "killing" before "across", "across each of", and raids
        ("This was one of two attacks on the base. Soldiers fought back, killing 14 "
         "militants across both incidents.", 7),
        ("This was one of three attacks that day. Troops fired back, killing 9 gunmen "
         "across each of the attacks.", 3),
        ("This was one of two raids in the district. At least 8 villagers were killed across "
         "both raids.", 4),
        # near misses: no word that the report is one of several, and no deaths in the
        # sentence of the repelled attacks
        ("Troops repelled both assaults, killing 18 fighters.", 18),
        ("This was one of two attacks on the town. Six residents were killed. Troops "
         "repelled both assaults.", 6),
    ],
)  # fmt: skip
def test_attackers_killed_as_the_attacks_were_repelled(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a note after "killing N" splits those deaths like one after "N were killed"
        ("Troops raided two camps, killing 14 fighters (split across 2 events) and wounding "
         "5.", 7),
        ("This was one of two raids that night. Police repelled both raids, killing ten "
         "raiders across both attacks.", 5),
        # near miss: a split of something other than deaths stays out
        ("Troops raided two camps, seizing 14 rifles (split across 2 events).", 0),
    ],
)  # fmt: skip
def test_a_split_after_killing_divides_those_deaths(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the deaths of all the attacks told in a relative clause of the sentence that says
        # the report is one of them
        ("A car bomb went off at a bus stop. This was one of six such bombings in the "
         "province that day, across which at least 12 people were killed.", 2),
        ("Gunmen raided a village. This was one of three raids in the district in which nine "
         "farmers were killed.", 3),
        # near misses: a relative clause on something else, and no word that the report is
        # one of several
        ("This was one of two attacks on the town. A market in which 10 people were killed "
         "was hit.", 10),
        ("Gunmen raided the village in which nine farmers were killed.", 9),
    ],
)  # fmt: skip
def test_deaths_of_the_attacks_told_in_a_relative_clause(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "N fatalities" in the note that sums the figures before it restates them
        ("A rebel leader and 8 of his men were killed (9 fatalities coded across 3 events).", 3),
        # near miss: a figure equal to the sum before it, of other people, is more deaths
        ("Three guards were killed at the gate and three raiders were killed in the yard "
         "(split across 2 events).", 3),
    ],
)  # fmt: skip
def test_a_note_restating_the_sum_is_counted_once(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "split in half": the deaths told before halved over two events
        ("Troops raided two hamlets, killing 8 fighters. Fatalities split in half (4) due to "
         "unclear locations.", 4),
        ("Raiders killed 10 herders at two wells (fatalities split in half).", 5),
        # near miss: with no deaths told before, a half in brackets adds none
        ("A mine hit a patrol, killing and wounding 6 guards. Fatalities split in half (3) due "
         "to unclear nature of casualties.", 0),
    ],
)  # fmt: skip
def test_a_split_in_half_halves_the_deaths_told_before(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a sum of named people is divided by the split note after it
        ("Troops raided four villages, killing 20 total fighters. Fatalities coded across 4 "
         "events.", 5),
        # near miss: with no note the sum is the report's count
        ("Troops raided four villages, killing 20 total fighters.", 20),
    ],
)  # fmt: skip
def test_a_sum_of_people_is_split_by_a_note_after_it(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # deaths told for the report's attack and others beside it
        ("A bomb went off at a checkpoint. Ten soldiers were killed across this attack and "
         "another bombing in the city.", 5),
        ("Gunmen hit a post. Between this and another similar attack, six guards died.", 3),
        ("Rockets hit a camp. Nine people were killed across this and two other attacks.", 3),
        # some of the attacks the report is one of: "in two of the eight events"
        ("This was one of eight raids in the area. At least 14 fighters were killed in two of "
         "the eight events.", 7),
        # near misses: deaths of this attack alone, and "this and" naming no other attack
        ("A bomb hit a market. Eight people were killed in this attack.", 8),
        ("A bomb hit a market. Eight people were killed in this blast and four were hurt.", 8),
        ("Gunmen raided a town. Nine people were killed in this and two other towns.", 9),
    ],
)  # fmt: skip
def test_deaths_of_this_attack_and_others_beside_it(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a coded count split right after it: its even share
        ("Shelling hit militia posts in two hamlets, killing and wounding an unknown number. "
         "Unknown fatalities coded as 10 and spread across two locations.", 5),
        ("Gunfire on a hill killed and injured several guards. Fatalities coded as 12 and "
         "split up between three events.", 4),
        ("Drones struck the ridge, killing some fighters. Unknown fatalities coded as 10 and "
         "split across four events.", 3),
        # near misses: the report's own share stated after the split, and a split of
        # something else after the coded count
        ("Rebels were killed and wounded. Unspecified fatalities coded as 10 and split over "
         "5 events, coded as 3 for this event.", 3),
        ("Shelling killed and injured several guards. Fatalities coded as 10. The fighting "
         "later spread across two districts.", 10),
    ],
)  # fmt: skip
def test_a_coded_count_split_after_it_is_divided(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "fatalities spread across": a coder's split like "split across"
        ("Airstrikes killed 12 fighters on two hills. Fatalities spread across two "
         "locations.", 6),
        ("Troops killed 9 raiders over three nights. Reported fatalities spread across three "
         "days.", 3),
        # near misses: fighting, not deaths, that spread
        ("Fighting that killed 9 people spread across three villages.", 9),
        ("Clashes killed 8 people and then spread over two days.", 8),
    ],
)  # fmt: skip
def test_fatalities_spread_across_events_are_split(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a party's claim, the report's only count, is split like any other count
        ("The insurgents claimed to have killed 14 soldiers in the hills. Fatalities split "
         "across two locations.", 7),
        ("Militiamen claim to have shot dead 9 guards at three posts. Fatalities spread "
         "across three locations.", 3),
        # near miss: a claim beside a count of the report's own is not what is split
        ("Troops killed 8 raiders. The raiders claimed to have killed 20 soldiers. "
         "Fatalities split across two events.", 4),
    ],
)  # fmt: skip
def test_a_claimed_count_is_split_by_a_note_after_it(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the coder's count of deaths and injuries together stands for the deaths
        ("Mortars hit a garrison, killing and injuring several guards. Unknown number of "
         "fatalities and injuries coded as 10.", 10),
        ("Dozens of militiamen were killed and wounded in the raid. Dozens of fatalities and "
         "injuries coded as 6.", 6),
        # near miss: a coded count of injuries alone is no death
        ("Mortars hit a garrison, injuring several guards. Unknown number of injuries coded "
         "as 10.", 0),
    ],
)  # fmt: skip
def test_fatalities_and_injuries_coded_as_a_count(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the half a coder states in brackets (or after "=") is the report's count
        ("Raiders killed and wounded dozens of herders. Fatalities coded as half (6).", 6),
        ("Troops say they killed and wounded 23 rebels. Fatalities coded as half of 23 (11).",
         11),
        ("A mine killed and injured 9 guards. Fatalities coded as half & rounded down = 4.", 4),
        # and a split right after it divides that half
        ("Snipers killed and injured 20 soldiers on two hills. Reported fatalities coded as "
         "half (10) and spread across two locations.", 5),
        # near miss: a half of something other than the count, with no figure given
        ("Gunmen killed 8 villagers; half of the houses were coded as burnt.", 8),
    ],
)  # fmt: skip
def test_a_half_the_coder_states_is_the_report_s(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # half of the dead and hurt told as one figure before the note, rounded down
        ("Shelling hit a border post, killing and injuring 15 guards. Fatalities coded as "
         "half.", 7),
        ("Raiders claim to have killed and wounded \"dozens\" of herders. Fatalities coded as "
         "half, rounded down, due to unclear nature of casualties.", 6),
        ("Eleven soldiers were killed and injured in the ambush. Fatalities coded as half.", 5),
        # and a split right after the note divides that half
        ("A rocket hit two camps, killing and injuring dozens. Fatalities coded as half and "
         "split between 2 locations.", 3),
        # near misses: no figure of the dead and hurt told, and deaths alone told
        ("Shelling hit a border post. Fatalities coded as half.", 0),
        ("Raiders killed 6 guards. Fatalities coded as half.", 6),
    ],
)  # fmt: skip
def test_half_of_the_dead_and_hurt_told_before(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a coder's count of deaths the report could not number counts a vague plural of them
        ("Scores of raiders were killed in the hills. Unknown fatalities coded as 10.", 10),
        ("Jets struck a camp, killing dozens of fighters. Unspecified fatalities coded as 6.",
         6),
        # near misses: numbered deaths are added to it, and a vague plural after the note is
        # not what it counts
        ("Rebels shelled a post, killing 2 guards. Unknown fatalities coded as 10.", 12),
        ("Unknown fatalities coded as 3. Dozens of herders were killed in the valley.", 15),
    ],
)  # fmt: skip
def test_a_coded_count_of_unnumbered_deaths_counts_a_vague_plural(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a phrase between the coder's fatalities and "coded as"
        ("Snipers shot several guards. Unknown fatalities in a low-intensity event coded as "
         "3.", 3),
        ("Rebels said they repelled an assault on the ridge. Unspecified fatalities mentioned "
         "by the source coded as 10.", 10),
        # near miss: "coded as" of something other than fatalities
        ("Rebels said they repelled an assault on the ridge. The vehicles reported by the "
         "source coded as 4.", 0),
    ],
)  # fmt: skip
def test_a_coded_count_with_a_phrase_before_coded(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a split after a remark in brackets, after "coded and", and of a count in brackets
        ('Scores of raiders were reported killed. Unknown fatalities coded as 20 ("scores") '
         "and split across four locations.", 5),
        ("Jets struck depots across the province. 90 fatalities are coded and spread over "
         "three days.", 30),
        ("Rebels killed fighters in three valleys. Fatalities (12) spread across 3 "
         "locations.", 4),
        # near misses: a count in brackets with no split after it, and a coded count whose
        # split is not right after it
        ("Rebels killed fighters in three valleys. Fatalities (12) were reported.", 0),
        ("Jets struck depots. 90 fatalities are coded. Clashes spread over three days.", 90),
    ],
)  # fmt: skip
def test_a_coded_count_split_after_a_remark_or_in_brackets(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # more ways a note splits the deaths: a new clause after the coded count, "split with
        # another event", "split up into", "fatalities - spread", "coded as 12 spread"
        ("Rebels shelled a camp. Unknown fatalities coded as 10; fatalities split over two "
         "events.", 5),
        ("Rebels shelled a camp. (Unknown fatalities coded as 10, split with another event)",
         5),
        ("12 raiders and 4 guards were reported killed, split up into two events.", 8),
        ("Sources reported dozens of rebel fatalities - spread across two events.", 6),
        ("Dozens of rebels died. Fatalities coded as 12 spread across two locations.", 6),
        # the dead and hurt told as one, coded
        ("Rebels killed and injured dozens of guards. Dozens killed and injured coded as 6.",
         6),
        # near misses: fighting that spread after a coded count, and a split of goods
        ("Rebels shelled a camp. Fatalities coded as 10 in the district, the fighting spread "
         "across two villages.", 10),
        ("Rebels killed 8 guards; the loot was split with another group.", 8),
    ],
)  # fmt: skip
def test_more_ways_a_note_splits_the_deaths(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # words, or a remark in brackets, between the coder's fatalities and "coded as"
        ("Jets struck a ridge. Unknown reported fatalities in the hills coded as 10 at "
         "district level.", 10),
        ('Jets struck a ridge. Unknown fatalities ("heavy losses") coded as 10.', 10),
        ("Jets struck a ridge. Unknown fatalities on both sides coded as 10.", 10),
        # a quoted coded count, a split over "a total of" locations, and a total after it
        ('Jets struck two ridges. Unknown fatalities coded as "10" and split between the 2 '
         "locations.", 5),
        ("Clashes hit ten hamlets. Unknown fatalities coded as 10 and spread across a total "
         "of ten locations.", 1),
        ("Some guards and 14 raiders were killed. Unknown fatalities among the guards coded "
         "as 10 for a total of 24 fatalities.", 24),
        # near miss: a figure coded for something other than the dead
        ("Jets struck a ridge, killing 4 fighters. The vehicles in the hills coded as 10.", 4),
    ],
)  # fmt: skip
def test_a_coded_count_with_words_before_it(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # more ways to tell the dead and hurt as one figure before a note that halves it
        ("Shelling resulted in the killing and wounding of dozens of guards. Fatalities coded "
         "as half.", 6),
        ('Rebels say the raid caused 40 "dead and wounded". Fatalities coded as half.', 20),
        ("A rocket hit the post, causing dozens of deaths and injuries. Fatalities coded as "
         'half of "dozens"', 6),
        # near miss: deaths and injuries told apart are not halved
        ("A rocket hit the post, killing 4 guards and injuring 9. Fatalities coded as half.", 4),
    ],
)  # fmt: skip
def test_more_ways_to_tell_the_dead_and_hurt_as_one(text: str, killed: int) -> None:
    assert _killed(text) == killed
