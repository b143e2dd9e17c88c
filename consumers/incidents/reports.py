"""One casualty mention of one article, as the incident linker reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from consumers.incidents import places
from wirewatch.metrics import Casualty, Extraction

DAY_MS = 86_400_000
INCIDENT_KINDS = ("killed", "wounded", "missing", "hostage", "detained")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WHEN = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b")
# actors that take part in an incident (not the authorities that report it)
_PARTIES = frozenset({"Israel Defense Forces", "Hamas", "Palestinian Islamic Jihad", "Hezbollah",
                      "Houthis", "Israel", "Russia", "Ukraine", "Iran", "Sudan"})  # fmt: skip


@dataclass(frozen=True)
class ArticleInfo:
    """The article fields that incidents need."""

    article_id: str
    title: str
    source: str
    published_ms: int
    url: str | None = None


@dataclass(frozen=True)
class Report:
    """One incident-scope casualty figure of one article, with its signature."""

    article_id: str
    source: str
    published_ms: int
    ordinal: int
    kind: str
    figure: int
    low: int
    high: int | None
    exact: bool
    place: str | None
    authority: str | None
    actors: frozenset[str]
    event_day: int
    explicit_day: bool
    sentence: str
    start: int
    end: int
    revision: bool = False
    """A toll at one specific place ("the toll of Tuesday's strike rose to 24"): it may only
    revise an incident, never open one."""

    def overlaps(self, low: int, high: int | None) -> bool:
        """Figure compatibility: the two intervals overlap, with 10 % + 2 slack for rounding."""
        mine = self.high if self.high is not None else 10**12
        theirs = high if high is not None else 10**12
        return self.low <= theirs * 1.1 + 2 and low <= mine * 1.1 + 2


def event_day(sentence: str, published_ms: int) -> tuple[int, bool]:
    """The day (since the epoch) a sentence dates its event to, and whether it says so."""
    today = published_ms // DAY_MS
    found = _WHEN.search(sentence.lower())
    if found is None:
        return today, False
    if found.group(1) == "yesterday":
        return today - 1, True
    weekday = datetime.fromtimestamp(published_ms / 1000, UTC).weekday()
    return today - (weekday - _WEEKDAYS.index(found.group(1))) % 7, True


def _revises(c: Casualty) -> bool:
    return c.scope == "cumulative" and c.where is not None and not places.is_region(c.where)


def incident_mentions(extraction: Extraction) -> list[Casualty]:
    """Casualties that may describe one incident: scope "incident" (or a toll at one specific
    place, which can revise one), not a subset of another figure."""
    return [c for c in extraction.casualties
            if (c.scope == "incident" or _revises(c)) and c.kind in INCIDENT_KINDS
            and not getattr(c, "subset", False)]  # fmt: skip


def reports_of(article: ArticleInfo, extraction: Extraction) -> list[Report]:
    """The incident reports of one article, in text order."""
    located = [s.name for s in extraction.signals if s.category == "location"]
    fallback = places.finest(located)
    out = []
    for ordinal, c in enumerate(incident_mentions(extraction)):
        ev = c.evidence
        actors = frozenset(s.name for s in extraction.signals if s.category == "actor"
                           and s.evidence.start == ev.start and s.name in _PARTIES)  # fmt: skip
        day, explicit = event_day(ev.sentence, article.published_ms)
        out.append(Report(
            article.article_id, article.source, article.published_ms, ordinal, c.kind, c.count,
            c.low, c.high, not c.approximate and c.high is not None, c.where or fallback,
            c.authority, actors, day, explicit, ev.sentence, ev.start, ev.end, _revises(c),
        ))  # fmt: skip
    return out
