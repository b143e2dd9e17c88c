"""The alert evaluator against the real broker: transitions, live rule edits, restarts."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.alerts import topic
from consumers.alerts.evaluator import Evaluator
from consumers.alerts.notify import Dispatcher, WebhookNotifier
from consumers.alerts.rules import AlertRule
from consumers.alerts.state import KINDS
from tests.unit.test_alerts_notify import LOOPBACK, Receiver
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Extraction, Summary
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
RULE = AlertRule(
    id="deaths", name="Deaths", metric="killed", threshold=10, window_seconds=600,
    for_seconds=120, recovery=5, severity="critical",
)  # fmt: skip
# (minute, killed): pending at 1 (11), firing at 4 (13), resolved at 12 (3 < 5)
STREAM = [(0, 4), (1, 7), (4, 2), (12, 1), (20, 1)]


def metric(n: int, minute: float, killed: int, run_id: str = "live") -> ArticleMetrics:
    published = T0 + timedelta(minutes=minute)
    body = f"article {n}: {killed} killed"
    article = ArticleEvent.create(source="wire", body=body, published_at=published)
    article = article.with_run(run_id)
    return ArticleMetrics(article, Extraction(summary=Summary(killed=killed)), published)


def send(producer: Any, settings: Settings, events: list[ArticleMetrics]) -> None:
    for event in events:  # one partition: event order is consumption order
        producer.send(settings.topics.metrics, key=event.article.article_id.encode(),
                      value=event.encode(), partition=0)  # fmt: skip
    producer.flush()


def drain(evaluator: Evaluator, until: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "evaluator did not catch up in time"
        evaluator.poll_once(timeout_ms=300)


@pytest.fixture
def make_evaluator(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any
) -> Iterator[Callable[..., Evaluator]]:
    feeds: list[topic.RuleFeed] = []

    def make(group: str = "alerts", dispatcher: Dispatcher | None = None) -> Evaluator:
        consumer = consumer_factory(kafka_settings.topics.metrics,
                                    group_id=f"{kafka_settings.group_id}.{group}")  # fmt: skip
        feed = topic.RuleFeed(kafka_settings)
        feeds.append(feed)
        evaluator = Evaluator(kafka_settings, store, consumer, producer_factory(), feed, dispatcher)
        evaluator.start()
        return evaluator

    yield make
    for feed in feeds:
        feed.close()


def alerts_on_topic(consumer_factory: Any, settings: Settings, expected: int) -> list[dict]:
    consumer = consumer_factory(settings.topics.alerts, group_id=f"{settings.group_id}.reader")
    seen: list[dict] = []
    deadline = time.monotonic() + 30
    while len(seen) < expected and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            seen += [json.loads(r.value) for r in records]
    return seen


def test_rule_goes_pending_fires_and_resolves_at_the_right_messages(
    kafka_settings: Settings, store: SqlStore, make_evaluator: Any, producer_factory: Any,
    consumer_factory: Any,
) -> None:  # fmt: skip
    topic.publish(kafka_settings, store, RULE)
    evaluator = make_evaluator()
    events = [metric(n, minute, killed) for n, (minute, killed) in enumerate(STREAM)]
    send(producer_factory(), kafka_settings, [*events[:3], events[1], *events[3:]])
    drain(evaluator, lambda: evaluator.seen >= len(STREAM) + 1)

    moments = [(t.kind, t.at) for t in evaluator.transitions]
    assert moments == [
        ("pending", events[1].article.event_time),
        ("firing", events[2].article.event_time),
        ("resolved", events[3].article.event_time),
    ]
    on_topic = alerts_on_topic(consumer_factory, kafka_settings, 3)
    assert [a["kind"] for a in on_topic] == ["pending", "firing", "resolved"]
    assert [t.kind for t in alert_store.history(store, "deaths")] == [
        "resolved",
        "firing",
        "pending",
    ]


def test_rule_edited_during_a_run_takes_effect_without_restart(
    kafka_settings: Settings, store: SqlStore, make_evaluator: Any, producer_factory: Any
) -> None:
    strict = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=100)
    topic.publish(kafka_settings, store, strict)
    evaluator = make_evaluator()
    send(producer_factory(), kafka_settings, [metric(1, 0, 20)])
    drain(evaluator, lambda: evaluator.seen >= 1)
    assert list(evaluator.transitions) == []

    topic.publish(kafka_settings, None, strict.with_changes(threshold=10))
    drain(evaluator, lambda: evaluator.engine.rules["deaths"].threshold == 10)
    assert [t.kind for t in evaluator.transitions] == ["firing"]

    topic.publish(kafka_settings, None, strict.with_changes(threshold=10, enabled=False))
    drain(evaluator, lambda: not evaluator.engine.rules["deaths"].enabled)
    topic.remove(kafka_settings, None, "deaths")
    drain(evaluator, lambda: "deaths" not in evaluator.engine.rules)
    assert [t.kind for t in evaluator.transitions] == ["firing", "resolved"]
    assert alert_store.load_rule(store, "deaths") is None  # the mirror follows the topic


def test_bad_rules_and_metric_records_on_the_topics_are_skipped(
    kafka_settings: Settings, store: SqlStore, make_evaluator: Any, producer_factory: Any
) -> None:
    producer = producer_factory()
    base = {"id": "bad", "name": "bad", "metric": "killed", "threshold": 1}
    for body in ({**base, "silenced_until": "soon"}, {**base, "location": 5},
                 {**base, "window_seconds": 10**11}, []):  # fmt: skip
        producer.send(kafka_settings.topics.alert_rules, key=b"bad", value=body)
    producer.flush()
    topic.publish(kafka_settings, store, RULE)
    evaluator = make_evaluator()
    assert set(evaluator.engine.rules) == {"deaths"}

    for value in ([], "x"):
        producer.send(kafka_settings.topics.metrics, key=b"k", value=value, partition=0)
    send(producer, kafka_settings, [metric(n, m, k) for n, (m, k) in enumerate(STREAM[:3])])
    drain(evaluator, lambda: evaluator.seen >= 5)
    assert [t.kind for t in evaluator.transitions] == ["pending", "firing"]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver(failures=1, status=503)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_restart_does_not_renotify_and_webhook_gets_one_post_per_change(
    kafka_settings: Settings, store: SqlStore, make_evaluator: Any, producer_factory: Any,
    receiver: Receiver,
) -> None:  # fmt: skip
    hook = WebhookNotifier(receiver.url, allow=LOOPBACK, backoff=0.01)
    topic.publish(kafka_settings, store, RULE)
    events = [metric(n, minute, killed) for n, (minute, killed) in enumerate(STREAM)]
    producer = producer_factory()
    first = make_evaluator(dispatcher=Dispatcher([hook], KINDS))
    send(producer, kafka_settings, events[:3])
    drain(first, lambda: first.seen >= 3)
    assert [b["kind"] for b in receiver.bodies] == ["pending", "firing"]
    assert receiver.requests == 3  # the first POST failed with 503 and was retried

    # a fresh group re-reads every metric event: the restored state and the
    # evaluated-observation log keep the old ones from firing again
    second = make_evaluator(group="alerts-restarted", dispatcher=Dispatcher([hook], KINDS))
    assert second.engine.states["deaths"].status == "firing"
    send(producer, kafka_settings, events[3:])
    drain(second, lambda: second.seen >= len(STREAM))
    assert [b["kind"] for b in receiver.bodies] == ["pending", "firing", "resolved"]
    assert [t.kind for t in second.transitions] == ["resolved"]


@pytest.fixture
def cli_env(kafka_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Point ``Settings.from_env()`` in the CLI handlers at this test's broker and topics."""
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_settings.bootstrap_servers)
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(kafka_settings.data_dir))
    monkeypatch.setenv("WIREWATCH_STORE_URL", kafka_settings.store_url)
    prefix = kafka_settings.topics.articles.removesuffix("articles")
    monkeypatch.setenv("WIREWATCH_TOPIC_PREFIX", prefix)
    return kafka_settings


def wirewatch(*argv: str) -> int:
    from tests.unit.test_alerts_cli import parser

    args = parser().parse_args(list(argv))
    return int(args.handler(args))


def test_cli_manages_rules_and_runs_the_evaluator(
    cli_env: Settings, store: SqlStore, producer_factory: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wirewatch("alerts", "add", "--name", "Deaths", "--metric", "killed", "--threshold",
                     "100", "--window", "10m") == 0  # fmt: skip
    assert wirewatch("alerts", "edit", "deaths", "--threshold", "10") == 0
    assert wirewatch("alerts", "silence", "deaths", "--for", "1h") == 0
    assert wirewatch("alerts", "silence", "deaths", "--clear") == 0
    assert wirewatch("alerts", "disable", "deaths") == 0
    assert wirewatch("alerts", "enable", "deaths") == 0
    rule = alert_store.load_rule(store, "deaths")
    assert rule is not None and rule.threshold == 10 and rule.enabled
    assert rule.silenced_until is None

    send(producer_factory(), cli_env, [metric(n, m, k) for n, (m, k) in enumerate(STREAM)])
    sink = cli_env.data_dir / "alerts.jsonl"
    assert wirewatch("alerts", "run", "--jsonl", str(sink), "--max-records", str(len(STREAM)),
                     "--idle-exit", "20") == 0  # fmt: skip
    notified = [json.loads(line)["kind"] for line in sink.read_text().splitlines()]
    assert notified == ["firing", "resolved"]

    capsys.readouterr()
    assert wirewatch("alerts", "list") == 0
    assert "deaths" in capsys.readouterr().out
    assert wirewatch("alerts", "history", "deaths") == 0
    assert capsys.readouterr().out.count("deaths") == 2
    assert wirewatch("alerts", "delete", "deaths") == 0
    assert alert_store.load_rules(store) == []


def test_cli_backtest_over_stored_history(
    cli_env: Settings, store: SqlStore, capsys: pytest.CaptureFixture[str]
) -> None:
    for n, (minute, killed) in enumerate(STREAM):
        store.save(metric(n, minute, killed))
    assert wirewatch("alerts", "backtest", "--rule-json", json.dumps(RULE.to_dict()),
                     "--since", "36500d") == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["kind"] for line in lines[:-1]] == ["pending", "firing", "resolved"]
    assert lines[-1].startswith("deaths: 1 firing(s) over 5 article(s)")


def test_evaluator_process_stops_cleanly_on_sigterm(
    kafka_settings: Settings, tmp_path: Path
) -> None:
    from tests.integration.test_replay_kafka import spawn_cli, wait_for

    log = tmp_path / "evaluator.log"
    child = spawn_cli(kafka_settings, log, "alerts", "run", "--tick", "1")
    try:
        wait_for(lambda: "observation(s) restored" in log.read_text(), "the evaluator to start")
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 0
    finally:
        child.kill() if child.poll() is None else None
    assert "evaluator stopped" in log.read_text()
