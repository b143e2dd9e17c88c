"""Negotiation developments in any wording: a negotiation noun realised by a verb.

A development is a *negotiation noun* (a truce, a deal, talks) with a *verb* that makes it
happen, in either order and any voice or tense: "the sides sealed a truce", "a truce was
sealed", "Truce sealed", "peace talks got under way". The verbs are classes of general English
(making an agreement, keeping one in force, opening or holding talks), not the phrasings of a
corpus; a word between noun and verb may be anything but a clause link, a preposition that
starts another phrase, a negation or a modal, so "fighting resumed despite the truce" and "the
truce could hold" are no development. The patterns join ``negotiation_patterns.PATTERNS`` as
``"event/generic"`` variants behind gates of their own, so the exclusions of
:mod:`consumers.extraction.negotiations` (calls, violations, business deals, denials) hold.

A *negotiation verb* with a party counts too: negotiating with someone, giving oneself up
(a group, or one fighter to the army), captors who free someone.

Nouns that are also business words ("deal", "agreement", "talks") need a conflict's context
(:mod:`consumers.extraction.negotiation_context`): "the two firms signed an agreement" is no
development.
"""

from __future__ import annotations

import re
from typing import Final

_IRREGULAR: Final = {
    "hold": ("hold", "holds", "held", "holding"),
    "begin": ("begin", "begins", "began", "begun", "beginning"),
    "initial": ("initial", "initials", "initialled", "initialed", "initialling", "initialing"),
    "take place": ("take place", "takes place", "took place", "taken place", "taking place"),
    "get under way": ("get under way", "gets under way", "got under way", "getting under way",
                      "get underway", "gets underway", "got underway", "getting underway"),
    "take effect": ("take effect", "takes effect", "took effect", "taken effect", "taking effect"),
    "take hold": ("take hold", "takes hold", "took hold", "taken hold", "taking hold"),
    "come into force": ("come into (?:force|effect)", "comes into (?:force|effect)",
                        "came into (?:force|effect)", "coming into (?:force|effect)"),
    "go into effect": ("go into (?:force|effect)", "goes into (?:force|effect)",
                       "went into (?:force|effect)", "gone into (?:force|effect)",
                       "going into (?:force|effect)"),
    "uphold": ("uphold", "upholds", "upheld", "upholding"),
    "go ahead": ("go ahead", "goes ahead", "went ahead", "going ahead"),
    "wrap up": ("wrap up", "wraps up", "wrapped up", "wrapping up"),
}  # fmt: skip


def forms(verb: str) -> tuple[str, ...]:
    """Every form of ``verb`` (base, -s, past, -ing), regular or listed in ``_IRREGULAR``:
    ``"agree"`` -> agree, agrees, agreed, agreeing; ``"ratify"`` -> ratifies, ratified."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    head, _, tail = verb.partition(" ")
    rest = f" {tail}" if tail else ""
    if head.endswith("ee"):
        out = (head, head + "s", head + "d", head + "ing")
    elif head.endswith("e"):
        out = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and head[-2] not in "aeiou":
        out = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("ch", "sh", "s", "x")):
        out = (head, head + "es", head + "ed", head + "ing")
    else:
        out = (head, head + "s", head + "ed", head + "ing")
    return tuple(word + rest for word in out)


_PARTICIPLES: Final = {"begin": ("begun",), "initial": ("initialled", "initialed")}


def _past(verb: str) -> tuple[str, ...]:
    """The past participles of ``verb`` (the third form unless listed)."""
    return _PARTICIPLES.get(verb, (forms(verb)[2],))


def _any(words: tuple[str, ...] | list[str]) -> str:
    """One regex alternation of ``words``, longest first, spaces as ``\\s+``."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(w.replace(" ", r"\s+") for w in ordered) + ")"


# making an agreement: its verb takes the deal or the truce as its object
MAKE: Final = ("reach", "agree", "sign", "seal", "clinch", "conclude", "finalise", "finalize",
               "approve", "ratify", "accept", "endorse", "broker", "mediate", "secure", "negotiate",
               "hammer out", "ink", "initial", "forge", "achieve", "adopt", "enter into",
               "complete", "salvage", "sign off", "yield", "produce", "facilitate")  # fmt: skip
# keeping one in force: announced, declared, observed, implemented
KEEP: Final = ("announce", "declare", "proclaim", "implement", "observe", "respect", "honour",
               "honor", "uphold", "enforce", "establish", "restore", "maintain",
               "unveil")  # fmt: skip
# an agreement kept in force for longer: "the grain deal was extended for 60 days" (a truce
# extended is an event of its own)
EXTEND: Final = ("extend", "renew", "prolong")
# a truce that happens: its noun is the subject
HAPPEN: Final = ("hold", "begin", "start", "take effect", "come into force", "go into effect",
                 "take hold", "kick in", "commence", "remain in place", "remain in effect",
                 "remain in force")  # fmt: skip
# talks held: their noun is the object (also brought back: "revived negotiations") ...
CONVENE: Final = ("hold", "begin", "start", "open", "launch", "resume", "conduct", "host", "attend",
                  "join", "convene", "enter into", "continue", "restart", "reopen", "wrap up",
                  "conclude", "stage", "chair", "complete", "revive", "relaunch", "kick-start",
                  "kickstart", "jump-start", "facilitate")  # fmt: skip
# ... or the subject (also going on: "talks entered a third day", "moved into a second week")
PROCEED: Final = ("begin", "start", "open", "resume", "continue", "take place", "get under way",
                  "kick off", "proceed", "go ahead", "commence", "reconvene", "convene", "restart",
                  "reopen", "conclude", "wrap up", "enter", "move into")  # fmt: skip
# talks agreed to: a plan of talks ("the rebels agreed to talks", "accepted an offer of talks")
ACCEPT: Final = ("agree", "accept", "consent")

_TRUCES: Final = r"cease-?\s?fires?|truces?|armistices?|cessations?\s+of\s+hostilities"
_DEALS: Final = (
    r"deals?|agreements?|accords?|pacts?|treat(?:y|ies)|arrangements?|peace\s+plans?|"
    r"(?:peace|political|negotiated)\s+settlements?"
)
TRUCE: Final = f"(?:{_TRUCES})"
DEAL: Final = f"(?:{_DEALS})"
# one flat alternation: the regex engine scans for it several times faster than for two
# nested ones
TRUCE_OR_DEAL: Final = f"(?:{_TRUCES}|{_DEALS})"
TALKS: Final = r"(?:talks|negotiations|peace\s+process|peace\s+dialogue)"
# "between the army and the rebels": a subject's "and" that links no clauses
_BETWEEN: Final = r"(?:between|among)\s+(?:[\w'-]+\s+){1,5}?and\s+"
# a word between noun and verb: not a clause link, a new phrase, a negation or a modal
_GAP: Final = (
    r"(?:(?!(?:after|before|since|despite|amid|over|about|against|following|without|until|"
    r"because|as|while|when|whether|if|unless|but|or|and|then|not|never|no|to|from|off|could|"
    r"may|might|would|should|must|can|cannot|will|shall|failed|fails|collapsed|"
    r"end|ended|collapse|violation|violations|breach|breaches|call|calls|called|demand|"
    r"demands|demanded|demanding|calling|urging|seeking|urged|urge|urges|said|says|say|that|"
    r"which|who|where|what)\s)"
    r"(?![\w'-]*n't\s)[\w'-]+\s+)"
)
# an invitation to the talks agreed to: "accepted an invitation to peace talks in Moscow"
_INVITATION: Final = (
    r"(?:(?:(?:the|an|a|their|its|his|her)\s+)?(?:[\w-]+\s+)?(?:invitations?|offers?)\s+"
    r"(?:to|of|for)\s+)?"
)
# ... nor a preposition that opens a phrase of its own ("agreed to meet them for talks")
_OWN_GAP: Final = rf"(?:(?!(?:for|with|by|at)\s){_GAP})"
# after the noun: a space, or a relative clause ("the truce, which began on Sunday, ...")
_WHICH: Final = r"(?:,\s+(?:which|that)\s+|\s+(?:(?:which|that)\s+)?)"
_AUX: Final = (
    r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being|been|got|gets|get|"
    r"(?:appear|appears|appeared|seem|seems|seemed)\s+to(?:\s+be|\s+have\s+been)?)\s+)?"
    r"(?:[a-z]+ly\s+)?"
)
# what the noun heads instead of a development: "declared the truce over", "agreed to truce
# talks", "joined ceasefire efforts", "air strikes deal a blow"
_NOT_HEAD: Final = (
    r"(?!\s+(?:over|dead|void|null|violations?|breach\w*|talks|negotiations|calls?|demands?|"
    r"efforts?|bids?|monitors?|hopes?|prospects?|chances?|(?:a\s+)?blows?)\b)"
)
# ... nor, for a deal finished, a plan for one: "finalising a ceasefire proposal", "hammered
# out a truce plan" prepare a proposal, no deal (other verbs keep theirs: "endorsed the
# ceasefire proposal" backs the deal proposed)
_FINISH: Final = ("finalise", "finalize", "hammer out")
_NOT_DEAL_HEAD: Final = _NOT_HEAD.replace("efforts?|", "efforts?|proposals?|plans?|drafts?|")
# a part of the noun's thing: "unveiled the economic portion of the peace plan"
_PART: Final = (
    r"(?:(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+)?(?:portion|part|parts|details|terms|"
    r"outline|phase|section|text)\s+of\s+)?"
)
_PREP: Final = r"(?:(?:on|upon|to|into|in)\s+)?(?!of\s)"
# a verb after "to" or a preposition is an aim or a topic ("to reach a deal", "talk about
# resuming talks", "the signing of"), no development
_AIMS: Final = ("to", "of", "on", "for", "about", "at", "in", "from")
_NOT_AFTER: Final = "".join(rf"(?<!\b{word}\s)" for word in _AIMS)


# a pattern that opens with a long list of verbs -> (its noun, the verbs' first words): the
# matcher looks for the noun first and tries the pattern only where one of the few words
# before it is such a verb (:class:`Anchored`); a pattern that opens with its noun needs no
# anchor (the regex engine finds the noun fast)
ANCHORS: Final[dict[str, tuple[str, frozenset[str]]]] = {}
_WORD: Final = re.compile(r"[\w'-]+")
_REACH: Final = 80  # characters before the noun: a verb, a preposition and four words


def _active(
    verbs: tuple[str, ...], nouns: str, gap: str = _GAP, part: str = _PART, head: str = _NOT_HEAD
) -> str:
    """A verb of ``verbs`` with a noun of ``nouns`` (or a ``part`` of it) as its object, up
    to four words (each a match of ``gap``) on, heading nothing ``head`` refuses."""
    every = [form for verb in verbs for form in forms(verb)]
    pattern = rf"\b{_NOT_AFTER}{_any(every)}\s+{_PREP}{part}{gap}{{0,4}}?{nouns}\b{head}"
    ANCHORS[pattern] = (rf"\b{nouns}\b", frozenset(form.split()[0] for form in every))
    return pattern


class Anchored:
    """A pattern that opens with a verb of ``heads`` and ends at a match of ``anchor`` (a
    noun), searched noun first: for each noun from ``pos`` on, the pattern is tried only at
    the words before it (within ``_REACH``) that are such verbs. Finds what
    ``pattern.search`` finds, at a fraction of the cost of a long alternation tried at every
    position."""

    def __init__(
        self, pattern: re.Pattern[str], anchor: re.Pattern[str], heads: frozenset[str]
    ) -> None:
        self.pattern, self.anchor, self.heads = pattern, anchor, heads

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """The first match of the pattern in ``text[pos:endpos]``."""
        for noun in self.anchor.finditer(text, pos, endpos):
            lo = max(pos, noun.start() - _REACH)
            if self.heads.isdisjoint(_WORD.findall(text, lo, noun.start())):
                continue  # no verb of the class before this noun (one C call to tell)
            for word in _WORD.finditer(text, lo, noun.start()):
                if word.group() in self.heads:
                    match = self.pattern.match(text, word.start(), endpos)
                    if match is not None:
                        return match
        return None


def _passive(verbs: tuple[str, ...], nouns: str) -> str:
    """A noun of ``nouns`` and, up to six words on, a verb of ``verbs`` in the passive or as a
    headline's bare participle ("Truce sealed", "the deal was quietly approved"), or as a
    participle told aside ("the deal, mediated by Qatar, calls for")."""
    every = [form for verb in verbs for form in _past(verb)]
    return (
        rf"\b{nouns}(?:,\s+|{_WHICH}(?:{_BETWEEN})?{_GAP}{{0,6}}?{_AUX})"
        rf"{_any(every)}\b{_NOT_HEAD}"
    )


def _subject(verbs: tuple[str, ...], nouns: str) -> str:
    """A noun of ``nouns`` as the subject of a verb of ``verbs``, up to six words on (or
    after "between X and Y")."""
    every = [form for verb in verbs for form in forms(verb)]
    return rf"\b{nouns}{_WHICH}(?:{_BETWEEN})?{_GAP}{{0,6}}?{_AUX}{_any(every)}\b"


PATTERNS: dict[str, tuple[str, ...]] = {
    "agreement_reached/generic": (
        _active(_FINISH, TRUCE_OR_DEAL, head=_NOT_DEAL_HEAD),
        _active(tuple(verb for verb in MAKE if verb not in _FINISH), TRUCE_OR_DEAL),
        _passive(MAKE, TRUCE_OR_DEAL),
        _active(KEEP + EXTEND, DEAL),
        _passive(KEEP + EXTEND, DEAL),
    ),
    "ceasefire_started/generic": (
        _active(KEEP, TRUCE),
        _passive(KEEP, TRUCE),
        _subject(HAPPEN, TRUCE),
    ),
    "talks_held/generic": (
        _active(CONVENE, TALKS),
        _passive(CONVENE, TALKS),
        _subject(PROCEED, TALKS),
    ),
    # not talks that a phrase of their own names ("agreed to meet them for talks")
    "talks_planned/generic": (_active(ACCEPT, TALKS, _OWN_GAP, _INVITATION),),
    "talks_held/in": (
        # "the rivals in peace talks in Jeddah", "a breakthrough at the truce talks"
        r"\b(?:in|at|during)\s+(?:the\s+)?(?:new\s+|fresh\s+|direct\s+|indirect\s+)?"
        r"(?:peace|cease-?\s?fire|truce)\s+(?:talks|negotiations)\b",
    ),
}


# a negotiation verb with a party: negotiating with someone (not with protesters or
# workers), giving oneself up (a group, or one fighter to the army: not to the police),
# captors (kidnappers, pirates, hijackers) who free someone
PARTY_PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "talks_held/party": (
        # the look-behinds follow the literal, so that the engine can skip ahead to it
        r"\bnegotiat"
        + "".join(rf"(?<!\b{word}\snegotiat)" for word in (*_AIMS, "after"))
        + r"(?:ed|es|e|ing)\s+(?:directly\s+)?with\s+"
        r"(?!(?:the\s+)?(?:protesters|demonstrators|strikers|workers|unions?|residents)\b)",
    ),
    "surrender/party": (
        r"\b(?:gave|give|gives|giving)\s+(?:(?:themselves|itself)\s+up\b"
        r"(?![^.;]{0,20}?\b(?:police|arrest)\b)|(?:himself|herself)\s+up\s+to\s+(?:the\s+)?"
        r"(?:army|military|troops|soldiers|forces|security\s+forces|government\s+forces)\b)",
    ),
    "hostage_release/party": (
        rf"\b(?:kidnappers|captors|abductors|hostage-takers|pirates|hijackers)\s+{_GAP}{{0,3}}?"
        r"(?:freed|released|set\s+free|let\s+go|handed\s+over|"
        # a headline's present: "kidnappers free Turkish driver"
        r"frees|free(?!\s+of\b)|releases|release|hand\s+over|hands\s+over)\b",
    ),
}
PATTERNS |= PARTY_PATTERNS


def _stems(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """Gate stems of ``verbs``: each form's first word, with its space when more words follow
    ("go " of "go ahead", not "go" of "government"), none that starts with another (the
    automaton finds prefixes, and every stem it finds costs a step)."""
    words = {form.split()[0] + " " * (" " in form) for verb in verbs for form in forms(verb)}
    return tuple(sorted(w for w in words if not any(w != o and w.startswith(o) for o in words)))


_TRUCE_STEMS: Final = ("cease", "truce", "armistice", "cessation")
_DEAL_STEMS: Final = (
    "deal",
    "agreement",
    "accord",
    "pact",
    "treat",
    "arrangement",
    "settlement",
    "peace plan",
)
_TALK_STEMS: Final = ("talks", "negotiations", "peace process", "peace dialogue")
GATES: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "agreement_reached/generic": ((*_TRUCE_STEMS, *_DEAL_STEMS), _stems(MAKE + KEEP + EXTEND)),
    "ceasefire_started/generic": (_TRUCE_STEMS, _stems(KEEP + HAPPEN)),
    "talks_held/generic": (_TALK_STEMS, _stems(CONVENE + PROCEED)),
    "talks_planned/generic": (_TALK_STEMS, _stems(ACCEPT)),
    # (the stems start a word: "ceasefire talks" holds no "fire talks" the automaton finds)
    "talks_held/in": (
        (
            "peace talks",
            "peace negotiations",
            "fire talks",
            "fire negotiations",
            "ceasefire talks",
            "ceasefire negotiations",
            "truce talks",
            "truce negotiations",
        ),
    ),
    "talks_held/party": (("negotiat",),),
    "surrender/party": (("gave", "give", "giving"), ("himself", "herself", "themselves", "itself")),
    "hostage_release/party": (
        ("kidnappers", "captors", "abductors", "hostage-takers", "pirates", "hijackers"),
        ("free", "releas", "let go", "handed over", "hand over", "hands over"),
    ),
}
"""Gate stem groups of the variants above, read with ``lexicon.NEGOTIATION_GATES``."""
