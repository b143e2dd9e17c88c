"""Join casualty reports from different articles into incidents, incrementally.

A report joins an existing incident when the signatures agree: the same kind; the same event
day (or adjacent days within ``_NEAR_MS`` when a day is only inferred from publication);
compatible places (equal, or a region and a place inside it; a report without a place only
joins an incident of its own story cluster); actors not disjoint; and compatible figures
(intervals overlap with slack, or a later toll at that place revises it upwards). Among compatible
incidents the best score wins (story, place, figure, actors), then the earliest. A report
that matches nothing starts an incident whose id is ``{article id}/{kind}/{ordinal}``, so the
same input order always gives the same ids. Incidents older than the horizon (by their
first report) leave the index, which bounds memory; they are never merged afterwards.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from consumers.incidents import places
from consumers.incidents.policy import Figure, FigurePolicy
from consumers.incidents.reports import DAY_MS, Report

_NEAR_MS = 12 * 3_600_000
Key = tuple[str, int, str | None]
K = TypeVar("K", Key, str)


@dataclass(eq=False)
class Incident:
    """One event and every report of it; ``figure`` follows the policy."""

    incident_id: str
    kind: str
    event_day: int
    reports: list[Report]
    stories: set[str]
    figure: Figure
    place: str | None = None
    explicit_day: bool = False
    keys: set[Key] = field(default_factory=set)
    first_ms: int = 0
    """Publication time of the earliest report."""
    last_ms: int = 0
    """Publication time of the latest report."""

    @property
    def articles(self) -> list[str]:
        """Member article ids, in order of first report, each once."""
        return list(dict.fromkeys(r.article_id for r in self.reports))


def _days_agree(inc: Incident, rep: Report) -> bool:
    gap = abs(inc.event_day - rep.event_day)
    if gap == 0:
        return True
    near = abs(rep.published_ms - inc.first_ms) <= _NEAR_MS
    return gap == 1 and near and not (inc.explicit_day and rep.explicit_day)


def _figures_agree(inc: Incident, rep: Report) -> bool:
    fig = inc.figure  # its current figure, not the interval of all reports: no chaining
    if rep.overlaps(fig.figure, fig.figure):
        return True
    later = rep.published_ms >= inc.last_ms
    return rep.revision and later and fig.high < rep.figure <= 3 * fig.high + 10


def _same_article_repeat(inc: Incident, rep: Report) -> bool | None:
    """None when ``rep``'s article is new to ``inc``; else whether it repeats a figure of it."""
    own = [r.figure for r in inc.reports if r.article_id == rep.article_id]
    return rep.figure in own if own else None


def compatible(inc: Incident, rep: Report, story: str) -> bool:
    """Whether ``rep`` (of an article in ``story``) may join ``inc``."""
    if inc.kind != rep.kind or not _days_agree(inc, rep) or not _figures_agree(inc, rep):
        return False
    if _same_article_repeat(inc, rep) is False:
        return False
    if inc.place is None or rep.place is None:
        if story not in inc.stories:
            return False
    elif not places.compatible(inc.place, rep.place):
        return False
    actors = {a for r in inc.reports for a in r.actors}
    return not (actors and rep.actors and not actors & rep.actors)


def score(inc: Incident, rep: Report, story: str) -> tuple[int, int, int]:
    """How well ``rep`` fits ``inc`` (higher is better); only for compatible pairs.

    Signature points first (exact place, overlapping figure, shared actors), then the
    nearness of the figures ("at least 8" fits an incident of 11 better than one of 20), then
    the story cluster (stock headlines make it the weakest evidence).
    """
    points = 2 if inc.place is not None and inc.place == rep.place else 0
    points += 1 if rep.overlaps(inc.figure.figure, inc.figure.figure) else 0
    points += 1 if any(rep.actors & r.actors for r in inc.reports) else 0
    return points, -_distance(inc.figure.figure, rep), int(story in inc.stories)


def _distance(figure: int, rep: Report) -> int:
    """How far ``figure`` lies outside the interval ``rep`` reports (0 when inside); from the
    lower bound for an open interval ("at least 8" is nearer 11 than 20)."""
    if figure < rep.low or rep.high is None:
        return abs(figure - rep.low)
    return figure - rep.high if rep.high is not None and figure > rep.high else 0


class Linker:
    """Keeps the incidents of the last ``horizon_ms`` and links each new article's reports."""

    def __init__(self, policy: FigurePolicy | None = None, horizon_ms: int = 2 * DAY_MS) -> None:
        self.policy = policy or FigurePolicy()
        self.horizon_ms = horizon_ms
        self._index: dict[Key, list[Incident]] = {}
        self._stories: dict[str, list[Incident]] = {}
        self._live: deque[Incident] = deque()
        self._newest = 0
        self.linked: list[Report] = []
        """The reports of the last :meth:`add` that joined or opened an incident."""

    def __len__(self) -> int:
        """Incidents currently open for new reports."""
        return len(self._live)

    def add(self, reports: Iterable[Report], story: str) -> list[Incident]:
        """Link the reports of one article (of story ``story``); the incidents they touched."""
        touched: dict[str, Incident] = {}
        self.linked = []
        for rep in reports:
            self._newest = max(self._newest, rep.published_ms)
            self._evict()
            inc = self._best(rep, story)
            if inc is None and rep.revision:
                continue  # a toll that revises nothing stays a toll
            if inc is not None and _same_article_repeat(inc, rep):
                continue  # the article restates its own figure: nothing new
            if inc is None:
                inc = self._open(rep, story)
            else:
                self._join(inc, rep, story)
            touched[inc.incident_id] = inc
            self.linked.append(rep)
        return list(touched.values())

    def _candidates(self, rep: Report, story: str) -> list[Incident]:
        found = list(self._stories.get(story, ()))
        if rep.place is not None:
            region = places.root(rep.place)
            for day in (rep.event_day - 1, rep.event_day, rep.event_day + 1):
                found += self._index.get((rep.kind, day, region), ())
        return found

    def _best(self, rep: Report, story: str) -> Incident | None:
        best: tuple[tuple[int, int, int], int] | None = None
        chosen = None
        for inc in self._candidates(rep, story):
            if not compatible(inc, rep, story):
                continue
            rank = (score(inc, rep, story), -inc.first_ms)
            if (
                best is None
                or rank > best
                or (rank == best and chosen is not None and inc.incident_id < chosen.incident_id)
            ):
                best, chosen = rank, inc
        return chosen

    def _open(self, rep: Report, story: str) -> Incident:
        inc = Incident(
            f"{rep.article_id}/{rep.kind}/{rep.ordinal}", rep.kind, rep.event_day, [rep],
            {story}, self.policy.choose([rep]), rep.place, rep.explicit_day,
            first_ms=rep.published_ms, last_ms=rep.published_ms,
        )  # fmt: skip
        self._live.append(inc)
        self._reindex(inc, story)
        return inc

    def _join(self, inc: Incident, rep: Report, story: str) -> None:
        inc.reports.append(rep)
        inc.first_ms = min(inc.first_ms, rep.published_ms)
        inc.last_ms = max(inc.last_ms, rep.published_ms)
        inc.stories.add(story)
        inc.figure = self.policy.choose(inc.reports)
        inc.explicit_day = inc.explicit_day or rep.explicit_day
        known = [r.place for r in inc.reports if r.place is not None]
        inc.place = places.finest(known)
        self._reindex(inc, story)

    def _reindex(self, inc: Incident, story: str) -> None:
        key: Key = (inc.kind, inc.event_day, places.root(inc.place) if inc.place else None)
        if key not in inc.keys:
            inc.keys.add(key)
            self._index.setdefault(key, []).append(inc)
        bucket = self._stories.setdefault(story, [])
        if inc not in bucket:
            bucket.append(inc)

    def _evict(self) -> None:
        cutoff = self._newest - self.horizon_ms
        while self._live and self._live[0].first_ms < cutoff:
            inc = self._live.popleft()
            for key in inc.keys:
                _discard(self._index, key, inc)
            for story in inc.stories:
                _discard(self._stories, story, inc)


def _discard(index: dict[K, list[Incident]], key: K, inc: Incident) -> None:
    bucket = index.get(key)
    if bucket is not None and inc in bucket:
        bucket.remove(inc)
        if not bucket:
            del index[key]
