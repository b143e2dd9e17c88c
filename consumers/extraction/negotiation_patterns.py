"""The patterns of each negotiation event type (see :mod:`consumers.extraction.negotiations`).

Each pattern bridges only short gaps: a few words (``_W``) or up to 80 characters without a
sentence break, so matching stays linear. Patterns start with ``\\b``, which the matcher
strips and checks itself; they are matched on lower-cased text.
"""

from __future__ import annotations

from typing import Final

from consumers.extraction import negotiation_classes as classes
from consumers.extraction import negotiation_steps as steps
from consumers.extraction.lexicon import WEEKDAYS

_CF: Final = r"(?:cease-?\s?fires?|truces?|armistice|cessations?\s+of\s+hostilities)"
_W: Final = r"(?:[\w'-]+\s+)"  # one word and the space after it
# ... or an abbreviation with its dots, alone or in a compound: "a U.S.-mediated peace deal"
_WD: Final = r"(?:[\w'-]+\s+|(?:[a-z]\.)+(?:-[\w'-]+)?\s+)"
# one word that is not a negation, a modal or a failure ("the truce has not held", "talks could
# resume", "negotiations had collapsed but left open the chance")
_WN: Final = (
    r"(?:(?!(?:not|never|no|failed|fails|could|may|might|would|should|must|unlikely|collapsed|"
    r"stalled|broke|faltered|foundered)\s)"
    r"(?![\w'-]*n't\s)[\w'-]+\s+)"
)
# one word that opens no phrase of its own: "held despite negotiations" holds no talks
_WO: Final = (
    r"(?:(?!(?:despite|after|before|since|amid|during|until|without|following|while|when|"
    r"because|but|as)\s)[\w'-]+\s+)"
)
# one word that is not the head of a noun phrase the noun before it only names ("truce talks")
_NOT_HEAD: Final = r"(?:(?!(?:talks|negotiations|proposal|plan|bid|efforts?|hopes?)\s)[\w'-]+\s+)"
# what a group "releases" about its hostages without freeing them
_MEDIA: Final = (
    r"(?:(?:a|an|the|new|its|their)\s+)?(?:videos?|footage|statements?|images?|photos?|pictures?|"
    r"lists?|names|details|audio|recordings?|messages?|clips?|proof)\b"
)
# "between the army and the rebels": a long subject before a headline's verb; its words are
# no clause links, so "talks between X and Y broke down as fighting resumed" is not bridged
_WS: Final = (
    r"(?:(?!(?:as|while|after|before|but|when|despite|amid|since|because|until|though)\s)"
    r"[\w'-]+\s+)"
)
_BETWEEN: Final = rf"(?:between|among)\s+{_WS}{{1,5}}?and\s+{_WS}{{1,5}}?"
# the end of a short headline clause: the line ends, or an attribution or a colon follows
# ("Truce extended", "Truce extended, mediators say", "Truce extended - sources")
# fighting, or the calm it breaks, that "returns" on its own (no captives' return)
_NOT_FIGHTING: Final = (
    r"(?<!war\s)(?<!wars\s)(?<!fighting\s)(?<!violence\s)(?<!clashes\s)(?<!shelling\s)"
    r"(?<!bombing\s)(?<!calm\s)(?<!quiet\s)(?<!normalcy\s)(?<!normality\s)(?<!life\s)"
)
# what a side asks for, not a truce: "renewed calls for a truce"
_ASKED: Final = r"(?:calls?|appeals?|pleas?|demands?|push|pressure|bids?|efforts?|hopes?)\b"
_END: Final = r"(?=\s*(?:$|[,;:.!?]|\s[-\u2013\u2014]\s))"
# near its end, not near a deal: "the ceasefire was close to collapse", "a deal near failure"
_NOT_FAILING: Final = (
    r"(?!\s+(?:to\s+)?(?:collaps\w*|break(?:ing)?\s+down|breaking|failure|falling\s+apart|"
    r"the\s+end|ending|ruin))"
)
# the words between "exchange" and its captives: never what else is exchanged ("fire",
# "accusations"), a preposition ("trade barbs over prisoners") nor a clause's verb or link, as
# after the noun of a fight ("a fire exchange occurred between the militants and the army")
_SWAPPED: Final = (
    r"(?:(?!(?:fire|gunfire|shots|blows|views|insults|accusations|blame|barbs|"
    r"messages|letters|over|about|on|for|regarding|with|against|between|after|"
    r"occur\w*|erupt\w*|ensu\w*|took|broke|followed|resulted)\b)[\w'-]+\s+)"
)
# the armed people a swap may trade: "exchanged 90 soldiers each"
_FIGHTERS: Final = r"soldiers|fighters|servicemen|troops|militants|militiamen|combatants|rebels"
# when or where a lead sentence puts the verb: "agreed on Monday to a truce", "agreed in Doha
# to", "agreed at talks in Sweden on"
_WHEN: Final = (
    rf"(?:(?:(?:late|early)\s+)?on\s+(?:{WEEKDAYS})\s+|"
    r"(?:in|at)\s+(?!(?:principle|part|writing|vain|private|public)\b)(?:[\w'-]+\s+){1,3}?|"
    r"(?:today|yesterday|overnight|this\s+week|formally|finally|now)\s+)?"
)
# an envoy's or a delegation's journey: "arrived in Cairo", "flew to Doha"
_TRAVELLED: Final = (
    r"arrived|arrives|arrive|arriving|landed|lands|heads|headed|heading|travels|travelled|"
    r"traveled|travelling|traveling|flies|flew|flying"
)
# a word of a place, not a verb that turns the aim down or only hopes for it ("in Cairo
# refused to broker a deal")
_PLACE: Final = (
    r"(?:(?!(?:refused|refuses|declined|declines|failed|fails|not|never|unable|vows?|vowed|"
    r"wants?|wanted|hopes?|hoped|threatens?|threatened)\s)[\w-]+\s+)"
)
_DAY: Final = rf"(?:{WEEKDAYS}|tomorrow|next\s+week)"

PATTERNS: dict[str, tuple[str, ...]] = {
    "talks_planned": (
        r"\b(?:talks|negotiations|meetings?)\s+(?:are|were|is|was)\s+(?:now\s+)?(?:scheduled|"
        r"expected|planned|set|due|slated)\b",
        rf"\b(?:will|would|to|plans?\s+to|planning\s+to|expected\s+to|set\s+to|due\s+to)\s+"
        rf"(?:hold|resume|continue|begin|start|join|host|attend|open|return\s+to)\s+{_W}{{0,2}}?"
        rf"(?:talks|negotiations)\b",
        rf"\b(?:upcoming|planned|next\s+round\s+of|new\s+round\s+of|fresh)\s+{_W}?"
        rf"(?:talks|negotiations)\b",
        rf"\b(?:will|to|would)\s+(?:travel|fly|head|go|return)\s+to\s+[\w-]+\s+(?:on\s+\w+\s+)?"
        rf"for\s+{_W}?(?:talks|negotiations)\b",
        rf"\b(?:talks|negotiations)\s+(?:on|next)\s+{_DAY}\b",
        rf"\b(?:talks|negotiations)\s+{_W}{{0,4}}?(?:are|is|were)\s+(?:expected|scheduled|set|"
        rf"due|planned|slated)\s+to\b",
        # a headline's infinitive: "ceasefire talks to resume in Cairo"
        rf"\b(?:talks|negotiations)\s+(?:{_BETWEEN}|{_WN}{{0,4}}?)(?:to|will|shall)\s+(?:resume|restart|begin|start|"
        rf"open|continue|go\s+on|reconvene|take\s+place|be\s+held)\b",
        # "the war cabinet to discuss a new hostage deal" (not "met them to discuss a deal")
        rf"\b(?:will|set\s+to|due\s+to|expected\s+to|(?:cabinet|council|government|parliament|"
        rf"ministers|committee|leaders|rebels|junta|movement|group|sides|delegations?|"
        rf"negotiators|mediators)\s+to)\s+(?:discuss|consider)\s+"
        rf"{_W}{{0,3}}?(?:deal|proposal|{_CF}|agreement|exchange|swap|offer|framework)\b",
        rf"\b(?:will|to|set\s+to|due\s+to|expected\s+to|plans?\s+to)\s+meet\s+{_W}{{0,4}}?for\s+"
        rf"{_W}{{0,2}}?(?:talks|negotiations)\b",
    ),
    "talks_held": (
        rf"\b(?:held|holding|resumed|resume|resumes|continued|began|concluded|started|opened|launched|"
        rf"hosted|hosts|hosting|host|hold|holds|opens|begin|begins|start|starts|"
        rf"wrapped\s+up|conducted|joined|joins|joining|join|kicked\s+off|concludes|conclude|"
        # ("hold off on talks" puts them off)
        rf"wraps?\s+up|launches|launch|conducts|conduct|continues|kicks?\s+off|"
        # a side that enters talks joins them: "the president enters the nuclear talks"
        rf"enters|entered|entering)\s+(?!off\s)"
        rf"{_WO}{{0,3}}?"
        rf"(?:talks|negotiations|"
        rf"discussions|consultations|dialogue|peace\s+process)\b",
        rf"\b(?:talks|negotiations|discussions|dialogue)\s+(?:{_BETWEEN}|{_WN}{{0,6}}?)(?:began|begin|begins|started|"
        rf"starts|start|opened|opens|open|kicked\s+off|kick\s+off|got\s+under\s?way|"
        rf"get\s+under\s?way|have\s+begun|have\s+started)\b",
        rf"\b(?:talks|negotiations|discussions|peace\s+process)\s+(?:{_BETWEEN}|{_WN}{{0,4}}?)(?:\w+ly\s+)?(?:resumed|resume|restarted|restart|"
        rf"reconvened|reconvene|continued|took\s+place|take\s+place|"
        rf"were\s+held|are\s+under\s?way|were\s+under\s?way|have\s+resumed|stalled|have\s+stalled|"
        rf"ended|broke\s+off|are\s+ongoing|adjourned|were\s+adjourned|"
        # "talks end without a breakthrough" (not "talks that end the war")
        rf"ends?(?=\s+(?:without|with|in|on|after|as|inconclusively|abruptly)\b|{_END})|"
        # ("make little progress", "made some progress")
        rf"were\s+ongoing|(?:made|make|makes)\s+(?:[\w-]+\s+)?progress|in\s+progress)\b",
        # talks that go on, told of the talks themselves ("the war goes on" is not)
        r"\b(?:talks|negotiations)\s+(?:(?:between|among|with|on|over|in)\s+(?:[\w'-]+\s+){1,5}?)?"
        r"(?:\w+ly\s+)?(?:ground|grinds?|go(?:es)?|went|drag(?:s|ged)?)\s+on\b",
        # headline passive: "peace talks held in Istanbul", "talks under way in Doha"
        rf"\b(?:talks|negotiations)\s+(?:{_BETWEEN})?(?:(?:were|are|being)\s+)?(?:held|under\s?way)\b",
        rf"\b(?:engaged?|engaging|involved)\s+in\s+{_W}{{0,2}}?(?:talks|negotiations)\b",
        r"\b(?:indirect|direct|ongoing|intensive|marathon|closed-door|high-level|intense)\s+"
        r"(?:[\w-]+\s+)?(?:talks|negotiations)\b",
        r"\b(?:days?|weeks?|hours?|rounds?|months)\s+of\s+(?:[\w-]+\s+)?(?:talks|negotiations)\b",
        r"\bin\s+talks\b|\bnegotiators\s+met\b|\bmet\s+with\s+(?:[\w-]+\s+){0,3}?(?:mediators|"
        r"negotiators)\b",
        # a meeting held to discuss a deal is a round of talks
        rf"\bmet\s+(?:with\s+)?{_W}{{0,5}}?to\s+(?:discuss|work\s+out|negotiate|hammer\s+out|"
        rf"finali[sz]e)\b",
        rf"\b(?:discussed|discussing)\s+(?:a|an|the|their|its)\s+{_W}{{0,3}}?(?:deal|{_CF}|proposal|"
        rf"agreement|hostages?|exchange|swap|release|plan)",
        # a peace or reconciliation meeting held (opened, hosted) between the sides
        rf"\b(?:held|holding|convened|organi[sz]ed|conducted|opened|opens|launched|launches|"
        rf"hosted|hosts|began|begins)\s+{_W}{{0,3}}?"
        r"(?:peace|reconciliation)\s+(?:meetings?|conferences?|talks|dialogues?|forums?)\b",
    ),
    # "event/variant": more patterns of an event behind gates of their own (lexicon), so that
    # they cost nothing in the many sentences that only pass the event's main gates
    "talks_held/peace": (
        # a peace conference or dialogue that opens, or that the sides meet for
        rf"\b(?:peace|reconciliation)\s+(?:conferences?|dialogues?|summits?|forums?|meetings?)\s+"
        rf"{_WN}{{0,5}}?(?:opened|opens|began|begins|started|got\s+under\s?way|took\s+place|"
        rf"was\s+held|were\s+held|concluded|resumed|kicked\s+off|convened)\b",
        rf"\b(?:met|meet|meets|gathered|convened)\s+{_W}{{0,4}}?(?:for|at)\s+(?:a|an|the)\s+{_W}?"
        r"(?:peace|reconciliation)\s+(?:talks|conference|meeting|dialogue|summit|forum)\b",
    ),
    "talks_held/delegations": (
        rf"\b(?:delegations|delegates|negotiators|mediators|envoys|negotiating\s+teams)\s+{_W}{{0,5}}?(?:met|meet|"
        rf"meets|gathered|convened|sat\s+down)\b",
        rf"\b(?:negotiators|mediators|delegations)\s+{_WN}{{0,3}}?(?:made|make|makes|making)\s+"
        rf"progress\b",
        # a side's delegation sent to meet the mediators: "sends a delegation to Doha to meet the
        # mediators"
        rf"\b(?:delegation|delegates)\s+{_W}{{0,4}}?to\s+meet\s+(?:with\s+)?{_W}{{0,4}}?"
        r"(?:mediators|negotiators)\b",
    ),
    "talks_planned/delegations": (
        # "negotiators from both sides are due to reconvene in Geneva next week"
        rf"\b(?:negotiators|delegations|delegates|mediators|envoys|(?:warring|two|both|rival)\s+"
        rf"(?:sides|parties))\s+{_W}{{0,6}}?(?:are|were|is|was)\s+(?:due|set|expected|scheduled|"
        rf"slated)\s+to\s+(?:reconvene|resume|meet\s+again|meet\s+for\s+talks|"
        rf"return\s+to\s+the\s+table|hold\s+talks)\b",
    ),
    "talks_held/shuttle": (
        # "mediators have been shuttling between the sides"
        r"\b(?:shuttl\w*|shuttle\s+diplomacy)\s+(?:(?:back\s+and\s+forth|again)\s+)?between\b",
    ),
    "talks_held/sides": (
        # "the warring sides meet in Jeddah", "the two parties met on Monday"
        rf"\b(?:warring|rival|two|both|opposing|feuding)\s+(?:sides|parties|factions|camps)\s+"
        rf"{_WN}{{0,3}}?(?:met|meet|meets|sat\s+down)\b",
    ),
    "talks_held/travel": (
        # "delegations arrive in Jeddah for ceasefire talks", "envoys met for talks", "Israel
        # sends a team to Cairo for talks", "a delegation in Doha for truce talks"
        rf"\b(?:{_TRAVELLED}|met|meet|meets|sends|sent|dispatches|dispatched|delegations?|left|"
        rf"leaves|negotiators|envoys?)\s+{_W}{{0,5}}?for\s+{_W}{{0,2}}?(?:talks|negotiations)\b",
    ),
    "talks_held/push": (
        # "the envoy arrives in the region to push for a ceasefire deal", "mediators arrive to
        # try to rescue the peace deal"
        # ... also as part of a bid: "the secretary arrived in the capital as part of an
        # attempt to revive the peace process", "begins a visit in a bid to push the talks"
        rf"\b(?:{_TRAVELLED}|returns|returned|visit|visits|visited|visiting)\s+(?:{_W}{{0,4}}?|"
        rf"{_W}{{0,8}}?(?:as\s+part\s+of|in)\s+(?:(?:an?|the|its|his|her|their)\s+)?"
        rf"(?:[\w-]+\s+)?(?:attempt|bid|efforts?|drive)\s+)"
        rf"to\s+(?:try\s+to\s+)?(?:push|press|"
        rf"broker|mediate|negotiate|seal|secure|finali[sz]e|rescue|salvage|save|revive)\s+"
        rf"(?:for\s+)?{_W}{{0,3}}?(?:{_CF}|deal|agreement|"
        rf"talks|release|exchange|peace\s+process)",
    ),
    "talks_held/sent": (
        # "sends negotiators to Doha", "dispatched a negotiating team to Cairo"
        r"\b(?:sends|sent|sending|dispatch(?:es|ed|ing)?)\s+(?:(?:a|an|its|his|her|their)\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:negotiators|negotiating\s+team|negotiation\s+team|mediators?)"
        r"\s+to\b",
    ),
    "talks_held/mediation": (
        # negotiating a deal is holding talks; a mediator at work between the sides
        rf"\b(?:negotiating|negotiate|negotiates)\s+(?:(?:a|an|the|their|its)\s+)?{_W}{{0,3}}?"
        rf"(?:deal|agreement|accord|{_CF}|release|exchange|swap|settlement|surrender|handover|"
        rf"withdrawal|pullout)",
        # with an armed side: "a doctor negotiated on Thursday with the gunmen"
        rf"\b(?:negotiating|negotiated|negotiates)\s+{_WHEN}with\s+(?:the\s+)?(?:[\w-]+\s+)?"
        r"(?:gunmen|kidnappers|captors|abductors|hostage-takers|hijackers|rebels|militants|"
        r"insurgents|guerrillas|militias?|fighters|separatists)\b",
        r"\b(?:mediating|mediated|brokering|mediates|mediate)\s+(?:the\s+|indirect\s+|direct\s+)?"
        r"(?:between|talks|negotiations)\b",
    ),
    "proposal_made": (
        rf"\b(?:proposed|put\s+forward|presented|submitted|offered|tabled|floated|sent|unveiled|"
        rf"proposes|presents|submits|offers|tables|floats|unveils|puts\s+forward)"
        rf"\s+(?:a|an|the|its|their|his|her|new)\s+{_W}{{0,3}}?(?:proposal|plan|offer|"
        rf"framework|initiative|counterproposal|counter-proposal|roadmap|peace\s+formula)\b",
        # headline present with no article: "mediators propose new truce plan"
        rf"\b(?:propose|proposes|unveil|unveils|present|presents|submit|submits|table|tables)\s+"
        rf"{_WN}{{0,3}}?(?:proposal|plan|framework|initiative|roadmap|counter-?proposal|"
        rf"peace\s+formula)\b",
        # "put a new plan on the table", "the offer on the table"
        rf"\b(?:proposal|plan|offer|framework|initiative|roadmap)\s+{_W}{{0,3}}?on\s+the\s+table\b",
        rf"\b(?:new|fresh|revised|latest)\s+{_W}?(?:proposal|offer|framework|initiative|"
        rf"counterproposal)\b",
        rf"\b(?:proposal|plan|offer|framework)\s+{_W}{{0,3}}?(?:will|would|is\s+to)\s+"
        rf"(?:present|submit|put\s+forward|deliver|table)\b",
        rf"\b(?:proposal|plan|offer|framework)\s+{_W}{{0,3}}?(?:calls\s+for|would\s+see|"
        rf"envisages|envisions|includes|was\s+presented|was\s+submitted|was\s+put\s+forward)\b",
        rf"\b(?:proposed|proposes|propose)\s+(?:(?:a|an)\s+)?{_W}?(?:{_CF}|pause|exchange|swap)",
    ),
    "proposal_rejected": (
        rf"\b(?:rejected|rejects|reject|dismissed|turned\s+down|refused|rebuffed|spurned)\s+"
        rf"{_W}{{0,4}}?(?:proposal|plan|offer|framework|deal|terms|initiative|"
        rf"counter-?proposal|counter-?offer)\b",
        # demands turned down, but not "rejected their demands" (a protest's) or refused orders
        rf"\b(?:rejected|rejects|reject|dismissed|turned\s+down|rebuffed|spurned)\s+"
        rf"(?!(?:their|his|her|police)\s)(?:the\s+)?{_W}{{0,2}}?demands\b",
        rf"\b(?:turned|turns|turn)\s+(?:the|a|an|its|their)\s+{_W}{{0,2}}?(?:proposal|plan|offer|deal|"
        rf"terms)\s+down\b",
        rf"\b(?:proposal|plan|offer|deal)\s+{_W}{{0,3}}?(?:was|were|has\s+been|had\s+been)"
        rf"\s+(?:rejected|dismissed|turned\s+down|rebuffed)\b",
        rf"\brejection\s+of\s+{_W}{{0,3}}?(?:proposal|plan|offer|deal|demands?)\b",
    ),
    "agreement_reached": (
        rf"\b(?:reached|(?<!to\s)reach|(?<!to\s)reaches|struck|sealed|signed|clinched|finali[sz]ed|agreed\s+on|agreed\s+to|"
        rf"sign|signs|signing(?!\s+of))\s+{_WD}{{0,4}}?(?:agreement|deal|accord|understanding|consensus|"
        rf"pact|treaty|{_CF})",
        rf"\b(?:committed|commit|commits)\s+(?:themselves\s+)?to\s+{_W}{{0,3}}?{_CF}",
        r"\b(?:made|make|makes|making)\s+peace\b",
        # accepting an offer or a framework is agreeing to it
        rf"\b(?:accepted|accepts|accepting|accept)\s+(?:(?:the|a|an|its|their)\s+)?(?!(?:his|her|my|your|our)\s){_W}{{0,3}}?(?:proposal|deal|"
        rf"agreement|offer|framework|terms|accord|{_CF})",
        rf"\b(?:proposal|deal|offer|framework|plan|terms)\s+{_W}{{0,6}}?(?:was|were|has\s+been|"
        rf"had\s+been)\s+(?:\w+\s+)?accepted\b",
        # passive and headline: "a peace pact was signed", "truce deal agreed", "the accord,
        # signed on Friday", "the deal was approved by the cabinet" (one pattern, as nouns are
        # frequent in these sentences and each pattern starting with one costs a scan)
        rf"\b(?:agreement|deal|accord|treaty|pact|memorandum|mou|{_CF}),?\s+(?:{_W}{{0,4}}?"
        rf"(?:was|were|has\s+been|had\s+been|is|(?<!was\s)(?<!were\s)to\s+be|will\s+be)\s+(?:(?!not\s|never\s|yet\s)\w+\s+)?)?"
        rf"(?:reached|agreed|struck|signed|sealed|finali[sz]ed|brokered|concluded|approved|"
        rf"ratified|endorsed|announced|unveiled)\b",
        r"\b(?:breakthrough\s+in\s+talks|deal\s+was\s+announced)\b",
        # "mediators announce deal on hostages" (not "announce plans for a deal", "announce
        # withdrawal from the deal")
        r"\b(?:announced|announces|announce)\s+(?:(?!(?:for|to|on|of|from|plans?|hopes?|bids?|"
        r"efforts?|talks|push|end|withdrawal|collapse|suspension|exit)\s)[\w'-]+\s+){0,3}?"
        r"(?:deal|agreement|accord|pact)\b",
        # British "agreed a truce", "negotiated a deal", "inked", "hammered out"
        rf"\b(?:agreed|negotiated|inked|hammered\s+out|brokered|secured)\s+(?:a|an|the)\s+"
        rf"{_W}{{0,3}}?(?:{_CF}|deal|agreement|accord|pact|treaty|settlement)",
        # perfect and passive: "have agreed to a truce", "a peace pact was signed"
        # ... not to a step one takes alone ("has agreed to resign", "to testify")
        r"\b(?:have|has|had)\s+(?:now\s+|finally\s+)?agreed\s+(?:to|on|upon)\b"
        r"(?!\s+(?:resign|step\s+down|quit|retire|testify|plead)\b)",
        # (also quoted: "agree 'in principle' to a truce")
        r"\b(?:agreed|agree|agrees)\s+['\"\u2018\u201c]?in\s+principle\b",
        rf"\b(?:agreed|agree|agrees)\s+{_WHEN}(?:to|on|upon)\s+{_W}{{0,4}}?(?:{_CF}|end|halt|stop|exchange|swap|release|lift|cease|"
        rf"withdraw|terms|peace|hold|form|resume|deal|accord|pact|framework|plan|border|boundary|"
        rf"text|roadmap|mechanism|arrangement|timetable|send|join|attend|"
        rf"de-?escalat\w*|disengag\w*|resolve|reconcile|settle|coexist|convene|compensat\w*|"
        rf"pay|implement|respect|abide|protect|allow|open|facilitat\w*|evacuat\w*|free|cooperat\w*|"
        rf"co-operat\w*|work\s+together|normali[sz]\w*|restore|reduce|ease|reopen|take\s+part|"
        rf"participate|sit\s+down|corridors?|buffer|zones?|routes?|crossings?|access|evacuation|"
        rf"pauses?|agenda|principles|measures|steps|"
        # "agree to integrate forces", "to pause strikes", "to share power", "to disarm"
        rf"pause|suspend|integrate|merge|unify|disarm|demobili[sz]\w*|share|silence|"
        # "agreed to lay down their arms"
        rf"lay\s+down)",
        rf"\b(?:signed|concluded|brokered|initiall?ed|inked|sign|signs)\s+{_WD}{{0,4}}?(?:{_CF}|pact|"
        rf"memorandum|"
        rf"mou|peace|protocol|treaty|declaration|agreement|accord)",
        # a government approving or ratifying a deal has agreed to it
        # (also after the day or the tally: "voted unanimously on Monday to back the deal")
        rf"\b(?:approved|ratified|endorsed|voted\s+(?:[^.;]{{0,30}}?\s)?to\s+(?:approve|ratify|"
        rf"endorse|back|support))\s+"
        rf"(?:the|a|an)\s+{_W}{{0,3}}?(?:agreement|deal|accord|{_CF})",
    ),
    "agreement_reached/brokered": (
        # "a Qatari-brokered deal allowed the evacuation", "the US-brokered truce"
        rf"\b[\w]+-(?:brokered|mediated)\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|pact|{_CF})\b",
    ),
    "agreement_reached/effect": (
        # "the agreement took effect on Sunday"
        rf"\b(?:agreement|deal|accord|pact|treaty)\s+{_WN}{{0,4}}?(?:took\s+effect|takes\s+effect|"
        rf"came\s+into\s+(?:effect|force)|comes\s+into\s+(?:effect|force)|entered\s+into\s+force|"
        rf"enters\s+into\s+force|went\s+into\s+effect|goes\s+into\s+effect)\b",
    ),
    "agreement_reached/headline": (
        rf"\b(?:brokers|broker|seals|seal|clinches|clinch|inks|ink|secures|secure|agree|agrees|"
        rf"finalises|finalizes|finalise|finalize)\s+"
        rf"(?:(?:a|an|the|new)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_CF}|deal|agreement|accord|pact|"
        rf"treaty|settlement)\b",
        r"\b(?:strikes|strike)\s+(?:a\s+|new\s+)?(?:(?:peace|ceasefire|cease-fire|truce|hostage|"
        r"prisoner|[\w]+-[\w-]+)\s+)?deal\b(?!\s+(?:a\s+)?blow)",
        r"\b(?:approves|ratifies|endorses|backs|votes\s+to\s+(?:approve|ratify|endorse|back))\s+"
        r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|"
        r"deal|accord|cease-?\s?fire|truce)\b",
        # "deal to free hostages agreed", "accord on the border signed"
        rf"\b(?:agreement|deal|accord|pact)\s+(?:to|on|for)\s+{_WN}{{0,3}}?(?:reached|agreed|signed|"
        rf"sealed|struck|approved|finali[sz]ed)\b",
    ),
    "ceasefire_started": (
        rf"\b{_CF}\s+{_WN}{{0,6}}?(?:took\s+effect|takes\s+effect|came\s+into\s+(?:effect|force)|"
        rf"went\s+into\s+(?:effect|force)|goes\s+into\s+(?:effect|force)|entered\s+into\s+force|began|begins|started|starts|"
        rf"comes\s+into\s+(?:effect|force)|enters\s+into\s+force|entered\s+force|took\s+hold|"
        rf"has\s+taken\s+effect|has\s+come\s+into\s+(?:effect|force)|in\s+(?:effect|force)|"
        rf"takes\s+hold|taking\s+hold|take\s+hold|"
        rf"was\s+in\s+(?:effect|force)|"
        rf"kicked\s+in|is\s+holding|was\s+holding|has\s+held|went\s+into\s+place)\b",
        # "the truce, now in its fifth day, is holding"
        rf"\b{_CF},\s+[^.;]{{0,40}}?,\s+(?:is|was|has\s+been|remains?)\s+(?:largely\s+|still\s+|"
        rf"mostly\s+|broadly\s+)?(?:holding|in\s+effect|in\s+force|in\s+place)\b",
        rf"\b(?:start|beginning|onset)\s+of\s+(?:a|an|the)\s+{_W}{{0,2}}?{_CF}",
        rf"\b{_CF}\s+{_W}{{0,3}}?(?:will|would|is\s+to|is\s+due\s+to|is\s+set\s+to|to)\s+"
        rf"(?:take\s+effect|come\s+into\s+(?:effect|force)|enter\s+into\s+force|begin|start)\b",
        rf"\bresulted\s+in\s+(?:a|an|the)\s+{_W}{{0,2}}?{_CF}",
        # a truce that holds, or is in place
        rf"\b{_CF}\s+{_WN}{{0,6}}?(?:held|holds|holding|in\s+place)\b",
        # a truce announced or declared (not "declared the truce over")
        rf"\b(?:observed|observing|observes|respected|respecting|respects)\s+(?:a|an|the|its|their)\s+"
        rf"{_W}{{0,2}}?{_CF}",
        rf"\b(?:announced|declared|proclaimed|announces|declares|proclaims|announce|declare|"
        rf"proclaim)\s+(?:a|an|the|its|their)?\s*"
        rf"(?:(?!(?:end|collapse|breakdown|suspension|violations?|breach\w*|withdrawal)\s)[\w-]+\s+){{0,2}}?"
        rf"{_CF}(?!\s+(?:over|dead|void|null|violations?|breaches?)\b)",
        rf"\b{_CF}\s+(?:(?:was|is|has\s+been|had\s+been)\s+(?:\w+\s+)?)?(?:declared|announced|proclaimed)\b"
        r"(?!\s+(?:over|dead|void|null)\b)",
        rf"\bfirst\s+day\s+of\s+(?:a|an|the)\s+{_W}{{0,2}}?{_CF}",
        # a truce that lasts: "the truce enters its second week"
        rf"\b{_CF}\s+(?:enters|entered|entering)\s+(?:its\s+)?(?:second|third|fourth|fifth|sixth|"
        rf"seventh|\d+\w*|final|last)\s+(?:day|week|month)\b",
    ),
    "ceasefire_started/silent": (
        r"\bguns\s+(?:fell|fall|falls|have\s+fallen|had\s+fallen|went|go)\s+silent\b",
    ),
    "ceasefire_violated": (
        rf"\b(?:violat\w*|breach\w*|broke|breaking|broken)\s+(?:of\s+)?{_W}{{0,3}}?{_CF}",
        # (not "truce talks collapsed": the talks, not the truce)
        rf"\b{_CF}\s+{_NOT_HEAD}{{0,3}}?(?:collapsed|collapses|broke\s+down|breaks\s+down|crumbled|"
        rf"fell\s+apart|unraveled|unravelled|was\s+violated|was\s+broken|was\s+breached|"
        rf"ended|expired|expires|ran\s+out|runs\s+out|came\s+to\s+an\s+end|"
        # a headline's present: "as truce ends" (not "a truce that ends the war")
        rf"ends{_END})\b",
        rf"\bcollapse\s+of\s+{_W}{{0,3}}?{_CF}",
        rf"\b{_CF}\s+(?:violations?|breaches?)\b",
        rf"\b{_CF}\s+{_W}{{0,2}}?(?:violated|breached|broken|shattered)\b",
    ),
    "truce_extended": (
        # (not a call renewed: "renews his appeal for a ceasefire")
        rf"\b(?:extend\w*|prolong\w*|extension\s+of|renew\w*)\s+(?:(?!{_ASKED}){_W}){{0,3}}?"
        rf"(?:{_CF}|pause)",
        rf"\b(?:{_CF}|pause)\s+{_W}{{0,3}}?(?:was|has\s+been|had\s+been|would\s+be|will\s+be|to\s+be)\s+"
        rf"(?:\w+\s+)?(?:extended|prolonged|renewed)\b",
        rf"\b{_CF}\s+extensions?\b",
        rf"\b(?:{_CF}|pause)\s+{_WN}{{0,2}}?(?:extended|prolonged|renewed)(?:\s+(?:by|for|until|till|"
        rf"to|through|into|again)\b|{_END})",
    ),
    "hostage_release": (
        rf"\b(?:release|freeing|return|handover|hand-over)\s+of\s+{_W}{{0,4}}?(?:hostages?|"
        rf"captives?|abductees)\b",
        rf"\b(?:release|released|releases|freed|frees|handed\s+over|hands\s+over|set\s+free|releasing|"
        rf"freeing|free)\s+(?!{_MEDIA}){_W}{{0,4}}?(?:hostages?|captives?|abductees|crew|"
        rf"crew\s+members|sailors|seafarers)\b",
        rf"\b(?:hostages?|captives?)\s+{_W}{{0,3}}?(?:handed|transferred)\s+(?:over\s+)?(?:to|by)\b",
        rf"\b(?:hostages?|captives?|abductees)\s+{_W}{{0,4}}?(?:were|was|have\s+been|had\s+been|"
        rf"being|are|to\s+be|would\s+be|will\s+be)\s+(?:\w+\s+)?(?:released|freed|handed\s+over|"
        rf"set\s+free|returned)\b",
        # (not the deal or the talks it names: "a hostage release deal", "hostage release talks")
        r"\bhostage\s+releases?\b(?!\s+(?:operations?|missions?|raids?|attempts?|deals?|talks|"
        r"negotiations|agreements?|plans?|proposals?|efforts?))",
        # a release set for a day: "the hostages due for release on Sunday"
        r"\b(?:hostages?|captives?)\s+(?:[\w-]+\s+){0,2}?(?:due|set|slated|scheduled)\s+"
        r"(?:for\s+release|to\s+be\s+(?:released|freed))\b",
        r"\b(?:hostages?|captives?)\s+(?:freed|released|set\s+free)\b",
        # the captives' own step out: "the hostages walked free at dawn"
        rf"\b(?:hostages?|captives?|abductees)\s+{_W}{{0,4}}?(?:walked|walks|walk)\s+free\b",
        r"\b(?:hostages?|captives?|abductees)\s+(?:return|returns|returned|come|comes|came|arrive|"
        r"arrives|arrived)\s+(?:back\s+)?home\b",
        rf"\b(?:freed|released|handed\s+over)\s+{_W}{{0,3}}?[\w'-]+,\s+(?:an?|the|one\s+of\s+the)\s+"
        rf"{_W}{{0,4}}?(?:hostages?|captives?)\b",
        # a long subject held hostage: "all passengers held hostage aboard the hijacked jet
        # that landed at the airport have been freed"
        r"\bheld\s+(?:captive|hostage)\s+[^.;]{0,120}?\b(?:were|was|have\s+been|has\s+been)\s+"
        r"(?:\w+\s+)?(?:released|freed|set\s+free)\b",
        # someone freed whom a relative clause tells held: "freed the envoy, who had been held
        # hostage since May", "released the aide, whom they had held captive"
        rf"\b(?:freed|frees|released|releases)\s+(?!{_MEDIA})[^.;]{{0,80}}?,\s+(?:who|whom)\s+"
        rf"{_W}{{0,4}}?held\s+(?:as\s+(?:an?\s+)?)?(?:hostages?|captives?)\b",
    ),
    "hostage_release/deal": (
        # a release made under a deal or after talks, or on a day of a truce ("freed on the
        # third day of the truce"), whoever is freed (not what comes back on its own:
        # "fighting returns to the valley after the truce")
        rf"\b(?:freed|frees|free|released|releases|release|set\s+free|{_NOT_FIGHTING}returned|"
        rf"{_NOT_FIGHTING}returns|{_NOT_FIGHTING}return|handed\s+over|hands\s+over)\s+[^.;]{{0,60}}?"
        rf"\b(?:after|following|under|in|as\s+part\s+of|through|on\s+(?:the\s+)?[\w-]+\s+day\s+of)\s+"
        rf"(?:a|an|the|their|its)?\s*{_W}{{0,2}}?(?:negotiations|"
        rf"talks|deal|agreement|mediation|{_CF})\b",
    ),
    "hostage_release/captors": (
        # "women set free by their kidnappers", "hostages let go by their captors"
        r"\b(?:released|freed|set\s+free|let\s+go)\s+"
        r"(?:(?!(?:and|but|after|before|as|when|soon|shortly|eventually)\s)[\w'-]+\s+){0,3}?"
        r"by\s+(?:their\s+|the\s+|his\s+|her\s+)?"
        r"(?:captors|kidnappers|abductors|hostage-takers|militants|rebels|guerrillas|gunmen|"
        r"insurgents|pirates|hijackers)\b",
    ),
    "hostage_release/captivity": (
        # "soldiers returned home from captivity", "prisoners of war come home"
        r"\b(?:returned|returns|return|brought\s+back|brings\s+back|came\s+home|comes?\s+home|freed|"
        r"released|repatriated)\s+[^.;]{0,40}?\bfrom\s+(?:[\w-]+\s+){0,2}?captivity\b",
        # "hostages return to Israel after 400 days in captivity"
        r"\b(?:returned|returns|return|came\s+home|comes?\s+home|freed|released|repatriated)\s+"
        r"[^.;]{0,40}?\b(?:after|following)\s+(?:[\w-]+\s+){1,4}?in\s+captivity\b",
        rf"\b(?:pows|prisoners\s+of\s+war)\s+{_W}{{0,3}}?(?:returned|return|returns|came\s+home|"
        rf"come\s+home|comes\s+home|repatriated|freed|released)\b",
    ),
    "hostage_release/persons": (
        # people held by others freed: "militants free kidnapped schoolgirls", "the abducted
        # pupils have been freed" (not "abducted and released", told of the abduction itself)
        rf"\b(?:freed|frees|released|releases|release(?!\s+of\b)|set\s+free|returned|returns|"
        rf"handed\s+over|hands\s+over)\s+(?!{_MEDIA})"
        rf"{_W}{{0,3}}?(?:kidnapped|abducted|captured|jailed|detained|imprisoned)\b",
        rf"\b(?:freed|frees|free|released|releases|release)\s+(?!{_MEDIA}){_W}{{1,4}}?held\s+"
        rf"(?:captive|hostage|by|in|for|since)\b",
        # ... told in a relative clause: "released a truck driver they had held for weeks"
        rf"\b(?:freed|frees|released|releases)\s+(?!{_MEDIA})"
        r"(?:(?!(?:of|about|on|from|in)\s)[\w'-]+\s+){1,5}?(?:whom\s+|that\s+)?"
        r"(?:they|it)\s+(?:had\s+)?(?:held|kidnapped|abducted|captured)\b",
        # bare "free" only as a verb: "free 30 soldiers captured" (not "free speech activists")
        r"\bfree\s+(?:(?:the|all|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|"
        r"scores|hundreds)\s+)?(?:[\w-]+\s+)?(?:kidnapped|abducted|captured|jailed|detained|"
        r"imprisoned)\b",
        r"\b(?:kidnapped|abducted|captured|jailed|imprisoned)\s+"
        r"(?:(?!(?:and|but|then|later|was|were|is|are|had|has)\s)[\w'-]+\s+){1,3}?"
        r"(?:(?:were|was|have\s+been|has\s+been|are)\s+)?(?:released|freed|set\s+free)\b",
        # "the kidnapped engineers walked free" (not the jailed, whom a court frees)
        r"\b(?:kidnapped|abducted|captured)\s+"
        r"(?:(?!(?:and|but|then|later|was|were|is|are|had|has)\s)[\w'-]+\s+){1,3}?"
        r"(?:walked|walks|walk)\s+free\b",
        r"\b(?:regained|regain|regains)\s+(?:their\s+|his\s+|her\s+)?freedom\b",
        # "four women held in Gaza since October were set free"
        r"\bheld\s+(?:captive|hostage|in|by|since)\s+[^.;]{0,40}?\b(?:were|was|have\s+been|"
        r"has\s+been)\s+(?:\w+\s+)?(?:released|freed|set\s+free)\b",
    ),
    "hostage_release/secured": (
        # "negotiated the release"; but "police secured the release of" is often a rescue
        r"\bnegotiated\s+(?:the|their|his|her)\s+release\b|"
        r"\b(?:secured|won|obtained)\s+(?:their|his|her)\s+release\b",
    ),
    "hostage_release/handover": (
        # the Red Cross takes them in: "Red Cross receives 12 hostages at the crossing"
        r"\b(?:icrc|red\s+(?:cross|crescent))\s+(?:\w+\s+)?(?:received|receives|receive|"
        r"collected|collects|took\s+custody\s+of)\s+(?:[\w-]+\s+){0,3}?(?:hostages|captives|"
        r"detainees|prisoners|abductees)\b",
        # a handover to the Red Cross
        r"\b(?:handed\s+over|hands\s+over|released|freed|transferred)\s+[^.;]{0,60}?\bto\s+(?:the\s+)?"
        r"(?:icrc|red\s+(?:cross|crescent)|international\s+committee\s+of\s+the\s+red\s+cross)\b",
    ),
    "prisoner_release": (
        rf"\b(?:release|freeing|return)\s+of\s+{_W}{{0,4}}?(?:prisoners|detainees|inmates)\b",
        rf"\b(?:release|released|releases|freed|frees|set\s+free|releasing|freeing|free|"
        rf"hand(?:s|ed)?\s+over)\s+{_W}{{0,4}}?(?:prisoners|detainees|inmates|pows)\b",
        rf"\b(?:prisoners|detainees|inmates)\s+{_W}{{0,3}}?(?:were|was|have\s+been|had\s+been|"
        rf"being|are|to\s+be|would\s+be|will\s+be)\s+(?:\w+\s+)?(?:released|freed|set\s+free)\b",
        r"\b(?:prisoners|detainees|inmates)\s+(?:freed|released|set\s+free)\b",
        r"\b(?:prisoners|detainees)\s+(?:[\w-]+\s+){0,2}?(?:due|set|slated|scheduled)\s+"
        r"(?:for\s+release|to\s+be\s+(?:released|freed))\b",
        r"\b(?:freed|frees|released|releases)\s+[^.;]{0,40}?\bfrom\s+(?:its|their|[\w-]+)\s+"
        r"(?:jails|prisons|detention\s+centres|detention\s+centers)\b",
    ),
    "hostage_exchange": (
        r"\b(?:hostage|prisoner|captive|pow)s?[\s-]+(?:for[\s-]+(?:[\w]+[\s-]+)?)?(?:swaps?|"
        r"exchanges?|trades?)\b",
        # a swap told by its ratio: "the 1,000-for-1,000 swap"
        r"\b\d[\d,]*[\s-]+for[\s-]+\d[\d,]*\s+(?:swaps?|exchanges?)\b",
        rf"\b(?:swap|exchange|trade|swapping|exchanging|trading)\s+(?:of\s+)?{_W}{{0,3}}?"
        rf"(?:hostages|captives)\s+(?:for|with)\s+{_W}{{0,2}}?(?:prisoners|detainees)\b",
        r"\b(?:freed|released|exchanged)\s+for\s+(?:every|each)\s+(?:hostage|captive|prisoner)\b",
        r"\b(?:prisoners|detainees|inmates)\s+for\s+(?:every|each)\s+(?:hostage|captive)\b",
        rf"\b(?:freed|frees|released|releases|returned|return|returns|came\s+home|"
        rf"hand(?:s|ed)?\s+over)\s+[^.;]{{0,60}}?\b"
        rf"(?:in|under|as\s+part\s+of)\s+(?:a|an|the)?\s*{_W}{{0,2}}?(?:swap|exchange)\b"
        r"(?!\s+for\s+(?:a\s+)?ransom)",
        rf"\bin\s+(?:exchange|return)\s+for\s+{_W}{{0,4}}?(?:hostages|captives|prisoners|"
        rf"detainees)\b",
        rf"\b(?:exchanged|swapped|traded|exchange|exchanges|swap|swaps|trade|trades|exchanging|"
        rf"swapping|trading)\s+{_SWAPPED}{{0,4}}?"
        rf"(?:prisoners|detainees|captives|hostages|pows|bodies|remains|captured|detained|"
        rf"abducted|{_FIGHTERS})\b",
        # people traded for people: "7 fighters were exchanged against 7 soldiers"
        rf"\b(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:exchanged|swapped|traded)\s+"
        rf"(?:for|against)\s+{_W}{{0,4}}?(?:{_FIGHTERS}|prisoners|detainees|captives|hostages|"
        rf"pows|bodies|civilians|people|men)\b",
        rf"\b(?:prisoners|detainees|captives|hostages|pows|bodies)\s+{_W}{{0,3}}?(?:were|was|have\s+been|"
        rf"had\s+been)\s+(?:\w+\s+)?(?:exchanged|swapped|traded)\b",
        # headline passive: "prisoners exchanged at the border" (not "exchanged fire")
        r"\b(?:prisoners|detainees|captives|hostages|pows)\s+(?:exchanged|swapped|traded)\b"
        r"(?!\s+(?:fire|gunfire|shots)\b)",
    ),
    "hostage_exchange/each": (
        # two sides that free captives in equal numbers swap them: "the two sides released 15
        # prisoners each"
        rf"\b(?:released|releases|release|freed|frees|free|set\s+free|handed\s+over)\s+{_W}{{0,3}}?"
        rf"(?:prisoners|detainees|captives|hostages|pows|{_FIGHTERS})\s+each\b",
    ),
    "surrender": (
        rf"\b(?:surrendered|surrenders|surrendering)\s+(?!(?:the|a|an|my|our|your)\s){_W}{{0,3}}?"
        rf"(?:to|themselves|with|before|in\s+front\s+of|(?:their|his|its)(?!\s+(?:[\w'-]+\s+)?"
        rf"(?:licen[cs]es?|passports?|keys|badges?|seats?|titles?|crowns?|rights?|claims?)\b))\b",
        r"\b(?:fighters|militants|rebels|members|soldiers|troops|combatants|insurgents|gunmen|"
        r"guerrillas|cadres|maoists|extremists|jihadists|mutineers|commanders)\s+"
        r"(?:[\w'-]+\s+){0,4}?(?:surrendered|(?<!to\s)surrender|handed\s+themselves\s+over|turned\s+themselves\s+in|"
        r"(?:laid\s+down|gave\s+up)\s+(?:their\s+)?(?:arms|weapons)"
        r"(?!\s+(?:business|trade|deals?|dealing|sales?|race|embargo)\b))\b",
        # an armed group's fighters giving up their arms: "rebels handed over 840 weapons",
        # "fighters gave up their guns" (not soldiers or police, who hand weapons on)
        r"\b(?:fighters|militants|rebels|combatants|insurgents|gunmen|guerrillas|cadres|maoists|"
        r"extremists|jihadists|militiamen|ex-combatants)\s+(?:[\w'-]+\s+){0,5}?"
        r"(?:laid\s+down|gave\s+up|handed\s+(?:in|over)|handing\s+(?:in|over)|turned\s+in|"
        r"turning\s+in)\s+(?:their\s+)?(?:(?:\d[\d,]*|hundreds\s+of|dozens\s+of)\s+)?"
        r"(?:(?:heavy|light|small|remaining|last|final|individual)\s+)?(?:arms|weapons|guns|rifles)\b"
        r"(?!\s+(?:business|trade|deals?|dealing|sales?|race|embargo|habit)\b)",
        # (not an aim: "a call to the militants to lay down their weapons")
        r"\b(?<!to\s)(?:laid|lay|lays|laying)\s+down\s+(?:(?:their|his|its|her)\s+)?"
        r"(?:arms|weapons)\b",
        # one fighter or one group in the headline present: "rebel commander surrenders"
        r"\b(?:commander|fighter|militant|rebel|insurgent|group|leader|chief|warlord|faction|"
        r"garrison|battalion)\s+(?:[\w'-]+\s+){0,2}?(?:surrenders|has\s+surrendered)\b",
        # fighters who disarm, with no object: "10,000 fighters have disarmed under the deal",
        # "Rebels disarm" (not "militants disarmed the guards", nor "rebels to disarm")
        r"\b(?:fighters|militants|rebels|combatants|insurgents|guerrillas|cadres|maoists|"
        r"militiamen|militias|paramilitaries|ex-combatants)\s+(?:[\w'-]+\s+){0,3}?(?<!\bto\s)"
        r"(?:disarmed|disarm|disarms|demobili[sz]ed|demobili[sz]e|demobili[sz]es)"
        r"(?=\s*(?:[.,;:]|$)|\s+(?:under|as|after|in|on|at|and|before|following|voluntarily|"
        r"peacefully|completely|fully)\b)",
        # a fighter or a commander who goes over to the state's side: "a rebel commander
        # defected to the government with 200 fighters" (not a lawmaker to another party)
        r"\b(?:commanders?|fighters|militants|rebels|insurgents|guerrillas|cadres|militiamen|"
        r"leaders?|members)\s+(?:[\w'-]+\s+){0,4}?(?:defected|defects|defect)\s+to\s+(?:the\s+)?"
        r"(?:government|army|military|security\s+forces|state)\b(?!\s+(?:party|bloc|coalition)\b)",
        # "handing over heavy weapons" (not "police hand in weapons at the armoury")
        r"\b(?:handed|hand|hands|handing)\s+(?:in|over)\s+(?:(?:their|his|its|the)\s+"
        r"(?:(?:heavy|light|small|remaining)\s+)?|(?:heavy|light|small|remaining)\s+)"
        r"(?:arms|weapons|guns|rifles)\b",
    ),
    "humanitarian_pause": (
        r"\b(?:humanitarian|tactical|daily|temporary|[\w]+-(?:hour|day|week))\s+(?:[\w-]+\s+)?"
        r"pauses?\b",
        r"\bpauses?\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fighting|hostilities|combat|strikes|"
        r"bombing|bombardment)\b",
        r"\bhumanitarian\s+(?:truce|lull)\b",
    ),
    "resolution_drafted": (
        r"\b(?:drafts?|drafted|drafting|circulated|circulating|negotiating|tabled|put\s+forward|"
        r"introduced|sponsored|proposed|submitted)\s+(?:a|an|the|its)?\s*(?:[\w-]+\s+){0,3}?"
        r"(?:resolution|draft\s+text)\b",
        r"\b[\w]+-(?:sponsored|drafted|backed|led)\s+(?:[\w-]+\s+)?resolution\b",
        r"\bresolution\s+(?:drafted|put\s+forward|circulated|proposed|tabled)\s+by\b",
    ),
    "vote_scheduled": (
        r"\bvote\b[^.;]{0,60}?\b(?:is|was|has\s+been)?\s*(?:scheduled|set|expected|due|"
        r"slated|planned)\s+(?:for|on|to)\b",
        # a vote on a text or a deal, not on a bill or a bankruptcy
        r"\b(?:will|to|would|expected\s+to|set\s+to|due\s+to|scheduled\s+to|is\s+to)\s+vote\s+on\s+"
        r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:resolutions?|texts?|drafts?|"
        r"measures?|motions?|truce|cease-?\s?fire|deal|agreement|accord|plan|proposals?|"
        r"sanctions)\b",
        r"\b(?:scheduled|set|planned|called)\s+(?:a\s+)?vote\b",
        # a vote set for a day: "the Council is expected to vote on Thursday", "set to vote Monday"
        rf"\b(?:will|to|expected\s+to|set\s+to|due\s+to|scheduled\s+to|is\s+to|plans?\s+to|"
        rf"aims?\s+to|poised\s+to)\s+vote\s+(?:again\s+)?(?:on\s+)?(?:{WEEKDAYS}|tomorrow|"
        rf"today|tonight|later\s+(?:today|this\s+week)|next\s+week|this\s+week)\b",
        # a text put to the vote: "the resolution will be brought to a vote on Friday", "puts
        # the draft to a vote"
        r"\b(?:put|puts|putting|bring|brings|bringing|brought)\s+(?:[\w-]+\s+){0,4}?to\s+"
        r"(?:a|the)\s+vote\b",
    ),
    "vote_postponed": (
        r"\bvote\b[^.;]{0,80}?\b(?:postponed|delayed|put\s+off|pushed\s+back|deferred|"
        r"rescheduled)\b",
        rf"\b(?:postponed|delayed|put\s+off|deferred|pushed\s+back|postponing|delaying|postpones|"
        rf"delays|defers|puts\s+off|pushes\s+back)\s+"
        rf"(?:a|the|its|their)?\s*{_W}{{0,2}}?vote\b",
        r"\bpostponement\s+of\s+(?:the\s+|a\s+)?vote\b",
    ),
    "vote_adopted": (
        r"\b(?:adopted|passed|approved|endorsed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
        r"resolution\b",
        # a resolution named by its number: "unanimously adopted Resolution 1701"
        r"\b(?:adopted|passed|approved|endorsed)\s+resolution\s+\d",
        r"\b(?:adopts|passes|approves|endorses|adopt|approve|endorse)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
        r"resolution\b",
        rf"\bresolution\s+{_W}{{0,6}}?(?:was|has\s+been|were)\s+(?:\w+\s+)?(?:adopted|passed|"
        rf"approved)\b",
        # ... but "voted to approve the deal" approves an agreement, not a resolution
        r"\bvoted\s+[^.;]{0,30}?\bto\s+(?:adopt|approve|pass)\b(?!\s+(?:the|a|an)\s+(?:[\w-]+\s+)?"
        r"(?:deal|agreement|accord|cease-?\s?fire|truce)\b)",
        # a tally: "voted 120 to 14 for", "adopted by a vote of 13 to 1", "passed 153-10"
        r"\bvoted\s+\d+\s*(?:-|\u2013|to)\s*\d+\s+(?:for|in\s+favou?r|to)\b",
        # ... with the day or the abstentions between: "voted 14-0 on Friday, with one
        # abstention, to demand" (not a tally against or one that fell short)
        r"\bvoted\s+\d+\s*(?:-|\u2013)\s*\d+\b(?![^.;]{0,60}\b(?:against|failed|fell\s+short|"
        r"rejected|defeated)\b)[^.;]{0,60}?\bto\s+(?:demand|call|adopt|approve|back|endorse|"
        r"extend|renew|authori[sz]e|impose|lift|condemn|urge)\b",
        r"\b(?:adopted|passed|approved|backed)\s+(?:(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?)?"
        r"(?:by\s+(?:a\s+vote\s+of\s+)?)?\d+\s*(?:votes?\s+)?(?:-|\u2013|to)\s*\d+\b",
        r"\bresolution\s+(?:passed|adopted|approved)\b",
        # the noun: "a statement at the adoption of a Security Council resolution"
        r"\badoption\s+of\s+(?:(?:a|an|the)\s+)?(?:[\w.-]+\s+){0,4}?resolution\b",
        # headline present: "Council votes to back ceasefire plan", "Assembly votes for truce"
        r"\b(?:votes|vote)\s+(?:overwhelmingly\s+|unanimously\s+)?to\s+(?:adopt|approve|pass|back|"
        r"endorse|support)\b(?!\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|accord)\b)",
        rf"\b(?:votes|voted)\s+(?:overwhelmingly\s+|unanimously\s+)?(?:for|in\s+favou?r\s+of)\s+"
        rf"(?:(?:a|an|the)\s+)?{_W}{{0,3}}?(?:resolution|{_CF})",
    ),
    "vote_vetoed": (
        r"\bvetoe?(?:d|s|ing)\b",
        r"\b(?:cast|used|exercised|wielded)\s+(?:a|its|their)"
        r"\s+veto\b|\bwith\s+(?:a|its|their)\s+veto\b",
        # "a veto blocked the text", "Russia blocks the draft resolution"
        r"\bveto\s+(?:[\w-]+\s+){0,2}?(?:blocked|blocks|killed|kills|sank|sinks|scuttled)\b",
        r"\b(?:blocked|blocks)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:resolution|draft\s+text|"
        r"text)\b",
        # a permanent member's veto named by the noun: "fails to adopt the text after a US veto"
        r"\b(?:u\.s\.|us|american|russian|chinese|french|british)\s+veto(?:es)?\b"
        r"(?!\s+(?:threats?|power|right)\b)",
    ),
    "call_for_ceasefire": (
        rf"\b(?:calls?|called|calling|urged|urging|urges|demanded|demanding|demands|appealed|"
        rf"appeals?|pressing|pressed|pushed|pushing|pleaded|pleas?)\s+{_W}{{0,3}}?for\s+"
        rf"(?:a|an|the)?\s*(?:[\w-]+\s+(?:and\s+[\w-]+\s+)?){{0,2}}?{_CF}",
        rf"\b(?:urged|urging|urges|demanded|demanding|demands)\s+(?:a|an)\s+"
        rf"(?:[\w-]+\s+(?:and\s+[\w-]+\s+)?){{0,2}}?"
        rf"{_CF}",
    ),
}

# the subjects of a headline's release ("Australian reporter freed in Iraq", "workers who were
# freed yesterday"): people taken, whatever they are called
_PERSONS: Final = (
    r"(?:journalists?|reporters?|photographers?|cameram[ae]n|workers|engineers?|drivers?|"
    r"contractors?|nationals|tourists?|missionar(?:y|ies)|diplomats?|nuns?|priests?|crew|"
    r"sailors|seafarers|students|schoolgirls|pupils|villagers|women|children|soldiers|"
    r"policemen|peacekeepers|observers|monitors|trio|pair|captives|abductees)"
)

# More patterns of real wire wording (headline and summary), each under a variant key with
# gates of its own (``GATES``), so that the sentences that only pass an event's main gates pay
# nothing for them.
PATTERNS |= {
    "talks_planned/conference": (
        # "to attend the London Mideast peace conference", "to host a conference on peace"
        rf"\b(?:to|will|would|set\s+to|due\s+to|plans?\s+to|decided\s+to|decides\s+to|agreed\s+to)\s+"
        rf"(?:host|attend|join|convene|hold|organi[sz]e)\s+{_W}{{0,4}}?peace\s+(?:conference|"
        rf"summit|talks|meeting|negotiations)\b",
        rf"\b(?:to|will|would|set\s+to|due\s+to|plans?\s+to)\s+(?:host|attend|convene|hold|"
        rf"organi[sz]e)\s+(?:a|an|the)\s+{_W}?(?:conference|summit|meeting)\s+on\s+{_W}{{0,3}}?"
        rf"peace\b",
    ),
    "talks_planned/table": (
        # a mediator who brings the sides into talks or to the table
        rf"\b(?:bring|brings|brought|bringing)\s+{_W}{{1,8}}?(?:into|to)\s+(?:the\s+)?(?:talks|"
        rf"negotiations|(?:negotiating\s+)?table)\b",
    ),
    "talks_held/table": (
        # "mediators met separately with the envoys", "officials meet kidnappers"
        r"\b(?:met|meet|meets|meeting)\s+(?:(?:separately|directly|face\s+to\s+face)\s+)?"
        r"(?:with\s+)?(?:the\s+)?(?:kidnappers|captors|hostage-takers|abductors|rebels|insurgents|"
        r"militants|guerrillas|rebel\s+leaders)\b",
        # ... or with the mediators: "the defence chief met the truce mediators"
        r"\b(?:met|meet|meets|meeting)\s+(?:with\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:mediators|negotiators)\b",
    ),
    # the sides' joint body that watches a truce meets: "a committee monitoring the ceasefire
    # met on Sunday", "Ceasefire monitors to meet" (a round of talks, held or planned)
    "talks_held/monitors": (
        rf"\b(?:{_CF}\s+(?:monitors|monitoring\s+(?:committee|commission|mechanism|group))|"
        rf"(?:committee|commission|mechanism)\s+(?:monitoring|overseeing|supervising)\s+"
        rf"(?:the\s+)?{_W}{{0,2}}?(?:{_CF}|agreement|deal|accord))\b[^.;]{{0,80}}?"
        r"(?<!to\s)(?<!will\s)\b(?:met|meets|convened|convenes)\b",
    ),
    "talks_planned/monitors": (
        rf"\b(?:{_CF}\s+(?:monitors|monitoring\s+(?:committee|commission|mechanism|group))|"
        rf"(?:committee|commission|mechanism)\s+(?:monitoring|overseeing|supervising)\s+"
        rf"(?:the\s+)?{_W}{{0,2}}?(?:{_CF}|agreement|deal|accord))\b[^.;]{{0,80}}?"
        r"\b(?:to|will|due\s+to|set\s+to|expected\s+to)\s+(?:meet|convene)\b",
    ),
    # a side's negotiating team on its way or at the talks: "Hamas negotiating team to travel to
    # Cairo", "the negotiating team landed in Doha", "Israel's negotiating team in Doha"
    "talks_held/team": (
        r"\bnegotiat(?:ing|ion)\s+(?:team|delegation)s?\s+(?:(?:has|have)\s+)?(?:arrived|arrives|"
        r"arrive|landed|lands|heads|headed|travels|travelled|traveled|flew|flies|returned|returns|"
        r"(?:is|are|was|were|now)\s+in|in)\b",
    ),
    "talks_planned/team": (
        r"\bnegotiat(?:ing|ion)\s+(?:team|delegation)s?\s+(?:(?:is|are)\s+)?(?:to|will|set\s+to|"
        r"due\s+to|expected\s+to)\s+(?:travel|fly|head|go|leave|arrive|return)\b",
    ),
    # a deal that opens the way to a step: "the agreement paves the way for a withdrawal"
    "agreement_reached/paves": (
        rf"\b(?:agreement|deal|accord|pact|treaty|{_CF})\s+{_WS}{{0,4}}?(?:(?:has|have)\s+)?(?:paves|paved|"
        rf"opens|opened|clears|cleared)\s+(?:the\s+)?way\b",
    ),
    "talks_held/carry_out": (
        # a meeting to carry out a deal is a round of talks: "leaders meet in Nairobi to
        # implement the truce" (a headline's present; "to meet" is a plan, dropped as such)
        rf"\b(?:met|meet|meets)\s+(?:with\s+)?{_W}{{0,5}}?to\s+(?:implement|review|consolidate|"
        rf"shore\s+up|finali[sz]e)\s+{_W}{{0,3}}?(?:deal|agreement|accord|pact|treaty|{_CF}|"
        rf"peace)\b",
    ),
    "talks_held/returned": (
        # the sides back at the table: "the rebels returned to the negotiating table"
        r"\b(?:returned|returns|(?:went|came|got|are|were|is|was)\s+back)\s+(?:to|at)\s+"
        r"the\s+(?:negotiating\s+|peace\s+|talks\s+)?table\b(?!\s+tennis)",
        # ... or back at the talks: "agreed to return to six-party talks"
        r"\b(?:returned|returns|return|returning)\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:talks|negotiations)\b",
    ),
    "talks_held/near": (
        # a deal the talks bring near: "hostage deal is close", "a truce appeared within reach",
        # "the two states edge closer to a normalisation deal"
        # (not "is not close", "is nowhere near")
        rf"\b(?:deal|agreement|accord|{_CF})\s+(?:is|was|are|were|appears?|appeared|seems?|"
        rf"seemed|looks?|looked)\s+(?:(?!(?:not|no|never|nowhere)\s)\w+\s+)?"
        rf"(?:close|near|imminent|within\s+reach)\b{_NOT_FAILING}",
        # a headline's: "Hostage deal very close, envoy says", "truce deal within reach"
        rf"\b(?:deal|agreement|accord|{_CF})\s+(?:(?:very|so|now|getting|increasingly)\s+)?"
        rf"(?:close|near|imminent|within\s+reach){_END}",
        rf"\b(?:close|closes|closed|closing)\s+in\s+on\s+{_W}{{0,3}}?"
        rf"(?:deal|agreement|accord|{_CF}|peace)\b",
        # "on the brink of a ceasefire deal", "on the verge of peace"
        rf"\bon\s+the\s+(?:brink|verge|cusp|threshold)\s+of\s+(?:(?:a|an|the)\s+)?{_WS}{{0,3}}?"
        rf"(?:deal|agreement|accord|pact|treaty|{_CF}|peace)\b",
        # a deal told as to come soon: "an agreement could be reached by next week", "a truce
        # deal may be possible" (not "is not possible"), "deal expected within days"
        rf"\b(?:deal|agreement|accord|pact|treaty|{_CF})\s+{_WS}{{0,6}}?(?:(?:could|may|might|"
        rf"should)\s+be|(?:is|are)\s+likely\s+to\s+be)\s+(?:(?:reached|agreed|signed|struck|"
        rf"sealed|finali[sz]ed|clinched|concluded|announced|done)\s+(?:as\s+(?:early|soon)\s+as|"
        rf"by|within|in\s+(?:the\s+)?(?:coming|next)|next|this|soon|shortly|later)\b|"
        rf"(?:(?!(?:not|no|never)\s)\w+\s+)?(?:possible|likely|in\s+sight)\b)",
        rf"\b(?:deal|agreement|accord|{_CF})\s+(?:(?:is|was)\s+)?(?:expected|likely)\s+"
        rf"(?:by|within|next|this\s+week|soon|shortly|in\s+(?:days|hours|the\s+coming))\b",
        # a side that sees one soon: "diplomats see agreement on Iran next week"
        rf"\b(?:see|sees|saw|expect|expects|predict|predicts|predicted)\s+(?:(?:a|an)\s+)?"
        rf"{_WS}{{0,2}}?(?:deal|agreement|accord|{_CF})\s+(?:(?:on|over|with|between|for)\s+"
        rf"{_WS}{{1,3}}?)?(?:by|within|next|this\s+week|soon|shortly|in\s+(?:days|hours|"
        rf"the\s+coming))\b",
        # a headline's "Israel and Hamas close to agreement on hostages" (not "close to the
        # ceasefire line")
        rf"\b(?:close|closer|near|nearer)\s+to\s+(?:(?:a|an|the)\s+)?{_WS}{{0,2}}?"
        rf"(?:deal|agreement|accord|{_CF})\b(?![\s-]+(?:lines?|zones?|borders?)\b)",
        rf"\b(?:edge|edges|edged|edging|move|moves|moved|moving|inch|inches|inched|inching|"
        rf"draw|draws|drew|come|comes|came|get|gets|got)\s+closer\s+to\s+{_W}{{0,3}}?"
        rf"(?:deal|agreement|accord|{_CF}|peace)\b",
        # gaps the talks narrow: "the gaps have narrowed", "the sides narrowed their differences"
        r"\b(?:gaps?|differences)\s+(?:(?:are|is|were|was|have|has|had)\s+(?:been\s+)?)?"
        r"(?:narrowing|narrowed)\b|"
        r"\bnarrow(?:ed|s|ing)?\s+(?:the\s+|their\s+)?(?:gaps?|differences)\b",
    ),
    "talks_held/progress": (
        # talks that move: "peace talks inch forward", "talks adopted a draft agenda"
        rf"\b(?:talks|negotiations)\s+{_WN}{{0,2}}?(?:inch|inches|inched|inching|move|moves|moved|"
        rf"moving|edge|edges|edged|push|pushes|pushed|press|pressed|forge|forged)\s+"
        rf"(?:forward|ahead)\b",
        rf"\b(?:talks|negotiations|conference)\s+(?:\w+ly\s+)?(?:adopted|adopts|agreed\s+on|approved|"
        rf"approves|endorsed)\s+{_W}{{0,4}}?(?:agenda|framework|declaration|text|document|"
        rf"protocol|roadmap)\b",
        # "all-party talks, in limbo for two years, get under way at Leeds Castle"
        r"\b(?:talks|negotiations)\b[^.;]{0,80}?(?<!to\s)\b(?:get|gets|got)\s+under\s?way\b",
        # "left the rebel town after talks Sunday"
        r"\b(?:after|following)\s+(?:(?:a\s+)?(?:round\s+of|day\s+of|two\s+days\s+of)\s+)?"
        rf"(?:talks|negotiations)\s+(?:on\s+)?(?:{WEEKDAYS}|yesterday|today|overnight)\b",
    ),
    "proposal_made/response": (
        # a side's answer to the other's offer is its own: "responds to the ceasefire proposal,
        # asks for amendments", "delivered its reply to the plan"
        rf"\b(?:responds?|responded|responding|replied|replies|reply|response|answer(?:ed|s)?)\s+"
        rf"to\s+{_W}{{0,3}}?(?:{_CF}|peace|hostage|prisoner|exchange|swap)\s+{_W}{{0,2}}?"
        rf"(?:proposals?|plans?|offers?|frameworks?|counter-?proposals?|roadmaps?)\b",
    ),
    "vote_vetoed/council": (
        # a veto told as the Council's text blocked: "Moscow blocked a UN call for a pause",
        # "a permanent member blocks the Council's resolution on the siege"
        r"\b(?:blocked|blocks|block|blocking)\s+(?:(?:a|an|the)\s+)?(?:(?:u\.?n\.?|united\s+nations|"
        r"unsc)\s+(?:security\s+council(?:'s)?\s+)?|(?:security\s+)?council(?:'s)?\s+)"
        r"(?:[\w-]+\s+)?(?:demand|call|resolution|draft|measure|motion)\b",
    ),
    "hostage_release/timed": (
        # a release set for a day told by what comes first: "the captives will not be freed
        # before Friday", "the prisoners won't be freed before the weekend"
        rf"\b(?:hostages?|captives?|prisoners|detainees)\s+{_W}{{0,4}}?(?:won['\u2019]t|"
        rf"will\s+not|wouldn['\u2019]t|would\s+not)\s+be\s+(?:released|freed|set\s+free)\s+"
        rf"(?:until|before)\s+(?:{_DAY}|today|tonight|the\s+weekend|(?:this|next)\s+week)\b",
    ),
    "talks_held/efforts": (
        # a mediator's or a side's work on a deal told as going on: "the mediator is
        # continuing its efforts towards a truce", "steps up efforts for a deal" ("vows to
        # continue efforts" is an aim: talks told after "to" are dropped; efforts for a release
        # alone are a state's attempt, no talks)
        rf"\b(?:continu(?:e|es|ed|ing)|pursu(?:e|es|ed|ing)|(?:step|steps|stepped|stepping)\s+up|"
        rf"intensif(?:y|ies|ied|ying)|redoubl(?:e|es|ed|ing))\s+(?:(?:its|their|his|her|the)\s+)?"
        rf"(?:[\w-]+\s+)?efforts\s+(?:to|towards?|for)\s+{_W}{{0,4}}?(?:deal|agreement|accord|"
        rf"{_CF}|talks)\b",
        # ... told after the efforts: "efforts for a truce deal ramp up", "intense efforts are
        # under way to close the gaps in the deal talks"
        rf"\befforts\s+(?:to|towards?|for)\s+{_W}{{0,4}}?(?:deal|agreement|accord|{_CF}|talks)\s+"
        rf"(?:ramp(?:s|ed)?\s+up|step(?:s|ped)?\s+up|intensif(?:y|ies|ied))\b",
        rf"\befforts\s+(?:are\s+|were\s+)?under\s?way\s+to\s+{_W}{{0,8}}?(?:deal|agreement|"
        rf"accord|{_CF}|talks|discussions|negotiations)\b",
    ),
    "talks_held/in_place": (
        # a headline's envoy at the scene to close a deal: "a minister in Amman to try to
        # clinch a ceasefire", "mediator in Doha to broker a truce" (not families in a capital
        # to push for a release: a call)
        rf"\bin\s+{_PLACE}{{1,2}}?to\s+(?:(?:try|seek|bid)\s+to\s+)?(?:seal|broker|clinch|"
        rf"finali[sz]e|mediate|negotiate)\s+{_W}{{0,3}}?(?:{_CF}|deal|agreement|accord|talks|"
        rf"exchange|swap)\b",
    ),
    "proposal_made/aired": (
        # a proposal made public, backed or weighed by a side or a mediator: "the mediator
        # disclosed the army's new proposal", "the bloc endorsed the road map", "confirmed
        # receipt of the proposal", "rebel leaders were reviewing the offer" (a plan only a peace or
        # truce plan: "reveals plan to expand the offensive" is none)
        rf"\b(?:revealed|reveals|reveal|disclosed|discloses|outlined|outlines|laid\s+out|"
        rf"lays\s+out|endorsed|endorses|endorse|confirmed|confirms|reviewing|reviews|reviewed|"
        rf"studying|studies|studied|weighing|weighs|weighed)\s+{_WN}{{0,4}}?"
        rf"(?:proposal|counter-?proposal|offer|framework|road\s?map|"
        rf"(?:peace|truce|cease-?\s?fire|hostage)\s+plan)\b",
    ),
    "proposal_made/offer": (
        # an offer of talks: "offering unconditional talks", "invites rebel groups for talks"
        r"\b(?:offer|offers|offered|offering)\s+(?:of\s+|for\s+)?(?:[\w-]+\s+){0,2}?(?:talks|"
        r"negotiations|dialogue)\b",
        r"\b(?:invite|invites|invited|inviting)\s+(?:[\w'-]+\s+){0,5}?(?:for|to)\s+"
        r"(?:(?:peace|direct|fresh|new|unconditional)\s+)?(?:talks|negotiations|dialogue)\b",
        # a side that offers or invites the other to talk: "offers to talk to the rebels",
        # "invited the leader to meet him", "invited the envoy to the capital to discuss" (not
        # the press or the public invited to hear a side)
        r"\b(?:offers?|offered|offering|invites?|invited|inviting)\s+"
        r"(?!(?:[\w'.-]+\s+){0,2}?(?:journalists|reporters|media|press|public|residents|"
        r"students|investors|fans|people)\b)(?:[\w'.-]+\s+){0,5}?"
        r"(?:to\s+(?:[\w'.-]+\s+){0,2}?)?to\s+(?:talk|meet|negotiate|discuss|sit\s+down)\b",
    ),
    "agreement_reached/ends": (
        # "peace agreement ends decades-long conflict", "a deal ending two years of war"
        # (a relative clause in the past tells an old accord: "the accord that ended the war")
        rf"\b(?:agreement|deal|accord|treaty|pact|{_CF})\s+"
        rf"(?:(?:that|which)\s+ends|ends|ended|ending)"
        rf"\s+(?:(?:a|an|the|their|its)\s+)?{_W}{{0,3}}?(?:war|conflict|fighting|hostilities|"
        rf"insurgency|rebellion|standoff|stand-off|feud|dispute|crisis|violence|clashes)\b",
        rf"\b(?:shook|shake|shakes)\s+hands\s+on\s+(?:a|an|the)\s+{_W}{{0,2}}?(?:deal|agreement|"
        rf"accord|truce|cease-?\s?fire|pact)\b",
        # elders who reconcile the sides, the sides reconciled
        r"\b(?:reconciled|reconciles|reconcile)\s+(?:the\s+)?(?:two\s+|rival\s+|warring\s+|"
        r"feuding\s+)?(?:communities|clans|sides|factions|parties|groups|tribes|sub-clans)\b",
    ),
    "agreement_reached/pledge": (
        # "pledged to fully respect a truce", "promises to respect truce"
        rf"\b(?:pledg\w*|promis\w*|vow\w*|commit\w*|agree\w*)\s+to\s+(?:\w+ly\s+)?(?:respect|observe|"
        rf"abide\s+by|honou?r|uphold|maintain)\s+{_W}{{0,3}}?{_CF}",
    ),
    "hostage_release/captured": (
        # "the rebels released 20 soldiers they had captured", "freed the two engineers"
        # (a count, not "released the driver", the end of a hijacking as coders tell it; nor
        # civilians, whom troops also "release" from a raided camp)
        rf"\b(?:released|releases|release|freed|frees|free|(?:release|freeing)\s+of)\s+(?:the\s+)?"
        rf"(?:\d[\d,]*|two|three|four|"
        rf"five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{_PERSONS}|troops|policemen|police\s+officers|fishermen|citizens|"
        rf"teachers|doctors|nurses)\b(?!\s+(?:from\s+(?:hospital|duty|service)|on\s+bail))",
    ),
    "hostage_release/people": (
        # the headline participle or a relative clause; "the drivers were released after three
        # hours" ends the story of an abduction, as conflict coders read it
        rf"\b{_PERSONS}\s+(?:(?:who|that)\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?"
        rf"(?:\w+ly\s+)?(?:freed|released|set\s+free)\b"
        r"(?!\s+(?:(?:a|an|the|its|their|his|her)\s|from\s+(?:hospital|prison|jail|custody|"
        r"detention|police)|on\s+bail))",
    ),
}

GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "hostage_exchange/each": (("releas", "freed", "frees", "free ", "handed over"), ("each",)),
    "hostage_release/captured": (
        ("released", "release ", "releases ", "freed", "frees", "free "),
        ("journalist", "reporter", "photographer", "camera", "workers", "engineer", "driver",
         "contractor", "nationals", "tourist", "missionar", "diplomat", "nun", "priest", "crew",
         "sailors", "seafarers", "students", "schoolgirls", "pupils", "villagers", "women",
         "children", "soldiers", "policemen", "peacekeepers", "observers", "monitors", "trio",
         "pair", "captives", "abductees", "troops",
         "police officers", "fishermen", "citizens", "teachers", "doctors", "nurses"),
    ),
    "agreement_reached/ends": (
        ("agreement", "deal", "accord", "treaty", "pact", "truce", "ceasefire", "armistice",
         "shook", "shake", "reconcil"),
        ("end", "shook", "shake", "reconcil"),
    ),
    "talks_planned/conference": (
        ("peace",),
        ("host", "attend", "convene", "hold", "join", "organi"),
    ),
    "talks_planned/table": (("bring", "brought"), ("talks", "negotiat", "table")),
    "talks_held/table": (
        ("met", "meet"),
        ("talks", "negotiat", "table", "kidnappers", "captors", "hostage-takers", "abductors",
         "rebel", "insurgents", "militants", "guerrillas", "mediators"),
    ),
    "talks_held/returned": (("return", "back"), ("table", "talks", "negotiations")),
    "talks_held/monitors": (("monitor", "oversee", "supervis"), ("met ", "meets", "convene")),
    "talks_planned/monitors": (("monitor", "oversee", "supervis"), ("meet", "convene")),
    "talks_held/team": (("negotiating team", "negotiation team", "negotiating deleg",
                         "negotiation deleg"),),
    "talks_planned/team": (("negotiating team", "negotiation team", "negotiating deleg",
                            "negotiation deleg"),),
    "agreement_reached/paves": (
        ("agreement", "deal", "accord", "pact", "treaty", "truce", "fire", "armistice",
         "cessation"),
        ("paves", "paved", "opens", "opened", "clears", "cleared"),
    ),
    "talks_held/carry_out": (
        ("met ", "meet"),
        ("implement", "review", "consolidate", "shore up", "finali"),
    ),
    "agreement_reached/brokered": (("brokered", "mediated"),),
    "talks_planned/delegations": (
        ("negotiators", "delegat", "mediators", "envoys", "sides", "parties"),
        ("due", "set", "expected", "scheduled", "slated"),
        ("reconven", "meet", "resume", "return to the table", "hold talks"),
    ),
    "talks_held/shuttle": (("shuttl",), ("between",)),
    "talks_held/push": (
        ("arriv", "landed", "lands", "head", "travel", "flies", "flew", "return", "visit"),
        ("push", "press", "broker", "mediate", "negotiate", "seal", "secure", "finali", "rescue",
         "salvage", "save", "revive"),
    ),
    "talks_held/near": (
        ("deal", "agreement", "accord", "fire", "ceasefire", "truce", "armistice", "cessation",
         "peace"),
        ("close", "near", "imminent", "within reach", "brink", "verge", "cusp", "threshold",
         "closing in", "could be", "may be", "might be", "should be", "likely", "possible",
         "in sight",
         "expected", "see", "saw", "expect", "predict", "narrow"),
    ),
    "talks_held/progress": (
        ("talks", "negotiat", "conference"),
        ("forward", "ahead", "adopt", "agreed on", "approv", "endorsed", "after",
         "following", "under"),
    ),
    "proposal_made/response": (
        ("respon", "repl", "answer"),
        ("proposal", "plan", "offer", "framework", "roadmap"),
    ),
    "vote_vetoed/council": (
        ("blocked", "blocks", "block "),
        ("council", "un ", "u.n", "united nations", "unsc"),
    ),
    "hostage_release/timed": (
        ("hostage", "captive", "prisoner", "detainee"),
        ("won", "will not", "would not", "wouldn"),
        ("until", "before"),
    ),
    "talks_held/efforts": (
        ("continu", "pursu", "step", "intensif", "redoubl", "ramp", "under way", "underway"),
        ("efforts",),
    ),
    "talks_held/in_place": (
        ("in ",),
        ("seal", "broker", "clinch", "finali", "mediate", "negotiate"),
    ),
    "proposal_made/aired": (
        ("reveal", "disclos", "outlin", "laid out", "lays out", "endors", "confirm", "review",
         "stud", "weigh"),
        ("proposal", "offer", "framework", "road map", "roadmap", "plan"),
    ),
    "proposal_made/offer": (
        ("offer", "invit"),
        ("talks", "negotiat", "dialogue", "to talk", "to meet", "to discuss", "to sit down"),
    ),
    "agreement_reached/pledge": (
        ("pledg", "promis", "vow", "commit", "agree"),
        ("respect", "observ", "abide", "honor", "honour", "uphold", "maintain"),
        ("fire", "ceasefire", "truce", "armistice", "cessation"),
    ),
    "hostage_release/people": (
        ("freed", "released", "set free"),
        ("journalist", "reporter", "photographer", "camera", "workers", "engineer", "driver",
         "contractor", "nationals", "tourist", "missionar", "diplomat", "nun", "priest", "crew",
         "sailors", "seafarers", "students", "schoolgirls", "pupils", "villagers", "women",
         "children", "soldiers", "policemen", "peacekeepers", "observers", "monitors", "trio",
         "pair", "captives", "abductees"),
    ),
}  # fmt: skip
"""Gate stem groups of the variants above, read with ``lexicon.NEGOTIATION_GATES``."""

# a key of one table would silently replace another's patterns
_TAKEN: Final = (set(PATTERNS) & set(classes.PATTERNS)) | (
    (set(PATTERNS) | set(classes.PATTERNS)) & set(steps.PATTERNS)
)
if _TAKEN:
    _MSG = f"negotiation pattern keys defined twice: {sorted(_TAKEN)}"
    raise ValueError(_MSG)

# a negotiation noun with a verb of its class, in any order (negotiation_classes)
PATTERNS |= classes.PATTERNS
GATES |= classes.GATES

# steps told without a negotiation noun: offers, UN steps, returns (negotiation_steps)
PATTERNS |= steps.PATTERNS
GATES |= steps.GATES
