"""Typed negotiation developments: talks, proposals, truces, releases, swaps and UN votes.

Each event type has a few patterns; a sentence yields at most one event of each type. Some
patterns of a type sit under a variant key (``"talks_held/peace"``) with gates of their own.
Patterns only bridge short gaps (a few words, or up to 80 characters without a sentence
break), so matching stays linear. Agreements, cease-fires taking effect, adoptions and
vetoes preceded by a negation or a hope ("failed to reach", "efforts to secure") are
dropped, so are deals and talks of companies, clubs, trade and labour (wire copy is full of
them), and a more specific event hides a weaker one in the same sentence
(a postponed vote is not also a scheduled one).
"""

from __future__ import annotations

import re
from typing import Final, Protocol

from consumers.extraction.actors import names_listed
from consumers.extraction.lexicon import NEGOTIATION_GATES
from consumers.extraction.literals import holds, needs
from consumers.extraction.matching import KeySearch
from consumers.extraction.negotiation_classes import ANCHORS, Anchored
from consumers.extraction.negotiation_context import (
    in_conflict,
    names_a_region,
    names_a_truce,
    names_an_armed_side,
    rivals_told,
    states_at_odds,
)
from consumers.extraction.negotiation_nouns import GATES as NOUN_GATES
from consumers.extraction.negotiation_nouns import (
    PARDON,
    bare_talks_event,
    noun_event,
    told_failing,
)
from consumers.extraction.negotiation_patterns import GATES, PATTERNS
from consumers.extraction.negotiation_steps import (
    IN_CONTEXT,
    MEETINGS,
    SETTLED,
    VISIT,
    across_a_dispute,
    between_sides,
    envoy_harmed,
    meets_an_armed_side,
    names_a_dispute,
    rivals_meet,
)


class _Searcher(Protocol):
    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None: ...


# a pattern compiled, and the strings a sentence must hold for it to match (``literals``)
_Compiled = tuple[_Searcher, tuple[tuple[str, ...], ...]]


def _compile(pattern: str) -> _Compiled:
    """``pattern`` compiled, behind its anchor when it has one (``negotiation_classes``), with
    the strings each of its matches holds."""
    compiled = re.compile(pattern.removeprefix(r"\b"))
    held = needs(compiled.pattern)
    if pattern not in ANCHORS:
        return compiled, held
    anchor, heads = ANCHORS[pattern]
    return Anchored(compiled, re.compile(anchor.removeprefix(r"\b")), heads), held


# Patterns run on lower-cased text without IGNORECASE and without a leading ``\b``, which
# lets the regex engine skip ahead on the first literal; the word boundary is checked after.
# A pattern is searched only in a sentence that holds the strings it needs: most do not.
_COMPILED: Final = {
    event: tuple(_compile(p) for p in patterns) for event, patterns in PATTERNS.items()
}
# talks not (yet) held: to come, or named as the background of other news ("strikes continue
# as talks resume")
_NOT_HELD: Final = re.compile(
    r"(?<![\w'-])(?:(?:will|to|would)\s+|(?:as|while|amid)\s+(?:[\w'-]+\s+){0,2}|"
    # ... or turned down: "rejects direct talks", "ruled out talks"
    r"(?:reject\w*|refus\w*|rul(?:e|es|ed|ing)\s+out|dismiss\w*)\s+(?:[\w'-]+\s+){0,2}|"
    # ... or hoped for: "officials hope talks with the rebels will open"
    r"hop(?:e|es|ed|ing|eful)\s+(?:that\s+)?(?:(?:the|new|direct|peace)\s+){0,2}|"
    # ... or decided against: "decided against holding six-party talks"
    r"(?:decid\w*|decision|vot\w*|opt\w*|argu\w*|advis\w*|warn\w*)\s+against\s+"
    r"(?:[\w'-]+\s+){0,2}|"
    # ... or backed, a stance on them: "Moscow backs direct talks", "supported the peace process"
    r"(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|endors\w*)\s+(?:[\w'-]+\s+){0,2}|"
    # ... or talks that only tell where victims came from: "killed returning from a peace summit"
    r"(?:return\w*|back|home)\s+from\s+(?:[\w'-]+\s+){0,2})$"
)
# ... but an "as" clause that tells them starting now is a fresh step, not their background:
# "shelling goes on as talks reconvene", "as peace talks begin in the capital" (not "as talks
# continue", a standing condition)
_AS_CLAUSE: Final = re.compile(r"(?<![\w'-])as\s+(?:[\w'-]+\s+){0,2}$")
# (also a headline's opening "With talks resuming in Cairo, ...": :func:`_with_frame`)
_FRESH_TALKS: Final = re.compile(
    r"\b(?:resum\w*|reconven\w*|restart\w*|re-?open\w*|beg[aiu]n\w*|start\w*|open\w*|"
    r"launch\w*|(?:take|takes|took|taken|taking)\s+place|kick\w*|under\s?way)\b"
)


_WORD_BITS: Final = 60  # gate bits are kept in three words of this size: small ints, fast to AND
_WORD: Final = (1 << _WORD_BITS) - 1


def _words(bits: int) -> tuple[int, int, int]:
    """``bits`` as its three words, lowest first."""
    return bits & _WORD, bits >> _WORD_BITS & _WORD, bits >> 2 * _WORD_BITS


def _build_gates() -> tuple[
    KeySearch, list[tuple[int, int, int, int]], dict[str, tuple[int, int, int]]
]:
    """An automaton of gate stems, each with one bit per gate group that holds it (by the
    stem's index: ``(length, *three words)``), and the bits (three words) each event
    needs; a sentence's stems OR-ed together must cover an event's bits."""
    bits: dict[str, int] = {}
    required: dict[str, int] = {}
    bit = 1
    for event, groups in (NEGOTIATION_GATES | GATES | NOUN_GATES).items():
        required[event] = 0
        for group in groups:
            for stem in group:
                bits[stem] = bits.get(stem, 0) | bit
            required[event] |= bit
            bit <<= 1
    if bit >> 3 * _WORD_BITS:
        msg = "more negotiation gate groups than three words of bits hold"
        raise ValueError(msg)
    stems = list(bits)
    return (
        KeySearch(stems),  # every overlapping match; an ASCII sentence read as bytes
        [(len(stem), *_words(bits[stem])) for stem in stems],
        {event: _words(need) for event, need in required.items()},
    )


_GATES, _GATE_BITS, _REQUIRED = _build_gates()
_NOUN_LED: Final = _REQUIRED["noun_led"]  # the bits of a strong negotiation noun
_TALKS_LED: Final = _REQUIRED["talks_led"]  # ... and of bare talks
# either of them: a sentence with none of these bits holds no negotiation noun
_NOUN_OR_TALKS: Final = tuple(
    noun | talks for noun, talks in zip(_NOUN_LED, _TALKS_LED, strict=True)
)
_LONGEST_GATE: Final = max(entry[0] for entry in _GATE_BITS)
# events that need an actual development, not a hope, a denial or a threat
_FACTUAL: Final = frozenset({"agreement_reached", "ceasefire_started", "vote_adopted",
                             "vote_vetoed", "truce_extended", "talks_held", "surrender",
                             "proposal_made"})  # fmt: skip
_IRREALIS: Final = re.compile(
    # (headline feeds that drop the apostrophe: "china wont mediate", "rebels dont sign")
    r"\b(?:no|not|never|neither|nor|cannot|(?:can|won|wouldn|don|doesn|didn|haven|hasn|hadn)"
    r"['\u2019]?t|n['\u2019]t|"
    r"den(?:y|ies|ied|ying)|(?:rejected|dismissed)\s+reports|fail(?:s|ed|ing)?\s+to|"
    r"failure\s+to|without|yet\s+to|unable\s+to|unlikely\s+to|hopes?\s+(?:of|to|for)|far\s+from|"
    r"(?:refus|declin)\w*\s+(?:on\s+\w+day\s+)?to|reluctan\w*\s+to|"
    # a truce or a deal an attack breaks: "violating a ceasefire agreed in Moscow"
    r"violat\w*|breach\w*|shatter\w*|flout\w*|"
    r"aim\w*\s+to|seek\w*\s+to|efforts?\s+to|work\w*\s+to|tr(?:y|ie)\w*\s+to|push\w*\s+(?:[\w'-]+\s+){0,2}?(?:for|to)|could|would|may|might|"
    r"how\s+to|"
    r"press\w*|"
    r"threat\w*\s+to|if|whether|unless|want\w*\s+to|bid\s+to|call\w*\s+for|urg\w*|"
    r"(?<!who\s)(?<!had\s)(?<!were\s)(?<!was\s)ask\w*\s+(?:[\w'-]+\s+){0,2}?(?:to|for)|"
    r"demand\w*|must|need\w*\s+to|despite|in\s+spite\s+of|in\s+violation\s+of|delay\w*\s+in)"
    r"\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# a truce an attack breaks: "breaking a ceasefire agreed in Doha" (one word at most between,
# so "broke the deadlock and reached a deal" stays a deal)
_BROKEN: Final = re.compile(
    r"(?<![\w'-])(?:break|breaks|breaking|broke|broken)\s+(?:(?:a|an|the|its|their|this|that)\s+)?"
    r"(?:[\w'-]+\s+)?$"
)
# a step named as the means to an end, an opinion, not a step taken: "the best way to get the
# hostages home is through a ceasefire deal", "the only path to peace lies in talks", "the best
# way to restart the peace process" (the way's object)
_MEANS: Final = re.compile(
    r"\b(?:best|only|surest|quickest|fastest|right|sole|real)\s+(?:ways?|path|paths|route|"
    r"road|means|answer|solution|option|hope)\b['\"\u201d]?\s+(?:(?:to|of|for|towards?)\s+"
    r"[^.;]{0,80}?\s(?:is|are|was|lies|lay|remains?)\s+(?:(?:to|through|by|in|via|with|"
    r"a|an|the)\s+)*(?:[\w'-]+\s+){0,3}|(?:to|towards?)\s+(?:[\w'-]+\s+){0,2})$"
)
# "any truce", "before any negotiations can begin": supposed, not made
_ANY: Final = " any "
# a step denied in a clause of its own or hoped for in a headline's wording, with words between
# that :data:`_IRREALIS` does not bridge: "denied on Monday that it had agreed to a truce",
# "hopes rose on Tuesday for a truce" (not "denied the raid, said that")
_DENIED_OR_HOPED: Final = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)\s+(?:[\w'-]+\s+){0,3}?that|"
    r"hopes?\s+(?:rise|rises|rose|risen|grow|grows|grew|fade|fades|faded|dim|dims|dimmed|"
    r"wane|wanes|waned)\s+(?:[\w'-]+\s+){0,3}?(?:of|for))\s+(?:[\w'-]+\s+){0,4}$"
)
# a protest or a campaign against a deal is not a new deal ("protest against the accord signed")
# (not the opposition, nor "the opposing militias signed a pact")
_OPPOSED: Final = re.compile(
    r"\b(?:against|protest\w*|oppose[sd]?|opposing\s+(?:the|a|an|any|this|that)|scrap\w*|"
    r"denounc\w*|condemn\w*|critici[sz]\w*)\b"
    r"[^.;,]*$"
)
_CONTESTED: Final = frozenset({"agreement_reached", "proposal_made"})
# ... nor are talks, a deal or a plan a protest backs or denounces: "a rally to show support
# for the statement on the peace talks due in Geneva" (the protest's words any such sentence
# holds before the match, then the stance it is held for: "to denounce", "in support of")
_PROTESTS: Final = ("protest", "rally", "rallies", "demonstrat", "to the streets")
_STANCE_ON: Final = re.compile(
    r"\b(?:in\s+support\s+of|to\s+(?:(?:show|express|voice)\s+(?:their\s+|its\s+)?)?"
    r"(?:support|denounce|condemn|reject|oppose))\b"
)
# a truce or a deal named as the time of other news, not made now: "after the end of the
# three-day ceasefire that was brokered by the UN", "shortly before the commencement of the
# UN-brokered truce", "hours before the start of the ceasefire", "since the truce signed in
# Doha" (a noun phrase, :data:`_NAMED_DEAL`;
# not a clause that tells it made: "after a truce was struck")
_FRAMED: Final = frozenset({"agreement_reached", "ceasefire_started"})
_TIME_FRAME: Final = re.compile(
    r"(?<![\w'-])(?:since|before|after|during|until|till|following|throughout)\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w'-]+\s+of\s+(?:(?:the|a|an)\s+)?)?(?:[\w'-]+\s+){0,2}$"
)
_NAMED_DEAL: Final = re.compile(
    r"(?:(?:start|beginning|commencement|onset)\s+of\s+(?:(?:the|a|an)\s+)?)?"
    r"(?:[\w.]+-(?:brokered|mediated|backed|sponsored|led)\s+)?(?:[\w-]+\s+)?"
    r"(?:cease-?\s?fires?|truces?|armistices?|deal|agreement|accord|pact|treaty)\b"
)
_CLAUSE: Final = re.compile(
    r"\b(?:was|were|is|are|has|have|had|took|takes|came|comes|went|began|begins|started|"
    r"starts)\b"
)
_RELATIVE: Final = re.compile(r"\b(?:that|which)\b")
# a truce kept by those who watch it, not by the sides: "the UN team that observes the
# ceasefire", "observers observing the truce"
_OBSERVERS: Final = re.compile(
    r"\b(?:teams?|missions?|observers|monitors|committees?|commissions?|peacekeepers|force)\s+"
    r"(?:(?:that|which|who)\s+)?(?:\w+\s+)?$"
)
# demands turned down are a conflict's move only beside a dispute, a region at war, an armed
# side, two states at odds or a listed state or group ("rejected demands for free bus passes"
# is a home affair's)
_DEMANDS: Final = ("demands", "demand")
# a draft resolution turned down or argued over is no step ("rejected a US-sponsored
# resolution", "members are split over a draft resolution")
_DRAFT_OPPOSED: Final = re.compile(
    r"\b(?:reject\w*|spurn\w*|dismiss\w*|oppos\w*|(?:divided|split|undecided|at\s+odds)\s+"
    r"(?:over|on|about))\b[^;]*$"
)
# a deal between workers and employers (on pay, to end a strike) or a plea deal in court is no
# conflict's agreement
_CIVIL: Final = re.compile(
    r"\b(?:plea\s+(?:deals?|agreements?|bargains?)|wages?|salar(?:y|ies)|on\s+pay|"
    r"pay\s+(?:rise|raise|increase|dispute|deal)|management|"
    r"employers?|unioni[sz]ed|(?:trade|labou?r|teachers'?|workers'?|the|with)\s+unions?)\b"
)
# a suspect who gives himself up to the police is arrested, not surrendering in a conflict
_SUSPECT: Final = re.compile(
    r"\b(?:suspect|attacker|assailant|killer|murderer|perpetrator|culprit|accused|shooter|"
    r"fugitive|robber|thief)\b[^.;]{0,40}$"
)
# ... and those who surrendered told as killed after it: "were shot dead after they surrendered",
# "the execution happened after the soldiers had surrendered" (the killing is the news)
_KILLED_AFTER: Final = re.compile(
    r"\b(?:killed|executed|shot|slain|massacred|murdered|beheaded|killings?|executions?|"
    r"massacres?)\b[^.;]{0,60}?\bafter\s+(?:they|he|she|(?:said|the|these|those)(?:\s+[\w'-]+)?)\s+"
    r"(?:had\s+)?$"
)
# ... and a state's soldiers who change sides: "two soldiers defected and surrendered to the
# militants" (a defection, no side's surrender; not rebels who defect and lay down their arms)
_DEFECTED: Final = re.compile(
    r"\b(?:soldiers?|troops|officers?|policem[ae]n|servicem[ae]n|guards?)\b[^.;]{0,40}?"
    r"\bdefect(?:s|ed|ing)\s+and\s+$"
)
_TO_POLICE: Final = re.compile(r"[^.;]{0,20}?\bto\s+(?:the\s+)?police\b")
# ... and anyone who gives himself up to the police, the authorities or a court where no armed
# side is named ("a drug lord surrendered to the authorities"; not "Maoist cadres surrendered
# to the police")
_TO_JUSTICE: Final = re.compile(
    r"[^.;]{0,30}?\bto\s+(?:the\s+)?(?:[\w-]+\s+)?(?:police|authorities|courts?|judges?|"
    r"prosecutors?|tribunal)\b"
)
# ... and a state that hands persons over to face a court abroad extradites them, no side's
# surrender: "surrenders four men to the US to face charges", "surrendered two suspects for
# trial" (the words any such sentence holds, then the persons handed over)
_PROSECUTION: Final = ("charge", "extradit", "to face", "trial", "indict", "prosecut")
_PERSONS_HANDED: Final = re.compile(
    r"\b(?:surrender(?:s|ed|ing)?|hand(?:s|ed|ing)?\s+over)\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:men|women|suspects?|fugitives?|nationals|citizens|persons|people|"
    r"individuals|traffickers?|smugglers?|accused)\b"
)
_COMBATANTS: Final = re.compile(
    r"\b(?:fighters|combatants|cadres?|maoists?|commanders?|militiamen|ex-combatants)\b"
)
# a release by force (a raid, a rescue, a jailbreak) is no negotiated release
_FORCED: Final = re.compile(
    r"\b(?:stormed|storming|raided|raiding|rescued|rescuing|jailbreak|(?:prison|jail)\s+break|"
    r"breakouts?|broke\s+into|overran|"
    r"liberated|liberating|forced\s+(?:the\s+)?(?:release|opening)|attacks?\s+(?:[\w-]+\s+){0,3}?"
    r"on\s+(?:[\w-]+\s+){0,2}?(?:prisons?|jails?|police\s+stations?)|"
    r"attack(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:prisons?|jails?|police\s+stations?)|"
    r"(?:kill\w*|shot|shoot\w*|overpower\w*|arrest\w*|neutrali[sz]\w*)\s+(?:the\s+|\w+\s+)?"
    r"(?:kidnappers|captors|abductors))\b[^.;]*$"
)
# ... or one a fight makes, told as its relative clause: "clashes that ultimately freed the
# kidnapped man", "the raid, which freed five captives"
_FREED_BY_FIGHT: Final = re.compile(
    r"\b(?:clashes|fighting|raids?|assaults?|attacks?|operations?|offensives?|battles?|"
    r"rescue)\s*,?\s+(?:that|which)\s+(?:\w+\s+)?$"
)
# ... or one told after the release ("were freed in a military operation", "freed inmates in a
# jailbreak", "in an attack on the prison"); a release by the police or a court, on bail or from
# the cells, is justice, not negotiation
_FORCED_AFTER: Final = re.compile(
    r"\b(?:(?:in|during|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:operation|raid|rescue|"
    r"commandos|special\s+forces|jail-?breaks?|breakouts?|(?:prison|jail)\s+breaks?|"
    r"attacks?\s+on\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:prisons?|jails?))|"
    r"on\s+(?:bail|bond|parole)|acquitt\w*|"
    r"after\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:ruling|verdict)|"
    # ... or after an arrest or questioning: "freed after a 12-hour arrest by soldiers"
    r"after\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w'-]+\s+){0,2}?(?:arrest|"
    r"questioning|interrogation)|"
    # ... or a jail left open: "freed after guards deserted their posts", "released due to
    # extensive damage to the prison"
    r"after\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:guards|wardens|warders|jailers)\s+"
    r"(?:had\s+)?(?:deserted|fled|abandoned|left)|"
    r"due\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?damage|"
    r"from\s+(?:(?:the|its|their|police|federal|government)\s+)?(?:cells?|custody))\b"
)
# ... or one granted as clemency ("released as part of a broad amnesty")
_CLEMENCY: Final = re.compile(
    r"\b(?:as\s+part\s+of|under|in)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:amnesty|amnesties|pardons?)\b|"
    # people a court convicted, whom the state frees: clemency, not a captor's release
    r"\b(?:convicted|sentenced)\b"
)
# a release only hoped or worked for: "efforts to secure the release of", "hopeful on Sunday
# that the hostages would be freed" (an attempt or a demand is reported, marked ``demanded``)
_SOUGHT: Final = re.compile(
    r"\b(?:efforts|hopes?|hoped|hoping|hopeful)\s+(?:[\w'-]+\s+){0,3}?(?:to|for|that|on|about)"
    r"\s+(?:(?!(?:as|while|when|after|and|but)\s)[\w'-]+\s+){0,5}$|"
    # ... or awaited: "families await the release of" (not "long-awaited", nor news awaited)
    r"(?<![\w-])await(?:s|ed|ing)?\s+(?:the\s+|their\s+|a\s+)?$|"
    # ... or a means to it: "the only way to free the captives", "pressure to release them"
    r"(?<![\w'-])(?:ways?|means|pressure|leverage)\s+to\s+$"
)
# "release efforts", "release talks": the noun names the aim, not a release
_RELEASE_AIM: Final = re.compile(
    r"\S*\s+(?:efforts?|bids?|attempts?|campaign|hopes?|appeals?|calls?|demands?|talks|"
    r"negotiations)\b"
)
# what a group releases of its captives without freeing them: "new video of hostage released"
_MEDIA_OF: Final = re.compile(
    r"\b(?:videos?|footage|tapes?|images?|photos?|pictures?|statements?|recordings?)\s+of\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)
# ... or told after it: "kidnappers released a video showing" (not "a video journalist")
_MEDIA_AFTER: Final = re.compile(
    r"\s+(?:(?:a|an|the|new|another|fresh)\s+)?(?:[\w-]+\s+)?(?:videos?|videotapes?|footage|"
    r"tapes?|images?|photos?|pictures?|statements?|recordings?|audio)\b"
    r"(?!\s+(?:journalists?|reporters?|cameram[ae]n|crews?|producers?|editors?|makers?|"
    r"bloggers?|operators?)\b)"
)
# a state that frees its critics grants clemency: "Cuba released three imprisoned dissidents"
# (not the armed dissidents of a rebel group, who may be captors)
_CRITICS: Final = re.compile(
    r"\b(?<!farc\s)(?<!ira\s)(?<!rebel\s)(?<!armed\s)dissidents?\b"
    r"(?!\s+(?:farc|ira|rebels?|groups?|factions?|fighters|republicans?|militants?|militias?)\b)"
)
# talks called off or put off: "talks have been postponed", "talks between the government and
# the rebels were called off"
_TALKS_OFF: Final = re.compile(
    r"(?:[^.;]{0,40}?|\s+between\s+[^.;,]{0,80}?)\b(?:(?:have|has|had)\s+been|were|was|are|is)\s+"
    r"(?:\w+\s+)?(?:postponed|"
    r"delayed|called\s+off|cancel+ed|suspended|put\s+off|broken\s+off)\b"
)
_TALKS: Final = frozenset({"talks_held", "talks_planned"})
# two rivals' meeting held (not one to come): counted without a dispute word
_MET: Final = "talks_held/meeting"
# talks named as the latest of a series ("new talks with the rebels"), which a failure after
# them undoes ("new talks with the rebels collapse")
_LATEST: Final = "talks_held/latest"
# ... or told so anywhere in the sentence: "Talks still suspended", "negotiations remain
# suspended", "peace talks broken off" (a headline joined to its summary is one sentence)
_TALKS_SUSPENDED: Final = re.compile(
    r"\b(?:talks|negotiations)\s+(?:(?:still|remain|remains|remained|stay|stays|stayed|"
    r"(?:have|has|had)\s+been|are|were|is|was)\s+)?(?:still\s+)?(?:suspended|called\s+off|"
    r"broken\s+off|frozen|on\s+hold|postponed|cancel+ed|put\s+off)\b"
)
# ... unless they are told as taken up again: "resumed talks suspended in June"
_RESUMED: Final = re.compile(r"\b(?:resum|restart|reviv|reopen)\w*\s+(?:[\w'-]+\s+){0,2}$")
# talks offered on a condition ("ready to resume talks if the island accepts"): a plan's
# modality is always asserted, so the condition drops it here
_ON_CONDITION: Final = re.compile(
    r"[^.;]{0,60}?\b(?:if|unless|provided\s+(?:that\s+)?|as\s+long\s+as|on\s+condition)\b"
)
# a company's or a club's deal (a merger, a contract, a trade pact), no conflict's
_COMMERCIAL: Final = re.compile(
    r"\b(?:acquir\w*|acquisitions?|mergers?|takeovers?|buyouts?|shareholders?|"
    r"contracts?|licen[cs]\w*|customers|subscribers|inc|corp|ltd|plc|llc|free\s+agents?|"
    r"giants?|(?<!peace[\s-])makers?|retailers?|manufacturers?|brewers?|insurers?|"
    r"companies|firms|"
    r"airlines?|investors?|(?:the|a)\s+club|clubs|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)-year\s+(?:deal|contract|extension)|"
    r"free[\s-]+trade|trade\s+(?:deals?|agreements?|accords?|pacts?|talks|zones?|barriers|"
    r"disputes?|rules)|duty[\s-]+free|tariffs?|debts?|patents?|sponsorship|transfer\s+window|"
    r"(?:to|will)\s+(?:buy|sell|acquire|distribute|supply|market|license)|"
    r"(?:economic|commercial|business|trade)\s+(?:talks|negotiations|ties|cooperation|"
    r"partnership)|cooperation\s+in\s+(?:the\s+areas?\s+of\s+)?(?:trade|econom\w*))\b"
)
# a pause in a trade war, no truce: "a 90-day pause on tariffs", "extended the tariff pause"
# (the trade words any such sentence holds first; not a pause in the fighting or a
# humanitarian one, named in the match)
_PAUSES: Final = frozenset({"humanitarian_pause", "truce_extended"})
_TRADE_WORDS: Final = ("tariff", "trade")
_WAR_PAUSES: Final = ("humanitarian", "fighting", "hostilities", "combat", "strikes", "bomb")
# a deal or a truce only worked for is talks, not the deal made: the object of an attempt
# ("efforts are underway to broker a new cease-fire", "a bid by Qatar to secure a truce",
# "trying to clinch a deal") or of a making verb in the progressive ("Egypt is brokering a
# ceasefire"); the talks' evidence then opens at the attempt
_WORKED_FOR: Final = frozenset({"agreement_reached", "ceasefire_started", "truce_extended"})
_ATTEMPT: Final = re.compile(
    r"(?<![\w'-])(?:efforts?|attempts?|bids?|push|pushes|pushed|pushing|drive|trying|tries|"
    r"tried|try)\s+(?:(?!(?:failed|fail|fails|not|never|no|unable|or|but)\s)[\w'-]+\s+){0,4}?"
    r"to\s+$"
)
# ... but a push on a side to act is a call: "the envoy pushes the rebels to agree on a truce"
# (not "a push by the mediators to", "pushed hard to")
_URGED: Final = re.compile(
    r"push(?:es|ed|ing)?\s+(?!(?:by|from|for|on|in|at|towards?|of|and|with|to|hard|again|now|"
    r"ahead)\s)(?:[\w'-]+\s+){1,2}?to\s+$"
)
_MAKING: Final = ("brokering ", "negotiating ", "mediating ", "hammering out ", "working out ",
                  "thrashing out ")  # fmt: skip
_PROGRESSIVE: Final = re.compile(r"(?<![\w'-])(?:is|are|was|were|been|be|still|now|currently)\s+$")
# talks dated by a day ("talks on Sunday") are planned, unless told as past: after them, or
# with a past verb after the day
_DATED: Final = ("talks on ", "negotiations on ")
_PAST_BEFORE: Final = re.compile(r"\b(?:after|following|followed|since)\s+(?:the\s+)?$")
# the sides met for the talks that follow: "negotiators met in Jeddah for a new round of talks"
_MET_BEFORE: Final = re.compile(
    r"\b(?:met|gathered|convened|sat\s+down)\s+(?:(?!(?:and|but|to)\s)[\w'-]+\s+){0,6}?for\s+"
    r"(?:[\w'-]+\s+){0,4}?$"
)
_PAST_AFTER: Final = re.compile(
    r"\s+(?:[\w'-]+\s+){0,5}?(?:led|ended|produced|yielded|resulted|paved|broke|brought)\b"
)
_DEALS: Final = frozenset({"agreement_reached", "talks_held", "talks_planned", "proposal_made",
                           "proposal_rejected"})  # fmt: skip
# a rejection of what others say about a deal, not of an offer: "rejects complaints about the
# deal", "dismissed criticism of the truce plan", "rejected reports of a deal"
_REJECTING: Final = re.compile(r"(?:rejected|rejects|reject|dismissed|rebuffed|spurned)\s+")
_CLAIMS: Final = re.compile(
    r"(?:(?:the|a|an|all|any|these|those|such|its|their|[\w-]+['\u2019]s?)\s+)?(?:[\w-]+\s+)?"
    r"(?:complaints?|critici(?:sm|sms)|accusations?|allegations?|claims?|charges|reports?|"
    r"rumou?rs?|speculation|suggestions?)(?![\w-])"
)
# sides that agree only to strive for an end, not on a step: "agreed to push for a diplomatic
# end to the crisis", "agreed to work toward a truce" (a joint aim or call)
_AGREED_TO_STRIVE: Final = re.compile(
    r"agree(?:s|d|ing)?\s+to\s+(?:(?:jointly|further|continue\s+to)\s+)?"
    r"(?:push|press|work|strive|seek|try|aim|call\s+(?:for|on)|urge|lobby|pursue|explore)\b"
)
# a truce begun or extended: a conflict's unless only another domain's words stand beside it
# ("the league and the union declared a truce")
_TRUCES: Final = frozenset({"ceasefire_started", "truce_extended"})
# a proposal made or turned down: counted with no context at all, not beside a company's word
_MOVES: Final = frozenset({"proposal_made", "proposal_rejected"})
# a release by the police, a court or immigration, or a rescue by the security forces
# ("Afghan forces free 149 hostages"; rebel forces who free soldiers are captors)
_JUSTICE: Final = re.compile(
    r"\b(?:police|court|courts|judge|magistrate|tribunal|immigration|ice|"
    r"(?<!rebel\s)(?<!opposition\s)(?:security\s+)?(?:forces|troops|commandos))\s+(?:\w+\s+)?$"
)
_RELEASES: Final = frozenset({"hostage_release", "prisoner_release"})
# people a state holds in its jails: freed by their own state, they are no captives ("the
# government released two jailed journalists"), unless an armed side or a second state is named
_JAILED: Final = ("jailed", "detained", "imprisoned")
# ... but people held by others or abroad, who come home: "sailors detained in Iran are back
# home", "detained by the militia"
_HELD_ELSEWHERE: Final = re.compile(r"\b(?:(?:jailed|detained|imprisoned)\s+(?:by|abroad)|home)\b")
# a visit "for talks" counts when a negotiating team is sent, or for peace, a truce or captives,
# or in a dispute: "Xi arrives in Pyongyang for talks" is diplomacy; "envoys head to Doha for
# truce talks", "the government sends a team to Nairobi for talks" are not
_TRAVEL: Final = "talks_held/travel"
_SENT: Final = ("send", "sent", "dispatch", "delegation", "negotiators", "envoy")
_PARTICIPLE: Final = re.compile(r"[a-z]+ed\b")
# a vote of a legislature ("the senate passed a resolution") or of an electorate, or one on a
# bill, a law, a reform or a rule, not of the UN or another international body: a resolution of
# a parliament or an election is no move between the sides
_LEGISLATURE: Final = re.compile(
    r"\b(?:senate|senators|parliament\w*|congress|lawmakers|legislat\w*|mps|deputies|"
    r"elections?|electoral|polls|ballots?|voters|referendums?|bills?|laws?|reforms?|"
    r"measures?|rules?|"
    r"house\s+of\s+(?:representatives|commons|lords)|"
    r"house\s+(?:votes?|voted|pass(?:es|ed)|approve[sd]|adopt(?:s|ed))|"
    r"(?:city|county|town|state|municipal)\s+councils?|"
    # a city's or a county's elected members: "supervisors approve a resolution calling for"
    r"supervisors|aldermen|council+ors)\b"
)
_INTERNATIONAL: Final = re.compile(
    r"\b(?:u\.?n\.?|unsc|united\s+nations|security\s+council|general\s+assembly|iaea|"
    r"african\s+union|international|15-member\s+council)\b"
)
# a headline's "votes to approve" (the voters named before it) and the bodies of states that vote
_VOTE_TO: Final = re.compile(r"votes?\s+(?:overwhelmingly\s+|unanimously\s+)?to\s+")
_MEMBERS: Final = re.compile(r"\b(?:assembly|countries|nations|states|members|envoys)\b")
_VOTES: Final = frozenset({"vote_adopted", "vote_vetoed", "vote_scheduled", "vote_postponed"})
# a vote to come or put off is an election's or a parliament's unless the UN or another
# international body, a council or a resolution is named: "the vote was originally scheduled
# for May"
_PLANNED_VOTES: Final = frozenset({"vote_scheduled", "vote_postponed"})
# ... a vote diplomats work on: "pushed back to Monday to allow more consultations"
_DIPLOMACY: Final = re.compile(
    r"\b(?:diplomats?|diplomatic|consultations|negotiations|ambassadors?|envoys?|delegations?)\b"
)
# a release or a swap denied ("will not free", "refused to release"); other modalities of these
# events (demanded, planned) are reported and marked by ``modality_of``
_NEGATED: Final = re.compile(
    r"(?<![\w'-])(?:not|never|no|no\s+longer|cannot|(?:can|won|don|doesn|didn)['\u2019]?t|"
    r"refus\w*\s+to|declin\w*\s+to|yet\s+to|"
    r"den(?:y|ies|ied|ying)(?:\s+(?:the\s+)?reports?\s+(?:of|that|about))?|"
    # "no plans for a prisoner exchange"
    r"no\s+(?:immediate\s+)?plans?\s+(?:for|to))\s+"
    r"(?:[\w'-]+\s+){0,2}$"
)
_SWAPS: Final = _RELEASES | {"hostage_exchange"}
# a swap or a release as what talks are about, not one made: "negotiate a hostage swap", "talks
# on the release of the captives" (talks held, from the topic word)
_TOPIC_OF: Final = re.compile(
    r"(?<![\w'-])(?:negotiat(?:e|es|ing)|talks|negotiations|discussions|discuss(?:es|ing)?|"
    r"progress|headway)\s+(?:(?:on|over|for|about|towards?)\s+)?"
    r"(?:(?:a|an|the|new|possible|further|another|\w+['\u2019]s?)\s+)?$"
)
# talks that took place: "held talks on Monday" is no plan for Monday (read before "talks")
_HELD_BEFORE: Final = re.compile(
    r"\b(?:held|began|opened|resumed|concluded|started|launched|hosted)\s+(?:[\w'-]+\s+){0,2}$"
)
# talks turned down or undecided: "refuse to join talks", "refused on Monday to attend talks", "no
# plans to hold talks", "whether to open negotiations" (read up to the "to"), or only possible:
# "amid a possible new round of talks"
_REFUSED: Final = re.compile(
    r"\b(?:no|not|never|cannot|whether|\w+n['\u2019]t|possible|potential|prospective|"
    r"(?:refus|declin)\w*\s+(?:on\s+\w+day\s+)?to|fail\w*\s+to|unable\s+to|"
    r"reluctan\w*\s+to|yet\s+to|threat\w*\s+to|"
    # ... or hoped for: "expressed hope yesterday for peace talks"
    r"hop(?:e|es|ed|ing|eful)|"
    # ... or set as a condition: "named as a condition to resume the talks"
    r"(?:pre)?conditions?\s+(?:to|for)|"
    # ... or called for as timely: "says it is time for talks", "the time is right for talks"
    r"(?<!first\s)(?<!second\s)(?<!last\s)(?<!next\s)(?<!same\s)(?<!\d\s)"
    r"time\s+(?:(?:is|was|has\s+come|had\s+come)\s+)?(?:(?:right|ripe)\s+)?(?:for|to))"
    r"\W+(?:\w+\W+){0,3}$"
)
# talks a side leaves: "pulled its negotiators from the talks", "pulled out of the truce talks"
_LEFT: Final = re.compile(
    r"\b(?:pull\w*|withdr[ae]w\w*|recall\w*|walk\w*)\s+(?:(?:its|their|his|her|the)\s+)?"
    r"(?:(?:negotiators|negotiating\s+team|delegat\w+|team|envoys?)\s+)?(?:out\s+)?(?:of|from)\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)
# a release that has not happened yet: "release of hostages delayed"
_HELD_UP: Final = re.compile(
    r"\s*(?:(?:is|was|has\s+been|have\s+been|were|again)\s+)?(?:delayed(?!\s+by)|postponed|"
    r"put\s+off|held\s+up|on\s+hold|stalled|suspended|halted|blocked)\b"
)
# ... or put off by a side, told before it: "delayed the release of", "postponed the next
# hostage release", "suspended the talks" (not "resumed the suspended talks", nor a verb whose
# object ends before a preposition or a comma: "halted its offensive for the release")
_PUT_OFF: Final = re.compile(
    r"(?<![\w'-])(?<!\bthe\s)(?<!\ba\s)(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|"
    r"suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|cancel(?:s|led|ed|ling|ing)?|"
    r"(?:call(?:s|ed|ing)?|put(?:s|ting)?)\s+off)\s+"
    r"(?:(?!(?:of|for|to|after|before|as|and|but|while|when|until|amid|over|in|on|with)\s)"
    r"[\w'-]+\s+){0,3}$"
)
# an adoption that stays to come: "blocks the adoption of", "ahead of the adoption of"
_AWAITED: Final = re.compile(
    r"(?<![\w'-])(?:block\w*|prevent\w*|stall\w*|obstruct\w*|oppos\w*|ahead\s+of|before|"
    r"await\w*|seek\w*|sought|for)\s+(?:the\s+)?$"
)
# "the freed hostages", "three released captives": people once freed, not a release; also
# after a possessive or a preposition ("the country's freed hostages", "friends of freed
# captives"), where a release verb cannot stand
_ADJECTIVE: Final = re.compile(
    r"(?<![\w'-])(?:the|a|an|newly|recently|formerly|other|all|both|several|some|many|two|three|"
    r"four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|his|her|their|\d[\d,]*|"
    r"of|for|with|among|[\w-]+['\u2019]s)\s+$"
)
# ... or opening a headline's clause ("Asia; Freed hostages speak")
_BREAK: Final = re.compile(r"[;:|]\s*$")
# ... or named by the swap that freed them, as the subject of what they tell: "Medic released in
# prisoner exchange accuses captors", "Soldier freed in a swap recounts his captivity"
_FREED_IN: Final = re.compile(
    r"\b(?:freed|released)\s+(?:in|under|as\s+part\s+of|during)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:swaps?|exchanges?|deals?|trades?)$"
)
_TELLS: Final = re.compile(
    r"\s+(?:says?|accuses?|recounts?|describes?|tells?|speaks?|recalls?|reveals?|claims?|"
    r"testif(?:y|ies)|alleges?|details?)\b"
)
_TELLS_START: Final = (" say", " accuse", " re", " tell", " speak", " describe", " claim",
                       " testif", " allege", " detail")  # fmt: skip
# event -> weaker events it hides in the same sentence
_HIDES: Final = {
    "vote_postponed": ("vote_scheduled",),
    "proposal_rejected": ("proposal_made",),
    "ceasefire_violated": ("ceasefire_started", "humanitarian_pause"),
    "talks_planned": ("talks_held",),
    "vote_vetoed": ("vote_adopted",),
    "truce_extended": ("ceasefire_started",),
}


def _search(pattern: _Searcher, lowered: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``lowered[lo:hi]`` that starts a word, not with the
    participle that ends a compound: "a US-brokered truce" names a truce, it tells no
    brokering (a "hostage-prisoner exchange" is one)."""
    pos = lo
    while (match := pattern.search(lowered, pos, hi)) is not None:
        start = match.start()
        if start == lo or not (lowered[start - 1].isalnum() or _compound(lowered, start)):
            return match
        pos = start + 1
    return None


def _compound(lowered: str, start: int) -> bool:
    """Whether the word at ``start`` is a participle after a hyphen ("US-brokered")."""
    return lowered[start - 1] == "-" and _PARTICIPLE.match(lowered, start) is not None


def _gate_mask(lowered: str, lo: int, hi: int) -> tuple[int, int, int]:
    """The gate bits (three words, lowest first) of the stems that start a word in
    ``lowered[lo:hi]``; a stem may run on past ``hi`` ("to " at the end of a line)."""
    low = mid = high = 0
    # a slice: the automaton reads the whole string it is given
    window = lowered[lo : hi + _LONGEST_GATE]
    values = _GATE_BITS
    for index, start, _ in _GATES.find(window):  # overlapping
        if start < hi - lo and (start + lo == 0 or not lowered[start + lo - 1].isalnum()):
            _, stem_low, stem_mid, stem_high = values[index]
            low |= stem_low
            mid |= stem_mid
            high |= stem_high
    return low, mid, high


# ``(the three words of required bits, event, patterns)`` in the order of ``_COMPILED``:
# one pass, no lookups
_BY_GATES: Final = tuple(
    (*_REQUIRED[event], event, patterns) for event, patterns in _COMPILED.items()
)


def _by_first_bit() -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """For each of the three words, the index in ``_BY_GATES`` of the event whose lowest
    required bit is each bit (an event's groups have bits of their own)."""
    firsts: tuple[dict[int, int], dict[int, int], dict[int, int]] = ({}, {}, {})
    for index, entry in enumerate(_BY_GATES):
        need = entry[:3]
        word = next(k for k in range(3) if need[k])
        firsts[word][need[word] & -need[word]] = index
    return firsts


# an event is tried only when the bit of its first gate group is set: the few set bits of a
# mask name the events to check, instead of checking all of them
_BY_FIRST_BIT: Final = _by_first_bit()
# the first bits of each word: a mask's other bits name no event to check
_FIRST_BITS: Final = tuple(sum(firsts) for firsts in _BY_FIRST_BIT)


_Gated = tuple[tuple[str, tuple[_Compiled, ...]], ...]
# :func:`_gated` of each mask met so far, by its three words
_GATED_BY_MASK: Final[dict[tuple[int, int, int], _Gated]] = {}


def _gated_once(low: int, mid: int, high: int) -> _Gated:
    """:func:`_gated`, worked out once per mask: a dict read in the compiled module, where
    ``functools.cache`` would be a Python-level call (and, on a miss, a second one)."""
    key = (low, mid, high)
    gated = _GATED_BY_MASK.get(key)
    if gated is None:
        gated = _GATED_BY_MASK[key] = _gated(low, mid, high)
    return gated


def _gated(low: int, mid: int, high: int) -> _Gated:
    """The events (with their patterns, in order) whose gate groups the bits ``low``, ``mid``
    and ``high`` cover."""
    candidates: list[int] = []
    # a call per word: a ``zip`` over the words is a Python call, its loop an iterator
    _add_first_bit_events(candidates, low & _FIRST_BITS[0], _BY_FIRST_BIT[0])
    _add_first_bit_events(candidates, mid & _FIRST_BITS[1], _BY_FIRST_BIT[1])
    _add_first_bit_events(candidates, high & _FIRST_BITS[2], _BY_FIRST_BIT[2])
    candidates.sort()
    out = []
    for index in candidates:
        need_low, need_mid, need_high, event, patterns = _BY_GATES[index]
        if (
            low & need_low == need_low
            and mid & need_mid == need_mid
            and high & need_high == need_high
        ):
            out.append((event, patterns))
    return tuple(out)


def _add_first_bit_events(candidates: list[int], bits: int, firsts: dict[int, int]) -> None:
    """Add to ``candidates`` the index of the event whose first gate bit is each bit of
    ``bits`` (one word of a mask)."""
    while bits:
        bit = bits & -bits
        index = firsts.get(bit)
        if index is not None:
            candidates.append(index)
        bits ^= bit


def find_events(lowered: str, lo: int, hi: int, wider: str = "") -> list[tuple[str, int, int]]:
    """``(event, match_start, match_end)`` for each event type in the sentence ``[lo:hi]``.

    ``lowered`` is the whole text in lower case (same offsets as the original). An event's
    patterns are tried only when the sentence holds a stem of each of its gate groups
    (``lexicon.NEGOTIATION_GATES``). A deal or talks needs a conflict or diplomacy in the
    sentence or in ``wider`` (lower case: the headline of a summary, the summary of a headline;
    see :func:`negotiation_context.in_conflict`). A sentence whose patterns find nothing is
    read for a strong negotiation noun (:func:`negotiation_nouns.noun_event`), under the same
    exclusions.
    """
    found: dict[str, tuple[int, int]] = {}
    low, mid, high = _gate_mask(lowered, lo, hi)
    sentence = lowered[lo:hi]
    for key, patterns in _gated_once(low, mid, high):
        event = key.partition("/")[0]  # "event/variant" reports as the event
        if event in found:
            continue
        for pattern, held in patterns:
            if not holds(sentence, held):
                continue
            match = _search(pattern, lowered, lo, hi)
            if match is None:
                continue
            kind, start = _worked_for(key, lowered, lo, match.start())
            kind = _told_past(kind, lowered, lo, hi, start, match.end())
            if not _dropped(kind, lowered, lo, hi, start, match.end(), wider):
                found.setdefault(kind.partition("/")[0], (start, match.end()))
                break
    if not found and (
        low & _NOUN_OR_TALKS[0] or mid & _NOUN_OR_TALKS[1] or high & _NOUN_OR_TALKS[2]
    ):
        noun_led = (
            low & _NOUN_LED[0] == _NOUN_LED[0]
            and mid & _NOUN_LED[1] == _NOUN_LED[1]
            and high & _NOUN_LED[2] == _NOUN_LED[2]
        )
        read = noun_event if noun_led else bare_talks_event
        for event, first, end in read(lowered, lo, hi, wider):
            kind, start = _worked_for(event, lowered, lo, first)
            if not _dropped(kind, lowered, lo, hi, start, end, wider):
                found[kind] = (start, end)
                break
    for strong, weak in _HIDES.items():
        if strong in found:
            for event in weak:
                found.pop(event, None)
    return [(event, s, e) for event, (s, e) in found.items()]


def _told_past(key: str, lowered: str, lo: int, hi: int, start: int, end: int) -> str:
    """``talks_held`` for planned talks the sentence tells as past: the sides met for them
    ("met in Jeddah for a new round of talks"), or talks dated by a day told as past ("the
    release followed talks on Sunday", "talks on Sunday led to"); else ``key``."""
    if key != "talks_planned":
        return key
    if _MET_BEFORE.search(lowered, max(lo, start - 80), start):
        return "talks_held"
    if not lowered.startswith(_DATED, start):
        return key
    past = _PAST_BEFORE.search(lowered, max(lo, start - 20), start) or _PAST_AFTER.match(
        lowered, end, hi
    )
    return "talks_held" if past else key


def _talks_suspended(lowered: str, lo: int, hi: int) -> bool:
    """Whether the sentence ``lowered[lo:hi]`` tells talks as suspended (:data:`_TALKS_SUSPENDED`)
    and not as taken up again (:data:`_RESUMED`)."""
    found = _TALKS_SUSPENDED.search(lowered, lo, hi)
    return found is not None and not _RESUMED.search(
        lowered, max(lo, found.start() - 40), found.start()
    )


def _media_released(lowered: str, start: int, end: int, hi: int) -> bool:
    """Whether what the match ``[start:end]`` releases is a video or a statement: told after the
    match ("freed ... after a tape of"), or right after its release verb ("released a video
    showing two hostages")."""
    if _MEDIA_AFTER.match(lowered, end, hi):
        return True
    verb_end = lowered.find(" ", start, end)
    return (
        verb_end != -1
        and lowered.startswith(("releas", "free"), start)
        and _MEDIA_AFTER.match(lowered, verb_end, end) is not None
    )


def _worked_for(key: str, lowered: str, lo: int, start: int) -> tuple[str, int]:
    """``(key, start)`` of a match at ``start`` of the pattern key ``key``, or ``talks_held``
    and the start of its talks when the deal, truce, swap or release is only worked for or
    talked about (``_ATTEMPT``, ``_PROGRESSIVE``, ``_TOPIC_OF``)."""
    event = key.partition("/")[0]
    if event in _SWAPS:
        topic = _TOPIC_OF.search(lowered, max(lo, start - 40), start)
        return ("talks_held", topic.start()) if topic is not None else (key, start)
    if event not in _WORKED_FOR:
        return key, start
    if lowered.startswith(_MAKING, start) and _PROGRESSIVE.search(
        lowered, max(lo, start - 12), start
    ):
        return "talks_held", start
    attempt = _ATTEMPT.search(lowered, max(lo, start - 60), start)
    if attempt is None or _URGED.match(lowered, attempt.start(), start):
        return key, start  # a side pushed to act is urged: a call (:data:`_IRREALIS`)
    return "talks_held", attempt.start()


# a headline's opening clause that sets the scene: "As truce holds, families return", "While the
# ceasefire is debated, aid waits" (not one that tells the truce begun: "As the truce took
# effect, ...")
_OPENING_FRAME: Final = ("as ", "while ")
_FRESH_START: Final = re.compile(
    r"\b(?:took|takes?|taking|came|comes?|went|goes|enter\w*|beg[ai]n\w*|start\w*|kick\w*|"
    r"declar\w*|announc\w*|agree\w*|sign\w*|reach\w*|broker\w*)\b"
)


def _begun_now(before: str, lowered: str, start: int, end: int) -> bool:
    """Whether the talks ``lowered[start:end]`` (named first) after ``before`` stand in an "as"
    clause that tells them starting now (:data:`_AS_CLAUSE`, :data:`_FRESH_TALKS`)."""
    return (
        lowered.startswith(("talks", "negotiations"), start)
        and _AS_CLAUSE.search(before) is not None
        and _FRESH_TALKS.search(lowered, start, end) is not None
    )


def _in_opening(
    lowered: str,
    span: tuple[int, int],
    start: int,
    opening: str | tuple[str, ...],
    fresh: re.Pattern[str],
) -> bool:
    """Whether ``start`` stands in the opening phrase of the sentence ``span`` (``opening`` up
    to its comma) told as a standing condition: nothing there that ``fresh`` finds."""
    lo, hi = span
    if not lowered.startswith(opening, lo):
        return False
    comma = lowered.find(",", lo, hi)
    return start < comma and not fresh.search(lowered, lo, comma)


# talks named in a headline's opening "With ...," phrase: a standing condition of other news
# ("With slow progress in talks, families lose patience", "With talks stalled, prices climb");
# not talks told as starting or resuming there ("With talks resuming in Cairo, ...")
_WITH_FRAME: Final = "with "


def _protested(lowered: str, lo: int, start: int) -> bool:
    """Whether a protest (:data:`_PROTESTS`) before ``start`` in the sentence from ``lo``
    backs or denounces what stands at ``start`` (:data:`_STANCE_ON`)."""
    first = min(
        (at for word in _PROTESTS if (at := lowered.find(word, lo, start)) != -1), default=-1
    )
    return first != -1 and _STANCE_ON.search(lowered, first, start) is not None


def _time_framed(lowered: str, lo: int, start: int, end: int) -> bool:
    """Whether the truce or deal matched at ``[start:end]`` is a noun phrase (not a clause that
    tells it made) after a preposition of time (:data:`_TIME_FRAME`): background."""
    if not _TIME_FRAME.search(lowered, max(lo, start - 60), start):
        return False
    if not _NAMED_DEAL.match(lowered, start, end):
        return False
    return _CLAUSE.search(lowered, start, end) is None or (
        _RELATIVE.search(lowered, start, end) is not None
    )


def _fighters(text: str) -> bool:
    """Whether the lower-case ``text`` names an armed side or its fighters ("rebels",
    "cadres", "a commander")."""
    return names_an_armed_side(text) or _COMBATANTS.search(text) is not None


def _extradited(lowered: str, lo: int, hi: int, start: int, wider: str) -> bool:
    """Whether the surrender at ``start`` in the sentence ``[lo:hi]`` hands persons over to
    face a court (:data:`_PROSECUTION`, :data:`_PERSONS_HANDED`) where no armed side is named:
    an extradition."""
    sentence = lowered[lo:hi]
    if not any(word in sentence for word in _PROSECUTION):
        return False
    return _PERSONS_HANDED.match(lowered, start, hi) is not None and not _fighters(
        f"{sentence}\n{wider}"
    )


def _trade_pause(lowered: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the pause at ``[start:end]`` stands in a sentence ``[lo:hi]`` of trade
    (:data:`_TRADE_WORDS`, :data:`_COMMERCIAL`), not a pause in a war (:data:`_WAR_PAUSES`)."""
    if all(lowered.find(word, lo, hi) == -1 for word in _TRADE_WORDS):
        return False
    match = lowered[start:end]
    if any(word in match for word in _WAR_PAUSES):
        return False
    return _COMMERCIAL.search(lowered, lo, hi) is not None


def _told_by_the_freed(lowered: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Whether a swap at ``[start:end]`` only names the people it freed, the subject of what
    they tell: "medic released in prisoner exchange accuses captors" (a past release)."""
    if not lowered.startswith(_TELLS_START, end):
        return False
    return bool(_TELLS.match(lowered, end, hi) and _FREED_IN.search(lowered, lo, end))


def _jailed_at_home(lowered: str, lo: int, hi: int, start: int, end: int, wider: str) -> bool:
    """Whether the release ``lowered[start:end]`` frees people jailed or detained
    (:data:`_JAILED`, not held in or by another: :data:`_HELD_ELSEWHERE`) where the sentence
    ``[lo:hi]`` and ``wider`` name no armed side and no second state: a state freeing its own
    prisoners."""
    if not any(lowered.find(word, start, end) >= 0 for word in _JAILED):
        return False
    if _HELD_ELSEWHERE.search(lowered, lo, hi):
        return False
    text = f"{lowered[lo:hi]}\n{wider}"
    return not _fighters(text) and len(states_at_odds(text)) < 2


# a state that frees prisoners or inmates where nothing of a conflict stands beside them grants
# clemency ("Myanmar releases 500 prisoners", "the president frees 11,000 inmates"); not one
# beside a second state, an armed side or captors, a war or a deal ("Israel releases 30
# Palestinian prisoners", "frees 100 prisoners of war", "frees rebel prisoners under the truce"),
# nor prisoners named by a nationality, another side's ("releases Pakistani prisoners"), nor
# political prisoners, a concession to the opposition
_INMATES: Final = ("prisoners", "inmates")
_NOT_CLEMENCY: Final = re.compile(
    r"\b(?:rebels?|militants?|insurgen\w*|guerrillas?|militias?|separatists?|jihadists?|"
    r"warlords?|armed\s+groups?|kidnappers|abductors|captors|hostages?|captives?|pows?|war|wars|"
    r"warring|truce|cease-?\s?fire|swaps?|exchanges?|deals?|agreements?|accords?|talks|"
    r"negotiat\w*|goodwill|gestures?)\b"
)
_NATIONALS: Final = re.compile(r"\b[a-z]+(?:ian|ean|ese|i|ish|an)\s+(?:prisoners|inmates)\b")
# ... the state named, or one of its organs before the release ("the president frees")
_STATE_ORGAN: Final = re.compile(
    r"\b(?:government|president|presidents|junta|regime|authorities|king|kingdom|state|"
    r"prime\s+minister|prisons?\s+service)\b"
)


def _clemency(lowered: str, lo: int, hi: int, start: int, end: int, wider: str) -> bool:
    """Whether the release ``lowered[start:end]`` frees prisoners or inmates (:data:`_INMATES`)
    where the sentence ``[lo:hi]`` and ``wider`` name nothing of a conflict
    (:data:`_NOT_CLEMENCY`), no prisoners' nationality (:data:`_NATIONALS`) and one state, or
    none but a state's organ before the release (:data:`_STATE_ORGAN`): clemency."""
    if lowered.find(_INMATES[0], start, end) == -1 and lowered.find(_INMATES[1], start, end) == -1:
        return False
    if lowered.find("political", start, end) >= 0:
        return False  # political prisoners freed are a concession to the opposition
    text = f"{lowered[lo:hi]}\n{wider}"
    # the states first: most releases of prisoners name none and no organ, and the two
    # searches of the whole text are dearer
    states = len(states_at_odds(text))
    if states > 1 or (states == 0 and _STATE_ORGAN.search(lowered, lo, start) is None):
        return False
    return _NOT_CLEMENCY.search(text) is None and _NATIONALS.search(text) is None


def _clause_in_conflict(
    lowered: str, lo: int, hi: int, start: int, end: int, neutral: bool
) -> bool:
    """Whether the match ``[start:end]`` stands in a clause of a headline's roundup, its stories
    joined by semicolons ("US-Iran nuclear talks continue in Rome; school ban upheld"), whose
    own words tell a conflict (:func:`in_conflict`): another story's words do not veto it."""
    if lowered.find(";", lo, hi) == -1:
        return False
    first = lowered.rfind(";", lo, start) + 1 or lo
    last = lowered.find(";", end, hi)
    return in_conflict(lowered, first, hi if last == -1 else last, start, end, "", neutral)


def _of_a_body(text: str) -> bool:
    """Whether the lower-case ``text`` names the UN or another international body
    (:data:`_INTERNATIONAL`), a council, a resolution or diplomats at work (:data:`_DIPLOMACY`)."""
    return (
        "resolution" in text
        or "council" in text
        or _INTERNATIONAL.search(text) is not None
        or _DIPLOMACY.search(text) is not None
    )


def _voters_unnamed(lowered: str, lo: int, hi: int, start: int, wider: str) -> bool:
    """Whether a headline's "<voters> vote to approve ..." names no body that votes between the
    sides (a council, an assembly, the UN, nations): "Swiss vote to approve new restrictions" is
    an electorate's (not "Council votes to back the truce plan")."""
    if not (lowered.startswith(("vote ", "votes "), start) and _VOTE_TO.match(lowered, start, hi)):
        return False
    sentence = lowered[lo:hi]
    return not any(
        _of_a_body(text) or _MEMBERS.search(text) is not None for text in (sentence, wider)
    )


# a leader's visit or tour, or a minister's meeting with a counterpart: talks held or a deal
# signed there are diplomacy unless the text names what is at issue (:func:`_at_issue`) or a
# go-between (an envoy's visit is a mediation step): "held talks with French leaders as part of
# a trip", "the accord will be signed when the president visits Moscow", "was to hold talks with
# his Saudi counterpart"
_VISIT_WORDS: Final = ("visit", " trip", " tour", "counterpart")
# ... as whole words (not "visitors", "tourism", "tournament")
_VISIT: Final = re.compile(r"\b(?:visit(?:s|ed|ing)?|trips?|tours?|touring|counterparts?)\b")
# a go-between, or the peace, truce or peace process a visit is made for ("a visit ... to revive
# the peace process", "signed a peace agreement during the visit"): a mediation step or a
# settlement, not a state's diplomacy
_GO_BETWEENS: Final = ("envoy", "mediat", "negotiator", "delegation", "emissar", "peace",
                       "truce", "ceasefire", "cease-fire")  # fmt: skip
_ON_A_VISIT: Final = frozenset({"agreement_reached", "talks_held", "talks_planned"})


def _state_visit(lowered: str, lo: int, hi: int, wider: str) -> bool:
    """Whether the sentence ``[lo:hi]`` tells a visit, a trip, a tour or a counterpart
    (:data:`_VISIT`) and, with ``wider``, no go-between, peace or truce (:data:`_GO_BETWEENS`),
    nothing at issue between sides (:func:`_at_issue`) and no two rivals (:func:`rivals_told`)."""
    if all(lowered.find(word, lo, hi) == -1 for word in _VISIT_WORDS):
        return False
    if _VISIT.search(lowered, lo, hi) is None:
        return False
    text = f"{lowered[lo:hi]}\n{wider}"
    if any(word in text for word in _GO_BETWEENS):
        return False
    return not _at_issue(text) and not rivals_told(text)


def _claims_rejected(lowered: str, start: int, end: int) -> bool:
    """Whether the rejection matched at ``[start:end]`` turns down what others say
    (:data:`_CLAIMS`: complaints, criticism, reports), not an offer."""
    verb = _REJECTING.match(lowered, start, end)
    return verb is not None and _CLAIMS.match(lowered, verb.end(), end) is not None


def _defected(lowered: str, lo: int, start: int, end: int) -> bool:
    """Whether the surrender matched at ``[start:end]`` is told as a state's soldiers'
    defection: its verb right after their "defected and" (:data:`_DEFECTED`)."""
    verb = lowered.find("surrender", start, end)
    at = start if verb == -1 else verb
    return _DEFECTED.search(lowered, max(lo, at - 70), at) is not None


def _strives(lowered: str, start: int, end: int, hi: int) -> bool:
    """Whether the agreement matched at ``[start:end]`` is its sides' first "agreed to" a
    striving (:data:`_AGREED_TO_STRIVE`): a joint aim, no step agreed."""
    agreed = lowered.find("agree", start, end)
    return agreed != -1 and _AGREED_TO_STRIVE.match(lowered, agreed, hi) is not None


def _at_issue(text: str) -> bool:
    """Whether the lower-case ``text`` names a dispute, a region at war ("talks on Kashmir"),
    an armed side ("the junta and the rebels met for talks") or two states at odds ("talks
    with Israeli and Palestinian leaders")."""
    return (
        names_a_dispute(text)
        or names_a_region(text)
        or names_an_armed_side(text)
        or across_a_dispute(text, theatre=True)
    )


# a step named by its gerund after "of" is the topic of a thought, an offer or a charge, not a
# step taken: "the idea of holding talks", "an offer of mediating in talks", "accused him of
# (or for) taking part in talks" (not time spent at it, "after two days of holding talks",
# nor a step near, "on the verge of signing")
_OF_TOPIC: Final = re.compile(
    r"(?<![\w'-])(?!(?:hours?|days?|weeks?|months?|years?|rounds?|verge|brink|point|process|"
    r"midst|course|business|part|aim)\s)(?:[\w'-]+\s+of|accus\w*\s+(?:[\w'-]+\s+){0,3}?for)\s+"
    r"[a-z]{3,}(?<!thing)ing\s+(?:[\w'-]+\s+){0,2}?$"
)


# what a side is accused of is still told ("accused the other of violating the truce"): a
# violation is news of the truce, not a step that a charge names
_CHARGES: Final = frozenset({"ceasefire_violated"})


def _gerund_topic(lowered: str, lo: int, start: int) -> bool:
    """Whether the match at ``start`` is, or follows, a gerund right after "of" or an
    accusation's "for" (:data:`_OF_TOPIC`): what is thought of, offered or charged, not done."""
    if (
        lowered.find("of ", max(lo, start - 40), start) == -1
        and lowered.find("accus", max(lo, start - 60), start) == -1
    ):
        return False
    word_end = lowered.find(" ", start)
    opening = lowered[start:word_end] if word_end != -1 else ""
    before = lowered[max(lo, start - 60) : start]
    if opening.endswith("ing"):
        before = f"{before}{opening} "
    return _OF_TOPIC.search(before) is not None


def _dropped(key: str, lowered: str, lo: int, hi: int, start: int, end: int, wider: str) -> bool:
    """Whether the match ``[start:end]`` of the pattern key ``key`` ("event" or
    "event/variant") in the sentence ``[lo:hi]`` is no development: a company's deal, talks to
    come or called off, a release by force or by a court, a hope, a denial, a protest."""
    event = key.partition("/")[0]
    if event not in _CHARGES and _gerund_topic(lowered, lo, start):
        return True
    if event in _DEALS and not (
        in_conflict(lowered, lo, hi, start, end, wider, event in _MOVES)
        or _clause_in_conflict(lowered, lo, hi, start, end, event in _MOVES)
    ):
        return True
    if event in _TRUCES and not in_conflict(lowered, lo, hi, start, end, wider, neutral=True):
        return True
    if key == SETTLED and not between_sides(f"{lowered[lo:hi]}\n{wider}"):
        return True
    if key == VISIT and (
        envoy_harmed(lowered, lo, start) or not _at_issue(f"{lowered[lo:hi]}\n{wider}")
    ):
        return True
    if (
        key in MEETINGS
        and not across_a_dispute(f"{lowered[lo:hi]}\n{wider}")
        and not meets_an_armed_side(lowered, lo, hi, start, end)
        and not (key == _MET and rivals_meet(lowered, lo, start, f"{lowered[lo:hi]}\n{wider}"))
    ):
        return True
    if key in IN_CONTEXT and not in_conflict(lowered, lo, hi, start, end, wider):
        return True
    if key == _LATEST and told_failing(lowered, end, hi):
        return True
    if (
        key == _TRAVEL
        and not lowered.startswith(_SENT, start)
        and not names_a_truce(lowered, start, end)
        and not _at_issue(f"{lowered[lo:hi]}\n{wider}")
    ):
        return True
    before = lowered[max(lo, start - 40) : start]
    if (
        event == "talks_held"
        and _NOT_HELD.search(before)
        and not _begun_now(before, lowered, start, end)
    ):
        return True
    if event == "talks_planned" and _REFUSED.search(
        lowered, max(lo, start - 40), start + 3 * lowered.startswith("to ", start)
    ):
        return True
    if event in _RELEASES and (
        _FORCED.search(lowered, max(lo, start - 160), start)
        or _FREED_BY_FIGHT.search(before)
        or _FORCED_AFTER.search(lowered, end, min(hi, end + 60))
        or _CLEMENCY.search(lowered, end, min(hi, end + 60))
        or PARDON.search(wider)
        or _JUSTICE.search(before)
        or _SOUGHT.search(before)
        or _MEDIA_OF.search(before)
        or _media_released(lowered, start, end, hi)
        or _CRITICS.search(lowered, max(lo, start - 60), min(hi, end + 60))
        or (lowered.startswith("release", start) and _RELEASE_AIM.match(lowered, start + 7, hi))
    ):
        return True
    if event in _RELEASES and (
        _jailed_at_home(lowered, lo, hi, start, end, wider)
        or _clemency(lowered, lo, hi, start, end, wider)
    ):
        return True
    if event in _TALKS and (
        _TALKS_OFF.match(lowered, end, hi)
        or _talks_suspended(lowered, lo, hi)
        or _PUT_OFF.search(before)
        or _LEFT.search(lowered, max(lo, start - 80), start)
    ):
        return True
    if event == "talks_planned" and (
        _ON_CONDITION.match(lowered, end, hi)
        # talks worked for: "efforts to hold six-way talks", "a bid to open negotiations"
        or (
            lowered.startswith("to ", start)
            and _ATTEMPT.search(lowered, max(lo, start - 60), start + 3) is not None
        )
        or (lowered.startswith(("talks", "negotiations"), start) and _HELD_BEFORE.search(before))
    ):
        return True
    if event in _SWAPS and (
        _NEGATED.search(before)
        or (lowered.startswith(("freed ", "released "), start)
            and (start == lo or _ADJECTIVE.search(before) or _BREAK.search(before)))
        or _HELD_UP.match(lowered, end, hi)
        or _PUT_OFF.search(before)
        or _told_by_the_freed(lowered, lo, start, end, hi)
    ):  # fmt: skip
        return True
    if event == "surrender" and (
        _KILLED_AFTER.search(lowered, max(lo, start - 100), start)
        or _defected(lowered, lo, start, end)
        or (
            _SUSPECT.search(lowered, max(lo, start - 60), start)
            and _TO_POLICE.match(lowered, start, hi)
        )
        or (_TO_JUSTICE.match(lowered, start, hi) and not _fighters(f"{lowered[lo:hi]}\n{wider}"))
        or _extradited(lowered, lo, hi, start, wider)
    ):
        return True
    if event == "talks_held" and _in_opening(lowered, (lo, hi), start, _WITH_FRAME, _FRESH_TALKS):
        return True
    if event in _ON_A_VISIT and _state_visit(lowered, lo, hi, wider):
        return True
    if event in _PAUSES and _trade_pause(lowered, lo, hi, start, end):
        return True
    if event in _FACTUAL and (
        _IRREALIS.search(before)
        or _DENIED_OR_HOPED.search(before)
        or (before if start - lo > len(before) else f" {before}").endswith(_ANY)
        or _BROKEN.search(before)
    ):
        return True
    if (event in _FACTUAL or event == "talks_planned") and _MEANS.search(
        lowered, max(lo, start - 120), start
    ):
        return True
    if event == "ceasefire_started" and (
        _in_opening(lowered, (lo, hi), start, _OPENING_FRAME, _FRESH_START)
        or (
            lowered.startswith("observ", start)
            and _OBSERVERS.search(lowered, max(lo, start - 40), start) is not None
        )
    ):
        return True
    if event in _FRAMED and _time_framed(lowered, lo, start, end):
        return True
    if event in _DEALS and _protested(lowered, lo, start):
        return True
    if event in _CONTESTED and _OPPOSED.search(lowered, max(lo, start - 80), start):
        return True
    if event == "agreement_reached" and _strives(lowered, start, end, hi):
        return True
    if event == "proposal_rejected" and _claims_rejected(lowered, start, end):
        return True
    if event == "proposal_rejected" and lowered.find(_ANY, start, end) != -1:
        return True  # a stance on offers to come: "will reject any proposal that"
    if event == "proposal_rejected" and lowered.endswith(_DEMANDS, start, end):
        text = f"{lowered[lo:hi]}\n{wider}"
        if not _at_issue(text) and not names_listed(text):
            return True
    if event == "resolution_drafted" and _DRAFT_OPPOSED.search(lowered, max(lo, start - 60), start):
        return True
    if event in _DEALS and (_CIVIL.search(lowered, lo, hi) or _COMMERCIAL.search(lowered, lo, hi)):
        return True
    if event in _PLANNED_VOTES and not _of_a_body(lowered[lo:hi]) and not _of_a_body(wider):
        return True
    if event == "vote_adopted" and _voters_unnamed(lowered, lo, hi, start, wider):
        return True
    if (
        event == "vote_adopted"
        and lowered.startswith("adoption", start)
        and (_PUT_OFF.search(before) or _AWAITED.search(before))
    ):
        return True
    return (
        event in _VOTES
        and bool(_LEGISLATURE.search(lowered, lo, hi) or _LEGISLATURE.search(wider))
        and not (_INTERNATIONAL.search(lowered, lo, hi) or _INTERNATIONAL.search(wider))
    )
