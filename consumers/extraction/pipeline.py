"""``extract(text) -> Extraction``: the pure, offline extraction pipeline.

One sentence split, one keyword scan for names and signals, one scan for cue stems; then
only sentences with a casualty cue are read for figures and only those with a negotiation
cue for negotiation events. Every metric carries its sentence as :class:`Evidence`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from datetime import datetime
from typing import Final, TypeVar

from consumers.extraction import actors, casualties, negotiations, people, scanner, signals, tally
from consumers.extraction.gazetteer import MEDIATORS, PARTY_NAMES
from consumers.extraction.mentions import Mention
from consumers.extraction.modality import modality_of
from consumers.extraction.scanner import Hit
from consumers.extraction.sentences import SentenceIndex
from wirewatch.metrics import (
    CASUALTY_KINDS,
    MODALITIES,
    NEGOTIATION_EVENTS,
    NEGOTIATION_MODALITIES,
    SCOPES,
    SIGNAL_CATEGORIES,
    Casualty,
    Evidence,
    Extraction,
    Negotiation,
    Signal,
    Summary,
    member,
)

_V = TypeVar("_V", bound=str)


def _members(allowed: tuple[_V, ...]) -> dict[str, _V]:
    """The closed set ``allowed`` by value: a field's member found by one dict lookup."""
    return {value: value for value in allowed}


_KINDS: Final = _members(CASUALTY_KINDS)
_SCOPES: Final = _members(SCOPES)
_MODALITIES: Final = _members(MODALITIES)
_EVENTS: Final = _members(NEGOTIATION_EVENTS)
_EVENT_MODALITIES: Final = _members(NEGOTIATION_MODALITIES)
_CATEGORIES: Final = _members(SIGNAL_CATEGORIES)


def _member(value: str, members: dict[str, _V], allowed: tuple[_V, ...]) -> _V:
    """``member(value, allowed)``, looked up in ``members`` (``allowed`` by value)."""
    found = members.get(value)
    return member(value, allowed) if found is None else found  # member raises the error


_PARTIES: Final = frozenset({"Israel", "Hamas", "Palestinian Islamic Jihad", "Hezbollah",
                             "Houthis", "Palestinian Authority", "Russia", "Ukraine", "Iran",
                             "Lebanon", "Syria", "Yemen", "Sudan"})  # fmt: skip
# reported, but fighting or a call rather than a negotiation development for the summary flag
_NOT_DEVELOPMENTS: Final = frozenset({"ceasefire_violated", "call_for_ceasefire"})
# ... except a truce that ends: its collapse or expiry is news of the talks ("the truce
# collapsed", "as the truce expires"), where a violation is news of the fighting
_TRUCE_ENDED: Final = re.compile(
    r"collaps|expir|\bend(?:ed|s)\b|\b(?:broke|breaks)\s+down|fell\s+apart|unravel|"
    r"came\s+to\s+an\s+end|crumbled|r[au]n\s+out",
    re.IGNORECASE,
)
# ... but not a truce's end that only dates other news: "air raids hit the city after the
# cease-fire expired", "fighting resumed once the truce ended"
_DATED_BY_END: Final = re.compile(
    r"\b(?:after|since|before|until|till|when|once)\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:[\w'-]+\s+){0,2}$",
    re.IGNORECASE,
)
# a development reported as done or as agreed for later; not demanded, supposed or recalled
_NEW: Final = frozenset({"asserted", "planned"})
_NO_WORDS: Final[frozenset[str]] = frozenset()
_PERSON_SIDE: Final = {"Ismail Haniyeh": "Hamas", "Yahya Sinwar": "Hamas",
                       "Benjamin Netanyahu": "Israel", "Joe Biden": "United States",
                       "Antony Blinken": "United States",
                       "Antonio Guterres": "United Nations"}  # fmt: skip


class _Article:
    """One text with its sentences, term hits and cue sentences, shared by the extractors."""

    def __init__(self, text: str, part: str | None = None) -> None:
        self.text = text
        self.part = part
        self.index = SentenceIndex(text)
        spans, starts = self.index.spans, self.index.starts
        straight = scanner.straight_quotes(text)
        lowered = scanner.lower_straight(straight)
        self.lowered = lowered
        found = scanner.scan(text, lowered, starts, spans, straight)
        hits, casualty, negotiation, self.attributed, self.triggers, self.words = found
        self.cued = {"casualty": casualty, "negotiation": negotiation}
        self.signals: list[tuple[int, str, str, Hit]] = []
        self.by_sentence: dict[int, list[tuple[str, str, Hit]]] = {}
        context = signals.Context(text, lowered)
        for hit in hits:
            i = bisect_right(starts, hit.start) - 1
            if i < 0 or hit.start >= spans[i][1]:
                continue
            named = context.signal_name(hit, spans[i])
            if named is not None:
                self.signals.append((i, named[0], named[1], hit))
                self.by_sentence.setdefault(i, []).append((named[0], named[1], hit))

    def evidence(self, i: int, match_start: int, match_end: int) -> Evidence:
        start, end = self.index.spans[i]
        return Evidence(self.text[start:end], start, end, match_start, match_end, self.part)

    def place(self) -> str | None:
        """The place the text is about: its only place, or one named in most place mentions."""
        names = [name for _, category, name, _ in self.signals if category == "location"]
        if not names:
            return None
        counts = Counter(names)
        (top, n), total = counts.most_common(1)[0], sum(counts.values())
        return top if len(counts) == 1 or 2 * n > total else None


def _signals(art: _Article) -> list[Signal]:
    seen: set[tuple[int, str, str]] = set()
    out = []
    for i, category, name, hit in art.signals:
        key = (i, category, name)
        if key not in seen:
            seen.add(key)
            out.append(Signal(_member(category, _CATEGORIES, SIGNAL_CATEGORIES), name,
                              art.evidence(i, hit.start, hit.end)))  # fmt: skip
    return out


def _nearest_place(art: _Article, i: int, pos: int) -> str | None:
    hits = art.by_sentence.get(i)
    if hits is None:  # most sentences name nothing
        return None
    places = [(abs(h.start - pos), name) for cat, name, h in hits if cat == "location"]
    return min(places)[1] if places else None


# an acronym in brackets after the name it shortens: "a National Directorate of Security (NDS)
# member", "the Islamic State (IS)"
_ACRONYM: Final = re.compile(r"\((?:[A-Z][A-Za-z&-]?){2,6}\)")


def unbracketed(text: str, lowered: str) -> str:
    """``lowered`` (the lower case of ``text``) with the acronyms in brackets blanked, so the
    casualty rules read "a National Directorate of Security (NDS) member and a civilian" as
    they read the phrase without the acronym."""
    out: list[str] = []
    last = 0
    pos = text.find("(")  # a few per text: tried one by one, cheaper than a regex scan
    while pos != -1:
        # an acronym closes within 13 characters and opens with a capital ("(NDS)")
        if text[pos + 1 : pos + 2].isupper() and text.find(")", pos + 3, pos + 14) != -1:
            match = _ACRONYM.match(text, pos)
        else:
            match = None
        if match is not None:
            out += (lowered[last:pos], " " * (match.end() - pos))
            last = match.end()
        pos = text.find("(", pos + 1)
    return "".join((*out, lowered[last:])) if out else lowered


def _casualties(art: _Article, place: str | None) -> tuple[list[Casualty], list[Mention]]:
    """Every casualty figure of ``art``; a toll with no place of its own takes ``place``."""
    out: list[Casualty] = []
    mentions: list[Mention] = []
    notes: list[Mention] = []  # after the figures, so ``mentions[k]`` is the one of ``out[k]``
    text, spans, part = art.text, art.index.spans, art.part
    lowered = unbracketed(text, art.lowered)
    stems, words, attributed = art.triggers, art.words, art.attributed
    first = 0  # the first trigger stem at or after the sentence: sentences come in order
    for i in sorted(art.cued["casualty"]):
        lo, hi = spans[i]
        while first < len(stems) and stems[first] < lo:
            first += 1
        last = first
        while last < len(stems) and stems[last] < hi:
            last += 1
        triggers = stems[first:last]
        found = casualties.find_mentions(lowered, lo, hi, text, triggers, words.get(i, _NO_WORDS))
        if not found:
            continue
        sentence, low = text[lo:hi], lowered[lo:hi]
        authority = people.authority_in(sentence, low, i in attributed)
        as_of = people.as_of_in(sentence, low)
        if authority is None and i and any(m.scope != "incident" for m in found):
            start, end = spans[i - 1]
            authority = people.authority_in(text[start:end])  # "... the ministry said."
        parent = None
        named = i in art.by_sentence  # most sentences name no place
        for m in found:
            if m.divides:  # a note on how the deaths told before are split: no figure
                notes.append(m)
                continue
            start, end = min(m.number.start, m.trigger[0]), max(m.number.end, m.trigger[1])
            n = m.number
            where = _nearest_place(art, i, m.trigger[0]) if named else None
            if where is None and m.scope != "incident":
                where = place
            parent = parent if m.subset else len(out)
            out.append(
                Casualty(
                    _member(m.kind, _KINDS, CASUALTY_KINDS), n.value, n.low, n.high,
                    n.approximate, _member(m.scope, _SCOPES, SCOPES),
                    Evidence(sentence, lo, hi, start, end, part), m.who,
                    where, authority, as_of, parent if m.subset else None,
                    None if m.modality is None else _member(m.modality, _MODALITIES, MODALITIES),
                )
            )  # fmt: skip
            mentions.append(m)
    return out, mentions + notes


def _reindexed(casualty: Casualty, index: dict[int, int]) -> Casualty:
    """``casualty`` with its ``part_of`` moved to the figure's new place."""
    if casualty.part_of is None:
        return casualty
    return replace(casualty, part_of=index.get(casualty.part_of))


def _title_casualties(
    head: _Article, body: list[Mention], place: str | None, offset: int
) -> tuple[list[Casualty], list[Mention]]:
    """Figures of the headline ``head`` whose kind the body never states (a restated one is
    the body's; a part alone, "Five children are among the dead", states no figure);
    evidence offsets index the title and say ``part="title"``."""
    found, mentions = _casualties(head, place)
    stated = {m.kind for m in body if not (m.divides or m.subset)}
    keep = [k for k, m in enumerate(mentions) if m.kind not in stated and not m.divides]
    index = {k: offset + j for j, k in enumerate(keep)}
    out = [_reindexed(found[k], index) for k in keep]
    return out, [mentions[k] for k in keep]


def _side(art: _Article, i: int, match_start: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    parties: list[str] = []
    mediators: list[str] = []
    for category, name, _ in art.by_sentence.get(i, ()):
        if category != "actor":
            continue
        name = _PERSON_SIDE.get(name, PARTY_NAMES.get(name, name))
        bucket = mediators if name in MEDIATORS else parties if name in _PARTIES else None
        if bucket is not None and name not in bucket:
            bucket.append(name)
    lo, hi = art.index.spans[i]
    more_parties, more_mediators = actors.sides(art.text[lo:hi], match_start - lo)
    for name in more_parties + more_mediators:
        name = PARTY_NAMES.get(name, name)
        if name not in parties and name not in mediators:
            (mediators if name in more_mediators else parties).append(name)
    return tuple(parties), tuple(mediators)


# a few words in scare quotes, which a headline puts around a side's own word ("US
# 'encouraged' by the talks", "a deal is 'very close'"): read without the quote marks; the
# opening mark first (no letter or mark before it, told by the two-character look-behind), so
# that the search jumps from one mark to the next
_SCARE_QUOTED: Final = re.compile(r"'(?<![\w']')(?=[a-z])([\w -]{1,30}?)(?<=[a-z])'(?![\w'])")


def _unquoted(lowered: str, spans: list[tuple[int, int]]) -> str:
    """``lowered`` with the marks of the scare-quoted words of its sentences ``spans`` blanked
    (the same length, so every offset holds)."""
    pieces: list[str] = []
    done = 0
    for lo, hi in spans:
        if lowered.find("'", lo, hi) == -1:
            continue  # no mark: most sentences
        for quoted in _SCARE_QUOTED.finditer(lowered, lo, hi):
            pieces += (lowered[done : quoted.start()], f" {quoted[1]} ")
            done = quoted.end()
    return "".join((*pieces, lowered[done:])) if pieces else lowered


def _negotiations(art: _Article, wider: str = "") -> list[Negotiation]:
    """Negotiation events of ``art``; ``wider`` (lower case) is the text beside it, read for a
    conflict's context when a sentence names a deal or talks without one."""
    out = []
    cued = sorted(art.cued["negotiation"])
    lowered = _unquoted(art.lowered, [art.index.spans[i] for i in cued])
    for i in cued:
        lo, hi = art.index.spans[i]
        events = negotiations.find_events(lowered, lo, hi, wider)
        if events:
            parties, mediators = _side(art, i, min(s for _, s, _ in events))
            out += [Negotiation(_member(event, _EVENTS, NEGOTIATION_EVENTS),
                                art.evidence(i, s, e), parties, mediators,
                                _member(modality_of(event, lowered, lo, hi, s, e),
                                        _EVENT_MODALITIES, NEGOTIATION_MODALITIES))
                    for event, s, e in events]  # fmt: skip
    return out


def _development(talk: Negotiation) -> bool:
    """Whether ``talk`` raises the summary's negotiation flag: reported as new, and no fighting
    or call (:data:`_NOT_DEVELOPMENTS`) unless a truce ends (:data:`_TRUCE_ENDED`), its end
    not the date of other news (:data:`_DATED_BY_END`)."""
    if talk.modality not in _NEW:
        return False
    if talk.event not in _NOT_DEVELOPMENTS:
        return True
    if talk.event != "ceasefire_violated":
        return False
    found = talk.evidence
    start = found.match_start - found.start
    return bool(
        _TRUCE_ENDED.search(found.sentence, start, found.match_end - found.start)
        and not _DATED_BY_END.search(found.sentence[max(0, start - 40) : start])
    )


_LEAD: Final = 400  # characters of the body read as a headline's context


def _title_negotiations(head: _Article, body: list[Negotiation], lead: str) -> list[Negotiation]:
    """Developments of the headline ``head`` of a type the body does not report ("Rivals
    agree to extend truce" over a summary that never says so); evidence offsets index the
    title and say ``part="title"``; ``lead`` is the start of the body, in lower case."""
    reported = {n.event for n in body}
    return [n for n in _negotiations(head, lead) if n.event not in reported]


def _breakdowns(mentions: list[Mention]) -> set[int]:
    """Indexes of figures joined before one trigger that restate a figure told before as its
    parts ("11 people were killed ... Six civilians and five officers lost their lives"), or
    a list of the same people told before ("1 policeman and 1 guard were killed ... killing
    1 guard and 1 policeman")."""
    told: set[tuple[str, int]] = set()
    lists: set[tuple[str, frozenset[tuple[str | None, int]]]] = set()
    parts: set[int] = set()
    i = 0
    while i < len(mentions):
        m = mentions[i]
        j = i + 1
        while j < len(mentions) and mentions[j].trigger == m.trigger and mentions[j].kind == m.kind:
            j += 1
        new = [k for k in range(i, j) if _new(mentions[k])]
        people = (m.kind, frozenset((mentions[k].who, mentions[k].number.value) for k in new))
        if len(new) > 1 and (
            (m.kind, sum(mentions[k].number.value for k in new)) in told or people in lists
        ):
            parts.update(new)
        told.update((mentions[k].kind, mentions[k].number.value) for k in new)
        if len(people[1]) > 1 and all(mentions[k].who for k in new):
            lists.add(people)
        i = j
    return parts


def _new(m: Mention) -> bool:
    """True for a figure of new deaths or injuries of the incident."""
    return m.scope == "incident" and m.modality is None and not m.subset


def summarise(mentions: list[Mention], negotiated: bool) -> Summary:
    """Headline figures: new incident deaths and injuries (each figure once; a revised figure
    replaces the one before it, a raised count of the report's dead its total), the largest
    toll and the largest period total. Subsets, historical and hypothetical figures are not
    new deaths."""
    totals = {"killed": 0, "wounded": 0}
    last: dict[str, int] = {}
    counted: set[tuple[str, int]] = set()
    toll = period = None
    restated = _breakdowns(mentions)
    for i, m in enumerate(mentions):
        if m.modality is not None or i in restated:
            continue
        value = m.number.value
        if (m.scope == "period" or m.of_report) and m.kind == "killed":
            period = max(period or 0, value)  # a period total a short report also counts
        if m.scope in ("cumulative", "period"):
            if m.scope == "cumulative" and m.kind == "killed":
                toll = max(toll or 0, value)
        elif m.revised:  # the report's raised count of its dead: its total, when higher
            totals[m.kind] = max(totals[m.kind], value)
            last[m.kind] = value
        elif m.kind in totals and not m.subset and (m.added or (m.kind, value) not in counted):
            if not m.attackers:  # the attackers' dead: a victims' figure of theirs is new
                counted.add((m.kind, value))
            previous = last.get(m.kind)
            replaces = m.update and previous is not None and previous < value
            totals[m.kind] += value - previous if replaces and previous else value
            last[m.kind] = value
    return Summary(totals["killed"], totals["wounded"], toll, negotiated, period)


def extract(text: str, *, title: str = "", published_at: datetime | None = None) -> Extraction:
    """Casualties, negotiation events and signals of ``text``, each with its evidence.

    A figure of the ``title`` counts when the body does not state one of the same kind, so
    a headline restating the body is not counted twice; so does a negotiation event of the
    title whose type the body does not report; ``published_at`` is context only.
    """
    art = _Article(text)
    head = _Article(title, part="title") if title.strip() else None
    place = (head.place() if head is not None else None) or art.place()
    found, mentions = _casualties(art, place)
    talks = _negotiations(art, head.lowered if head is not None else "")
    if head is not None:  # the headline is read once, for its place, figures and events
        more, more_mentions = _title_casualties(head, mentions, place, len(found))
        found, mentions = found + more, mentions + more_mentions
        talks += _title_negotiations(head, talks, art.lowered[:_LEAD])
    developed = any(_development(t) for t in talks)
    counted = tally.counted(mentions, art.index.starts)
    return Extraction(tuple(found), tuple(talks), tuple(_signals(art)),
                      summarise(counted, developed))  # fmt: skip
