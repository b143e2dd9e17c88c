"""Captives told killed after their abduction: "Assailants abducted nine civilians. The hostages
were executed on May 22." is nine dead. A sentence whose subject is the captives ("the
hostages", "the victims", "they" right after the abduction, or the abducted named again: "the
boys") and whose verb kills them, with no figure of its own, counts the figure of the last
abduction told before it in the report (or the figure of its own subject, "All 12 hostages
were set on fire and killed"), though what was done to them comes first ("were tied up and
taken to a farm before being shot and killed"); so does a killing joined to the abduction in
its own clause ("17 volunteers were kidnapped and beheaded", "abducted nine people and
executed them"). People named one each before others with a figure ("abducted a police chief
along with eight of his guards", "a nurse, her driver and two guards were kidnapped") add one
each to the figure. "The victims" of an attack that named its people ("attacked a man and his
two sons. The victims were shot and killed") count them, when no death is told between."""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction import people
from consumers.extraction.matching import contains_any
from consumers.extraction.mentions import Mention
from consumers.extraction.numbers import FIGURE, NumberMention, figure_value
from consumers.extraction.ties import counts_animals
from consumers.extraction.triggers import DONE_FIRST

_KILLED: Final = (
    r"(?:(?:shot\s+and\s+)?(?:executed|killed)|beheaded|murdered|shot\s+dead|found\s+dead|"
    r"burn(?:t|ed)\s+(?:alive|to\s+death))"
)
# "The hostages were executed", "the boys were shot and killed", "...; they were found dead",
# "the officers were tied up and taken to a farm before being shot and killed"
_CAPTIVES_KILLED: Final = re.compile(
    r"(?:(?:the|all(?:\s+the)?|these|those)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<who>[a-z][a-z-]*s|[a-z-]*men)\s+"
    r"(?:were|had\s+been|have\s+been)|;\s*they\s+were)\s+"
    rf"(?:{DONE_FIRST})?(?:later\s+|then\s+|all\s+|publicly\s+)?(?P<verb>{_KILLED})\b"
)
# "were kidnapped and beheaded": the killing joined to the abduction's verb
_THEN_KILLED: Final = re.compile(
    rf"\s+and\s+(?:later\s+|then\s+|subsequently\s+)?(?P<verb>{_KILLED})\b"
)
# "abducted nine people (from their homes) and executed them": the captives, the object
_THEN_KILLED_THEM: Final = re.compile(
    r"(?:\s+(?!(?:and|but|while|who|were|was)\b)[\w'-]+){0,6}?"
    rf"\s+and\s+(?:later\s+|then\s+|subsequently\s+)?(?P<verb>{_KILLED})"
    r"\s+(?:them|all\s+of\s+them)\b"
)
# one person then others with a figure: "(a) man and his two sons", "(a) police chief along
# with eight of his guards", "(a) trader and two other men"
_ONE_AND: Final = (
    r"(?:(?!(?:and|or|but|in|on|at|who|were|was|along|with|together)\b)[\w'-]+\s+){1,3}"
    r"(?:and|along\s+with|together\s+with)\s+(?:his\s+|her\s+|their\s+)?"
)
# the people an attack told before "the victims" struck: "attacked a man and his two sons",
# "opened fire on a civilian and a soldier", "shot at three farmers"
_ATTACKED: Final = re.compile(
    r"\b(?:attacked|opened\s+fire\s+on|fired\s+on|shot\s+at|ambushed|assaulted|stabbed)\s+"
    rf"(?:(?P<a>{FIGURE})\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>[a-z][a-z-]*)\b|"
    rf"(?:a|an|one)\s+{_ONE_AND}(?P<c>{FIGURE})\s|"
    r"(?P<pair>(?:a|an)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+and\s+(?:a|an)\s+[a-z][\w'-]*\b))"
)
# the plural nouns of people an attack's figure may count besides ``people.WHO_WORDS``
_PERSONS: Final = frozenset({"people", "persons", "men", "individuals", "brothers", "sons",
                             "relatives", "members", "traders", "herders", "guards",
                             "workers"})  # fmt: skip
# a death told between the attack and "the victims": they are counted already
_DEATH_STEMS: Final = ("kill", "dead", "died", "death", "murder", "execut", "behead", "lynch")
# "The bodies of the victims were discovered", "The officers' bodies were found", "their
# bodies were found"
_BODIES_FOUND: Final = re.compile(
    r"(?:their\s+(?:dead\s+)?bodies|the\s+(?:bodies\s+of\s+(?:the|all(?:\s+the)?|these|those)\s+|"
    r"(?=(?:[\w-]+\s+){0,2}?[a-z][a-z-]*s['\u2019]\s+bodies\s))"
    r"(?:[\w-]+\s+){0,2}?(?P<who>[a-z][a-z-]*s)(?:['\u2019]\s+bodies)?)\s+"
    r"(?:were|had\s+been|have\s+been)\s+(?:later\s+|then\s+)?(?P<verb>found|discovered|recovered)\b"
)
# a time before the captives open their sentence: "Later the ...", "Two weeks later their ..."
_LEAD: Final = re.compile(r"(?:later|subsequently|eventually|then|(?:[\w-]+\s+){1,2}later),?\s+")
# the captives named so whatever the abduction called them: "the captured policemen"
_TAKEN_WORDS: Final = ("captured", "abducted", "kidnapped", "seized")
# the subjects that are captives whatever the abduction called them
_CAPTIVES: Final = frozenset({"hostages", "captives", "abductees", "kidnapped", "victims"})
# "kidnapped 20 officers", "abducted nine civilians", "20 soldiers were kidnapped", "abducted
# a police chief along with eight of his guards" (one more than the figure)
_TAKEN: Final = re.compile(
    rf"\b(?:kidnapped|abducted|abducting|kidnapping|took\s+hostage)\s+"
    rf"(?:(?:at\s+least\s+)?(?P<a>{FIGURE})\s"
    r"(?:(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][a-z-]*s|[a-z-]*men)\b)?|"
    rf"(?:a|an|one)\s+{_ONE_AND}(?P<c>{FIGURE})\s)|"
    rf"\b(?P<b>{FIGURE})\s+(?:[\w-]+\s+){{0,4}}?(?:were|had\s+been)\s+(?:kidnapped|abducted|"
    r"taken\s+hostage)\b"
)
# the captives named, or an abduction told in the text just before the sentence
GATE: Final = ("hostages", "captives", "abductees", "kidnapped", "victims", "; they")
# ``GATE`` as a set: ``words.isdisjoint`` then reads the sentence's few gate words, not each gate
_GATE_SET: Final = frozenset(GATE)
_ABDUCTION: Final = ("abduct", "kidnap")
# how far back the abduction may be told
_REACH: Final = 400


def may_tell(low: str, lo: int, words: Set[str]) -> bool:
    """Whether a sentence at ``lo`` whose gate words are ``words`` may tell captives killed:
    it names them, or an abduction is told just before it (then its subject may repeat the
    abducted, "abducted four boys ... The boys were killed")."""
    if not words.isdisjoint(_GATE_SET):
        return True
    return lo > 0 and any(low.find(stem, max(0, lo - _REACH), lo) != -1 for stem in _ABDUCTION)


def killed_captives(low: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the captives the sentence ``low[lo:hi]`` tells killed, counted by the
    abduction told before it, when the sentence states no death figure of its own; a time may
    open the sentence ("Two weeks later their bodies were found")."""
    if any(m.kind == "killed" for m in found):
        return found
    lead = _LEAD.match(low, lo, hi)
    start = lo if lead is None else lead.end()  # "Later the captured policemen were ..."
    told = _CAPTIVES_KILLED.search(low, lo, hi) or _BODIES_FOUND.match(low, start, hi)
    if told is None:
        return found
    if told.group("who") and told.start() not in (lo, start) and low[told.start() - 2] != ";":
        return found  # the captives open the sentence or a clause after a semicolon
    who = told.group("who")
    own = [m for m in found if m.kind == "hostage" and who and m.trigger == told.span("who")]
    if own:  # "All 12 hostages were set on fire and killed": the figure of the subject
        return [*found, own[0]._replace(kind="killed", trigger=told.span("verb"))]
    taken = list(_TAKEN.finditer(low, max(0, lo - _REACH), told.start()))
    if not taken:
        return _attack_victims(low, lo, told, found) if who == "victims" else found
    last = taken[-1]
    if (
        who is not None
        and who not in _CAPTIVES
        and who != last.group("noun")
        and not contains_any(low, _TAKEN_WORDS, told.start(), told.start("who"))
    ):
        return found  # "the police were killed": not the abducted ("the captured police" are)
    count = figure_value(last.group("a") or last.group("b") or "")
    if last.group("c"):  # "a police chief along with eight of his guards": one more
        if counts_animals(low, last.end("c"), lo):
            return found  # "abducted a herder and 300 cows"
        count = figure_value(last.group("c")) + 1
    if last.group("b") and low.endswith(" and ", 0, last.start("b")):
        count += _singles_before(low, last.start("b"))  # "a driver, his aide and two guards"
    if count == 0:
        return found
    start, end = told.span("who") if told.group("who") else told.span("verb")
    number = NumberMention(count, count, count, False, start, end, start)
    killed = Mention("killed", number, "incident", told.span("verb"), None, False)
    return [*found, killed]


def _attack_victims(low: str, lo: int, told: re.Match[str], found: list[Mention]) -> list[Mention]:
    """``found`` with "the victims" of an attack told just before the sentence at ``lo``
    ("attacked a man and his two sons. The victims were shot and killed") counted dead, when
    the attack names its people and no death is told between."""
    start = max(0, lo - _REACH)
    if not contains_any(low, _ATTACK_STEMS, start, lo):
        return found
    attacks = list(_ATTACKED.finditer(low, start, lo))
    if not attacks or contains_any(low, _DEATH_STEMS, attacks[-1].start(), lo):
        return found
    last = attacks[-1]
    if last.group("pair"):  # "a civilian and a soldier"
        count = 2
    elif last.group("c"):  # "a man and his two sons", not "a herder and his 30 goats"
        if counts_animals(low, last.end("c"), lo):
            return found
        count = figure_value(last.group("c")) + 1
    elif last.group("noun") in _PERSONS or people.who_in(low, last.end("a"), last.end()):
        count = figure_value(last.group("a"))  # "three farmers"
    else:
        return found  # "attacked two villages"
    start, end = told.span("who")
    number = NumberMention(count, count, count, False, start, end, start)
    return [*found, Mention("killed", number, "incident", told.span("verb"), None, False)]


# one person each, listed before "and" and a figure: "a polio worker, his driver and "
_SINGLES: Final = re.compile(
    r"(?:(?:a|an|his|her|their)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+(?:,\s+|\s+and\s+))+$"
)
_SINGLE: Final = re.compile(r"(?:^|(?<=,\s)|(?<=\sand\s))(?:a|an|his|her|their)\s")


def _singles_before(low: str, pos: int) -> int:
    """How many people are listed one each before "and" and the figure at ``pos``, the
    subject of a sentence ("A polio worker, his driver and two guards were kidnapped": two;
    not "Gunmen stormed a farm and two guards were kidnapped")."""
    listed = _SINGLES.search(low, max(0, pos - 100), pos)
    if listed is None or listed.start() > 0 and not low.endswith(_OPENS, 0, listed.start()):
        return 0
    return len(_SINGLE.findall(low[listed.start() : pos]))


_OPENS: Final = (". ", ": ", "; ")  # what may end the text before a sentence's subject


# a stem of every verb of ``_ATTACKED``, looked for first
_ATTACK_STEMS: Final = ("attacked", "fire on", "shot at", "ambushed", "assaulted", "stabbed")


def killed_when_taken(low: str, hi: int, found: list[Mention]) -> list[Mention]:
    """``found`` with the captives of each abduction figure killed in the same clause ("were
    kidnapped and beheaded", "abducted nine people and executed them") counted dead too."""
    killed = []
    for m in found:
        if m.kind != "hostage" or m.subset:
            continue
        if m.trigger[0] > m.number.end:  # "17 volunteers were kidnapped and beheaded"
            told = _THEN_KILLED.match(low, m.trigger[1], hi)
        else:  # "abducted nine people and executed them"
            told = _THEN_KILLED_THEM.match(low, m.number.end, hi)
        if told is not None:
            tie = told.span("verb")
            killed.append(m._replace(kind="killed", trigger=tie, added=False, definite=False))
    return [*found, *killed] if killed else found
