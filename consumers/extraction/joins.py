"""Casualty figures joined to one another: figures that share one trigger ("7 militants and 3
soldiers were killed", "5 soldiers, 1 officer and 27 militants"), a part of a figure
("including 7 leaders", "one of the dead", "two of the five robbers"), a figure joined to one
tied before ("killed four farmers and a soldier"), and one more person named beside a figure
("three policemen and a civilian")."""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction import pairs, people
from consumers.extraction.lexicon import ONE_VICTIM_NOUN_ALTERNATION, ONE_VICTIM_NOUNS
from consumers.extraction.matching import branched, contains_any, ends_with_any
from consumers.extraction.mentions import Mention, Tie
from consumers.extraction.numbers import NumberMention
from consumers.extraction.ties import NOT_STOP, OTHERS, PEOPLE_AFTER, WITH_ASIDE
from consumers.extraction.triggers import ADVERB as _ADVERB
from consumers.extraction.triggers import NOT_ONE as _NOT_ONE
from consumers.extraction.triggers import NUMBER_WORDS, PASSIVE_BE
from consumers.extraction.triggers import STOP_WORDS as _STOP_WORDS
from consumers.extraction.triggers import VERB_BE as _VERB_BE

# "37 fighters, including 7 leaders, were killed": a figure and its part before one trigger;
# "13 rebels including senior leaders and 1 foreigner were killed": the part after the list
INCLUDING: Final = re.compile(
    rf"(?:\s+(?:and/or|{NOT_STOP}[a-z][\w().'/-]*)){{0,4}}?,?\s+(?:including|among\s+them|"
    r"among\s+whom)\s+(?:a\s+|at\s+least\s+|(?:[a-z][\w'-]*\s+){1,4}?and\s+)?"
)
# "7 militants and 3 soldiers were killed": two figures joined before one trigger; a part
# closed by a comma or a bracket stands between them ("13 rebels, including a commander, and
# 4 civilians", "22 rebels (including top leaders) and 2 children"), or names in brackets ("1
# officer (Sgt Ali) and 2 guards"); not a figure with a verb
# of its own ("3 posts were destroyed and 4 soldiers were killed")
_JOINED: Final = re.compile(
    branched(
        rf"(?:\s+{NOT_STOP}(?!(?:was|were|has|had|including)\b)[a-z][\w().'/-]*){{0,4}}?(?:\s+(?:of|from)(?:\s+{NOT_STOP}[a-z][\w().'/-]*)"
        r"{1,4}?)?(?:,\s+including\s[^,.;()]{1,60}?,|\s+\((?:including\s)?[^,.;()]{1,60}?\))?"
        r",?\s+(?:and|as\s+well\s+as|along\s+with)\s+"
    )
)


# "5 soldiers, 1 officer and ...": a figure of a list, its noun, then a comma
_LISTED: Final = re.compile(rf"(?:\s+{NOT_STOP}[a-z][\w().'/-]*){{1,4}}?,\s+")
# "in 2 villages, 5 soldiers and ...": a figure after a preposition is no item of a list
_PREPOSITION: Final = re.compile(r"\b(?:in|at|on|of|from|over|across|after|for|by|with|near|to|"
                                 r"within|between|during)\s+(?:the\s+)?$")  # fmt: skip


# "two of the five robbers", "three members of a four-man gang": the first figure is a part
# of the group the second counts
OF_GROUP_GAP: Final = re.compile(r"(?:\s+[a-z]+)?\s+of\s+(?:(?:the|a|an|those|these|their)\s+)?")
# between the group's figure and the trigger, a group that is the dead: "one of 17 people
# killed", "two of the five robbers who were shot dead"; not "two of the five robbers were",
# "get arrested"
_DEAD_GROUP: Final = re.compile(
    r"(?:\s+(?!(?:were|was|are|is|had|have|has|been|being|get|gets|got|getting)\b)"
    r"[a-z][\w-]*){0,3}?\s+(?P<who>(?:who|that)\s+(?:(?:were|had\s+been|have\s+been)\s+)?)?"
)
# a trigger that is a finite verb or opens with one: the group's figure names no dead group
# ("One officer of 12 Rifles died", "... robbers were arrested")
_FINITE: Final = ("were ", "was ", "are ", "is ", "had ", "have ", "has ", "been ", "die", "perish",
                  "succumb")  # fmt: skip


def part_of_group(
    low: str, part: NumberMention, group: NumberMention, kind: str, trigger: int
) -> bool:
    """True when ``part`` is a part of the group ``group`` counts ("two of the five robbers
    were killed": two died), not when the group is the dead ("one of 17 people killed", "two
    of the five robbers who died": the group died); ``trigger`` is where the ``kind`` word
    starts. Other kinds keep the part ("two of the four pupils kidnapped")."""
    if OF_GROUP_GAP.fullmatch(low, part.end, group.start) is None:
        return False
    if kind != "killed":
        return True
    dead = _DEAD_GROUP.fullmatch(low, group.end, trigger)
    return dead is None or (dead.group("who") is None and low.startswith(_FINITE, trigger))


def listed_with(
    low: str, lo: int, listed: list[NumberMention], untied: NumberMention | None,
    num: NumberMention,
) -> list[NumberMention]:  # fmt: skip
    """The untied figures listed before ``num``: ``listed`` and ``untied`` when a comma
    follows the noun of ``untied`` ("5 soldiers, 1 officer and 27 militants were killed")."""
    if (
        untied is None
        or low.find(", ", untied.end, num.start) == -1
        or _LISTED.fullmatch(low, untied.end, num.start) is None
        or _PREPOSITION.search(low, max(lo, untied.start - 12), untied.start) is not None
    ):
        return []
    return [*listed, untied]


def joined_and(low: str, first: NumberMention, second: NumberMention) -> bool:
    """True when ``first`` and its noun are joined by "and" to ``second`` ("7 militants and 3
    soldiers")."""
    return _JOINED.fullmatch(low, first.end, second.start) is not None


def joined_before(
    low: str, lo: int, listed: list[NumberMention], untied: NumberMention, num: NumberMention,
    trigger: tuple[int, int],
) -> list[NumberMention]:  # fmt: skip
    """The untied figures that share the trigger of ``num``: ``untied`` joined by "and" ("7
    militants and 3 soldiers were killed") with those listed before it ("5 soldiers, 1
    officer and 27 militants"), or people listed with a comma alone before the verb ("3
    civilians, 15 fighters were killed")."""
    if _JOINED.fullmatch(low, untied.end, num.start) is not None:
        return [*listed, untied]
    if trigger[0] > num.end and (
        people.who_in(low, untied.end, num.start) is not None
        or _LIST_GOES_ON.match(low, num.end, trigger[0]) is not None
    ):  # "3 civilians, 15 fighters were killed", "3 clerks, 4 cooks, and a guard were killed"
        return listed_with(low, lo, listed, untied, num)
    return []


OF_THE_DEAD: Final = re.compile(
    r" of (?:the|those)(?: [\w-]+)? "
    r"(?:dead|killed|deceased|bodies|victims|slain|fatalities|deaths)\b"
)


# "killing 12 people in Akida and nine others in Mbuta": words with no verb, then "and"
_JOINED_PAST_PLACE: Final = re.compile(
    r"(?:\s+(?!(?:and|who|which|that|were|was)\b)[\w().'/-]+){1,6}?,?\s+and\s+"
    r"(?:(?:another|a\s+further|an\s+additional)\s+)?"
)
_JOINED_ENDS: Final = (" and ", " another ", " further ", " additional ")
# "... and 8 in Khan Younis", "five on Monday and three on Tuesday": a figure with no noun of
# its own before a place or a day shares the people and the verb of the one before
_ELLIPTIC: Final = re.compile(r"\s+(?:in|at|on|near|inside|outside|around)\s")
# ... unless a verb of their own follows: "and 2 in the convoy escaped"
_OWN_VERB: Final = re.compile(
    r"[^,.;]{0,60}?\b(?:were|was|are|is|escaped|survived|fled|managed|remained)\b"
)


# "killed two rebels and three others fled": people joined after a killing verb who got away
_SPARED: Final = re.compile(
    r"(?:\s+(?!(?:and|or|but)\b)[a-z][\w'-]*){0,3}?\s+(?:escaped|survived|fled|managed|ran|hid)\b"
)


def joined_after(low: str, num: NumberMention, hi: int, prev: Mention | None) -> Tie | None:
    """ "killed four farmers and a soldier": a figure joined to one a verb before tied ("nine
    others" or a figure with no noun past a place: "killing 12 people in Akida and nine
    others in Mbuta", "12 people were killed in Rafah and 8 in Khan Younis")."""
    if prev is None or prev.subset:
        return None
    tie = prev.kind, prev.trigger, False, False
    if prev.trigger[0] < prev.number.start:  # "killing 12 people ..."
        if _JOINED.fullmatch(low, prev.number.end, num.start) is not None:
            return None if _SPARED.match(low, num.end, hi) else tie
        if _listed_after_verb(low, prev.number.end, num, hi):
            return tie
        start = prev.number.end
    else:  # "12 people were killed ..."
        start = prev.trigger[1]
        if start > num.start:
            return None
    if not low.endswith(_JOINED_ENDS, start, num.start):  # most figures: a cheap "no"
        return None
    if _JOINED_PAST_PLACE.fullmatch(low, start, num.start) is None:
        return None
    if low.startswith(OTHERS, num.end):  # not "and nine others fled", "and two other attacks"
        active = start == prev.number.end
        return tie if active and PEOPLE_AFTER.match(low, num.end, hi) is not None else None
    if _ELLIPTIC.match(low, num.end, hi) is None or _OWN_VERB.match(low, num.end, hi):
        return None
    return tie


# "killed three soldiers, four policemen and two civilians": the list after the figure goes
# on to an "and" before a last figure or one person
_LIST_GOES_ON: Final = re.compile(
    rf"(?:\s+{NOT_STOP}[a-z][\w().'/-]*){{1,4}}?"
    rf"(?:,\s+(?:\d+|{NUMBER_WORDS})(?:\s+{NOT_STOP}[a-z][\w().'/-]*){{1,4}}?){{0,4}}"
    rf",?\s+(?:and|as\s+well\s+as)\s+(?:at\s+least\s+)?(?:\d|(?:{NUMBER_WORDS}|an?)\s)"
)


def _listed_after_verb(low: str, end: int, num: NumberMention, hi: int) -> bool:
    """True when ``num`` is an item of a list of figures after a verb, past a comma after the
    one before it (its noun ends at ``end``) and with the list closing in "and" after it
    ("killed three soldiers, four policemen and two civilians")."""
    return (
        low.find(", ", end, num.start) != -1
        and _LISTED.fullmatch(low, end, num.start) is not None
        and _LIST_GOES_ON.match(low, num.end, hi) is not None
    )


_ONE_WORD: Final = rf"(?!(?:{_STOP_WORDS}|{_NOT_ONE}|half|and|was|were|is|are)\b)[\w().'/\"-]+"
# "three policemen and a civilian were killed": one more person joined to a figure (and one
# for each listed before: "two teachers, a nurse and a farmer")
# ... past what each was ("two leaders of the rebel group and a member of the militia", "three
# militants (no group named) and a soldier of the border force"): an "of" phrase or a bracket,
# and long proper names on either side (each capitalised word, a word: "two leaders of the
# Dima Halam Daogah (Action) outfit and a member of the banned Karbi People's Tiger (KPLT)")
_OF_OR_ASIDE: Final = r"\s+of\s+(?:the|a|an)|\s*\([^()]{1,40}\)"
# "and the wife of an officer": one person named by "the" and a singular person noun
_AND_ONE_BETWEEN: Final = re.compile(
    rf"(?:\s+{_ONE_WORD}|{_OF_OR_ASIDE}){{0,10}}?"
    rf"(?P<listed>(?:,\s+(?:a|an)\s+{_ONE_WORD}(?:\s+{_ONE_WORD}){{0,3}}?){{0,5}}),?\s+and\s+"
    rf"(?:a|an|the(?=\s+(?:{ONE_VICTIM_NOUN_ALTERNATION})\b))\s+{_ONE_WORD}(?:\s+{_ONE_WORD}|{_OF_OR_ASIDE}){{0,8}}?"
    rf"\s+{_VERB_BE}{_ADVERB}"
)
# "killed four farmers and a volunteer fighter", "killed three lawyers, four doctors, and a
# civilian"
_AND_ONE_AFTER: Final = re.compile(
    rf"(?:\s+{_ONE_WORD}){{0,4}}?,?\s+(?:and|along\s+with)\s+(?:(?:a|an)\s+(?:{_ONE_WORD}\s*){{1,5}}"
    r"(?=[,.;(]|$|\s+(?:in|at|on|near|before|after|while|during)\b)|(?:himself|herself)\b)"
)
# "an army officer and two militants were killed"
_ONE_AND_BEFORE: Final = re.compile(
    rf"(?:^|(?<=\W))(?:a|an)\s+(?:{_ONE_WORD}\s+){{0,3}}?(?!\w+ed\s)\w+,?\s+"
    r"(?:and|as\s+well\s+as|along\s+with)\s+(?:his\s+|her\s+|their\s+)?$"
)

# the last word of every ending of ``_ONE_AND_BEFORE``: the text before a figure's white space
# must end with one before the regex is tried ("a teacher and 4 farmers", not "killing 4")
_ONE_AND_ENDS: Final = ("and", "as", "with", "his", "her", "their")


def _may_end_joined(head: str) -> bool:
    """False when ``head`` cannot end as ``_ONE_AND_BEFORE`` does: white space after "and",
    "as well as", "along with", "his", "her" or "their"."""
    return head[-1:].isspace() and head.rstrip().endswith(_ONE_AND_ENDS)


# "the shadow governor of the province along with 9 other rebels were killed": one person named
# at the start of a clause before a figure of others (no verb, no clause word, a singular head)
_ONE_BEFORE_OTHERS: Final = re.compile(
    r"(?:a|an|the|[a-z][\w-]*'s)\s+(?:(?!(?:and|or|but|who|whom|which|that|were|was|is|are|"
    r"had|has|have|when|while|after|before|said|says|as)\b)(?![a-z]+ed\b)[a-z][\w'-]*\s+){0,7}?"
    r"(?![a-z]+ed\b)[a-z][\w'-]*(?<![^'s]s),?\s+(?:and|as\s+well\s+as|along\s+with)\s+"
)
# "Zaman and two other passengers", "Bin Saudi Sarakil and three others": a name of one to four
# capitalised words (in the original text) that is the whole clause before a figure of others
_NAME_BEFORE_OTHERS: Final = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019-]*,?\s+(?:and|as\s+well\s+as|along\s+with)\s+"
)
_NOT_NAME_START: Final = re.compile(
    rf"(?:{_STOP_WORDS}|the|a|an|this|these|those|they|we|all|both)\b"
)
_OTHER_PEOPLE: Final = (" other ", " others")
# "the doctor", "his son", "a senior militant": one person of a list before a figure
_ONE_PERSON: Final = re.compile(
    r"(?:the|his|her|their|a|an)\s+(?:[a-z][\w'-]*\s+){0,3}?(?P<head>[a-z]+)(?:\s+\([^()]{1,40}\))?"
)
_LIST_END: Final = re.compile(
    r",?\s+(?:and|as\s+well\s+as|along\s+with)\s+(?:(?:his|her|their)\s+)?$"
)
_LIST_ENDS: Final = (" and ", " with ", " as well as ", " and his ", " and her ", " and their ")
_LIST_GAP: Final = re.compile(r",\s+|,?\s+and\s+")
_ARTICLES: Final = ("a ", "an ")
_AND_WORDS: Final = (" and ", " as well as ", " along with ")
_PREPOSITIONS: Final = (" over ", " in ", " of ", " at ", " from ", " with ", " for ", " about ",
                        " into ", " on ", " by ", " during ", " after ", " to ", " near ",
                        " against ")  # fmt: skip
_NOT_ONE_BEFORE: Final = (*_PREPOSITIONS, " including ", " among them ")


def joined_one(
    low: str, text: str, lo: int, hi: int, num: NumberMention, trigger: tuple[int, int]
) -> int:
    """1 when one more person is named with "and a ..." beside a figure, else 0; ``text`` is
    the original of ``low`` (for capitalised names), or empty."""
    if trigger[0] >= num.end:
        joined = low.rfind(" and ", num.end, trigger[0])
        # "four civilians (three men and a woman) were killed": a breakdown in brackets
        # "four people including three farmers and a teacher were killed": a part's last item
        if (
            joined != -1
            and low.find(" including ", num.end, joined) == -1
            and low.count("(", num.end, joined) <= low.count(")", num.end, joined)
            and (between := _AND_ONE_BETWEEN.fullmatch(low, num.end, trigger[0]))
        ):
            return 1 + between.group("listed").count(",")
        if ends_with_any(low, WITH_ASIDE, lo, num.start) and _singular_after_aside(
            low, num, trigger
        ):
            return 1  # "the chief, along with two guards, was killed": the chief too
        before = max(lo, num.start - 60)
        if not contains_any(low, _AND_WORDS, before, num.start):
            return 0
        if low.startswith(_OTHER_PEOPLE, num.end) and _one_before_others(low, text, lo, num.start):
            return 1
        one = (
            _ONE_AND_BEFORE.search(low, before, num.start)
            if _may_end_joined(low[before : num.start])
            else None
        )
        if one is None:
            return _people_before(low, text, lo, num.start) or _named_aside(low, text, lo, num)
        # "over an unknown dispute, and 2 soldiers": a thing after a preposition is no person;
        # "13 rebels, including a commander, and 4 civilians": a part of the first figure
        if low.endswith(_NOT_ONE_BEFORE, lo, one.start()):
            return 0
        # "a teacher, a nurse and 2 farmers": people listed before the one, who, closed by a
        # comma, may tell what a name before was ("Hadhal, a former MP, and 4 guards": 5)
        if not low.endswith(", ", lo, one.start()):
            return 1
        told = low.find(",", one.start(), num.start) != -1
        return 1 + _listed_before(low, text, lo, one.start() - 2, told)
    if (
        low.endswith(" and ", lo, num.start)
        and low.endswith(PASSIVE_BE, lo, trigger[0])
        and _companion_before(low, lo, num.start)
    ):  # "X was executed along with his brother and two others" (the object of an active
        # verb and his companion are a pair of victims of their own: "killed X along with ...")
        return 1
    if not contains_any(low, _AND_WORDS, num.end, min(hi, num.end + 80)):
        return 0
    return int(_AND_ONE_AFTER.match(low, num.end, hi) is not None)


# the singular verb after companions told aside: "(, along with two guards), was killed"
_SINGULAR_AFTER_ASIDE: Final = re.compile(r",\s+(?:was|is|has\s+been|had\s+been)\s")


def _singular_after_aside(low: str, num: NumberMention, trigger: tuple[int, int]) -> bool:
    """True when the comma closing the aside that holds the figure opens a singular verb."""
    comma = low.rfind(",", num.end, trigger[0])
    return comma != -1 and _SINGULAR_AFTER_ASIDE.match(low, comma, trigger[0]) is not None


# "along with his brother and ": one companion named before a figure after its verb
_COMPANION_AND: Final = re.compile(
    r"\b(?:along|together)\s+with\s+(?:his|her|their)\s+(?:[a-z-]+\s+)?(?P<head>[a-z]+)\s+and\s+$"
)


def _companion_before(low: str, lo: int, pos: int) -> bool:
    """True when one companion, named by a singular person noun after "along with his",
    comes before the figure at ``pos`` ("along with his brother and two others")."""
    found = _COMPANION_AND.search(low, max(lo, pos - 48), pos)
    return found is not None and found.group("head") in ONE_VICTIM_NOUNS


def _one_before_others(low: str, text: str, lo: int, pos: int) -> bool:
    """True when one person opens the clause that ends with "and" or "along with" at ``pos``,
    before a figure of others ("a commander for the province along with 9 other rebels"), or
    is the clause, named ("Zaman and two other passengers"; ``text`` is the original)."""
    start = low.rfind(", ", lo, pos - 2)
    start = lo if start == -1 else start + 2
    if _ONE_BEFORE_OTHERS.fullmatch(low, start, pos) is not None:
        return True
    return (
        bool(text)
        and (name := _NAME_BEFORE_OTHERS.fullmatch(text, start, pos)) is not None
        and _NOT_NAME_START.match(low, start) is None
        and people.who_in(low, start, name.end()) is None  # "Police and two others": a group
    )


def _people_before(low: str, text: str, lo: int, pos: int) -> int:
    """How many people named one by one, each by a singular person noun, end the clause
    before the figure at ``pos`` ("The chief, his son, and 2 guards were killed" is 2); a name
    may open them ("Ahmad, his wife and their three sons": 2; ``text`` is the original)."""
    if not low.endswith(_LIST_ENDS, lo, pos):  # most figures: no regex
        return 0
    end = _LIST_END.search(low, max(lo, pos - 100), pos)
    if end is None:
        return 0
    space = low.rfind(" ", lo, end.start()) + 1
    last = low[space : end.start()]
    if (
        not last.endswith(")")
        and last not in ONE_VICTIM_NOUNS
        and not text[space : space + 1].isupper()
    ):
        return 0  # most: the word before "and" is no person noun ("the army and 2 rebels")
    return _listed_before(low, text, lo, end.start())


def _listed_before(low: str, text: str, lo: int, stop: int, told: bool = False) -> int:
    """How many people, each named by a singular person noun or opening with a name, are
    listed one by one in the clause that ends at ``stop`` ("The chief, his son"); ``told``
    when what follows ``stop`` may tell what a name before it was ("a tribal elder,")."""
    count, start = 0, max(lo, stop - 100)
    items = _LIST_GAP.split((text or low)[start:stop])
    for i in range(len(items) - 1, -1, -1):
        item = items[i].strip()
        one = _ONE_PERSON.fullmatch(item.lower())
        if one is None or one.group("head") not in ONE_VICTIM_NOUNS:
            # a name opens the list, not a piece of one the window cut, nor a name the item
            # after it tells of ("Shahin, a former police chief, his son, and 2 others")
            return count + int(
                bool(text)
                and (i > 0 or start == lo)
                and not (told and i == len(items) - 1)
                and not "".join(items[i + 1 : i + 2]).lstrip().lower().startswith(_ARTICLES)
                and _is_name(item)
            )
        count += 1
    return count


# "Khalifah, the mayor of the town, and two of his guards": a name opening the sentence, what
# the person was told aside (a phrase with "of" or "for" that the listed words do not take)
_NAME_ASIDE: Final = re.compile(
    r"(?P<name>[^,;]{1,40}),\s+(?:a|an|the)\s+[^,;]{1,80}?,\s+(?:and|along\s+with|"
    r"as\s+well\s+as)\s+(?:his\s+|her\s+|their\s+)?"
)


def _named_aside(low: str, text: str, lo: int, num: NumberMention) -> int:
    """1 when a name told aside opens the sentence before a figure of others ("Khalifah, the
    mayor of the town, and two of his guards were killed" is 3; ``text`` is the original),
    else 0."""
    if not text or not low.endswith(_AND_WORDS, lo, num.start):
        return 0
    aside = _NAME_ASIDE.fullmatch(text, lo, num.start)
    return int(aside is not None and _is_name(aside.group("name")))


def _is_name(item: str) -> bool:
    """True when ``item`` is one person's name ("Ahmad", not "Police" or "In Kabul")."""
    low = item.lower()
    return (
        pairs.ONE_NAME.fullmatch(item) is not None
        and _NOT_NAME_START.match(low) is None
        and people.who_in(low, 0, len(low)) is None
    )
