"""Alert rules: what to watch, how to aggregate it, and when to fire.

A rule watches one metric, aggregated over a sliding window, and compares the
aggregate with a threshold. Stream metrics come from the ``metrics`` topic and
are evaluated in event time; system metrics (``dead_letter_rate``,
``consumer_lag``, ``pipeline_staleness``, ``feed_silence``: seconds since a listed
feed, the ``subject`` URL or else the quietest, brought a new item) are probed on a
wall-clock tick.
Rules live on the compacted ``alert-rules`` topic as JSON, keyed by id.

The fields are typed once, with ``Literal`` choices and ``msgspec`` constraints:
:meth:`AlertRule.from_dict` decodes and validates with msgspec (a misspelt metric
fails there, and fails type-checking in code), and :data:`RULE_FIELDS` describes
each field once for the CLI flags and the dashboard form. Only the checks that
relate two fields are written by hand (:func:`_semantic_problems`).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields, replace
from datetime import datetime
from typing import Annotated, Any, Literal, get_args

import msgspec

from wirewatch.errors import ConfigError

StreamMetric = Literal["killed", "wounded", "death_toll", "negotiation", "mentions"]
SystemMetric = Literal["dead_letter_rate", "consumer_lag", "pipeline_staleness", "feed_silence"]
Metric = Literal[StreamMetric, SystemMetric]
Aggregation = Literal["sum", "count", "max", "latest"]
Comparator = Literal[">", ">=", "<", "<="]
Severity = Literal["info", "warning", "critical"]
NoData = Literal["ok", "keep", "alert"]

STREAM_METRICS: tuple[str, ...] = get_args(StreamMetric)
SYSTEM_METRICS: tuple[str, ...] = get_args(SystemMetric)
METRICS: tuple[str, ...] = get_args(Metric)
AGGREGATIONS: tuple[str, ...] = get_args(Aggregation)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
NO_DATA_POLICIES: tuple[str, ...] = get_args(NoData)
COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}
MAX_SECONDS = 365 * 86_400  # longest window, hold, cool-down or duration: one year
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z"

RuleId = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
Window = Annotated[int, msgspec.Meta(ge=1, le=MAX_SECONDS)]
Hold = Annotated[int, msgspec.Meta(ge=0, le=MAX_SECONDS)]
Moment = Annotated[datetime, msgspec.Meta(tz=True)]


class RuleError(ConfigError):
    """An alert rule is invalid."""


@dataclass(frozen=True)
class AlertRule:
    """One alert rule. Times are seconds; ``recovery`` defaults to ``threshold``.

    ``subject`` names the actor or location counted by the ``mentions`` metric,
    or the negotiation event type (e.g. ``ceasefire_started``) for ``negotiation``.
    ``silenced_until`` is the older per-rule mute; silences with matchers, author
    and comment live in the store (:mod:`consumers.alerts.silences`).
    """

    id: RuleId
    name: str
    metric: Metric
    threshold: float
    comparator: Comparator = ">="
    aggregation: Aggregation = "sum"
    window_seconds: Window = 3600
    for_seconds: Hold = 0
    recovery: float | None = None
    cooldown_seconds: Hold = 0
    severity: Severity = "warning"
    subject: str | None = None
    location: str | None = None
    actor: str | None = None
    source: str | None = None
    enabled: bool = True
    note: str = ""
    no_data: NoData = "ok"
    silenced_until: Moment | None = None

    @property
    def is_system(self) -> bool:
        return self.metric in SYSTEM_METRICS

    @property
    def recovery_threshold(self) -> float:
        return self.threshold if self.recovery is None else self.recovery

    @property
    def labels(self) -> dict[str, str]:
        """What a silence can match on: ``rule`` (the id) and the rule's set fields."""
        named = {"rule": self.id, "metric": self.metric, "severity": self.severity}
        for name in ("subject", "location", "actor", "source"):
            if (value := getattr(self, name)) is not None:
                named[name] = value
        return named

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
        return AlertRule.from_dict(self.to_dict())

    def with_changes(self, **changes: Any) -> AlertRule:
        """A validated copy with some fields changed."""
        return replace(self, **changes).validate()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = msgspec.to_builtins(self)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> AlertRule:
        """Decode and validate a rule dict; unknown fields are an error."""
        if not isinstance(data, dict):
            msg = f"a rule must be a JSON object, got {type(data).__name__}"
            raise RuleError(msg)
        unknown = sorted(set(data) - set(FIELD_NAMES))
        if unknown:
            msg = f"unknown rule field(s): {', '.join(map(str, unknown))}"
            raise RuleError(msg)
        missing = [name for name in REQUIRED if name not in data]
        if missing:
            msg = f"rule lacks required field(s): {', '.join(missing)}"
            raise RuleError(msg)
        try:
            rule = msgspec.convert(data, cls)
        except msgspec.ValidationError as exc:
            msg = f"rule {data.get('id')!r}: {explain(exc)}"
            raise RuleError(msg) from None
        for problem in _semantic_problems(rule):
            msg = f"rule {rule.id!r}: {problem}"
            raise RuleError(msg)
        return rule


@dataclass(frozen=True)
class RuleField:
    """How one rule field is asked for: by a CLI flag and by a dashboard widget.

    ``widget``: ``text``, ``choice`` (of ``choices``), ``number``, ``optional``
    (a number that may be left empty), ``duration`` (``10m``, ``1h``), ``known``
    (text with a pick-list of values seen in the store) or ``switch``.
    """

    name: str
    label: str
    help: str
    widget: Literal["text", "choice", "number", "optional", "duration", "known", "switch"]
    flag: str = ""
    choices: tuple[str, ...] = ()

    @property
    def option(self) -> str:
        """The CLI flag, e.g. ``--window``."""
        return "--" + (self.flag or self.name)

    @property
    def default(self) -> Any:
        """The rule's default for this field (``MISSING`` when required)."""
        return _DEFAULTS[self.name]

    @property
    def required(self) -> bool:
        return self.name in REQUIRED


#: Every editable rule field, once: the CLI flags and the dashboard form are built from it.
RULE_FIELDS: tuple[RuleField, ...] = (
    RuleField("name", "Name", "human-readable name", "text"),
    RuleField("metric", "Metric", "what to watch", "choice", choices=METRICS),
    RuleField("subject", "Subject", "actor/location for 'mentions'; event type for "
              "'negotiation' (e.g. ceasefire_started); feed URL for 'feed_silence'", "text"),
    RuleField("aggregation", "Aggregation", "over the window", "choice", choices=AGGREGATIONS),
    RuleField("comparator", "Comparator", "comparison", "choice", choices=tuple(COMPARATORS)),
    RuleField("threshold", "Threshold", "value compared with the aggregate", "number"),
    RuleField("recovery", "Recovery threshold", "threshold the value must clear to resolve "
              "(empty: the threshold)", "optional"),
    RuleField("window_seconds", "Window", "sliding window in event time", "duration",
              flag="window"),
    RuleField("for_seconds", "For", "how long the breach must hold before firing", "duration",
              flag="for"),
    RuleField("cooldown_seconds", "Cool-down", "minimum time between notified firings",
              "duration", flag="cooldown"),
    RuleField("severity", "Severity", "how urgent", "choice", choices=SEVERITIES),
    RuleField("no_data", "No data", "empty window: ok = treat as clear, keep = no change, "
              "alert = treat as breached", "choice", flag="no-data", choices=NO_DATA_POLICIES),
    RuleField("location", "Location", "only articles mentioning this location", "known"),
    RuleField("actor", "Actor", "only articles mentioning this actor", "known"),
    RuleField("source", "Source", "only articles from this source", "known"),
    RuleField("note", "Note", "free text shown with the alert", "text"),
    RuleField("enabled", "Enabled", "whether the rule is evaluated", "switch", flag="disabled"),
)  # fmt: skip

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(AlertRule))
REQUIRED: tuple[str, ...] = tuple(
    f.name for f in fields(AlertRule) if f.default is MISSING and f.default_factory is MISSING
)
_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(AlertRule)}
_MESSAGES: dict[str, str] = {
    "id": "id must be 1-64 letters, digits, '.', '_' or '-'",
    "name": "name must be text",
    "threshold": "threshold must be a number",
    "recovery": "recovery must be a number",
    "enabled": "enabled must be true or false",
    "silenced_until": "silenced_until must be a timezone-aware time",
    **{name: f"{name} must be text" for name in ("subject", "location", "actor", "source", "note")},
    **{name: f"{name} must be a whole number {low}..{MAX_SECONDS}"
       for name, low in (("window_seconds", 1), ("for_seconds", 0), ("cooldown_seconds", 0))},
    **{f.name: f"{f.name} must be one of {', '.join(f.choices)}"
       for f in RULE_FIELDS if f.choices},
}  # fmt: skip
_PATH = re.compile(r"at `\$\.(\w+)`")


def explain(exc: msgspec.ValidationError) -> str:
    """A msgspec validation error as a sentence naming the field and what it takes."""
    found = _PATH.search(str(exc))
    field = found.group(1) if found else ""
    detail = _PATH.sub("", str(exc)).strip(" -")
    return f"{_MESSAGES[field]} ({detail})" if field in _MESSAGES else str(exc)


def _semantic_problems(rule: AlertRule) -> list[str]:
    problems = []
    if not rule.name.strip():
        problems.append("name must not be empty")
    if not all(math.isfinite(v) for v in (rule.threshold, rule.recovery_threshold)):
        problems.append("threshold must be a number (and recovery too), not NaN or infinite")
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
    return problems
