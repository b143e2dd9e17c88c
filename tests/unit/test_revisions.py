"""Raised counts of a report's dead ("the toll was raised to six", "raised from 1 to 4")
against a war's toll."""

from __future__ import annotations

import pytest

from consumers.extraction import extract
from consumers.extraction.revisions import revision


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Bandits raided the market, killing 9 (later raised to 14) and wounding 20.", 14),
        ("A bomb went off at the depot, killing 12. The figure was raised to 17 next day.", 17),
        ("Raiders shot dead three herders. In the following days the toll was raised to five.", 5),
        ("Two died in the blast. Later the death toll from the blast rose to four.", 4),
        ("Gunmen killed at least 6 people (a number later heightened to 9) in the hamlet.", 9),
        ("Gunmen killed at least 30 people (later, 34) at the fair.", 34),
        ("A mortar hit the camp, killing 8. The death count was revised up to 11.", 11),
        # a lower raised count never lowers the report's total
        ("Guards shot 5 raiders dead and 4 more were killed. The count was raised to 7.", 9),
    ],
)
def test_a_raised_count_is_the_reports_new_total(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a war's or a region's toll, not a revision of the report's count
        ("A drone killed 4 people on Monday. The death toll of the war rose to 900.", 4),
        ("A drone killed 4 people on Monday. The death toll in the region rose to 90.", 4),
        ("A drone killed 4 people on Monday. The toll in the ongoing siege rose to 60.", 4),
        ("A drone killed 4 people on Monday. The toll of the attack rose to 4,000.", 4),
        # other counts raised
        ("A drone killed 4 people. The number of injured was raised to 20.", 4),
        ("Police said the bail was raised to 30 in the court.", 0),
    ],
)
def test_a_toll_or_another_count_is_no_revision(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a long phrase between the toll and its verb, naming the incident
        ("The death toll in a raid on Friday night by armed herders on a farming hamlet near "
         "the river in the eastern district has risen to 13.", 13),
        ("The toll from the twin blasts at the bus station and the nearby cattle market in "
         "the old quarter of the town rose to 27.", 27),
        # near misses: a long phrase naming a war or a region since a date, or the wounded
        ("A drone killed 4 people. The death toll in the fighting between the army and the "
         "rebels across the northern provinces since March has risen to 900.", 4),
        ("A drone killed 4 people. The total of those hurt in the raid on the hamlet by the "
         "herders on Friday night near the river has risen to 40 injured.", 4),
    ],
)  # fmt: skip
def test_a_toll_past_a_long_phrase_of_its_incident_is_a_revision(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # told actively, by those who count
        ("Three were killed, police said. Medics later raised the death toll to seven.", 7),
        ("A shell hit the market, killing two. Officials later revised the toll to five.", 5),
        ("First reports said three had died; later they put the number at seven.", 7),
        ("A bomb went off, killing two. Doctors later put the number of dead at six.", 6),
        # a headline's present, and a toll of the incident that stands or was reached
        ("Toll from depot blast rises to 9", 9),
        ("Death toll in market bombing climbs to 12", 12),
        ("A bomb hit the depot. The death toll from the blast stands at seven.", 7),
        ("Gunmen raided the fair. The toll from the raid reached 11 by evening.", 11),
    ],
)
def test_a_raised_count_told_otherwise_is_the_reports_new_total(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "put at" without "later" or the incident is a figure told, not a revision
        ("A bomb went off, killing two. Officials put the death toll at six.", 2),
        # a war's or a region's toll, or another count, told actively or in the present
        ("Shelling killed 3 on Monday. The agency raised its toll for the war to 900.", 3),
        ("Shelling killed 3 on Monday. The toll in the region reached 90 this year.", 3),
        ("Shelling killed 3 on Monday. The toll since the war began stands at 400.", 3),
        ("A blast killed 3. Police later raised the number of guards at the site to 50.", 3),
        ("A blast killed 3. Later, medics put the number of wounded at 40.", 3),
    ],
)
def test_an_active_or_present_toll_of_something_else_is_no_revision(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed", "toll"),
    [
        # a change told "from ... to ...": its second figure is the count
        ("One death was reported. The death total was later raised from 1 to 4.", 4, None),
        ("Two were killed. Police later revised the toll from two to five.", 5, None),
        ("A bomb hit the bus. The death toll from the blast rose from 5 to 12.", 12, None),
        ("Officials raised the death toll from 1 to 4.", 4, None),
        # a toll that rose from one figure to another is a toll, not new deaths
        ("The death toll in the war rose from 500 to 900.", 0, 900),
        # near miss: a range with no change is a range
        ("Between 30 and 40 people were killed in the raid.", 30, None),
    ],
)
def test_a_change_from_one_figure_to_another(text: str, killed: int, toll: int | None) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.death_toll) == (killed, toll)


def test_revision_names_the_phrase_before_the_figure() -> None:
    low = "the death toll was later raised to 9"
    assert revision(low, 0, len(low), low.index("9"), 9) == (low.index("death"), low.index("9"))
    assert revision(low, 0, len(low), low.index("9"), 5000) is None


def test_a_raised_number_of_other_people_is_no_count_of_the_dead() -> None:
    text = "Raiders killed 3 guards. The number of troops at the post was raised to 500."
    assert _killed(text) == 3
    assert _killed("Raiders killed 3 guards. The number of dead was raised to 5.") == 5
