"""Producers against the real broker: records, keys, dead letters, repeats, the CLI."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kafka import TopicPartition

from producers import produce_cli
from producers.files import FileReader
from producers.publish import Publisher
from producers.synthetic import DEFAULT_START, generate
from wirewatch.events import ArticleEvent
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
from wirewatch.settings import ENV_BOOTSTRAP, ENV_DATA_DIR, ENV_TOPIC_PREFIX, Settings

Consumers = Callable[..., Any]


def record_count(consumer: Any, topic: str) -> int:
    """Records on ``topic`` from its end offsets: exact, with no waiting."""
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
    return sum(consumer.end_offsets(partitions).values())


def consume(consumers: Consumers, topic: str, expected: int, patience: float = 60) -> list[Any]:
    """Read ``expected`` records from ``topic`` (fewer if they never come)."""
    consumer = consumers(topic, group_id=f"{topic}.reader")
    records: list[Any] = []
    deadline = time.monotonic() + patience
    while len(records) < expected and time.monotonic() < deadline:
        for batch in consumer.poll(timeout_ms=500).values():
            records.extend(batch)
    assert record_count(consumer, topic) == expected
    return records


def cli_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="wirewatch")
    produce_cli.register(top.add_subparsers(dest="command", required=True))
    return top


def write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines))


def article_line(n: int) -> str:
    return json.dumps(
        {"title": f"Item {n}", "body": f"Body of item {n}.", "url": f"https://e.invalid/{n}"}
    )


def test_files_producer_publishes_each_article_once_keyed_by_id(
    kafka_settings: Settings, consumer_factory: Consumers, tmp_path: Path
) -> None:
    write_jsonl(tmp_path / "batch.jsonl", [article_line(n) for n in range(25)])
    with Publisher(kafka_settings) as publisher:
        FileReader(publisher).scan([tmp_path])

    records = consume(consumer_factory, kafka_settings.topics.articles, 25)

    events = [ArticleEvent.decode(record.value) for record in records]
    assert publisher.counts.sent == 25
    assert all(
        record.key == event.article_id.encode()
        for record, event in zip(records, events, strict=True)
    )
    assert sorted(event.title for event in events) == sorted(f"Item {n}" for n in range(25))


def test_malformed_line_lands_on_dead_letters_with_reason_and_original_bytes(
    kafka_settings: Settings, consumer_factory: Consumers, tmp_path: Path
) -> None:
    bad = '{"title": "cut off", "body": '
    write_jsonl(tmp_path / "mixed.jsonl", [article_line(1), bad, article_line(2)])
    with Publisher(kafka_settings) as publisher:
        FileReader(publisher).scan([tmp_path])

    [letter] = consume(consumer_factory, kafka_settings.topics.dead_letters, 1)
    consume(consumer_factory, kafka_settings.topics.articles, 2)

    headers = dict(letter.headers)
    assert letter.value == bad.encode()
    assert headers[HEADER_REASON].decode().startswith("line 2: not valid JSON")
    assert headers[HEADER_SOURCE] == b"file:mixed.jsonl"
    assert publisher.counts.rejected == 1


def test_the_same_article_twice_in_one_run_is_one_record(
    kafka_settings: Settings, consumer_factory: Consumers, tmp_path: Path
) -> None:
    write_jsonl(tmp_path / "a.jsonl", [article_line(7)])
    write_jsonl(tmp_path / "b.jsonl", [article_line(7), article_line(8)])
    with Publisher(kafka_settings) as publisher:
        FileReader(publisher).scan([tmp_path])

    records = consume(consumer_factory, kafka_settings.topics.articles, 2)

    assert len({record.key for record in records}) == 2
    assert (publisher.counts.sent, publisher.counts.skipped) == (2, 1)


def test_synthetic_command_publishes_the_seeded_articles(
    kafka_settings: Settings,
    consumer_factory: Consumers,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    prefix = kafka_settings.topics.articles.removesuffix("articles")
    monkeypatch.setenv(ENV_BOOTSTRAP, kafka_settings.bootstrap_servers)
    monkeypatch.setenv(ENV_TOPIC_PREFIX, prefix)
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path))
    args = ["produce", "synthetic", "--seed", "21", "--count", "30", "--no-progress"]

    assert produce_cli.run_synthetic(cli_parser().parse_args(args)) == 0

    records = consume(consumer_factory, kafka_settings.topics.articles, 30)
    expected = {event.article_id for event in generate(21, 30, DEFAULT_START)}
    assert {record.key.decode() for record in records} == expected
