"""Parties and mediators of a negotiation sentence, for any conflict.

States come from ISO 3166 (``pycountry``) with short everyday aliases; armed groups and
international bodies are listed below with their aliases. A capitalised name that is the
subject of the negotiation verb, or stands after "between ... and", "with" or "from", is
reported even when no list knows it ("the Pokot and the Marakwet signed a truce").
An actor is a mediator when it is a known broker or is named after "mediated by",
"brokered by", "hosted by" and the like; otherwise it is a party.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

import ahocorasick
import pycountry

# everyday names of states whose ISO name is long or inverted ("Iran, Islamic Republic of")
_STATE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "Russia": ("Russia", "Russian", "Moscow", "Kremlin"),
    "Ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "Syria": ("Syria", "Syrian", "Damascus"),
    "Iran": ("Iran", "Iranian", "Tehran"),
    "Israel": ("Israel", "Israeli"),
    "Palestine": ("Palestine", "Palestinian"),
    "United States": ("United States", "US", "U.S.", "USA", "Washington", "American"),
    "United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "British", "London"),
    "Democratic Republic of the Congo": ("DRC", "DR Congo", "Democratic Republic of Congo",
                                         "Democratic Republic of the Congo", "Kinshasa"),
    "Republic of the Congo": ("Republic of Congo", "Congo-Brazzaville"),
    "South Korea": ("South Korea", "Seoul"),
    "North Korea": ("North Korea", "Pyongyang"),
    "Turkey": ("Turkey", "Turkiye", "T\u00fcrkiye", "Turkish", "Ankara"),
    "Venezuela": ("Venezuela",),
    "Bolivia": ("Bolivia",),
    "Tanzania": ("Tanzania",),
    "Moldova": ("Moldova",),
    "Laos": ("Laos",),
    "Vietnam": ("Vietnam", "Viet Nam"),
    "Ivory Coast": ("Ivory Coast", "C\u00f4te d'Ivoire", "Cote d'Ivoire"),
    "Egypt": ("Egypt", "Egyptian", "Cairo"),
    "Qatar": ("Qatar", "Qatari", "Doha"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi", "Riyadh"),
    "Sudan": ("Sudan", "Sudanese", "Khartoum"),
    "South Sudan": ("South Sudan", "Juba"),
    "Ethiopia": ("Ethiopia", "Ethiopian", "Addis Ababa"),
    "Oman": ("Oman", "Omani", "Muscat"),
    "Yemen": ("Yemen", "Yemeni"),
    "Afghanistan": ("Afghanistan", "Afghan", "Kabul"),
    "China": ("China", "Chinese", "Beijing"),
    "Kenya": ("Kenya", "Kenyan", "Nairobi"),
}  # fmt: skip
ARMED_GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "Hamas": ("Hamas", "Qassam Brigades"),
    "Palestinian Islamic Jihad": ("Islamic Jihad", "PIJ"),
    "Hezbollah": ("Hezbollah", "Hizbollah", "Hizballah"),
    "Houthis": ("Houthis", "Houthi", "Ansar Allah"),
    "Taliban": ("Taliban",),
    "Islamic State": ("Islamic State", "ISIS", "ISIL", "Daesh", "IS Sahel", "ISWAP"),
    "al-Qaeda": ("al-Qaeda", "al-Qaida", "AQAP", "AQIM"),
    "al-Shabaab": ("al-Shabaab", "Al Shabaab", "al-Shabab"),
    "JNIM": ("JNIM", "Group for Support of Islam and Muslims"),
    "Boko Haram": ("Boko Haram",),
    "Rapid Support Forces": ("Rapid Support Forces", "RSF"),
    "Sudanese Armed Forces": ("Sudanese Armed Forces", "SAF"),
    "SPLM-N": ("SPLM-N", "SPLA", "SPLM", "SPLA/M"),
    "M23": ("M23", "March 23 Movement"),
    "ADF": ("Allied Democratic Forces", "ADF"),
    "TPLF": ("TPLF", "Tigray People's Liberation Front", "Tigrayan forces"),
    "FARC": ("FARC", "FARC-EP"),
    "ELN": ("ELN", "National Liberation Army"),
    "PKK": ("PKK", "Kurdistan Workers' Party"),
    "SDF": ("SDF", "Syrian Democratic Forces"),
    "HTS": ("HTS", "Hayat Tahrir al-Sham"),
    "Wagner Group": ("Wagner", "Wagner Group"),
    "Arakan Army": ("Arakan Army",),
    "KIA": ("Kachin Independence Army", "KIA"),
    "MNLA": ("MNLA",),
    "Southern Transitional Council": ("Southern Transitional Council", "STC"),
    "Libyan National Army": ("Libyan National Army", "LNA", "Haftar"),
    "Palestinian Authority": ("Palestinian Authority",),
    "Israel Defense Forces": ("IDF", "Israel Defense Forces", "Israeli army", "Israeli military"),
}  # fmt: skip
BODIES: Final[dict[str, tuple[str, ...]]] = {
    "United Nations": ("United Nations", "UN", "U.N."),
    "UN Security Council": ("Security Council", "UN Security Council", "U.N. Security Council"),
    "African Union": ("African Union", "AU"),
    "European Union": ("European Union", "EU"),
    "Arab League": ("Arab League",),
    "ECOWAS": ("ECOWAS", "Economic Community of West African States"),
    "IGAD": ("IGAD",),
    "OSCE": ("OSCE",),
    "NATO": ("NATO",),
    "Red Cross": ("Red Cross", "ICRC", "International Committee of the Red Cross"),
    "Gulf Cooperation Council": ("Gulf Cooperation Council", "GCC"),
    "Vatican": ("Vatican", "Holy See", "Sant'Egidio", "Community of Sant'Egidio"),
}  # fmt: skip
BROKERS: Final = frozenset({"United Nations", "UN Security Council", "African Union",
                            "European Union", "Arab League", "ECOWAS", "IGAD", "OSCE", "Red Cross",
                            "Vatican", "Qatar", "Egypt", "Oman", "Turkey", "Norway", "Switzerland",
                            "United States", "Saudi Arabia",
                            "Gulf Cooperation Council"})  # fmt: skip
_CASE_SENSITIVE_MAX: Final = 5  # aliases this short, or all capitals, match only in their own case
_MEDIATOR_CUE: Final = re.compile(
    r"(?:mediat\w*|brokered|facilitated|hosted|sponsored|guaranteed|convened)\s+by\s+(?:the\s+)?$|"
    r"(?:under\s+the\s+auspices\s+of|with\s+the\s+mediation\s+of|mediators?\s+from|in\s+talks\s+"
    r"hosted\s+by)\s+(?:the\s+)?$"
)
_NAME: Final = (
    r"(?:[A-Z][\w'.-]+|al-[A-Z][\w'-]+)(?:\s+(?:of\s+|al-|de\s+|the\s+)?[A-Z][\w'.-]+){0,4}"
)
_UNKNOWN: Final = (
    re.compile(rf"\bbetween\s+(?:the\s+)?({_NAME})\s+and\s+(?:the\s+)?({_NAME})"),
    re.compile(rf"\b(?:with|from|by)\s+(?:the\s+)?({_NAME})"),
)
_SUBJECT: Final = re.compile(
    rf"(?:^|[,;]\s+|\b[Tt]he\s+)({_NAME})(?:\s+and\s+(?:the\s+)?({_NAME}))?\s+\S*$"
)
_ARTICLE: Final = re.compile(r"(?:The|A|An)\s+")
_NOT_ACTOR: Final = frozenset({"The", "A", "An", "On", "In", "At", "After", "Before", "During",
                               "Since", "It", "They", "He", "She", "We", "This", "That", "These",
                               "Those", "But", "Monday", "Tuesday", "Wednesday", "Thursday",
                               "Friday", "Saturday", "Sunday", "January", "February", "March",
                               "April", "May", "June", "July", "August", "September", "October",
                               "November", "December", "Around", "According", "Officials",
                               "Government"})  # fmt: skip


def _state_names() -> dict[str, tuple[str, ...]]:
    names: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name.split(",")[0]
        names[short] = (short, country.name) if "," not in country.name else (short,)
    names.update(_STATE_ALIASES)
    return names


@cache
def _automaton() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """Two automata of alias -> name: one without case, one for short or all-capital aliases."""
    folded, exact = ahocorasick.Automaton(), ahocorasick.Automaton()
    for table in (_state_names(), ARMED_GROUPS, BODIES):
        for name, aliases in table.items():
            for alias in aliases:
                strict = len(alias) <= _CASE_SENSITIVE_MAX or alias.isupper()
                target, key = (exact, alias) if strict else (folded, alias.lower())
                target.add_word(key, (len(key), name))
    folded.make_automaton()
    exact.make_automaton()
    return folded, exact


def _whole_words(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, int, Any]]:
    """``(start, end, value)`` of the keys of ``automaton`` (valued ``(length, value)``) that
    are whole words in ``text``."""
    for last, (length, value) in automaton.iter(text):
        start, end = last + 1 - length, last + 1
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            yield start, end, value


def _outermost(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``found`` in text order without the matches a longer one holds ("Sudan" inside "South
    Sudan", "Guinea" inside "Equatorial Guinea")."""
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for start, end, name in sorted(found, key=lambda m: (m[0], -m[1])):
        if end > reach:
            kept.append((start, end, name))
            reach = end
    return kept


def _known(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of every listed actor that is a whole word in ``sentence`` and
    not part of a longer one."""
    folded, exact = _automaton()
    found: list[tuple[int, int, str]] = []
    for automaton, text in ((folded, sentence.lower()), (exact, sentence)):
        found += _whole_words(automaton, text)
    return _outermost(found)


@cache
def _lowered_names() -> ahocorasick.Automaton:
    """Every alias in lower case but the all-capital ones ("US", "IS", "UN" are words)."""
    automaton = ahocorasick.Automaton()
    for table in (_state_names(), ARMED_GROUPS, BODIES):
        for aliases in table.values():
            for alias in aliases:
                if not alias.isupper():
                    automaton.add_word(alias.lower(), (len(alias), alias))
    automaton.make_automaton()
    return automaton


def names_listed(lowered: str) -> bool:
    """Whether a listed state, armed group or body is a whole word in the lower-cased
    ``lowered`` (all-capital aliases such as "US" or "UN" need their capitals: not here)."""
    return next(_whole_words(_lowered_names(), lowered), None) is not None


@cache
def _lowered_states() -> ahocorasick.Automaton:
    """Every state alias in lower case -> the state, but all-capital words ("US", "UK")."""
    automaton = ahocorasick.Automaton()
    for name, aliases in _state_names().items():
        for alias in aliases:
            if not alias.isupper() or "." in alias:
                automaton.add_word(alias.lower(), (len(alias), name))
    automaton.make_automaton()
    return automaton


def states_named(lowered: str) -> set[str]:
    """The listed states whose aliases are whole words in the lower-cased ``lowered``, not
    part of a longer one."""
    return {name for _, _, name in _outermost(list(_whole_words(_lowered_states(), lowered)))}


def _unknown(sentence: str, match_start: int) -> list[tuple[int, str]]:
    """Capitalised names around the event that no list knows: its subject, or the names after
    "between ... and", "with", "from" or "by"."""
    out: list[tuple[int, str]] = []
    subject = _SUBJECT.search(sentence[:match_start])
    groups: list[re.Match[str]] = [subject] if subject else []
    groups += [m for pattern in _UNKNOWN for m in pattern.finditer(sentence)]
    for m in groups:
        for g in range(1, (m.lastindex or 0) + 1):
            name = m.group(g)
            article = _ARTICLE.match(name or "")
            start = m.start(g) + (article.end() if article else 0)
            name = name[article.end() :] if article else name
            if name and name.split()[0] not in _NOT_ACTOR and not name.isupper():
                out.append((start, name))
    return out


def sides(sentence: str, match_start: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(parties, mediators)`` named in a negotiation sentence whose event match starts at
    ``match_start`` (an offset in ``sentence``)."""
    parties: list[str] = []
    mediators: list[str] = []
    spans = _known(sentence)
    for start, _end, name in spans:
        before = sentence[max(0, start - 40) : start]
        broker = name in BROKERS or _MEDIATOR_CUE.search(before) is not None
        bucket = mediators if broker else parties
        if name not in bucket:
            bucket.append(name)
    covered = [(s, e) for s, e, _ in spans]
    for start, name in _unknown(sentence, match_start):
        if any(s < start + len(name) and start < e for s, e in covered):
            continue
        bucket = (
            mediators if _MEDIATOR_CUE.search(sentence[max(0, start - 40) : start]) else parties
        )
        if name not in bucket and name not in parties and name not in mediators:
            bucket.append(name)
    return tuple(parties), tuple(mediators)
