"""A casualty figure found in a sentence (:class:`Mention`) and the tie of a figure to its trigger
(:data:`Tie`)."""

from __future__ import annotations

from typing import Final, NamedTuple

from consumers.extraction.numbers import NumberMention

MAX_PEOPLE: Final = 10**8  # no casualty figure counts more people than this


class Mention(NamedTuple):
    """One casualty figure found in a sentence; ``subset`` marks "including five children",
    ``modality`` a historical or hypothetical figure, ``update`` a revised one ("later
    rose to seven"), ``share`` the part of a figure split over several events that the
    report counts ("coded as 4 for this event"), ``alternative`` another source's estimate
    of a figure told before ("other sources claim 15 deaths"), ``elsewhere`` a figure that
    the report says is counted in another record ("killing 4 (coded separately)"),
    ``revised`` the report's raised count of its dead ("the toll was raised to six"),
    ``total`` a cumulative figure whose only cue is a sum ("a total of 14 soldiers"),
    ``divides`` a note that splits the deaths told before over ``number`` events
    ("Fatalities are split across five events"; no figure of people), ``of_report`` a period
    total that is the report's own account, no roll-up of a country's dead ("over the past 24
    hours, 12 militants were killed in airstrikes in X district"): a short report that
    states no other figure of its kind counts it as its new casualties; ``definite`` a figure
    of people told before, after its verb ("killing the three assailants") or of "these" or
    "them" before it ("Eight of these were killed"): new casualties only when no figure of its
    kind comes before it; ``unnumbered`` a coder's count of deaths the report could not number
    ("Unknown fatalities coded as 10."), which replaces the vague plurals told before it;
    ``attackers`` the attackers' own dead ("the fourth detonated"), whose figure no later
    figure of their victims repeats."""

    kind: str
    number: NumberMention
    scope: str
    trigger: tuple[int, int]
    who: str | None
    subset: bool
    modality: str | None = None
    update: bool = False
    added: bool = False
    share: bool = False
    alternative: bool = False
    elsewhere: bool = False
    revised: bool = False
    total: bool = False
    divides: bool = False
    of_report: bool = False
    definite: bool = False
    unnumbered: bool = False
    attackers: bool = False


def new_mention(
    kind: str, number: NumberMention, scope: str, trigger: tuple[int, int], who: str | None,
    subset: bool, modality: str | None, update: bool, added: bool, total: bool, of_report: bool,
    definite: bool,
) -> Mention:  # fmt: skip
    """``Mention(...)`` of these fields, the others false, built as its tuple: a named
    tuple's own constructor runs as Python code, a frame for every figure."""
    fields = (kind, number, scope, trigger, who, subset, modality, update, added, False, False,
              False, False, total, False, of_report, definite, False, False)  # fmt: skip
    return tuple.__new__(Mention, fields)


# a figure's tie: (kind, trigger span, toll?, subset?)
Tie = tuple[str, tuple[int, int], bool, bool]
