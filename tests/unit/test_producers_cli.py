"""``wirewatch produce``: parsing, help, exit codes and clean shutdown, with a fake producer."""

from __future__ import annotations

import argparse
import io
import os
import signal
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from producers import produce_cli
from producers.publish import Publisher
from tests.unit.test_producers_publish import FakeProducer
from wirewatch.errors import ConfigError
from wirewatch.events import ArticleEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "producers"
SOURCES = ("files", "stdin", "feed", "http", "synthetic")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="wirewatch")
    produce_cli.register(top.add_subparsers(dest="command", required=True))
    return top


def parse(*argv: str) -> argparse.Namespace:
    return parser().parse_args(["produce", *argv])


@pytest.fixture
def producers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[FakeProducer]:
    """Route every publisher the CLI makes to a fake producer; skip topic creation."""
    made: list[FakeProducer] = []

    def publisher(settings: Any, **kw: Any) -> Publisher:
        made.append(FakeProducer())
        return Publisher(settings, made[-1], **kw)

    monkeypatch.setattr(produce_cli, "Publisher", publisher)
    monkeypatch.setattr(produce_cli, "ensure_topics", lambda settings, names: [])
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("WIREWATCH_TOPIC_PREFIX", raising=False)
    return made


def topics(producer: FakeProducer) -> list[str]:
    return [record["topic"] for record in producer.sent]


def test_each_source_sets_its_handler() -> None:
    assert parse("files", "a.txt").handler is produce_cli.run_files
    assert parse("stdin").handler is produce_cli.run_stdin
    assert parse("feed", "f.rss").handler is produce_cli.run_feed
    assert parse("http").handler is produce_cli.run_http
    assert parse("synthetic").handler is produce_cli.run_synthetic


def test_defaults_are_sensible() -> None:
    http_args = parse("http")
    synthetic_args = parse("synthetic", "--source", "demo")

    assert (http_args.host, http_args.port) == ("127.0.0.1", 8088)
    assert synthetic_args.count is None
    assert synthetic_args.rate == 0
    assert synthetic_args.source == "demo"
    assert synthetic_args.start.tzinfo is not None


@pytest.mark.parametrize("source", SOURCES)
def test_help_explains_the_source_and_exit_status(
    source: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        parse(source, "--help")

    assert exited.value.code == 0
    assert "exit status" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv", [("synthetic", "--start", "soon"), ("synthetic", "--count", "0"), ("files",)]
)
def test_bad_flags_exit_2(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse(*argv)

    assert exited.value.code == 2
    assert "error" in capsys.readouterr().err


def test_files_exits_1_when_something_was_rejected(producers: list[FakeProducer]) -> None:
    status = produce_cli.run_files(parse("files", "--no-progress", str(DATA / "articles")))

    [producer] = producers
    assert status == 1
    assert topics(producer).count("articles") == 5
    assert topics(producer).count("articles.dlq") == 2
    assert producer.closed


def test_synthetic_publishes_count_articles_and_exits_0(
    producers: list[FakeProducer], capsys: pytest.CaptureFixture[str]
) -> None:
    status = produce_cli.run_synthetic(parse("synthetic", "--count", "12", "--no-progress"))

    assert status == 0
    assert len(producers[0].sent) == 12
    assert "--seed" in capsys.readouterr().err


def test_synthetic_start_flag_is_used(producers: list[FakeProducer]) -> None:
    produce_cli.run_synthetic(
        parse("synthetic", "--count", "1", "--seed", "1", "--start", "2030-01-01")
    )

    event = ArticleEvent.decode(producers[0].sent[0]["value"])
    assert event.published_at is not None
    assert event.published_at.date() == date(2030, 1, 1)


def test_stdin_reads_jsonl(producers: list[FakeProducer], monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(b'{"body": "one"}\n{"body": "two"}\n'))
    monkeypatch.setattr(sys, "stdin", stream)

    assert produce_cli.run_stdin(parse("stdin", "--no-progress")) == 0
    assert len(producers[0].sent) == 2


def test_feed_once_saves_state_under_the_data_dir(
    producers: list[FakeProducer], tmp_path: Path
) -> None:
    status = produce_cli.run_feed(parse("feed", "--no-progress", str(DATA / "feed.atom")))

    assert status == 0
    assert len(producers[0].sent) == 1
    assert len(list((tmp_path / "feeds").glob("*.json"))) == 1


@pytest.mark.parametrize("argv", [("files", "missing.txt"), ("feed", "missing.rss")])
def test_missing_inputs_fail_before_connecting(
    argv: tuple[str, ...], producers: list[FakeProducer]
) -> None:
    args = parse(*argv)

    with pytest.raises(ConfigError, match="no such file or folder: missing"):
        args.handler(args)
    assert producers == []


def test_ctrl_c_closes_cleanly_and_exits_0(producers: list[FakeProducer]) -> None:
    def interrupted(publisher: Publisher, stop: threading.Event) -> int:
        raise KeyboardInterrupt

    assert produce_cli.run(parse("synthetic"), interrupted) == 0
    assert producers[0].closed


def test_sigterm_ends_the_run_like_ctrl_c(producers: list[FakeProducer]) -> None:
    before = signal.getsignal(signal.SIGTERM)

    def terminated(publisher: Publisher, stop: threading.Event) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        stop.wait(10)
        return 0

    assert produce_cli.run(parse("synthetic"), terminated) == 0
    assert producers[0].closed
    assert signal.getsignal(signal.SIGTERM) == before
