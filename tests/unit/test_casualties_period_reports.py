"""A period total is a short report's count when it is the report's own account of a place
below a country and the report states no other figure of its kind ("over the past 24 hours, 12
militants were killed in airstrikes in the valley"); a roll-up of a country's or a territory's
dead stays a period total only."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


@pytest.mark.parametrize(
    ("text", "killed", "period"),
    [
        ("Over the past 24 hours, 12 militants were killed in airstrikes in the Dara valley.",
         12, 12),
        ("As reported on 3 May, over the past 24 hours, 1 fighter was killed in clashes near "
         "the pass in Dara district.", 1, 1),
        ("Two herders have been killed in the last week in a feud over grazing land in the "
         "border villages.", 2, 2),
        ("Over the past 24 hours, 9 fighters were killed in clashes in two districts. "
         "Fatalities split across 3 events.", 3, 9),
        # near misses: a roll-up of a country's or territory's dead, a figure of the
        # incident beside the period total, and a long narrative
        ("In the past 24 hours, 42 people were killed across the territory.", 0, 42),
        ("In the past 24 hours, 45 people were killed in strikes on the coastal strip.", 0, 45),
        ("Over the past day, 20 soldiers were killed in the east of the country.", 0, 20),
        ("Two herders have been killed in the last week in a feud over grazing land.", 0, 2),
        ("Strikes killed 30 people in the past 24 hours, many of them in camps in the city.",
         0, 30),
        ("Shelling killed 8 civilians in the east over the past day, hitting residential areas.",
         0, 8),
        ("Over the past 24 hours, 30 people were killed nationwide, the ministry said.", 0, 30),
        ("Over the past 24 hours, 25 bodies were brought to hospitals in the city.", 0, 25),
        ("A strike killed five people in the market. Over the past 24 hours, 40 people were "
         "killed in airstrikes in the north.", 5, 40),
        # a span of days, as a situation report counts it; a range of people is no span
        ("Between the afternoons of 5 and 6 May, 104 people were killed across the territory, "
         "the ministry said.", 0, 104),
        ("Between 1 and 7 March, 23 fighters were killed in clashes in Dara district.", 23, 23),
        ("Between 10 and 15 people were killed in the attack on Monday.", 10, None),
        # a headline drops the article; "last week's attack" is one incident
        ("Air raids kill 40 across the region over past day", 0, 40),
        ("Five people were killed in last week's attack on the market.", 5, None),
    ],
)  # fmt: skip
def test_a_short_report_counts_its_own_period_total(
    text: str, killed: int, period: int | None
) -> None:
    summary = extract(text).summary
    assert (summary.killed, summary.period_killed) == (killed, period)


def test_the_figure_keeps_its_period_scope() -> None:
    found = extract("Over the past 24 hours, 12 militants were killed in airstrikes.")
    assert [(c.count, c.scope) for c in found.casualties] == [(12, "period")]


def test_a_narrative_does_not_count_a_period_total() -> None:
    lead = "Over the past 24 hours, 12 militants were killed in airstrikes in the valley. "
    rest = "The valley was quiet at dawn. " * 10
    summary = extract(lead + rest).summary
    assert (summary.killed, summary.period_killed) == (0, 12)
