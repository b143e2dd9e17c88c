"""Revised death figures: a report's count raised after the fact.

"killing 25 (later raised to 37)", "In the following days the death toll was raised to
six", "The figure was raised to 58", "the count was revised up to 114", "(a number later
heightened to 15)": the figure after the verb is the report's new count of the dead, not a
toll of a war. "rose", "risen", "climbed" and "increased" say so too, but they also tell a
war's toll ("the death toll in the region rose to 900"), so they are read as a revision only
when the phrase names the incident ("the toll from the blast rose to six") or the sentence
says it came later ("in the following days"); so do a headline's present ("Death toll in
bus bombing rises to 7"), "reached" and "stands at". Told actively, "officials later raised the
toll to seven" is a revision, and "later put the number at seven" too (a figure "put at" is
one only when later or of the incident). A change told "from 1 to 4" is the range the figure
reader sees: its high end is the new count. :func:`revision` finds the phrase before a figure;
the caller counts the figure as the report's deaths when it is more than those told.
"""

from __future__ import annotations

import re
from typing import Final

# a word of every branch below, looked for before the regex
GATE: Final = ("raised", "revised", "heightened", "rose", "risen", "rises", "climbed", "climbs",
               "increased", "increases", "jumped", "jumps", "reached", "reaches", "stands", "stood",
               "updated", "put", "(later,")  # fmt: skip
# "revised up to 11": the figure may open with "up to"
_STRONG: Final = r"raised|revised(?:\s+upwards?)?|heightened"
_WEAK: Final = (
    r"rose|risen|rises|climbed|climbs|increased|increases|jumped|jumps|reached|reaches|"
    r"(?:stands|stood)\s+at"
)
_SUBJECT: Final = r"(?:death\s+)?(?:toll|count|total|figure|numbers?|tally)"
_REVISED: Final = re.compile(
    rf"(?:\b(?P<subject>{_SUBJECT})\b(?P<gap>[^.;()]{{0,150}}?)\s+"
    r"(?:(?:was|were|is|has|have|had)\s+)?"
    rf"(?:been\s+)?(?:later\s+)?|\(\s*(?:a\s+number\s+)?(?:later\s+)?)"
    rf"(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))(?:\s+from\s+\S+)?(?:\s+(?:to|from))?\s+$"
    r"|\(\s*later,\s*$"
)
# told actively: "officials later raised the toll to seven", "put the number of dead at 7"
_ACTIVE: Final = re.compile(
    rf"\b(?:(?P<strong>raised|revised|updated)|(?P<weak>put))\s+(?:the|its|their)\s+"
    rf"(?P<subject>{_SUBJECT})\b(?P<gap>[^.;()]{{0,50}}?)\s+(?:up\s+)?(?:to|at|from)\s+$"
)
# a weak verb is a revision when the phrase names the incident or the sentence a later time
_INCIDENT: Final = re.compile(
    r"\b(?:attack|blast|explosion|bombing|raid|ambush|shooting|clash|incident|strike|fire)"
)
_LATER: Final = re.compile(
    r"\b(?:later|following\s+days?|next\s+(?:day|week)|passing\s+days|days\s+after|"
    r"subsequently)\b"
)
# "the number of troops": a count of other people than the dead
_OF_OTHERS: Final = re.compile(
    r"\bof\s+(?!(?:the\s+|those\s+)?(?:dead|deaths|killed|fatalities|victims)\b)"
)
# a war's or a region's toll, never one report's revision
_WIDE: Final = re.compile(r"\b(?:ongoing|war|conflict|since|so\s+far|nationwide|country)\b")
# how far before a figure its revision phrase may start ("the death toll in an attack on
# Sunday by raiders at a village in the north of the district has risen to 11")
_REACH: Final = 190
MAX_REVISED: Final = 1000  # a revised count of one report stays below this
# what the text right before a revised figure ends with, tried before the regex
_ENDS: Final = (" to ", " at ", " from ", "later, ", "raised ", "revised ", "heightened ",
                "upward ", "upwards ", "reached ", "reaches ")  # fmt: skip


def revision(low: str, lo: int, hi: int, start: int, value: int) -> tuple[int, int] | None:
    """The span of the revision phrase ("the toll was raised to") ending right before the
    figure at ``start`` of the sentence ``low[lo:hi]``, or None."""
    if value >= MAX_REVISED or not low.endswith(_ENDS, max(lo, start - 12), start):
        return None
    found = _REVISED.search(low, max(lo, start - _REACH), start) or _ACTIVE.search(
        low, max(lo, start - 90), start
    )
    if found is None:
        return None
    gap = found.group("gap") or ""
    if "injur" in gap or "wound" in gap or _WIDE.search(gap):
        return None
    subject = found.group("subject") or ""
    if not subject.startswith(("death", "toll")) and _OF_OTHERS.search(gap):
        return None  # "the number of troops was raised to 500"; not "the toll of the raid"
    if found.group("weak") and not (_INCIDENT.search(gap) or _LATER.search(low, lo, hi)):
        return None
    return found.span()
