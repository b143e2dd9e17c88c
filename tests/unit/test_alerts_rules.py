"""Alert rule validation and round trips."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from consumers.alerts.rules import AlertRule, RuleError


def make(**changes: object) -> AlertRule:
    base = {"id": "r1", "name": "deaths", "metric": "killed", "threshold": 10}
    return AlertRule.from_dict({**base, **changes})


def test_round_trip_keeps_every_field() -> None:
    until = datetime(2026, 1, 1, tzinfo=UTC)
    rule = make(recovery=5, comparator=">", silenced_until=until.isoformat(), location="Gaza")
    assert AlertRule.from_dict(rule.to_dict()) == rule
    assert rule.silenced_until == until


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"metric": "casualties"}, "metric must be one of"),
        ({"aggregation": "avg"}, "aggregation must be one of"),
        ({"comparator": "=="}, "comparator must be one of"),
        ({"severity": "urgent"}, "severity must be one of"),
        ({"no_data": "ignore"}, "no_data must be one of"),
        ({"window_seconds": 0}, "window_seconds"),
        ({"for_seconds": -1}, "for_seconds"),
        ({"threshold": "ten"}, "threshold must be a number"),
        ({"id": "bad id!"}, "id must be"),
        ({"name": " "}, "name must not be empty"),
        ({"metric": "mentions"}, "needs a subject"),
        ({"subject": "Qatar"}, "subject applies only"),
        ({"metric": "consumer_lag", "aggregation": "sum"}, "only aggregation 'latest'"),
        ({"recovery": 20}, "at or below threshold"),
        ({"comparator": "<", "recovery": 5}, "at or above threshold"),
        ({"colour": "red"}, "unknown rule field"),
    ],
)
def test_invalid_rules_name_the_problem(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(RuleError, match=fragment):
        make(**changes)


def test_missing_required_fields_are_listed() -> None:
    with pytest.raises(RuleError, match="threshold"):
        AlertRule.from_dict({"id": "x", "name": "x", "metric": "killed"})


def test_hysteresis_conditions() -> None:
    rule = make(comparator=">", threshold=10, recovery=5)
    assert rule.breaches(11) and not rule.breaches(10)
    assert not rule.recovered(6) and rule.recovered(5)


def test_silence_has_an_end() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rule = make().with_changes(silenced_until=start + timedelta(hours=1))
    assert rule.silenced(start)
    assert not rule.silenced(start + timedelta(hours=1))
