"""Notes beside a casualty figure on how it is counted: another source's estimate ("other
reports say 15"), an unconfirmed figure, or a coder's note that counts it in another record
("coded separately") or splits it over several events (:mod:`shares`)."""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction import shares
from consumers.extraction.matching import contains_any
from consumers.extraction.mentions import Mention

# another source's estimate ("other reports", "sources said", "others claim"), an
# unconfirmed figure or a first estimate ("initially believed") holds one of these
ALTERNATIVE_GATE: Final = (
    "report",
    "source",
    "others ",
    "confirmed",
    "claim",
    "initial",
    "originally",
)
# a word of every branch of ``_ALTERNATIVE``, looked for before it
_ALTERNATIVE_STEMS: Final = ("report", "source", "account", "estimate", "others ", "claim")


# "other sources claim 15 deaths", "(some reports 59 deaths)", "a conflicting report by a
# daily holds three deaths", "others claim 200", "dismissed reports that 14 ...", "the
# militants claim 15 fatalities": another estimate of a figure told before
_ALTERNATIVE: Final = re.compile(
    r"(?:\b(?:some|other|conflicting|unconfirmed|another|one|different|alternative|dismissed|"
    r"denied|rejected)\s+(?:[\w-]+\s+)?(?:reports?|sources?|accounts?|estimates?)|"
    r"\bothers\s+(?:claim|say|said|put|report|hold)\w*|"
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:responsibility|the\s+lives|lives|\w+\s+lives?)\b))"
    r"\b[^;()]{0,40}$"
)
# "The Daily Trust reports 15 dead", "Some reports hold seven deaths": a source's count right
# before a figure, another estimate when the report states one of the same people
_REPORTS: Final = re.compile(
    r"\b(?:reports?|reported|holds?)\s+(?:(?:at\s+least|about|some|only|up\s+to|as\s+many\s+as)"
    r"\s+)?$"
)
# "7 other deaths are feared but unconfirmed", "5 others may have been killed (unconfirmed)":
# a figure its own clause calls unconfirmed
_UNCONFIRMED: Final = re.compile(
    r"(?:[^.;()]{0,60}?\b|\s*\()(?:unconfirmed|not\s+(?:been\s+|yet\s+)?confirmed)\b"
)


# "Initial reports of 2 killed", "originally believed to have ..., causing ten deaths", "At
# the initial time 9 were believed dead": a first estimate, which a figure told besides it
# replaces; not a first killing ("a youth was initially killed")
_FIRST_ESTIMATE: Final = re.compile(r"\b(?:initial(?:ly)?|originally)\b")
# "Initial reports of 2 killed, later reports of one": the later figure is no first estimate
_LATER: Final = ("later", "updated", "revised", "now ")
_ESTIMATE_WORDS: Final = re.compile(r"\b(?:reports?|reported|believed|thought|estimated|said)\b")
_BELIEFS: Final = ("believed", "thought", "estimated")


def _first_estimate(low: str, start: int, pos: int, end: int, hi: int) -> bool:
    """True when a first estimate opens the figure told at ``low[pos:end]``: "initially" or
    "originally" in ``low[start:pos]``, and a belief around the figure ("were believed
    dead") or a report that a later one in the sentence replaces ("Initial reports of 2
    killed, later reports of one"); not "Initial reports indicate that two were killed"."""
    first = _FIRST_ESTIMATE.search(low, start, pos)
    if first is None or contains_any(low, _LATER, first.end(), pos):
        return False
    told = _ESTIMATE_WORDS.search(low, first.end(), min(hi, end + 30))
    return told is not None and (told.group() in _BELIEFS or contains_any(low, _LATER, end, hi))


# "Additionally, the military reports two soldier deaths": more people, not another count
_MORE: Final = ("addition", " also ")


def _source_reports(low: str, lo: int, m: Mention) -> bool:
    """True when a source's count opens the figure of ``m`` ("The Daily Trust reports 15
    dead"), unless the report tells it as more people."""
    at = m.number.start
    return (
        not m.added
        and _REPORTS.search(low, max(lo, at - 36), at) is not None
        and not contains_any(low, _MORE, lo, at)
    )


def with_alternatives(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found``, each marked when another source's estimate opens it ("other reports say
    ...", "The Daily Trust reports 15 dead") or its clause calls it unconfirmed."""
    out = []
    for m in found:
        pos = min(m.number.start, m.trigger[0])
        end = max(m.number.end, m.trigger[1])
        start = max(lo, pos - 70)
        if (
            contains_any(low, _ALTERNATIVE_STEMS, start, pos)
            and (_ALTERNATIVE.search(low, start, pos) is not None or _source_reports(low, lo, m))
            or low.find("confirmed", end, hi) != -1
            and _UNCONFIRMED.match(low, end, hi) is not None
            or contains_any(low, ("initial", "originally"), start, pos)
            and _first_estimate(low, start, pos, end, hi)
        ):
            m = m._replace(alternative=True)
        out.append(m)
    return out


def coding_notes(
    low: str, lo: int, hi: int, found: list[Mention], words: Set[str]
) -> list[Mention]:
    """``found`` as a coder's notes in the sentence count it (see :mod:`shares`)."""
    if not words.isdisjoint(_ELSEWHERE_GATE):
        found = [_elsewhere(low, hi, m) for m in found]
    if (
        not words.isdisjoint(shares.GATES)
        or not words.isdisjoint(shares.THIS_AND)
        or shares.one_of_several(low, lo, hi, words)
    ):
        return _with_share(low, lo, hi, found)
    return found


# "killing 4 (coded separately)", "the killing of two (coded as a separate event)"; a note
# that closes the clause covers its deaths ("which resulted in the death of two and injured
# several (coded separately).", "Five are killed in several towns (coded in other events),"),
# unless the clause goes on to a later event ("and the strike continued the following day")
_ELSEWHERE: Final = re.compile(
    r"(?:\s+(?!and\b)[^\s.;(]+){0,6}?\s*\((?:[^()\d]{0,60}?\s)?(?:coded|recorded)\s+"
    r"(?:as\s+(?:a\s+)?)?sep[ae]rate"
)
_ELSEWHERE_CLAUSE: Final = re.compile(
    r"(?:\s+(?!(?:following|next|continued|resumed|later)\b)[^\s.;(]+){0,14}?\s*"
    r"\((?:coded|recorded)\s+(?:sep[ae]rately|elsewhere|in\s+(?:an?\s+|the\s+)?"
    r"(?:other|another|separate|sep[ae]rate|different)\s+events?)\)\s*(?:[.;,-]|$)"
)
# how such a note that closes a clause opens, looked for before ``_ELSEWHERE_CLAUSE``
_CLAUSE_NOTES: Final = ("(coded sep", "(coded else", "(coded in ", "(recorded sep",
                        "(recorded else", "(recorded in ")  # fmt: skip
_ELSEWHERE_GATE: Final = ("separate", "seperate", "other event", "elsewhere")
# a coder's note on how a figure is counted holds one of these
CODING_GATES: Final = (*shares.GATES, *shares.THIS_AND, *_ELSEWHERE_GATE)


def _elsewhere(low: str, hi: int, m: Mention) -> Mention:
    """``m``, marked when the words after it say it is counted in another record."""
    end = max(m.number.end, m.trigger[1])
    if _ELSEWHERE.match(low, end, hi) is None and not (
        contains_any(low, _CLAUSE_NOTES, end, hi) and _ELSEWHERE_CLAUSE.match(low, end, hi)
    ):
        return m
    return m._replace(elsewhere=True)


def divided(m: Mention) -> bool:
    """True for new deaths that a report's share replaces."""
    return m.kind == "killed" and m.scope == "incident" and m.modality is None and not m.subset


def _deaths_told(low: str, deaths: list[Mention]) -> int:
    """The people of ``deaths``, a last "N fatalities" that sums the figures before it
    counted once ("A commander and 11 fighters were killed (12 fatalities coded across 3
    events)" is 12)."""
    values = [m.number.value for m in deaths]
    if (
        len(values) > 1
        and values[-1] == sum(values[:-1])
        and low.startswith(" fatalit", deaths[-1].number.end)
    ):
        return values[-1]
    return sum(values)


def _with_share(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the report's share of a split figure ("12 fatalities split across 3
    events and coded as 4 for this event"), placed after the figure it is part of."""
    deaths = [i for i, m in enumerate(found) if divided(m)]
    share = shares.share_of(low, lo, hi, _deaths_told(low, [found[i] for i in deaths]))
    if share is None and not deaths and low.find("half", lo, hi) != -1:
        share = shares.half_of_told(low, lo, hi)
    if share is None and not deaths and (parts := shares.parts_of(low, lo, hi)) is not None:
        return [*found, Mention("killed", parts.number, "incident", parts.span, None, False,
                                divides=True)]  # fmt: skip
    if share is None:
        return found
    number, trigger, total = share
    at = deaths[-1] + 1 if deaths else len(found)
    part = total and bool(deaths)
    mention = Mention("killed", number, "incident", trigger, None, part, added=not total,
                      share=total, unnumbered=not total)  # fmt: skip
    return [*found[:at], mention, *found[at:]]
