"""The evaluator killed (kill -9) while a webhook is being retried: notified exactly once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from consumers.alerts import topic
from consumers.alerts.rules import AlertRule
from tests.faults.support import Child, service_env, wait_until
from tests.support.sql import query
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Extraction, Summary
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store

pytestmark = pytest.mark.faults

RULE = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=10, window_seconds=600)


class Hook(HTTPServer):
    """A webhook that answers 503 while ``down``, and keeps what it accepted."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), HookHandler)
        self.down = True
        self.requests = 0
        self.accepted: list[str] = []  # X-Wirewatch-Delivery of each accepted POST

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class HookHandler(BaseHTTPRequestHandler):
    server: Hook

    def do_POST(self) -> None:  # noqa: N802  # http.server's naming
        self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests += 1
        if self.server.down:
            self.send_response(503)
        else:
            self.server.accepted.append(self.headers["X-Wirewatch-Delivery"])
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[Hook]:
    server = Hook()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def firing_metric() -> bytes:
    at = datetime.now(UTC)
    article = ArticleEvent.create(source="wire", body="20 killed", published_at=at)
    return ArticleMetrics(article, Extraction(summary=Summary(killed=20)), at).encode()


def notified(store: SqlStore) -> list[tuple[str, int]]:
    return [(k, int(n)) for k, n in query(store, "SELECT kind, notified FROM alert_events")]


def test_an_evaluator_killed_during_a_webhook_retry_notifies_once_after_restart(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any, hook: Hook, tmp_path: Path
) -> None:
    topic.publish(kafka_settings, store, RULE)
    producer = producer_factory()
    producer.send(kafka_settings.topics.metrics, value=firing_metric())
    producer.flush()
    env = service_env(kafka_settings, WIREWATCH_WEBHOOK_ALLOW=f"127.0.0.1:{hook.port}")
    argv = ["alerts", "run", "--group", f"{kafka_settings.group_id}.alerts",
            "--webhook", f"http://127.0.0.1:{hook.port}/hook"]  # fmt: skip
    first = Child(argv, env, tmp_path / "first.log")
    try:
        wait_until(lambda: hook.requests >= 2, 120, "the webhook to be retried")
    finally:
        first.kill()
    assert notified(store) == [("firing", 0)], first.output()
    assert hook.accepted == []

    hook.down = False
    second = Child(argv, env, tmp_path / "second.log")
    try:
        wait_until(lambda: hook.accepted, 120, "the delivery after the restart")
        wait_until(lambda: notified(store) == [("firing", 1)], 60, "the firing marked notified")
    finally:
        code = second.stop()
    assert code == 0, second.output()
    assert len(hook.accepted) == 1, hook.accepted
    assert hook.accepted[0].startswith("live/deaths/")
    counts = alert_store.outbox_counts(store)
    assert counts == {"delivered": 2}  # the webhook and the alerts topic
