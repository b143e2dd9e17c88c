"""Whether a deal, talks or a proposal belong to a conflict: the words around them.

"Deal", "agreement", "talks" and "proposal" are business, sports and labour words as much as
a conflict's, and sports, legislatures and labour have truces too. A match counts when its
sentence together with the text beside it (the headline over a summary, the summary under a
headline) names an armed conflict; failing that, a state, a listed actor or diplomacy with
no climate, trade, company or sports word. A match that names peace or captives itself
needs no more. A truce is no context of its own: beside another domain's words ("the senators
reached a truce on the budget") it counts only when something else names the conflict.
"""

from __future__ import annotations

import re
from typing import Final

import ahocorasick_rs

from consumers.extraction.actors import names_listed, states_named

# the match names what only a conflict has ...
_QUALIFIED: Final = re.compile(
    r"\b(?:peace|hostilities|hostages?|prisoners?|captives?|detainees)\b"
)
# ... or what other domains borrow: a truce of a league, a legislature or a price war, a
# budget's reconciliation
_BORROWED: Final = re.compile(r"\b(?:cease-?\s?fires?|truces?|armistices?|reconciliation)\b")
# an armed conflict's words: enough even beside a company ("a militia and the government
# agreed to hire a mining company")
_ARMED: Final = re.compile(
    r"\b(?:rebels?|rebellion|militants?|insurgen\w*|guerrillas?|militias?|separatists?|"
    r"jihadists?|warlords?|juntas?|armed\s+(?:forces|groups?)|troops|war|wars|warring|"
    r"bandits?|gunmen|kidnappers|abductors|captors|hostage-takers|"
    r"fighting|clashes|hostilities|peace|truce|cease-?\s?fire|hostages?|prisoners?|"
    r"captives?|detainees)\b"
)
# ... of which these other domains use too ("a price war", "make peace after a legal battle")
_SHARED: Final = frozenset({"war", "wars", "warring", "fighting", "clashes", "hostilities", "peace",
                            "truce", "ceasefire", "cease-fire", "cease fire"})  # fmt: skip
# a state's or diplomacy's words: enough unless a climate, trade or company word is there
_STATECRAFT: Final = re.compile(
    r"\b(?:conflict|government|governments|forces|army|armies|military|soldiers|violence|"
    r"security\s+council|united\s+nations|u\.n\.|nato|african\s+union|diplomats?|"
    r"diplomatic|envoys?|mediators?|foreign\s+ministers?|prime\s+minister|nuclear|crisis|"
    r"border|territor\w*|factions?|clans?|tribes?|communities|sides|parties|negotiators|"
    r"delegations?|presidents|leaders|rivals?|neighbou?rs|capitals|bloc|"
    r"de-?escalat\w*|disputed|feuding|humanitarian|cabinet|diplomacy|civilians|besieged|"
    r"sieges?)\b"
)
# ... and the words of a pact or talks that are no conflict's (climate, trade, a company,
# a sports team, a legislature, a court)
_CIVIC: Final = re.compile(
    r"\b(?:climate|kyoto|emissions?|environment\w*|carbon|greenhouse|trade|tariffs?|tax\w*|"
    r"aviation|(?<!atomic\s)energy|fisheries|fishing|visas?|copyright|pensions?|budget|accession|"
    # a coalition that governs, not one that fights ("the Saudi-led coalition", "coalition-backed
    # forces"): its talks, partners or deal
    r"coalition\s+(?:talks|government|partners?|deal|agreement|negotiations)|"
    r"(?:ruling|governing|grand)\s+coalition|"
    r"membership|mergers?|company|companies|firms?|debts?|creditors?|loans?|trading|minerals|"
    r"inc|corp|plc|ltd|llc|customers|users|subscribers|season|players?|coach\w*|"
    r"(?:goal)?keepers?|strikers?|midfielders?|pep\s+talks?|"
    r"league|champion\w*|contracts?|unity\s+government|form\s+a\s+(?:new\s+)?government|"
    # a legislature's or a court's business: a deal in Congress, a plea deal, a settlement
    r"congress\w*|lawmakers|legislators?|legislatures?|senators?|senate|bipartisan|"
    # a bill before a legislature ("agreement on the security bill"; not "Bill" the name)
    r"(?:(?<=the\s)|(?<=on\s))(?:[\w-]+\s+)?bills?(?![\w-])|"
    r"infrastructure|spending|"
    # what states buy, sell, build or fly to each other: gas, oil, arms, jets, a railway, a
    # tourist flight, migrants, an IMF loan
    r"gas|oil|pipelines?|railways?|reactors?|jets|aircraft|flights|tourism|tourists|"
    r"investments?|investors?|bailout|imf|bondholders|migration|migrants|mining|"
    r"city\s+council|plea|lawsuits?|prosecutors?|testify|unioni[sz]ed|"
    # a trade union or the European Union (migration, trade, accession), not the African
    # Union, a conflict's mediator
    r"(?<!african\s)unions?)\b"
)
# states at peace that draw closer (a strategic pact, ties normalised, a friendship treaty)
# or talk of a topic of their own ("human rights talks", "talks on terrorism"); between two
# sides of a standing dispute a step in it ("India and Pakistan agreed on steps to normalise
# ties")
_AT_PEACE: Final = (
    r"strategic\s+(?:partnership|pacts?|agreements?|treat(?:y|ies)|accords?|dialogue|ties)|"
    r"normali[sz]\w*\s+(?:of\s+)?(?:(?:their|diplomatic|bilateral)\s+)?(?:ties|relations)|"
    r"friendship\s+(?:pacts?|treat(?:y|ies)|agreements?)|"
    r"(?:human\s+rights|democracy|democratic\s+reforms?)\s+(?:talks|dialogue|negotiations)|"
    r"(?:talks|dialogue|negotiations)\s+on\s+(?:human\s+rights|democracy|terrorism)"
)
_AT_PEACE_TIES: Final = re.compile(_AT_PEACE)
# allies' pacts, for a deal or talks (never a truce): against terrorism, of security or
# defence, of an economy's trade, or of states at peace (:data:`_AT_PEACE`)
_PACTS: Final = re.compile(
    r"\b(?:(?:counter|anti)[\s-]*terror\w*|(?:fight\w*|combat\w*)\s+(?:against\s+)?terror\w*|"
    r"(?:security|defen[cs]e)\s+(?:agreements?|pacts?|treat(?:y|ies)|accords?|cooperation|"
    r"talks|ties|deals?)|economic\s+(?:cooperation|partnership|pacts?|agreements?|deals?|ties|talks)|"
    r"(?:arms|weapons|military)\s+(?:sales?|deals?|purchases?|contracts?)|"
    r"cooperation\s+(?:agreements?|deals?|accords?|pacts?)|"
    rf"(?:ex|im)port(?:s|ing|ed)?|air\s+services|{_AT_PEACE})\b"
)
# a home affair, for a deal or talks (never a truce): a local council, an inquiry, schools,
# housing, health, welfare, a trade's workers
_HOME: Final = re.compile(
    r"\b(?:(?<!security\s)(?<!military\s)(?<!transitional\s)(?<!governing\s)"
    r"(?<!sovereignty\s)(?<!sovereign\s)(?<!presidential\s)(?<!leadership\s)(?<!national\s)"
    r"council(?:s|l?ors?)?|inquiry|schools?|curriculum|students|teachers|nurses|"
    r"hospitals?|health|welfare|housing|funding|legislation|(?<!aid\s)workers|fishermen|"
    r"domestic\s+violence|"
    r"contractors)\b"
)


# other wars: a trade, price or turf war has truces of its own, and so have sports
_DOMAINS: Final = ("trade", "tariff", "price", "turf", "bidding", "streaming", "console", "culture",
                   "format", "flame", "twitter", "media", "legal", "court", "patent", "pricing",
                   "fare")  # fmt: skip
_SPORTS: Final = ("cricket", "football", "soccer", "rugby", "tennis", "golf", "hockey", "baseball",
                  "basketball", "olympic", "fifa", "uefa", "nba", "nfl", "nhl", "tournament",
                  "matches")  # fmt: skip
_NOT_WAR: Final = re.compile(
    rf"\b(?:(?:{'|'.join(_DOMAINS)})\s+(?:wars?|battles?|fights?|feuds?|rows?|spats?|"
    rf"disputes?)|(?:{'|'.join(_SPORTS)})s?)\b"
)
# their words: a text with none (most) is read no further, in one automaton pass that costs
# a fraction of the regex's scan
_NOT_WAR_WORDS: Final = ahocorasick_rs.AhoCorasick(_DOMAINS + _SPORTS)
# regions at war that no state's name covers, and words of fighting the context guard leaves
# out: with a truce or peace talks they name the conflict ("Gaza ceasefire talks resume")
_REGIONS: Final = (
    r"gaza|west\s+bank|darfur|kordofan|kashmir|tigray|amhara|donbas+|donetsk|luhansk|"
    r"crimea|kherson|zaporizhzhia|karabakh|abkhazia|south\s+ossetia|transnistria|kosovo|"
    r"mindanao|aceh|balochistan|kurdistan|idlib|aleppo|kivu|ituri|goma|cabo\s+delgado|"
    r"casamance|ogaden|sahel|rakhine|kachin|tripoli|benghazi|hodeidah|sanaa|marawi"
)
_THEATRES: Final = re.compile(
    rf"\b(?:{_REGIONS}|"
    r"offensive|shelling|airstrikes?|air\s+strikes?|bombardment|invasion|occupation|"
    r"insurgency|gunmen|armed|army|militants?|killed)\b"
)
_REGION: Final = re.compile(rf"\b(?:{_REGIONS})\b")


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


# "US" lower-cased where no pronoun stands: hyphened to another name ("us-iran talks",
# "russia-us summit"), opening a headline's list ("US, Iran meet"), after an article ("the
# US") or talks ("talks with US will be indirect"), or before a noun of a state's people or
# organs ("Iran and US envoys", "US officials")
_US_PAIRED: Final = re.compile(
    r"(?<![\w.'-])us(?=[-\u2013][a-z])|(?<=[a-z][-\u2013])us(?![\w-])|^us,|"
    r"(?<![\w'-])the\s+us\b(?![\w'-])|"
    r"(?<![\w'-])(?:talks|negotiations)\s+with\s+us\b(?![\w'-])|"
    r"(?<![\w.'-])us\s+(?:envoys?|officials?|negotiators?|delegations?|diplomats?|president|"
    r"secretary|vice\s+president|administration|government|mediators?|forces|troops|military|"
    r"team|counterparts?)\b"
)
_US_CUES: Final = ("us-", "-us", "us\u2013", "\u2013us", " us")


def states_at_odds(text: str) -> set[str]:
    """The listed states the lower-cased ``text`` names, both Koreas for "North and South
    Korea", the United States for a lower-cased "US" paired with another name."""
    states = states_named(text)
    paired = text.startswith(("us,", "us ")) or any(cue in text for cue in _US_CUES)
    if paired and "United States" not in states and _US_PAIRED.search(text):
        states = states | {"United States"}
    return states | {"North Korea", "South Korea"} if _BOTH_KOREAS.search(text) else states


def rivals_named(states: set[str]) -> bool:
    """Whether ``states`` hold two sides of a standing dispute (:data:`RIVALS`)."""
    return any(pair <= states for pair in RIVALS)


# the rivals' peoples, which no state alias covers: "the Pakistani prime minister met his Indian
# counterpart"
_RIVAL_PEOPLES: Final = (
    ("North Korea", r"north\s+korean"), ("South Korea", r"south\s+korean"),
    ("United States", r"american"), ("India", r"indian"), ("Pakistan", r"pakistani"),
    ("Armenia", r"armenian"), ("Azerbaijan", r"azerbaijani|azeri"), ("Russia", r"russian"),
    ("Ukraine", r"ukrainian"), ("Iran", r"iranian"), ("China", r"chinese"),
    ("Taiwan", r"taiwanese"), ("Israel", r"israeli"), ("Palestine", r"palestinian"),
    ("Ethiopia", r"ethiopian"), ("Eritrea", r"eritrean"), ("Sudan", r"(?<!south\s)sudanese"),
    ("South Sudan", r"south\s+sudanese"), ("Serbia", r"serbian|serb"),
    ("Kosovo", r"kosovar|kosovan"),
)  # fmt: skip
_PEOPLES: Final = tuple(
    (state, re.compile(rf"\b(?:{people})s?\b")) for state, people in _RIVAL_PEOPLES
)


def rivals_told(text: str) -> bool:
    """Whether the lower-case ``text`` names two sides of a standing dispute (:data:`RIVALS`)
    by their states or their peoples ("Indian", "Pakistani")."""
    states = states_at_odds(text) | {state for state, people in _PEOPLES if people.search(text)}
    return rivals_named(states)


def names_an_armed_side(text: str) -> bool:
    """Whether the lower-case ``text`` names an armed side or its captives (rebels, a junta,
    militants, hostages), not only a word other domains share ("war", "fighting")."""
    return any(armed.group() not in _SHARED for armed in _ARMED.finditer(text))


def names_a_region(text: str) -> bool:
    """Whether the lower-case ``text`` names a region at war ("Kashmir", "Karabakh")."""
    return _REGION.search(text) is not None


def _other_war(text: str) -> bool:
    """Whether the lower-case ``text`` tells another domain's war or a sport ("a price war",
    "their legal battle", "football")."""
    return bool(_NOT_WAR_WORDS.find_matches_as_indexes(text)) and bool(_NOT_WAR.search(text))


def in_conflict(
    lowered: str, lo: int, hi: int, start: int, end: int, wider: str = "", neutral: bool = False
) -> bool:
    """Whether the match ``lowered[start:end]`` names peace or captives, or its
    sentence ``lowered[lo:hi]`` with the ``wider`` text (the headline over a summary, the
    summary under a headline) tells an armed conflict, or a state, a listed actor or diplomacy
    and no climate, trade, company or sports word; ``neutral`` when they tell none of these.
    A match that names a truce is read without its truce nouns, and counts unless the rest
    tells another domain (:func:`conflict_beside`, neutral)."""
    text = f"{lowered[lo:hi]}\n{wider}"
    if _QUALIFIED.search(lowered, start, end):
        armed = _ARMED.search(text)
        return (armed is not None and armed.group() not in _SHARED) or not _other_war(text)
    if _BORROWED.search(lowered, start, end):
        return conflict_beside(text, text, neutral=True, besides=_BORROWED)
    return names_conflict(text, neutral)


def names_a_truce(lowered: str, start: int, end: int) -> bool:
    """Whether ``lowered[start:end]`` names peace, a truce or captives."""
    return bool(_QUALIFIED.search(lowered, start, end) or _BORROWED.search(lowered, start, end))


def conflict_beside(
    text: str, blank: str, neutral: bool = False, besides: re.Pattern[str] | None = None
) -> bool:
    """Whether the lower-case ``text`` names a conflict besides its negotiation nouns: no other
    war or sport in it ("a truce in the trade war"), and ``blank`` (``text`` with those nouns
    blanked, or read past the words ``besides`` matches) tells a conflict or a state's
    diplomacy (:func:`names_conflict`, ``neutral`` when it tells none) or a region at war."""
    if names_conflict(blank, neutral, besides):
        return True
    return _THEATRES.search(blank) is not None and not _other_war(text)


def _allies_or_home(text: str) -> bool:
    """Whether the lower-case ``text`` tells allies' pact (:data:`_PACTS`) or a home affair
    (:data:`_HOME`)."""
    return _PACTS.search(text) is not None or _HOME.search(text) is not None


# the domain words a war's own deals name: its power grid, its grain exports
_WARTIME: Final = frozenset({"energy", "infrastructure", "export", "exports", "exporting",
                             "exported", "import", "imports", "importing", "imported", "gas",
                             "oil", "pipeline", "pipelines"})  # fmt: skip


def _rivals_beside_domain(text: str, home: bool) -> bool:
    """Whether the lower-case ``text`` names two sides of a standing dispute (:data:`RIVALS`)
    beside no other domain's words than a war's own (:data:`_WARTIME`: "Russia and Ukraine
    agree an energy truce", "sign grain export deals"; not a trade deal, nor aid voted by
    lawmakers)."""
    if (home and _HOME.search(text)) or any(
        found.group() not in _WARTIME for found in _CIVIC.finditer(text)
    ):
        return False
    pacts = {found.group() for found in _PACTS.finditer(text)} if home else set()
    at_war = {pact for pact in pacts if not _AT_PEACE_TIES.fullmatch(pact)}
    return at_war <= _WARTIME and rivals_named(states_at_odds(text))


def names_conflict(
    text: str, neutral: bool = False, besides: re.Pattern[str] | None = None
) -> bool:
    """Whether the lower-case ``text`` tells an armed conflict, or a state, a listed actor,
    a region at war or diplomacy and no climate, trade, company or sports word; ``neutral``
    when it tells none; two sides of a standing dispute (:data:`RIVALS`) tell theirs beside a
    war's own domain words (energy, exports). Another domain's war or sport ("their legal
    battle", "a price war") tells none, unless an armed side is named before it. Armed words
    that ``besides`` matches (the match's own truce) are passed over."""
    armed = _ARMED.search(text)
    while armed is not None and besides is not None and besides.fullmatch(armed.group()):
        armed = _ARMED.search(text, armed.end())
    if armed is None:
        if _CIVIC.search(text) or (besides is None and _allies_or_home(text)):
            if not _rivals_beside_domain(text, besides is None):
                return False
        if not (_STATECRAFT.search(text) or names_listed(text) or names_a_region(text) or neutral):
            return False
    elif armed.group() not in _SHARED:
        return True  # an armed side: no other domain's words change that
    return not _other_war(text)
