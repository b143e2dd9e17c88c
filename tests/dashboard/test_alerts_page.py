"""The alerts page rendered with Streamlit's AppTest against a real store and broker."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from streamlit.testing.v1 import AppTest

from consumers.alerts import store as alert_store
from consumers.alerts.engine import backtest_series
from consumers.alerts.rules import AlertRule
from consumers.alerts.state import RuleState
from dashboard.alerts_page import NEW, backtest_chart, firing_intervals
from wirewatch.metrics import ArticleMetrics, Extraction, Summary
from wirewatch.schema import ArticleEvent
from wirewatch.settings import Settings
from wirewatch.store import SqlStore

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
# 10-minute sum of killed: 4, 11 (fires at >= 10), 2 (resolves), 3, 15 (fires again)
HISTORY = [(0, 4), (1, 7), (15, 2), (16, 1), (30, 15)]


def page(store, settings) -> None:  # type: ignore[no-untyped-def]  # run as a script
    from dashboard.alerts_page import render

    render(store, settings)


def seed(store: SqlStore) -> None:
    for minute, killed in HISTORY:
        article = ArticleEvent.create(source="wire", body=f"{killed} killed at {minute}",
                                      published_at=T0 + timedelta(minutes=minute))  # fmt: skip
        store.save(ArticleMetrics(article, Extraction(summary=Summary(killed=killed)), T0))


def app(store: SqlStore, settings: Settings) -> AppTest:
    return AppTest.from_function(page, args=(store, settings), default_timeout=30)


def key(field: str) -> str:
    return f"alerts.{NEW}.{field}"


def test_editor_backtests_then_creates_a_rule(
    store: SqlStore, kafka_settings: Settings, consumer_factory: Any
) -> None:
    seed(store)
    at = app(store, kafka_settings).run()
    at.text_input(key=key("name")).input("Deaths").run()
    at.number_input(key=key("threshold")).set_value(10.0).run()
    at.number_input(key=key("window")).set_value(600).run()
    assert not at.exception
    summary = [m.value for m in at.markdown if m.value.startswith("**Backtest:**")]
    assert summary and "fired **2** time(s) over 5 article(s)" in summary[0]
    assert len(at.get("vega_lite_chart")) == 1  # the backtest chart, before saving
    assert alert_store.load_rules(store) == []

    at.button(key="alerts.save").click().run()
    assert [s.value for s in at.success] == ["Rule deaths saved."]
    saved = alert_store.load_rule(store, "deaths")
    assert saved is not None and saved.threshold == 10 and saved.window_seconds == 600

    consumer = consumer_factory(kafka_settings.topics.alert_rules, group_id="page-reader")
    records: list[Any] = []
    deadline = time.monotonic() + 30
    while not records and time.monotonic() < deadline:
        records = [r for rs in consumer.poll(timeout_ms=500).values() for r in rs]
    assert [(r.key, json.loads(r.value)["threshold"]) for r in records] == [(b"deaths", 10.0)]


def test_invalid_input_is_explained_not_saved(store: SqlStore, kafka_settings: Settings) -> None:
    at = app(store, kafka_settings).run()
    assert any("name must not be empty" in w.value for w in at.warning)
    at.text_input(key=key("name")).input("Qatar in the news").run()
    at.selectbox(key=key("metric")).set_value("mentions").run()
    assert any("needs a subject" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key == "alerts.save"]  # nothing to save
    assert alert_store.load_rules(store) == []


def test_firing_banner_shows_firing_rules(store: SqlStore, kafka_settings: Settings) -> None:
    rule = AlertRule(id="deaths", name="Deaths in Gaza", metric="killed", threshold=10)
    alert_store.save_rule(store, rule)
    state = RuleState("deaths", "firing", T0, 12.0, T0, True)
    alert_store.save_batch(store, "live", [], [state], [])
    at = app(store, kafka_settings).run()
    assert len(at.error) == 1 and "Deaths in Gaza" in at.error[0].value


def test_backtest_chart_shades_firings() -> None:
    rule = AlertRule(id="r", name="r", metric="killed", threshold=10, window_seconds=600)
    events = [alert_store.Observation("live", f"a{i}", T0 + timedelta(minutes=m), "wire",
                                      killed=k) for i, (m, k) in enumerate(HISTORY)]  # fmt: skip
    points, transitions = backtest_series(rule, events)
    spans = firing_intervals(transitions, points[-1].at)
    assert [(s["start"], s["end"]) for s in spans] == [
        (T0 + timedelta(minutes=1), T0 + timedelta(minutes=15)),
        (T0 + timedelta(minutes=30), T0 + timedelta(minutes=30)),
    ]
    spec = backtest_chart(points, transitions, rule).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "line", "rule", "rule"]
