"""Two victims told in one phrase: two people joined before one verb ("a policeman and a civilian
were killed"), one victim and a companion ("a chairman and his driver", "his wife and son were
shot dead"), a second person joined to one victim ("killing a soldier and a civilian", "a
soldier and civilian") and a couple ("gunmen killed a couple"); and single people, named or
opened by "a", listed before one plural verb ("a teacher, a nurse and a farmer were killed",
"Al-Hermas and al-Khid were killed")."""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction.lexicon import CALENDAR_WORDS, ONE_VICTIM_NOUN_ALTERNATION
from consumers.extraction.matching import word_search
from consumers.extraction.numbers import words_to_int
from consumers.extraction.triggers import (
    ADVERB,
    ANY_TRIGGER,
    NOT_ONE,
    NUMBER_WORDS,
    PLURAL_BE,
    STOP_WORDS,
    TRIGGER,
    Span,
    victim_span,
)

# "a chairman and his driver", "a lecturer, along with his son": one victim and a companion
# named by a singular noun after "his"/"her"
_KIN: Final = (
    r"son|daughter|wife|husband|driver|bodyguard|guard|brother|sister|father|mother|nephew|"
    r"niece|cousin|friend|aide|companion|child|grandson|granddaughter|uncle|aunt|escort|"
    r"assistant|associate|colleague|secretary|fiancee?|partner|stepson|"
    r"(?:brother|sister|son|daughter|father|mother)-in-law"
)
# not one who did something else: "and his son escaped", "and his son fled", "and his son,
# Omar Ali, was injured" (a name told between)
_NOT_KILLED: Final = (
    r"(?!(?:,\s+[^.;,]{1,40},)?\s+(?:[a-z]+ly\s+)?(?:was|is|were|are|has|had|have|escaped|survived|managed|"
    r"sustained|suffered|wounded|injured|hurt|maimed|abducted|kidnapped|arrested|missing|fled|"
    r"ran|hid)\b)"
    # nor the first of others hurt: "and her husband and son were wounded"
    r"(?!\s+and\s+(?:[\w-]+\s+){1,3}?(?:were|was|are|is)\s+(?:[a-z]+ly\s+)?(?:wounded|"
    r"injured|hurt|maimed|abducted|kidnapped|arrested|missing|unhurt|spared|rescued)\b)"
)
# "two sons", "three children": companions counted by a figure of 2-20 ...
_FIGURES: Final = r"two|three|four|five|six|seven|eight|nine|ten|1?\d|20"
_KIN_MANY: Final = (
    rf"(?:{_FIGURES})\s+(?:[\w-]+\s+)?(?:sons|daughters|children|brothers|sisters|nephews|"
    r"cousins|wives|grandchildren|grandsons|granddaughters|bodyguards|guards|aides|companions|"
    r"escorts|assistants|colleagues|relatives|friends|helpers|workers|men|passengers)\b(?![-'])"
    # ... where the phrase ends: not "her two daughters and husband were wounded" (but "and
    # injuring seven others", "and wounded his wife" go on to another verb)
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:in|at|on|near|inside|outside|from|while|when|as|after|during|"
    r"before|early|late|last|this|overnight|yesterday)\b|\s+and\s+[a-z]+(?:ing|ed)\b)"
)
_KIN_ONE: Final = rf"(?:[\w-]+\s+)?(?:{_KIN})\b(?![-'])"
# the single kin words (not the in-laws)
_KIN_WORDS: Final = frozenset(w for w in _KIN.split("|") if w.isalpha())
# a listed companion and a name of one or two words: ", his wife Mariam,"
_KIN_NAMED: Final = (
    rf"{_KIN_ONE}(?:(?:\s+(?!(?:[a-z]+ed|and|who|was|is|were|are|has|had|fled|ran|hid|said|"
    r"says|told)\b)[a-z][\w'-]*){1,2}(?=,|\s+and\b))?"
)
_OWN: Final = r"(?:his|her|their)\s+"
# after the trigger of one victim, companions: "killed a UP chairman (AL) and his driver",
# "killed a village head and his two sons", "killed a farmer, his wife and their three
# children", "killed the commissioner, his driver and two bodyguards" (a bare companion only
# after a listed one: "killed the chief and two guards" is a figure joined to one), "killed
# Ahmad, his wife Mariam, and their three sons"
_KIN_AFTER: Final = re.compile(
    rf"(?P<victim>(?:\s+(?:a|an|the|one|(?P<own>his|her|their))\s+[^.;,()]{{1,40}}?)?"
    rf"(?:\s*\([^()]{{1,30}}\))?)"
    rf"(?P<listed>(?:,\s+{_OWN}(?:{_KIN_MANY}|{_KIN_NAMED})){{0,4}}),?\s+"
    rf"(?:and|along\s+with|together\s+with)\s+"
    rf"(?:{_OWN}(?:{_KIN_MANY}|{_KIN_ONE}{_NOT_KILLED})|(?P<bare>{_KIN_MANY}|{_KIN_ONE}{_NOT_KILLED}))"
)
_FIGURE: Final = re.compile(rf"({_FIGURES})\s")
# what the victim named was: "killed Musleh Al-Waruri, a tribal leader, and his son"
_TOLD_WHO: Final = re.compile(r",\s+(?:a|an|the)\s+[^.;,()]{1,70}(?=,)")
_OWN_START: Final = re.compile(_OWN)
# between the victim's phrase and each companion
_COMPANION_BREAK: Final = re.compile(r",?\s+(?:and|along\s+with|together\s+with)\s+|,\s+")
# before a plural verb: "the party leader and his son were shot dead"; both looked for only
# where one of ``KIN_GATES`` is
KIN_GATES: Final = (" and his ", " and her ", " with his ", " with her ", ", his ", ", her ")
_KIN_SUBJECT: Final = re.compile(
    r"(?:and|along\s+with|together\s+with)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{_KIN})\s+{PLURAL_BE}(?:shot\s+and\s+)?(?:{TRIGGER})\b"
)


def with_kin(low: str, hi: int, span: Span) -> Span:
    """``span`` counting its one victim's companions when they follow ("and his driver": two,
    "and his two sons": three, ", his wife and their three children": five)."""
    start, end, kind, trigger, count = span
    if count != 1 or kind != "killed":
        return span
    kin = _KIN_AFTER.match(low, trigger[1], min(hi, trigger[1] + 140))
    if kin is None and end > trigger[1]:  # after a victim's name ("killed Ahmad, his wife")
        told = _TOLD_WHO.match(low, end, min(hi, end + 80))
        at = end if told is None else told.end()
        kin = _KIN_AFTER.match(low, at, min(hi, at + 140))
    if kin is None or (
        kin.group("bare") is not None
        and not kin.group("listed")
        and not _kin_of_kin(kin)  # "killed his father and brother": two of one family
    ):
        return span
    # after the victim's own phrase, each piece is one companion, or as many as its figure
    companions = 0
    for item in _COMPANION_BREAK.split(low[kin.end("victim") : kin.end()])[1:]:
        figure = _FIGURE.match(item, len(item) - len(item.lstrip()) + _own_length(item))
        value = figure.group(1) if figure is not None else ""
        companions += int(value) if value.isdigit() else words_to_int(value) or 1
    return (start, kin.end(), kind, trigger, 1 + companions)


# one kin, with no figure: "brother" in "his father and brother"
_ONE_KIN: Final = re.compile(rf"(?:{_KIN})\b")


def _kin_of_kin(kin: re.Match[str]) -> bool:
    """True when the victim is one kin opened by a possessive and the companion one more kin
    named bare ("his father and brother")."""
    victim = kin.group("victim").rstrip()
    return (
        kin.group("own") is not None
        and _ONE_KIN.fullmatch(kin.group("bare")) is not None
        and victim.rsplit(" ", 1)[-1] in _KIN_WORDS
    )


def _own_length(item: str) -> int:
    """The length of the possessive opening ``item`` ("his ", "their "), or 0."""
    own = _OWN_START.match(item.lstrip())
    return own.end() if own is not None else 0


def kin_subjects(low: str, lo: int, hi: int) -> list[Span]:
    """ "the party leader and his son were killed": two people before one plural verb."""
    return [
        victim_span(m, m.start(), 2)
        for m in _KIN_SUBJECT.finditer(low, lo, hi)
        if not low.endswith("s ", lo, m.start())  # "the rebels and his ...": many
    ]


# "his wife and son were also shot dead": two kin of someone named before
_KIN_PAIR: Final = re.compile(
    rf"(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{_KIN})\s+and\s+(?:(?:his|her|their)\s+)?"
    rf"(?:[\w-]+\s+)?(?:{_KIN})\s+were\s+{ADVERB}(?:shot\s+and\s+)?(?:{TRIGGER})\b"
)
_POSSESSIVES: Final = ("his ", "her ", "their ")
# the first kin of a pair and "and": one of these is in every sentence a kin pair is in
KIN_PAIR_GATES: Final = ("wife and ", "son and ", "daughter and ", "husband and ", "brother and ",
                         "sister and ", "mother and ", "father and ", "child and ", "children and ",
                         "nephew and ", "driver and ", "guard and ")  # fmt: skip


def kin_pairs(low: str, lo: int, hi: int, part: str) -> list[Span]:
    """ "his wife and son were shot dead": two people before one plural verb, tried at each
    possessive that starts a word (``str.find`` is much faster than a regex search)."""
    spans = []
    for word in _POSSESSIVES:
        pos = low.find(word, lo, hi) if word in part else -1
        while pos != -1:
            if pos == 0 or not low[pos - 1].isalnum():
                pair = _KIN_PAIR.match(low, pos, hi)
                if pair is not None:
                    spans.append(victim_span(pair, pos, 2))
            pos = low.find(word, pos + 1, hi)
    return spans


# "killed a couple", "a couple travelling home were shot and killed": two people
_A_COUPLE: Final = r"(?:a|an|the)\s+(?:young\s+|elderly\s+|married\s+|old\s+)?couple\b(?!\s+of\b)"
_COUPLE_OBJECT: Final = re.compile(
    r"(?P<killed>kill(?:ed|ing|s)?|shot\s+dead|murdered|lynched|hacked\s+to\s+death)\s+" + _A_COUPLE
)
_COUPLE_SUBJECT: Final = re.compile(
    rf"\b{_A_COUPLE}[^.;,]{{0,60}}?\s(?:were|was|is|are|have\s+been|has\s+been)\s+{ADVERB}"
    rf"(?:shot\s+and\s+)?(?:{TRIGGER})\b"
)


# "a couple and their son were killed": one more person joined to the couple
_AND_ONE: Final = re.compile(
    r"couple\s+and\s+(?:their|a|an|one)\s+(?:[\w'-]+\s+)?(?:[\w'-]+)\s+(?:were|are|have)\b"
)


def couples(low: str, lo: int, hi: int) -> list[Span]:
    """ "gunmen killed a couple": a couple is two victims; "a couple and their son were
    killed" three."""
    found = [*_COUPLE_OBJECT.finditer(low, lo, hi), *_COUPLE_SUBJECT.finditer(low, lo, hi)]
    return [
        victim_span(m, m.start(), 3 if _AND_ONE.search(m.group()) else 2)
        for m in found
        if not low[m.start() - 1 : m.start()].isalpha()
    ]


# "an Indian policeman and a civilian were killed": two people, one named after the other
_ONE_OF_TWO: Final = (
    rf"(?:(?!(?:{STOP_WORDS}|and|was|were|is|are|been|{NOT_ONE}|{ANY_TRIGGER})\b)"
    r"[\w().'/\"-]+\s+){1,5}?"
)
# the look-ahead after the first word is what every pair needs ("and a", "along with his"
# within five words): it spares the costly check of each word at the many "a"/"the" that
# start no pair (possessive, "++": a word or space given back could never match)
_PAIR_AHEAD: Final = (
    r"(?=\s++(?:[\w().'/\"-]++\s++){1,5}?(?:and|along\s+with)\s+(?:a|an|one|another|his|her)\s)"
)
_PAIR: Final = re.compile(
    rf"(?:a|an|one|the){_PAIR_AHEAD}\s+{_ONE_OF_TWO}(?:and|along\s+with)\s+"
    r"(?:a|an|one|another|his|her)\s+"
    rf"{_ONE_OF_TWO}"
    rf"(?:(?:were|have\s+been|had\s+been)\s+{ADVERB}(?:shot\s+and\s+)?|(?:have\s+|had\s+)?)"
    rf"(?:{TRIGGER})\b"
)
# an object right after the verb: the pair are the killers ("a herder and his son killed a
# farmer"), not the dead
_ACTIVE_OBJECT: Final = re.compile(r"\s+(?:a|an|the|his|her|their|one|another|two|three|\d+)\s")
_NO_OBJECT: Final = ("died", "perished", "succumbed", "dead")  # "died the next day"
PAIR_GATES: Final = (" and a ", " and an ", " and one ", " and another ", " and his ", " and her ",
                     " along with ")  # fmt: skip
# as a set: ``words.isdisjoint`` then reads the sentence's few gate words, not each gate
_PAIR_SET: Final = frozenset(PAIR_GATES)
# "killing a soldier and a civilian", "killing herself and a guard": a second person joined
# to one victim of a killing verb (the rest of the first noun phrase, then "and a ...", no
# verb of its own: not "killed a man and a woman was hurt")
_NOT_VERB: Final = r"(?!(?:and|was|were|is|are|has|had)\b)"
# "killing a teacher, a nurse and a farmer": more people listed before the one after "and"
_LISTED_WORD: Final = rf"(?!(?:said|says|told)\b){_NOT_VERB}[\w'-]+"


def _more_listed(group: str) -> str:
    """Single people listed after the first with commas (", a nurse, a farmer"), as ``group``."""
    return (
        rf"(?P<{group}>(?:,\s+(?:a|an|another)\s+(?:{_LISTED_WORD}\s+){{0,3}}?{_LISTED_WORD})"
        r"{0,5}),?"
    )


_AND_ONE_MORE: Final = re.compile(
    rf"[\w'-]*(?:\s+{_NOT_VERB}[\w'-]+){{0,5}}?(?:{_more_listed('listed')}\s+and\s+(?:(?:a|an|one|another)\s+"
    rf"(?:{_NOT_VERB}[\w'-]+\s+){{0,4}}?{_NOT_VERB}[\w'-]+|(?:his|her|their)\s+(?:[\w'-]+\s+){{0,2}}?"
    # ... or a bare singular person noun: "killed a police officer and civilian"
    rf"(?:{_KIN})|(?:{ONE_VICTIM_NOUN_ALTERNATION})\b)(?=\s*(?:[,.;(]|$)|\s+(?:in|at|on|near|"
    r"outside|inside|who|while|when|after|as|from|during|before|by|leaving)\b)"
    # ... or a figure, a mention of its own: "a soldier, a policeman and two civilians"
    rf"|{_more_listed('before')}\s+and\s+(?=\d|(?:{NUMBER_WORDS})\s))"
)


def and_one_more(low: str, hi: int, span: Span) -> Span:
    """``span`` of one victim of a killing verb, made two when a second person is joined to it
    with "and a ..." (and one more for each listed before: "a teacher, a nurse and a ...")."""
    start, end, kind, trigger, count = span
    if kind != "killed" or low.find(" and ", end, min(hi, end + 100)) == -1:
        return span
    more = _AND_ONE_MORE.match(low, end, min(hi, end + 160))
    if more is None:
        return span
    if more.group("before") is not None:  # the figure after "and" is a mention of its own
        return (start, end, kind, trigger, count + more.group("before").count(","))
    return (start, more.end(), kind, trigger, count + 1 + more.group("listed").count(","))


# a capitalised word of a name, with a particle before it ("al-Lafi", "al Qasim", "bin
# Said") or an opening apostrophe ("'Ani")
_PARTICLES: Final = r"al|el|ad|as|ash|at|ar|az|an|bin|ibn|abu|bint|ul|ud|de|da|del|van|von"
NAME_WORD: Final = rf"(?:(?:{_PARTICLES})[-\s])?['\u2019]?[A-Z][\w'\u2019.-]*"
# capitalised first words that open no name ("Police", "They")
NOT_NAMES: Final = frozenset({"the", "they", "we", "who", "many", "others", "both", "all", "some",
                              "police", "it", "there", "most", "these", "those",
                              "several"})  # fmt: skip
# ... nor a name of a list: a date or a word that opens a sentence ("On Monday, Ali and ...")
_NOT_LISTED_NAMES: Final = (
    "|".join(NOT_NAMES) + r"|a|an|another|one|two|three|four|on|in|at|after|before|when|while|"
    r"yesterday|today|meanwhile|however|earlier|later|separately|elsewhere|also|but|and|"
    + "|".join(CALENDAR_WORDS)
)
# "a teacher, a nurse and a farmer were killed", "Al-Hermas and al-Khid were killed",
# "Fahdawi, a police chief, and another person were killed": single people, each a name (an
# age may follow) or a phrase opened by "a", listed before one plural verb
_ONE_LISTED: Final = (
    r"(?:[Aa]n?|[Aa]nother)\s+(?:(?!(?:and|or|of|were|was|who|with|in|at|on)\b)[\w'-]+\s+){0,4}?"
    r"(?!(?:and|or)\b)[\w'-]+(?<![^'s]s)"
)
_NAME_LISTED: Final = (
    # the capital looked for first: the words that open no name are tested only before one
    rf"(?:(?=['\u2019]?[A-Z])(?!(?i:{_NOT_LISTED_NAMES})\b)|(?=(?:{_PARTICLES})[-\s]))"
    rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
    r"(?:\s+\(\d{1,3}\)|,\s+\d{1,3}(?=,))?"
)
# one person's name ("Ahmad", "al-Khid", "Ali Khan (23)")
ONE_NAME: Final = re.compile(_NAME_LISTED)
_LISTED_ITEM: Final = rf"(?:{_ONE_LISTED}|{_NAME_LISTED})"
_LISTED: Final = re.compile(
    rf"(?<![\w'\u2019-]){_LISTED_ITEM}(?:,\s+{_LISTED_ITEM}){{0,6}},?\s+and\s+{_LISTED_ITEM},?\s+$"
)
# "killed Ahmed Khan, Ali Hassan and Omar Said": the same list after a killing verb
_LISTED_AFTER: Final = re.compile(
    rf"{_LISTED_ITEM}(?:,\s+{_LISTED_ITEM}){{0,6}},?\s+and\s+{_LISTED_ITEM}(?=\s*[.;(]|,\s+(?!\d)|"
    r"\s+(?:on|in|at|near|outside|inside|while|when|after|as|from|during)\b|$)"
)
_LAST_LISTED: Final = re.compile(rf"{_LISTED_ITEM},?\s+")
# "were killed", "were found dead", "died": the verb a list before it, at one of ``_LISTED_AT``
_LISTED_VERB: Final = re.compile(
    rf"(?:were\s+{ADVERB}(?:shot\s+and\s+|found\s+|pronounced\s+)?)?(?:{TRIGGER})\b"
)
_LISTED_AT: Final = (" were ", " died")
_LISTED_BREAK: Final = re.compile(r"(,\s+(?:and\s+)?|\s+and\s+)")
# a list after one of these is no subject: "members of Hamas and Fatah were killed"
_NOT_SUBJECT: Final = (" of ", " in ", " at ", " on ", " from ", " by ", " with ", " for ", " to ",
                       " between ", " against ", " among ", " near ", " across ", " around ",
                       " inside ", " outside ", " into ", " under ", " over ", " through ",
                       " throughout ", " within ", " beyond ", " towards ", " toward ", " like ",
                       " the ", " and ")  # fmt: skip
_ARTICLES: Final = ("a ", "an ", "another ")
# the endings of names with a final "s" ("Abbas", "Yunus"), not of a people ("Afghans")
_NAME_ENDS: Final = ("ss", "as", "us", "os", "es")


def listed_people(low: str, lo: int, hi: int, text: str, part: str) -> list[Span]:
    """ "a teacher, a nurse and a farmer were killed": each single person listed before "were"
    and a trigger or "died", tried at each of ``_LISTED_AT`` (``text`` is the original: names
    are capitalised)."""
    spans = []
    for mark in _LISTED_AT if " and " in part else ():
        pos = low.find(mark, lo, hi) if mark in part else -1
        while pos != -1:
            # the last item follows "and" right before the verb: most verbs have none before
            joined = low.rfind(" and ", max(lo, pos - 60), pos)
            last = joined != -1 and _LAST_LISTED.fullmatch(text, joined + 5, pos + 1) is not None
            verb = _LISTED_VERB.match(low, pos + 1, hi) if last else None
            found = _LISTED.search(text, max(lo, pos - 160), pos + 1) if verb else None
            if found is not None and verb is not None and _subject_at(low, lo, found.start()):
                count = _listed_count(found.group())
                if count > 1:
                    spans.append(victim_span(verb, found.start(), count))
            pos = low.find(mark, pos + 1, hi)
    return spans


def listed_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """``(end, people)`` of two or more single people listed at ``pos``, after a killing verb
    ("killed Ahmed Khan, Ali Hassan and Omar Said" is 3), if they are."""
    found = _LISTED_AFTER.match(text, pos, hi)
    if found is None:
        return None
    count = _listed_count(found.group())
    return (found.end(), count) if count > 1 else None


def _subject_at(low: str, lo: int, start: int) -> bool:
    """True when no preposition comes right before ``start`` ("of Hamas and ...")."""
    return not f" {low[max(lo, start - 14) : start]}".endswith(_NOT_SUBJECT)


def _listed_count(listed: str) -> int:
    """How many people ``listed`` names: each item one, but an age ("Ali, 23,") and a phrase
    that tells what the name before it was ("Fahdawi, a police chief,"); 0 when a name is a
    people ("Palestinians")."""
    pieces = _LISTED_BREAK.split(listed.strip().rstrip(","))
    count, named = 0, False
    for i in range(0, len(pieces), 2):
        item, after = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else ""
        if item.isdigit():
            continue
        if item.lower().startswith(_ARTICLES):
            count += not (named and after.startswith(","))
            named = False
            continue
        if item.endswith("s") and not item.endswith(_NAME_ENDS):
            return 0
        count, named = count + 1, True
    return count


def joined_pairs(low: str, lo: int, hi: int, words: Set[str]) -> list[Span]:
    """ "a policeman and a civilian were killed": two people, where the sentence joins two
    singular phrases with "and" before one verb."""
    if words.isdisjoint(_PAIR_SET):
        return []
    found = []
    pos = lo
    while (match := word_search(_PAIR, low, pos, hi)) is not None:
        span = victim_span(match, match.start(), 2)
        if low.startswith(_NO_OBJECT, span[3][0]) or not _ACTIVE_OBJECT.match(low, span[1], hi):
            found.append(span)
        pos = match.end()
    return found
