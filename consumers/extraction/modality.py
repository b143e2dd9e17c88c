"""Whether a negotiation event is reported as having happened, or only planned, demanded,
supposed or recalled.

``modality_of`` reads the words just before an event's match (its clause) and just around it:

- ``demanded``: a goal or a hope, not a development ("demanded the release", "aimed for", "as a
  war objective", "insisted on", "in bid to free", "she expected to be released");
- ``hypothetical``: a condition or supposition ("if", "unless", "would", "even if", "could"),
  a question ("Will the rebels accept the truce?", "Is a deal in sight?"), or a feature's frame
  ("Inside the secret truce talks", "Explainer: ...", "Experts react: ...", "The junta's ceasefire
  gambit");
- ``planned``: announced for later ("will", "is expected to", "are to be", "plans to");
- ``historical``: a past episode recalled ("a weeklong cease-fire last month", "the 2014 accord";
  not the date of a captivity a release ends: "freed a pilot captured in 2019");
- ``asserted`` otherwise.

Only ``asserted`` and ``planned`` events (done, or agreed for later) are new developments: the
summary's negotiation flag ignores the others. Event types that are plans or calls by nature
(``talks_planned``, ``vote_scheduled``, ``call_for_ceasefire``) are asserted when the plan or
call itself is reported.
"""

from __future__ import annotations

import re
from typing import Final

MODALITIES: Final = ("asserted", "planned", "demanded", "hypothetical", "historical")
_PLAN_TYPES: Final = frozenset({"talks_planned", "vote_scheduled", "call_for_ceasefire"})
_CLAUSE_BREAK: Final = re.compile(
    r"[;:\u2014]|,\s+(?:but|while|whereas|as|after|although)\b|\bbut\b"
)
_DEMANDED: Final = re.compile(
    r"\b(?:demand\w*|insist\w*\s+on|call\w*\s+(?:for|on)|urg\w*|press\w*\s+for|push\w*\s+for|"
    # getting another side to act: "to prod the North to return to talks"
    # (not a side's reaction: "encouraged by progress in the talks", "encouraging signs",
    # "some encouragement from the rebels on the proposal")
    r"prod(?:s|ded|ding)?|nudg\w*|persuad\w*|coax\w*|"
    r"encourag(?:e|es|ed|ing)\b(?!['\"\u2019\u201d]?\s+(?:by|signs?|progress|news|results?|"
    r"steps?|talks|response|reply)\b)|"
    r"appeal\w*\s+(?:for|to)|plead\w*\s+(?:for|with)|"
    r"aim\w*\s+(?:for|at|to)|seek\w*|sought|goal\s+of|objectives?\s+(?:of|is|was)|"
    r"war\s+(?:aim|goal|objective)s?|condition\w*\s+(?:on|for)|in\s+order\s+to|want\w*|"
    r"vow\w*\s+to|pledg\w*\s+to|until|attempt\w*\s+to|tr(?:y|ied|ies|ying)\s+to|"
    r"(?:in\s+)?an?\s+(?:attempt|effort|bid)\s+to|in\s+bid\s+to)\b[^.]*$"
)
_AFTER_DEMANDED: Final = re.compile(
    r"^[^.;]{0,40}?\b(?:as|is|was|are|were|remains?)\s+(?:a|an|its|their|the)\s+"
    r"(?:\w+\s+)?(?:war\s+)?(?:objective|goal|aim|condition|demand)"
)
# a crowd's demand: "thousands protest for the release of the hostages", "families rally for
# a ceasefire", "a vigil for the return of the captives", "a hunger strike for their release"
_RALLIED: Final = re.compile(
    r"\b(?:protest(?:s|ed|ing|ers)?|rall(?:y|ies|ied|ying)|march(?:es|ed|ing|ers)?|"
    r"demonstrat\w*|vigils?|sit-ins?|hunger\s+strikes?)\s+(?:[\w'-]+\s+){0,4}?for\s+"
    r"(?:(?:the|a|an|their|his|her|its)\s+)?(?:[\w'-]+\s+){0,2}$"
)
# ... or a call a release's match spans: "families of hostages call for their remains to be
# returned" (not a proposal's terms: "the proposal calls for a halt" is the proposal made)
_CALLED_INSIDE: Final = re.compile(r"\b(?:call(?:s|ed|ing)?|appeal(?:s|ed|ing)?)\s+for\b")
# a step only thought or imagined, a belief the news then proves wrong: "Villagers thought a
# truce had been sealed", "families imagined the hostages freed" (the step a few words on)
_BELIEVED: Final = re.compile(
    r"\b(?:thought|imagined|dreamt|dreamed)\s+(?:that\s+)?(?:[\w'-]+\s+){0,3}$"
)
_HYPOTHETICAL: Final = re.compile(
    r"\b(?:if|unless|would|could(?!\s+not\b)|might|(?<!\d\s)may(?!\s+\d)|should|whether|"
    r"suppos\w*|in\s+case|hypothetical\w*|imagine|consider(?:s|ing)?)\b[^.]*$"
)
_PLANNED: Final = re.compile(
    r"\b(?:will|shall|to\s+be|is\s+to|are\s+to|(?:is|are|was|were)\s+(?:expected|set|due|"
    r"scheduled|slated|going)\s+to|plans?\s+to|planning\s+to|prepar\w*\s+to|about\s+to)\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)
_CONDITION_AFTER: Final = re.compile(
    r"^[^.;]{0,60}?\b(?:if|unless|provided\s+that|on\s+condition)\b"
)
_PLANNED_INSIDE: Final = re.compile(
    r"\b(?:will|to|would|shall)\s+be\b|\bwill\s+(?:take|come|enter)\b"
)
# one's own hope: "a hostage said she expected to be released" (not "are expected to be
# freed", a plan reported, nor a headline's "Hostages expected to be freed")
_HOPED_INSIDE: Final = re.compile(
    r"\b(?:i|we|he|she|they|who)\s+(?:still\s+|now\s+)?(?:expect(?:s|ed)?|hop(?:es|ed|ing)|"
    r"wish(?:es|ed)?)\s+to\s+be\b"
)
_HISTORICAL: Final = re.compile(
    # "last week" is as recent as "the past week": news of the week, not a past episode
    r"\b(?:last\s+(?:month|year|spring|summer|autumn|fall|winter|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)|"
    r"(?:weeks|months|years|decades)\s+ago|(?:earlier|previously)\s+(?:signed|agreed|reached)|"
    r"earlier\s+(?:this|last)\s+(?:year|month)|"
    r"previous|former|past(?!\s+(?:week|weekend|few|couple|days?|hours?|night|24|48|72)\b)|"
    r"(?:19|20)\d\d\s+(?:deal|accord|agreement|truce|cease-?\s?fire|armistice|exchange|swap)|"
    # "the 1998 Good Friday peace accord", "the 2003 peace plan": a year that names the accord
    r"(?:19|20)\d\d\s+(?:[a-z][\w'-]*\s+){1,3}(?:deal|accord|agreement|truce|cease-?\s?fire|"
    r"armistice|plan|roadmap)|(?:first|second|last)\s+time\s+since|once\s+again|back\s+in)\b"
)
# a question asked, not a step reported: a sentence opened by a question word (after an opening
# quote) and closed by a question mark ("Is a truce deal in sight?", "What is the peace plan?")
_QUESTION: Final = re.compile(
    r"\W{0,2}(?:is|are|was|were|will|would|can|could|should|shall|does|do|did|has|have|had|"
    r"what|what's|why|how|when|where|who|which)\b"
)
# what may close a question after its mark: quotes and spaces
_AFTER_MARK: Final = "\"'\u2019\u201d \n"
# what may open a sentence before its first word
_OPENING_QUOTES: Final = "\"'\u2018\u201c "


def _asked(lowered: str, lo: int, hi: int) -> bool:
    """Whether the sentence ``lowered[lo:hi]`` is a question (:data:`_QUESTION`)."""
    mark = lowered.rfind("?", lo, hi)
    return (
        mark != -1
        and not lowered[mark + 1 : hi].strip(_AFTER_MARK)
        and _QUESTION.match(lowered, lo, hi) is not None
    )


# a feature's frame, not news of a step: an opening label ("Explainer:", "Opinion:"), an
# inside story or an explainer's question word with no mark ("Inside the secret truce talks",
# "How the rebels weigh the deal", "Decoding the junta's truce claims"), a feature's own words
# in the sentence ("the truce gambit", "the junta's game plan", "weekly recap"), or an
# explainer's tag right after it ("Truce or trap? Decoding ..."); not "Analysis:", nor "What to
# know about the deal" or "Here's what we know" after a headline, which tell a step as often
_FEATURE_LABELS: Final = ("explainer:", "explained:", "opinion:", "commentary:", "factbox:",
                          "fact box:", "q&a:")  # fmt: skip
# ... the inside story and the explainer's openers count where no comma follows ("Inside the
# capital, rebels freed ..." is news)
_FEATURE_OPENERS: Final = ("inside ", "how ", "why ", "decoding ")
_FEATURE_WORDS: Final = ("explainer", "gambit", "game plan", "recap")
# ... a roundup of reactions, its label a subject and "react" ("Experts react:", "World reacts:")
_REACTIONS: Final = ("react", "reacts", "reaction", "reactions")
_LABEL_SPAN: Final = 30  # characters read for a label's colon
_FEATURE_TAGS: Final = ("decoding", "explained", "explainer")


def _featured(lowered: str, lo: int, hi: int) -> bool:
    """Whether the sentence ``lowered[lo:hi]`` frames a feature, not news of a step: opened by
    a label (:data:`_FEATURE_LABELS`, or a reactions roundup's: :data:`_REACTIONS`) or, with no
    comma after, by an inside story or an explainer's words (:data:`_FEATURE_OPENERS`), holding
    a feature's words (:data:`_FEATURE_WORDS`), or followed by an explainer's tag
    (:data:`_FEATURE_TAGS`)."""
    start = lo
    while start < hi and lowered[start] in _OPENING_QUOTES:
        start += 1
    if lowered.startswith(_FEATURE_LABELS, start, hi):
        return True
    colon = lowered.find(":", start, min(hi, start + _LABEL_SPAN))
    if colon != -1 and lowered[start:colon].rstrip().endswith(_REACTIONS):
        return True
    if lowered.startswith(_FEATURE_OPENERS, start, hi) and lowered.find(",", start, hi) == -1:
        return True
    sentence = lowered[lo:hi]
    if any(word in sentence for word in _FEATURE_WORDS):
        return True
    return lowered[hi : hi + 40].lstrip(_AFTER_MARK + ".").startswith(_FEATURE_TAGS)


# a year the event is dated in ("in 2019", "In December 2010,"): a past episode unless the
# sentence tells it as to come ("will sign the deal in March 2026")
_IN_YEAR: Final = re.compile(
    r"\bin\s+(?:(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)?(?:19|20)\d\d\b"
)


# "a pilot captured in 2019", "soldiers they had seized last month", "soldiers captured in
# fighting last month", "kidnapped by gunmen in 2021": the date of a captivity a release ends,
# not of the release
_RELEASES: Final = frozenset({"hostage_release", "prisoner_release", "hostage_exchange"})
_CAPTIVITY: Final = re.compile(
    r"\b(?:captured|abducted|kidnapped|seized|taken|took|detained|arrested|jailed|imprisoned|held|"
    r"sentenced|convicted)(?:\s+(?:captive|hostage|prisoner|them|him|her|there))?"
    r"(?:\s+(?:in|during|near|at|by|from)(?:\s+(?!(?:and|but|was|were|is|are)\s)[\w'-]+){1,3})?"
    r"\s+$"
)


def _past_marker(
    dated: bool, text: str, pos: int = 0, endpos: int = -1, captivity: bool = False
) -> re.Match[str] | None:
    """A past-episode marker in ``text[pos:endpos]`` (:data:`_HISTORICAL`, and
    :data:`_IN_YEAR` when ``dated``); with ``captivity``, none that dates a captivity
    (:data:`_CAPTIVITY`)."""
    end = len(text) if endpos < 0 else endpos
    for pattern in (_HISTORICAL, _IN_YEAR) if dated else (_HISTORICAL,):
        found = pattern.search(text, pos, end)
        while (
            captivity
            and found is not None
            and _CAPTIVITY.search(text, max(0, found.start() - 40), found.start()) is not None
        ):
            found = pattern.search(text, found.end(), end)
        if found is not None:
            return found
    return None


# an opening clause of purpose, closed by a comma: "In a bid to end the fighting, the two sides
# agreed to a ceasefire" tells the step taken; only what the purpose names is sought
_PURPOSE: Final = re.compile(
    r"\b(?:in\s+)?(?:an?\s+|the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?(?:bid|effort|attempt)s?"
    r"\s+to\s+[^,;.]{1,80},\s+"
)


def _after_purpose(lowered: str, lo: int, start: int) -> int:
    """Where the sentence's text before ``start`` begins once an opening clause of purpose
    (:data:`_PURPOSE`) that ends before ``start`` is passed, else ``lo``."""
    if lowered.find("to ", lo, start) == -1:
        return lo
    found = lo
    for match in _PURPOSE.finditer(lowered, lo, start):
        found = match.end()
    return found


def _clause_before(lowered: str, lo: int, start: int) -> str:
    """The words of the sentence before ``start``, back to the last clause break."""
    before = lowered[max(lo, start - 80) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


# a second verb of the subject opens a clause a demand before it does not govern: "called for
# a war on terror and reaffirmed his willingness to continue talks"
_NEXT_VERB: Final = re.compile(
    # (the verb kept: "and urged the release" is a demand of its own)
    r"\band\s+(?:also\s+|then\s+)?(?=[a-z]{3,}ed\s+(?:his|her|its|their|the|a|an)\s)"
)


def _after_next_verb(text: str) -> str:
    """``text`` after its last :data:`_NEXT_VERB`, or all of it."""
    if text.find("ed ") == -1:
        return text
    found = list(_NEXT_VERB.finditer(text))
    return text[found[-1].end() :] if found else text


# "a ceasefire agreed last week is holding": a date inside the match that a present-tense verb
# follows dates the reduced clause before it, not the event
_PRESENT_AFTER: Final = re.compile(r"\b(?:is|are|has|have|holds|hold|remains?|stays?)\b")


def _recalled(
    lowered: str, lo: int, hi: int, start: int, end: int, dated: bool, captivity: bool
) -> bool:
    """Whether a past-episode marker stands around the match (not only inside it, before the
    present-tense verb that ends it); a year it is dated in counts when ``dated``, one that
    dates a captivity not when ``captivity``."""
    if captivity:  # read in place, where the words before a marker can be seen
        spans = ((max(lo, start - 50), start), (end, min(hi, end + 40)))
        if any(_past_marker(dated, lowered, a, b, True) for a, b in spans):
            return True
    elif _past_marker(
        dated, lowered[max(lo, start - 50) : start] + " \n " + lowered[end : min(hi, end + 40)]
    ):
        return True
    inside = _past_marker(dated, lowered, start, end, captivity)
    if inside is None:
        window = _past_marker(dated, lowered, max(lo, start - 50), min(hi, end + 40), captivity)
        return window is not None
    return not _PRESENT_AFTER.search(lowered, inside.end(), end)


# "three days after a truce was signed", "hours after the two sides agreed on a truce": the
# event only dates what the sentence reports
_DATING: Final = re.compile(
    r"\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|since)\s+(?:[\w'-]+\s+){0,6}$"
)


def modality_of(event: str, lowered: str, lo: int, hi: int, start: int, end: int) -> str:
    """The modality of ``event`` matched at ``lowered[start:end]`` in the sentence ``[lo:hi]``."""
    if _asked(lowered, lo, hi) or _featured(lowered, lo, hi):
        return "hypothetical"
    lo = _after_purpose(lowered, lo, start)
    before = _after_next_verb(_clause_before(lowered, lo, start))
    dated = _PLANNED.search(before) is None  # "will sign the deal in 2026" is no past episode
    if _recalled(lowered, lo, hi, start, end, dated, event in _RELEASES) or _DATING.search(
        lowered, max(lo, start - 80), start
    ):
        return "historical"
    if event in _PLAN_TYPES:
        # "urges the rebels to join talks": a plan asked for is no plan made
        demanded = event == "talks_planned" and _DEMANDED.search(before)
        return "demanded" if demanded else "asserted"
    # a demand governs a long list of its objects
    wide = _after_next_verb(lowered[max(lo, start - 200) : start])
    if (
        _DEMANDED.search(before)
        or _DEMANDED.search(wide)
        or _AFTER_DEMANDED.search(lowered[end:hi])
        or _RALLIED.search(before)
        or (event in _RELEASES and _CALLED_INSIDE.search(lowered, start, end))
    ):
        return "demanded"
    if (
        _HYPOTHETICAL.search(before)
        or _BELIEVED.search(before)
        or _CONDITION_AFTER.search(lowered[end:hi])
    ):
        return "hypothetical"
    if _HOPED_INSIDE.search(lowered, max(lo, start - 12), end):
        return "demanded"
    if _PLANNED.search(before) or _PLANNED_INSIDE.search(lowered[start:end]):
        return "planned"
    return "asserted"
