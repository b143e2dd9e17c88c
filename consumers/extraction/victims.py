"""One-victim rules: deaths told without a figure, counted one (or two) each.

A singular subject ("a soldier was killed", "Kyle Brown was shot and killed", "the driver
later died", "a leader, who was injured in the clash, died"), a victim as an object
("leaving a guard dead", "beat him to death", "killed the farmer", "executed the mayor",
"killed Jonti Ali"), one death told without a subject ("killing himself", "his body was
recovered") and two people joined before one verb ("a policeman and a civilian were killed",
:mod:`pairs`).
:func:`find_spans` returns them as :data:`~consumers.extraction.triggers.Span`; the caller
keeps those that no figure already covers.
"""

from __future__ import annotations

import re
from collections.abc import Set
from typing import Final

from consumers.extraction import burnings, headline_grammar
from consumers.extraction.actors import ARMED_GROUPS
from consumers.extraction.far_verbs import AND_DIED
from consumers.extraction.matching import KeySearch, branched, ends_with_any, word_search
from consumers.extraction.numbers import words_to_int
from consumers.extraction.pairs import (
    KIN_GATES,
    KIN_PAIR_GATES,
    NAME_WORD,
    NOT_NAMES,
    PAIR_GATES,
    and_one_more,
    couples,
    joined_pairs,
    kin_pairs,
    kin_subjects,
    listed_after,
    listed_people,
    with_kin,
)
from consumers.extraction.triggers import (
    ADVERB,
    EXECUTED_THINGS,
    NOT_DONE,
    NOT_ONE,
    ON_DATE,
    PLURAL_BE,
    STOP,
    STOP_WORDS,
    TRIGGER,
    Span,
    victim_span,
)

# the kin gates as sets: ``words.isdisjoint`` then reads the sentence's few gate words
_KIN_SET: Final = frozenset(KIN_GATES)
_KIN_PAIR_SET: Final = frozenset(KIN_PAIR_GATES)


def find_spans(
    low: str, lo: int, hi: int, text: str, part: str, words: Set[str],
    common: list[tuple[int, int, int]] | None = None,
) -> list[Span]:  # fmt: skip
    """One-victim phrases of the sentence ``low[lo:hi]`` (``part``, whose :data:`GATE_WORDS`
    are ``words``), in the order the caller takes them; ``text`` is the original text (names
    are capitalised), or empty; ``common`` the matches in ``part`` of an automaton whose
    first keys are :data:`COMMON_WORDS`, when the caller has them."""
    spans = listed_people(low, lo, hi, text, part) if text else []
    spans += joined_pairs(low, lo, hi, words) + _died_spans(low, lo, hi, text, words)
    if common is None:
        common = _COMMON_KEYS.find(part)  # "was ", " a ", ...: one pass for both rules
    spans += _tail_spans(low, lo, hi, text, common) + _object_spans(
        low, lo, hi, part, words, common
    )
    if text:
        spans += _named_objects(low, lo, hi, text, words)
    spans += burnings.spans(low, lo, hi, words)
    if not words.isdisjoint(_KIN_SET):  # "and his driver"
        spans = kin_subjects(low, lo, hi) + [with_kin(low, hi, s) for s in spans]
    elif not words.isdisjoint(_KIN_PAIR_SET):  # "killed his father and brother"
        spans = [with_kin(low, hi, s) for s in spans]
    if not words.isdisjoint(_KIN_PAIR_SET):  # "his wife and son were"
        spans = kin_pairs(low, lo, hi, part) + spans
    if "couple" in words:  # "killing a couple and their daughter": three
        spans = [and_one_more(low, hi, c) for c in couples(low, lo, hi)] + spans
    return spans


# "killed a", "shot dead one", "gunned down another": a singular object may follow
_OBJECT_WORDS: Final = (" a ", " an ", " one ", " another")
# "was killed", "is shot dead", "been shot dead": the literal each singular tail opens with
_TAIL_WORDS: Final = ("was ", " is ", "been ")
# both in one automaton, whose one pass over a sentence finds every one of them (where a
# ``str.find`` loop per word, each after an ``in`` test, read the sentence seven times):
# ``(key index, start, end)`` in the sentence, the keys of ``_TAIL_WORDS`` first (a caller's
# automaton may add keys of its own after these)
COMMON_WORDS: Final = (*_TAIL_WORDS, *_OBJECT_WORDS)
_COMMON_KEYS: Final = KeySearch(list(COMMON_WORDS))
_TAIL_KEYS: Final = len(_TAIL_WORDS)
_COMMON_COUNT: Final = len(COMMON_WORDS)
# "killed by machete a herder": the weapon between a killing verb and its object
_WEAPON_WORDS: Final = ("machete", "knife", "axe", "arrow", "spear", "hammer")
_WEAPONS: Final = "|".join(_WEAPON_WORDS)
# the last word of every verb of ``_SINGULAR_OBJECT`` (its ``trig`` group)
_VERB_ENDS: Final = ("killed", "killing", "kill", "kills", "lynch", "lynches", "behead", "beheads",
                     "dead", "down", "murdered", "assassinated", "assassinating", "murdering",
                     "assassinate", "assassinates",
                     "slaughtered", "beheaded", "beheading", "decapitated", "decapitating", "slew",
                     "lynched", "lynching", "death",
                     "wounded", "wounding", "injured", "injuring", "abducted", "kidnapped",
                     "abducting", "kidnapping", "arrested", "detained", "arresting", "detaining",
                     "executed", "executing",
                     *_WEAPON_WORDS)  # fmt: skip


def _by_tail(ends: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``ends`` by their last two letters (each is three letters or more)."""
    grouped: dict[str, tuple[str, ...]] = {}
    for end in ends:
        grouped[end[-2:]] = (*grouped.get(end[-2:], ()), end)
    return grouped


# ``_VERB_ENDS`` by the two letters before " a ": a word is tested only against the ends it
# may have
_VERB_ENDS_BY_TAIL: Final = _by_tail(_VERB_ENDS)
# "was shot and", "is attacked and", "was hit by a stray bullet and": a first verb joined to
# the killing one ("an officer is mobbed and killed", "a man is abducted and beheaded")
_DONE_AND: Final = (
    r"shot\s+and\s+|(?:shot|hit|beaten|struck|[a-z]{3,}ed)\s+(?:by\s+(?:(?!(?:is|was|he|she|"
    r"and)\b)[\w-]+\s+){1,5}?)?and\s+(?:then\s+|later\s+)?(?!succumb)"
)
_SINGULAR: Final = re.compile(
    branched(
        rf"(?:a|an|another)\s+(?:(?!(?:{STOP_WORDS}|{NOT_ONE}|and)\b)[\w().'/,\"-]+\s+){{0,9}}?"
        rf"(?:was|is|has\s+been|had\s+been)\s+{ADVERB}(?:shot\s+and\s+)?(?:{TRIGGER})\b"
    ),
)

# "a shop employee has died", "an army jawan died": one person, with no "was" before the verb
_DIED_SUBJECT: Final = (
    rf"(?:(?:a|an|another|the|one)\s+(?:(?!(?:{STOP_WORDS}|{NOT_ONE}|and)\b)[\w().'/,\"-]+\s+){{0,9}}?|"
    r"(?:he|she)\s+)"
)
_DIED_VERB: Final = (
    # "a supporter on 13 Feb lost his life": a date between the subject and its verb
    # "a fighter reportedly died of his injuries": the stop words that may come before it
    rf"(?:{ON_DATE})?(?:reportedly\s+|also\s+)?(?:has\s+|had\s+|later\s+|then\s+|finally\s+)?"
    r"(?P<killed>died|succumbed|lost\s+(?:his|her)\s+life|took\s+(?:his|her)\s+own\s+life|"
    r"(?:killed|fatally\s+shot)\s+(?:himself|herself))\b"
)
_SINGULAR_DIED: Final = re.compile(branched(_DIED_SUBJECT + _DIED_VERB))
# "a shepherd stepped on a landmine and died", "the guard was caught in crossfire and died":
# one person, a first verb and its phrase, then "and died" with no subject of its own
_SINGULAR_AND_DIED: Final = re.compile(
    rf"(?:a|an|the|one)\s+(?:(?!(?:{STOP_WORDS}|{NOT_ONE}|and)\b)[\w().'/\"-]+\s+){{0,4}}?"
    + AND_DIED
)
# the same with a relative clause: "a leader, who was injured in a clash, died" (not a plural
# verb of its own: "the people who have died", "those ... who were wounded and died")
_SINGULAR_WHO_DIED: Final = re.compile(
    branched(_DIED_SUBJECT + r",?\s*who\s(?!(?:have|were|are)\b)[^;]{1,150}?,?\s+" + _DIED_VERB)
)
_DIED_WORDS: Final = ("died", "succumbed", "life", "himself", "herself")


def _tail_pattern(first_verb: str) -> re.Pattern[str]:
    """The end of a singular phrase ("was killed", "is pronounced dead"), with
    ``first_verb`` (an alternative, "|" after it) tried first before the trigger."""
    return re.compile(
        branched(
            rf"(?:was|is|been)\s+{ADVERB}(?:{first_verb}pronounced\s+|declared\s+|found\s+|"
            rf"discovered\s+)?(?:{TRIGGER})\b"
        )
    )


# the end of a singular phrase, found first: it is rarer than the articles that open one
# ("was sexually assaulted and later killed": an adverb of the first verb)
_SINGULAR_TAIL: Final = _tail_pattern(rf"(?:[a-z]{{3,}}ly\s+)?(?:{_DONE_AND})|")
# the same without the first verb joined by "and": no match differs where no "and" before
# white space follows, and there it is much cheaper to try
_TAIL_WITHOUT_AND: Final = _tail_pattern("")

# "killing an unknown number of soldiers": many, not one
_SOME_NUMBER: Final = (
    r"(?:unknown|undisclosed|unspecified|untold|large|great|small|huge)\s+number\b"
)
# "killed a three years old girl", "a 7-year-old": a figure that is an age opens one victim
_NOT_AGE: Final = r"(?![- ]years?[- ]old\b)"
_SINGULAR_OBJECT: Final = re.compile(
    rf"(?P<trig>(?P<killed>(?:killed|killing)\s+(?:by|with)\s+(?:an?\s+)?(?:{_WEAPONS})|"
    r"killed|killing|(?<![a-z])(?:kills?|lynch(?:es)?|beheads?)|shot\s+dead|"
    # a note's present tense too: "gunmen assassinate a judge", "police gun down a suspect"
    r"shooting\s+dead|gunned\s+down|guns?\s+down|murdered|assassinat(?:ed|ing|es?)|"
    r"murdering|slaughtered|beheaded|beheading|decapitated|decapitating|"
    r"shot\s+and\s+killed|slew|lynched|lynching|(?:tortured|beaten|"
    r"hacked|chopped|stabbed|burnt|burned|stoned|clubbed|beat|shot|lynched|bludgeoned)\s+to\s+death|"
    r"shoots?\s+dead|(?:executed|executing)(?!\s+(?:a|an|another|one)\s+(?:[\w-]+\s+)?"
    rf"(?:{EXECUTED_THINGS})\b))|(?P<wounded>wounded|wounding|injured|injuring)|"
    r"(?P<hostage>abducted|kidnapped|abducting|kidnapping)|"
    r"(?P<detained>arrested|detained|arresting|detaining))\s+(?:(?:a|an|another|one)\s+"
    rf"(?!(?:{STOP}|{NOT_ONE})\b{_NOT_AGE}|family\s+of\b|{_SOME_NUMBER})[\w(]|another\b(?!\s+\d))",
)


# two to four capitalised words, maybe an age, right before "was killed": a named victim
_NAMED: Final = re.compile(
    r"(?:^|(?<=[\s(\"']))(?P<name>(?:[A-Z][\w'\u2019.-]*\s+){2,4}(?:\(\d{1,3}\)\s*|,\s*\d{1,3},\s*)?)$"
)

_AGE_ENDS: Final = (")", ",")  # "Ali Khan (30) was killed", "Ali Khan, 30, was killed"


def _may_end_named(text: str, lo: int, end: int) -> bool:
    """False when ``text[lo:end]`` cannot end as ``_NAMED`` does: its last word, after white
    space, not capitalised, and no age after it."""
    head = text[lo:end].rstrip()
    if head.endswith(_AGE_ENDS):
        return True
    at = len(head)
    while at > 0 and not head[at - 1].isspace():
        at -= 1
    return 0 < at < len(head) and "A" <= head[at] <= "Z"


# "Abdur Rahim died", "Ovi succumbed", "Govind Pansare, who was shot ..., died", "Captain
# al-Amin died": a name (an Arabic article may open its last words)
_NAMED_DIED: Final = re.compile(
    branched(
        r"(?:^|(?<=[\s(\"']))(?P<name>[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z]|al-|el-)[\w'\u2019.-]*){0,3})"
        # an age or a relative clause right after the name ("Ali Khan, 30, died", "Ali Khan, who
        # was shot on Monday, died")
        r"(?:,\s*\d{1,3},)?(?:,?\s*who\s[^;]{1,150}?,)?"
        r"\s+(?:has\s+|had\s+|later\s+|then\s+|finally\s+)?$"
    )
)


def _named_before_died(text: str, lo: int, end: int) -> int | None:
    """Where the name ends up the subject of "died"/"succumbed" ending at ``end``, if one is."""
    verb = text.rfind(" ", lo, end) + 1
    if not text.startswith(("died", "succumbed"), verb):
        return None
    reach = 200 if text.find(" who ", max(lo, verb - 200), verb) != -1 else 60
    name = _NAMED_DIED.search(text, max(lo, verb - reach), verb)
    if name is None:
        return None
    words = name.group("name").split()
    if words[0].lower() in NOT_NAMES or words[-1].endswith("s") and not words[-1].endswith("ss"):
        return None
    return name.start("name")


def _tails(low: str, lo: int, hi: int, common: list[tuple[int, int, int]]) -> list[re.Match[str]]:
    """Every "was killed", "is shot dead", "been shot dead" of ``low[lo:hi]``, looked for
    only after the literal "was ", " is " or "been " (``common``, the matches of
    ``_COMMON_KEYS`` in the sentence: an automaton is much faster than a regex search)."""
    tails = []
    and_at = -2  # where the last "and" before white space starts, once asked
    for key, at, _ in common:
        if key >= _TAIL_KEYS:
            continue  # " a ", " an ", ...
        if and_at == -2:
            and_at = _last_and(low, lo, hi)
        start = lo + at + (key == 1)  # " is ": its white space is no part of the tail
        tail = (_SINGULAR_TAIL if and_at > start else _TAIL_WITHOUT_AND).match(low, start, hi)
        if tail is not None:
            tails.append(tail)
    return sorted(tails, key=lambda t: t.start()) if len(tails) > 1 else tails


def _last_and(low: str, lo: int, hi: int) -> int:
    """Where the last "and" of ``low[lo:hi]`` followed by white space starts, or -1."""
    pos = low.rfind("and", lo, hi)
    while pos != -1 and not (pos + 3 < hi and low[pos + 3].isspace()):
        pos = low.rfind("and", lo, pos)
    return pos


def _ending_at(pattern: re.Pattern[str], low: str, lo: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``low[lo:end]`` that starts a word and ends at ``end``
    ("a civilian was wounded", not the "a soldier was killed" before it)."""
    while (match := word_search(pattern, low, lo, end)) is not None:
        if match.end() == end:
            return match
        lo = match.start() + 1
    return None


# "they appeared to have been ...", "2 members who are suspected to have been shot dead": a
# plural subject (a pronoun, or a relative clause's verb) before "to have been"
_PLURAL_SUBJECT: Final = (" they ", " who are ", " who were ")
# the word before "was killed" when it is no person: "it was", "there was"
_NOT_A_PERSON: Final = frozenset({"it", "this", "there", "what", "which", "nothing", "none",
                                  "nobody", "they"})  # fmt: skip


def _one_subject(low: str, lo: int, pos: int) -> bool:
    """True when the subject of the singular verb at ``pos`` ("... was killed") may be one
    person: a "was" has one subject, unless that subject is "it" or "there"."""
    words = low[max(lo, pos - 40) : pos].split()
    if words[-2:-1] != ["to"] and words[-1:] == ["have"]:
        return False  # "they have been killed"; not "was found to have been killed"
    if words[-2:] == ["to", "have"] and any(
        w in f" {' '.join(words[-6:-2])} " for w in _PLURAL_SUBJECT
    ):
        return False  # "they appeared to have been strangled": people told before
    return bool(words) and words[-1].strip(",") not in _NOT_A_PERSON


def _word_ends(
    low: str, lo: int, hi: int, targets: tuple[str, ...], words: Set[str], at_space: bool
) -> list[int]:
    """Where each of ``targets`` that the scanner found (``words``) ends in ``low[lo:hi]``
    before a non-word character; with ``at_space``, only where it starts a text or follows a
    space."""
    ends = []
    for word in targets:  # a set test each (most sentences hold none of them)
        pos = low.find(word, lo, hi) if word in words else -1
        while pos != -1:
            end = pos + len(word)
            if (end == len(low) or not low[end].isalnum()) and (
                not at_space or pos == 0 or low[pos - 1] == " "
            ):
                ends.append(end)
            pos = low.find(word, end, hi)
    return ends


# the figures an object of "stabbed three traders to death" may open with
_NUMBER_WORDS: Final = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve")  # fmt: skip
_SMALL_NUMBERS: Final = "|".join(_NUMBER_WORDS)
# "leaving Mazid dead", "shot Jubo Dal leader Nurul Amin dead", "beat him to death", "burned
# two robbers to death" (a figure opening the object is its count)
_OBJECT_DEAD: Final = re.compile(
    r"(?:leaving|left|leave|leaves|shot|shoots|shooting|beat|beats|beating|stabbed|stabbing|"
    r"stabs|hacked|hacking|hacks|chopped|chopping|tortured|torturing|burnt|burned|burning|burns|"
    r"stoned|stoning|stone|slashed|slashing|slashes|clubbed|lynched|bludgeoned)\s+"
    rf"(?P<obj>(?:(?:\d{{1,3}}|{_SMALL_NUMBERS})\s+)?(?:(?!(?:{STOP}|was|were|is|are|"
    r"pronounced|declared|found|times)\b)[\w().'/\"-]+,?\s+)"
    r"{1,8}?)(?P<killed>dead|to\s+death)\b"
)
_PAIR_WORDS: Final = {"both": 2, "duo": 2, "pair": 2, "couple": 2, "trio": 3}
_MANY_WORDS: Final = frozenset({"them", "many", "several", "some", "scores", "dozens", "others",
                                "people", "us", "all"})  # fmt: skip


def _object_count(obj: str) -> int:
    """People in the object of "leaving ... dead": one, "both"/"the duo" two, "Faruk and Alam"
    two, "three herders" three; 0 for a plural ("the villagers", "them") or a second verb
    alone ("lynched and burned to death"); "beat him and burned him" is one."""
    words = obj.replace(",", " ").split()
    if words[0].isdigit():
        return int(words[0])
    if words[0] in _NUMBER_WORDS:
        return words_to_int(words[0]) or 0
    for word in words:
        if word in _PAIR_WORDS:
            return _PAIR_WORDS[word]
    last = words[-1]
    if _MANY_WORDS.intersection(words) or last.endswith("s") and not last.endswith("ss"):
        return 0
    if words[0] == "and":
        return 0  # "lynched and burned to death a thief": a second verb, its object after it
    pairs = zip(words, words[1:], strict=False)
    return 1 + sum(w == "and" and v not in _SECOND_VERBS for w, v in pairs)


# "beat him and burned him to death": a second verb of one victim after "and", no second person
_SECOND_VERBS: Final = frozenset({"burned", "burnt", "set", "stabbed", "hacked", "beat", "beaten",
                                  "stoned", "clubbed", "lynched", "shot", "tortured", "chopped",
                                  "slashed", "bludgeoned", "then", "later"})  # fmt: skip


_DEAD_WORDS: Final = (" dead", " to death")


def _object_gates(low: str, lo: int, common: list[tuple[int, int, int]]) -> list[int]:
    """Where a verb that may take a singular object ends ("kill|ed a man"), found after the
    article words of ``common`` (the matches of ``_COMMON_KEYS`` in the sentence that starts
    at ``lo``), much faster than a regex over the sentence."""
    ends = []
    for key, at, _ in common:
        if key < _TAIL_KEYS or key >= _COMMON_COUNT:
            continue  # "was ", " is ", "been ", or a key of the caller
        pos = lo + at
        verb_ends = _VERB_ENDS_BY_TAIL.get(low[pos - 2 : pos])
        if verb_ends is not None and ends_with_any(low, verb_ends, lo, pos):
            ends.append(pos)
    return sorted(ends)


def _object_at(low: str, start: int, verb_end: int, end: int) -> re.Match[str] | None:
    """The singular-object phrase whose verb ends at ``verb_end`` ("kill|ed a"), if any."""
    while (obj := _SINGULAR_OBJECT.search(low, start, end)) is not None:
        if obj.end("trig") == verb_end:
            return obj
        start = obj.start() + 1
    return None


# "the plan was executed", "a search warrant that was executed": a thing, no one killed
_THING_EXECUTED: Final = re.compile(rf"\b(?:{EXECUTED_THINGS})(?:\s+(?:that|which))?\s+$")


def _tail_spans(
    low: str, lo: int, hi: int, text: str, common: list[tuple[int, int, int]]
) -> list[Span]:
    """ "a soldier was killed", "Kyle Brown was shot and killed", "the commander was
    pronounced dead": one subject of a singular verb (``common``: the matches of
    ``_COMMON_KEYS`` in the sentence)."""
    spans = []
    for tail in _tails(low, lo, hi, common):
        if low.find("execut", tail.start(), tail.end()) != -1 and _THING_EXECUTED.search(
            low, max(lo, tail.start() - 40), tail.start()
        ):
            continue
        match = _ending_at(_SINGULAR, low, max(lo, tail.start() - 160), tail.end())
        if match is not None:
            spans.append(victim_span(match, match.start()))
        elif (
            text
            and _may_end_named(text, max(lo, tail.start() - 60), tail.start())
            and (name := _NAMED.search(text, max(lo, tail.start() - 60), tail.start()))
        ):
            spans.append(victim_span(tail, name.start("name")))
        elif _one_subject(low, lo, tail.start()):
            spans.append(victim_span(tail, tail.start()))
    return spans


# "the campaign died down", "the protests died out" (not "died down the road")
_SUBSIDED: Final = re.compile(r"died\s+(?:down|out)\b(?!\s+the\b)")
# "the plan died in committee", "a truce that died within hours": the subject's head is a
# thing, not a person (no preposition before it: "a soldier on patrol died" is a soldier)
_THING_DIED: Final = re.compile(
    r"(?:a|an|the|another)\s+(?:(?!(?:on|in|at|of|with|from|for|near|during|by|and)\b)"
    rf"[\w-]+\s+){{0,2}}?(?:{EXECUTED_THINGS}|proposals?|bills?|talks|negotiations?|truces?|"
    r"cease-?fires?|motions?|initiatives?|efforts?|hopes?|ideas?|engines?|process|campaigns?|"
    r"dreams?|treat(?:y|ies)|laws?|measures?|resolutions?|legislation)\s+"
    r"(?:(?:that|which)\s+)?(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?died\b"
)


def _died_spans(low: str, lo: int, hi: int, text: str, words: Set[str]) -> list[Span]:
    """ "a shop employee has died", "the driver later died", "Maria Lopez succumbed"."""
    spans = []
    for end in _word_ends(low, lo, hi, _DIED_WORDS, words, at_space=True):
        if _SUBSIDED.match(low, end - 4):
            continue  # "the campaign died down": no one died
        start = max(lo, end - 160)
        match = None
        if low.find(" who ", start, end) != -1:
            match = _ending_at(_SINGULAR_WHO_DIED, low, start, end)
        match = match or _ending_at(_SINGULAR_DIED, low, start, end)
        if match is None and low.find(" and ", end - 24, end) != -1:
            match = _ending_at(_SINGULAR_AND_DIED, low, start, end)
        if match is not None:
            if not _THING_DIED.match(low, match.start()):
                spans.append((match.start(), end, "killed", match.span("killed"), 1))
        elif text and (named := _named_before_died(text, lo, end)) is not None:
            spans.append((named, end, "killed", (low.rfind(" ", lo, end) + 1, end), 1))
        elif low.endswith(_WHO_DIED, lo, end):  # "wounding Smith, who later died": one
            who = low.rfind(", who", lo, end) + 2
            spans.append((who, end, "killed", (end - len("died"), end), 1))
    return spans


# "the victim, who died at the hospital", "shot one gang member, who died later", "several were
# hurt, including the chairman, who succumbed to his wounds"
_WHO_DIED: Final = (", who died", ", who later died", ", who succumbed", ", who later succumbed")


# a verb that causes a death named as a noun: "resulted in", "led to", "causing"
_CAUSED: Final = (
    r"(?:result(?:ed|ing|s)?\s+in|led\s+to|leads?\s+to|leading\s+to|caus(?:ed|ing|es?))"
)

# "later found", "recovered" (not "found to be", "found guilty"): a body's discovery
_FOUND_TAIL: Final = (
    r"(?:later\s+|then\s+|subsequently\s+)?(?:recovered|found|discovered)"
    r"(?!\s+(?:to|guilty|responsible|liable)\b)"
)
_WAS_FOUND: Final = rf"(?:was|is|had\s+been|has\s+been)\s+{_FOUND_TAIL}"

# one death told without a subject to count: "..., killing himself", "turned the gun on himself",
# "his bullet-riddled body was recovered", "police recovered the body of a man"; the
# alternatives by the words one of which each needs
_ONE_DEATH_PARTS: Final = {
    ("himself", "herself"): (
        r"(?:killing|killed|kills|fatally\s+shot|fatally\s+shooting)\s+(?:himself|herself)|"
        # "shot his boss before turning the gun on himself"
        r"turn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon|rifle|pistol)\s+on\s+(?:himself|herself)"
    ),
    ("body",): (
        # "his dead body (with a gunshot wound) was later found", "Bello's body was discovered"
        r"(?:his|her|[a-z][\w-]*(?:'s|\u2019s))\s+(?:[\w-]+\s+){0,2}body"
        rf"(?:\s+with\s+[^.;,]{{1,60}}?)?\s+was\s+{_FOUND_TAIL}|"
        r"(?:recovered|found|discovered)\s+the\s+(?:[\w-]+\s+){0,2}body\s+of\s+(?:a|an)\s|"
        r"(?:the|a)\s+(?:[\w-]+\s+){0,2}body\s+of\s+(?:a|an|the)\s[^.;]{1,80}?\s"
        rf"{_WAS_FOUND}|"
        # "a body was found in the town", "a body has been found dumped in a pit"
        rf"\ba\s+body\s+{_WAS_FOUND}"
    ),
    ("death",): (
        rf"{_CAUSED}\s+"
        r"(?:the\s+(?:[a-z]+\s+)?death\s+of\s+(?:a|an|one|his|her|\d{1,3}-year-old)\s|"
        r"(?:his|her)\s+death\b)|"
        # "investigating the shooting death of a man": a death named by how it was caused
        r"(?:shooting|stabbing|beating)\s+death\s+of\s+(?:a|an|one|his|her|\d{1,3}-year-old)\s"
    ),
}
_ONE_DEATH: Final = re.compile(rf"(?P<killed>{'|'.join(_ONE_DEATH_PARTS.values())})")
# where a sentence holds the words of one part only, the other parts cannot match and that
# part is searched alone
_ONE_DEATH_BY_WORDS: Final = tuple(
    (frozenset(needs), re.compile(rf"(?P<killed>{part})"))
    for needs, part in _ONE_DEATH_PARTS.items()
)


# what follows "body" and its white space in every branch of the "body" part: "his body was
# found", "her body with stab wounds was found", "the body of a man", "a body has been found"
_BODY_NEXT: Final = ("was", "with", "of", "is", "has", "had")


def _body_told(low: str, lo: int, hi: int) -> bool:
    """True when a "body" of ``low[lo:hi]`` is followed by white space and one of
    :data:`_BODY_NEXT`, as the "body" part of ``_ONE_DEATH`` needs (most sentences with the
    word tell of a "bodyguard" or a "governing body", and that part is then not searched)."""
    pos = low.find("body", lo, hi)
    while pos != -1:
        after = pos + 4
        while after < hi and low[after].isspace():
            after += 1
        if after > pos + 4 and low.startswith(_BODY_NEXT, after, hi):
            return True
        pos = low.find("body", pos + 1, hi)
    return False


# a word every branch of the "body" part of ``_ONE_DEATH`` holds ("his body was recovered")
_FOUND_WORDS: Final = ("recovered", "found", "discovered")
# ... and of its "death" part: a causing verb (``_CAUSED``) or how the death was caused; "led to",
# "leads to" and "leading to" by the one regex below, since "led" is in every "killed"
_CAUSE_WORDS: Final = ("result", "caus", "shooting", "stabbing", "beating")
_LED_TO: Final = re.compile(r"le(?:d|ads?|ading)\s+to")


def _caused_told(part: str) -> bool:
    """True when the sentence ``part`` holds a word that every branch of the "death" part of
    ``_ONE_DEATH`` needs ("resulted in", "led to", "causing", "shooting death of"): most
    sentences with "death" hold none, and that part, costly to search, is then left out."""
    for word in _CAUSE_WORDS:
        if word in part:
            return True
    return _LED_TO.search(part) is not None


def _one_death_pattern(words: Set[str], low: str, lo: int, hi: int) -> re.Pattern[str] | None:
    """The pattern of one-death phrases worth searching in the sentence ``low[lo:hi]`` with
    the gate ``words``: none, one part of ``_ONE_DEATH``, or all of it. The "body" part is
    left out unless "body" comes before one of :data:`_BODY_NEXT` and the sentence holds a
    word of :data:`_FOUND_WORDS`, the "death" part unless :func:`_caused_told`."""
    if words.isdisjoint(_ONE_DEATH_SET):
        return None
    part = low[lo:hi]
    body = (
        "body" in words and _body_told(low, lo, hi) and any(word in part for word in _FOUND_WORDS)
    )
    caused = "death" in words and _caused_told(part)
    found = [
        pattern
        for needs, pattern in _ONE_DEATH_BY_WORDS
        if not words.isdisjoint(needs)
        and (body or "body" not in needs)
        and (caused or "death" not in needs)
    ]
    if len(found) > 1:
        return _ONE_DEATH
    return found[0] if found else None


_BOTH_KILLED: Final = re.compile(
    r"(?P<killed>killing|killed)\s+both(?:\s+of\s+them)?\b(?!\s+(?:of|sides|groups)\b)"
)
# "both men (who were relatives) were killed", "a pair of thieves are attacked and killed",
# "both victims were pronounced dead": two people before a plural verb; "both victims and an
# attacker were killed": three
_TWO_SUBJECT: Final = re.compile(
    r"(?:both|a\s+pair\s+of)\s+(?!(?:sides|groups|parties|communities|countries|teams|camps|"
    r"clans|factions|villages|towns|vehicles|cars)\b)(?:[\w'-]+\s+){0,3}?(?:\([^()]{1,40}\)\s+)?"
    r"(?P<plus>and\s+(?:a|an)\s+[a-z][\w'-]*\s+)?"
    rf"{PLURAL_BE}(?:[a-z]{{3,}}ed\s+and\s+|pronounced\s+)?(?:{TRIGGER})\b"
)
# "Khan, a chief, and Said, his aide, were both killed": two people, "both" after the verb
_BOTH_AFTER: Final = re.compile(
    rf"(?:were|have\s+been|had\s+been)\s+both\s+{ADVERB}(?:{TRIGGER})\b"
)
_ONE_DEATH_GATE: Final = ("himself", "herself", "body", "death of", "his death", "her death")
_ONE_DEATH_SET: Final = frozenset(
    _ONE_DEATH_GATE
)  # the same for one set test of a sentence's words
_KILLING_OF: Final = (" killing of ", " murder of ")
# "killed and mutilated a guard", "killing and robbing a trader": one victim of two verbs,
# tried around each of these marks
_KILLED_AND: Final = ("killed and ", "killing and ", "lynched and ", "murdered and ",
                      "assassinated and ", "lynches and ", "kills and ")  # fmt: skip
_KILLED_AND_DONE: Final = re.compile(
    r"(?P<killed>(?:killed|killing|lynched|murdered|assassinated|lynches|kills)\s+and\s+"
    r"(?:then\s+)?(?!(?:injur|wound|abduct|kidnap|arrest|detain)\w*)[a-z]{3,}(?:ed|ing|s))\s+"
    r"(?:a|an|one)\s+"
    rf"(?!(?:{STOP}|{NOT_ONE})\b)[\w(]"
)
# "plus the bomber", "plus himself": an attacker who died too, tried at each "plus "
_PLUS_SELF: Final = re.compile(
    r"(?P<killed>plus\s+(?:the\s+)?(?:(?:suicide\s+)?bomber|himself|herself))\b(?!\s*(?:'s|\u2019s))"
)
# "three guards were killed, as was a driver", "as were two others": more dead told after the
# verb of a figure, tried at each ", as was" / ", as were"
AS_WAS: Final = ("as was ", "as were ")
_AS_WAS_GATE: Final = tuple(f", {mark}" for mark in AS_WAS)
_AS_WAS_SET: Final = frozenset(_AS_WAS_GATE)  # the same for one set test of a sentence's words
_AS_WAS: Final = re.compile(
    r"(?:killed|dead|died|slain|murdered|executed),\s+(?P<killed>as\s+(?:was|were))\s+"
    rf"(?:(?:a|an|one|the|his|her)\s|(?P<count>\d{{1,3}}|{_SMALL_NUMBERS})\s)"
)


def _as_was_spans(low: str, lo: int, hi: int) -> list[Span]:
    """ "Three guards were killed, as was a driver": the one (or the figure) told after "as
    was" (or "as were") died too."""
    spans = []
    for mark in _AS_WAS_GATE:
        pos = low.find(mark, lo, hi)
        while pos != -1:
            found = _AS_WAS.search(low, max(lo, pos - 12), min(hi, pos + len(mark) + 12))
            if found is not None and found.start("killed") == pos + 2:
                spans.append((pos + 2, found.end(), "killed", found.span("killed"),
                              _as_was_count(found.group("count"))))  # fmt: skip
            pos = low.find(mark, pos + 1, hi)
    return spans


def _as_was_count(count: str | None) -> int:
    """People after "as was" (one) or "as were" (its figure)."""
    if count is None:
        return 1
    return int(count) if count.isdigit() else words_to_int(count) or 1


# "led to the killing of a member", "resulted in the accidental killing of a man": tried
# around each "killing of" / "murder of"
_CAUSED_KILLING: Final = re.compile(
    r"(?P<killed>(?:result(?:ed|ing)\s+in|led\s+to|leading\s+to|caus(?:ed|ing))\s+the\s+"
    r"(?:[a-z]+\s+)?(?:killing|murder)\s+of\s+(?:a|an|one|\d{1,3}-year-old)\s)"
)


def _marked(
    low: str, lo: int, hi: int, mark: str, pattern: re.Pattern[str], reach: int = 24
) -> list[Span]:
    """One death for each match of ``pattern`` around a ``mark`` of ``low[lo:hi]`` (found
    with ``str.find``, much cheaper than a regex over the sentence), starting at most
    ``reach`` characters before it."""
    spans = []
    pos = low.find(mark, lo, hi)
    while pos != -1:
        found = pattern.search(low, max(lo, pos - reach), min(hi, pos + len(mark) + 24))
        if found is not None and (found.start() == 0 or not low[found.start() - 1].isalnum()):
            spans.append(victim_span(found, found.start()))
        pos = low.find(mark, pos + 1, hi)
    return spans


_MARKS: Final = frozenset({*_KILLING_OF, *_KILLED_AND})


def _marked_spans(low: str, lo: int, hi: int, words: Set[str]) -> list[Span]:
    """ "led to the killing of a member", "killed and mutilated a guard": one death around
    each :data:`_KILLING_OF` and :data:`_KILLED_AND` mark the sentence holds (``words``)."""
    spans = []
    for mark in _KILLING_OF:
        if mark in words:
            spans += _marked(low, lo, hi, mark, _CAUSED_KILLING, 40)
    for mark in _KILLED_AND:
        if mark in words:
            spans += [
                and_one_more(low, hi, s) for s in _marked(low, lo, hi, mark, _KILLED_AND_DONE)
            ]
    return spans


def _object_spans(
    low: str, lo: int, hi: int, part: str, words: Set[str], common: list[tuple[int, int, int]]
) -> list[Span]:
    """ "leaving a guard dead", "beat him to death", "killed a farmer": victims as objects
    (``common``: the matches of ``_COMMON_KEYS`` in the sentence ``part``)."""
    spans = []
    if " both" in words:
        spans += [victim_span(m, m.start(), 2) for m in _BOTH_KILLED.finditer(low, lo, hi)]
    if "both " in words or "pair of" in words:
        spans += [
            victim_span(m, m.start(), 3 if m.group("plus") else 2)
            for m in _TWO_SUBJECT.finditer(low, lo, hi)
            if m.start() == 0 or not low[m.start() - 1].isalnum()
        ]
    if "both " in words and " both " in part and not spans:
        spans += [victim_span(m, m.start(), 2) for m in _BOTH_AFTER.finditer(low, lo, hi)]
    if (one_death := _one_death_pattern(words, low, lo, hi)) is not None:
        for m in one_death.finditer(low, lo, hi):
            if not low.endswith(("from ", "to "), lo, m.start()):  # "stopped from killing himself"
                spans.append(and_one_more(low, hi, victim_span(m, m.start())))
    if "plus " in words:
        spans += _marked(low, lo, hi, "plus ", _PLUS_SELF)
    if not words.isdisjoint(_AS_WAS_SET):
        spans += _as_was_spans(low, lo, hi)
    if not words.isdisjoint(_MARKS):  # most sentences hold none of them
        spans += _marked_spans(low, lo, hi, words)
    for end in _word_ends(low, lo, hi, _DEAD_WORDS, words, at_space=False):
        if low.startswith(_THE_WORDS, end + 1):
            spans += _dead_the_objects(low, max(lo, end - 24), min(hi, end + 80), end)
        obj = _ending_at(_OBJECT_DEAD, low, max(lo, end - 90), end)
        if obj is not None and (count := _object_count(obj.group("obj"))):
            spans.append(victim_span(obj, obj.start(), count))
    for verb_end in _object_gates(low, lo, common):
        obj = _object_at(low, max(lo, verb_end - 24), verb_end, min(hi, verb_end + 28))
        if obj is not None and not low.endswith(_NOT_DONE_A, lo, obj.start()):
            spans.append(and_one_more(low, hi, victim_span(obj, obj.start())))
    # headline grammar opens a title, a note or a paragraph, or is a short sentence of a note
    # ("Six year old boy killed.")
    if lo == 0 or low[lo - 1] == "\n" or hi - lo < _TELEGRAPHIC:
        spans += headline_grammar.victims(low, lo, hi, part[:80], words)
    if "; " in words or ": " in words:
        spans += headline_grammar.victims_after_breaks(low, lo, hi, part, words)
    if not words.isdisjoint(_PRONOUN_SET) and _has_pronoun(low, lo, hi):
        spans += [
            victim_span(obj, obj.start())
            for obj in _PRONOUN_OBJECT.finditer(low, lo, hi)
            if not (obj.start() > 0 and low[obj.start() - 1].isalpha())
            and not low.endswith(_NOT_DONE_THE, lo, obj.start())
        ]
    for obj in _THE_OBJECT.finditer(low, lo, hi) if _kill_may_take(low, lo, hi, words) else ():
        if obj.start() > 0 and low[obj.start() - 1].isalpha():
            continue  # "skilled the ..."
        np = obj.group("np")
        one = _one_head(np) if np is not None else obj.group("killed").endswith(_PAST_OR_ING)
        if one and not low.endswith(_NOT_DONE_THE, lo, obj.start()):
            spans.append(victim_span(obj, obj.start()))
    if not words.isdisjoint(_THE_VERB_SET):
        spans += _the_objects(low, lo, hi)
    if not words.isdisjoint(_CAUSED_THE_SET):
        spans += _caused_the_objects(low, lo, hi)
    return spans


# the length under which a sentence inside a note may be told in headline grammar
_TELEGRAPHIC: Final = 60


# "shot dead the former mayor", "beat to death his neighbour": one victim after "the"/"his"
_DEAD_THE: Final = re.compile(
    r"(?P<killed>(?:shot|shoots|shoot|beat|beats|beaten|hacked|stabbed|burnt|burned|clubbed|"
    r"stoned|bludgeoned|lynched)\s+(?:dead|to\s+death))\s+(?:the|his|her)\s+"
    r"(?P<np>(?:[\w'-]+\s+){0,4}?[\w'-]+)(?=\s*(?:[,.;(]|$)|\s+(?:in|at|on|near|outside|inside|"
    r"with|and|of|who|while|when|after|as|from|during|for|by|before|over)\b)"
)
_THE_WORDS: Final = ("the ", "his ", "her ")


def _dead_the_objects(low: str, lo: int, hi: int, end: int) -> list[Span]:
    """ "gunmen shot dead the former mayor": one victim named by a singular noun phrase after
    the verb ending at ``end``."""
    return [
        victim_span(obj, obj.start())
        for obj in _DEAD_THE.finditer(low, lo, hi)
        if obj.end("killed") == end
        and _one_head(obj.group("np"))
        and not low.endswith(_NOT_DONE_THE, lo, obj.start())
    ]


# "militants executed the mayor", "gunmen assassinated the district governor", "beheaded his
# brother": one victim named by a singular noun after a past killing verb other than "kill"
# (each gate found with ``str.find``, the object matched there); not a gerund, which mostly
# tells a charge or an earlier act ("accused of murdering the", "after beheading the")
_THE_VERB_GATE: Final = ("executed the ", "executed his ", "executed her ", "assassinated the ",
                         "assassinated his ", "assassinated her ", "murdered the ",
                         "murdered his ", "murdered her ", "beheaded the ", "beheaded his ",
                         "beheaded her ")  # fmt: skip
_THE_VERB_SET: Final = frozenset(_THE_VERB_GATE)  # the same for one set test of a sentence's words
_THE_OTHER_OBJECT: Final = re.compile(
    r"(?P<killed>[a-z]+)\s+(?:the|his|her)\s+(?P<np>(?:[\w'-]+\s+){0,3}?[\w'-]+)"
    r"(?=\s*(?:[,.;(]|$)|\s+(?:in|at|on|near|outside|inside|with|and|of|who|while|when|after|as|"
    r"from|during|for|by|before)\b)"
)
# "executed the plan", "executed the raid": a thing done, no one killed
_THING_DONE: Final = re.compile(rf"\b(?:{EXECUTED_THINGS})$")


def _the_objects(low: str, lo: int, hi: int) -> list[Span]:
    """ "executed the mayor", "assassinated the governor": one victim after each gate verb of
    ``low[lo:hi]``, not a thing done ("executed the plan") nor a charge ("believed to have
    murdered the ...", "who had murdered the ...")."""
    spans = []
    for gate in _THE_VERB_GATE:
        pos = low.find(gate, lo, hi)
        while pos != -1:
            obj = _THE_OTHER_OBJECT.match(low, pos, hi)
            if (
                obj is not None
                and (pos == 0 or not low[pos - 1].isalpha())
                and _one_head(obj.group("np"))
                and not _THING_DONE.search(obj.group("np"))
                and not low.endswith(_NOT_DONE_THE, lo, pos)
                and not low.endswith(" to have ", lo, pos)
            ):
                spans.append(victim_span(obj, pos))
            pos = low.find(gate, pos + 1, hi)
    return spans


# "causing the death of the driver", "led to the killing of the village head": one victim
# named by a singular noun after "the", of a death caused (not "led to the killing of the
# deal", nor "mourned the death of the chief")
_CAUSED_THE_GATE: Final = ("death of the ", "killing of the ", "murder of the ")
_CAUSED_THE_SET: Final = frozenset(_CAUSED_THE_GATE)
_CAUSED_THE: Final = re.compile(
    rf"(?P<killed>{_CAUSED}\s+the\s+(?:[a-z]+\s+)?(?:death|killing|murder))\s+of\s+the\s+"
    r"(?P<np>(?:[\w'-]+\s+){0,3}?[\w'-]+)(?=\s*(?:[,.;(]|$)|\s+(?:in|at|on|near|outside|inside|"
    r"with|and|of|who|while|when|after|as|from|during|for|by|before)\b)"
)


def _caused_the_objects(low: str, lo: int, hi: int) -> list[Span]:
    """ "caused the death of the driver": one victim after each gate of ``low[lo:hi]`` whose
    noun phrase ends in one singular noun that is no thing done ("the deal")."""
    spans = []
    for gate in _CAUSED_THE_GATE:
        pos = low.find(gate, lo, hi)
        while pos != -1:
            found = _CAUSED_THE.search(low, max(lo, pos - 40), min(hi, pos + len(gate) + 60))
            if (
                found is not None
                and found.end("killed") == pos + len(gate) - len(" of the ")
                and (found.start() == 0 or not low[found.start() - 1].isalpha())
                and _one_head(found.group("np"))
                and not _THING_DONE.search(found.group("np"))
            ):
                spans.append(victim_span(found, found.start()))
            pos = low.find(gate, pos + 1, hi)
    return spans


# "killed the farmer", "killing his neighbour", "killing their guard", "killed the wife of a
# minister", "killed her": one victim named by a singular noun after "the", "his", "her" or
# "their", or a pronoun (the literal "kill" first lets the regex engine skip ahead to it)
_THE_OBJECT: Final = re.compile(
    r"(?P<killed>kill(?:ed|ing|s)?)\s+"
    r"(?:(?:the|his|her|their)\s+(?P<np>(?:[\w'-]+\s+){0,3}?[\w'-]+)(?=\s*(?:[,.;(]|$)|\s+(?:in|at|"
    r"on|near|outside|inside|with|and|of|who|while|when|after|as|from|during|for|by|before)\b)|"
    rf"him\b(?!\s+and\s+(?:his|her)\b|-)|her\b(?!\s+(?:{STOP}|and|own|self)\b|\s+\d|-))"
)


def _kill_may_take(low: str, lo: int, hi: int, words: Set[str]) -> bool:
    """False when no "kill" of ``low[lo:hi]`` (whose gate words are ``words``) is followed,
    past the rest of its word, by white space and a "t" or an "h", as every ``_THE_OBJECT``
    is ("killed the", "killing his", "killed him"): most sentences, no regex."""
    if "kill" not in words:
        return False
    pos = low.find("kill", lo, hi)
    while pos != -1:
        end = pos + 4
        while end < hi and not low[end].isspace():
            end += 1  # "ed", "ing", "s"
        at = end
        while at < hi and low[at].isspace():
            at += 1
        if end < at < hi and low[at] in "th":
            return True
        pos = low.find("kill", end, hi)
    return False


# "lynched him", "beheading her", "killing and robbing him": a pronoun object of a killing
# verb other than "kill" alone (which ``_THE_OBJECT`` reads)
_PRONOUN_OBJECT: Final = re.compile(
    r"(?P<killed>(?:lynch|behead)(?:ed|ing)|murdered|(?:killing|killed)\s+and\s+"
    r"(?!(?:injur|wound|abduct|kidnap|arrest|detain)\w*)[a-z]{3,}(?:ed|ing))\s+"
    rf"(?:him\b(?!\s+and\s+(?:his|her)\b|-)|her\b(?!\s+(?:{STOP}|and|own|self)\b|\s+\d|-))"
)
_PRONOUN_GATE: Final = ("lynch", "behead", "murdered", "killed and ", "killing and ")
_PRONOUN_SET: Final = frozenset(_PRONOUN_GATE)  # the same for one set test of a sentence's words


def _has_pronoun(low: str, lo: int, hi: int) -> bool:
    """True when "him" or "her" may be a word of ``low[lo:hi]`` (a cheap gate)."""
    return low.find(" him", lo, hi) != -1 or low.find(" her", lo, hi) != -1


_NOT_ONE_HEAD: Final = frozenset(
    """people men women children police militia youth youths crowd group family army forces
    population community villagers residents two three four five six seven eight nine ten
    dozen dozens hundreds scores both same other others rest remaining bill motion day night
    week month year morning evening weekend previous following next fish cattle sheep
    livestock dog bull horse cow goat camel pig to a an be been it that this proposal plan
    deal idea project measure amendment legislation initiative scheme engine lights mood
    momentum chance story rumour rumor process""".split()
)
# "accused of killing a villager", "arrested for killing a", "charged with killing a": a charge
_NOT_DONE_A: Final = (*NOT_DONE, " of ", " for ", " with ")
# "convicted of killing his ...", "arrested for killing the ...": a charge, not a new death
_NOT_DONE_THE: Final = (*_NOT_DONE_A, " who ", " had ", " about ")
# "killed him", "killing him": a pronoun object of a past or ongoing killing (not "kill him",
# mostly a threat or a quote)
_PAST_OR_ING: Final = ("ed", "dead", "ing")


def _one_head(phrase: str) -> bool:
    """True when the noun phrase ends in one singular noun ("the Fulani chief hunter")."""
    words = phrase.split()
    head = words[-1]
    if _NOT_ONE_HEAD.intersection(words) or any(w[0].isdigit() for w in words):
        return False
    return not head.endswith("s") or head.endswith(("ss", "us", "is"))


# "killed Jonti Ali (38)", "shot dead Adalat Khan, a former mayor", "killed soldier Rashid
# Khan", "executed Colonel Radif al-Lafi", "killed trade union leader Ali Khan", "killed Major
# General Ali Hassan Omar al-Zubaidi", "assassinated citizen Ali Nasser", "killing Al-Hadi": a
# named victim (two to six capitalised words, after up to three words of a title, or one
# surname led by an Arabic article) right after a killing verb or the participle "killing"
_NAME_VERBS: Final = ("killed ", "shot dead ", "shooting dead ", "executed ", "kills ", "gun down ",
                      "guns down ", "gunned down ", "assassinated ", "assassinating ",
                      "assassinates ", "killing ")  # fmt: skip
_NAME_VERB_SET: Final = frozenset(_NAME_VERBS)  # the same for one set test of a sentence's words
_NAMED_OBJECT: Final = re.compile(
    # "killed soldier Rashid Khan", "kills Lodwar chief Ali Ekal": a title, maybe after a place
    rf"(?:{NAME_WORD}\s+(?=[a-z]))?(?:(?!(?:{STOP}|the|a|an|of)\b)[a-z][\w-]*\s+){{0,3}}?"
    # a name opens with no English preposition that is also a particle ("protested at Madina")
    rf"(?!(?:at|as|an|ad)\s)(?:(?:{NAME_WORD}\s+){{1,5}}{NAME_WORD}"
    r"(?=\s*[,.;(]|\s+(?:on|in|at|near|outside|inside|and|while|when|after|as|from|during)\b|$)"
    # one name told by what the person was ("killed Hafizullah, a provincial judge"), before
    # kin ("killed Ahmad, his wife") or joined to others ("killed Zaman and two others")
    rf"|{NAME_WORD}(?=,\s+(?:a|an|the|his|her)\s|"
    r",?\s+(?:and|along\s+with)\s+\S+\s+(?:others?|more)\b)"
    # one surname led by an Arabic article ("killing Al-Hadi."), not a possessive
    r"|[Aa]l-[A-Z][\w'\u2019.-]*(?=\s*[,.;]|\s+(?:on|in|at|near|and|while|when|after|as)\b|$))"
)
# names of armed groups, lower-cased with spaces for hyphens: no person ("killing Al Shabaab")
_GROUP_NAMES: Final = frozenset(
    alias.lower().replace("-", " ") for aliases in ARMED_GROUPS.values() for alias in aliases
)
# companions of no number after a name ("killed Ali Omar and several of his guards"): the
# deaths are not counted
_VAGUE_COMPANIONS: Final = re.compile(
    r",?\s+(?:and|along\s+with)\s+(?:several|some|many|a\s+number|dozens|scores|a\s+few)\b"
)


_NAME_START: Final = re.compile(r"(?:[a-z][\w-]*\s+){0,3}?[A-Z]")  # a capital within four words


def _one_person(low: str, start: int, end: int, hi: int) -> bool:
    """False when the name at ``low[start:end]`` is an armed group's, or is followed by
    companions of no number ("and several of his guards")."""
    if low[start:end].rstrip(" .,;").replace("-", " ") in _GROUP_NAMES:
        return False
    return _VAGUE_COMPANIONS.match(low, end, hi) is None


# "led to the death of Ali Omar", "resulted in the killing of commander Ali Omar", "ended
# with the death of Ali Omar": a named victim of a death caused (not "mourned the death of Ali
# Omar", nor "confirmed the death of", which an illness may have caused)
_DEATH_OF_NAMES: Final = ("death of ", "killing of ")
_DEATH_OF_CAUSED: Final = re.compile(rf"\b(?:{_CAUSED}|ended\s+with)\s+the\s+(?:[a-z]+\s+)?$")


def _named_objects(low: str, lo: int, hi: int, text: str, words: Set[str]) -> list[Span]:
    """ "killed Jonti Ali", "led to the death of Jonti Ali": one named victim after a killing
    verb or a death caused; ``text`` is the original."""
    caused = "death of" in words or " killing of " in words
    if words.isdisjoint(_NAME_VERB_SET) and not caused:
        return []
    spans = []
    for verb in (*_NAME_VERBS, *_DEATH_OF_NAMES) if caused else _NAME_VERBS:
        of = verb in _DEATH_OF_NAMES
        pos = low.find(verb, lo, hi) if of or verb in words else -1
        while pos != -1:
            end = pos + len(verb)
            name = listed = None
            if of and not _DEATH_OF_CAUSED.search(low, max(lo, pos - 40), pos):
                pos = low.find(verb, end, hi)
                continue
            if (pos == 0 or low[pos - 1] == " ") and _NAME_START.match(text, end, hi):
                listed = listed_after(text, end, hi)  # "killed Ahmed Khan, Ali Hassan and ..."
                name = _NAMED_OBJECT.match(text, end, hi) if listed is None else None
            if listed is not None:
                spans.append((pos, listed[0], "killed", (pos, end - 1), listed[1]))
            elif name is not None and _one_person(low, end, name.end(), hi):
                spans.append((pos, name.end(), "killed", (pos, end - 1), 1))
            pos = low.find(verb, end, hi)
    return spans


# the words whose presence in a sentence the gates above test (``words``): the caller's
# gate words include them, found by the scanner in its one pass
GATE_WORDS: Final = frozenset({*PAIR_GATES, *_ONE_DEATH_GATE, *_DIED_WORDS, *_DEAD_WORDS,
                               *KIN_GATES, *_KILLING_OF, *_NAME_VERBS, " both", "both ", "pair of",
                               "plus ", "couple", "kill", "death", *_AS_WAS_GATE, "; ", ": ",
                               *_KILLED_AND, *KIN_PAIR_GATES, *_THE_VERB_GATE, *_CAUSED_THE_GATE,
                               *headline_grammar.GATE_WORDS, *burnings.GATE_WORDS})  # fmt: skip
