"""Attackers told dead beside their victims: "In addition to the bomber, four people were
killed" is five dead. The clause names the attackers and the figure after it their victims;
the attackers count once each, as the report states them: one for "the assailant", the
figure for "the two bombers", and for a bare plural ("the bombers") the figure the text
gave them before ("Two suicide bombers detonated ..."), else none. Attackers of a suicide
attack told as its only casualties are its dead too: "The assailant was the only reported
casualty" is one, "the bombers detonated their vests, killing only themselves" the figure
given them before. Attackers killed at the wheel count one to a vehicle ("killed assailants
driving seven explosives-laden vehicles" is seven). A bomber told before who sets off his
charge dies ("the fourth detonated, killing two" is three) unless the report counts its
attackers another way."""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.mentions import Mention
from consumers.extraction.numbers import FIGURE, NumberMention, figure_value

_NOUN: Final = r"(?:suicide\s+)?(?:assailant|bomber|attacker|perpetrator|shooter|gunm[ae]n)"
# "In addition to the assailant,", "in addition to the two bombers,", "in addition to one
# assailant," (one attacker: "one" and "an" are no figure of ``FIGURE``)
_BESIDE: Final = re.compile(
    rf"\bin\s+addition\s+to\s+(?:the\s+|one\s+|an?\s+)?(?:(?P<n>{FIGURE})\s+)?"
    rf"(?P<who>{_NOUN})(?P<plural>s)?"
    r"(?:\s+and\s+(?:the\s+)?(?:an?\s+)?[\w-]+)?\s*,"
)
# how far back the report may have counted its attackers
_REACH: Final = 1500
# "Two suicide bombers detonated ...": the attackers' figure before a bare plural
# (up to three words between: "Three female rebel suicide bombers")
_COUNTED: Final = re.compile(
    rf"\b(?P<n>{FIGURE})\s+(?:(?!(?:the|of|and|after|before|by|in|on|at|to|as)\b)[\w-]+\s+)"
    rf"{{0,3}}?{_NOUN}s\b"
)


# "A second bomber was shot and killed", "the other two were killed by troops": attackers the
# text already counted, whom the clause only recalls
_DEAD_BEFORE: Final = re.compile(
    rf"\b(?:{_NOUN}s?|the\s+other\s+(?:{FIGURE}))\s+(?:[\w-]+\s+)?(?:was|were)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:killed|shot\s+dead)\b"
)


def _count(low: str, beside: re.Match[str]) -> int:
    """How many attackers the clause names (0 when the text does not say, or counted them
    already)."""
    back = max(0, beside.start() - _REACH)
    if _DEAD_BEFORE.search(low, back, beside.start()):
        return 0
    if beside.group("n"):
        return figure_value(beside.group("n"))
    if not beside.group("plural") and not beside.group("who").endswith("men"):
        return 1
    before = list(_COUNTED.finditer(low, back, beside.start()))
    if before:
        return figure_value(before[-1].group("n"))
    vehicles = list(_BY_VEHICLES.finditer(low, back, beside.start()))
    return figure_value(vehicles[-1].group("n")) if vehicles else 0


# "Suicide bombers detonated three explosives-laden vehicles": bombers counted by their
# vehicles, one to a vehicle, for a bare plural after them ("In addition to the bombers, ...")
_BY_VEHICLES: Final = re.compile(
    rf"\b{_NOUN}s\s+(?:[\w-]+\s+){{0,2}}?(?:detonated|driving|drove|in|with)\s+"
    rf"(?P<n>{FIGURE})\s+(?:[\w-]+\s+)?(?:vehicles|cars|trucks|car\s+bombs)\b"
)


def with_attackers(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the attackers a clause before its first new killed figure names
    ("In addition to the assailant, ..."), as a figure of their own tied to its trigger and
    placed after it."""
    beside = _BESIDE.search(low, lo, hi)
    if beside is None:
        return found
    victims = next(
        (
            m
            for m in found
            if m.kind == "killed"
            and m.number.start > beside.end()
            and m.scope == "incident"
            and m.modality is None
            and not m.subset
        ),
        None,
    )
    count = _count(low, beside)
    if victims is None or count == 0:
        return found
    start, end = beside.span("who")
    number = NumberMention(count, count, count, False, start, end, start)
    attackers = Mention("killed", number, "incident", victims.trigger, None, False, added=True)
    at = found.index(victims) + 1  # after the victims: counted beside them, never for them
    return [*found[:at], attackers, *found[at:]]


# "The assailant was the only reported casualty", "There were no reported casualties other
# than the assailants", "the bombers detonated their explosives, killing only themselves",
# "Aside from the death of the assailant, three were hurt": the attackers alone died, told
# without a figure of their own
_ONLY: Final = re.compile(
    rf"\b(?:the\s+)?(?P<who>{_NOUN})(?P<plural>s)?\s+(?:was|were)\s+the\s+only\s+"
    r"(?:reported\s+|known\s+|confirmed\s+)?(?:casualt(?:y|ies)|fatalit(?:y|ies)|deaths?)\b"
    r"|\bno\s+(?:reported\s+|other\s+)?(?:casualties|fatalities|deaths)\s+(?:other\s+than|"
    rf"besides|aside\s+from|except(?:\s+for)?)\s+(?:the\s+)?(?P<who2>{_NOUN})(?P<plural2>s)?\b"
    rf"|\bthe\s+(?P<who3>{_NOUN})(?P<plural3>s)?\b[^.;]{{0,80}}?\bkill(?:ed|ing|s)?\s+only\s+"
    r"themselves\b|\b(?:aside|apart)\s+from\s+the\s+deaths?\s+of\s+the\s+"
    rf"(?P<who4>{_NOUN})(?P<plural4>s)?\b|\bonly\s+the\s+(?P<who5>{_NOUN})(?P<plural5>s)?\s+"
    r"(?:(?:was|were)\s+)?(?:(?:reported|confirmed|reportedly)\s+)?(?:killed|died|dead)\b"
)
# words of the branches of ``_ONLY``, one of which its sentence must hold
ONLY_GATES: Final = ("the only ", "other than the ", "besides the ", "aside from the ", "except ",
                     "only themselves", "apart from the ", "only the ")  # fmt: skip
# a suicide attack, told before: an attacker counted as a casualty of it died
_SUICIDE: Final = ("suicide", "detonat", "blew himself", "blew herself", "blew themselves")


def only_attackers(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the attackers of a suicide attack a sentence with no other deaths tells
    as its only casualties ("The bomber was the only reported casualty": one; "the bombers
    ..., killing only themselves": the figure the text gave them before)."""
    if any(m.kind == "killed" for m in found):
        return found
    only = _ONLY.search(low, lo, hi)
    if only is None or not any(low.find(w, max(0, lo - _REACH), hi) != -1 for w in _SUICIDE):
        return found
    branch = next(b for b in ("", "2", "3", "4", "5") if only.group("who" + b) is not None)
    who, plural = only.group("who" + branch), only.group("plural" + branch)
    if not plural and not who.endswith("men"):
        count = 1
    else:
        before = list(_COUNTED.finditer(low, max(0, lo - _REACH), only.start()))
        count = figure_value(before[-1].group("n")) if before else 0
    if count == 0:
        return found
    start, end = only.span("who" + branch)
    number = NumberMention(count, count, count, False, start, end, start)
    return [*found, Mention("killed", number, "incident", only.span(), None, False, added=True)]


# the gate word of ``_DRIVERS``
DRIVING: Final = " driving "
# "killed assailants driving seven explosives-laden vehicles", "killed the bombers driving two
# car bombs": attackers killed at the wheel, one to a vehicle
_DRIVERS: Final = re.compile(
    rf"\bkill(?:ed|ing)\s+(?:the\s+)?(?P<who>{_NOUN})s\s+(?:driving|in|aboard)\s+"
    rf"(?P<n>{FIGURE})\s+(?:[\w-]+\s+)?(?:vehicles|cars|trucks|car\s+bombs)\b"
)


def drivers(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the attackers a sentence with no killed figure tells killed at the wheel
    of a number of vehicles, one to a vehicle."""
    if any(m.kind == "killed" for m in found):
        return found
    driving = _DRIVERS.search(low, lo, hi)
    if driving is None:
        return found
    count = figure_value(driving.group("n"))
    start, end = driving.span("n")
    number = NumberMention(count, count, count, False, start, end, start)
    trigger = (driving.start(), low.find(" ", driving.start()))
    return [*found, Mention("killed", number, "incident", trigger, None, False)]


# the gate word of ``_DETONATED``
DETONATED: Final = " detonated"
_ORDINAL: Final = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|last|final)"
# "the fourth detonated", "a second bomber detonated, killing two", "the remaining three
# assailants detonated", "the other two detonated", "the assailant detonated prematurely":
# attackers told before who set off their charges, and died (not "detonated a device")
_DETONATED: Final = re.compile(
    rf"\b(?:(?:the|a)\s+{_ORDINAL}(?:\s+{_NOUN})?|one\s+(?:of\s+the\s+{_NOUN}s|{_NOUN})|the\s+{_NOUN}"
    rf"|the\s+(?P<rest>other|remaining)(?:\s+(?P<n>{FIGURE}))?(?:\s+{_NOUN}(?P<plural>s)?)?"
    rf"|the\s+(?P<m>{FIGURE})\s+(?:other|remaining)\s+{_NOUN}s)\s+"
    r"(?:(?:successfully|then|also|later|eventually)\s+)?(?P<verb>detonated)\b"
    r"(?!\s+(?:an?|the|his|her|their|its|one|two|three|several|explosives?|bombs?|devices?|"
    r"ieds?|mines?|grenades?|charges?)\b)"
)
# wordings by which a report counts its attackers otherwise (``with_attackers``,
# ``only_attackers``, "killing himself"): the detonation then tells no more deaths
_COUNTED_OTHERWISE: Final = (
    "other than the", "aside from the", "besides the", "apart from the",
    "themselves", "himself", "herself", "the only casualt", "the only one killed",
    "the only death", "the only fatalit",
)  # fmt: skip


# "One assailant was killed in the blast": the death of the attacker who set it off, told again
_IN_THE_BLAST: Final = re.compile(
    rf"\b{_NOUN}s?\s+(?:was|were)\s+(?:also\s+)?killed\s+in\s+the\s+(?:blast|explosion|detonation)"
)


def _counted_beside(low: str) -> bool:
    """True when an "In addition to the bombers," clause of ``low`` counts the attackers (no
    attacker was told dead before it, as ``with_attackers`` reads it)."""
    beside = _BESIDE.search(low)
    return beside is not None and not _DEAD_BEFORE.search(
        low, max(0, beside.start() - _REACH), beside.start()
    )


def detonated(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the attackers of a suicide attack told before whom the sentence tells
    setting off their charges ("the fourth detonated": one; "the other two assailants
    detonated": two), when the report counts its attackers no other way."""
    blast = _DETONATED.search(low, lo, hi)
    if blast is None or not any(w in low for w in ("suicide", "bomber")):
        return found
    if any(w in low for w in _COUNTED_OTHERWISE) or _counted_beside(low):
        return found
    if any(m.number.start < blast.end() and blast.start() < m.number.end for m in found):
        return found  # "the remaining two assailants detonated and were killed": told
    if _IN_THE_BLAST.search(low, blast.end()):
        return found  # "... The assailant was killed in the blast": told after
    n = blast.group("n") or blast.group("m")
    if n:
        count = figure_value(n)
    elif blast.group("rest") and blast.group("plural"):
        return found  # "the remaining assailants": how many the sentence does not say
    else:
        count = 1
    start, end = blast.span()
    number = NumberMention(count, count, count, False, start, end, start)
    return [*found, Mention("killed", number, "incident", blast.span("verb"), None, False,
                            added=True, attackers=True)]  # fmt: skip
