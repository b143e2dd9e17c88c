"""Alert windows over incidents: each incident counted once, at its current figure.

The incidents service publishes every incident's new state to the compacted ``incidents``
topic (key ``run_id:incident_id``). A rule on ``killed`` or ``wounded`` (without an actor or
source filter, which incidents do not carry) sums the current figures of the incidents first
seen in its window, so a revision replaces a figure instead of adding to it and ten outlets
repeating one figure count it once. An incident's state only moves forward: one with fewer
member articles than the state kept (an older update read again) changes nothing.

A run's window counts incidents once it has seen one (from the topic, or refilled from the
store's ``incidents`` table after a restart); before that rules fall back to per-article
sums, as the Overview does.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from consumers.alerts.rules import AlertRule
from consumers.alerts.window import aggregate, earlier
from consumers.incidents.places import root
from wirewatch.errors import SchemaError
from wirewatch.store import incidents as incident_store
from wirewatch.store.sql import to_ms
from wirewatch.store.values import from_ms

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

INCIDENT_METRICS = ("killed", "wounded")


@dataclass(frozen=True)
class IncidentState:
    """One incident as the alert window sees it: kind, place, current figure and times."""

    run_id: str
    incident_id: str
    kind: str
    figure: int
    first_seen: datetime
    last_seen: datetime
    articles: int
    place: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.run_id, self.incident_id)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IncidentState:
        """From an ``incidents`` row (with ``run_id``), as stored or sent on the topic."""
        try:
            return cls(str(row["run_id"]), str(row["incident_id"]), str(row["kind"]),
                       int(row["figure"]), from_ms(int(row["first_ms"])),
                       from_ms(int(row["last_ms"])), int(row["articles"]),
                       None if row.get("place") is None else str(row["place"]))  # fmt: skip
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            msg = f"not an incident state: {type(exc).__name__}: {exc}"
            raise SchemaError(msg) from exc

    @classmethod
    def decode(cls, value: bytes | None) -> IncidentState:
        """From a message of the ``incidents`` topic."""
        try:
            data = json.loads(value or b"")
        except (ValueError, UnicodeDecodeError) as exc:
            msg = f"incident update is not JSON: {exc}"
            raise SchemaError(msg) from exc
        if not isinstance(data, dict):
            msg = "incident update is not a JSON object"
            raise SchemaError(msg)
        return cls.from_row(data)

    def clamped(self, latest: datetime) -> IncidentState:
        """With times no later than ``latest`` (a far-future date must not become now)."""
        if self.last_seen <= latest:
            return self
        return replace(self, first_seen=min(self.first_seen, latest), last_seen=latest)


def counts_incidents(rule: AlertRule) -> bool:
    """Whether the rule is evaluated over incidents rather than per-article figures."""
    return rule.metric in INCIDENT_METRICS and rule.actor is None and rule.source is None


def place_matches(rule: AlertRule, state: IncidentState) -> bool:
    """The rule's location is the incident's place or the region that holds it."""
    if rule.location is None:
        return True
    if state.place is None:
        return False
    wanted = rule.location.casefold()
    return wanted in (state.place.casefold(), root(state.place).casefold())


@dataclass
class IncidentWindow:
    """The latest state of each incident, ordered by when it was first seen."""

    active: bool = False
    _states: dict[tuple[str, str], IncidentState] = field(default_factory=dict)
    _order: list[tuple[datetime, tuple[str, str]]] = field(default_factory=list)
    _latest: datetime | None = None

    @property
    def now(self) -> datetime | None:
        """The latest report time of any incident seen."""
        return self._latest

    def __len__(self) -> int:
        return len(self._states)

    def update(self, state: IncidentState) -> bool:
        """Keep ``state`` unless an equal or newer one is kept; True when something changed."""
        self.active = True
        old = self._states.get(state.key)
        if old is not None and (old == state or old.articles > state.articles):
            return False
        if old is not None:
            self._order.remove((old.first_seen, old.key))
        bisect.insort(self._order, (state.first_seen, state.key))
        self._states[state.key] = state
        if self._latest is None or state.last_seen > self._latest:
            self._latest = state.last_seen
        return True

    def load(self, states: Iterable[IncidentState]) -> None:
        """Refill after a restart, without evaluating."""
        for state in states:
            self.update(state)

    def value(self, rule: AlertRule, now: datetime) -> float | None:
        """The rule's aggregate over incidents first seen in ``(now - window, now]``."""
        lo = bisect.bisect_right(self._order, (earlier(now, rule.window_seconds), ("\uffff",)))
        hi = bisect.bisect_right(self._order, (now, ("\uffff",)))
        chosen = [self._states[key] for _, key in self._order[lo:hi]]
        wanted = [s for s in chosen if s.kind == rule.metric and place_matches(rule, s)]
        return aggregate(rule.aggregation, [float(s.figure) for s in wanted if s.figure > 0])

    def prune(self, horizon_seconds: int) -> None:
        """Forget incidents first seen more than the horizon before the latest report."""
        if self._latest is None:
            return
        cut = bisect.bisect_left(self._order, (earlier(self._latest, horizon_seconds), ()))
        for _, key in self._order[:cut]:
            del self._states[key]
        del self._order[:cut]


def stored_incidents(store: SqlStore, run_id: str, since: datetime,
                     until: datetime | None = None) -> list[IncidentState]:  # fmt: skip
    """The run's incidents first seen from ``since`` (to ``until``), oldest first, at their
    current figures: what refills the evaluator and what backtests count."""
    end = 2**62 if until is None else to_ms(until) + 1
    rows = incident_store.incidents_between(store, run_id, to_ms(since), end, limit=1_000_000)
    return [IncidentState.from_row({"run_id": run_id, **row}) for row in reversed(rows)]


def newest_report(store: SqlStore, run_id: str) -> datetime | None:
    """When the newest article the incidents service linked in the run was published."""
    newest = incident_store.newest_ms(store, run_id)
    return None if newest is None else from_ms(newest)
