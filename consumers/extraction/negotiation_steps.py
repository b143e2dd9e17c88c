"""Steps between the sides told without a negotiation noun.

News often tells a move in a negotiation with general words: a side *ready to meet* or to
halt its operations, *overtures* (offers), nations *backing a UN resolution* or the Council
giving a session its *green light* (UN steps), people *held by* a state or a group who
*return*, captives *freed with an envoy's help* (returns from captivity), talks *called
regrettable*, negotiators at work, and two states at odds that *meet*, *speak* or *exchange
letters* (talks; :func:`across_a_dispute`). The patterns join
``negotiation_patterns.PATTERNS`` as ``"event/variant"`` keys behind gates of their own, so
the exclusions of :mod:`consumers.extraction.negotiations` hold for them (an offer needs no
company word near it; a release by a raid, a court or the police is none).
"""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.actors import states_named
from consumers.extraction.negotiation_context import names_a_region

_NOT_AIM: Final = r"(?<!\bhopes\s)(?<!\bcalls\s)(?<!\burged\s)"
# told of the side ("is ready", "said it was willing"), not of people described ("captors
# willing to negotiate")
_IS: Final = (
    r"(?:(?:is|are|was|were|am|be|been|being|remains?|remained|stands?|stood|declared|"
    r"declares|says|said)\s+|(?:he|she|it|we|they|i|who)['\u2019](?:s|re|m)\s+)"
    r"(?:(?:now|also|still|fully|again)\s+)?"
)
_UN: Final = r"(?:u\.?n\.?|united\s+nations|general\s+assembly|security\s+council)"
# an envoy, a mediator or a diplomat, named by role ("ex-diplomat's", "a mediator's")
_BROKER: Final = (
    r"(?:ex-|former\s+)?(?:diplomats?|envoys?|mediators?|negotiators?|emissar(?:y|ies))"
)

# what is said of talks that took place
_VERDICTS: Final = (
    "regrettable", "productive", "constructive", "useful", "positive", "successful", "fruitful",
    "frank", "candid", "helpful", "disappointing", "cordial", "substantive",
)  # fmt: skip
_VERDICT: Final = rf"(?:{'|'.join(_VERDICTS)})\b"

PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "proposal_made/ready": (
        # a side ready to meet, to talk or to halt its operations: an offer
        rf"\b{_NOT_AIM}{_IS}(?:ready|willing|prepared)\s+to\s+"
        r"(?:(?:meet|talk|negotiate|sit\s+down)\b|"
        # "willing to pursue a negotiated settlement"
        r"(?:pursue|seek|reach|discuss|accept)\s+(?:a\s+)?(?:negotiated|political|peaceful)\s+"
        r"(?:settlement|solution)\b|"
        r"(?:hold|resume|open|start)\s+(?:direct\s+|peace\s+|new\s+)?(?:talks|negotiations)\b|"
        r"(?:halt|stop|cease|suspend|end)\s+(?:(?:its|their|the|all)\s+)?(?:military\s+)?"
        r"(?:fighting|hostilities|operations|attacks|offensive)\b)",
        # ... or open or ready for talks: "says it is open to negotiations"
        rf"\b{_NOT_AIM}{_IS}(?:open|ready)\s+(?:to|for)\s+(?:(?:direct|peace|new|fresh)\s+)?"
        r"(?:talks|negotiations|dialogue)\b",
    ),
    "vote_adopted/backed": (
        # nations backing a UN resolution; the Council's green light
        r"(?<![\w-])(?:support|supports|supported|back|backs|backed|endorse|endorses|endorsed|"
        r"line\s+up\s+behind|lined\s+up\s+behind)\s+(?!away\b|off\b|down\b)"
        r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
        rf"{_UN}\s+(?:[\w-]+\s+)?resolution\b",
        rf"\b{_UN}\s+(?:\w+\s+){{0,2}}?(?:gave|gives|give|giving)\s+(?:a|the|its)\s+"
        r"green\s+light\b",
    ),
    "proposal_made/overture": (
        # "made overtures to Japan to end the dispute", "extended an olive branch"
        r"\b(?:overtures?|olive\s+branch(?:es)?|peace\s+feelers?)\b",
    ),
    "talks_held/judged": (
        # talks judged after the fact: "called the talks 'regrettable'", "hailed the talks as
        # constructive"
        r"\b(?:calls?|called|calling|described|describes|termed|terms|hailed|hails)\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:talks|negotiations)\s+(?:as\s+)?['\"\u201c]?" + _VERDICT,
    ),
    "talks_held/negotiators": (
        # negotiators at work: "Iran, EU negotiators seek nuke agreement"
        r"\bnegotiators\s+(?:[\w'-]+\s+){0,2}?(?:seek|seeks|sought|push|pushes|pushed|press|"
        r"presses|pressed|work|works|worked|haggle\w*|wrangle\w*|race|races|raced)\b",
    ),
    "talks_held/meeting": (
        # two states at odds that meet: "the two met to prepare a summit", "held meetings
        # with Russian leaders" (with :func:`across_a_dispute`)
        r"\b(?:met|meets|(?:held|holds|hold)\s+(?:a\s+|two\s+|several\s+)?"
        r"meetings?\s+with|(?:sat|sit|sits)\s+down\s+with)\b",
        # ... or speak or write to each other: "will speak with", "exchanged letters"
        r"\b(?:spoke|speak|speaks|talked|talk)\s+(?:by\s+(?:phone|telephone)\s+)?(?:with|to)\b",
        r"\b(?:exchanged|exchange|exchanging)\s+(?:[\w'-]+\s+)?letters\b",
    ),
    "talks_planned/meeting": (
        # ... or are to: "will speak with", "to meet the rival leader"
        r"\b(?:will|to|set\s+to|due\s+to|plans?\s+to|expected\s+to)\s+(?:meet\b|(?:speak|talk)\s+"
        r"(?:by\s+(?:phone|telephone)\s+)?(?:with|to)\b)",
    ),
    "hostage_release/return": (
        # "three men held by the militia returned home", "detained citizens back home"
        r"\b(?:held|detained|jailed|imprisoned)\s+(?:by|in)\s+(?:[\w.'-]+\s+){1,3}?"
        r"(?:return|returns|returned|arrive|arrives|arrived|(?:is|are|was|were)\s+back)\b",
        # "freed with a mediator's help", "released with the help of an envoy"
        rf"\b(?:freed|released)\b[^.;]{{0,60}}?\bwith\s+(?:(?:a|an|the)\s+)?(?:{_BROKER}'?s?\s+"
        rf"(?:help|aid|mediation|intervention)|(?:help|aid|mediation|intervention)\s+of\s+"
        rf"(?:(?:a|an|the)\s+)?(?:[\w.-]+\s+){{0,2}}?{_BROKER})\b",
    ),
}

# a dispute between states: what makes their meeting a step in it
_DISPUTE: Final = re.compile(
    r"\b(?:disputes?|disputed|crisis|tensions?|standoff|stand-off|rivals?|rivalry|hostile|nuclear|"
    r"missiles?|territor(?:y|ies|ial)|"
    r"denucleari\w*|hostages?|detained|jailed|prisoners?|war|conflict|invasion|"
    r"sanctions)\b"
)
# two states whose standing dispute (a war never ended, a contested border or territory) makes
# any meeting of theirs a step in it, without a word of the dispute beside it
RIVALS: Final = frozenset({
    frozenset(pair) for pair in (
        ("North Korea", "South Korea"), ("North Korea", "United States"), ("India", "Pakistan"),
        ("Armenia", "Azerbaijan"), ("Russia", "Ukraine"), ("Iran", "United States"),
        ("China", "Taiwan"), ("Israel", "Palestine"), ("Ethiopia", "Eritrea"),
        ("Sudan", "South Sudan"), ("Serbia", "Kosovo"),
    )
})  # fmt: skip
# both Koreas named at once: "North and South Korea", "the two Koreas", "inter-Korean"
_BOTH_KOREAS: Final = re.compile(r"\b(?:north\s+and\s+south\s+korea|koreas|inter-korean)\b")
# ... which allies do not have
_ALLIES: Final = re.compile(r"\b(?:allies|ally|allied|alliance|partners|friends)\b")
MEETINGS: Final = frozenset({"talks_held/meeting", "talks_planned/meeting"})
"""The variants that count only between two states at odds (:func:`across_a_dispute`)."""


def names_a_dispute(text: str) -> bool:
    """Whether the lower-cased ``text`` names a dispute (a crisis, a war, captives)."""
    return _DISPUTE.search(text) is not None


def states_at_odds(text: str) -> set[str]:
    """The listed states the lower-cased ``text`` names, both Koreas for "North and South
    Korea"."""
    states = states_named(text)
    return states | {"North Korea", "South Korea"} if _BOTH_KOREAS.search(text) else states


def rivals_named(states: set[str]) -> bool:
    """Whether ``states`` hold two sides of a standing dispute (:data:`RIVALS`)."""
    return any(pair <= states for pair in RIVALS)


def across_a_dispute(text: str, theatre: bool = False) -> bool:
    """Whether the lower-cased ``text`` (a sentence and the text beside it) names two listed
    states and a dispute between them (a crisis, tensions, detained citizens; with
    ``theatre``, also a region at war such as Kashmir or two sides of a standing dispute),
    not allies."""
    if _ALLIES.search(text) is not None:
        return False
    states = states_at_odds(text)
    if len(states) < 2:
        return False
    if names_a_dispute(text):
        return True
    return theatre and (names_a_region(text) or rivals_named(states))


GATES: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "proposal_made/ready": (("ready to", "willing to", "prepared to", "open to", "ready for"),),
    "vote_adopted/backed": (
        ("support", "back", "endorse", "lined up", "line up", "green light"),
        ("resolution", "green light"),
    ),
    "proposal_made/overture": (("overture", "olive branch", "peace feeler"),),
    "talks_held/judged": (("talks", "negotiations"), _VERDICTS),
    "talks_held/negotiators": (
        ("negotiators",),
        ("seek", "sought", "push", "press", "work", "haggl", "wrangl", "race"),
    ),
    "talks_held/meeting": (
        (
            "met ",
            "meets",
            "meetings",
            "sat down",
            "sit down",
            "sits down",
            "spoke ",
            "speak",
            "talk ",
            "talked ",
            "letters",
        ),
    ),
    "talks_planned/meeting": (("will ", "to ", "plan", "expected"), ("meet", "speak", "talk ")),
    "hostage_release/return": (
        ("held ", "detained", "jailed", "imprisoned", "freed", "released"),
        ("return", "arrive", "back", "help", "aid", "mediation", "intervention"),
    ),
}
"""Gate stem groups of the variants above, read with ``lexicon.NEGOTIATION_GATES``."""
