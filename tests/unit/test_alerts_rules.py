"""Alert rule validation and round trips."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from consumers.alerts.rules import AlertRule, RuleError
from wirewatch.store import alerts as alert_store
from wirewatch.store import open_store


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


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"silenced_until": "soon"}, "silenced_until"),
        ({"silenced_until": 5}, "silenced_until"),
        ({"location": 5}, "location must be text"),
        ({"actor": ["Hamas"]}, "actor must be text"),
        ({"metric": "mentions", "subject": {"a": 1}}, "subject must be text"),
        ({"source": 1.5}, "source must be text"),
        ({"name": 7}, "name must be"),
        ({"id": 7}, "id must be"),
        ({"id": "r\n"}, "id must be"),
        ({"note": None}, "note must be text"),
        ({"comparator": [">"]}, "comparator must be one of"),
        ({"window_seconds": 10**11}, "window_seconds must be"),
        ({"for_seconds": 366 * 86400}, "for_seconds must be"),
        ({"cooldown_seconds": 10**20}, "cooldown_seconds must be"),
    ],
)
def test_wrongly_typed_or_oversized_fields_are_rule_errors(
    changes: dict[str, object], fragment: str
) -> None:
    with pytest.raises(RuleError, match=fragment):
        make(**changes)


def test_a_year_long_window_is_allowed() -> None:
    assert make(window_seconds=365 * 86400).window_seconds == 365 * 86400


def test_a_mirrored_rule_that_no_longer_validates_is_left_out(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    alert_store.save_rule(store, make())
    with store.transaction() as cur:
        cur.execute("INSERT INTO alert_rules (rule_id, body, updated_ms) VALUES (?, ?, 0)",
                    ("old", json.dumps({**make().to_dict(), "id": "old",
                                        "window_seconds": 400 * 86400})))  # fmt: skip
    assert [rule.id for rule in alert_store.load_rules(store)] == ["r1"]
    store.close()
