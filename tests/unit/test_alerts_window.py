"""Sliding event-time windows, filters and samples."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from consumers.alerts.rules import AlertRule
from consumers.alerts.window import (
    MAX_SKEW,
    Observation,
    ObservationWindow,
    aggregate,
    sample,
)
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Extraction

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def obs(n: int, minute: float, **fields: object) -> Observation:
    base = Observation("live", f"a{n}", T0 + timedelta(minutes=minute), "wire")
    return replace(base, **fields)


def rule(**changes: object) -> AlertRule:
    base = AlertRule(id="r", name="r", metric="killed", threshold=1, window_seconds=600)
    return replace(base, **changes).validate()


@pytest.mark.parametrize(
    ("aggregation", "expected"), [("sum", 9.0), ("count", 3.0), ("max", 5.0), ("latest", 3.0)]
)
def test_aggregations(aggregation: str, expected: float) -> None:
    assert aggregate(aggregation, [1.0, 5.0, 3.0]) == expected


def test_aggregate_of_nothing_is_no_data() -> None:
    assert aggregate("sum", []) is None


def test_window_slides_by_event_time_and_dedupes() -> None:
    window = ObservationWindow()
    for item in (obs(1, 0, killed=4), obs(2, 5, killed=3), obs(3, 12, killed=2)):
        assert window.add(item)
    assert not window.add(obs(2, 5, killed=3))
    assert window.now == T0 + timedelta(minutes=12)
    assert window.value(rule()) == 5.0  # minute 0 fell out of the 10-minute window
    assert window.value(rule(), T0 + timedelta(minutes=6)) == 7.0


def test_out_of_order_events_are_placed_by_time() -> None:
    window = ObservationWindow()
    window.add(obs(1, 10, killed=1))
    window.add(obs(2, 2, killed=7))
    assert window.now == T0 + timedelta(minutes=10)
    assert window.value(rule(aggregation="latest")) == 1.0


def test_filters_and_metric_samples() -> None:
    item = obs(1, 0, killed=2, locations=("Gaza",), actors=("Hamas",), negotiations=("talks",))
    assert sample(rule(location="gaza"), item) == 2.0
    assert sample(rule(location="Rafah"), item) is None
    assert sample(rule(actor="HAMAS", source="wire"), item) == 2.0
    assert sample(rule(source="other"), item) is None
    assert sample(rule(metric="wounded"), item) is None
    assert sample(rule(metric="negotiation"), item) == 1.0
    assert sample(rule(metric="negotiation", subject="ceasefire_started"), item) is None
    assert sample(rule(metric="mentions", subject="Gaza"), item) == 1.0
    assert sample(rule(metric="death_toll"), replace(item, death_toll=30)) == 30.0


def test_old_observations_are_pruned_beyond_the_horizon() -> None:
    window = ObservationWindow(horizon_seconds=60)
    window.add(obs(1, 0, killed=1))
    window.add(obs(2, 5, killed=1))
    assert len(window) == 1


def test_pruning_forgets_the_dedupe_keys_too() -> None:
    window = ObservationWindow(horizon_seconds=60)
    for n in range(100):
        window.add(obs(n, n))
    assert len(window._seen) == len(window) <= 2
    assert window.seen(obs(99, 99)) and not window.seen(obs(0, 0))


def test_event_time_is_clamped_to_processing_time_plus_skew() -> None:
    article = ArticleEvent.create(source="wire", body="x",
                                  published_at=datetime(2099, 1, 1, tzinfo=UTC))  # fmt: skip
    far = Observation.from_metrics(ArticleMetrics(article, Extraction(), T0))
    assert far.event_time == T0 + MAX_SKEW
    past = ArticleEvent.create(source="wire", body="y", published_at=T0 - timedelta(days=30))
    replayed = Observation.from_metrics(ArticleMetrics(past, Extraction(), T0))
    assert replayed.event_time == T0 - timedelta(days=30)


def test_a_year_long_window_at_the_start_of_time_does_not_overflow() -> None:
    window = ObservationWindow(horizon_seconds=365 * 86400)
    window.add(replace(obs(1, 0, killed=2), event_time=datetime(1, 1, 2, tzinfo=UTC)))
    assert window.value(rule(window_seconds=365 * 86400)) == 2.0
