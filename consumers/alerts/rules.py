"""Alert rules: what to watch, how to aggregate it, and when to fire.

A rule watches one metric, aggregated over a sliding window, and compares the
aggregate with a threshold. Stream metrics come from the ``metrics`` topic and
are evaluated in event time; system metrics (``dead_letter_rate``,
``consumer_lag``, ``pipeline_staleness``) are probed on a wall-clock tick.
Rules live on the compacted ``alert_rules`` topic as JSON, keyed by id.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from wirewatch.errors import ConfigError
from wirewatch.schema import parse_time

STREAM_METRICS = ("killed", "wounded", "death_toll", "negotiation", "mentions")
SYSTEM_METRICS = ("dead_letter_rate", "consumer_lag", "pipeline_staleness")
METRICS = STREAM_METRICS + SYSTEM_METRICS
AGGREGATIONS = ("sum", "count", "max", "latest")
COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}
SEVERITIES = ("info", "warning", "critical")
NO_DATA_POLICIES = ("ok", "keep", "alert")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class RuleError(ConfigError):
    """An alert rule is invalid."""


@dataclass(frozen=True)
class AlertRule:
    """One alert rule. Times are seconds; ``recovery`` defaults to ``threshold``.

    ``subject`` names the actor or location counted by the ``mentions`` metric,
    or the negotiation event type (e.g. ``ceasefire_started``) for ``negotiation``.
    """

    id: str
    name: str
    metric: str
    threshold: float
    comparator: str = ">="
    aggregation: str = "sum"
    window_seconds: int = 3600
    for_seconds: int = 0
    recovery: float | None = None
    cooldown_seconds: int = 0
    severity: str = "warning"
    subject: str | None = None
    location: str | None = None
    actor: str | None = None
    source: str | None = None
    enabled: bool = True
    note: str = ""
    no_data: str = "ok"
    silenced_until: datetime | None = None

    @property
    def is_system(self) -> bool:
        return self.metric in SYSTEM_METRICS

    @property
    def recovery_threshold(self) -> float:
        return self.threshold if self.recovery is None else self.recovery

    def breaches(self, value: float) -> bool:
        """Whether ``value`` meets the firing condition."""
        return COMPARATORS[self.comparator](value, self.threshold)

    def recovered(self, value: float) -> bool:
        """Whether ``value`` has cleared the recovery threshold (hysteresis)."""
        return not COMPARATORS[self.comparator](value, self.recovery_threshold)

    def silenced(self, at: datetime) -> bool:
        return self.silenced_until is not None and at < self.silenced_until

    def validate(self) -> AlertRule:
        """Return the rule, or raise :class:`RuleError` naming what is wrong."""
        for problem in _problems(self):
            msg = f"rule {self.id!r}: {problem}"
            raise RuleError(msg)
        return self

    def with_changes(self, **changes: Any) -> AlertRule:
        """A validated copy with some fields changed."""
        return replace(self, **changes).validate()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["silenced_until"] = self.silenced_until.isoformat() if self.silenced_until else None
        return data

    @classmethod
    def from_dict(cls, data: Any) -> AlertRule:
        """Parse and validate a rule dict; unknown fields are an error."""
        if not isinstance(data, dict):
            msg = f"a rule must be a JSON object, got {type(data).__name__}"
            raise RuleError(msg)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            msg = f"unknown rule field(s): {', '.join(unknown)}"
            raise RuleError(msg)
        missing = [name for name in ("id", "name", "metric", "threshold") if name not in data]
        if missing:
            msg = f"rule lacks required field(s): {', '.join(missing)}"
            raise RuleError(msg)
        values = dict(data)
        if values.get("silenced_until"):
            values["silenced_until"] = parse_time(values["silenced_until"], "silenced_until")
        return cls(**values).validate()


def _problems(rule: AlertRule) -> list[str]:
    checks: list[tuple[bool, str]] = [
        (bool(_ID.match(str(rule.id))), "id must be 1-64 letters, digits, '.', '_' or '-'"),
        (bool(str(rule.name).strip()), "name must not be empty"),
        (rule.metric in METRICS, f"metric must be one of {', '.join(METRICS)}"),
        (rule.aggregation in AGGREGATIONS, f"aggregation must be one of {', '.join(AGGREGATIONS)}"),
        (rule.comparator in COMPARATORS, f"comparator must be one of {', '.join(COMPARATORS)}"),
        (rule.severity in SEVERITIES, f"severity must be one of {', '.join(SEVERITIES)}"),
        (rule.no_data in NO_DATA_POLICIES, f"no_data must be one of {', '.join(NO_DATA_POLICIES)}"),
        (_number(rule.threshold), "threshold must be a number"),
        (rule.recovery is None or _number(rule.recovery), "recovery must be a number"),
        (_whole(rule.window_seconds, 1), "window_seconds must be a whole number >= 1"),
        (_whole(rule.for_seconds, 0), "for_seconds must be a whole number >= 0"),
        (_whole(rule.cooldown_seconds, 0), "cooldown_seconds must be a whole number >= 0"),
        (isinstance(rule.enabled, bool), "enabled must be true or false"),
    ]
    problems = [message for ok, message in checks if not ok]
    if problems:
        return problems
    return _semantic_problems(rule)


def _semantic_problems(rule: AlertRule) -> list[str]:
    problems = []
    if rule.metric == "mentions" and not rule.subject:
        problems.append("metric 'mentions' needs a subject (the actor or location to count)")
    if rule.subject and rule.metric not in ("mentions", "negotiation"):
        problems.append("subject applies only to the 'mentions' and 'negotiation' metrics")
    if rule.is_system and rule.aggregation != "latest":
        problems.append(f"system metric {rule.metric!r} supports only aggregation 'latest'")
    if rule.is_system and (rule.location or rule.actor or rule.source):
        problems.append(f"system metric {rule.metric!r} takes no location/actor/source filter")
    upward = rule.comparator in (">", ">=")
    if rule.recovery is not None and (rule.recovery > rule.threshold if upward
                                      else rule.recovery < rule.threshold):  # fmt: skip
        side = "at or below" if upward else "at or above"
        problems.append(f"recovery {rule.recovery} must be {side} threshold {rule.threshold}")
    if rule.silenced_until is not None and rule.silenced_until.tzinfo is None:
        problems.append("silenced_until must be timezone-aware")
    return problems


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _whole(value: Any, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least
