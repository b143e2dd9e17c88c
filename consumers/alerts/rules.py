"""Alert rules: what to watch, how to aggregate it, and when to fire.

A rule watches one metric, aggregated over a sliding window, and compares the
aggregate with a threshold. Stream metrics come from the ``metrics`` topic and
are evaluated in event time; system metrics (``dead_letter_rate``,
``consumer_lag``, ``pipeline_staleness``, ``feed_silence``: seconds since a listed
feed, the ``subject`` URL or else the quietest, brought a new item) are probed on a
wall-clock tick.
Rules live on the compacted ``alert_rules`` topic as JSON, keyed by id.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from wirewatch.errors import ConfigError, SchemaError
from wirewatch.schema import parse_time

STREAM_METRICS = ("killed", "wounded", "death_toll", "negotiation", "mentions")
SYSTEM_METRICS = ("dead_letter_rate", "consumer_lag", "pipeline_staleness", "feed_silence")
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
MAX_SECONDS = 365 * 86_400  # longest window, hold, cool-down or duration: one year
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_TEXT_FIELDS = ("subject", "location", "actor", "source")


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
            try:
                values["silenced_until"] = parse_time(values["silenced_until"], "silenced_until")
            except SchemaError as exc:
                raise RuleError(str(exc)) from None
        return cls(**values).validate()


def _problems(rule: AlertRule) -> list[str]:
    checks: list[tuple[bool, str]] = [
        (_text(rule.id) and bool(_ID.fullmatch(rule.id)),
         "id must be 1-64 letters, digits, '.', '_' or '-'"),
        (_text(rule.name), "name must be text"),
        (not _text(rule.name) or bool(rule.name.strip()), "name must not be empty"),
        (_one_of(rule.metric, METRICS), f"metric must be one of {', '.join(METRICS)}"),
        (_one_of(rule.aggregation, AGGREGATIONS),
         f"aggregation must be one of {', '.join(AGGREGATIONS)}"),
        (_one_of(rule.comparator, tuple(COMPARATORS)),
         f"comparator must be one of {', '.join(COMPARATORS)}"),
        (_one_of(rule.severity, SEVERITIES), f"severity must be one of {', '.join(SEVERITIES)}"),
        (_one_of(rule.no_data, NO_DATA_POLICIES),
         f"no_data must be one of {', '.join(NO_DATA_POLICIES)}"),
        (_number(rule.threshold), "threshold must be a number"),
        (rule.recovery is None or _number(rule.recovery), "recovery must be a number"),
        (_whole(rule.window_seconds, 1), f"window_seconds must be a whole number 1..{MAX_SECONDS}"),
        (_whole(rule.for_seconds, 0), f"for_seconds must be a whole number 0..{MAX_SECONDS}"),
        (_whole(rule.cooldown_seconds, 0),
         f"cooldown_seconds must be a whole number 0..{MAX_SECONDS}"),
        (isinstance(rule.enabled, bool), "enabled must be true or false"),
        (_text(rule.note), "note must be text"),
        (rule.silenced_until is None or isinstance(rule.silenced_until, datetime),
         "silenced_until must be a time"),
    ]  # fmt: skip
    checks += [(getattr(rule, name) is None or _text(getattr(rule, name)),
                f"{name} must be text") for name in _TEXT_FIELDS]  # fmt: skip
    problems = [message for ok, message in checks if not ok]
    if problems:
        return problems
    return _semantic_problems(rule)


def _semantic_problems(rule: AlertRule) -> list[str]:
    problems = []
    if rule.metric == "mentions" and not rule.subject:
        problems.append("metric 'mentions' needs a subject (the actor or location to count)")
    if rule.subject and rule.metric not in ("mentions", "negotiation", "feed_silence"):
        problems.append("subject applies only to the 'mentions', 'negotiation' and "
                        "'feed_silence' (a feed URL) metrics")  # fmt: skip
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
    return isinstance(value, int) and not isinstance(value, bool) and least <= value <= MAX_SECONDS


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _one_of(value: Any, choices: tuple[str, ...]) -> bool:
    return isinstance(value, str) and value in choices
