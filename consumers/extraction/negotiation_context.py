"""Whether a deal, talks or a proposal belong to a conflict: the words around them.

"Deal", "agreement", "talks" and "proposal" are business, sports and labour words as much as
a conflict's. A match counts when it names peace, a truce or captives itself, or when its
sentence together with the text beside it (the headline over a summary, the summary under a
headline) names an armed conflict; failing that, a state, a listed actor or diplomacy with
no climate, trade, company or sports word.
"""

from __future__ import annotations

import re

from consumers.extraction.actors import names_listed

# the match names what only a conflict or a dispute has
_QUALIFIED = re.compile(
    r"\b(?:peace|cease-?\s?fires?|truces?|armistices?|hostilities|hostages?|prisoners?|"
    r"captives?|detainees|reconciliation)\b"
)
# an armed conflict's words: enough even beside a company ("a militia and the government
# agreed to hire a mining company")
_ARMED = re.compile(
    r"\b(?:rebels?|rebellion|militants?|insurgen\w*|guerrillas?|militias?|separatists?|"
    r"jihadists?|warlords?|juntas?|armed\s+(?:forces|groups?)|troops|war|wars|warring|"
    r"fighting|clashes|hostilities|peace|truce|cease-?\s?fire|hostages?|prisoners?|"
    r"captives?|detainees)\b"
)
# a state's or diplomacy's words: enough unless a climate, trade or company word is there
_STATECRAFT = re.compile(
    r"\b(?:conflict|government|governments|forces|army|armies|military|soldiers|violence|"
    r"security\s+council|united\s+nations|u\.n\.|nato|african\s+union|diplomats?|"
    r"diplomatic|envoys?|mediators?|foreign\s+ministers?|prime\s+minister|nuclear|crisis|"
    r"border|territor\w*|factions?|clans?|tribes?|communities|sides|parties|negotiators|"
    r"delegations?|presidents|leaders|rivals?|neighbou?rs|capitals|bloc|captors|kidnappers|"
    r"de-?escalat\w*|disputed|feuding|humanitarian|cabinet|diplomacy)\b"
)
# ... and the words of a pact or talks that are no conflict's (climate, trade, a company,
# a sports team, a legislature, a court)
_CIVIC = re.compile(
    r"\b(?:climate|kyoto|emissions?|environment\w*|carbon|greenhouse|trade|tariffs?|tax\w*|"
    r"aviation|energy|fisheries|fishing|visas?|copyright|pensions?|budget|coalition|accession|"
    r"membership|mergers?|company|companies|firms?|debts?|creditors?|loans?|trading|"
    r"inc|corp|plc|ltd|llc|customers|users|subscribers|season|players?|coach\w*|"
    r"league|champion\w*|contracts?|unity\s+government|form\s+a\s+(?:new\s+)?government|"
    # a legislature's or a court's business: a deal in Congress, a plea deal, a settlement
    r"congress\w*|lawmakers|legislators?|legislatures?|senators?|senate|bipartisan|"
    r"infrastructure|spending|"
    r"city\s+council|plea|lawsuits?|prosecutors?|testify|unioni[sz]ed|"
    # a trade union or the European Union (migration, trade, accession), not the African
    # Union, a conflict's mediator
    r"(?<!african\s)unions?)\b"
)


def in_conflict(
    lowered: str, lo: int, hi: int, start: int, end: int, wider: str = "", neutral: bool = False
) -> bool:
    """Whether the match ``lowered[start:end]`` names peace, a truce or captives, or its
    sentence ``lowered[lo:hi]`` with the ``wider`` text (the headline over a summary, the
    summary under a headline) tells an armed conflict, or a state, a listed actor or diplomacy
    and no climate, trade, company or sports word; ``neutral`` when they tell none of these."""
    if _QUALIFIED.search(lowered, start, end):
        return True
    return names_conflict(f"{lowered[lo:hi]}\n{wider}", neutral)


def names_conflict(text: str, neutral: bool = False) -> bool:
    """Whether the lower-case ``text`` tells an armed conflict, or a state, a listed actor or
    diplomacy and no climate, trade, company or sports word; ``neutral`` when it tells none."""
    if _ARMED.search(text):
        return True
    if _CIVIC.search(text):
        return False
    return True if _STATECRAFT.search(text) or names_listed(text) else neutral
