"""The tie of a casualty figure to its trigger.

Each figure found by :mod:`numbers` is tied to a trigger by one of four rules, tried in turn:
a toll phrase before it ("the death toll rose to 19,000"), a trigger after it ("18 people
were killed", "12 dead"), a verb before it ("killing at least 25"), or an "including ..."
clause that narrows the figure before it ("... including five children"). Lives taken
("claimed four lives"), a coder's label ("Fatalities: 15"), "and three others" after one
victim and attackers who "killed only themselves" are tied too; animals are no casualties, nor
are the killers: a figure opened by "by" or the subject of an active killing of an object
("Two assailants shot and killed Malik Ayaz").
"""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction import people
from consumers.extraction.headline_grammar import BEFORE_HEADLINE as _BEFORE_HEADLINE
from consumers.extraction.headline_grammar import HEADLINE_GATE as _HEADLINE_GATE
from consumers.extraction.lexicon import CALENDAR_WORDS, LOST_HEDGES
from consumers.extraction.matching import (
    branched,
    by_tail,
    contains_any,
    ends_with,
    ends_with_any,
    ends_with_tail,
    starts_with_any,
    trie_alternation,
)
from consumers.extraction.mentions import Mention, Tie
from consumers.extraction.numbers import NumberMention
from consumers.extraction.triggers import ADVERB as _ADVERB
from consumers.extraction.triggers import ANY_TRIGGER as _ANY_TRIGGER
from consumers.extraction.triggers import BE_ADVERB_AHEAD as _BE_ADVERB_AHEAD
from consumers.extraction.triggers import EXECUTED_THINGS
from consumers.extraction.triggers import NOT_DONE as _NOT_DONE
from consumers.extraction.triggers import NUMBER_WORDS as _NUMBER_WORDS
from consumers.extraction.triggers import STOP as _STOP
from consumers.extraction.triggers import TRIGGER as _TRIGGER
from consumers.extraction.triggers import TRIGGER_AHEAD as _TRIGGER_AHEAD
from consumers.extraction.triggers import VERB_BE as _VERB_BE
from consumers.extraction.triggers import trigger_kind as _kind

# the words that may stand between a figure and its trigger ("5 people were killed"); each
# is one word, so at most one fits before ``\b`` and a trie of them matches as the list did
_FILLER_WORDS: Final = (
    "people persons individuals others other more further additional of them the those "
    "family members relatives including young elderly unarmed innocent armed foreign local "
    "american thai their his her its who that men man were was have has had been are is "
    "reportedly also later allegedly now all being believed thought feared confirmed still "
    "remain remained remains be to held taken seriously critically badly lightly slightly "
    "moderately in israeli palestinian lebanese syrian gazan ukrainian one a an same "
    "extended single its our may might could would will probably likely among premature "
    "newborn protesters demonstrators staff colleagues employees workers personnel crew "
    "guards settlers pilgrims mourners shoppers guests neighbours neighbors survivors "
    "victims person injured wounded sick elderly suspected alleged reported presumed "
).split()
# a people word that goes on past a filler word at a non-word character ("foreign nationals"
# past "foreign"): the one kind of people word that could fit where a filler word does
_WHO_PAST_FILLER: Final = [
    who
    for who in people.WHO_SURFACES
    if (word := re.match(r"\w+", who)) is not None
    and word.group() != who
    and word.group() in _FILLER_WORDS
]
# the filler words, then the people words (``people.WHO_WORDS``), as one trie: a word is read
# once, not by one trie and then the other. The same match as the filler words' trie followed
# by the people words' trie: each word fits at most one single-word branch before ``\b`` (two
# words of word characters cannot both end at a boundary), and the only people words longer
# than a filler word that fits, ``_WHO_PAST_FILLER``, come after the merged trie, as they did
_FILLER: Final = (
    f"{trie_alternation(sorted({*_FILLER_WORDS, *people.WHO_SURFACES} - {*_WHO_PAST_FILLER}))}"
    f"|{trie_alternation(_WHO_PAST_FILLER)}"
)
# a word that does not end a figure's noun phrase (the trie of ``_STOP`` and "and", inside a
# negative look-ahead, where the order of words does not matter)
NOT_STOP: Final = rf"(?!(?:{trie_alternation([*_STOP.split('|'), 'and'])})\b)"
# white space is never given back ("++"): a filler word and a trigger start with a letter
_AFTER: Final = re.compile(
    branched(
        rf"(?:\s++(?:{_FILLER})\b|,\s+(?:including|among\s+them)\s[^,.;]{{1,120}}?,){{0,7}}"
        rf"\s++{_TRIGGER_AHEAD}(?:{_TRIGGER})\b"
    ),
)
# "6 TTP militants were killed": up to six unlisted words between a figure and its trigger
# ("and/or" joins two names of the same people: "2 Taliban and/or IS militants were killed";
# an aside in brackets is passed whole: "Eleven (some sources claim 20) are dead"). Each
# word's white space is read once for all its branches, and white space and a word are never
# given back ("++", "*+"): what follows either starts with a character it cannot hold (the
# tail, a letter or a quote). After each word the tail is tried behind ``BE_ADVERB_AHEAD``,
# which most words fail at once
_AFTER_LOOSE: Final = re.compile(
    branched(
        rf"(?:,\s++including|\s++(?:including|belonging\s+to|and/or|\([^()]{{1,60}}\)|"
        rf"and(?!\s++{_VERB_BE}{_TRIGGER_AHEAD}(?:{_ANY_TRIGGER})\b)|"
        rf"{NOT_STOP}[a-z(\['\"][\w().'/\"\[\]-]*+|\d{{1,3}}-year-old)){{1,10}}?\s++"
        rf"{_BE_ADVERB_AHEAD}{_VERB_BE}{_ADVERB}"
        rf"{_TRIGGER_AHEAD}(?:{_TRIGGER})\b"
    )
)
_BEFORE: Final = re.compile(
    branched(
        r"(?:(?P<killed>\b(?:killed|killing|kills|kill|massacred|murdered|assassinated|"
        r"assassinating|executed|executes|executing|shot\s+dead|"
        r"slaughtered|beheaded|decapitated|decapitating|decapitates?|lynched|gun\s+down|guns\s+down|"
        r"lynching|murdering|beheading|massacring|slaughtering|"
        r"claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|deaths?\s+of\s+the|deaths\s+of|killing\s+of|"
        r"gunned\s+down|shot\s+and\s+killed|shooting\s+dead|death\s+of|burn(?:t|ed)\s+alive|"
        r"(?:killed|lynched|murdered)\s+and\s+(?:burned|burnt|mutilated|beheaded|robbed)|"
        r"(?:killed|dead|died),?\s+along\s+with|"
        r"bodies\s+of)(?:\s+at\s+least)?)|"
        r"(?P<wounded>\b(?:wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|maimed))|"
        r"(?P<hostage>\b(?:kidnapped|kidnapping|abducted|abducting|seized))|"
        r"(?P<detained>\b(?:arrested|arresting|arrests|detained|detaining|detains|rounded\s+up|"
        r"apprehended|arrest\s+of|detention\s+of)))"
        r"\s+(?:(?:a\s+further|another|an\s+additional|a\s+total\s+of|his|her|their|its|the|all|"
        r"all\s+the|"
        r"(?:an\s+entire\s+|a\s+|the\s+)family\s+of)\s+)?$"
    ),
)
# the last word of every branch of ``_BEFORE`` and of its tail: the text before a figure's
# white space must end with one before the regex is tried
_BEFORE_ENDS: Final = ("killed", "killing", "kills", "kill", "massacred", "murdered",
                       "assassinated", "alive", "assassinating", "executed", "dead", "slaughtered",
                       "beheaded", "lynched", "decapitated", "decapitating", "decapitate",
                       "decapitates", "down", "of", "with", "least", "wounded", "wounding",
                       "wounds", "injured", "injuring", "injures", "hurt", "hurting", "maimed",
                       "kidnapped", "kidnapping", "abducted", "abducting", "seized", "arrested",
                       "arresting", "arrests", "detained", "detaining", "detains", "up",
                       "apprehended", "further", "another", "additional", "executes", "executing",
                       "his", "her", "their", "its", "the", "all", "burned", "burnt", "mutilated",
                       "robbed", "lynching", "murdering", "beheading", "massacring",
                       "slaughtering")  # fmt: skip
# the same by their last two letters (``by_tail``): a few of them compared, not each
_BEFORE_ENDS_BY_TAIL: Final = by_tail(_BEFORE_ENDS)
# a stem of every branch of ``_BEFORE``, looked for first (``contains_any``)
_BEFORE_GATE: Final = ("kill", "massacr", "murder", "assassinat", "execut", "shot", "lives",
                       "death", "bodies", "gun", "shooting", "dead", "died", "wound", "injur",
                       "hurt", "maim", "slaughter", "behead", "decapitat", "lynch", "kidnap",
                       "abduct", "seiz", "arrest", "detain", "detention", "rounded", "apprehend",
                       "alive")  # fmt: skip
_MODAL: Final = re.compile(r"\b(?:would|could|might|may|will|threaten\w*\s+to|vow\w*\s+to|nearly|"
                           r"almost)\s+$")  # fmt: skip
_KILLED_TOLL: Final = (
    r"death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|those\s+killed|fatalities|"
    r"victims|people\s+who\s+have\s+died)"
)
_WOUNDED_TOLL: Final = (
    r"number\s+of\s+(?:wounded|injured|people\s+wounded|people\s+injured)|injury\s+toll"
)
_TOLL: Final = re.compile(
    rf"\b(?:(?P<wounded>{_WOUNDED_TOLL})|(?P<killed>{_KILLED_TOLL}|(?:bringing|raising|taking|"
    r"pushing)\s+the\s+(?:\w+\s+)?total|bring|brings|bringing|raising|raises|takes|taking))"
    r"\b[^.;]{0,60}?"
    r"\b(?:to|at|of|reached|passed|surpassed|exceeded|topped|hit|past|is|was|stands\s+at|"
    r"stood\s+at|now|over|above|beyond|(?:rose|risen|rises|climbed|climbs|increased|jumped)"
    r"\s+from)\s+$",
)
_TOLL_GATE: Final = ("toll", "number", "total", "bring", "rais", "taking", "takes")
# the last word of every branch of the end of ``_TOLL``, looked for before the gate
_TOLL_ENDS: Final = ("to", "at", "of", "reached", "passed", "surpassed", "exceeded", "topped",
                     "hit", "past", "is", "was", "now", "over", "above", "beyond",
                     "from")  # fmt: skip
# the same by their last two letters (``by_tail``): a few of them compared, not each
_TOLL_ENDS_BY_TAIL: Final = by_tail(_TOLL_ENDS)
_SUBSET: Final = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead\s+were|"
    r"among\s+the\s+dead)\s+$",
)


# ``_MODAL`` and ``_SUBSET`` from the non-word character before them, as ``_BEFORE_AFTER_MARK``
_MODAL_AFTER_MARK: Final = re.compile(rf"\W(?:{_MODAL.pattern})")
_SUBSET_AFTER_MARK: Final = re.compile(rf"\W(?:{_SUBSET.pattern})")


def _at_word(
    pattern: re.Pattern[str], marked: re.Pattern[str], text: str, start: int, end: int
) -> bool:
    """Whether ``pattern``, each branch of which opens with ``\\b`` and a word character, is
    found in ``text[start:end]``: searched as ``marked`` (the same after ``\\W``) from the
    character before ``start``, which lets the regex engine skip ahead to word starts."""
    if start == 0 and pattern.match(text, 0, end) is not None:
        return True
    return marked.search(text, max(0, start - 1), end) is not None


# the words right before a trigger that say no one died ("were nearly lynched", "escaped death")
_NEARLY: Final = (" nearly ", " almost ", " escape ", " escaped ", " escapes ", " escaping ")


def tie_of(
    text: str, num: NumberMention, lo: int, hi: int, prev: Mention | None, trigger_at: int,
    named: str = "",
) -> Tie | None:  # fmt: skip
    """``(kind, trigger span, toll?, subset?)`` for a figure, or None when it is no casualty;
    ``trigger_at`` is where the first trigger stem after the figure starts; ``named`` is the
    original text (names are capitalised), or empty."""
    window = max(lo, num.start - 100)
    head = text[window : num.start]
    toll = (
        _TOLL.search(text, window, num.start)
        if head[-1:].isspace()
        and ends_with_tail(head.rstrip(), _TOLL_ENDS_BY_TAIL)
        and contains_any(text, _TOLL_GATE, window, num.start)
        else None
    )
    if toll:
        return _kind(toll), toll.span(), True, False
    after = None
    if trigger_at < min(hi, num.end + 160):  # else no trigger in reach of either regex
        after = _AFTER.match(text, num.end, min(hi, num.end + 160))
        if after is None and trigger_at < min(hi, num.end + 120):
            after = _AFTER_LOOSE.match(text, num.end, min(hi, num.end + 120))
    if after and ends_with_any(text, _BY, lo, num.start):
        after = None  # "was beaten by two men and later succumbed": the figure is the agents
    # the one trigger group of ``_AFTER`` and ``_AFTER_LOOSE`` is the last group a match closes
    trig = "" if after is None else after.lastgroup or _kind(after)
    if after and not _killers(text, after, trig, named):
        verb = after.start(trig)
        if trig != "killed" and ends_with(text, " the ", num.end, verb):
            return None  # "2 of the kidnapped women were killed": an adjective, not the verb
        if ends_with_any(text, _NEARLY, num.end, verb):
            return None  # "two officers were nearly lynched", "four escaped death": no one died
        if trig != "killed" and text.find(" and ", num.end, verb) != -1:
            # "killing 18 and causing many injuries": the verb before holds the figure
            return _verb_before(text, num, lo) or (trig, after.span(trig), False, False)
        return trig, after.span(trig), False, _part_of(text, num, lo, prev, trig)
    before = _verb_before(text, num, lo)
    if before is not None:
        return before
    if (labelled := _labelled(text, num, lo)) is not None:
        return labelled
    if text.endswith(_LOST, lo, num.start) and _LOST_PEOPLE.match(text, num.end) is not None:
        lost = text.rfind("lost ", lo, num.start)
        return "killed", (lost, lost + len("lost")), False, False
    if (
        starts_with_any(text, OTHERS, num.end)
        and _FATE_AFTER.match(text, num.end, hi) is None
        or ends_with_any(text, _JOINS, lo, num.start)
        and PEOPLE_AFTER.match(text, num.end, hi) is not None
    ) and (joined := _and_others(text, num, lo)) is not None:
        return joined
    if (
        prev is not None
        and _may_end(head, _SUBSET_WORDS)
        and _at_word(_SUBSET, _SUBSET_AFTER_MARK, text, max(lo, num.start - 24), num.start)
    ):
        return prev.kind, prev.trigger, False, True
    if text.find("with ", max(lo, num.start - 40), num.start) != -1:
        if (along := _ALONG_WITH.search(text, max(lo, num.start - 100), num.start)) is not None:
            return "killed", along.span("killed"), False, False
        if text.endswith(WITH_ASIDE, lo, num.start) and (
            aside := _ASIDE_THEN_VERB.match(text, num.end, min(hi, num.end + 120))
        ):
            return _kind(aside), aside.span(_kind(aside)), False, False
    if text.find("themselves", num.end, min(hi, num.end + 120)) != -1:
        return _themselves(text, num, hi)
    return None


# "was killed in the attack along with two of his bodyguards", "was executed on 10 May, along
# with his brother and two other people": companions of one victim, a few words past the verb
_ALONG_WITH: Final = re.compile(
    r"\b(?P<killed>killed|executed|murdered|beheaded|gunned\s+down|shot\s+dead|died)"
    r"(?:\s+(?!(?:and|or|but|while|who|which|that|after|before|when|as|were|was)\b)[^\s.;]+){0,6}?"
    r",?\s+(?:along|together)\s+with\s+(?:(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\s+and\s+)?$"
)


# "the commander, along with three other fighters, was killed": companions told aside, the
# verb singular as its subject is
WITH_ASIDE: Final = (", along with ", ", together with ")
_ASIDE_THEN_VERB: Final = re.compile(
    rf"[^,.;]{{1,80}},\s+(?:was|has\s+been|had\s+been|is)\s+{_ADVERB}(?:{_TRIGGER})\b"
)


# "two of them beheaded": a part of the figure before, told with a verb of its own
_OF_THEM: Final = (" of them ", " of whom ")


def _part_of(text: str, num: NumberMention, lo: int, prev: Mention | None, kind: str) -> bool:
    """True when a figure with a trigger of its own is a part of the figure of its kind just
    before it ("3 civilians killed, including 2 beheaded", "two of them beheaded")."""
    if prev is None or prev.kind != kind or prev.trigger[1] > num.start:
        return False
    if text.startswith(_OF_THEM, num.end):
        # "killed 5, 2 of them beheaded", not "killing 4 soldiers, and 3 of them were killed"
        # (another clause, whose "them" may be the attackers)
        return text.find(" and ", max(prev.trigger[1], prev.number.end), num.start) == -1
    if not text.endswith(_SUBSET_ENDS, lo, num.start):  # most figures: no regex
        return False
    return _at_word(_SUBSET, _SUBSET_AFTER_MARK, text, max(lo, num.start - 24), num.start)


# the last word of every ``_SUBSET`` branch and its space
_SUBSET_ENDS: Final = ("including ", "them ", "whom ", "were ", "dead ")
_SUBSET_WORDS: Final = tuple(end.rstrip() for end in _SUBSET_ENDS)
# the last word of every ``_MODAL`` branch
_MODAL_WORDS: Final = ("would", "could", "might", "may", "will", "to", "nearly", "almost")


def _may_end(head: str, words: tuple[str, ...]) -> bool:
    """False when ``head`` does not end with white space after one of ``words`` (the last
    words of a regex that ends so, ``_SUBSET`` or ``_MODAL``: then it cannot match)."""
    return head[-1:].isspace() and head.rstrip().endswith(words)


# "three suicide bombers ... killing only themselves": the attackers are the dead
_THEMSELVES: Final = re.compile(
    r"[^.;]{1,100}?\b(?P<killed>kill(?:s|ed|ing)?\s+only\s+themselves)\b"
)


def _themselves(text: str, num: NumberMention, hi: int) -> Tie | None:
    """The tie of a figure of attackers who killed only themselves."""
    found = _THEMSELVES.match(text, num.end, hi)
    if found is None or text.endswith(_NOT_DONE, num.end, found.start("killed")):
        return None
    return "killed", found.span("killed"), False, False


# ``_BEFORE`` from the non-word character before it (every branch opens with a word that
# ``\b`` starts): the leading class lets the regex engine skip ahead in C to the characters
# before words, instead of trying every branch at every letter of the window
# how every branch of ``_BEFORE`` starts: a word with none of them is passed by one look-ahead
# instead of trying each branch in turn
_BEFORE_STARTS: Final = ("kill", "massacr", "murder", "assassinat", "execut", "shot", "shoot",
                         "slaughter", "behead", "decapitat", "lynch", "gun", "claimed", "took",
                         "death", "burn", "dead", "died", "bodies", "wound", "injur", "hurt",
                         "maim", "kidnap", "abduct", "seiz", "arrest", "detain", "detention",
                         "rounded", "apprehend")  # fmt: skip
_BEFORE_AFTER_MARK: Final = re.compile(
    rf"\W(?={trie_alternation(sorted(_BEFORE_STARTS))})(?:{_BEFORE.pattern})"
)


def _verb_match(text: str, start: int, end: int) -> tuple[re.Match[str], int] | None:
    """The first match of ``_BEFORE`` in ``text[start:end]`` and where it starts (a match of
    ``_BEFORE_AFTER_MARK`` starts a character before)."""
    if start == 0:
        first = _BEFORE.match(text, 0, end)
        if first is not None:
            return first, 0
    found = _BEFORE_AFTER_MARK.search(text, max(0, start - 1), end)
    return None if found is None else (found, found.start() + 1)


# a quotation mark that opens a quoted figure ('killed "dozens" of fighters')
_QUOTES: Final = ('"', "\u201c")


def _verb_before(text: str, num: NumberMention, lo: int) -> Tie | None:
    """The tie of a figure to the verb right before it ("killing at least 25", 'killed
    "dozens"')."""
    end = num.start - 1 if num.start > lo and text[num.start - 1] in _QUOTES else num.start
    start = max(lo, end - 48)
    head = text[start:end]
    before = None
    begin = 0
    if head[-1:].isspace() and ends_with_tail(head.rstrip(), _BEFORE_ENDS_BY_TAIL):
        # a match holds a ``_BEFORE_GATE`` stem
        if (verb := _verb_match(text, start, end)) is not None:
            before, begin = verb
    if before is None:
        # the headline verbs are tried where both gates pass (the rarer first)
        if not contains_any(text, _HEADLINE_GATE, start, end) or not contains_any(
            text, _BEFORE_GATE, start, end
        ):
            return None
        before = _BEFORE_HEADLINE.search(text, start, end)
        begin = 0 if before is None else before.start()
    if before and not (
        _may_end(text[max(lo, begin - 20) : begin], _MODAL_WORDS)
        and _at_word(_MODAL, _MODAL_AFTER_MARK, text, max(lo, begin - 20), begin)
    ):
        if text.startswith("lynch", begin) and text.endswith(" to ", lo, begin):
            return None  # "forced their way in to lynch two": an aim, not a killing
        if text.startswith("execut", begin) and _NOT_PEOPLE.match(text, num.end):
            return None  # "executed 3 contracts": no killing
        if text.startswith("seiz", begin) and _SEIZED_THINGS.match(text, num.end):
            return None  # "seized two handguns": no one taken
        return _kind(before), (begin, before.end()), False, False
    return None


# what is executed when no one is: "executes 3 contracts", "executed two raids"
_NOT_PEOPLE: Final = re.compile(rf"\s+(?:[\w-]+\s+)?(?:{EXECUTED_THINGS})\b")
# what is seized when no one is: "seized two handguns", "seized 40 vehicles"
_SEIZED_THINGS: Final = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:vehicles?|cars?|trucks?|lorr(?:y|ies)|buses|motorcycles?|"
    r"motorbikes?|bikes?|boats?|ships?|drones?|weapons?|guns?|handguns?|rifles?|firearms?|"
    r"pistols?|rounds?|bullets?|grenades?|mines?|explosives?|ieds?|kilo(?:gram)?s?|kgs?|tons?|"
    r"tonnes?|bags?|boxes|sacks?|litres?|liters?|barrels?|phones?|computers?|laptops?|"
    r"documents?|passports?|items?|shops?|houses?|homes?|buildings?|villages?|towns?|"
    r"positions?|posts?|bases?|checkpoints?|hectares?|acres?|plots?|heads?|cattle|cows?|"
    r"goats?|camels?|sheep|donkeys?|animals?|livestock)\b"
)


# "the army lost 12 soldiers", "said it had lost 3 of its fighters": a side's dead, told by
# what it lost (people only: not "lost 3 seats", "lost 2 vehicles")
_LOST: Final = (" lost ", *(f" lost {hedge} " for hedge in LOST_HEDGES))
_LOST_PEOPLE: Final = re.compile(
    r"\s+(?:of\s+(?:its|their|his|our)\s+)?(?:[a-z][\w-]*\s+)?(?:fighters|soldiers|men|troops|"
    r"members|officers|policemen|militants|combatants|personnel|guards|militiamen|gunmen|"
    r"recruits|servicemen|commanders|elements)\b"
)


# "claimed four lives", "cost 12 lives": a figure of lives taken
_LIVES: Final = (" lives", " life")
_TAKEN: Final = re.compile(
    r"\b(?:claimed|claiming|claims|claim|cost|costing|costs|took|taking)\s+$"
)
# "FATALITIES: 15": a figure under a coder's label; "estimates of fatalities stand at 5
# militia troops": a coder's estimate of the event's dead
_LABELS: Final = ("fatalities:", "fatalities: ", "fatalities : ", "fatalities stand at ",
                  "fatalities stood at ")  # fmt: skip


def _labelled(text: str, num: NumberMention, lo: int) -> Tie | None:
    """The tie of a figure of lives taken ("claimed four lives") or labelled as deaths
    ("Fatalities: 15", "fatalities stand at 5")."""
    if starts_with_any(text, _LIVES, num.end):
        taken = _TAKEN.search(text, max(lo, num.start - 12), num.start)
        if taken is not None:
            size = len(" lives") if text.startswith(" lives", num.end) else len(" life")
            return "killed", (taken.start(), num.end + size), False, False
    if ends_with_any(text, _LABELS, lo, num.start):
        label = text.rfind("fatalities", lo, num.start)
        return "killed", (label, label + len("fatalities")), False, False
    return None


# "killed a monarch and three others", "killing himself, two other bombers and six people",
# "killed Zaman and two others", "killed a soldier, a policeman and two civilians": a figure
# joined to one victim of a verb (or a list of them; a name: up to four words, the last no
# plural)
_AND_OTHERS: Final = re.compile(
    r"(?P<killed>kill(?:s|ed|ing)?|shot\s+dead|shoots?\s+dead|gunned\s+down|murdered|"
    r"murdering)\s+(?:(?:a|an|the)\s+[^,.;]{1,50}?(?:,\s+(?:a|an|another)\s+[^,.;]{1,40}?){0,4}|"
    r"himself|herself|"
    rf"(?:{NOT_STOP}[a-z][\w'-]*\s+){{0,3}}{NOT_STOP}[a-z][\w'-]*(?<![^'s]s))"
    r"(?:\s+and|,(?:\s+along\s+with|\s+as\s+well\s+as)?|\s+along\s+with)\s+$"
)
OTHERS: Final = (" others", " other ", " more ")
# "killed a chief and two others escaped": the others, told a fate of their own, were spared
_FATE_AFTER: Final = re.compile(
    r"(?:\s+[a-z][\w'-]*){1,3}?\s+(?:were|was|are|is|have|had|fled|escaped|survived)\b"
)
_JOINS: Final = (" and ", ", ")
# "killing herself and seven passengers of a bus": the words after a figure joined so, a noun
# phrase with no verb of its own ("and 200 fled" is no count of the dead)
PEOPLE_AFTER: Final = re.compile(
    rf"(?:\s+(?!(?:were|was|are|is|have|had|fled|escaped|survived)\b){NOT_STOP}[a-z][\w'-]*)"
    r"{1,4}?(?=\s*(?:[,.;()]|$)|\s+(?:of|in|at|on|near|from|during|inside|outside|who|before|as|"
    r"while)\b)"
)


def _and_others(text: str, num: NumberMention, lo: int) -> Tie | None:
    """The tie of "three others" to the verb of the one victim joined before it."""
    joined = _AND_OTHERS.search(text, max(lo, num.start - 80), num.start)
    if joined is None or (joined.start() > 0 and text[joined.start() - 1].isalpha()):
        return None
    return "killed", joined.span("killed"), False, False


# "4 gunmen shot dead a journalist", "ten men killed the chief": the figure counts the killers
_ACTIVE_VERB: Final = ("killed", "gunned down", "shot dead", "shot to death", "murdered", "lynched",
                       "stabbed to death", "beaten to death", "hacked to death")  # fmt: skip
_OBJECT_AFTER: Final = re.compile(r"\s+(?:a|an|the|his|her|their|its|one|another)\s")
_BE: Final = re.compile(r"\b(?:were|was|been|are|is|being|be)\s")
# "killed at least 31 people": a qualifier may open the figure of the dead
_ABOUT: Final = r"(?:(?:at\s+least|more\s+than|over|about|nearly|some|around|up\s+to)\s+)?"
_FIGURE_AFTER: Final = re.compile(rf"\s+{_ABOUT}(?:\d|(?:{_NUMBER_WORDS})\b)")
# "1 killed 5 injured", "2 killed at least 5 injured": a list of figures, not a killing of five
_LIST_AFTER: Final = re.compile(
    rf"\s+{_ABOUT}\S+\s+(?:others?\s+|more\s+)?(?:injured|wounded|hurt|dead|missing)\b"
)


# "was beaten by two men and later succumbed": a figure opened by "by" counts the agents
_BY: Final = (" by ", "(by ")
# "Two assailants shot and killed Malik Ayaz": a name (in the original text) as the object
_NAME_AFTER: Final = re.compile(r"\s+(?P<name>[A-Z][a-z]+)\b")
_NOT_NAMES: Final = frozenset({*(word.capitalize() for word in CALENDAR_WORDS), "In", "On", "At",
                               "Near", "During", "After", "Before", "Police",
                               "Officials"})  # fmt: skip


def _killers(text: str, after: re.Match[str], kind: str, named: str = "") -> bool:
    """True when the trigger (of kind ``kind``) after a figure is an active verb with an
    object of its own (a name, when ``named``, the original text, is given): the figure is
    then the subject, the people who killed."""
    if kind != "killed" or not text.endswith(_ACTIVE_VERB, after.start(), after.end(kind)):
        return False
    if _BE.search(text, after.start(), after.start(kind)) is not None:
        return False
    if _OBJECT_AFTER.match(text, after.end(kind)) is not None:
        return True
    if (
        named
        and text[after.start() : after.start(kind)].strip()
        and (name := _NAME_AFTER.match(named, after.end(kind))) is not None
    ):
        return name.group("name") not in _NOT_NAMES
    # "6 Dogra gunned down three rebels": a figure after the verb is the dead (words between
    # the first figure and the verb: "two killed three injured" is a list)
    return (
        bool(text[after.start() : after.start(kind)].strip())
        and _FIGURE_AFTER.match(text, after.end(kind)) is not None
        and _LIST_AFTER.match(text, after.end(kind)) is None
    )


# "targeted two guards in the town, killing them", "fired on the two men, detonating their
# vests and killing them": the people a figure counts, killed
_KILLING_THEM: Final = re.compile(
    r"[^.;]{0,100}?,\s+(?:[a-z]+ing\s+[^.;,]{1,60}?\s+and\s+)?"
    r"(?P<killed>(?:killing|killed)\s+(?:them|both\s+of\s+them|all\s+of\s+them))\b"
)


def killing_them(low: str, untied: NumberMention, hi: int) -> Tie | None:
    """The tie of a figure no trigger took to a killing of "them" after a comma."""
    found = _KILLING_THEM.match(low, untied.end, hi)
    if found is None or counts_animals(low, untied.end, hi):
        return None  # "stole 30 goats, killing them": no people
    return "killed", found.span("killed"), False, False


# an animal in the next three words of a figure, looked for before ``_ANIMALS``
_ANIMAL_NEAR: Final = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:camel|cattle|cow|oxen|sheep|goat|donkey|dog|animal|livestock|"
    r"horse|chicken|pig|bull|calves|mule|elephant|rhino|lion|bird|head)"
)
_NEAR_ANIMALS: Final = ("camel", "cattle", "cow", "oxen", "sheep", "goat", "donkey", "dog",
                        "animal", "livestock", "horse", "chicken", "pig", "bull", "calves", "mule",
                        "elephant", "rhino", "lion", "bird", "head")  # fmt: skip


def counts_animals(low: str, end: int, hi: int) -> bool:
    """True when the figure ending at ``end`` counts animals ("five camels were killed")."""
    stop = min(hi, end + 32)
    if not contains_any(low, _NEAR_ANIMALS, end, stop):
        return False  # most figures: no regex
    return _ANIMAL_NEAR.match(low, end, stop) is not None and (
        _ANIMALS.match(low, end, min(hi, end + 40)) is not None
    )


# the stems of the animals an animal victim may name: a phrase with none needs no search
_ANIMAL_STEMS: Final = ("camel", "cattle", "cow", "ox", "buffalo", "sheep", "goat", "donkey", "dog",
                        "horse", "pig", "bull", "calf", "calves", "mule", "elephant", "animal",
                        "livestock")  # fmt: skip
# every animal stem of the two gates above: a sentence with none (the scanner finds them with
# the other gate words) names no animal, and its figures and victims skip both
ANIMAL_WORDS: Final = frozenset({*_NEAR_ANIMALS, *_ANIMAL_STEMS})
# "a buffalo was killed", "killed an ox", "his cow was killed": one animal, the head of a
# one-victim phrase (not "a camel herder", whose head is a person)
_ANIMAL_VICTIM: Final = re.compile(
    r"(?:a|an|the|one|his|her|their)\s+(?:[\w-]+\s+)?(?:camel|cow|ox|buffalo|sheep|goat|donkey|"
    r"dog|horse|pig|bull|calf|mule|elephant|animal)(?=\s*(?:[,.;)]|$)|\s+(?:was|is|had|has|"
    r"and|in|at|on|of|near|outside|inside|from|during|after|while|when|belonging|owned|by|"
    r"with)\b)"
)


def one_animal(low: str, start: int, trigger: tuple[int, int], hi: int) -> bool:
    """True when the one-victim phrase starting at ``start`` with ``trigger`` names an animal:
    as the subject before the trigger ("a buffalo was killed") or its object ("killed an
    ox")."""
    at = start if start < trigger[0] else trigger[1] + 1
    end = trigger[0] if start < trigger[0] else min(hi, at + 40)
    if not contains_any(low, _ANIMAL_STEMS, at, end):
        return False
    return _ANIMAL_VICTIM.match(low, at, end) is not None


_ANIMALS: Final = re.compile(
    rf"(?:\s+{NOT_STOP}[\w-]+){{0,2}}?\s+(?:heads?\s+of\s+|of\s+(?:their|the|his|her)\s+)?"
    r"(?:camels?|cattle|cows?|"
    r"oxen|sheep|goats?|donkeys?|dogs?|animals|livestock|horses?|chickens?|pigs?|bulls?|calves|"
    r"mules?|elephants?|rhinos?|lions?|birds)(?=\s*(?:[,.;)]|$)|\s+(?:were|was|have|had|are|"
    r"and|belonging|owned|in|at|on|of|from|during|after|while|when|that|which|by|with|to|"
    r"[a-z]+ly)\b)"
)
