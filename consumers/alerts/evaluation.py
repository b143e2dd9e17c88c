"""The evaluation core shared by the evaluator service and the backtest: no I/O.

Stream rules are evaluated after every new observation at the latest event time
seen; system rules on an explicit :meth:`Engine.tick` with a probe that measures
the pipeline at a wall-clock time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from consumers.alerts.incident_window import IncidentState, IncidentWindow, counts_incidents
from consumers.alerts.rules import AlertRule
from consumers.alerts.state import RuleState, Transition, evaluate
from consumers.alerts.window import Observation, ObservationWindow

Probe = Callable[[AlertRule, datetime], float | None]
DEFAULT_HORIZON = 86_400


class Engine:
    """Rules, their states and one observation window for one run (None: any run)."""

    def __init__(
        self,
        rules: Iterable[AlertRule] = (),
        run_id: str | None = "live",
        states: dict[str, RuleState] | None = None,
    ) -> None:
        self.run_id = run_id
        self.rules: dict[str, AlertRule] = {rule.id: rule for rule in rules}
        self.states: dict[str, RuleState] = dict(states or {})
        self.window = ObservationWindow(self._horizon())
        self.incidents = IncidentWindow()

    @property
    def now(self) -> datetime | None:
        """The latest event time seen, of articles and incident reports."""
        times = [t for t in (self.window.now, self.incidents.now) if t is not None]
        return max(times) if times else None

    def observe(self, obs: Observation) -> list[Transition]:
        """Add an observation and evaluate stream rules; a duplicate changes nothing."""
        if self.run_id is not None and obs.run_id != self.run_id:
            return []
        if not self.window.add(obs):
            return []
        now = self.now or obs.event_time
        return [t for rule in self._stream_rules() if (t := self._step(rule, now))]

    def observe_incident(self, state: IncidentState) -> list[Transition]:
        """Keep an incident's new state and evaluate the rules that count incidents."""
        if self.run_id is not None and state.run_id != self.run_id:
            return []
        if not self.incidents.update(state):
            return []
        self.incidents.prune(self._horizon())
        now = self.now or state.last_seen
        rules = [r for r in self._stream_rules() if counts_incidents(r)]
        return [t for rule in rules if (t := self._step(rule, now))]

    def load(self, observations: Iterable[Observation]) -> None:
        """Refill the window (after a restart) without evaluating."""
        for obs in observations:
            self.window.add(obs)

    def set_rule(self, rule: AlertRule) -> list[Transition]:
        """Add or replace a rule; re-evaluate it at once where there is data."""
        self.rules[rule.id] = rule
        self.window.horizon_seconds = self._horizon()
        now = self.now
        if rule.is_system or now is None:
            return [] if rule.enabled else self._disable(rule)
        transition = self._step(rule, now)
        return [transition] if transition else []

    def remove_rule(self, rule_id: str) -> list[Transition]:
        """Forget a rule; a pending or firing one is cleared or resolved first."""
        rule = self.rules.pop(rule_id, None)
        transitions = self._disable(rule) if rule else []
        self.states.pop(rule_id, None)
        return transitions

    def tick(self, now: datetime, probe: Probe) -> list[Transition]:
        """Evaluate system rules with values measured by ``probe`` at ``now``."""
        transitions = []
        for rule in self.rules.values():
            if rule.is_system and rule.enabled:
                transition = self._apply(rule, probe(rule, now), now)
                if transition:
                    transitions.append(transition)
        return transitions

    def _disable(self, rule: AlertRule) -> list[Transition]:
        now = self.now or self.states.get(rule.id, RuleState(rule.id)).since
        if now is None:
            return []
        transition = self._apply(replace(rule, enabled=False), None, now)
        return [transition] if transition else []

    def value(self, rule: AlertRule, now: datetime) -> float | None:
        """The rule's window value: over incidents once the run has any, else per article."""
        if self.incidents.active and counts_incidents(rule):
            return self.incidents.value(rule, now)
        return self.window.value(rule, now)

    def _step(self, rule: AlertRule, now: datetime) -> Transition | None:
        return self._apply(rule, self.value(rule, now), now)

    def _apply(self, rule: AlertRule, value: float | None, now: datetime) -> Transition | None:
        state, transition = evaluate(rule, value, now, self.states.get(rule.id))
        self.states[rule.id] = state
        if transition is None:
            return None
        return replace(transition, run_id=self.run_id or "backtest")

    def _stream_rules(self) -> list[AlertRule]:
        return [r for r in self.rules.values() if not r.is_system and r.enabled]

    def _horizon(self) -> int:
        windows = [rule.window_seconds for rule in self.rules.values()]
        return max([DEFAULT_HORIZON, *windows])


@dataclass(frozen=True)
class Point:
    """The rule's window value right after one observation."""

    at: datetime
    value: float | None


def backtest(
    rule: AlertRule, events: Iterable[Observation], incidents: Iterable[IncidentState] = ()
) -> list[Transition]:
    """When ``rule`` would have gone pending, fired and resolved over ``events``."""
    return backtest_series(rule, events, incidents)[1]


def backtest_series(
    rule: AlertRule, events: Iterable[Observation], incidents: Iterable[IncidentState] = ()
) -> tuple[list[Point], list[Transition]]:
    """The window value after each event, and the transitions, in event-time order.

    ``incidents`` (their stored, current states) enter at the time they were first seen;
    given any, ``killed``/``wounded`` rules count them instead of per-article figures.
    """
    engine = Engine([replace(rule, enabled=True, silenced_until=None)], run_id=None)
    timeline: list[tuple[datetime, Observation | IncidentState]] = [
        (s.first_seen, replace(s, last_seen=s.first_seen)) for s in incidents
    ]  # an incident comes in with its first article, so before it at the same time
    timeline += [(o.event_time, o) for o in events]
    engine.incidents.active = any(isinstance(item, IncidentState) for _, item in timeline)
    points: list[Point] = []
    transitions: list[Transition] = []
    for _, item in sorted(timeline, key=lambda pair: pair[0]):
        if isinstance(item, IncidentState):
            transitions += engine.observe_incident(item)
        else:
            transitions += engine.observe(item)
        now = engine.now
        if now is not None:
            points.append(Point(now, engine.value(rule, now)))
    return points, transitions
