"""The words casualty rules share: triggers by kind, the words that end a figure's noun
phrase, and the small helpers every rule module uses.

``TRIGGERS`` maps a kind (``killed``, ``wounded``, ``missing``, ``hostage``, ``detained``)
to the regex of its trigger words; ``TRIGGER`` joins them as named groups, so
:func:`trigger_kind` tells which kind a match holds. ``Span`` is what a one-victim rule
returns: ``(start, end, kind, trigger span, people)``.
"""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.matching import branched, trie_alternation
from consumers.extraction.numbers import MONTH

# "kil{1,3}ed": "kiled" and "killled", misspellings event notes often hold, are "killed"; so is
# "causalities", which those notes write for deaths ("Two causalities reported")
# "abducted", "dragged from his car", "stripped naked", "snatched from the police by residents":
# what is done to people before "and killed" ("was nabbed, stripped naked, and clubbed to death")
_HARMED: Final = (
    r"(?:kidnapped|abducted|arrested|tortured|beaten|shot|attacked|ambushed|stabbed|captured|"
    r"targeted|targetted|dragged|snatched|nabbed|stripped|seized|mobbed|raped|hacked|tied\s+up)"
    r"(?:\s+(?:naked|(?:by|from|out\s+of|off)\s+[^,.;]{1,50}?))?"
)
TRIGGERS: Final = {
    "killed": rf"{_HARMED}(?:,\s+{_HARMED}){{0,3}},?\s+and\s+(?:then\s+|later\s+)?"
    r"(?:kil{1,3}ed|shot\s+dead|murdered|executed|beheaded|decapitated|lynched|"
    r"(?:beaten|clubbed|stoned|hacked)\s+to\s+death|(?:burnt|burned)\s+alive)|"
    r"kil{1,3}ed|dead|died|"
    r"die(?=\s+(?:in|as|after|during|when|from|at|on|following)\b)|"
    r"dying|death(?:s|(?=\s*(?:[,.;)]|$|\s+(?:and|reported|was|has|in|on|at|plus|while|during|"
    r"after|as|when|from|among|is|were)\b)))|fatalit(?:ies|y)|causalit(?:ies|y)|slain|slaughtered|beheaded|decapitated|perished|(?:burnt|burned)\s+alive|lost\s+(?:their|his|her)\s+li(?:ves|fe)|massacred|"
    r"murdered|assassinated|executed|martyred|shot\s+dead|gunned\s+down|lynched|(?:hacked|axed|beaten|stabbed|clubbed|"
    r"clobbered|burn(?:ed|t)|chopped|tortured|bludgeoned|shot|crushed|stoned|lynched|"
    r"(?!(?:sentenc|condemn|frighten|scar|bor|threaten)ed\b)[a-z]{3,}ed)\s+to\s+death|"
    r"bodies|corpses|succumbed\s+to\s+(?:(?:his|her|their)\s+)?(?:[\w-]+\s+)?(?:injuries|wounds)|neutrali[sz]ed|"
    r"eliminated|fatally\s+(?:shot|stabbed|wounded|injured|struck|hit)|"
    r"(?<=pronounced\s)deceased",  # "was pronounced deceased" (not "the deceased")
    "wounded": r"wounded|injured|injuries|hurt|maimed",
    "missing": r"missing|unaccounted\s+for|trapped|buried",
    "hostage": r"hostages?|captives?|held\s+captive|kidnapped|abducted|abductees",
    "detained": r"arrested|detained|detainees|in\s+custody|apprehended|rounded\s+up",
}
# (each optional group as a branch, :func:`branched`: the same matches, found faster)
TRIGGER: Final = branched("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in TRIGGERS.items()))

ANY_TRIGGER: Final = branched("|".join(f"(?:{pattern})" for pattern in TRIGGERS.values()))
# how every branch of ``TRIGGERS`` starts (its first three letters), "in custody" (as far as
# its white space and "c": the word "in" alone, which follows most figures' fillers, opens
# no trigger) and the test every "...ed to death" branch passes: a cheap look-ahead, a trie,
# put before the triggers where they are tried at each word, so that most words fail it at
# once instead of entering every branch (the triggers' own order, which decides the match, is
# kept)
_TRIGGER_STARTS: Final = (
    "kid abd arr tor bea sho att amb sta cap tar dra sna nab str sei mob rap hac tie kil dea die "
    "dyi fat cau sla beh dec per bur los mas mur ass exe mar gun lyn axe clu clo cho blu cru sto "
    "bod cor suc neu eli wou inj hur mai mis una tra hos hel det app rou"
).split()
TRIGGER_AHEAD: Final = (
    rf"(?=(?:{trie_alternation(sorted(set(_TRIGGER_STARTS)))})|in\s+c|[a-z]{{3,}}ed\s+to\s)"
)
# a stem of every trigger, starting one of its words: a figure with none in reach has no
# trigger after it (the scanner finds them for a whole text in its one pass)
TRIGGER_STEMS: Final = ("kill", "dead", "die", "dying", "death", "fatal", "slain", "slaughter",
                        "behead", "decapitat", "perish", "burn", "lost", "massacr", "murder",
                        "assassinat", "execut", "martyr", "shot", "gunned", "lynch", "bodies",
                        "corpses", "succumb", "neutrali", "eliminat", "wound", "injur", "hurt",
                        "maim", "missing", "unaccounted", "trapped", "buried", "hostage", "captive",
                        "kidnap", "abduct", "arrest", "detain", "custody", "apprehend", "rounded",
                        "kiled", "causalit", "deceased")  # fmt: skip
# words that end the noun phrase of a figure: "5 houses where people were killed" is no count
NUMBER_WORDS: Final = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|scores"
)
STOP_WORDS: Final = (
    r"or|but|after|before|when|while|as|where|which|who|whom|whose|that|since|because|than|"
    r"with|by|to|for|at|on|in|said|says|told|during|into|if|had|has|have|not|no|would|"
    r"could|will|may|might|per|whereas|although|though|then|reportedly|also"
)
STOP: Final = STOP_WORDS + "|" + NUMBER_WORDS
# what is executed when no one is (a plan, an order, a raid): not a killing
EXECUTED_THINGS: Final = (
    r"contracts?|orders?|warrants?|plans?|projects?|deals?|trades?|transactions?|programm?es?|"
    r"tasks?|operations?|strateg(?:y|ies)|moves?|steps?|polic(?:y|ies)|agreements?|transfers?|"
    r"payments?|jobs?|raids?|attacks?|strikes?|missions?|assaults?|ambush(?:es)?|offensives?|"
    r"sorties?|search(?:es)?|patrols?|exercises?|manoeuvres?|maneuvers?|wills?|coups?|putsch(?:es)?"
)
VERB_BE: Final = branched(
    r"(?:(?:were|was|are|is|(?:have|had|has)\s+(?:reportedly\s+|allegedly\s+|also\s+)?been|got|been|(?:are|is|were|was)\s+"
    r"(?:suspected|believed|feared|thought|reported|said|confirmed)\s+to\s+have\s+been|"
    r"(?:have|has|had)(?=\s+(?:later\s+)?(?:died|perished|succumbed)))\s+)?"
)
# "on 13 Feb 2015", "on March 3rd", "on 24/02", "(on) Friday": a date told inside a clause,
# between a subject and its verb or a verb and its participle
ON_DATE: Final = branched(
    rf"(?:on\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\.?(?:\s+\d{{4}})?|"
    rf"(?:{MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)\s+|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)"
)
ADVERB: Final = branched(
    r"(?:(?:reportedly|allegedly|also|later|then|all|critically|seriously|severely|badly|"
    r"lightly|slightly|reported|confirmed|believed|feared|"
    # "was brutally murdered", "were summarily executed": how the victims were killed
    r"brutally|summarily|mercilessly|savagely|ruthlessly|subsequently|eventually|"
    # "was initially injured before succumbing" (not "initially killed", a first killing)
    r"initially(?=\s+(?:injured|wounded|hurt)\b))\s+"
    # a second one after the first ("was later reported killed", "was also seriously hurt"),
    # tried only where a first one stands
    r"(?:(?:later|reported|reportedly|allegedly|also|then|subsequently|eventually|critically|"
    r"seriously|severely|badly|brutally|summarily)\s+)?)?"
    # "were on 24/02 lynched", "was (on) Friday killed": a date between the verb and its
    # participle
    rf"(?:{ON_DATE}|"
    # "were in the evening hours shot dead": a time of day
    r"in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)(?:\s+hours)?\s+)?"
    '["\u201c]?'  # 'is "hacked to death"': a quoted verb
)
# the words that open ``VERB_BE`` or ``ADVERB`` (its adverbs and its week days; "is", "on"
# and "in", short words, are put with their white space below)
_BE_ADVERB_WORDS: Final = (
    "were was are have had has got been reportedly allegedly also later then all critically "
    "seriously severely badly lightly slightly reported confirmed believed feared brutally "
    "summarily mercilessly savagely ruthlessly subsequently eventually initially monday tuesday "
    "wednesday thursday friday saturday sunday"
).split()
# a look-ahead that every match of ``VERB_BE`` + ``ADVERB`` + ``TRIGGER_AHEAD`` passes: what
# it starts with is a word of ``VERB_BE`` or ``ADVERB``, "is", "on" or "in" and white space, a
# quote or a trigger's start. Put before them where they are tried after each word, it fails
# most words at once, where each of their many branches was tried in turn; it changes no match
BE_ADVERB_AHEAD: Final = (
    rf"(?=(?:{trie_alternation(sorted({*_BE_ADVERB_WORDS, *_TRIGGER_STARTS}))})|[io]n\s|is\s|"
    r'["\u201c]|[a-z]{3,}ed\s+to\s)'
)
# the auxiliaries of a passive before its participle: "was killed", "were executed"
PASSIVE_BE: Final = (" was ", " were ", " is ", " are ")
# the verb of a plural subject before its trigger: "were (later) killed", or no "were" before
# "died" ("both men died", "he and his wife later died")
PLURAL_BE: Final = (
    rf"(?:(?:were|are|have\s+been|had\s+been)\s+{ADVERB}|"
    r"(?:(?:have|had)\s+)?(?:later\s+)?(?=(?:died|perished|succumbed)\b))"
)

# what was done to people before their killing, in the same clause: "(were) tied up and
# taken to a farm", "brought back to their village" (a participle first, then words but a
# clause's or a freeing's, "and" only before another participle)
DONE: Final = (
    r"(?!(?:released|freed|rescued|found|killed|executed|murdered|beheaded)\b)"
    r"(?:[a-z]{2,}(?:ed|en)|set|brought|led|held|left)\b"
    r"(?:,?\s+(?:and(?=\s+[a-z]{2,}(?:ed|en)\b)(?!\s+(?:released|freed|rescued)\b)|"
    r"(?!(?:and|but|while|who|whom|which|where|when|after|until|were|was|is|are|had|has|"
    r"released|freed|rescued)\b)[\w'-]+)){0,10}?"
)
# ... then the killing: "tied up and taken to a farm before being (shot)", "brought back to
# their village and (publicly executed)", "set on fire and (killed)"
DONE_FIRST: Final = rf"{DONE},?\s+(?:and\s+|before\s+being\s+)"

NOT_ONE: Final = (
    r"total|number|few|couple|dozen|handful|lot|further|additional|series|spate|wave|day|week|"
    r"short|while|moment|(?:group|band|gang|crowd|host|score)\s+of"
)


# "tried to kill a", "might kill her", "nearly lynched a": a killing not done
NOT_DONE: Final = (" to ", " might ", " may ", " could ", " would ", " will ", " should ", " must ",
                   " can ", " not ", "n't ", " nearly ", " almost ")  # fmt: skip


Span = tuple[int, int, str, tuple[int, int], int]


# the kinds of ``TRIGGERS`` a pattern names as groups, in that order, by the pattern's text
_KINDS_OF: Final[dict[str, tuple[str, ...]]] = {}


def trigger_kind(match: re.Match[str]) -> str:
    """The first kind of ``TRIGGERS`` whose group ``match`` holds (its pattern's kinds are
    worked out once)."""
    pattern = match.re
    kinds = _KINDS_OF.get(pattern.pattern)
    if kinds is None:
        groups = pattern.groupindex
        kinds = _KINDS_OF[pattern.pattern] = tuple(k for k in TRIGGERS if k in groups)
    for kind in kinds:
        if match.group(kind):
            return kind
    msg = f"no trigger kind matched by {pattern.pattern[:60]!r}"
    raise ValueError(msg)


def victim_span(match: re.Match[str], start: int, count: int = 1) -> Span:
    """``(start, end, kind, trigger span, people)`` of a singular (or paired) phrase."""
    kind = trigger_kind(match)
    return start, match.end(), kind, match.span(kind), count


def has_any(part: str, words: tuple[str, ...]) -> bool:
    """True when one of ``words`` is in ``part`` (a slice made once per sentence)."""
    for word in words:
        if word in part:
            return True
    return False
