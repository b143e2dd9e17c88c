"""Casualty mentions: a count tied to a killing, wounding, disappearance, abduction or arrest.

Each figure found by :mod:`numbers` is tied to a trigger by one of four rules, tried in turn:
a toll phrase before it ("the death toll rose to 19,000"), a trigger after it ("18 people
were killed", "12 dead"), a verb before it ("killing at least 25"), or an "including ..."
clause that narrows the figure before it ("... including five children"). A singular rule
covers "a soldier was killed". Scope is ``cumulative`` when the clause holding the figure
speaks of a toll or a period ("since October 7", "so far", "in total"), else ``incident``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Set

from consumers.extraction import people, revisions, victims
from consumers.extraction.casualty_modality import aside, figure_modality, negated
from consumers.extraction.far_verbs import far_verb
from consumers.extraction.headline_grammar import BEFORE_HEADLINE as _BEFORE_HEADLINE
from consumers.extraction.headline_grammar import HEADLINE_GATE as _HEADLINE_GATE
from consumers.extraction.matching import KeySearch, contains_any, trie_alternation, word_search
from consumers.extraction.mentions import MAX_PEOPLE, Mention, Tie
from consumers.extraction.notes import (
    ALTERNATIVE_GATE,
    CODING_GATES,
    coding_notes,
    with_alternatives,
)
from consumers.extraction.numbers import NumberMention, find_numbers, not_a_count
from consumers.extraction.scopes import CUMULATIVE_GATE, PERIOD_WORDS, Clauses
from consumers.extraction.triggers import ADVERB as _ADVERB
from consumers.extraction.triggers import ANY_TRIGGER as _ANY_TRIGGER
from consumers.extraction.triggers import NOT_DONE as _NOT_DONE
from consumers.extraction.triggers import NOT_ONE as _NOT_ONE
from consumers.extraction.triggers import NUMBER_WORDS as _NUMBER_WORDS
from consumers.extraction.triggers import STOP as _STOP
from consumers.extraction.triggers import STOP_WORDS as _STOP_WORDS
from consumers.extraction.triggers import TRIGGER as _TRIGGER
from consumers.extraction.triggers import TRIGGER_STEMS
from consumers.extraction.triggers import TRIGGERS as _TRIGGERS
from consumers.extraction.triggers import VERB_BE as _VERB_BE
from consumers.extraction.triggers import trigger_kind as _kind

# the words that may stand between a figure and its trigger ("5 people were killed"); each
# is one word, so at most one fits before ``\b`` and a trie of them matches as the list did
_FILLER_WORDS = (
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
# then the people words, longest first as ``people.WHO_WORDS`` (as a trie: the same match)
_FILLER = f"{trie_alternation(sorted(set(_FILLER_WORDS)))}|{people.WHO_TRIE}"
# a word that does not end a figure's noun phrase (the trie of ``_STOP`` and "and", inside a
# negative look-ahead, where the order of words does not matter)
_NOT_STOP = rf"(?!(?:{trie_alternation([*_STOP.split('|'), 'and'])})\b)"
_AFTER = re.compile(
    rf"(?:\s+(?:{_FILLER})\b|,\s+(?:including|among\s+them)\s[^,.;]{{1,60}}?,){{0,7}}"
    rf"\s+(?:{_TRIGGER})\b",
)
_AFTER_BARE = re.compile(rf"\s+(?:{_TRIGGER})\b")
# "6 TTP militants were killed": up to six unlisted words between a figure and its trigger
_AFTER_LOOSE = re.compile(
    rf"(?:,?\s+including|\s+belonging\s+to|\s+and(?!\s+{_VERB_BE}(?:{_ANY_TRIGGER})\b)|"
    rf"\s+{_NOT_STOP}[a-z(\['\"][\w().'/\"\[\]-]*|\s+\d{{1,3}}-year-old){{1,10}}?\s+"
    rf"{_VERB_BE}{_ADVERB}"
    rf"(?:{_TRIGGER})\b"
)
_BEFORE = re.compile(
    r"(?:(?P<killed>\b(?:killed|killing|kills|kill|massacred|murdered|assassinated|"
    r"assassinating|executed|executes|executing|shot\s+dead|"
    r"slaughtered|beheaded|lynched|gun\s+down|guns\s+down|"
    r"claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|deaths?\s+of\s+the|deaths\s+of|killing\s+of|"
    r"gunned\s+down|shot\s+and\s+killed|shooting\s+dead|death\s+of|burn(?:t|ed)\s+alive|"
    r"(?:killed|lynched|murdered)\s+and\s+(?:burned|burnt|mutilated|beheaded|robbed)|"
    r"(?:killed|dead|died),?\s+along\s+with|"
    r"bodies\s+of)(?:\s+at\s+least)?)|"
    r"(?P<wounded>\b(?:wounded|wounding|wounds|injured|injuring|injures|hurt|hurting|maimed))|"
    r"(?P<hostage>\b(?:kidnapped|kidnapping|abducted|abducting|seized))|"
    r"(?P<detained>\b(?:arrested|arresting|arrests|detained|detaining|detains|rounded\s+up|"
    r"apprehended|arrest\s+of|detention\s+of)))"
    r"\s+(?:(?:a\s+further|another|an\s+additional|a\s+total\s+of|his|her|their|"
    r"(?:an\s+entire\s+|a\s+|the\s+)family\s+of)\s+)?$",
)
# the last word of every branch of ``_BEFORE`` and of its tail: the text before a figure's
# white space must end with one before the regex is tried
_BEFORE_ENDS = ("killed", "killing", "kills", "kill", "massacred", "murdered", "assassinated",
                "alive", "assassinating", "executed", "dead", "slaughtered", "beheaded", "lynched",
                "down", "of", "with", "least", "wounded", "wounding", "wounds", "injured",
                "injuring", "injures", "hurt", "hurting", "maimed", "kidnapped", "kidnapping",
                "abducted", "abducting", "seized", "arrested", "arresting", "arrests", "detained",
                "detaining", "detains", "up", "apprehended", "further", "another", "additional",
                "executes", "executing", "his", "her", "their", "the", "burned", "burnt",
                "mutilated", "robbed")  # fmt: skip
# a stem of every branch of ``_BEFORE``, looked for first (``contains_any``)
_BEFORE_GATE = ("kill", "massacr", "murder", "assassinat", "execut", "shot", "lives", "death",
                "bodies", "gun", "shooting", "dead", "died", "wound", "injur", "hurt", "maim",
                "slaughter", "behead", "lynch", "kidnap", "abduct", "seiz", "arrest", "detain",
                "detention", "rounded", "apprehend", "alive")  # fmt: skip
_MODAL = re.compile(r"\b(?:would|could|might|may|will|threaten\w*\s+to|vow\w*\s+to|nearly|"
                    r"almost)\s+$")  # fmt: skip
_KILLED_TOLL = (
    r"death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|those\s+killed|fatalities|"
    r"victims|people\s+who\s+have\s+died)"
)
_WOUNDED_TOLL = r"number\s+of\s+(?:wounded|injured|people\s+wounded|people\s+injured)|injury\s+toll"
_TOLL = re.compile(
    rf"\b(?:(?P<wounded>{_WOUNDED_TOLL})|(?P<killed>{_KILLED_TOLL}|(?:bringing|raising|taking|"
    r"pushing)\s+the\s+(?:\w+\s+)?total|bring|brings|bringing|raising|raises|takes|taking))"
    r"\b[^.;]{0,60}?"
    r"\b(?:to|at|of|reached|passed|surpassed|exceeded|topped|hit|past|is|was|stands\s+at|"
    r"stood\s+at|now|over|above|beyond)\s+$",
)
_TOLL_GATE = ("toll", "number", "total", "bring", "rais", "taking", "takes")
# the last word of every branch of the end of ``_TOLL``, looked for before the gate
_TOLL_ENDS = ("to", "at", "of", "reached", "passed", "surpassed", "exceeded", "topped", "hit",
              "past", "is", "was", "now", "over", "above", "beyond")  # fmt: skip
_SUBSET = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+dead\s+were|"
    r"among\s+the\s+dead)\s+$",
)
_UPDATE_WORDS = ("later", "rose", "risen", "climbed", "increased", "jumped", "updated", "revised",
                 "now", "latest", "final", "subsequently")  # fmt: skip
_UPDATE = re.compile(rf"(?:{'|'.join(_UPDATE_WORDS)})\b")
# the same words in one automaton: most windows hold none, and are then not searched
_UPDATE_KEYS = KeySearch(list(_UPDATE_WORDS), longest=True)


def _trigger_span(match: re.Match[str]) -> tuple[int, int]:
    return match.span(_kind(match))


# the words right before a trigger that say no one died ("were nearly lynched", "escaped death")
_NEARLY = (" nearly ", " almost ", " escape ", " escaped ", " escapes ", " escaping ")


def _tie(
    text: str, num: NumberMention, lo: int, hi: int, prev: Mention | None, trigger_at: int
) -> Tie | None:
    """``(kind, trigger span, toll?, subset?)`` for a figure, or None when it is no casualty;
    ``trigger_at`` is where the first trigger stem after the figure starts."""
    window = max(lo, num.start - 100)
    head = text[window : num.start]
    toll = (
        _TOLL.search(text, window, num.start)
        if head[-1:].isspace()
        and head.rstrip().endswith(_TOLL_ENDS)
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
    if after and not _killers(text, after):
        trig = next(k for k in _TRIGGERS if after.group(k))
        if trig != "killed" and text.endswith(" the ", num.end, after.start(trig)):
            return None  # "2 of the kidnapped women were killed": an adjective, not the verb
        if text.endswith(_NEARLY, num.end, after.start(trig)):
            return None  # "two officers were nearly lynched", "four escaped death": no one died
        if trig != "killed" and text.find(" and ", num.end, after.start(trig)) != -1:
            # "killing 18 and causing many injuries": the verb before holds the figure
            return _verb_before(text, num, lo) or (trig, after.span(trig), False, False)
        return trig, after.span(trig), False, False
    before = _verb_before(text, num, lo)
    if before is not None:
        return before
    if (labelled := _labelled(text, num, lo)) is not None:
        return labelled
    if (
        text.startswith(_OTHERS, num.end)
        or text.endswith(_JOINS, lo, num.start)
        and _PEOPLE_AFTER.match(text, num.end, hi) is not None
    ) and (joined := _and_others(text, num, lo)) is not None:
        return joined
    if prev is not None and _SUBSET.search(text, max(lo, num.start - 24), num.start):
        return prev.kind, prev.trigger, False, True
    if text.find("themselves", num.end, min(hi, num.end + 120)) != -1:
        return _themselves(text, num, hi)
    return None


# "three suicide bombers ... killing only themselves": the attackers are the dead
_THEMSELVES = re.compile(r"[^.;]{1,100}?\b(?P<killed>kill(?:s|ed|ing)?\s+only\s+themselves)\b")


def _themselves(text: str, num: NumberMention, hi: int) -> Tie | None:
    """The tie of a figure of attackers who killed only themselves."""
    found = _THEMSELVES.match(text, num.end, hi)
    if found is None or text.endswith(_NOT_DONE, num.end, found.start("killed")):
        return None
    return "killed", found.span("killed"), False, False


def _verb_before(text: str, num: NumberMention, lo: int) -> Tie | None:
    """The tie of a figure to the verb right before it ("killing at least 25")."""
    start = max(lo, num.start - 48)
    head = text[start : num.start]
    before = None
    if head[-1:].isspace() and head.rstrip().endswith(_BEFORE_ENDS):
        before = _BEFORE.search(text, start, num.start)  # a match holds a ``_BEFORE_GATE`` stem
    if before is None:
        # the headline verbs are tried where both gates pass (the rarer first)
        if not contains_any(text, _HEADLINE_GATE, start, num.start) or not contains_any(
            text, _BEFORE_GATE, start, num.start
        ):
            return None
        before = _BEFORE_HEADLINE.search(text, start, num.start)
    if before and not _MODAL.search(text, max(lo, before.start() - 20), before.start()):
        if text.startswith("lynch", before.start()) and text.endswith(" to ", lo, before.start()):
            return None  # "forced their way in to lynch two": an aim, not a killing
        if text.startswith("execut", before.start()) and _NOT_PEOPLE.match(text, num.end):
            return None  # "executed 3 contracts": no killing
        return _kind(before), before.span(), False, False
    return None


# what is executed when no one is: "executes 3 contracts", "executed two orders"
_NOT_PEOPLE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:contracts?|orders?|warrants?|plans?|projects?|deals?|trades?|"
    r"transactions?|programm?es?|tasks?|operations?|strateg(?:y|ies)|moves?|steps?|polic(?:y|ies)|"
    r"agreements?|transfers?|payments?|jobs?)\b"
)


# "claimed four lives", "cost 12 lives": a figure of lives taken
_LIVES = (" lives", " life")
_TAKEN = re.compile(r"\b(?:claimed|claiming|claims|claim|cost|costing|costs|took|taking)\s+$")
# "FATALITIES: 15": a figure under a coder's label
_LABELS = ("fatalities:", "fatalities: ", "fatalities : ")


def _labelled(text: str, num: NumberMention, lo: int) -> Tie | None:
    """The tie of a figure of lives taken ("claimed four lives") or labelled as deaths
    ("Fatalities: 15")."""
    if text.startswith(_LIVES, num.end):
        taken = _TAKEN.search(text, max(lo, num.start - 12), num.start)
        if taken is not None:
            size = len(" lives") if text.startswith(" lives", num.end) else len(" life")
            return "killed", (taken.start(), num.end + size), False, False
    if text.endswith(_LABELS, lo, num.start):
        label = text.rfind("fatalities", lo, num.start)
        return "killed", (label, label + len("fatalities")), False, False
    return None


# "killed a monarch and three others", "killing himself, two other bombers and six people": a
# figure joined to one victim of a verb
_AND_OTHERS = re.compile(
    r"(?P<killed>kill(?:s|ed|ing)?|shot\s+dead|shoots?\s+dead|gunned\s+down|murdered|"
    r"murdering)\s+(?:(?:a|an|the)\s+[^,.;]{1,50}?|himself|herself)(?:\s+and|,)\s+$"
)
_OTHERS = (" others", " other ", " more ")
_JOINS = (" and ", ", ")
# "killing herself and seven passengers of a bus": the words after a figure joined so, a noun
# phrase with no verb of its own ("and 200 fled" is no count of the dead)
_PEOPLE_AFTER = re.compile(
    rf"(?:\s+(?!(?:were|was|are|is|have|had|fled|escaped|survived)\b){_NOT_STOP}[a-z][\w'-]*)"
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
_ACTIVE_VERB = ("killed", "gunned down", "shot dead", "shot to death", "murdered", "lynched",
                "stabbed to death", "beaten to death", "hacked to death")  # fmt: skip
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|his|her|their|its|one|another)\s")
_BE = re.compile(r"\b(?:were|was|been|are|is|being|be)\s")
_FIGURE_AFTER = re.compile(rf"\s+(?:\d|(?:{_NUMBER_WORDS})\b)")
# "1 killed 5 injured": a list of figures, not a killing of five
_LIST_AFTER = re.compile(r"\s+\S+\s+(?:others?\s+|more\s+)?(?:injured|wounded|hurt|dead|missing)\b")


def _killers(text: str, after: re.Match[str]) -> bool:
    """True when the trigger after a figure is an active verb with an object of its own: the
    figure is then the subject, the people who killed."""
    kind = _kind(after)
    if kind != "killed" or not text.endswith(_ACTIVE_VERB, after.start(), after.end(kind)):
        return False
    if _BE.search(text, after.start(), after.start(kind)) is not None:
        return False
    if _OBJECT_AFTER.match(text, after.end(kind)) is not None:
        return True
    # "6 Dogra gunned down three rebels": a figure after the verb is the dead (words between
    # the first figure and the verb: "two killed three injured" is a list)
    return (
        bool(text[after.start() : after.start(kind)].strip())
        and _FIGURE_AFTER.match(text, after.end(kind)) is not None
        and _LIST_AFTER.match(text, after.end(kind)) is None
    )


# "37 fighters, including 7 leaders, were killed": a figure and its part before one trigger
_INCLUDING = re.compile(
    rf"(?:\s+{_NOT_STOP}[a-z][\w().'/-]*){{0,4}}?,?\s+(?:including|among\s+them|"
    r"among\s+whom)\s+(?:a\s+|at\s+least\s+)?"
)
# "7 militants and 3 soldiers were killed": two figures joined before one trigger
_JOINED = re.compile(
    rf"(?:\s+{_NOT_STOP}[a-z][\w().'/-]*){{0,4}}?(?:\s+(?:of|from)(?:\s+{_NOT_STOP}[a-z][\w().'/-]*)"
    r"{1,4}?)?,?\s+(?:and|as\s+well\s+as|along\s+with)\s+"
)


# "5 soldiers, 1 officer and ...": a figure of a list, its noun, then a comma
_LISTED = re.compile(rf"(?:\s+{_NOT_STOP}[a-z][\w().'/-]*){{1,4}}?,\s+")
# "in 2 villages, 5 soldiers and ...": a figure after a preposition is no item of a list
_PREPOSITION = re.compile(r"\b(?:in|at|on|of|from|over|across|after|for|by|with|near|to|within|"
                          r"between|during)\s+(?:the\s+)?$")  # fmt: skip


# "two of the five robbers", "three members of a four-man gang": the first figure is a part
# of the group the second counts
_OF_GROUP_GAP = re.compile(r"(?:\s+[a-z]+)?\s+of\s+(?:(?:the|a|an|those|these|their)\s+)?")
# "targeted two guards in the town, killing them": the people a figure counts, killed
_KILLING_THEM = re.compile(
    r"[^.;]{0,100}?,\s+(?P<killed>(?:killing|killed)\s+(?:them|both\s+of\s+them|all\s+of\s+them))\b"
)


def _them(low: str, untied: NumberMention, hi: int) -> Tie | None:
    """The tie of a figure no trigger took to a killing of "them" after a comma."""
    found = _KILLING_THEM.match(low, untied.end, hi)
    if found is None or _animals(low, untied.end, hi):
        return None  # "stole 30 goats, killing them": no people
    return "killed", found.span("killed"), False, False


# a sentence that lists who the dead of a figure told before were
_PARTS_OPENERS = ("the dead included ", "the dead include ", "the victims included ",
                  "the victims include ", "those killed included ",
                  "those killed include ")  # fmt: skip


def _listed(
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


def _joined_before(
    low: str, lo: int, listed: list[NumberMention], untied: NumberMention, num: NumberMention,
    trigger: tuple[int, int],
) -> list[NumberMention]:  # fmt: skip
    """The untied figures that share the trigger of ``num``: ``untied`` joined by "and" ("7
    militants and 3 soldiers were killed") with those listed before it ("5 soldiers, 1
    officer and 27 militants"), or people listed with a comma alone before the verb ("3
    civilians, 15 fighters were killed")."""
    if _JOINED.fullmatch(low, untied.end, num.start) is not None:
        return [*listed, untied]
    if trigger[0] > num.end and people.who_in(low, untied.end, num.start) is not None:
        return _listed(low, lo, listed, untied, num)
    return []


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
    numbers = find_numbers(low, lo, hi)
    part = low[lo:hi]  # one slice for every gate: ``in`` is cheaper than a bounded find
    words = gate_words(part) if words is None else words
    may_revise = not words.isdisjoint(revisions.GATE)
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
        if revised is not None:
            tie: Tie | None = ("killed", revised, False, False)
        else:
            tie = _tie(low, num, lo, hi, prev, triggers[at] if at < len(triggers) else hi)
        tie = tie or _joined_after(low, num, hi, prev)
        tie = tie or far_verb(low, num, hi, numbers[k + 1 :])
        if tie is not None and _animals(low, num.end, hi):
            tie = None  # "five camels were killed", "killed six oxen": no people
        if tie is not None and _OF_THE_DEAD.match(low, num.end, hi):
            tie = (*tie[:3], True)  # "one of the dead", "seven of those killed": a part
        if tie is None:
            listed = _listed(low, lo, listed, untied, num)
            untied = num
            continue
        clauses = clauses or Clauses(low, lo, hi, words)
        if untied is not None and _OF_GROUP_GAP.fullmatch(low, untied.end, num.start):
            num, untied = untied, None  # "two of the five robbers were killed": two died
        if untied is not None and not tie[3] and _INCLUDING.fullmatch(low, untied.end, num.start):
            # "37 fighters including 7 leaders were killed": the first figure, and a part
            found.append(_mention(low, lo, hi, untied, (*tie[:3], False), clauses, prev))
            prev, tie = found[-1], (*tie[:3], True)
        elif untied is not None and not tie[3]:
            for i, item in enumerate(_joined_before(low, lo, listed, untied, num, tie[1])):
                mention = _mention(low, lo, hi, item, (*tie[:3], False), clauses, prev)
                found.append(mention._replace(added=mention.added or i > 0))
        mention = _mention(low, lo, hi, num, tie, clauses, prev)
        if revised is not None:
            mention = mention._replace(scope="incident", update=True, revised=True)
        if found and found[-1].trigger == tie[1] and found[-1].number.value == num.value:
            mention = mention._replace(added=not tie[3])  # "two soldiers and two rebels": 4
        found.append(mention)
        covered, untied, listed = max(covered, tie[1][1]), None, []
    if untied is not None and " them" in part and (them := _them(low, untied, hi)) is not None:
        clauses = clauses or Clauses(low, lo, hi, words)
        found.append(_mention(low, lo, hi, untied, them, clauses, found[-1] if found else None))
    found += _singulars(low, lo, hi, found, clauses, text, part, words)
    if found and part.startswith(_PARTS_OPENERS):  # "The dead included a boy and ...": parts
        found = [m._replace(subset=True) if m.kind == "killed" else m for m in found]
    if found and not words.isdisjoint(ALTERNATIVE_GATE):
        found = with_alternatives(low, lo, hi, found)
    if not words.isdisjoint(CODING_GATES):
        return coding_notes(low, lo, hi, found, words)
    return found


# an animal in the next three words of a figure, looked for before ``_ANIMALS``
_ANIMAL_NEAR = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:camel|cattle|cow|oxen|sheep|goat|donkey|dog|animal|livestock|"
    r"horse|chicken|pig|bull|calves|mule|elephant|rhino|lion|bird|head)"
)


def _animals(low: str, end: int, hi: int) -> bool:
    """True when the figure ending at ``end`` counts animals ("five camels were killed")."""
    return _ANIMAL_NEAR.match(low, end, min(hi, end + 32)) is not None and (
        _ANIMALS.match(low, end, min(hi, end + 40)) is not None
    )


_ANIMALS = re.compile(
    rf"(?:\s+{_NOT_STOP}[\w-]+){{0,2}}?\s+(?:heads?\s+of\s+|of\s+(?:their|the|his|her)\s+)?"
    r"(?:camels?|cattle|cows?|"
    r"oxen|sheep|goats?|donkeys?|dogs?|animals|livestock|horses?|chickens?|pigs?|bulls?|calves|"
    r"mules?|elephants?|rhinos?|lions?|birds)(?=\s*(?:[,.;)]|$)|\s+(?:were|was|have|had|are|"
    r"and|belonging|owned|in|at|on|of|from|during|after|while|when|that|which|by|with|to|"
    r"[a-z]+ly)\b)"
)


_OF_THE_DEAD = re.compile(
    r" of (?:the|those)(?: [\w-]+)? (?:dead|killed|deceased|bodies|victims|slain|fatalities)\b"
)


# "killing 12 people in Akida and nine others in Mbuta": words with no verb, then "and"
_JOINED_PAST_PLACE = re.compile(
    r"(?:\s+(?!(?:and|who|which|that|were|was)\b)[\w().'/-]+){1,6}?,?\s+and\s+"
)


def _joined_after(low: str, num: NumberMention, hi: int, prev: Mention | None) -> Tie | None:
    """ "killed four farmers and a soldier": a figure joined to one a verb before tied ("nine
    others" past a place: "killing 12 people in Akida and nine others in Mbuta")."""
    if prev is None or prev.subset or prev.trigger[0] > prev.number.start:
        return None
    if _JOINED.fullmatch(low, prev.number.end, num.start) is None and not (
        low.startswith(_OTHERS, num.end)
        and _JOINED_PAST_PLACE.fullmatch(low, prev.number.end, num.start) is not None
        and _PEOPLE_AFTER.match(low, num.end, hi) is not None  # not "and nine others fled"
    ):
        return None
    return prev.kind, prev.trigger, False, False


def _mention(
    low: str, lo: int, hi: int, num: NumberMention, tie: Tie, clauses: Clauses,
    prev: Mention | None,
) -> Mention:  # fmt: skip
    """The mention of a figure tied to a trigger."""
    kind, trigger, toll, subset = tie
    if not (subset or toll) and (one := _joined_one(low, lo, hi, num, trigger)):
        high = None if num.high is None else num.high + one
        num = num._replace(value=num.value + one, low=num.low + one, high=high)
    who = people.who_in(low, num.end, _phrase_end(low, num.end, hi))
    if subset and prev is not None:
        scope, modality = prev.scope, prev.modality
    else:
        scope = clauses.scope(num.start, toll, num.value)
        modality = figure_modality(low, lo, num.start, trigger)
    total = scope == "total"
    stop = max(num.end, trigger[1])
    start = max(lo, num.start - 80)
    update = bool(_UPDATE_KEYS.find(low[start:stop])) and (
        word_search(_UPDATE, low, start, stop) is not None
    )
    added = _ADDED_AFTER.match(low, num.end, hi) is not None or _added_before(low, lo, num.start)
    return Mention(kind, num, "cumulative" if total else scope, trigger, who, subset, modality,
                   update, added, total=total)  # fmt: skip


# "two more died", "three others dead", "another soldier": people besides those told before
_ADDED_AFTER = re.compile(r"\s+(?:more|others|other|further|additional)\b")
_ADDED_BEFORE = re.compile(r"(?:another|a\s+further|an\s+additional|a\s+second|a\s+third)\s*$")


_SELF = ("himself", "herself")  # a shooter who kills himself is one more death


def _added_before(low: str, lo: int, pos: int) -> bool:
    """True when "another", "the other", "a further" or "a second" opens the figure at
    ``pos``."""
    if low.startswith(("another", "the other "), pos):
        return True
    return _ADDED_BEFORE.search(low, max(lo, pos - 16), pos) is not None


_ONE_WORD = rf"(?!(?:{_STOP_WORDS}|{_NOT_ONE}|half|and|was|were|is|are)\b)[\w().'/\"-]+"
# "three policemen and a civilian were killed": one more person joined to a figure
_AND_ONE_BETWEEN = re.compile(
    rf"(?:\s+{_ONE_WORD}){{0,5}}?\s+and\s+(?:a|an)\s+{_ONE_WORD}(?:\s+{_ONE_WORD}){{0,3}}?"
    rf"\s+{_VERB_BE}{_ADVERB}"
)
# "killed four farmers and a volunteer fighter"
_AND_ONE_AFTER = re.compile(
    rf"(?:\s+{_ONE_WORD}){{0,4}}?\s+(?:and|along\s+with)\s+(?:(?:a|an)\s+(?:{_ONE_WORD}\s*){{1,5}}"
    r"(?=[,.;(]|$|\s+(?:in|at|on|near|before|after|while|during)\b)|(?:himself|herself)\b)"
)
# "an army officer and two militants were killed"
_ONE_AND_BEFORE = re.compile(
    rf"(?:^|(?<=\W))(?:a|an)\s+(?:{_ONE_WORD}\s+){{0,3}}?(?!\w+ed\s)\w+,?\s+"
    r"(?:and|as\s+well\s+as|along\s+with)\s+(?:his\s+|her\s+|their\s+)?$"
)


_AND_WORDS = (" and ", " as well as ", " along with ")
_PREPOSITIONS = (" over ", " in ", " of ", " at ", " from ", " with ", " for ", " about ", " into ",
                 " on ", " by ", " during ", " after ", " to ", " near ", " against ")  # fmt: skip


def _joined_one(low: str, lo: int, hi: int, num: NumberMention, trigger: tuple[int, int]) -> int:
    """1 when one more person is named with "and a ..." beside a figure, else 0."""
    if trigger[0] >= num.end:
        if low.find(" and ", num.end, trigger[0]) != -1 and _AND_ONE_BETWEEN.fullmatch(
            low, num.end, trigger[0]
        ):
            return 1
        before = max(lo, num.start - 60)
        if not contains_any(low, _AND_WORDS, before, num.start):
            return 0
        one = _ONE_AND_BEFORE.search(low, before, num.start)
        # "over an unknown dispute, and 2 soldiers": a thing after a preposition is no person
        return int(one is not None and not low.endswith(_PREPOSITIONS, lo, one.start()))
    if not contains_any(low, _AND_WORDS, num.end, min(hi, num.end + 80)):
        return 0
    return int(_AND_ONE_AFTER.match(low, num.end, hi) is not None)


_PHRASE_END = re.compile(r"[,;.:()]|\s(?:including|and|but|in|on|at)\s")


def _phrase_end(text: str, pos: int, hi: int) -> int:
    """End of the noun phrase that follows a figure (at most 40 characters)."""
    limit = min(hi, pos + 40)
    stop = _PHRASE_END.search(text, pos, limit)
    return stop.start() if stop else limit


def _singulars(
    low: str, lo: int, hi: int, found: list[Mention], clauses: Clauses | None, text: str,
    part: str, words: Set[str],
) -> list[Mention]:  # fmt: skip
    """ "a soldier was killed", "Kyle Brown was shot and killed": one person, when no figure
    already covers the phrase. ``text`` is the original text (names are capitalised) and
    ``part`` the sentence ``low[lo:hi]``, ``words`` its :func:`gate_words`. A
    death comes before the verbs inside its phrase ("a leader, who was injured ..., died")."""
    taken = [(m.number.start, m.trigger[1]) for m in found]
    extra = []
    for start, end, kind, trigger, count in victims.find_spans(low, lo, hi, text, part, words):
        if any(s < end and start < e for s, e in taken) or aside(low, lo, start):
            continue
        clauses = clauses or Clauses(low, lo, hi, words)
        num = NumberMention(count, count, count, False, start, start + 1, start)
        who = people.who_in(low, start, min(hi, end + 40))
        modality = figure_modality(low, lo, start, trigger)
        scope = clauses.scope(start, False, count)
        added = _added_before(low, lo, start) or low.endswith(_SELF, trigger[0], trigger[1])
        total = scope == "total"
        extra.append(Mention(kind, num, "cumulative" if total else scope, trigger, who, False,
                             modality, False, added, total=total))  # fmt: skip
        taken.append((start, end))
    return sorted(extra, key=lambda m: m.number.start)


# every word the sentence-wide gates above look for (``words.isdisjoint(...)``): the scanner
# finds them for a whole text in its one pass
GATE_WORDS = frozenset({*PERIOD_WORDS, *CUMULATIVE_GATE, *ALTERNATIVE_GATE,
                        *CODING_GATES, *victims.GATE_WORDS, *revisions.GATE})  # fmt: skip


def gate_words(part: str) -> set[str]:
    """The :data:`GATE_WORDS` that occur in the sentence ``part``."""
    return {word for word in GATE_WORDS if word in part}
