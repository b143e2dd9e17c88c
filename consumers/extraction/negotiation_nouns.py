"""Developments told by a strong negotiation noun alone, whatever its verb.

News often names a conflict's truce, peace talks or a captives' deal with a verb no class
knows, or none at all: "Ceasefire talks stall", "a hostage deal is close", "envoys head to
Doha for truce talks", "Sudan peace talks in Jeddah". When a sentence yields no event from the
patterns, :func:`noun_event` reads its strong noun phrases (a cease-fire, truce or armistice;
peace talks, a peace process, plan or deal; a hostage or prisoner deal, swap or release;
mediation) and gives the first that stands as news the nearest event type:

- talks, a process, a conference or mediation: ``talks_held``, or ``talks_planned`` when a
  future stands beside them ("to", "will", "ahead of", "for", "next week");
- a deal, accord or treaty: ``agreement_reached`` when told as reached or in force ("under
  the peace deal"), else ``talks_held`` (a deal in the making);
- a plan, proposal, initiative or offer: ``proposal_made``;
- a swap or exchange, or captives told as swapped: ``hostage_exchange``; a release, or
  captives told as freed: ``hostage_release`` or ``prisoner_release``;
- a truce alone: ``ceasefire_started``, ``agreement_reached`` when told as signed,
  ``call_for_ceasefire`` after a call ("pushes for a new truce") or a
  stance ("voters back a ceasefire"), ``talks_held`` as the topic
  of talks or of progress ("talks on a truce", "headway towards a truce").

A noun that only dates, frames or harms other news is none ("since the truce", "despite the
ceasefire", "ceasefire violations", "violence mars peace talks", "the truce collapsed", "has
not held", a headline's "deal still not close"), nor one told as a condition ("a truce must come
first"), nor a noun that names an aim or what is weighed ("the path to a ceasefire", "hopes
for a truce", "to discuss the peace plan"), nor "any truce". The sentence with the
text beside it must name a conflict besides the noun itself and no other war or sport
(:func:`negotiation_context.conflict_beside`), so "the league and players reached a truce" and
"a truce in the trade war" are none. The caller applies every exclusion of the patterns'
events as well (negation, a hope, a release by force or by a court, modality).
"""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.negotiation_context import conflict_beside
from consumers.extraction.negotiation_steps import across_a_dispute

# gate stems (``negotiations`` reads them in its automaton pass): a sentence without one never
# runs the regex below
GATES: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
             "noun_led": (
        (
            "ceasefire", "cease-fire", "cease fire", "truce", "armistice", "cessation",
            "peace", "hostage", "prisoner", "pows", "pow ", "captive", "detainee", "mediation",
            "nuclear", "nuke", "six-",
        ),
             ),
             # bare talks, read (more cheaply) where no strong noun stands
             "talks_led": (("talks", "negotiations", "summit"),),
}  # fmt: skip

_HEAD: Final = (
    r"(?:talks|negotiations|deal|agreement|accords?|pact|treaty|plan|proposals?|initiative|"
    r"roadmap|framework|formula|process|conference|summit|exchanges?|swaps?|releases?|"
    r"mediation|offers?)"
)
# the noun phrase: what it is about, then up to two heads ("hostage release deal")
_NOUN: Final = re.compile(
    r"(?<![\w-])(?:(?P<truce>cease-?\s?fires?|truces?|armistices?|cessation\s+of\s+hostilities)|"
    r"(?P<peace>peace)|"
    r"(?P<captives>hostages?|prisoners\s+of\s+war|prisoners?|pows?|captives?|detainees?)|"
    r"(?P<mediation>mediation)|"
    # talks named by a dispute between states: "nuclear talks", "six-party talks", "nuclear
    # deal talks"
    r"(?P<dispute>nuclear|nuke|six-(?:party|nation|way|sided))"
    r"(?=[\s-]+(?:deal[\s-]+)?(?:talks|negotiations)\b)|"
    # a deal or talks named by their object: "near a deal on hostages", "talks on a truce"
    r"(?P<lead>deal|agreement|accord|talks|negotiations)\s+(?:on|over|for|about)\s+"
    r"(?:(?:the|a|an|new|possible|lasting|permanent)\s+)?(?:(?:release|exchange|swap)\s+of\s+)?"
    r"(?:[\w-]+\s+)?(?:hostages|prisoners|captives|detainees|truce|cease-?\s?fire)|"
    r"(?P<swap>(?:exchange|swap)\s+of\s+(?:[\w-]+\s+)?(?:prisoners|hostages|captives|"
    r"detainees)))"
    rf"(?:[\s-]+(?P<head>{_HEAD}))?(?:[\s-]+(?P<head2>{_HEAD}))?(?![\w-])"
)
# talks proper: "for talks", "of talks" name them, not an aim
_TALKS_HELD: Final = frozenset({"talks", "negotiations", "conference", "summit"})
_DEALS: Final = frozenset({"deal", "agreement", "accord", "accords", "pact", "treaty"})
_PLANS: Final = frozenset({"plan", "proposal", "proposals", "initiative", "roadmap", "framework",
                           "formula", "offer", "offers"})  # fmt: skip
_SWAPS: Final = frozenset({"exchange", "exchanges", "swap", "swaps"})
# the noun only dates, frames, harms or opposes other news: "since the truce", "despite the
# ceasefire", "violations of the truce", "breaks off truce talks", "violence mars peace talks",
# "called off peace talks", "setback in peace talks", "sends its officers home from peace talks",
# "pulled its negotiators from the peace talks",
# "looks to delay nuclear talks", "sets terms for talks" (an offer with conditions), "killed
# returning from a peace summit", "people who attended the peace talks" (but a step taken
# "under the peace deal" tells the deal in force: :data:`_UNDER`; not one under a truce)
_BACKGROUND: Final = re.compile(
    r"(?<![\w'-])(?:since|before|despite|after|following|followed|during|until|till|under|amid|"
    r"throughout|"
    r"violat\w*|breach\w*|broke|break(?!through)\w*|collapse|end|ends|ending|ended|expir\w*|"
    r"undermin\w*|wreck\w*|threaten\w*|jeopardi[sz]\w*|shatter\w*|derail\w*|sabotag\w*|"
    r"scuttl\w*|destroy\w*|doubts?|set\w*\s+back|setbacks?|complicat\w*|hamper\w*|imperil\w*|"
    r"call\w*\s+off|put\w*\s+off|postpon\w*|cancel\w*|dash\w*|(?:home|away)\s+from|delay\w*|"
    r"endanger\w*|hurt\w*|damag\w*|mar|mars|marred|overshadow\w*|cloud\w*|muddie[sd]|muddy|"
    r"stymie\w*|hinder\w*|invalidat\w*|deadlock\w*|impasse|stalemate|rul\w*\s+out|"
    # sides that differ on it: "remain far apart on the truce deal", "divided over the plan"
    r"far\s+apart|at\s+odds|divided|split|disagree\w*|rifts?|"
    # ... or another plan at odds with it: "appears to clash with the peace plan"
    r"clash(?:es|ed|ing)?\s+with|contradict\w*|(?:conflicts?|conflicting)\s+with|"
    r"(?:inconsistent|incompatible)\s+with|"
    r"oppos\w*|against|critics?|critici[sz]\w*|reject\w*|withdr[ae]w\w*|pull\w*\s+out|"
    r"denounc\w*|condemn\w*|"
    r"test(?:s|ed|ing)?|scrap\w*|terminat\w*|renounc\w*|tear\w*\s+up|tore\s+up|strain\w*|"
    r"shak(?:e|es|ing|en)|shook|rattl\w*|jolt\w*|"
    r"quit\w*|walk\w*\s+(?:out|away)|boycott\w*|suspen\w*|abandon\w*|spoilers?|monitor\w*|"
    r"observ\w*|"
    r"(?:pull\w*|recall\w*)\s+(?:\S+\s+){0,2}?from|"
    r"paus\w*|halt\w*|freez\w*|froze\w*|"
    r"role|responsib\w*|lull|anniversary|years?|decades?|along|across|"
    # a mediator that reconsiders its part: "reassessing its role as mediator in the truce talks"
    r"(?:reassess|reconsider|rethink|re-?evaluat)\w*\s+(?:\S+\s+){0,3}?role(?:\s+\S+){0,2}|"
    r"terms|(?:pre)?conditions|return\w*\s+from|back\s+from|"
    r"(?:who|that)\s+(?:had\s+)?(?:attended|joined)|"
    r"line\s+of\s+control|"
    r"demonstrat\w*|protest\w*|rall(?:y|ies|ied)|march\w*|"
    # a protest told with its place: "protests in the capital over the peace deal"
    r"(?:protest\w*|rall(?:y|ies|ied)|demonstrat\w*)\s+(?:\S+\s+){1,3}?(?:over|against))"
    # ... a few words on, or a round of them on: "boycott the next round of UN-led peace talks"
    r"\s+(?:\S+\s+){0,3}(?:rounds?\s+of\s+(?:\S+\s+)?)?$"
)
# ... or is told as failing, as a response or a call, or as the name of a thing ("the truce
# collapsed", "truce talks fail", "the truce frayed", "came under strain", "truce response",
# "ceasefire line"), also after a headline's colon ("Peace talks: unlikely to succeed")
_AFTER_BACKGROUND: Final = re.compile(
    # a long subject first: "peace talks between the government and the rebels struggled"
    r"(?:\s+(?:between|with|in|on|over)\s+[^.;,]{0,60}?)?"
    r"[\s:-]*(?:[\w'-]+\s+){0,3}?(?:collaps\w*|broke\s+down|break\s+down|breaks\s+down|"
    r"ended|ends|expir\w*|fail|failed|fails|falter\w*|violat\w*|breach\w*|in\s+tatters|"
    r"is\s+over|was\s+over|struggl\w*|in\s+doubt|on\s+the\s+brink|under\s+(?:a\s+)?cloud|"
    r"in\s+limbo|in\s+jeopardy|on\s+hold|at\s+risk|fall\w*\s+apart|fell\s+apart|"
    r"crumbl\w*|shatter\w*|doomed|derail\w*|unravel\w*|impossible|unlikely|pointless|futile|"
    r"meaningless|useless|wobbl\w*|teeter\w*|totter\w*|"
    # ... or dismissed as a trick: "the truce offer was a ploy", "militant truce worthless"
    r"worthless|ploy|trap|sham|farce|charade|hoax|in\s+the\s+balance|"
    r"fray\w*|strained|under\s+(?:[\w-]+\s+)?strain|"
    r"off\s+the\s+table|out\s+of\s+the\s+question)\b|"
    # ... or as denied: "the truce has not held", "talks never took place", "a deal with the
    # group is not close", a headline's "truce deal still not close"; or as a condition or a
    # call: "a truce must come first", "ceasefire a must before any deal"
    r"(?:\s+(?:between|with|in|on|over)\s+[^.;,]{0,60}?)?"
    r"\s+(?:(?:has|have|had|did|does|do|is|was|were|are|could|would|will|may|might|should|"
    r"must|can)(?:n['\u2019]t|\s+not)|cannot|never|no\s+longer|nowhere|(?:still\s+|yet\s+)?not(?!\s+only\b)|"
    r"must|should|needs?\s+to|ha(?:s|ve)\s+to|(?:is\s+)?a\s+must)\b|"
    # ... or as what something else needs: "a truce with the army is essential to reach the
    # wounded", "ceasefire emerges as key to normalisation"
    r"(?:\s+with\s+[^.;,]{0,40}?)?\s+(?:is|are|was|were|remains?|emerges?\s+as|seen\s+as)\s+"
    r"(?:\w+\s+)?(?:essential|vital|necessary|indispensable|a\s+prerequisite|(?:the\s+)?key)\s+"
    r"(?:to|for)\b|"
    # ... or as a matter of indifference: "ceasefire or not, the children starve"
    r"\s+or\s+(?:not|no)\b|"
    # ... or as the topic of a live page's label: "War and the truce plan: live updates"
    r"\s*[:|\u2013\u2014-]\s*(?:live(?:\s+(?:updates?|blog|news|coverage))?|latest\s+updates)"
    r"\W*$|"
    r"\s+(?:(?:is|was|now)\s+)?(?:over|dead|void|finished|off)\b(?=\s*(?:[.,;:!?]|$|"
    r"\s(?:after|as|because|following|amid|and|when|with|in)\b))|"
    r"[\s-]+(?:lines?|zones?|villages?|corridors?|commissions?|committees?|monitor\w*|"
    r"observers?|violations?|breaches?|violators?|"
    r"anniversary|deadline|operations?|missions?|raids?|rescues?|attempts?|bids?|efforts?|"
    r"campaigns?|demands?|calls?|appeals?|pleas?|hopes?|prospects?|chances?|protests?|"
    r"rall(?:y|ies)|response|reply|terms|conditions|idea|resolutions?|"
    # ... or a claim about it: "doubles down on his ceasefire claim"
    r"claims?)\b"
)
# the noun names an aim or a call's object: "the path to a ceasefire", "hopes for a truce",
# "struggle to revive the peace process", or what is weighed: "to discuss the peace plan"
_AIM: Final = re.compile(
    r"(?<![\w'-])(?:for|to|towards?|toward|of|on|about|over|into|in|with|"
    r"pave\s+the\s+way\s+for|establish\w*|secur\w*|reach\w*|achiev\w*|restor\w*|brokering|"
    r"forging|clinching|hop(?:e|es|ed|ing)(?:\s+that)?|wish(?:es|ed)?(?:\s+(?:that|for))?)\s+"
    r"(?:(?:the|a|an|any|new|fresh|lasting|permanent|immediate|humanitarian|durable|"
    r"comprehensive|full|total|nationwide|further|renewed|direct|formal|"
    r"\w+['\u2019]s?)\s+){0,3}$|"
    # ... or a comment on talks named by their sides: "concern over US-Iran nuclear talks"
    r"(?<![\w'-])(?:on|over|about)\s+(?:the\s+)?\w+(?:-\w+)+\s+(?:[\w'-]+\s+)?$|"
    # (not an explainer's "what to know about the ceasefire deal")
    r"(?<![\w'-])(?:to\s+(?!(?:know|learn|expect)\s)[\w'-]+|discuss\w*|debat\w*|consider\w*|weigh\w*|stud(?:y|ies|ied)|"
    r"review\w*)\s+(?:[\w'-]+\s+){0,3}$|"
    # the sponsors, terms or fate of a plan: "sponsors of an internationally backed peace plan"
    r"(?<![\w'-])of\s+(?:\S+\s+){0,4}$"
)
_CALL: Final = re.compile(
    r"(?<![\w'-])(?:call\w*|urg\w*|push\w*|press\w*|appeal\w*|demand\w*|plead\w*|seek\w*|"
    r"sought|ask\w*|lobby\w*|campaign\w*)\s+(?:[\w'-]+\s+){0,5}$"
)
# a stance on a truce not yet in place (an indefinite one): "voters back a ceasefire", "most
# residents want a truce" (not "the rebels back the truce")
_STANCE: Final = re.compile(
    r"(?<![\w'-])(?:support\w*|back(?:s|ed|ing)?|favou?r\w*|want\w*|endors\w*)\s+"
    r"(?:an?|any)\s+(?:[\w'-]+\s+){0,2}$"
)
# the topic of talks: "talks on a truce", "negotiating a prisoner swap"
_TOPIC: Final = re.compile(
    r"(?<![\w'-])(?:talks|negotiations|negotiating|negotiate|discussions|discussing|"
    r"mediat\w*|progress|headway|breakthrough)\s+(?:(?:on|over|for|about|towards?|of)\s+)?"
    r"(?:[\w'-]+\s+){0,3}$"
)
# talks to come: "to", "will", "ahead of", "for" (travel for talks), "next week"
_FUTURE_BEFORE: Final = re.compile(
    r"(?<![\w'-])(?:will|to|would|shall|ahead\s+of|for|next|upcoming|planned|proposed|"
    r"expected)\s+(?:[\w'-]+\s+){0,3}$"
)
_FUTURE_AFTER: Final = re.compile(
    r"(?:\s+(?:between|with|in|on|over)\s+[^.;,]{0,60}?)?\W*(?:[\w'-]+\s+){0,4}?"
    r"(?:next|tomorrow|later\s+this|will|(?:is|are)\s+(?:to|set\s+to|due\s+to|expected\s+to|"
    r"scheduled)|set\s+to|due\s+to|to\s+(?:resume|begin|start|open|be\s+held))\b"
)
# captives told as swapped or freed: "prisoners of war exchanged", "hostages were released"
_SWAPPED: Final = re.compile(
    r"\s+(?:(?:were|are|have\s+been|had\s+been|being)\s+)?(?:(?P<swapped>exchanged|swapped|"
    r"traded)|released|freed|set\s+free|handed\s+over)\b"
)
# ... by a state's clemency: "prisoners released as part of a broad amnesty"
PARDON: Final = re.compile(r"\b(?:amnest(?:y|ies)|pardon\w*|clemency)\b")
_REACHED: Final = re.compile(
    r"[\s,]*(?:(?:has|have|had|was|were|is|been)\s+)?(?:[\w'-]+\s+)?(?:reached|struck|signed|"
    r"sealed|clinched|agreed|done|finali[sz]ed|approved|in\s+place)\b"
)
# a truce told as expected or hoped to last, not begun: "expects the truce to hold", "wants
# the ceasefire to stick" (a truce "to take effect" is one planned)
_TO_LAST: Final = re.compile(r"\s+to\s+(?:hold|last|stick|survive|endure)\b")
# a deal in force, as a step is taken under it: "swore in vice presidents under a peace deal"
_UNDER: Final = re.compile(r"(?<![\w'-])under\s+(?:[\w'-]+\s+){0,2}$")
_NO_PARTICULAR: Final = (" any ", " no ", " whether ", " without ")
# a mediator's trip: "the cleric arrives in Najaf on a peace mission" (not an attack on one)
_MISSION: Final = re.compile(r"[\s-]+missions?\b")
_ON_TRIP: Final = re.compile(
    r"(?<!attack\s)(?<!attacks\s)(?<!assault\s)(?<!raid\s)(?<!ambush\s)(?<!fire\s)"
    r"\bon\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'-]+\s+){0,2}$"
)
# ... made by someone who travels there, not a force that serves on one
_TRAVELLED: Final = re.compile(
    r"\b(?:arriv|travel|went|goes|going|flew|fly|flies|head|sent|send|visit|came|comes|"
    r"return|dispatch)\w*\b"
)
_FORCE: Final = re.compile(
    r"\b(?:serv\w*|deployed|troops|soldiers|police|peacekeep\w*|contingent|battalion)\b"
)
# a round of talks is talks, not their aim: "meet in the first round of nuclear talks"
_ROUND_OF: Final = re.compile(r"(?<![\w'-])rounds?\s+of\s+$")
# ... and a side's update or briefing on talks tells them held, not their topic: "gives an
# update on the nuclear talks", "briefed his cabinet on the border talks"
_BRIEFED_ON: Final = re.compile(
    r"(?<![\w'-])(?:updates?|brief(?:s|ed|ing)?)\s+(?:[\w'-]+\s+){0,3}?(?:on|of|about)\s+"
    r"(?:(?:the|his|her|their|its)\s+)?$"
)
# talks told by what they could do, a prediction: "the talks could reshape the region"
_SPECULATED: Final = re.compile(r"\s+(?:could|might|may|would)\s+(?!not\b)")
_MAX_TRIED: Final = 4  # noun phrases read per sentence
# talks or a summit named by nothing else, which count between two states at odds
# (:func:`negotiation_steps.across_a_dispute`): "N. Korea-Japan talks make no progress",
# "North and South Korea set a date for a summit"
_BARE_TALKS: Final = re.compile(r"(?<![\w-])(?:talks|negotiations|summits?)(?![\w-])")
# ... and those, like talks named by a dispute, are not held when told as stalled, or as what
# a side wants resumed or sees no point in: "worried over stalled nuclear talks", "a message
# about resuming stalled six-way talks", "no point in continuing the six-sided talks"
_IDLE: Final = re.compile(
    r"(?<![\w'-])(?:stall\w*|suspended|frozen|deadlocked|resum\w*|reviv\w*|restart\w*|"
    r"(?:re)?join\w*)\s+(?:[\w'.-]+\s+){0,3}$|\bno\s+(?:point|reason|need|use)\b[^.;]*$"
)


def _event(match: re.Match[str], lowered: str, lo: int, hi: int) -> str | None:
    """The event type a noun phrase stands for in its sentence, or None when it only frames
    other news or names an aim."""
    start, end = match.span()
    head = match["head2"] or match["head"] or match["lead"]
    if head is None and match["mediation"] is not None:
        head = "mediation"
    if head is None and match["swap"] is not None:
        head = "exchange"
    before = lowered[max(lo, start - 60) : start]
    if match["dispute"] is not None and (
        head not in _TALKS_HELD
        or _AIM.search(_BRIEFED_ON.sub("", _ROUND_OF.sub("", before)))
        or _IDLE.search(before)
    ):
        return None  # as bare talks: "the resumption of six-party talks" is an aim
    if match["peace"] is not None and head is None and _MISSION.match(lowered, end, hi):
        # a trip "on a peace mission" is mediation; "the UN peace mission" names a force
        travelled = _TRAVELLED.search(before) or _TRAVELLED.search(lowered, end, min(hi, end + 40))
        trip = _ON_TRIP.search(before) and travelled and not _FORCE.search(before)
        return "talks_held" if trip else None
    done = None
    if head is None and match["truce"] is None:
        # "hostages" alone are no development, unless told as freed or swapped, nor is "peace"
        done = _SWAPPED.match(lowered, end, hi) if match["captives"] is not None else None
        if done is None:
            return None
    # "the length of any truce", "no ceasefire"; "Any truce" opening the sentence
    if (before if start - lo > len(before) else f" {before}").endswith(_NO_PARTICULAR):
        return None
    in_force = head in _DEALS and _UNDER.search(before) is not None
    if (_BACKGROUND.search(before) and not in_force) or _AFTER_BACKGROUND.match(lowered, end, hi):
        return None
    if done is not None:  # "prisoners of war exchanged"
        if done["swapped"] is not None:
            return "hostage_exchange"
        if PARDON.search(lowered, lo, hi):
            return None
        return "hostage_release" if match["captives"].startswith("hostage") else "prisoner_release"
    if head is None:
        if _TO_LAST.match(lowered, end, hi):
            return None
        if _TOPIC.search(before):
            return "talks_held"
        if _AIM.search(before):
            return "call_for_ceasefire" if _CALL.search(before) else None
        if _STANCE.search(before):
            return "call_for_ceasefire"
        return "agreement_reached" if _REACHED.match(lowered, end, hi) else "ceasefire_started"
    if head in _SWAPS:
        return "hostage_exchange"
    if head.startswith("release"):
        return (
            "hostage_release"
            if match["captives"] in ("hostage", "hostages")
            else ("prisoner_release" if match["captives"] else None)
        )
    if head not in _TALKS_HELD:  # a deal, a plan, a process or mediation
        if in_force:  # a step under the deal, whatever it is of: "completion of X under"
            return "agreement_reached"
        if _TOPIC.search(before):
            return "talks_held"
        if _AIM.search(before):
            return None
        if head in _PLANS:
            return "proposal_made"
        if head in _DEALS and _REACHED.match(lowered, end, hi):
            return "agreement_reached"
        return "talks_held"
    if _SPECULATED.match(lowered, end, hi):
        return None
    future = _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(lowered, end, hi)
    return "talks_planned" if future else "talks_held"


def _bare_talks(
    lowered: str, lo: int, hi: int, taken: list[tuple[int, int]], wider: str
) -> tuple[str, int, int] | None:
    """``(event, start, end)`` of the first bare "talks" of the sentence outside the strong
    noun phrases ``taken``, when it stands as news (not framing, failing or aimed at) between
    two states at odds (the sentence with ``wider``; tested first, as it fails most often)."""
    for match in _BARE_TALKS.finditer(lowered, lo, hi):
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        if not across_a_dispute(f"{lowered[lo:hi]}\n{wider}", theatre=True):
            return None
        before = lowered[max(lo, start - 60) : start]
        if (
            before.endswith(_NO_PARTICULAR)
            or _BACKGROUND.search(before)
            or _AFTER_BACKGROUND.match(lowered, end, hi)
            or _AIM.search(_BRIEFED_ON.sub("", before))
            or _IDLE.search(before)
            or _SPECULATED.match(lowered, end, hi)
        ):
            return None
        future = _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(lowered, end, hi)
        return ("talks_planned" if future else "talks_held", start, end)
    return None


def told_failing(lowered: str, end: int, hi: int) -> bool:
    """Whether what the noun phrase ending at ``end`` names is told after it as failing,
    denied or only the name of a thing ("talks with the rebels collapse", "talks line")."""
    return _AFTER_BACKGROUND.match(lowered, end, hi) is not None


def bare_talks_event(lowered: str, lo: int, hi: int, wider: str = "") -> list[tuple[str, int, int]]:
    """``(event, start, end)`` of the first bare talks of the sentence ``lowered[lo:hi]`` that
    stand as news between two states at odds (the sentence with ``wider``), else nothing."""
    bare = _bare_talks(lowered, lo, hi, [], wider)
    return [] if bare is None else [bare]


def noun_event(lowered: str, lo: int, hi: int, wider: str = "") -> list[tuple[str, int, int]]:
    """``(event, start, end)`` of the strong negotiation noun phrases of the sentence
    ``lowered[lo:hi]`` that stand as news, in order (at most a few), when the sentence with
    ``wider`` (the text beside it, lower case) names a conflict besides the nouns; the span is
    the noun phrase. Bare talks stand as news only between two states at odds."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    captives_deal = False
    for match in _NOUN.finditer(lowered, lo, hi):
        taken.append(match.span())
        if len(found) == _MAX_TRIED:
            break
        event = _event(match, lowered, lo, hi)
        if event is not None:
            found.append((event, *match.span()))
            captives_deal |= _names_its_conflict(match)
    if not found:
        bare = _bare_talks(lowered, lo, hi, taken, wider)
        return found if bare is None else [bare]
    if captives_deal and _ARTS.search(lowered, lo, hi) is None:
        return found
    text = f"{lowered[lo:hi]}\n{wider}"
    return found if conflict_beside(text, _NOUN.sub(" ", text)) else []


# a deal, a swap or talks of hostages or prisoners of war name their conflict themselves
# ("Hostage deal in final stages, president says"); a release may be a state's clemency
_CAPTIVES_DEALS: Final = frozenset({"deal", "agreement", "exchange", "exchanges", "swap", "swaps",
                                    "talks", "negotiations"})  # fmt: skip
_WAR_CAPTIVES: Final = ("hostage", "prisoners of war", "pow")
# ... unless they name a story told on screen or in print ("Hostage deal thriller tops the box
# office"), which the conflict context guard then reads
_ARTS: Final = re.compile(
    r"\b(?:films?|movies?|dramas?|thrillers?|series|documentar(?:y|ies)|novels?|box\s+office|"
    r"festival|episodes?|screen\w*|premieres?)\b"
)


def _names_its_conflict(match: re.Match[str]) -> bool:
    """Whether the noun phrase ``match`` is a deal, a swap or talks of hostages or prisoners
    of war."""
    captives = match["captives"]
    head = match["head2"] or match["head"]
    return captives is not None and captives.startswith(_WAR_CAPTIVES) and head in _CAPTIVES_DEALS
