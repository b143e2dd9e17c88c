"""The evaluation engine and the backtest built on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from consumers.alerts.evaluation import Engine, backtest, backtest_series
from consumers.alerts.rules import AlertRule
from consumers.alerts.window import Observation

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def obs(n: int, minute: float, killed: int, run_id: str = "live") -> Observation:
    return Observation(run_id, f"a{n}", T0 + timedelta(minutes=minute), "wire", killed=killed)


RULE = AlertRule(
    id="deaths", name="deaths", metric="killed", threshold=10, comparator=">=",
    window_seconds=600, for_seconds=120, recovery=5,
)  # fmt: skip
STREAM = [obs(1, 0, 4), obs(2, 1, 7), obs(3, 4, 2), obs(4, 12, 1), obs(5, 20, 1)]


def test_backtest_reports_when_the_rule_would_fire() -> None:
    transitions = backtest(RULE, STREAM)
    assert [(t.kind, t.at) for t in transitions] == [
        ("pending", T0 + timedelta(minutes=1)),  # 4 + 7 = 11 >= 10
        ("firing", T0 + timedelta(minutes=4)),  # still 13 after two minutes
        ("resolved", T0 + timedelta(minutes=12)),  # 2 + 1 = 3 < 5
    ]


def test_backtest_is_order_independent_and_repeatable() -> None:
    assert backtest(RULE, list(reversed(STREAM))) == backtest(RULE, STREAM)


def test_backtest_series_gives_the_window_value_per_event() -> None:
    points, _ = backtest_series(RULE, STREAM)
    assert [p.value for p in points] == [4.0, 11.0, 13.0, 3.0, 2.0]  # (10, 20] holds 12 and 20


def test_engine_ignores_other_runs_and_duplicates() -> None:
    engine = Engine([RULE])
    assert engine.observe(obs(1, 0, 20, run_id="replay-x")) == []
    first = engine.observe(obs(2, 0, 20))
    assert [t.kind for t in first] == ["pending"]
    assert engine.observe(obs(2, 0, 20)) == []
    assert all(t.run_id == "live" for t in first)


def test_editing_a_rule_reevaluates_at_once() -> None:
    engine = Engine([replace(RULE, threshold=100, recovery=None)])
    engine.observe(obs(1, 0, 20))
    transitions = engine.set_rule(replace(RULE, for_seconds=0))
    assert [t.kind for t in transitions] == ["firing"]
    assert [t.kind for t in engine.remove_rule(RULE.id)] == ["resolved"]
    assert RULE.id not in engine.states


def test_tick_evaluates_system_rules_with_the_probe() -> None:
    stale = AlertRule(id="stale", name="stale", metric="pipeline_staleness", threshold=300,
                      aggregation="latest", no_data="alert")  # fmt: skip
    engine = Engine([stale, RULE])
    values = {T0: 10.0, T0 + timedelta(minutes=10): 600.0, T0 + timedelta(minutes=11): None}
    kinds = [[t.kind for t in engine.tick(moment, lambda _r, at: values[at])] for moment in values]
    assert kinds == [[], ["firing"], []]
