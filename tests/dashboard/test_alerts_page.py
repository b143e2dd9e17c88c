"""The alerts page rendered with Streamlit's AppTest against a real store and broker."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from consumers.alerts.evaluation import backtest_series
from consumers.alerts.rules import AlertRule
from consumers.alerts.state import RuleState
from consumers.alerts.window import Observation
from dashboard.sections.alerts import (
    NEW,
    PUBLISH_TIMEOUT,
    backtest_chart,
    escape_markdown,
    firing_intervals,
)
from tests.dashboard.conftest import UNREACHABLE_BROKER
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Extraction, Summary
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
# 10-minute sum of killed: 4, 11 (fires at >= 10), 2 (resolves), 3, 15 (fires again)
HISTORY = [(0, 4), (1, 7), (15, 2), (16, 1), (30, 15)]


def page(store, settings) -> None:  # type: ignore[no-untyped-def]  # run as a script
    from dashboard.sections.alerts import render

    render(store, settings)


def banner_page(store) -> None:  # type: ignore[no-untyped-def]  # run as a script
    from dashboard.sections.alerts import firing_banner

    firing_banner(store)


def banner(store: SqlStore) -> AppTest:
    """The firing banner alone (the app shows it on every page, the Alerts page too)."""
    return AppTest.from_function(banner_page, args=(store,), default_timeout=30)


def seed(store: SqlStore) -> None:
    for minute, killed in HISTORY:
        article = ArticleEvent.create(source="wire", body=f"{killed} killed at {minute}",
                                      published_at=T0 + timedelta(minutes=minute))  # fmt: skip
        processed = T0 + timedelta(minutes=minute, seconds=1)
        store.save(ArticleMetrics(article, Extraction(summary=Summary(killed=killed)), processed))


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
    at.text_input(key=key("window")).input("10m").run()  # typed as the CLI takes it
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
    at.text_input(key=key("window")).input("10 minutes").run()
    assert any("not a duration: '10 minutes'" in w.value for w in at.warning)
    at.text_input(key=key("window")).input("1h").run()
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
    at = banner(store).run()
    assert len(at.error) == 1 and "Deaths in Gaza" in at.error[0].value


def test_backtest_chart_shades_firings() -> None:
    rule = AlertRule(id="r", name="r", metric="killed", threshold=10, window_seconds=600)
    events = [Observation("live", f"a{i}", T0 + timedelta(minutes=m), "wire",
                                      killed=k) for i, (m, k) in enumerate(HISTORY)]  # fmt: skip
    points, transitions = backtest_series(rule, events)
    spans = firing_intervals(transitions, points[-1].at)
    assert [(s["start"], s["end"]) for s in spans] == [
        (T0 + timedelta(minutes=1), T0 + timedelta(minutes=15)),
        (T0 + timedelta(minutes=30), T0 + timedelta(minutes=30)),
    ]
    spec = backtest_chart(points, transitions, rule).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "line", "rule", "rule"]


@pytest.fixture
def offline(tmp_path: Path) -> Settings:
    """Settings with a store of our own and no broker."""
    return replace(Settings.from_env({}), bootstrap_servers=UNREACHABLE_BROKER,
                   data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'alerts.db'}")  # fmt: skip


@pytest.fixture
def local_store(offline: Settings) -> Iterator[SqlStore]:
    opened = open_store(offline.store_url)
    yield opened
    opened.close()


class DeadBrokerProducer:
    """A producer whose sends time out, as with the broker down; remembers its config."""

    configs: list[dict[str, Any]] = []

    def __init__(self, _settings: Settings, **config: Any) -> None:
        self.configs.append(config)

    def send(self, *_args: Any, **_kwargs: Any) -> DeadBrokerProducer:
        return self

    def get(self, timeout: float) -> None:
        from kafka.errors import KafkaTimeoutError

        msg = f"Failed to update metadata after {timeout} secs."
        raise KafkaTimeoutError(msg)

    def close(self, timeout: float | None = None) -> None:
        pass


def test_save_with_the_broker_down_shows_an_error_quickly(
    local_store: SqlStore, offline: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consumers.alerts import topic

    monkeypatch.setattr(topic, "make_producer", DeadBrokerProducer)
    DeadBrokerProducer.configs.clear()
    at = app(local_store, offline).run()
    at.text_input(key=key("name")).input("Deaths").run()
    at.button(key="alerts.save").click().run()
    assert not at.exception
    assert any("Could not publish the rule" in e.value for e in at.error)
    assert alert_store.load_rules(local_store) == []
    [config] = DeadBrokerProducer.configs
    limit = PUBLISH_TIMEOUT * 1000
    assert config["max_block_ms"] <= limit and config["bootstrap_timeout_ms"] <= limit


def test_rule_names_in_the_banner_are_not_markdown(
    local_store: SqlStore, offline: Settings
) -> None:
    store = local_store
    name = "**Gaza** [click](http://evil.example) :red[boom] $x$ # h"
    alert_store.save_rule(store, AlertRule(id="d", name=name, metric="killed", threshold=10))
    alert_store.save_batch(store, "live", [], [RuleState("d", "firing", T0, 12.0, T0, True)], [])
    text = banner(store).run().error[0].value
    assert escape_markdown(name) in text
    assert "[click](" not in text and "**Gaza**" not in text
    assert escape_markdown("a*b_c") == "a\\*b\\_c"


def test_a_kafka_error_on_save_is_shown_not_raised(
    local_store: SqlStore, offline: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kafka.errors import KafkaTimeoutError

    from consumers.alerts import topic

    def publish(*_args: Any, **_kwargs: Any) -> None:
        msg = "Batch for TopicPartition(alert-rules, 0) expired"
        raise KafkaTimeoutError(msg)

    monkeypatch.setattr(topic, "publish", publish)
    at = app(local_store, offline).run()
    at.text_input(key=key("name")).input("Deaths").run()
    at.button(key="alerts.save").click().run()
    assert not at.exception
    assert any("KafkaTimeoutError" in e.value for e in at.error)
