"""Steps between the sides told without a negotiation noun.

News often tells a move in a negotiation with general words: a side *ready to meet* or to
halt its operations, *overtures* (offers), nations *backing a UN resolution* or the Council
giving a session its *green light* (UN steps), people *held by* a state or a group who
*return*, captives *freed with an envoy's help* (returns from captivity), talks *called
regrettable*, negotiators at work, and two states at odds that *meet*, *speak* or *exchange
letters* (talks; :func:`across_a_dispute`), or a state's side that meets an armed side
(:func:`meets_an_armed_side`). Also: the Council's vote told by what it does (*voted to renew
the embargo*), a side that *halts its attacks* or *calls off its armed struggle* (a truce),
captives who *come home* or are *handed back*, a deal told by a step taken *under* it, two
sides that *settle their dispute*, a side that *accepts a roadmap*, and an envoy who *travels
to meet* in a dispute. The patterns join
``negotiation_patterns.PATTERNS`` as ``"event/variant"`` keys behind gates of their own, so
the exclusions of :mod:`consumers.extraction.negotiations` hold for them (an offer needs no
company word near it; a release by a raid, a court or the police is none).
"""

from __future__ import annotations

import re
from typing import Final

from consumers.extraction.actors import ARMED_GROUPS
from consumers.extraction.negotiation_context import (
    names_a_region,
    names_an_armed_side,
    rivals_named,
    states_at_odds,
)

# listed forces of a state, not an armed group that meets one
_STATE_FORCES: Final = frozenset(
    {"Sudanese Armed Forces", "Israel Defense Forces", "Palestinian Authority"}
)
_NOT_AIM: Final = r"(?<!\bhopes\s)(?<!\bcalls\s)(?<!\burged\s)"

# the verbs of holding a meeting
_HOLD_VERBS: Final = ("held", "holds", "hold", "conducted", "conducts", "convened", "convenes")


def _unplanned(verbs: tuple[str, ...]) -> str:
    """An alternation of ``verbs``, each not after "to" or "will" (the look-behinds follow the
    verb, so that the regex engine can skip ahead to its letters)."""
    return "(?:" + "|".join(rf"{verb}(?<!\bto\s{verb})(?<!\bwill\s{verb})" for verb in verbs) + ")"


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

# the UN's voting bodies (a state's own "general assembly" is a legislature)
_COUNCIL: Final = r"(?:security\s+council|(?:u\.?n\.?|united\s+nations)\s+(?:general\s+)?assembly)"
# the fighting a side stops (also "an end to four years of fighting", "a halt to rocket fire")
_FIGHTING: Final = (
    r"(?:attacks|fighting|hostilities|insurgency|shelling|rocket\s+fire|armed\s+(?:campaign|"
    r"struggle|operations|actions)|military\s+(?:operations|actions|campaign))\b"
)
# a count of people handed back, and the people a side takes: soldiers, crews, fishermen
_COUNT: Final = (
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens\s+of|"
    r"scores\s+of|hundreds\s+of)"
)
_TAKEN: Final = (
    r"(?:soldiers|troops|servicemen|fishermen|sailors|seafarers|crew\s+members|pows|nationals|"
    r"citizens|civilians|captives|border\s+guards|guards|policemen|pilots|villagers)"
)

# listed groups' acronyms that name other things too (a car maker, a state's defence force)
_SHARED_ACRONYMS: Final = frozenset({"KIA", "ADF", "SAF", "IDF"})
# groups of long insurgencies the list does not hold, named as a negotiating side: "met Tamil
# Tiger leaders", "talks with the MILF", "the LRA delegation"
_UNLISTED_SIDES: Final = (
    r"tamil\s+tigers?|ltte|milf|moro\s+islamic\s+liberation\s+front|npa|new\s+people's\s+army|"
    r"lra|lord's\s+resistance\s+army|eta|ira|gam|free\s+aceh\s+movement|zapatistas?"
)
# an armed side, generic ("rebel leaders", "ethnic armed groups") or listed ("Houthi leaders",
# "PKK leader")
_ARMED_SIDE: Final = (
    r"(?:rebels?|insurgents?|guerrillas?|separatists?|militants?|militias?|maoists?|"
    r"armed\s+(?:groups?|movements?)|"
    + "|".join(
        re.escape(alias.lower())
        for name, aliases in ARMED_GROUPS.items()
        if name not in _STATE_FORCES
        for alias in aliases
        if alias not in _SHARED_ACRONYMS
    )
    + f"|{_UNLISTED_SIDES})"
)

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
        # ... or for a truce: "says it is open to a long-term truce"
        rf"\b{_NOT_AIM}{_IS}(?:open|ready)\s+(?:to|for)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+)?"
        r"(?:truce|cease-?\s?fire|armistice)\b",
        # ... or told by the noun: "reaffirmed his willingness to continue peace talks"
        r"\b(?:readiness|willingness)\s+to\s+(?:(?:meet|talk|negotiate|sit\s+down)\b|"
        r"(?:hold|resume|continue|open|start|join|return\s+to)\s+(?:the\s+)?"
        r"(?:(?:direct|peace|new|fresh)\s+)?(?:talks|negotiations|dialogue)\b)",
    ),
    "proposal_made/ready_bare": (
        # a headline's "Rebels ready for peace talks", with no verb: counted in a conflict's
        # context only (:data:`IN_CONTEXT`), not "Apple open to talks with regulators"
        rf"\b{_NOT_AIM}(?:open|ready)\s+(?:to|for)\s+(?:(?:direct|peace|new|fresh)\s+)?"
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
    "talks_held/latest": (
        # talks named as the latest of a series or by their level: "new talks with the rebels",
        # "the latest round of talks", "encouraged by the latest border talks", "to lead
        # technical talks with the junta" (a conflict's context, as other talks)
        # (not talks only possible: "sees potential new talks", nor talks to come: "a day
        # before new talks", "ready for new talks", "new talks ... are expected next week")
        r"(?<!potential\s)(?<!possible\s)(?<!prospective\s)(?<!likely\s)(?<!before\s)"
        r"(?<!ahead\sof\s)(?<!for\s)\b(?:new|latest|technical)"
        r"\s+(?:round\s+of\s+)?(?:[\w'-]+\s+)?(?:talks|negotiations)\b"
        r"(?![^.;]{0,80}?\b(?:(?:is|are)\s+(?:expected|due|set|scheduled|planned|likely)\b|"
        r"(?:will|would)\s+(?:be\s+held|begin|start|open|take\s+place)\b))",
    ),
    "proposal_made/overture": (
        # "made overtures to Japan to end the dispute", "extended an olive branch"
        r"\b(?:overtures?|olive\s+branch(?:es)?|peace\s+feelers?)\b",
    ),
    "talks_held/no_deal": (
        # talks that met and found no deal took place: "No final agreement at London Sudan
        # conference", "no breakthrough after two days of truce talks"
        r"\bno\s+(?:final\s+|immediate\s+|clear\s+|formal\s+|major\s+)?(?:deal|agreement|"
        r"breakthrough|accord|consensus)\s+(?:at|after|from|in|during)\s+(?:the\s+)?"
        r"(?:[\w'-]+\s+){0,4}?(?:talks|negotiations|conference|summit|meeting|round)\b",
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
        # ... or hold one, the sides its subject: "Iran and US envoys hold first face-to-face
        # meeting", "the two delegations convened a closed-door meeting" (not "to hold")
        # (the look-behinds follow each verb, so that the engine can skip ahead to it)
        rf"\b{_unplanned(_HOLD_VERBS)}"
        r"\s+(?:(?!(?:and|with|to|after|before|on|in|at|by)\s)[\w'-]+\s+){0,3}?meetings?\b",
        # ... a headline's present: "Abbas, Olmert meet in Jerusalem" (not "to meet")
        rf"\b{_unplanned(('meet',))}\s+(?:in|at|on|for|face\s+to\s+face)\b",
        # ... or speak or write to each other: "will speak with", "exchanged letters"
        r"\b(?:spoke|speak|speaks|talked|talk)\s+(?:by\s+(?:phone|telephone)\s+)?(?:with|to)\b",
        r"\b(?:exchanged|exchange|exchanging)\s+(?:[\w'-]+\s+)?letters\b",
    ),
    "talks_held/meeting_for_deal": (
        # a meeting held to reach a deal is talks, whoever the sides: "the two clans met to
        # reach a peace agreement", "held meetings with the militias (a place in brackets) to
        # forge a truce" (not "will meet": "held" and "met" tell it done)
        r"\b(?:met|(?:held|conducted|convened)\s+(?:(?:a|two|several|a\s+series\s+of)\s+)?"
        r"(?:[\w-]+\s+)?meetings?)\s+(?:(?!(?:but|after|before|when|while|then|yet|failed|"
        r"fail|unable|last|earlier|previously)\s)"
        r"[\w'-]+,?\s+|\([^().;]{0,60}\)\s+){0,14}?to\s+(?:reach|agree\s+on|sign|forge|seal|"
        r"hammer\s+out|work\s+out|conclude|negotiate|broker)\s+(?:(?:a|an|the)\s+)?"
        r"(?:[\w'-]+\s+){0,2}?(?:agreements?|deals?|accords?|truces?|cease-?\s?fires?|pacts?|"
        r"settlements?)\b",
    ),
    "talks_planned/meeting": (
        # ... or are to: "will speak with", "to meet the rival leader"
        r"\b(?:will|to|set\s+to|due\s+to|plans?\s+to|expected\s+to)\s+(?:meet\b|(?:speak|talk)\s+"
        r"(?:by\s+(?:phone|telephone)\s+)?(?:with|to)\b)",
    ),
    "hostage_release/return": (
        # "three men held by the militia returned home", "detained citizens back home"
        r"\b(?:held|detained|jailed|imprisoned)\s+(?:by|in)\s+(?:[\w.'-]+\s+){1,3}?"
        r"(?:return|returns|returned|arrive|arrives|arrived|(?:came|come|comes)\s+home|"
        r"(?:is|are|was|were)\s+back)\b",
        # "freed with a mediator's help", "released with the help of an envoy"
        rf"\b(?:freed|released)\b[^.;]{{0,60}}?\bwith\s+(?:(?:a|an|the)\s+)?(?:{_BROKER}'?s?\s+"
        rf"(?:help|aid|mediation|intervention)|(?:help|aid|mediation|intervention)\s+of\s+"
        rf"(?:(?:a|an|the)\s+)?(?:[\w.-]+\s+){{0,2}}?{_BROKER})\b",
    ),
    "vote_adopted/council": (
        # the Council's or the Assembly's vote told by what it does: "voted on Monday to renew
        # the arms embargo", "unanimously approved a measure demanding" (not "voted not to")
        rf"\b{_COUNCIL}\s+(?:[\w.,'-]+\s+){{0,4}}?(?:voted|votes)\s+"
        r"(?:(?!not\s|against\s)[\w,-]+\s+){0,5}?to\s+(?:extend|renew|impose|lift|authori[sz]e|"
        r"demand|call\s+for|condemn|establish|create|send|deploy|set\s+up|tighten|expand|back|"
        r"endorse|end)\b",
        rf"\b{_COUNCIL}\s+(?:[\w.,'-]+\s+){{0,4}}?(?:approved|approves|passed|passes|"
        r"authori[sz]ed|authori[sz]es|adopted|adopts|extended|extends|renewed|renews|imposed|"
        r"imposes|backed|backs|endorsed|endorses)\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:measure|text|draft|force|mission|mandate|plan|sanctions|embargo|deployment|"
        r"peacekeepers|peacekeeping\s+(?:force|mission|operation)|tribunal)\b",
    ),
    "vote_adopted/un": (
        # a headline's "UN" for its Council, right before what the vote does: "UN approves
        # peacekeepers for Darfur", "U.N. authorizes force" (not "UN chief approves")
        r"\b(?:u\.?n\.?|united\s+nations)\s+(?:approved|approves|authori[sz]ed|authori[sz]es|"
        r"backed|backs|endorsed|endorses|extended|extends|renewed|renews|imposed|imposes)\s+"
        r"(?:(?:a|an|the|its|new)\s+)?(?:[\w-]+\s+){0,2}?(?:resolution|force|mission|mandate|"
        r"sanctions|embargo|deployment|peacekeepers|peacekeeping\s+(?:force|mission|operation)|"
        r"troops|tribunal)\b",
    ),
    "ceasefire_started/halt": (
        # a side that stops fighting of its own accord: "declared a unilateral halt to
        # attacks", "announced a permanent end to its armed campaign", "called off their armed
        # struggle", "ordered its units to end their campaign"
        r"\b(?:announced|announces|announce|declared|declares|declare|ordered|orders)\s+"
        r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:halt|end|stop|suspension|cessation)\s+"
        rf"(?:to|of|in)\s+(?:(?:its|their|the|all)\s+)?(?:[\w-]+\s+){{0,3}}?{_FIGHTING}",
        r"\b(?:announced|announces|said|says|declared|declares)\s+(?:that\s+)?(?:it|they)\s+"
        r"(?:would|will)\s+(?:halt|stop|cease|suspend|end)\s+(?:(?:its|their|all)\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?{_FIGHTING}",
        r"\b(?:called|calls|call|calling)\s+off\s+(?:its|their|the)\s+(?:[\w-]+\s+)?"
        r"(?:armed\s+(?:campaign|struggle|rebellion)|insurgency|rebellion|jihad)\b",
        r"\b(?:ordered|orders)\s+(?:all\s+)?(?:its|their|his)\s+(?:units|fighters|members|"
        r"men|cadres|volunteers)\s+to\s+(?:end|stop|halt|cease)\s+(?:(?:their|its|all)\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{_FIGHTING}|campaign|struggle)",
    ),
    "ceasefire_started/stand_down": (
        # an armed side that stops shooting: "rival militias stood down after the talks",
        # "militants held their fire for a third day" (not police or troops, who stand down
        # from a duty; not "refused to stand down")
        rf"\b{_ARMED_SIDE}\s+(?:(?!(?:to|not|never|refused|refuse|refuses|refusing|would|will|"
        r"must|should)\s)[\w'-]+\s+){0,3}?(?:(?:stood|stand|stands|standing)\s+down|"
        r"(?:held|hold|holds|holding)\s+(?:their|its)\s+fire)\b",
        # ... or one its leader orders to: "ordered his militia to stand down"
        r"\b(?:ordered|orders|told|tells)\s+(?:(?:his|her|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:militias?|fighters|men|gunmen|followers|units)\s+to\s+(?:stand\s+down|"
        r"hold\s+(?:their|its)\s+fire)\b",
    ),
    "agreement_reached/under": (
        # a step the sides take under a new deal: "fighters were evacuated under a deal between
        # Russia and Turkey", "troops pulled back under an arrangement reached with UN help"
        # ("under the deal" tells an accord already reported)
        r"\b(?:evacuated|withdrew|withdrawn|pulled\s+(?:back|out)|left|ended|lifted|reopened|"
        r"subsided|stopped|halted|let|allowed|began|returned|disarmed|disbanded)\b[^.;]{0,60}?"
        r"\b(?:under|after|following|as\s+part\s+of)\s+an?\s+(?:[\w-]+\s+){0,2}?"
        r"(?:deal|arrangement|agreement|accord|understanding|pact)\s+(?:between|with|reached|"
        r"brokered|mediated|struck|agreed|signed)\b",
    ),
    "agreement_reached/settled": (
        # two sides that settle their dispute, or end a state of war: "settled their dispute
        # over the oil fees", "formally ended their state of war" (not an aim: "to resolve")
        r"\b(?:settled|settles|resolved|resolves)\s+(?:their|its|the)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:dispute|row|conflict|differences|feud|standoff|stand-off)\b",
        r"\b(?:ended|ends)\s+(?:their|the)\s+(?:[\w-]+\s+){0,2}?state\s+of\s+war\b",
    ),
    "talks_held/visit": (
        # a broker's or a side's envoys who travel to meet or to confer: "the envoy flew to
        # Kilinochchi to meet rebel leaders", "a mediator arrived in the capital for contacts
        # with the sides" (with a dispute named: :func:`negotiations._at_issue`)
        rf"\b{_BROKER}\b(?:(?!\b(?:who|whom|that|which)\b)[^.;]){{0,60}}?\b(?:arrived|arrives|"
        r"arriving|landed|lands|flew|flies|"
        r"travelled|traveled|travels|visited|visits|visiting|headed|heads)\b[^.;]{0,60}?"
        r"\b(?:to\s+(?:meet|discuss|seek|defuse|ease|mediate|end)|for\s+(?:contacts|"
        r"consultations|discussions|meetings))\b",
    ),
    "agreement_reached/roadmap": (
        # a side that accepts a roadmap, or a plan to end the fighting (not a plan of attack):
        # "the rebels accepted the AU roadmap", "accepted the plan to end the war"
        r"\b(?:accepted|accepts|accepting|accept)\s+(?:(?:the|a|an|its|their)\s+)?"
        r"(?!(?:his|her|my|your|our)\s)(?:[\w'-]+\s+){0,3}?(?:road\s?map|blueprint|plan\s+"
        r"(?:to\s+end|for\s+ending|for\s+peace|for\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:cease-?\s?fire|truce|settlement|pause)))\b",
    ),
    "hostage_release/home": (
        # people taken who come home: "nuns kidnapped in Mali last year arrived home", "the
        # crew seized by the navy returned to their families" (not those who escaped)
        r"\b(?:(?:kidnapped|abducted)\s+(?:by|in|from)|(?:captured|seized)\s+by)\s+"
        r"(?:(?!(?:and|but|who|after|then|escap\w*|fled|flee\w*)\s)[\w.'-]+\s+){1,5}?"
        r"(?:(?:have|has|had)\s+(?:been\s+)?|(?:were|was)\s+)?(?:returned|returns|return|arrived|"
        r"arrives|arrive|came|come|"
        r"comes|(?:is|are|was|were)\s+(?:now\s+)?back)\s+(?:safely\s+)?"
        r"(?:home|to\s+(?:their|his|her)\s+(?:homes?|famil(?:y|ies)|villages?))\b",
        # ... or whom their side brings home: "Kyiv brought home 200 soldiers held by Russia"
        r"\b(?:brought|brings|bring|bringing)\s+(?:back\s+)?home\s+[^.;]{0,40}?\b(?:held|"
        r"detained|captured|imprisoned|kidnapped|abducted)\s+(?:by|captive|hostage)\b",
    ),
    "hostage_release/handback": (
        # a side that hands back people it holds: "handed back 20 fishermen it had detained",
        # "sent back six captured soldiers" (not citizens brought out of a war zone)
        rf"\b(?:handed|hands|handing|sent|sends|sending)\s+back\s+(?:the\s+)?{_COUNT}\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_TAKEN}\s+(?:(?:whom\s+|that\s+)?(?:it|they)\s+(?:had\s+)?)?"
        r"(?:captured|held|detained|seized|abducted|kidnapped|arrested|imprisoned|jailed)\b",
        rf"\b(?:handed|hands|handing|sent|sends|sending)\s+back\s+(?:the\s+)?{_COUNT}\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:captured|detained|captive|abducted|kidnapped|jailed)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_TAKEN}\b",
    ),
}

# a dispute between states: what makes their meeting a step in it
_DISPUTE: Final = re.compile(
    r"\b(?:disputes?|disputed|crisis|tensions?|standoff|stand-off|rivals?|rivalry|hostile|nuclear|"
    r"missiles?|territor(?:y|ies|ial)|"
    r"denucleari\w*|hostages?|detained|jailed|prisoners?|war|warring|conflict|invasion|"
    r"sanctions)\b"
)
# ... which allies do not have
_ALLIES: Final = re.compile(r"\b(?:allies|ally|allied|alliance|partners|friends)\b")
VISIT: Final = "talks_held/visit"
"""The variant that counts only beside a dispute, a region at war or an armed side."""
SETTLED: Final = "agreement_reached/settled"
"""The variant that counts only between two states or beside an armed side
(:func:`between_sides`): neighbours and firms settle disputes too."""
MEETINGS: Final = frozenset({"talks_held/meeting", "talks_planned/meeting"})
"""The variants that count only between two states at odds (:func:`across_a_dispute`)."""
IN_CONTEXT: Final = frozenset({"proposal_made/ready_bare"})
"""The variants that count only in a conflict's context (other proposals need none)."""


# a state's political side: who meets an armed side to negotiate (not its troops, who fight it)
_STATE_SIDE: Final = (
    r"(?:(?:government|junta)(?!\s+(?:forces|troops|soldiers))|officials|presidents?|"
    r"prime\s+minister|authorities|ministers?|envoys?|mediators?|negotiators|delegations?)"
)
# words that end the phrase a meeting's sides stand in ("army chiefs met after rebels
# struck"), or tell the meeting as a fight ("met stiff resistance")
_OFF_SIDE: Final = (
    r"(?:after|before|against|to|on|about|over|amid|as|following|when|while|who|which|that|"
    r"at|in|by|of|from|resistance|fire|force|fierce|heavy|stiff|opposition|attacks?|clashe?s?|"
    r"fighting|killed)"
)
# the side met: the armed side or the state's itself, or its leaders or envoys ("met leaders
# of seven ethnic armed groups"), not people it harmed ("met families of those killed by
# militants")
_OBJECT: Final = (
    r"(?:\s+with)?\s+(?:(?:the|a|an|his|her|their|its|top|senior|key)\s+)?"
    r"(?:(?:leaders?|representatives|commanders?|chiefs?|delegates|envoys?|members|heads?|"
    r"(?:a\s+)?delegation)\s+(?:of|from)\s+(?:(?:the|a|an)\s+)?)?"
    rf"(?:(?!{_OFF_SIDE}\b)[\w'-]+\s+){{0,2}}?"
)
# an armed side's word naming others it harmed or holds ("militia victims", "rebel
# prisoners"), or a party's or a board's dissenters ("rebel MPs")
_NOT_THE_SIDE: Final = (
    r"(?!\s+(?:victims?|attacks?|raids?|violence|threats?|suspects?|prisoners?|detainees?|"
    r"hostages?|captives?|killings?|abuses?|atrocities|survivors?|widows?|families|defectors?|"
    r"mps|lawmakers|legislators|deputies|senators|backbenchers|shareholders|investors|"
    r"priests?|bishops?|clergy|voters)\b)"
)
_ARMED_MET: Final = re.compile(rf"{_OBJECT}{_ARMED_SIDE}\b{_NOT_THE_SIDE}")
_STATE_MET: Final = re.compile(rf"{_OBJECT}{_STATE_SIDE}\b")


def _named_before(side: str) -> re.Pattern[str]:
    """``side`` among the last six words before a meeting, none of them an off-side word."""
    return re.compile(rf"\b{side}\b(?:\s+(?!{_OFF_SIDE}\b)[\w'.,-]+){{0,6}}?\s*$")


_ARMED_BEFORE: Final = _named_before(_ARMED_SIDE)
_STATE_BEFORE: Final = _named_before(_STATE_SIDE)
_PAIRED: Final = re.compile(
    rf"\b(?:{_ARMED_SIDE}\b[^.;]{{0,40}}?\band\s+(?:the\s+)?(?:[\w'-]+\s+)?{_STATE_SIDE}|"
    rf"{_STATE_SIDE}\b[^.;]{{0,40}}?\band\s+(?:the\s+)?(?:[\w'-]+\s+)?{_ARMED_SIDE})\b"
)


def meets_an_armed_side(lowered: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the meeting ``lowered[start:end]`` in the sentence ``[lo:hi]`` is between a
    state's political side and an armed side: one its subject, the other its object ("the
    president met rebel leaders", "rebels will meet government officials") or both joined
    by "and" before it ("the rebels and the government will meet")."""
    before = lowered[max(lo, start - 80) : start]
    if _ARMED_BEFORE.search(before):
        return bool(_STATE_MET.match(lowered, end, hi) or _PAIRED.search(before))
    return bool(_STATE_BEFORE.search(before) and _ARMED_MET.match(lowered, end, hi))


# an envoy harmed, not at work: "militants killed an envoy who arrived to meet elders"
_HARMED_BEFORE: Final = re.compile(
    r"\b(?:kill\w*|attack\w*|ambush\w*|kidnap\w*|abduct\w*|shot|shoot\w*|assassinat\w*|"
    r"targeted|wounded|injured)\b[^.;]*$"
)


def envoy_harmed(lowered: str, lo: int, start: int) -> bool:
    """Whether the sentence before ``start`` (from ``lo``) tells the envoy harmed."""
    return _HARMED_BEFORE.search(lowered, max(lo, start - 80), start) is not None


def between_sides(text: str) -> bool:
    """Whether the lower-cased ``text`` names two listed states or an armed side."""
    return len(states_at_odds(text)) > 1 or names_an_armed_side(text)


def names_a_dispute(text: str) -> bool:
    """Whether the lower-cased ``text`` names a dispute (a crisis, a war, captives)."""
    return _DISPUTE.search(text) is not None


# a meeting that only dates other news: "a day after the two met"
_DATES_NEWS: Final = re.compile(r"\b(?:after|since|before|when)\s+(?:[\w'-]+\s+){0,3}$")
# ... or two nations' teams that meet in a contest: "met in the World Cup final"
_CONTEST: Final = re.compile(
    r"\b(?:world\s+cup|cup|finals?|semi-?finals?|quarter-?finals?|qualifiers?|qualifying|"
    r"matches|match|tournament|olympics?|games|championships?|league|fixtures?)\b"
)


def rivals_meet(lowered: str, lo: int, start: int, text: str) -> bool:
    """Whether the meeting at ``lowered[start:]`` (in a sentence from ``lo``) is told by
    "met"/"meet", not as the date of other news, and the lower-case ``text`` (its sentence
    and the text beside it) names two sides of a standing dispute (``RIVALS``: "the leaders
    of China and Taiwan met"), not allies nor teams in a contest: their meeting is a step in
    it without a word of the dispute beside it."""
    return (
        lowered.startswith(("met ", "meet "), start)
        and _DATES_NEWS.search(lowered, max(lo, start - 40), start) is None
        and _ALLIES.search(text) is None
        and _CONTEST.search(text) is None
        and rivals_named(states_at_odds(text))
    )


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
    "proposal_made/ready": (
        (
            "ready to",
            "willing to",
            "prepared to",
            "open to",
            "ready for",
            "readiness to",
            "willingness to",
        ),
    ),
    "proposal_made/ready_bare": (("open to", "ready for"), ("talks", "negotiations", "dialogue")),
    "vote_adopted/backed": (
        ("support", "back", "endorse", "lined up", "line up", "green light"),
        ("resolution", "green light"),
    ),
    "talks_held/latest": (("new ", "latest", "technical"), ("talks", "negotiations")),
    "proposal_made/overture": (("overture", "olive branch", "peace feeler"),),
    "talks_held/no_deal": (
        ("no ",),
        ("deal", "agreement", "breakthrough", "accord", "consensus"),
        ("talks", "negotiations", "conference", "summit", "meeting", "round"),
    ),
    "talks_held/judged": (("talks", "negotiations"), _VERDICTS),
    "talks_held/negotiators": (
        ("negotiators",),
        ("seek", "sought", "push", "press", "work", "haggl", "wrangl", "race"),
    ),
    "talks_held/meeting": (
        (
            "met ",
            "meet ",
            "meets",
            "meeting",
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
    "talks_held/meeting_for_deal": (
        ("met ", "meeting"),
        (
            "reach",
            "agree on",
            "sign",
            "forge",
            "seal",
            "hammer out",
            "work out",
            "conclude",
            "negotiate",
            "broker",
        ),
        ("agreement", "deal", "accord", "truce", "cease", "pact", "settlement"),
    ),
    "talks_planned/meeting": (("will ", "to ", "plan", "expected"), ("meet", "speak", "talk ")),
    "hostage_release/return": (
        ("held ", "detained", "jailed", "imprisoned", "freed", "released"),
        (
            "return",
            "arrive",
            "back",
            "help",
            "aid",
            "mediation",
            "intervention",
            "came home",
            "come home",
            "comes home",
        ),
    ),
    "vote_adopted/council": (
        ("security council", "assembly"),
        ("vot", "approv", "pass", "authori", "adopt", "extend", "renew", "impos", "back", "endors"),
    ),
    "vote_adopted/un": (
        ("un ", "u.n.", "united nations"),
        ("approv", "authori", "back", "endors", "extend", "renew", "impos"),
    ),
    "ceasefire_started/halt": (
        ("announc", "declar", "order", "said", "says", "call"),
        ("halt", "end", "stop", "suspen", "cessation", "cease", "off "),
        (
            "attacks",
            "fighting",
            "hostilities",
            "violence",
            "shelling",
            "rocket fire",
            "insurgen",
            "armed",
            "military",
            "campaign",
            "struggle",
            "rebellion",
            "jihad",
        ),
    ),
    "ceasefire_started/stand_down": (
        (
            "stood down",
            "stand down",
            "stands down",
            "standing down",
            "held their fire",
            "hold their fire",
            "holds their fire",
            "holding their fire",
            "held its fire",
            "hold its fire",
            "holds its fire",
            "holding its fire",
        ),
    ),
    "agreement_reached/under": (
        ("under", "after", "following", "as part of"),
        ("deal", "arrangement", "agreement", "accord", "understanding", "pact"),
        ("between", "with", "reached", "brokered", "mediated", "struck", "agreed", "signed"),
    ),
    "agreement_reached/settled": (
        ("settled", "settles", "resolved", "resolves", "ended", "ends"),
        (
            "dispute",
            "row",
            "conflict",
            "differences",
            "feud",
            "standoff",
            "stand-off",
            "state of war",
        ),
    ),
    "talks_held/visit": (
        ("envoy", "mediator", "emissar", "delegation", "negotiators", "diplomat"),
        ("arriv", "landed", "lands", "flew", "flies", "travel", "visit", "head"),
        (
            "to meet",
            "to discuss",
            "to seek",
            "to defuse",
            "to ease",
            "to mediate",
            "to end",
            "for contacts",
            "for consultations",
            "for discussions",
            "for meetings",
        ),
    ),
    "agreement_reached/roadmap": (
        ("accept",),
        ("roadmap", "road map", "blueprint", "plan to end", "plan for"),
    ),
    "hostage_release/home": (
        ("kidnapped", "abducted", "captured", "seized", "held ", "detained", "imprisoned"),
        ("home", "famil", "village"),
    ),
    "hostage_release/handback": (
        ("handed back", "hands back", "handing back", "sent back", "sends back", "sending back"),
        (
            "captured",
            "held",
            "detained",
            "seized",
            "abducted",
            "kidnapped",
            "arrested",
            "imprisoned",
            "jailed",
            "captive",
        ),
    ),
}
"""Gate stem groups of the variants above, read with ``lexicon.NEGOTIATION_GATES``."""
