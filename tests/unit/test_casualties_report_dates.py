"""Dates and quotes inside short event reports: a day written with a slash ("on 11/04") is
no count, and a date or a quote mark between "was"/"were" and the killing verb ("was on
Friday killed", 'is "hacked to death"') keeps the verb tied to its subject."""

from __future__ import annotations

import pytest

from consumers.extraction import extract


def _killed(text: str) -> int:
    return extract(text).summary.killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police on 11/04 shot dead two suspects near the border.", 2),
        ("On 12/04/2017 three herders were killed near the well.", 3),
        # near misses: a slash with spaces parts two figures; a share is still no count
        ("Gunmen killed 12 / injured 4 in the market.", 12),
        ("Turnout in the ward was 3/4 of voters, and two guards were killed.", 2),
    ],
)
def test_a_day_written_with_a_slash_is_no_count(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A herder was on Friday killed by raiders.", 1),
        ("Three porters were on 24/02 lynched by a mob.", 3),
        ("A girl was on 02/03 burnt to death in her home.", 1),
        # near misses: the same dates before verbs that kill no one
        ("A herder was on Friday questioned by police.", 0),
        ("Three porters were on 24/02 released by the mob.", 0),
    ],
)
def test_a_date_between_the_verb_and_its_participle(text: str, killed: int) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ('A church pastor is "hacked to death" by an unknown man.', 1),
        ("A trader was \u201cbeaten to death\u201d by a crowd.", 1),
        # near miss: a quoted verb that kills no one
        ('A church pastor is "held hostage" by an unknown man.', 0),
    ],
)
def test_a_quoted_killing_verb(text: str, killed: int) -> None:
    assert _killed(text) == killed
