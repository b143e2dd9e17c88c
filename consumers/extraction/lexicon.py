"""Keywords for military and humanitarian signals, and cue words that select sentences.

``SIGNAL_TERMS`` maps ``(category, name)`` to its surface forms. ``CUES`` maps a sentence
cue (``negotiation``, ``casualty``) to word stems; a sentence is read by the matching
extractor only when it holds one of them.
"""

from __future__ import annotations


def _plural(*forms: str) -> tuple[str, ...]:
    """Each form and its plural with a trailing "s"."""
    return tuple(f for form in forms for f in (form, form + "s"))


SIGNAL_TERMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("military", "airstrike"): (
        *_plural("airstrike", "air strike", "air-strike", "air raid", "airraid", "bombardment",
                 "aerial bombardment", "bombing", "warplane", "fighter jet", "strike",
                 "aerial attack", "missile strike", "bombing raid"),
        "bombed", "struck", "pounded", "airstrikes",
    ),
    ("military", "rocket_launch"): (
        *_plural("rocket", "rocket launch", "rocket barrage", "projectile", "rocket attack"),
        "rocket fire", "rocket launches", "fired rockets",
    ),
    ("military", "air_raid_siren"): (
        *_plural("siren", "air raid siren", "air-raid siren", "warning siren", "red alert"),
    ),
    ("military", "ground_operation"): (
        *_plural("ground operation", "ground offensive", "ground invasion", "ground incursion",
                 "ground assault", "ground troop", "ground force", "incursion",
                 "clearing operation",
                 "Israeli tank"),
        "final clearing", "ground fighting", "troops pushed", "troops advanced", "ground war",
    ),
    ("military", "tunnel"): (*_plural("tunnel", "tunnel network", "tunnel shaft"),),
    ("military", "shelling"): (
        *_plural("shell", "mortar", "tank shell", "artillery strike"),
        "shelling", "shelled", "artillery", "artillery fire", "mortar fire", "tank fire",
    ),
    ("military", "drone_strike"): (
        *_plural("drone strike", "drone attack", "drone-strike", "kamikaze drone", "armed drone",
                 "attack drone", "explosive drone", "explosive-laden drone", "UAV strike"),
    ),
    ("humanitarian", "aid_delivery"): (
        *_plural("aid truck", "aid convoy", "relief convoy", "aid delivery", "aid shipment",
                 "airdrop", "air drop", "aid flight", "food parcel"),
        "aid deliveries", "humanitarian aid", "humanitarian assistance", "relief supplies",
        "humanitarian supplies", "food aid", "aid entered", "aid flows", "aid into",
    ),
    ("humanitarian", "displacement"): (
        *_plural("evacuation order", "displaced person", "displacement camp"),
        "displaced", "displacement", "fled their homes", "forced to flee", "uprooted",
        "fled south", "fled north", "flee south", "evacuate", "evacuated", "homeless",
    ),
    ("humanitarian", "communication_outage"): (
        *_plural("outage", "communications blackout", "communication blackout",
                 "telecommunications blackout", "internet blackout", "phone blackout",
                 "network outage", "internet outage", "communications outage"),
        "blackout", "cut off from the internet", "phone lines were down", "lost connectivity",
        "no internet", "networks went down", "telecommunications were cut",
        "communications were cut", "telecoms were cut", "internet was cut", "internet was cut off",
        "phone lines were cut", "phone and internet services were cut", "connectivity was cut",
        "telecommunications went down", "communications went down", "internet went down",
        "telecommunications were down", "communications were down", "internet was down",
    ),
    ("humanitarian", "shortage"): (
        *_plural("shortage"),
        "running out of", "ran out of", "run out of", "scarcity", "lack of food",
        "lack of water", "lack of fuel", "lack of medicine", "famine", "starvation",
        "starving", "hunger", "no fuel", "no clean water",
    ),
    ("humanitarian", "hospital_damage"): (*_plural("hospital"),),
}  # fmt: skip

# surface forms that look like a signal but are not one
NOT_SIGNALS = (
    "hunger strike",
    "hunger strikes",
    "general strike",
    "water tank",
    "fuel tank",
    "shell company",
    "shell companies",
    "strike a deal",
    "struck a deal",
)
HOSPITAL_DAMAGE = (
    r"\b(?:struck|hit|damaged|destroyed|bombed|shelled|raided|stormed|attacked|besieged|"
    r"surrounded|out\s+of\s+service|stopped\s+functioning|ceased\s+functioning|collapsed?|"
    r"evacuated|targeted|strike\s+on|strikes\s+on|attack\s+on|raid\s+on|siege\s+of|fire)\b"
)

CUES: dict[str, tuple[str, ...]] = {
    "negotiation": (
        "talk", "negotiat", "ceasefire", "cease-fire", "cease fire", "truce", "deal", "agreement",
        "accord", "proposal", "offer", "plan", "hostage", "captive", "prisoner", "detainee",
        "swap", "exchange", "pause", "resolution", "vote", "voted", "veto", "mediat", "broker",
        "framework", "release", "freed", "armistice", "halt", "calls for", "called for", "urged",
        "demand",
        "surrender",
        "agree",
        "laid down",
        "lay down",
        "memorandum",
        "protocol",
        "pact",
        "dialogue",
        "peace meeting",
        "peace conference",
        "reconcil",
        "cessation",
        "treaty",
        "declaration",
        "initial",
        "inked",
        "consensus",
        "red cross",
        "red crescent",
        "icrc",
        "delegat",
        "envoys",
        "handed in",
        "hand in",
        "hands in",
        "lays down",
        "set free",
        "captors",
        "regain",
        "free",
        "frees",
        "sides meet",
        "sides met",
        "parties meet",
        "parties met",
        "factions meet",
        "factions met",
        "captivity",
        "pows",
        "guns fell silent",
        "guns fall silent",
        "guns have fallen silent",
        "guns went silent",
        "settlement",
        "peace process",
        "himself up",
        "herself up",
        "themselves up",
        "itself up",
        "kidnappers",
        "abductors",
        "ready to",
        "willing to",
        "prepared to",
        "green light",
        "held by",
        "detained by",
        "detained in",
        "jailed by",
        "jailed in",
        "imprisoned by",
        "imprisoned in",
    ),
    "casualty": (
        "killed", "kill", "dead", "died", "die", "death", "fatalit", "slain", "perish", "martyr",
        "wounded", "wound", "injur", "hurt", "missing", "unaccounted", "hostage", "captive",
        "kidnap", "abduct", "arrest", "detain", "detention", "bodies", "lost their lives", "toll",
        "shot", "gunned", "lynch", "trapped", "rubble", "rounded up", "custody", "bring", "raising",
        "taking", "lost his life", "lost her life", "own life", "succumb", "murder", "slew",
        "slaughter", "burnt alive", "burned alive", "himself", "herself", "body", "behead",
        "gun down", "guns down", "casualties coded", "assassinat",
    ),
}  # fmt: skip

_TALK = ("talk", "negotiat", "discussion", "consultation")
_TRUCE = ("fire", "ceasefire", "ceasefires", "truce", "armistice", "cessation")
_FREE = ("releas", "free", "return", "hand")
# negotiation event -> groups of word stems; a sentence must hold a stem of every group
# before the event's patterns are tried, which skips most regex searches
NEGOTIATION_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "talks_planned": (
        (*_TALK, "meeting"),
        (
            "schedul",
            "expect",
            "plan",
            "set",
            "due",
            "slated",
            "will",
            "to ",
            "upcoming",
            "round",
            "fresh",
            "on ",
            "next",
        ),
    ),
    "talks_held": (
        (
            *_TALK,
            "discuss",
            "work out",
            "hammer out",
            "dialogue",
            "peace process",
            "peace meeting",
            "peace conference",
            "reconciliation",
        ),
        (
            "conven",
            "host",
            "organi",
            "start",
            "open",
            "launch",
            "join",
            "kick",
            "got under",
            "begun",
            "begin",
            "held",
            "hold",
            "resum",
            "continu",
            "began",
            "conclud",
            "wrap",
            "conduct",
            "took place",
            "under",
            "stall",
            "ended",
            "broke off",
            "ongoing",
            "progress",
            "engag",
            "involved",
            "direct",
            "indirect",
            "intens",
            "marathon",
            "closed",
            "level",
            "of talks",
            "of negotiations",
            "in talks",
            "met",
            "discuss",
        ),
    ),
    "talks_held/peace": (
        ("peace", "reconciliation"),
        ("conference", "dialogue", "summit", "forum", "meeting", "talks"),
        (
            "open",
            "began",
            "begin",
            "start",
            "got under",
            "took place",
            "held",
            "conclud",
            "resum",
            "kick",
            "conven",
            "met",
            "meet",
            "gathered",
        ),
    ),
    "talks_held/delegations": (
        ("delegat", "negotiators", "envoys", "negotiating team", "mediators"),
        ("met", "meet", "gathered", "conven", "sat down", "progress"),
    ),
    "talks_held/sides": (("sides", "parties", "factions", "camps"), ("met", "meet", "sat down")),
    "talks_held/travel": (
        (
            "arriv",
            "landed",
            "lands",
            "met",
            "meet",
            "head",
            "travel",
            "flies",
            "flew",
            "sends",
            "sent",
            "dispatch",
            "delegat",
            "negotiators",
            "envoy",
        ),
        (
            "for talks",
            "for negotiations",
            "for ceasefire",
            "for peace",
            "for truce",
            "for direct",
            "for indirect",
            "for fresh",
            "for new",
            "for a new",
            "for further",
            "for more",
        ),
    ),
    "talks_held/mediation": (
        ("negotiating", "negotiate", "mediating", "mediated", "mediates", "mediate ", "brokering"),
    ),
    "proposal_made": (("propos", "plan", "offer", "framework", "initiative", "roadmap"),),
    "proposal_rejected": (("reject", "dismiss", "turn", "refus", "rebuff", "spurn"),),
    "agreement_reached": (
        (
            "agree",
            "propos",
            "offer",
            "framework",
            "terms",
            "deal",
            "accord",
            "understanding",
            "breakthrough",
            *_TRUCE,
            "pact",
            "memorandum",
            "mou",
            "peace",
            "protocol",
            "treaty",
            "declaration",
            "settlement",
            "consensus",
        ),
        (
            "agree",
            "conclud",
            "broker",
            "reach",
            "struck",
            "seal",
            "sign",
            "clinch",
            "final",
            "agreed",
            "breakthrough",
            "announce",
            "approv",
            "ratif",
            "endors",
            "accept",
            "negotiated",
            "inked",
            "hammered",
            "initial",
            "secured",
            "commit",
            "made peace",
            "make peace",
            "makes peace",
            "making peace",
        ),
    ),
    "agreement_reached/effect": (
        ("agreement", "deal", "accord", "pact", "treaty"),
        ("effect", "force"),
    ),
    "agreement_reached/headline": (
        (
            "broker",
            "seal",
            "clinch",
            "ink",
            "secure",
            "agree",
            "finalis",
            "finaliz",
            "strike",
            "approves",
            "ratifies",
            "endorses",
            "backs",
            "votes",
        ),
        (*_TRUCE, "deal", "agreement", "accord", "pact", "treaty", "settlement"),
    ),
    "ceasefire_started": (
        _TRUCE,
        (
            "effect",
            "hold",
            "force",
            "began",
            "begin",
            "start",
            "kicked",
            "holding",
            "held",
            "place",
            "onset",
            "enter",
            "resulted",
            "announc",
            "declar",
            "proclaim",
            "observ",
            "respect",
            "take",
        ),
    ),
    "ceasefire_started/silent": (("silent",),),
    "ceasefire_violated": (
        _TRUCE,
        (
            "violat",
            "breach",
            "broke",
            "shatter",
            "collaps",
            "crumbl",
            "apart",
            "unravel",
            "ended",
            "expired",
            "end",
        ),
    ),
    "truce_extended": (("exten", "prolong", "renew"),),
    "surrender": (
        (
            "surrender",
            "laid down",
            "lay down",
            "laying down",
            "lays down",
            "handed in",
            "hand in",
            "hands in",
            "handed over",
            "turned themselves",
            "handed themselves",
        ),
    ),
    "hostage_release": (("hostage", "captive", "abductee", "crew", "sailors", "seafarers"), _FREE),
    "hostage_release/deal": (
        ("free", "releas", "return", "handed over", "hands over"),
        (
            "negotiat",
            "deal",
            "agreement",
            "mediat",
            "talks",
            "truce",
            "ceasefire",
            "fire",
            "cessation",
        ),
    ),
    "hostage_release/captors": (
        ("releas", "freed", "set free"),
        ("captors", "kidnappers", "abductors", "militants", "rebels", "gunmen", "insurgents"),
    ),
    "hostage_release/captivity": (
        ("captivity", "pows", "prisoners of war"),
        (
            "return",
            "brought back",
            "brings back",
            "came home",
            "come home",
            "comes home",
            "repatria",
            "freed",
            "releas",
        ),
    ),
    "hostage_release/persons": (
        (
            "kidnapped",
            "abducted",
            "captured",
            "jailed",
            "detained",
            "imprisoned",
            "freedom",
            "held",
        ),
        ("releas", "free", "return", "handed over", "hands over"),
    ),
    "hostage_release/secured": (
        ("negotiated", "secured", "won", "obtained"),
        ("release",),
    ),
    "hostage_release/handover": (
        ("icrc", "red cross", "red crescent"),
        ("hand", "releas", "free", "transferred"),
    ),
    "prisoner_release": (("prisoner", "detainee", "inmate", "jails"), _FREE),
    "hostage_exchange": (("swap", "exchange", "trade", "return for", "for every", "for each"),),
    "humanitarian_pause": (("pause", "humanitarian truce", "humanitarian lull"),),
    "resolution_drafted": (("resolution", "draft text"),),
    "vote_scheduled": (("vote",),),
    "vote_postponed": (
        ("vote",),
        ("postpone", "delay", "put off", "pushed back", "defer", "reschedul"),
    ),
    "vote_adopted": (("resolution", "vote"),),
    "vote_vetoed": (("veto", "blocked", "blocks"),),
    "call_for_ceasefire": (
        _TRUCE,
        ("call", "urg", "demand", "appeal", "press", "push", "plead", "plea"),
    ),
}
# Patterns run on lower-cased text without IGNORECASE and without a leading ``\b``, which
# lets the regex engine skip ahead on the first literal; the word boundary is checked after.

# one person named by a bare singular noun, as headlines write a victim with no article
# ("Mob lynches suspected thief", "Raiders kill herder near well")
ONE_VICTIM_NOUNS = frozenset(
    """man woman boy girl child baby infant teenager teen youth suspect thief robber rapist
    kidnapper burglar bandit rustler officer policeman policewoman constable soldier guard
    watchman farmer herder herdsman pastoralist shepherd trader vendor hawker businessman
    shopkeeper driver rider motorcyclist chief headman elder pastor priest imam cleric
    teacher student pupil villager resident civilian journalist reporter worker fisherman
    hunter doctor nurse official politician councillor mp mca chairman leader commander
    militant fighter gunman attacker assailant relative neighbour neighbor wife husband
    son daughter father mother brother sister widow granny grandmother grandfather person
    member activist supporter tourist pilgrim refugee prisoner inmate ranger agent bodyguard
    informant informer lecturer professor warden landlord tenant passenger pedestrian motorist
    cyclist jawan cop sergeant inspector corporal constable lawyer judge magistrate mayor
    governor minister legislator candidate voter protester protestor demonstrator labourer
    laborer engineer contractor employee manager owner customer patient healer herbalist
    sympathiser sympathizer poacher smuggler trafficker volunteer vigilante guide porter miner
    monk nun bishop sheikh housewife maid cook environmentalist businesswoman reservist raider
    insurgent rebel jihadist terrorist guerrilla militiaman thug hoodlum cultist bystander
    passerby toddler pensioner catechist seminarian emir monarch ruler detainee""".split()
)
