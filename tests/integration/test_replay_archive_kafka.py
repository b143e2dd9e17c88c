"""Archives a user already has, replayed through the real broker: the same metrics as live."""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from consumers.extractor import Extractor
from producers.files import FileReader
from producers.publish import Publisher
from producers.replay import Replayer
from producers.replay_cli import load_input
from tests.integration.test_replay_kafka import T0, TEXTS, extract_until, snapshot, toy_extract
from wirewatch.events import ArticleEvent
from wirewatch.settings import Settings
from wirewatch.store import SqlStore

COLUMNS = ["id", "title", "body", "url", "source", "published_at"]


def archive_rows() -> list[dict[str, str]]:
    return [
        {"id": f"in-{n}", "title": f"Report {n}", "body": text, "source": "desk-archive",
         "url": f"https://news.example/{n}" if n % 2 else "",
         "published_at": (T0 + timedelta(minutes=7 * n)).isoformat()}
        for n, text in enumerate(TEXTS)
    ]  # fmt: skip


def write_archives(folder: Path) -> tuple[Path, Path]:
    rows = archive_rows()
    jsonl = folder / "day.jsonl"
    jsonl.write_text("".join(json.dumps({k: v for k, v in r.items() if v}) + "\n" for r in rows))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    table = folder / "day.csv.gz"
    table.write_bytes(gzip.compress(buffer.getvalue().encode()))
    return jsonl, table


@pytest.mark.parametrize("which", [0, 1], ids=["jsonl", "csv-gzip"])
def test_an_archive_replays_to_exactly_the_live_metrics(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any,
    tmp_path: Path, which: int,
) -> None:  # fmt: skip
    producer = producer_factory()
    extractor = Extractor(kafka_settings, store, consumer_factory(kafka_settings.topics.articles),
                          producer, toy_extract)  # fmt: skip
    archives = write_archives(tmp_path)
    # live: the desk's JSONL file produced as it arrived
    with Publisher(kafka_settings, producer_factory()) as publisher:
        FileReader(publisher).scan([archives[0]])
    extract_until(extractor, store, "live", len(TEXTS))

    # replay: the archive file, read the way `wirewatch replay FILE` reads it
    args = argparse.Namespace(file=archives[which], on_error="stop")
    records = load_input(args, kafka_settings)

    def send(event: ArticleEvent) -> None:
        producer.send(kafka_settings.topics.articles, key=event.article_id.encode(),
                      value=event.encode())  # fmt: skip

    stats = Replayer(send, "replay-archive").run(records, None)
    producer.flush()
    assert stats.sent == len(TEXTS)
    extract_until(extractor, store, "replay-archive", len(TEXTS))
    live, replayed = snapshot(store, "live"), snapshot(store, "replay-archive")
    assert replayed == live
    assert sum(row[2] for row in live[: len(TEXTS)]) == 12 + 3 + 7 + 2
