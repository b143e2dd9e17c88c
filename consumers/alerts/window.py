"""Sliding event-time windows over observations of processed articles.

An :class:`Observation` is the part of a metric event that rules look at. A
rule turns each observation into a sample (or none, when the article does not
speak to the rule's metric or fails its filters); the window aggregates the
samples whose event time lies in ``(now - window_seconds, now]``. ``now`` is the
latest event time seen, so evaluation does not depend on the wall clock.

An article's event time is its ``published_at``, which comes from outside: one
dated 2099 would become ``now`` and push every real article out of the window.
So an observation's event time is clamped to at most ``processed_at`` plus
:data:`MAX_SKEW` (a replay keeps working: its articles were published in the past).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from consumers.alerts.rules import AlertRule
from wirewatch.events import parse_time
from wirewatch.metrics import ArticleMetrics

MAX_SKEW = timedelta(minutes=5)  # how far ahead of processing an event time may lie


@dataclass(frozen=True)
class Observation:
    """One processed article, reduced to what alert rules filter and count."""

    run_id: str
    article_id: str
    event_time: datetime
    source: str
    killed: int = 0
    wounded: int = 0
    death_toll: int | None = None
    negotiations: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.run_id, self.article_id)

    @classmethod
    def from_metrics(cls, event: ArticleMetrics) -> Observation:
        """Reduce a ``metrics`` topic event."""
        ext, article = event.extraction, event.article
        actors = [s.name for s in ext.signals if s.category == "actor"]
        actors += [c.who for c in ext.casualties if c.who]
        places = [s.name for s in ext.signals if s.category == "location"]
        places += [c.where for c in ext.casualties if c.where]
        return cls(
            run_id=article.run_id,
            article_id=article.article_id,
            event_time=min(article.event_time, event.processed_at + MAX_SKEW),
            source=article.source,
            killed=ext.summary.killed,
            wounded=ext.summary.wounded,
            death_toll=ext.summary.death_toll,
            negotiations=tuple(n.event for n in ext.negotiations),
            actors=tuple(dict.fromkeys(actors)),
            locations=tuple(dict.fromkeys(places)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "event_time": self.event_time.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Observation:
        values = {**data, "event_time": parse_time(data["event_time"], "event_time")}
        for name in ("negotiations", "actors", "locations"):
            values[name] = tuple(values.get(name) or ())
        return cls(**values)


def _has(names: Iterable[str], wanted: str) -> bool:
    target = wanted.casefold()
    return any(name.casefold() == target for name in names)


def matches(rule: AlertRule, obs: Observation) -> bool:
    """Whether the observation passes the rule's location, actor and source filters."""
    return (
        (rule.location is None or _has(obs.locations, rule.location))
        and (rule.actor is None or _has(obs.actors, rule.actor))
        and (rule.source is None or obs.source.casefold() == rule.source.casefold())
    )


def sample(rule: AlertRule, obs: Observation) -> float | None:
    """The rule's sample from one observation; None when the article is silent on it."""
    if not matches(rule, obs):
        return None
    if rule.metric in ("killed", "wounded"):
        count = getattr(obs, rule.metric)
        return float(count) if count > 0 else None
    if rule.metric == "death_toll":
        return None if obs.death_toll is None else float(obs.death_toll)
    if rule.metric == "negotiation":
        hits = [e for e in obs.negotiations if rule.subject is None or e == rule.subject]
        return float(len(hits)) if hits else None
    if rule.metric == "mentions" and rule.subject is not None:
        return 1.0 if _has((*obs.actors, *obs.locations), rule.subject) else None
    return None


def aggregate(aggregation: str, values: list[float]) -> float | None:
    """Sum, count, max or latest of time-ordered samples; None for no samples."""
    if not values:
        return None
    if aggregation == "sum":
        return float(sum(values))
    if aggregation == "count":
        return float(len(values))
    if aggregation == "max":
        return max(values)
    return values[-1]


@dataclass
class ObservationWindow:
    """Observations ordered by event time, deduplicated by ``(run_id, article_id)``."""

    horizon_seconds: int = 86_400
    _times: list[datetime] = field(default_factory=list)
    _items: list[Observation] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set)

    @property
    def now(self) -> datetime | None:
        """The latest event time seen."""
        return self._times[-1] if self._times else None

    def __len__(self) -> int:
        return len(self._items)

    def seen(self, obs: Observation) -> bool:
        return obs.key in self._seen

    def add(self, obs: Observation) -> bool:
        """Insert in event-time order; False (and nothing changes) for a duplicate."""
        if obs.key in self._seen:
            return False
        self._seen.add(obs.key)
        at = bisect.bisect_right(self._times, obs.event_time)
        self._times.insert(at, obs.event_time)
        self._items.insert(at, obs)
        self._prune()
        return True

    def value(self, rule: AlertRule, now: datetime | None = None) -> float | None:
        """The rule's aggregate over ``(now - window, now]``."""
        end = now or self.now
        if end is None:
            return None
        lo = bisect.bisect_right(self._times, earlier(end, rule.window_seconds))
        hi = bisect.bisect_right(self._times, end)
        values = [sample(rule, obs) for obs in self._items[lo:hi]]
        return aggregate(rule.aggregation, [v for v in values if v is not None])

    def _prune(self) -> None:
        """Drop observations (and their dedupe keys) older than the horizon."""
        cut = bisect.bisect_left(self._times, earlier(self._times[-1], self.horizon_seconds))
        if cut:
            self._seen.difference_update(obs.key for obs in self._items[:cut])
            del self._times[:cut]
            del self._items[:cut]


def earlier(moment: datetime, seconds: int) -> datetime:
    """``moment - seconds``, saturating at the earliest representable time."""
    try:
        return moment - timedelta(seconds=seconds)
    except OverflowError:
        return datetime.min.replace(tzinfo=moment.tzinfo)
