"""``wirewatch replay`` with a fake producer: signal handlers first, deliveries counted."""

from __future__ import annotations

import argparse
import signal
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from producers import replay_cli
from producers.recording import Recorded
from producers.replay import write_command
from tests.unit.test_alerts_cli import parser
from wirewatch.events import ArticleEvent
from wirewatch.settings import Settings


@dataclass
class Future:
    error: Exception | None

    def add_callback(self, fn: Any, *args: Any) -> Future:
        if self.error is None:
            fn(*args, "metadata")
        return self

    def add_errback(self, fn: Any, *args: Any) -> Future:
        if self.error is not None:
            fn(*args, self.error)
        return self


@dataclass
class Producer:
    fail_every: int = 0
    sent: list[bytes] = field(default_factory=list)

    def send(self, topic: str, key: Any = None, value: Any = None) -> Future:
        self.sent.append(value)
        failing = self.fail_every and len(self.sent) % self.fail_every == 0
        return Future(TimeoutError("broker gone") if failing else None)

    def flush(self, timeout: float | None = None) -> None:
        pass

    def close(self, timeout: float | None = None) -> None:
        pass


def records(count: int) -> list[Recorded]:
    events = [ArticleEvent.create(source="wire", body=f"article {n}") for n in range(count)]
    return [Recorded(n, 0, n, e.article_id, e.to_dict()) for n, e in enumerate(events)]


@pytest.fixture
def wired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Producer:
    settings = replace(Settings.from_env({}), data_dir=tmp_path)
    producer = Producer()
    monkeypatch.setattr(Settings, "from_env", staticmethod(lambda: settings))
    monkeypatch.setattr(replay_cli, "ensure_topics", lambda *_a, **_k: None)
    monkeypatch.setattr(replay_cli, "make_producer", lambda *_a, **_k: producer)
    monkeypatch.setattr(replay_cli, "load_input", lambda *_a: records(4))
    return producer


def args(*extra: str) -> argparse.Namespace:
    return parser().parse_args(["replay", "rec.jsonl.gz", "--speed", "max", "--no-progress",
                                *extra])  # fmt: skip


def test_sigusr1_is_handled_before_the_control_file_exists(
    wired: Producer, monkeypatch: pytest.MonkeyPatch
) -> None:
    handlers: list[Any] = []
    real = write_command

    def spy(path: Path, command: str, pid: int | None = None) -> bool:
        handlers.append(signal.getsignal(signal.SIGUSR1))
        return real(path, command, pid)

    monkeypatch.setattr(replay_cli, "write_command", spy)
    assert replay_cli.run_replay(args("--run-id", "r1")) == 0
    assert handlers and signal.SIG_DFL not in handlers


def test_failed_deliveries_are_reported_and_fail_the_command(
    wired: Producer, capsys: pytest.CaptureFixture[str]
) -> None:
    wired.fail_every = 2
    assert replay_cli.run_replay(args("--run-id", "r2")) == 1
    out = capsys.readouterr()
    assert "2 delivered, 2 failed" in out.out
    assert "could not be delivered" in out.err


def test_all_delivered_exits_zero(wired: Producer, capsys: pytest.CaptureFixture[str]) -> None:
    assert replay_cli.run_replay(args("--run-id", "r3")) == 0
    assert "replayed 4 article(s) as run r3" in capsys.readouterr().out


@pytest.mark.parametrize("run_id", ["../x", "a/b", ".."])
def test_an_unsafe_run_id_is_refused_by_the_parser(run_id: str) -> None:
    with pytest.raises(SystemExit):
        args("--run-id", run_id)
