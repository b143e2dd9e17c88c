"""The incidents service with fake Kafka clients and a real SQLite store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consumers.extraction import extract
from consumers.incidents.service import Incidenter
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import incidents as incident_store
from wirewatch.store import open_store

T0 = datetime(2026, 3, 3, 9, tzinfo=UTC)
BODIES = [
    "An airstrike on a house in Rafah killed 19 people on Tuesday, the health ministry said.",
    "At least 15 people were killed in an air raid on Rafah, witnesses said.",
]


def record(offset: int, value: bytes) -> FakeRecord:
    return FakeRecord("metrics", 0, offset, b"k", value)


def metric(n: int, body: str) -> bytes:
    at = T0 + timedelta(hours=n)
    article = ArticleEvent.create(source=f"outlet {n}", title=f"t{n}", body=body, published_at=at)
    return ArticleMetrics(article, extract(body), at).encode()


def test_bad_records_are_dead_lettered_and_redelivery_changes_nothing(tmp_path: Path) -> None:
    settings = Settings.from_env({})
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    good = [record(i, metric(i, body)) for i, body in enumerate(BODIES)]
    consumer = FakeConsumer([[*good, record(2, b"not json")], good])
    producer = FakeProducer()
    service = Incidenter(settings, store, consumer, producer)
    assert service.poll_once() == 3
    assert service.poll_once() == 2
    assert (service.stats.linked, service.stats.redelivered, service.stats.dead_letters) == (
        2,
        2,
        1,
    )
    [letter] = producer.to(settings.topics.dead_letters)
    assert letter["value"] == b"not json"
    assert store.count("dead_letters") == 1
    assert incident_store.incident_totals(store, "live", 0, 2**62) == {"killed": 19}
    assert len(consumer.commits) == 2
    updates = producer.to(settings.topics.incidents)  # two on write, two again on redelivery
    assert len({u["key"] for u in updates}) == 1
    assert [json.loads(u["value"])["articles"] for u in updates] == [1, 2, 2, 2]
    assert json.loads(updates[-1]["value"])["figure"] == 19
    store.close()
