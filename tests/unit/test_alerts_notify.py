"""Notifiers: webhook retries against a loopback server, the allow-list, the file sink."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from consumers.alerts.notify import (
    Dispatcher,
    FileNotifier,
    WebhookNotifier,
    delivery_id,
    shown_target,
)
from consumers.alerts.state import Transition
from wirewatch.errors import ConfigError
from wirewatch.settings import Settings

#: The tests' receivers listen on loopback at a free port: allow any port there.
LOOPBACK = ("127.0.0.1:*", "localhost:*")
FIRING = Transition("r", "deaths", "firing", datetime(2026, 3, 1, tzinfo=UTC), 12.0, 10.0,
                    "critical", notify=True)  # fmt: skip


class Receiver(HTTPServer):
    """A loopback webhook that fails the first ``failures`` requests with 503."""

    def __init__(self, failures: int = 0, status: int = 503) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.failures, self.status = failures, status
        self.bodies: list[dict[str, Any]] = []
        self.requests = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # noqa: N802  # http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests += 1
        if self.server.requests <= self.server.failures:
            self.send_response(self.server.status)
        else:
            self.server.bodies.append(json.loads(body))
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def receiver(request: pytest.FixtureRequest) -> Iterator[Receiver]:
    failures, status = getattr(request, "param", (0, 503))
    server = Receiver(failures, status)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_webhook_posts_the_transition(receiver: Receiver) -> None:
    assert WebhookNotifier(receiver.url, allow=LOOPBACK).send(FIRING)
    assert receiver.bodies == [FIRING.to_dict()]


@pytest.mark.parametrize("receiver", [(2, 503)], indirect=True)
def test_webhook_retries_with_exponential_backoff(receiver: Receiver) -> None:
    waits: list[float] = []
    hook = WebhookNotifier(receiver.url, allow=LOOPBACK, retries=3, backoff=0.5, sleep=waits.append)
    assert hook.send(FIRING)
    assert receiver.requests == 3 and len(receiver.bodies) == 1
    assert waits == [0.5, 1.0]


@pytest.mark.parametrize("receiver", [(5, 503)], indirect=True)
def test_webhook_gives_up_after_its_retries(receiver: Receiver) -> None:
    hook = WebhookNotifier(receiver.url, allow=LOOPBACK, retries=2, sleep=lambda _s: None)
    assert not hook.send(FIRING)
    assert receiver.requests == 3


@pytest.mark.parametrize("receiver", [(1, 400)], indirect=True)
def test_webhook_does_not_retry_a_client_error(receiver: Receiver) -> None:
    assert not WebhookNotifier(receiver.url, allow=LOOPBACK, sleep=lambda _s: None).send(FIRING)
    assert receiver.requests == 1


def test_webhook_refuses_hosts_off_the_allow_list() -> None:
    with pytest.raises(ConfigError, match="not allowed"):
        WebhookNotifier("http://example.com/hook")
    with pytest.raises(ConfigError, match="http"):
        WebhookNotifier("file:///etc/passwd")


def test_allow_list_from_env() -> None:
    assert Settings.from_env({}).webhook_allow == ("127.0.0.1", "localhost")
    env = {"WIREWATCH_WEBHOOK_ALLOW": "Hooks.example.org, 10.0.0.1"}
    assert Settings.from_env(env).webhook_allow == (
        "hooks.example.org",
        "10.0.0.1",
    )


def test_file_sink_and_dispatcher_kinds(tmp_path: Path) -> None:
    sink = FileNotifier(tmp_path / "alerts.jsonl")
    pending = Transition("r", "deaths", "pending", FIRING.at, 12.0, 10.0, "info", notify=True)
    muted = Transition("r", "deaths", "firing", FIRING.at, 12.0, 10.0, "info", notify=False)
    assert Dispatcher([sink]).dispatch([pending, FIRING, muted]) == 1
    lines = (tmp_path / "alerts.jsonl").read_text().splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["firing"]


class Redirector(BaseHTTPRequestHandler):
    """Answers every POST with a 302 to ``server.location``."""

    def do_POST(self) -> None:  # noqa: N802  # http.server's naming
        self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests += 1  # type: ignore[attr-defined]
        self.send_response(302)
        self.send_header("Location", self.server.location)  # type: ignore[attr-defined]
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_webhook_refuses_to_follow_a_redirect(receiver: Receiver) -> None:
    server = HTTPServer(("127.0.0.1", 0), Redirector)
    server.requests, server.location = 0, receiver.url.replace("127.0.0.1", "localhost")  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        assert not WebhookNotifier(url, allow=LOOPBACK, sleep=lambda _s: None).send(FIRING)
    finally:
        server.shutdown()
        server.server_close()
    assert server.requests == 1  # type: ignore[attr-defined]  # a 3xx is final, not retried
    assert receiver.requests == 0  # the other host was never contacted


@pytest.mark.parametrize("url", ["http://127.0.0.1:abc/hook", "http://127.0.0.1:99999/hook"])
def test_webhook_with_a_bad_port_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError, match="port"):
        WebhookNotifier(url, allow=LOOPBACK)


def test_an_unusable_url_at_send_time_is_a_failed_delivery() -> None:
    hook = WebhookNotifier("http://127.0.0.1:8/hook", allow=LOOPBACK, sleep=lambda _s: None)
    hook.url = "http://127.0.0.1:abc/hook"  # as if it slipped past the constructor
    assert hook.send(FIRING) is False


class Broken:
    def send(self, transition: Transition) -> bool:
        msg = "disk full"
        raise OSError(msg)


def test_a_notifier_that_raises_counts_as_a_failed_delivery(tmp_path: Path) -> None:
    sink = FileNotifier(tmp_path / "alerts.jsonl")
    assert Dispatcher([Broken(), sink]).dispatch([FIRING]) == 1
    assert (tmp_path / "alerts.jsonl").read_text().count("\n") == 1


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.mark.parametrize("receiver", [(1000, 503)], indirect=True)
def test_webhook_retries_stay_within_the_time_budget(receiver: Receiver) -> None:
    clock = FakeClock()
    hook = WebhookNotifier(receiver.url, allow=LOOPBACK, retries=20, backoff=1.0, budget=10.0,
                           sleep=clock.sleep, clock=clock.monotonic)  # fmt: skip
    assert not hook.send(FIRING)
    assert clock.now <= 10.0
    assert receiver.requests < 21


def test_dispatch_stops_notifying_once_its_budget_is_spent(tmp_path: Path) -> None:
    clock = FakeClock()

    class Slow:
        def send(self, transition: Transition) -> bool:
            clock.sleep(40.0)
            return True

    dispatcher = Dispatcher([Slow()], budget=100.0, clock=clock.monotonic)
    assert dispatcher.dispatch([FIRING] * 10) == 3


def test_every_retry_carries_the_same_delivery_id_and_the_json_body() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) < 3 else 200)

    hook = WebhookNotifier("http://127.0.0.1:8080/hook", allow=LOOPBACK, sleep=lambda _s: None,
                           transport=httpx.MockTransport(answer))  # fmt: skip
    assert hook.send(FIRING) and hook.attempts == 3
    ids = {r.headers["X-Wirewatch-Delivery"] for r in seen}
    assert ids == {delivery_id(FIRING)}
    assert json.loads(seen[-1].content) == FIRING.to_dict()


def test_a_timeout_is_retried_and_a_429_too() -> None:
    answers = iter([httpx.ReadTimeout("slow"), httpx.Response(429), httpx.Response(204)])

    def answer(request: httpx.Request) -> httpx.Response:
        outcome = next(answers)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    hook = WebhookNotifier("http://127.0.0.1:8080/hook", allow=LOOPBACK, sleep=lambda _s: None,
                           transport=httpx.MockTransport(answer))  # fmt: skip
    assert hook.send(FIRING) and hook.attempts == 3


def test_a_webhook_target_is_shown_by_host_only() -> None:
    assert shown_target("https://hooks.slack.com/services/T0/B0/s3cret") == (
        "webhook", "https://hooks.slack.com/…")  # fmt: skip
    assert shown_target("http://10.0.0.1:8080/x?token=1") == ("webhook", "http://10.0.0.1:8080/…")
    assert shown_target("file:/var/log/alerts.jsonl") == ("file", "/var/log/alerts.jsonl")
