"""Alert rules over incidents: one figure per incident, revisions replace, backtests agree."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.alerts.evaluation import Engine, backtest, backtest_series
from consumers.alerts.evaluator import Evaluator
from consumers.alerts.incident_window import IncidentState, IncidentWindow, counts_incidents
from consumers.alerts.rules import AlertRule
from consumers.alerts.window import Observation
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from tests.unit.test_alerts_evaluator import StaticFeed
from wirewatch.errors import SchemaError
from wirewatch.settings import Settings
from wirewatch.store import incidents as incident_store
from wirewatch.store import open_store
from wirewatch.store.sql import to_ms

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
RULE = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=30, window_seconds=3600)


def state(incident: str, minute: float, figure: int, articles: int = 1, kind: str = "killed",
          place: str | None = "Khan Younis", last: float | None = None
          ) -> IncidentState:  # fmt: skip
    first = T0 + timedelta(minutes=minute)
    seen = first if last is None else T0 + timedelta(minutes=last)
    return IncidentState("live", incident, kind, figure, first, seen, articles, place)


def outlet(n: int, minute: float, killed: int) -> Observation:
    return Observation("live", f"a{n}", T0 + timedelta(minutes=minute), f"outlet{n}",
                       killed=killed)  # fmt: skip


def test_outlets_repeating_one_figure_count_it_once() -> None:
    engine = Engine([RULE])
    transitions = []
    for n in range(10):  # ten outlets, 19 killed each: 190 per article, 19 per incident
        transitions += engine.observe(outlet(n, n, 19))
        transitions += engine.observe_incident(state("i1", 0, 19, articles=n + 1, last=n))
    assert transitions == []
    assert engine.value(RULE, T0 + timedelta(minutes=10)) == 19.0


def test_a_revision_replaces_the_figure_instead_of_adding() -> None:
    engine = Engine([RULE])
    assert engine.observe_incident(state("i1", 0, 19)) == []
    assert engine.observe_incident(state("i2", 5, 9, place="Rafah")) == []
    (fired,) = engine.observe_incident(state("i1", 0, 24, articles=2, last=20))
    assert (fired.kind, fired.value) == ("firing", 33.0)  # 24 + 9, not 19 + 24 + 9


def test_an_older_state_read_again_changes_nothing() -> None:
    window = IncidentWindow()
    assert window.update(state("i1", 0, 24, articles=3))
    assert not window.update(state("i1", 0, 19, articles=2))  # redelivered, older
    assert not window.update(state("i1", 0, 24, articles=3))  # the same again
    assert window.value(RULE, T0) == 24.0


def test_the_window_counts_incidents_first_seen_in_it() -> None:
    window = IncidentWindow()
    window.load([state("old", 0, 50), state("new", 90, 7), state("w", 95, 3, kind="wounded")])
    at = T0 + timedelta(minutes=100)
    assert window.value(RULE, at) == 7.0  # "old" was first seen 100 min ago
    assert window.value(replace(RULE, aggregation="count"), at) == 1.0
    assert window.value(replace(RULE, metric="wounded"), at) == 3.0
    window.prune(horizon_seconds=3600)
    assert len(window) == 2


def test_location_filters_match_the_place_or_its_region() -> None:
    window = IncidentWindow()
    window.load([state("i1", 0, 19), state("i2", 1, 4, place="Kyiv"),
                 state("i3", 2, 2, place=None)])  # fmt: skip
    at = T0 + timedelta(minutes=5)
    assert window.value(replace(RULE, location="gaza"), at) == 19.0
    assert window.value(replace(RULE, location="Khan Younis"), at) == 19.0
    assert window.value(replace(RULE, location="Ukraine"), at) == 4.0
    assert window.value(replace(RULE, location="Rafah"), at) is None


def test_only_unfiltered_casualty_rules_count_incidents() -> None:
    assert counts_incidents(RULE)
    assert counts_incidents(replace(RULE, metric="wounded", location="Gaza"))
    assert not counts_incidents(replace(RULE, source="wire"))  # incidents have no one source
    assert not counts_incidents(replace(RULE, actor="IDF"))
    assert not counts_incidents(replace(RULE, metric="death_toll"))


def test_without_incidents_rules_keep_per_article_sums() -> None:
    engine = Engine([RULE])
    engine.observe(outlet(1, 0, 19))
    (fired,) = engine.observe(outlet(2, 1, 19))
    assert fired.value == 38.0


def test_bad_incident_updates_are_schema_errors() -> None:
    for bad in (b"", b"[]", b"\xff", b'{"incident_id": "x"}', b'{"run_id": "live", "figure": "x"}'):
        with pytest.raises(SchemaError):
            IncidentState.decode(bad)


def test_far_future_times_are_clamped() -> None:
    late = state("i1", 0, 5, last=10**6)
    assert state("i1", 0, 5).clamped(T0) == state("i1", 0, 5)
    assert late.clamped(T0).last_seen == T0


def test_backtests_count_incidents_when_given_them() -> None:
    events = [outlet(n, n, 19) for n in range(5)]
    incidents = [state("i1", 0, 19, articles=5, last=4)]
    assert [t.kind for t in backtest(RULE, events)] == ["firing"]  # 38 after two articles
    assert backtest(RULE, events, incidents) == []
    points, _ = backtest_series(RULE, events, incidents)
    assert {p.value for p in points} == {19.0}


def test_the_evaluator_reads_the_incidents_topic_and_refills_from_the_store(
    tmp_path: Path,
) -> None:
    settings = Settings()
    db = open_store(f"sqlite:///{tmp_path / 'a.db'}")

    def update(offset: int, st: IncidentState) -> FakeRecord:
        row = {"run_id": st.run_id, "incident_id": st.incident_id, "kind": st.kind,
               "place": st.place, "figure": st.figure, "first_ms": to_ms(st.first_seen),
               "last_ms": to_ms(st.last_seen), "articles": st.articles}  # fmt: skip
        return FakeRecord(settings.topics.incidents, 0, offset, None, json.dumps(row).encode())

    batch = [update(0, state("i1", 0, 19)), FakeRecord(settings.topics.incidents, 0, 1, None,
             b"junk"), update(2, state("i2", 3, 12, place="Rafah"))]  # fmt: skip
    feed: Any = StaticFeed([RULE])
    clock = lambda: T0 + timedelta(hours=1)  # noqa: E731
    service = Evaluator(settings, db, FakeConsumer(batches=[batch]), FakeProducer(), feed,
                        clock=clock)  # fmt: skip
    service.start()
    assert service.poll_once() == 3  # every record read
    assert service.seen == 0  # none of them a metric record
    assert service.incident_updates == 3
    (fired,) = service.transitions
    assert (fired.kind, fired.value) == ("firing", 31.0)
    for st in (state("i1", 0, 19), state("i2", 3, 12, place="Rafah")):  # the incidenter's rows
        row = (
            st.incident_id,
            st.kind,
            st.place,
            st.figure,
            st.figure,
            st.figure,
            "a",
            to_ms(st.first_seen),
            to_ms(st.last_seen),
            st.articles,
            0,
        )
        art = (st.incident_id, 0, st.incident_id, to_ms(st.first_seen), b"", "")
        incident_store.save_linked(db, "live", art, [], [row], [])
    again = Evaluator(settings, db, FakeConsumer(), FakeProducer(), feed, clock=clock)
    again.start()
    assert again.engine.incidents.active
    assert again.engine.value(RULE, T0 + timedelta(minutes=5)) == 31.0
    db.close()
