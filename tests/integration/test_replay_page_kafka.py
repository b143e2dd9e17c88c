"""The Replay page's start against the real broker: the ``wirewatch replay`` it spawns
replays exactly the chosen time range of the topic, or a recording outside the data dir."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dashboard.replay_sources import check_recording, topic_range
from dashboard.sections.replay import spawn_replay
from producers.recording import Recorded, write_records
from wirewatch.events import ArticleEvent
from wirewatch.kafka import make_consumer
from wirewatch.settings import Settings

PATIENCE = 120


def articles(start: datetime, count: int) -> list[ArticleEvent]:
    return [ArticleEvent.create(source="wire", body=f"Shelling near crossing {n}.",
                                title=f"Report {n}", published_at=start + timedelta(seconds=n))
            for n in range(count)]  # fmt: skip


def replayed(settings: Settings, run_id: str) -> list[str]:
    """Article ids on the topic under ``run_id``, in offset order per partition."""
    consumer = make_consumer(settings, settings.topics.articles, group_id=None,
                             auto_offset_reset="earliest", consumer_timeout_ms=3000)  # fmt: skip
    try:
        events = [ArticleEvent.decode(record.value) for record in consumer]
    finally:
        consumer.close()
    return sorted(e.article_id for e in events if e.run_id == run_id)


def finish(settings: Settings, process: Any, run_id: str) -> str:
    assert process.wait(timeout=PATIENCE) == 0
    return (settings.data_dir / f"replay-{run_id}.log").read_text()


def test_a_range_started_from_the_page_replays_exactly_that_range(
    kafka_settings: Settings, producer_factory: Any
) -> None:
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=10)
    sent = articles(at, 5)
    producer = producer_factory()
    for n, event in enumerate(sent):  # one record a second, by the record's own timestamp
        stamp = int((at + timedelta(seconds=n)).timestamp() * 1000)
        producer.send(kafka_settings.topics.articles, key=event.article_id.encode(),
                      value=event.encode(), timestamp_ms=stamp)  # fmt: skip
    producer.flush()

    chosen = topic_range(at + timedelta(seconds=1), at + timedelta(seconds=4))
    log = finish(kafka_settings, spawn_replay(kafka_settings, chosen, "max", "page-range"),
                 "page-range")  # fmt: skip

    assert "replayed 3 article(s) as run page-range" in log
    assert replayed(kafka_settings, "page-range") == sorted(e.article_id for e in sent[1:4])


def test_a_recording_outside_the_data_dir_started_from_the_page_is_replayed(
    kafka_settings: Settings, tmp_path_factory: Any
) -> None:
    sent = articles(datetime(2026, 3, 1, 12, tzinfo=UTC), 4)
    path: Path = tmp_path_factory.mktemp("elsewhere") / "day.jsonl.gz"
    write_records(path, [Recorded(n, 0, n, e.article_id, e.to_dict()) for n, e in enumerate(sent)])

    process = spawn_replay(kafka_settings, check_recording(str(path)), "max", "page-file")
    log = finish(kafka_settings, process, "page-file")

    assert "replayed 4 article(s) as run page-file" in log
    assert replayed(kafka_settings, "page-file") == sorted(e.article_id for e in sent)
