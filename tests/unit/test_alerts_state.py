"""The pure alert state machine."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from consumers.alerts.rules import AlertRule
from consumers.alerts.state import FIRING, OK, PENDING, RuleState, Transition, evaluate

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def rule(**changes: object) -> AlertRule:
    base = AlertRule(id="r", name="r", metric="killed", threshold=10, comparator=">=")
    return replace(base, **changes).validate()


def run(r: AlertRule, steps: list[tuple[float, float | None]]) -> list[Transition | None]:
    state: RuleState | None = None
    out = []
    for second, value in steps:
        state, transition = evaluate(r, value, at(second), state)
        out.append(transition)
    return out


def kinds(transitions: list[Transition | None]) -> list[str | None]:
    return [t.kind if t else None for t in transitions]


def test_pending_then_firing_after_for_then_resolved() -> None:
    r = rule(for_seconds=60)
    steps = [(0, 5), (10, 12), (40, 15), (70, 11), (80, 3)]
    assert kinds(run(r, steps)) == [None, "pending", None, "firing", "resolved"]


def test_pending_clears_when_breach_ends_early() -> None:
    assert kinds(run(rule(for_seconds=60), [(0, 12), (30, 2), (100, 2)])) == [
        "pending",
        "cleared",
        None,
    ]


def test_zero_for_fires_at_once() -> None:
    transitions = run(rule(), [(0, 10)])
    assert kinds(transitions) == ["firing"]
    assert transitions[0] is not None and transitions[0].notify


def test_hysteresis_holds_firing_until_recovery() -> None:
    r = rule(recovery=4)
    assert kinds(run(r, [(0, 12), (1, 8), (2, 4), (3, 3)])) == ["firing", None, None, "resolved"]


def test_downward_comparator() -> None:
    r = rule(metric="negotiation", comparator="<", threshold=1, no_data="alert")
    assert kinds(run(r, [(0, 3), (1, 0), (2, 2)])) == [None, "firing", "resolved"]


def test_cooldown_suppresses_renotification() -> None:
    r = rule(cooldown_seconds=100)
    transitions = run(r, [(0, 12), (10, 1), (20, 12), (30, 1), (150, 12)])
    assert kinds(transitions) == ["firing", "resolved", "firing", "resolved", "firing"]
    assert [t.notify for t in transitions if t] == [True, True, False, False, True]


def test_silence_records_but_does_not_notify() -> None:
    r = rule(silenced_until=at(50))
    transitions = run(r, [(0, 12), (60, 1)])
    assert kinds(transitions) == ["firing", "resolved"]
    assert [t.notify for t in transitions if t] == [False, False]


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("ok", [None, "firing", "resolved"]),
        ("keep", [None, "firing", None]),
        ("alert", ["firing", None, None]),
    ],
)
def test_no_data_policies(policy: str, expected: list[str | None]) -> None:
    r = rule(no_data=policy)
    assert kinds(run(r, [(0, None), (1, 20), (2, None)])) == expected


def test_disabling_resolves_a_firing_rule() -> None:
    state, _ = evaluate(rule(), 20, at(0), None)
    assert state.status == FIRING
    state, transition = evaluate(rule(enabled=False), 20, at(1), state)
    assert state.status == OK and transition is not None and transition.kind == "resolved"


def test_state_round_trip() -> None:
    state, _ = evaluate(rule(for_seconds=5), 20, at(0), None)
    assert state.status == PENDING
    assert RuleState.from_dict(state.to_dict()) == state


def test_transition_round_trip_and_refused_kind_or_severity() -> None:
    _, transition = evaluate(rule(), 20, at(0), None)
    assert transition is not None
    assert Transition.from_dict(transition.to_dict()) == transition
    with pytest.raises(ValueError, match="'fired' is not one of"):
        Transition.from_dict({**transition.to_dict(), "kind": "fired"})
    with pytest.raises(ValueError, match="'urgent' is not one of"):
        Transition.from_dict({**transition.to_dict(), "severity": "urgent"})
