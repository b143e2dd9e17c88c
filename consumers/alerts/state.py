"""The per-rule alert state machine: pure, so replays and tests are deterministic.

::

    ok --breach--> pending --held for `for_seconds`--> firing --recovered--> ok
     ^                |                                                    (resolved)
     +---cleared------+

``for_seconds == 0`` fires straight from ``ok``. Firing ends when the value clears
the recovery threshold (hysteresis). Every transition is recorded; ``notify`` is
False while the rule is silenced, within the cool-down of its last notified
firing, or (for ``resolved``) when the firing itself was not notified.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any, Literal, get_args

from consumers.alerts.rules import SEVERITIES, AlertRule, Severity
from wirewatch.events import parse_time
from wirewatch.metrics import member

OK, PENDING, FIRING = "ok", "pending", "firing"
TransitionKind = Literal["pending", "firing", "resolved", "cleared"]
KINDS: tuple[TransitionKind, ...] = get_args(TransitionKind)


@dataclass(frozen=True)
class RuleState:
    """Where one rule stands. ``since`` is when it entered its status."""

    rule_id: str
    status: str = OK
    since: datetime | None = None
    value: float | None = None
    notified_at: datetime | None = None
    firing_notified: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("since", "notified_at"):
            moment = getattr(self, name)
            data[name] = moment.isoformat() if moment else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuleState:
        values = dict(data)
        for name in ("since", "notified_at"):
            if values.get(name):
                values[name] = parse_time(values[name], name)
        return cls(**values)


@dataclass(frozen=True)
class Transition:
    """One state change of one rule: the event published to the ``alerts`` topic."""

    rule_id: str
    rule_name: str
    kind: TransitionKind
    at: datetime
    value: float | None
    threshold: float
    severity: Severity
    notify: bool
    run_id: str = "live"
    reason: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity for idempotent writes."""
        return (self.run_id, self.rule_id, self.at.isoformat(), self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transition:
        """A transition read back; ValueError names a ``kind`` or ``severity`` outside its set."""
        return cls(
            **{
                **data,
                "kind": member(data["kind"], KINDS),
                "severity": member(data["severity"], SEVERITIES),
                "at": parse_time(data["at"], "at"),
            }
        )


def evaluate(
    rule: AlertRule, value: float | None, now: datetime, previous: RuleState | None
) -> tuple[RuleState, Transition | None]:
    """Advance ``previous`` given the window value at ``now`` (None: no data)."""
    state = previous or RuleState(rule.id)
    if not rule.enabled:
        return _leave(rule, state, now, value, "rule disabled")
    breach, recovered = _conditions(rule, value)
    if breach is None:  # no data, policy "keep"
        return replace(state, value=value), None
    if state.status == OK:
        if not breach:
            return replace(state, value=value), None
        if rule.for_seconds == 0:
            return _fire(rule, state, now, value)
        return _move(rule, state, PENDING, "pending", now, value, "threshold breached")
    if state.status == PENDING:
        if not breach:
            return _move(rule, state, OK, "cleared", now, value, "breach ended before `for`")
        if state.since is not None and (now - state.since).total_seconds() >= rule.for_seconds:
            return _fire(rule, state, now, value)
        return replace(state, value=value), None
    if recovered:
        return _leave(rule, state, now, value, "recovered")
    return replace(state, value=value), None


def _conditions(rule: AlertRule, value: float | None) -> tuple[bool | None, bool]:
    if value is not None:
        return rule.breaches(value), rule.recovered(value)
    if rule.no_data == "keep":
        return None, False
    alerting = rule.no_data == "alert"
    return alerting, not alerting


def _fire(
    rule: AlertRule, state: RuleState, now: datetime, value: float | None
) -> tuple[RuleState, Transition]:
    cooled = state.notified_at is None or (
        (now - state.notified_at).total_seconds() >= rule.cooldown_seconds
    )
    notify = cooled and not rule.silenced(now)
    new = RuleState(
        rule.id,
        FIRING,
        now,
        value,
        notified_at=now if notify else state.notified_at,
        firing_notified=notify,
    )
    reason = "no data" if value is None else "threshold held"
    return new, _transition(rule, "firing", now, value, notify, reason)


def _leave(
    rule: AlertRule, state: RuleState, now: datetime, value: float | None, reason: str
) -> tuple[RuleState, Transition | None]:
    if state.status == OK:
        return replace(state, value=value), None
    kind: TransitionKind = "resolved" if state.status == FIRING else "cleared"
    notify = kind == "resolved" and state.firing_notified and not rule.silenced(now)
    new = RuleState(rule.id, OK, now, value, state.notified_at, firing_notified=False)
    return new, _transition(rule, kind, now, value, notify, reason)


def _move(
    rule: AlertRule,
    state: RuleState,
    status: str,
    kind: TransitionKind,
    now: datetime,
    value: float | None,
    reason: str,
) -> tuple[RuleState, Transition]:
    new = replace(state, status=status, since=now, value=value)
    notify = not rule.silenced(now)
    return new, _transition(rule, kind, now, value, notify, reason)


def _transition(
    rule: AlertRule,
    kind: TransitionKind,
    at: datetime,
    value: float | None,
    notify: bool,
    reason: str,
) -> Transition:
    threshold = rule.recovery_threshold if kind == "resolved" else rule.threshold
    return Transition(
        rule.id, rule.name, kind, at, value, threshold, rule.severity, notify, reason=reason
    )
