"""The services ``wirewatch up`` runs, and the order they stop in."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from wirewatch.settings import Settings
from wirewatch.stack import ALERTS_GROUP, build_args, services

SETTINGS = Settings.from_env({})


def test_services_stop_in_data_flow_order() -> None:
    chosen = services(build_args(["--extractors", "2"]), SETTINGS)
    assert [s.name for s in chosen] == [
        "demo", "extractor-0", "extractor-1", "alerts", "incidenter", "dashboard",
    ]  # fmt: skip
    assert chosen[0].drain is None
    assert chosen[1].drain == (SETTINGS.group_id, "articles")
    assert chosen[3].drain == (ALERTS_GROUP, "metrics")


def test_no_demo_and_webhooks_reach_the_evaluator() -> None:
    args = build_args(["--no-demo", "--webhook", "http://127.0.0.1:9/a", "--webhook", "http://h/b"])
    chosen = {s.name: s for s in services(args, SETTINGS)}
    assert "demo" not in chosen
    argv = chosen["alerts"].argv
    assert argv[argv.index("--webhook") + 1] == "http://127.0.0.1:9/a"
    assert argv.count("--webhook") == 2


def test_demo_rate_and_seed() -> None:
    demo = services(build_args(["--rate", "5", "--seed", "3"]), SETTINGS)[0]
    assert demo.argv[:2] == ["produce", "synthetic"]
    assert demo.argv[demo.argv.index("--rate") + 1] == "5.0"
    assert demo.argv[demo.argv.index("--seed") + 1] == "3"


def test_each_extractor_is_a_static_member_with_its_own_stable_id() -> None:
    first = services(build_args(["--extractors", "2"]), SETTINGS)
    again = services(build_args(["--extractors", "2"]), SETTINGS)
    ids = [s.argv[s.argv.index("--instance-id") + 1] for s in first if s.name.startswith("ext")]
    assert len(set(ids)) == 2
    assert ids == [
        s.argv[s.argv.index("--instance-id") + 1] for s in again if "--instance-id" in s.argv
    ]


class FakeBroker:
    bootstrap = "127.0.0.1:1"

    def __init__(self, running: bool) -> None:
        self.running, self.started, self.stopped = running, False, False

    def status(self) -> Any:
        return SimpleNamespace(running=self.running)

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True


@pytest.mark.parametrize("already_running", [True, False])
def test_ctrl_c_stops_the_broker_only_if_up_started_it(
    already_running: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from wirewatch import stack

    broker = FakeBroker(already_running)
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KAFKA_BOOTSTRAP_SERVERS", raising=False)
    monkeypatch.setattr(stack, "local_broker", lambda settings: broker)
    monkeypatch.setattr(stack, "ensure_topics", lambda settings: [])
    monkeypatch.setattr(stack, "services", lambda args, settings: [])
    monkeypatch.setattr(stack, "_stop_flag", lambda: lambda: True)  # Ctrl-C at once
    assert stack.run_stack(build_args(["--no-demo"])) == 0
    assert (broker.started, broker.stopped) == (not already_running, not already_running)
