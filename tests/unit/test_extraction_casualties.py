"""Casualty mentions: kinds, figures, scope, attributes and the traps around them."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _tuples(text: str) -> list[tuple[str, int, str]]:
    return [(c.kind, c.count, c.scope) for c in extract(text).casualties]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An airstrike killed 14 people overnight.", [("killed", 14, "incident")]),
        ("Nine soldiers were wounded in the ambush.", [("wounded", 9, "incident")]),
        ("Around 20 people are still missing.", [("missing", 20, "incident")]),
        ("Militants took 240 people hostage.", [("hostage", 240, "incident")]),
        ("Troops arrested 25 Palestinians in raids.", [("detained", 25, "incident")]),
        ("The blast left 31 dead and 40 wounded.",
         [("killed", 31, "incident"), ("wounded", 40, "incident")]),
        ("A journalist was killed in a drone strike.", [("killed", 1, "incident")]),
        ("The shooting killed a police officer.", [("killed", 1, "incident")]),
    ],
)  # fmt: skip
def test_kinds_and_counts(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _tuples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The death toll in Gaza rose to 19,000, the ministry said.",
        "Since October 7, more than 18,800 people have been killed.",
        "In total, 1,200 people were killed.",
        "So far in the war, 132 soldiers have been killed.",
        "Overall, 50,000 people have been wounded.",
    ],
)
def test_cumulative_tolls(text: str) -> None:
    found = extract(text).casualties
    assert found and all(c.scope == "cumulative" for c in found)


def test_incident_and_toll_in_one_sentence() -> None:
    text = "A strike killed 12 people on Tuesday, bringing the death toll to 19,453."
    result = extract(text)
    assert _tuples(text) == [("killed", 12, "incident"), ("killed", 19453, "cumulative")]
    assert (result.summary.killed, result.summary.death_toll) == (12, 19453)


def test_restated_figure_counts_once_and_subsets_not_at_all() -> None:
    text = (
        "The raid killed 12 people, including 5 children. "
        "The raid, which killed 12 people, also hit a mosque."
    )
    assert extract(text).summary.killed == 12


def test_attributes() -> None:
    text = "Hospital officials said 8 Palestinians were killed in Jenin, as of Monday."
    (casualty,) = extract(text).casualties
    assert casualty.who == "Palestinians"
    assert casualty.where == "Jenin"
    assert casualty.authority == "hospital officials"
    assert casualty.as_of == "Monday"


def test_vague_figure_keeps_interval() -> None:
    (casualty,) = extract("Dozens of people were killed.").casualties
    assert (casualty.count, casualty.low, casualty.high, casualty.approximate) == (12, 12, 99, True)


def test_evidence_bounds_figure_and_trigger() -> None:
    text = "Calm returned. Later, at least 18 people were killed in Rafah."
    (casualty,) = extract(text).casualties
    ev = casualty.evidence
    assert (
        text[ev.start : ev.end] == ev.sentence == "Later, at least 18 people were killed in Rafah."
    )
    assert text[ev.match_start : ev.match_end] == "at least 18 people were killed"


@pytest.mark.parametrize(
    "text",
    [
        "No one was killed in the attack.",
        "No casualties were reported.",
        "None were hurt when the shell landed.",
        "None of the 40 passengers were hurt.",
        "The Senate killed the bill on Thursday.",
        "In 2023, 5 km from the border, a 15-year-old and a boy aged 12 waited at 3 p.m.",
        "Prices rose 300 percent and donors gave $2 million.",
        "The council voted 13 votes to 1 on Resolution 2334.",
        "The group vowed to kill 100 soldiers.",
        "Militants fired 150 rockets on October 7.",
    ],
)
def test_traps_yield_nothing(text: str) -> None:
    result = extract(text)
    assert result.casualties == ()
    assert (result.summary.killed, result.summary.wounded, result.summary.death_toll) == (
        0,
        0,
        None,
    )


def test_a_cumulative_wounded_figure_is_not_a_new_injury() -> None:
    text = (
        "At least 22,588 people have been killed since the fighting began, the health ministry "
        "said, adding that 47,721 others had been wounded. Separately, 9 people were wounded "
        "in a strike on Tuesday."
    )
    summary = extract(text).summary
    assert (summary.killed, summary.wounded, summary.death_toll) == (0, 9, 22_588)


@pytest.mark.parametrize(
    "text",
    [
        "A shop employee has died when a petrol bomb hit the truck.",
        "An army jawan died in an encounter on the Line of Control.",
        "One security guard was martyred in the blast.",
        "A village council leader was axed to death in his office.",
        "A farmer was shot in the village. He succumbed to his injuries the next day.",
    ],
)
def test_one_death_told_without_was_killed(text: str) -> None:
    assert extract(text).summary.killed == 1


@pytest.mark.parametrize(
    "text",
    [
        "Not a single person died in the raid.",
        "Not a single soldier was killed in the raid.",
        "A day after the commander died, fighting resumed.",
    ],
)
def test_no_single_death_and_time_phrases_count_nobody(text: str) -> None:
    assert extract(text).summary.killed == 0


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("An Indian policeman and a civilian were killed after militants attacked a post.", 2, 0),
        ("An army jawan and a militant died in an encounter.", 2, 0),
        ("A man and a woman were wounded in the attack.", 0, 2),
        ("A soldier was killed and a civilian was wounded.", 1, 1),
    ],
)
def test_two_people_named_one_after_the_other(text: str, killed: int, wounded: int) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.wounded) == (killed, wounded)
