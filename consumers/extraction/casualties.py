"""Casualty mentions: a count tied to a killing, wounding, disappearance, abduction or arrest.

:func:`find_mentions` reads one sentence: it ties each figure to a trigger (:mod:`ties`, the
verb past a long phrase in :mod:`far_verbs`), shares a trigger among the figures joined to one
another (:mod:`joins`), adds a person named alone ("a soldier was killed", :mod:`victims`),
and marks each :class:`~consumers.extraction.mentions.Mention` with its scope (:mod:`scopes`),
its modality (:mod:`casualty_modality`) and the notes beside it (:mod:`notes`). Which mentions
of an article count as its new casualties is :mod:`tally`'s decision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Set
from typing import Final

from consumers.extraction import burnings, captives, people, revisions, shares, victims
from consumers.extraction.attackers import (
    DETONATED,
    DRIVING,
    ONLY_GATES,
    detonated,
    drivers,
    only_attackers,
    with_attackers,
)
from consumers.extraction.casualty_modality import GATE as MODALITY_GATE
from consumers.extraction.casualty_modality import (
    HISTORICAL_GATE,
    aside,
    figure_modality,
    negated,
)
from consumers.extraction.far_verbs import far_verb
from consumers.extraction.joins import (
    INCLUDING,
    OF_THE_DEAD,
    joined_after,
    joined_and,
    joined_before,
    joined_one,
    listed_with,
    part_of_group,
)
from consumers.extraction.lexicon import CUES
from consumers.extraction.matching import (
    KeySearch,
    contains_any,
    ends_with_any,
    starts_with,
    starts_with_any,
    word_search,
)
from consumers.extraction.mentions import MAX_PEOPLE, Mention, Tie, new_mention
from consumers.extraction.notes import (
    ALTERNATIVE_GATE,
    CODING_GATES,
    coding_notes,
    with_alternatives,
)
from consumers.extraction.numbers import (
    START_KEYS,
    NumberMention,
    figure_starts_of,
    find_numbers,
    not_a_count,
)
from consumers.extraction.scopes import (
    CUMULATIVE_GATE,
    PERIOD_WORDS,
    SPAN_WORD,
    Clauses,
    of_report,
)
from consumers.extraction.ties import ANIMAL_WORDS, counts_animals, killing_them, one_animal, tie_of
from consumers.extraction.triggers import TRIGGER_STEMS

_UPDATE_WORDS: Final = ("later", "rose", "risen", "climbed", "increased", "jumped", "updated",
                        "revised", "now", "latest", "final", "subsequently")  # fmt: skip
_UPDATE: Final = re.compile(rf"(?:{'|'.join(_UPDATE_WORDS)})\b")
# the same words in one automaton: most windows hold none, and are then not searched
_UPDATE_KEYS: Final = KeySearch(list(_UPDATE_WORDS), longest=True)


# the gates of the rules of other modules as sets: ``words.isdisjoint`` then reads the
# sentence's few gate words, not each gate
_REVISION_GATE: Final = frozenset(revisions.GATE)
_ONLY_GATE: Final = frozenset(ONLY_GATES)
_ALTERNATIVE_GATE: Final = frozenset(ALTERNATIVE_GATE)
_CODING_GATE: Final = frozenset(CODING_GATES)
# all of those, the fire words and the animals in one set: most sentences hold none of them,
# and are then not looked up in each
_RARE_GATE: Final = frozenset({*_REVISION_GATE, *_ONLY_GATE, *_ALTERNATIVE_GATE, *_CODING_GATE,
                               *burnings.GATE_WORDS, *ANIMAL_WORDS, *shares.SEVERAL})  # fmt: skip

# the casualty cues but the fire words of :mod:`burnings`, in one automaton
_NOT_FIRE_CUES: Final = KeySearch(
    [cue for cue in CUES["casualty"] if cue not in burnings.GATE_WORDS]
)

# a sentence that lists who the dead of a figure told before were
_PARTS_OPENERS: Final = ("the dead included ", "the dead include ", "the victims included ",
                         "the victims include ", "those killed included ",
                         "those killed include ")  # fmt: skip
# ... or ends so ("Two attackers were (counted) among the dead")
_PARTS_CLOSERS: Final = ("among the dead", "among those killed", "among the victims",
                         "among the fatalities")  # fmt: skip


def trigger_starts(low: str, lo: int, hi: int) -> list[int]:
    """Where a trigger stem (:data:`TRIGGER_STEMS`) starts a word in ``low[lo:hi]``, in order."""
    starts = []
    for stem in TRIGGER_STEMS:
        pos = low.find(stem, lo, hi)
        while pos != -1:
            if pos == 0 or not low[pos - 1].isalnum():
                starts.append(pos)
            pos = low.find(stem, pos + 1, hi)
    return sorted(starts)


def find_mentions(
    low: str, lo: int, hi: int, text: str = "", triggers: list[int] | None = None,
    words: Set[str] | None = None,
) -> list[Mention]:  # fmt: skip
    """Casualty mentions in the sentence ``low[lo:hi]``; ``low`` is lower-cased text and
    ``text``, when given, the original (for capitalised names); ``triggers`` are the
    :func:`trigger_starts` and ``words`` the :func:`gate_words` of the sentence when the
    caller has them."""
    if triggers is None:
        triggers = trigger_starts(low, lo, hi)
    found: list[Mention] = []
    covered = lo
    clauses: Clauses | None = None
    untied: NumberMention | None = None
    listed: list[NumberMention] = []  # untied figures listed before ``untied`` ("5 soldiers, ")
    whole: tuple[NumberMention, NumberMention] | None = None  # a figure and its first part
    part = low[lo:hi]  # one slice for every gate: ``in`` is cheaper than a bounded find
    words = gate_words(part) if words is None else words
    rare = bool(words) and not words.isdisjoint(_RARE_GATE)  # most sentences: False
    # cued by a fire word alone ("two buses were set ablaze"): no figure has a trigger, only
    # people set on fire may count, and most such sentences tell of property
    fire_only = rare and not words.isdisjoint(burnings.GATE_WORDS) and not _NOT_FIRE_CUES.find(part)
    if fire_only and not burnings.spans(low, lo, hi, words):
        return []  # most: "two buses were set ablaze"
    # the words of :data:`_SENTENCE_WORDS` and where figures may start, in one pass
    common = _SENTENCE_KEYS.find(part)
    if fire_only:
        numbers = []
    else:
        starts = figure_starts_of(low, lo, common, _FIGURE_KEYS) if part.isascii() else None
        numbers = find_numbers(low, lo, hi, starts)
    told = _told(common)
    may_revise = rare and not words.isdisjoint(_REVISION_GATE)
    animals = rare and not words.isdisjoint(ANIMAL_WORDS)  # most sentences: no animal to look for
    for k, num in enumerate(numbers):
        if num.start < covered or not 0 < num.value <= MAX_PEOPLE or not_a_count(low, num):
            continue
        if negated(low, lo, num.start):
            continue
        prev = found[-1] if found else None
        revised = None
        if may_revise:
            revised = revisions.revision(low, lo, hi, num.start, num.value)
        at = bisect_right(triggers, num.end)
        trigger_at = triggers[at] if at < len(triggers) else hi  # the first stem after it
        if revised is not None:
            tie: Tie | None = ("killed", revised, False, False)
        else:
            tie = tie_of(low, num, lo, hi, prev, trigger_at, text)
        if (
            tie is not None
            and (revised is not None or tie[2])
            and num.high is not None
            and low.endswith("from ", lo, num.start)
        ):  # "raised from 1 to 4", "the toll rose from 500 to 900": a change, told as a range
            num = num._replace(value=num.high, low=num.high, approximate=False)
        tie = tie or joined_after(low, num, hi, prev)
        if tie is None and trigger_at < hi:  # a far verb is a trigger after the figure
            tie = far_verb(low, num, hi, numbers[k + 1 :])
        if tie is None and told & _BOTH:
            tie = _after_both(low, lo, num)  # "killing both bombers and five police officers"
        if tie is not None and animals and counts_animals(low, num.end, hi):
            if (
                untied is not None
                and joined_and(low, untied, num)
                and not counts_animals(low, untied.end, hi)
            ):
                num, untied = untied, None  # "a man and 40 cows were killed": the man
            else:
                tie = None  # "five camels were killed", "killed six oxen": no people
        if (
            tie is not None
            and starts_with(low, " of ", num.end)
            and OF_THE_DEAD.match(low, num.end, hi)
        ):
            tie = (*tie[:3], True)  # "one of the dead", "seven of those killed": a part
        if tie is None:
            if (
                untied is not None
                and low.endswith("including ", untied.end, num.start)
                and INCLUDING.fullmatch(low, untied.end, num.start)
            ):
                whole = (untied, num)  # "8 rebels including 2 commanders and 3 ..."
            listed = listed_with(low, lo, listed, untied, num)
            untied = num
            continue
        clauses, more = clauses or Clauses(low, lo, hi, words, told), False
        if untied is not None and part_of_group(low, untied, num, tie[0], tie[1][0]):
            num, untied = untied, None  # "two of the five robbers were killed": two died
        if untied is not None and not tie[3] and INCLUDING.fullmatch(low, untied.end, num.start):
            # "37 fighters including 7 leaders were killed": the first figure, and a part
            found.append(_mention(low, text, lo, hi, untied, (*tie[:3], False), clauses, prev))
            prev, tie = found[-1], (*tie[:3], True)
            # "four officers, including the chief and seven assailants were killed": a figure
            # joined after a part, larger than the whole, is no part (a comma left out)
            if num.value > untied.value and low.find(" and ", untied.end, num.start) != -1:
                tie, more = (*tie[:3], False), True
        elif untied is not None and not tie[3]:
            items = joined_before(low, lo, listed, untied, num, tie[1])
            if whole is not None and items and items[0] is whole[1]:
                # "11 rebels and five security guards, including ...": the figure joined
                # before the whole shares its trigger
                if (lead := _lead_of(low, numbers[:k], whole[0], found)) is not None:
                    found.append(_mention(low, text, lo, hi, lead, tie, clauses, prev))
                    prev = found[-1]
                found += _with_part(low, text, lo, hi, whole[0], items[0], tie, clauses, prev)
                if lead is not None:
                    found[-2] = found[-2]._replace(added=True)
                prev, items = found[-1], items[1:]
                # "8 rebels including 2 commanders and 3 foreigners were killed": all parts;
                # "4 civilians including 3 staff, 1 officer and 4 rebels": 3 the one part,
                # unless the list adds up to the figure ("14 people, including 2 police, 1
                # tribesman, and 11 assailants, were killed": 14)
                more = low.find(", ", whole[1].end, num.start) != -1 and whole[0].value != (
                    whole[1].value + sum(item.value for item in items) + num.value
                )
                tie = (*tie[:3], not more)
            elif whole is not None and items and _parts_closed(low, whole[1], items, num):
                # "6 police, including 5 soldiers and 1 officer, and 5 rebels were killed": 6
                # with its parts, then 5 more
                found += _with_part(low, text, lo, hi, whole[0], whole[1], tie, clauses, prev)
                parent = found[-2]
                found += [
                    _mention(low, text, lo, hi, item, (*tie[:3], True), clauses, parent)
                    for item in items
                ]
                prev, items, more = found[-1], [], True
            elif _broken_down(low, items, num, tie[1][0]):
                # "3 civilians, 1 woman and 2 men, were killed": 3, told as its parts
                found.append(
                    _mention(low, text, lo, hi, items[0], (*tie[:3], False), clauses, prev)
                )
                prev, items, tie = found[-1], items[1:], (*tie[:3], True)
            for i, item in enumerate(items):
                mention = _mention(low, text, lo, hi, item, tie, clauses, prev)
                added = mention.added or more or (i > 0 and not tie[3])
                found.append(mention._replace(added=added))
        mention = _mention(low, text, lo, hi, num, tie, clauses, prev)
        if revised is not None:
            mention = mention._replace(scope="incident", update=True, revised=True)
        if found and found[-1].trigger == tie[1] and found[-1].number.value == num.value:
            mention = mention._replace(added=not tie[3])  # "two soldiers and two rebels": 4
        elif found and _and_as_many(low, found[-1], num, tie):
            mention = mention._replace(added=True)  # "2 raiders killed and 2 civilians killed"
        if more:
            mention = mention._replace(added=True)
        found.append(mention)
        covered, untied, listed, whole = max(covered, tie[1][1]), None, [], None
    if untied is not None and told & _THEM and (them := killing_them(low, untied, hi)) is not None:
        clauses = clauses or Clauses(low, lo, hi, words, told)
        found.append(
            _mention(low, text, lo, hi, untied, them, clauses, found[-1] if found else None)
        )
    victim_words = words & burnings.GATE_WORDS if fire_only else words  # the rules to try
    found += _singulars(low, lo, hi, found, clauses, text, part, victim_words, words, common, told)
    if len(found) > 2 and "including " in part:  # "3 killed, including 2 shot and 1 beaten"
        found = _parts_with_verbs(found)
    if found and "addition to" in part:  # "In addition to the bomber, four were killed"
        found = with_attackers(low, lo, hi, found)
    if rare and not words.isdisjoint(_ONLY_GATE):  # "The bomber was the only reported casualty"
        found = only_attackers(low, lo, hi, found)
    if DRIVING in words:  # "killed assailants driving seven explosives-laden vehicles"
        found = drivers(low, lo, hi, found)
    if DETONATED in words:  # "Troops killed three of the bombers while the fourth detonated"
        found = detonated(low, lo, hi, found)
    if told & _WERE and captives.may_tell(low, lo, words):  # "The hostages were executed"
        found = captives.killed_captives(low, lo, hi, found)
    # the kinds found before the words of the sentence: most sentences hold no hostage and
    # no wounded figure
    if found and any(m.kind == "hostage" for m in found) and " and " in part:
        found = captives.killed_when_taken(low, hi, found)  # "kidnapped and killed"
    if any(m.kind == "wounded" for m in found) and told & _DIED:
        found = [_died_of_wounds(low, hi, m) for m in found]
    if found and (  # "The dead included a boy and ...", "... were among the dead": parts
        part.startswith(_PARTS_OPENERS)
        or "among " in part
        and part.rstrip(" .").endswith(_PARTS_CLOSERS)
    ):
        found = [m._replace(subset=True) if m.kind == "killed" else m for m in found]
    if found and rare and not words.isdisjoint(_ALTERNATIVE_GATE):
        found = with_alternatives(low, lo, hi, found)
    if rare and (not words.isdisjoint(_CODING_GATE) or shares.one_of_several(low, lo, hi, words)):
        return coding_notes(low, lo, hi, found, words)
    return found


# the words of ``_LATER_DIED``'s verbs, one of which a sentence must hold
_DIED_OF_WOUNDS_WORDS: Final = (" died", " succumbed", " dying", " succumbing")

# the words the sentence-wide tests of :func:`find_mentions` look for, after the one-victim
# words (:data:`victims.COMMON_WORDS`) in one automaton: its one pass over a sentence finds
# them all, where an ``in`` test read the sentence for each
_SENTENCE_WORDS: Final = (" both ", " them", " were ", *_DIED_OF_WOUNDS_WORDS)
# the bit of each sentence word (``1 << index`` in ``_SENTENCE_WORDS``)
_BOTH: Final = 1
_THEM: Final = 2
_WERE: Final = 4
_DIED: Final = (1 << len(_SENTENCE_WORDS)) - 8  # every bit after _WERE: the died-of-wounds words
# ... and one bit for each group of words whose automaton a figure's window is searched with:
# a sentence that holds none of a group's words is not searched for them (most figures name
# no update, most no past event, many no group of people)
_UPDATED: Final = 1 << len(_SENTENCE_WORDS)  # _UPDATE_WORDS
_RECALLED: Final = _UPDATED << 1  # casualty_modality.HISTORICAL_GATE
_NAMED: Final = _RECALLED << 1  # people.WHO_SURFACES
_GROUPS: Final = (
    (_UPDATE_WORDS, _UPDATED), (HISTORICAL_GATE, _RECALLED), (people.WHO_SURFACES, _NAMED)
)  # fmt: skip
# the one-victim words, the sentence words, the groups' words, then where a figure may start
# (:data:`numbers.START_KEYS`): one pass over a sentence for all of them, where an automaton
# per group read it again, and again for each figure's window
_KEYS: Final = [*victims.COMMON_WORDS, *_SENTENCE_WORDS, *(w for g, _ in _GROUPS for w in g)]
_SENTENCE_KEYS: Final = KeySearch([*_KEYS, *START_KEYS])
_VICTIM_KEYS: Final = len(victims.COMMON_WORDS)
_FIGURE_KEYS: Final = len(_KEYS)  # the index of the first figure key
# the bit of each key of ``_SENTENCE_KEYS`` by its index (none for a one-victim or figure key)
_KEY_BITS: Final = (
    *(0 for _ in victims.COMMON_WORDS),
    *(1 << i for i in range(len(_SENTENCE_WORDS))),
    *(bit for words, bit in _GROUPS for _ in words),
    *(0 for _ in START_KEYS),
)
_ALL_TOLD: Final = -1  # every bit: where no pass told which words a sentence holds


def _told(common: list[tuple[int, int, int]]) -> int:
    """The bits of the :data:`_SENTENCE_WORDS` and of the word groups among the matches
    ``common`` of ``_SENTENCE_KEYS``."""
    told = 0
    bits = _KEY_BITS
    for key, _, _ in common:
        told |= bits[key]
    return told


# "were wounded in the blast and later died", "was injured before succumbing to his wounds":
# the wounded of a figure died of their wounds
_LATER_DIED: Final = re.compile(
    r"(?:\s+(?!(?:and|but|while|who|were|was)\b)[\w'-]+){0,6}?\s+(?:and\s+"
    r"(?:later\s+|subsequently\s+|then\s+|all\s+|both\s+)?(?P<verb>died|succumbed)|before\s+"
    r"(?:later\s+|eventually\s+)?(?P<dying>dying|succumbing))\b"
)


def _died_of_wounds(low: str, hi: int, m: Mention) -> Mention:
    """``m`` made a death when the people of its figure, told wounded, died in the same clause
    ("Two soldiers were wounded in the blast and later died")."""
    if m.kind != "wounded" or m.trigger[0] < m.number.end:
        return m
    died = _LATER_DIED.match(low, m.trigger[1], hi)
    if died is None:
        return m
    # other people than the dead told before them ("a guard was killed and a driver was
    # wounded before dying": two), so not a restatement of a figure of the same value
    verb = died.span("verb" if died.group("verb") else "dying")
    return m._replace(kind="killed", trigger=verb, added=True)


def _parts_with_verbs(found: list[Mention]) -> list[Mention]:
    """``found`` with the people told after a part ("including 2 ...") with verbs of their own
    made parts too when, with it, they add up to the whole of their kind ("3 people were
    killed, including 2 who were shot dead and 1 who was beaten to death" is 3)."""
    ordered = sorted(found, key=lambda m: m.number.start)
    for i, whole in enumerate(ordered[:-2]):
        parts = ordered[i + 1 :]
        if whole.subset or not parts[0].subset:
            continue
        if any(m.kind != whole.kind or m.added for m in parts) or whole.number.value != sum(
            m.number.value for m in parts
        ):
            return found
        told = {id(m) for m in parts}
        return [m._replace(subset=True) if id(m) in told else m for m in found]
    return found


def _broken_down(low: str, items: list[NumberMention], num: NumberMention, verb: int) -> bool:
    """True when the first of figures listed before one verb is the sum of the others, which
    a comma closes before the verb ("3 civilians, 1 woman and 2 men, were killed")."""
    return (
        len(items) > 1
        and items[0].value == sum(item.value for item in items[1:]) + num.value
        and low.find(",", num.end, verb) != -1
    )


# "including 5 soldiers and 1 officer, and 5 rebels": the parts joined by "and", then the
# comma that closes them before the next figure
_PART_AND: Final = re.compile(r"(?:\s+[a-z][\w'-]*){1,4}?\s+and\s+")
_PARTS_CLOSE: Final = re.compile(r"(?:\s+[a-z][\w'-]*){1,5}?,\s+(?:and|as\s+well\s+as)\s+")


def _parts_closed(
    low: str, part: NumberMention, items: list[NumberMention], num: NumberMention
) -> bool:
    """True when ``items`` follow the first ``part`` of a figure in its "including" clause,
    joined by "and", and a comma closes the clause before ``num``."""
    at = part
    for item in items:
        if _PART_AND.fullmatch(low, at.end, item.start) is None:
            return False
        at = item
    return _PARTS_CLOSE.fullmatch(low, at.end, num.start) is not None


# "killing both bombers and ": a pair of victims (read as two by ``victims``) before a figure
# that shares their verb
_BOTH_AND: Final = re.compile(
    r"\b(?P<verb>killing|killed)\s+both\s+(?:[a-z][\w-]*\s+){1,3}?and\s+(?:at\s+least\s+)?$"
)


def _after_both(low: str, lo: int, num: NumberMention) -> Tie | None:
    """The tie of a figure joined by "and" after "killing both ..." to that verb."""
    both = _BOTH_AND.search(low, max(lo, num.start - 60), num.start)
    return None if both is None else ("killed", both.span("verb"), False, False)


# between a killed figure's trigger and the next figure of as many other people: "and", after
# a phrase of place or cause at most
_AND_NEXT: Final = re.compile(
    r"(?:\s+(?:in|at|on|near|by)\s+[^,.;]{1,40}?)?,?\s+(?:and|while)\s+(?:at\s+least\s+)?$"
)


def _and_as_many(low: str, before: Mention, num: NumberMention, tie: Tie) -> bool:
    """True when ``num``, with a trigger of its own, is joined by "and" right after the
    trigger of a killed figure of the same value, naming other people ("2 raiders killed and
    2 civilians killed": 4; not "two others", read as more already)."""
    return (
        before.kind == "killed"
        and tie[0] == "killed"
        and not tie[3]
        and before.number.value == num.value
        and before.trigger != tie[1]
        and before.trigger[1] < num.start
        and _AND_NEXT.match(low, before.trigger[1], num.start) is not None
    )


def _lead_of(
    low: str, before: list[NumberMention], whole: NumberMention, found: list[Mention]
) -> NumberMention | None:
    """The untied figure of ``before`` joined by "and" right before ``whole``, the figure of
    an "including" clause ("11 rebels and five security guards, including 2 officers, were
    killed": 11), else None."""
    lead = next((n for n in reversed(before) if n.end <= whole.start), None)
    if (
        lead is None
        or not 0 < lead.value <= MAX_PEOPLE
        or any(m.number.start == lead.start for m in found)
        or not joined_and(low, lead, whole)
    ):
        return None
    return lead


def _with_part(
    low: str, text: str, lo: int, hi: int, num: NumberMention, part: NumberMention, tie: Tie,
    clauses: Clauses, prev: Mention | None,
) -> list[Mention]:  # fmt: skip
    """The mentions of a figure and of its part ("37 fighters including 7 leaders"), both tied
    to the trigger of ``tie``."""
    whole = _mention(low, text, lo, hi, num, (*tie[:3], False), clauses, prev)
    return [whole, _mention(low, text, lo, hi, part, (*tie[:3], True), clauses, whole)]


# "killing the three assailants", "killed all five passengers": people the report may have
# told of before
_DEFINITE: Final = (" the ", " all ")
# "Eight of these were killed": a figure of people told before, before its verb (not "of
# those killed", a part of the dead read by ``OF_THE_DEAD``); "one of them died" too, when no
# figure comes before it in its sentence ("killing 4 guards, and 3 of them were shot dead":
# "them" may be the killers)
_OF_THESE: Final = (" of these ", " of those ")
_OF_THEM: Final = " of them "


def _mention(
    low: str, text: str, lo: int, hi: int, num: NumberMention, tie: Tie, clauses: Clauses,
    prev: Mention | None,
) -> Mention:  # fmt: skip
    """The mention of a figure tied to a trigger."""
    kind, trigger, toll, subset = tie
    if not (subset or toll) and (one := joined_one(low, text, lo, hi, num, trigger)):
        high = None if num.high is None else num.high + one
        num = num._replace(value=num.value + one, low=num.low + one, high=high)
    cues = clauses.told
    who = _who(low, lo, hi, num.end, _phrase_end(low, num.end, hi), cues)
    if subset and prev is not None:
        scope, modality = prev.scope, prev.modality
    else:
        scope = clauses.scope(num.start, toll, num.value)
        recalled = bool(cues & _RECALLED)
        modality = figure_modality(low, lo, hi, num.start, trigger, clauses.words, recalled)
    total = scope == "total"
    stop = max(num.end, trigger[1])
    start = max(lo, num.start - 80)
    update = (
        bool(cues & _UPDATED or stop > hi)  # a window past the sentence is searched
        and bool(_UPDATE_KEYS.find(low[start:stop]))
        and word_search(_UPDATE, low, start, stop) is not None
    )
    added = _added_after(low, num.end, hi) or _added_before(low, lo, num.start)
    own = scope == "period" and of_report(low, lo, hi)
    # "killing the three assailants", "eight of these were killed": people told of before
    definite = (
        low.endswith(_DEFINITE, lo, num.start)
        if trigger[1] <= num.start
        else starts_with_any(low, _OF_THESE, num.end)
        or prev is None
        and starts_with(low, _OF_THEM, num.end)
    )
    return new_mention(kind, num, "cumulative" if total else scope, trigger, who, subset,
                       modality, update, added, total, own, definite)  # fmt: skip


def _who(low: str, lo: int, hi: int, start: int, end: int, cues: int) -> str | None:
    """``people.who_in(low, start, end)``, not run when the sentence ``low[lo:hi]`` holds no
    people word (its ``cues`` say so) and the phrase, with the character before it that
    ``who_in`` reads, lies inside it."""
    if not cues & _NAMED and lo < start and end <= hi:
        return None
    return people.who_in(low, start, end)


# "two more died", "three others dead", "another soldier": people besides those told before
_ADDED_AFTER: Final = re.compile(r"\s+(?:more|others|other|further|additional)\b")
_ADDED_BEFORE: Final = re.compile(
    r"(?:another|a\s+further|an\s+additional|a\s+second|a\s+third)\s*$"
)
# the word each branch of ``_ADDED_AFTER`` and the last word each of ``_ADDED_BEFORE`` needs:
# most figures have none next to them, and are not matched against the regex
_ADDED_AFTER_WORDS: Final = ("more", "others", "other", "further", "additional")
_ADDED_BEFORE_WORDS: Final = ("another", "further", "additional", "second", "third")


def _added_after(low: str, pos: int, hi: int) -> bool:
    """True when "more", "others" or "further" follows the figure ending at ``pos``."""
    if starts_with(low, " ", pos) and not low[pos + 1 : pos + 2].isspace():
        if not starts_with_any(low, _ADDED_AFTER_WORDS, pos + 1):
            return False  # one space, then another word (most figures)
    elif not low[pos : pos + 1].isspace():
        return False  # no white space: "5,"
    return _ADDED_AFTER.match(low, pos, hi) is not None


_SELF: Final = ("himself", "herself")  # a shooter who kills himself is one more death

# "Two people were killed. The first died at the scene, the second in hospital", "the first
# victim was shot dead": one of the people told before, by its place among them
_ORDINALS: Final = ("the first ", "the second ", "the third ", "the former ", "the latter ",
                    "the last ")  # fmt: skip
_ORDINAL_BEFORE: Final = re.compile(
    r"\bthe\s+(?:first|second|third|former|latter|last)(?:\s+[a-z]+)?\s+$"
)
_ORDINAL_WORDS: Final = ("first", "second", "third", "former", "latter", "last")


def _told_by_place(low: str, lo: int, start: int) -> bool:
    """True when the one victim at ``start`` is named by its place among people told before
    ("the first died", "the second victim was shot dead")."""
    if starts_with_any(low, _ORDINALS, start):
        return True
    before = max(lo, start - 32)
    if not contains_any(low, _ORDINAL_WORDS, before, start):
        return False  # most phrases: no regex
    return _ORDINAL_BEFORE.search(low, before, start) is not None


# "was also killed", "were also shot dead": one more victim, not the one told before
_ALSO: Final = (" also ", " also been ", " also found ")


# "another soldier", "a second victim": the openers of one more person
_ADDED_OPENERS: Final = ("another", "the other ", "a second ", "a third ", "a further ")


def _added_before(low: str, lo: int, pos: int) -> bool:
    """True when "another", "the other", "a further" or "a second" opens the figure at
    ``pos``."""
    if starts_with_any(low, _ADDED_OPENERS, pos):
        return True
    before = max(lo, pos - 16)
    if not low[before:pos].rstrip().endswith(_ADDED_BEFORE_WORDS):
        return False  # most figures: no regex
    return _ADDED_BEFORE.search(low, before, pos) is not None


# a mark, or white space before a joining word; one leading class, which lets the regex engine
# skip ahead in C to the marks and spaces instead of trying both branches at every character
_PHRASE_END: Final = re.compile(r"[,;.:()\s](?:(?<=[,;.:()])|(?:including|and|but|in|on|at)\s)")


def _phrase_end(text: str, pos: int, hi: int) -> int:
    """End of the noun phrase that follows a figure (at most 40 characters)."""
    limit = min(hi, pos + 40)
    stop = _PHRASE_END.search(text, pos, limit)
    return stop.start() if stop else limit


# one lynched who lived, told in the sentence or those after it: "lynched and nearly killed before
# he was rescued", "Police rescued the man", "The suspect survived"; not others who lived
_THE_ONE: Final = r"(?:the\s+(?:man|woman|suspect|victim|youth))"
_LYNCHING_SURVIVED: Final = re.compile(
    rf"\b(?:(?:he|she|{_THE_ONE})\s+(?:(?:barely|narrowly)\s+)?survived|(?:nearly|almost)\s+"
    rf"(?:killed|died)|rescued\s+(?:him|her|{_THE_ONE})|(?:he|she)\s+(?:is|was)\s+rescued)\b"
)
_SURVIVED_STEMS: Final = ("surviv", "nearly", "almost", "rescued")
_SURVIVED_REACH: Final = 300  # characters after the sentence: a short report's next sentences


def _lynching_survived(low: str, trigger: tuple[int, int], hi: int) -> bool:
    """True when the one lynched at ``trigger`` lived, as the rest of the sentence (ending
    at ``hi``) or the words after it say; "lynched" also tells a mob's beating."""
    if not starts_with(low, "lynch", trigger[0]):
        return False
    end = min(len(low), hi + _SURVIVED_REACH)
    return contains_any(low, _SURVIVED_STEMS, trigger[1], end) and bool(
        _LYNCHING_SURVIVED.search(low, trigger[1], end)
    )


def _singulars(
    low: str, lo: int, hi: int, found: list[Mention], clauses: Clauses | None, text: str,
    part: str, words: Set[str], gates: Set[str], common: list[tuple[int, int, int]] | None = None,
    cues: int = _ALL_TOLD,
) -> list[Mention]:  # fmt: skip
    """ "a soldier was killed", "Kyle Brown was shot and killed": one person, when no figure
    already covers the phrase. ``text`` is the original text (names are capitalised) and
    ``part`` the sentence ``low[lo:hi]``, ``gates`` its :func:`gate_words`, ``words`` those
    whose rules to try, ``common`` the matches of ``_SENTENCE_KEYS`` in it and ``cues`` their
    :func:`_told` bits. A death comes before the verbs inside its phrase ("a leader, who was
    injured ..., died")."""
    taken = [(m.number.start, m.trigger[1]) for m in found]
    extra = []
    animals = not gates.isdisjoint(ANIMAL_WORDS)
    spans = victims.find_spans(low, lo, hi, text, part, words, common)
    for start, end, kind, trigger, count in spans:
        if any(s < end and start < e for s, e in taken) or aside(low, lo, start):
            continue
        if animals and one_animal(low, start, trigger, hi):
            continue  # "a buffalo was killed", "killed an ox": no people
        if kind == "killed" and _lynching_survived(low, trigger, hi):
            continue  # "a thief was lynched ... Police rescued the man"
        clauses = clauses or Clauses(low, lo, hi, words, cues)
        num = tuple.__new__(NumberMention, (count, count, count, False, start, start + 1, start))
        who = _who(low, lo, hi, start, min(hi, end + 40), cues)
        modality = figure_modality(low, lo, hi, start, trigger, gates, bool(cues & _RECALLED))
        scope = clauses.scope(start, False, count)
        added = (
            _added_before(low, lo, start)
            or ends_with_any(low, _ALSO, lo, trigger[0])  # "a civilian was also killed"
            or ends_with_any(low, _SELF, trigger[0], trigger[1])
            or starts_with_any(low, victims.AS_WAS, trigger[0])  # "killed, as was his driver": more
            or kind == "killed"
            and starts_with(low, " another", trigger[1])  # "shot dead another"
            # "killed a soldier, a policeman and two civilians": others of a figure's verb
            or any(m.trigger == trigger for m in found)
        )
        total = scope == "total"
        own = scope == "period" and of_report(low, lo, hi)
        told = _told_by_place(low, lo, start)
        extra.append(new_mention(kind, num, "cumulative" if total else scope, trigger, who,
                                 False, modality, False, added, total, own, told))  # fmt: skip
        taken.append((start, end))
    return sorted(extra, key=lambda m: m.number.start)


# every word the sentence-wide gates of this module and those it calls look for
# (``words.isdisjoint(...)``): the scanner finds them for a whole text in its one pass
GATE_WORDS: Final = frozenset({*PERIOD_WORDS, SPAN_WORD, *CUMULATIVE_GATE, *ALTERNATIVE_GATE,
                               *CODING_GATES, *victims.GATE_WORDS, *revisions.GATE,
                               *captives.GATE, *shares.SEVERAL, *ONLY_GATES, DRIVING, DETONATED,
                               *MODALITY_GATE, *ANIMAL_WORDS})  # fmt: skip


def gate_words(part: str) -> set[str]:
    """The :data:`GATE_WORDS` that occur in the sentence ``part``."""
    return {word for word in GATE_WORDS if word in part}
