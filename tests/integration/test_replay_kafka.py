"""Record and replay against the real broker: a replay reproduces the original metrics."""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.extractor import Extractor
from producers.recording import Recorded, read_records, read_topic, write_records
from producers.replay import Replayer, control_path, write_command
from producers.replay_cli import load_input
from tests.support.sql import query
from wirewatch.events import ArticleEvent
from wirewatch.metrics import Casualty, Evidence, Extraction, Summary
from wirewatch.settings import Settings
from wirewatch.store import SqlStore

REPO = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
TEXTS = [
    "At least 12 people were killed in an airstrike on Gaza City on Monday, officials said.",
    "Talks on a ceasefire resumed in Doha. Mediators from Qatar and Egypt attended.",
    "Shelling killed 3 civilians and wounded 9 near Kharkiv overnight.",
    "Aid convoys reached Rafah after a two-day delay; no casualties were reported.",
    "Officials said 7 soldiers were killed in an ambush, and 2 killed later in a raid.",
]
_KILLED = re.compile(r"(\d+) (?:\w+ )?(?:were )?killed|killed (\d+)")


def toy_extract(body: str, **_: Any) -> Extraction:
    """A small deterministic stand-in for the engine: 'N killed' phrases."""
    found = []
    for match in _KILLED.finditer(body):
        count = int(match.group(1) or match.group(2))
        evidence = Evidence(body, 0, len(body), match.start(), match.end())
        found.append(Casualty("killed", count, count, count, False, "incident", evidence))
    return Extraction(casualties=tuple(found), summary=Summary(killed=sum(c.count for c in found)))


def articles(texts: list[str], start: datetime = T0) -> list[ArticleEvent]:
    return [
        ArticleEvent.create(
            source="wire",
            body=text,
            published_at=start + timedelta(minutes=i),
            ingested_at=start + timedelta(minutes=i, seconds=5),
        )  # fmt: skip
        for i, text in enumerate(texts)
    ]


def publish(producer: Any, settings: Settings, events: list[ArticleEvent], at: datetime) -> None:
    for i, event in enumerate(events):
        stamp = int((at + timedelta(seconds=i)).timestamp() * 1000)
        producer.send(settings.topics.articles, key=event.article_id.encode(),
                      value=event.encode(), timestamp_ms=stamp)  # fmt: skip
    producer.flush()


def extract_until(extractor: Extractor, store: SqlStore, run_id: str, count: int) -> None:
    deadline = time.monotonic() + 60
    while store.count("articles", run_id=run_id) < count:
        assert time.monotonic() < deadline, f"extractor stored too few articles for {run_id}"
        extractor.poll_once(timeout_ms=300)


def snapshot(store: SqlStore, run_id: str) -> list[tuple[Any, ...]]:
    """Everything extraction decided for a run, without the run id or processing time."""
    summary = query(store,
        "SELECT article_id, event_ms, killed, wounded, death_toll, negotiation FROM articles "
        "WHERE run_id = ? ORDER BY article_id", (run_id,))  # fmt: skip
    metrics = query(
        store,
        "SELECT article_id, seq, family, kind, value, low, high, who, place, sentence, "
        "match_start, match_end FROM metrics WHERE run_id = ? ORDER BY article_id, seq",
        (run_id,),
    )
    return summary + metrics


def record_replay_compare(
    settings: Settings, store: SqlStore, extract: Callable[..., Extraction], texts: list[str],
    consumer_factory: Any, producer_factory: Any, tmp_path: Path,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:  # fmt: skip
    producer = producer_factory()
    extractor = Extractor(settings, store, consumer_factory(settings.topics.articles),
                          producer, extract)  # fmt: skip
    publish(producer, settings, articles(texts), T0)
    extract_until(extractor, store, "live", len(texts))

    path = tmp_path / "articles.jsonl.gz"
    reader = consumer_factory(group_id=None)
    assert write_records(path, read_topic(reader, settings.topics.articles)) == len(texts)

    def send(event: ArticleEvent) -> None:
        producer.send(settings.topics.articles, key=event.article_id.encode(), value=event.encode())

    stats = Replayer(send, "replay-test").run(read_records(path), None)
    producer.flush()
    assert stats.sent == len(texts)
    extract_until(extractor, store, "replay-test", len(texts))
    return snapshot(store, "live"), snapshot(store, "replay-test")


def test_replay_reproduces_the_original_metrics(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any,
    tmp_path: Path,
) -> None:  # fmt: skip
    factories = (consumer_factory, producer_factory)
    live, replayed = record_replay_compare(kafka_settings, store, toy_extract, TEXTS, *factories,
                                           tmp_path)  # fmt: skip
    assert replayed == live
    assert sum(row[2] for row in live[: len(TEXTS)]) == 12 + 3 + 7 + 2


def test_replay_with_the_real_engine(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any,
    tmp_path: Path, seed_texts: list[str],
) -> None:  # fmt: skip
    extraction = pytest.importorskip("consumers.extraction")
    texts = TEXTS + [text[:4000] for text in seed_texts[:3]]
    factories = (consumer_factory, producer_factory)
    live, replayed = record_replay_compare(kafka_settings, store, extraction.extract, texts,
                                           *factories, tmp_path)  # fmt: skip
    assert replayed == live
    assert len(live) > len(texts)  # the engine found metrics, not only article rows


def test_record_from_a_time_and_replay_a_topic_range(
    kafka_settings: Settings, consumer_factory: Any, producer_factory: Any
) -> None:
    producer = producer_factory()
    early, late = articles(TEXTS[:2]), articles(TEXTS[2:], T0 + timedelta(hours=1))
    publish(producer, kafka_settings, early, T0)
    publish(producer, kafka_settings, late, T0 + timedelta(hours=1))
    publish(producer, kafka_settings, [late[0].with_run("replay-old")], T0 + timedelta(hours=2))

    found = list(read_topic(consumer_factory(group_id=None), kafka_settings.topics.articles,
                            start=T0 + timedelta(minutes=30)))  # fmt: skip
    assert sorted(r.event["article_id"] for r in found) == sorted(
        [e.article_id for e in late] + [late[0].article_id]
    )
    args = argparse.Namespace(file=None, start=T0 + timedelta(minutes=30),
                              end=T0 + timedelta(hours=3), source_run="live")  # fmt: skip
    picked = load_input(args, kafka_settings)
    assert [r.event["article_id"] for r in picked] == [e.article_id for e in late]


def test_record_and_replay_commands(
    kafka_settings: Settings, producer_factory: Any, consumer_factory: Any, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from tests.integration.test_alerts_kafka import wirewatch

    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka_settings.bootstrap_servers)
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(kafka_settings.data_dir))
    prefix = kafka_settings.topics.articles.removesuffix("articles")
    monkeypatch.setenv("WIREWATCH_TOPIC_PREFIX", prefix)
    originals = articles(TEXTS)
    publish(producer_factory(), kafka_settings, originals, T0)
    out = tmp_path / "rec.jsonl.gz"
    assert wirewatch("record", "--out", str(out)) == 0
    assert len(read_records(out)) == len(TEXTS)

    assert wirewatch("replay", str(out), "--speed", "max", "--run-id", "replay-cli",
                     "--no-progress") == 0  # fmt: skip
    assert not (kafka_settings.data_dir / "replay-replay-cli.control").exists()
    replayed = [r for r in read_topic(consumer_factory(group_id=None),
                                      kafka_settings.topics.articles)
                if r.event["run_id"] == "replay-cli"]  # fmt: skip
    assert sorted(r.event["article_id"] for r in replayed) == sorted(
        e.article_id for e in originals
    )


def spawn_cli(settings: Settings, log: Path, *argv: str) -> subprocess.Popen[bytes]:
    """Run our parsers in a child process with INFO logging to ``log``."""
    script = ("import logging, sys; logging.basicConfig(level=logging.INFO); "
              "from tests.unit.test_alerts_cli import parser; "
              "a = parser().parse_args(sys.argv[1:]); sys.exit(a.handler(a))")  # fmt: skip
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap_servers,
           "WIREWATCH_DATA_DIR": str(settings.data_dir), "WIREWATCH_STORE_URL": settings.store_url,
           "WIREWATCH_TOPIC_PREFIX": settings.topics.articles.removesuffix("articles")}  # fmt: skip
    with log.open("wb") as sink:
        return subprocess.Popen([sys.executable, "-c", script, *argv], cwd=REPO, env=env,
                                stdout=sink, stderr=subprocess.STDOUT)  # fmt: skip


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_replay_process_pauses_on_sigusr1_and_stops_by_control_file(
    kafka_settings: Settings, tmp_path: Path
) -> None:
    hours = [Recorded(h * 3_600_000, 0, h, None, e.to_dict())
             for h, e in enumerate(articles(TEXTS[:3]))]  # fmt: skip
    recording = tmp_path / "slow.jsonl.gz"
    write_records(recording, hours)
    control = control_path(kafka_settings.data_dir, "replay-sig")
    log = tmp_path / "replay.log"
    child = spawn_cli(kafka_settings, log, "replay", str(recording), "--speed", "1",
                      "--run-id", "replay-sig", "--no-progress")  # fmt: skip
    try:
        wait_for(control.exists, "the control file")
        child.send_signal(signal.SIGUSR1)
        wait_for(lambda: "replay paused" in log.read_text(), "the pause")
        write_command(control, "stop")
        assert child.wait(timeout=60) == 0
    finally:
        child.kill() if child.poll() is None else None
    assert "stopped after 1 article(s) as run replay-sig" in log.read_text()
    assert not control.exists()
