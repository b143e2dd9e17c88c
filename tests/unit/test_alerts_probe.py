"""System metrics measured from the store (and a fake broker view for lag)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from kafka import TopicPartition
from kafka.errors import KafkaTimeoutError

from consumers.alerts.probe import SystemProbe
from consumers.alerts.rules import AlertRule
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Extraction
from wirewatch.settings import Settings
from wirewatch.store import DeadLetter, SqlStore, open_store

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def local_store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    yield opened
    opened.close()


class FakeLag:
    """What the probe asks of a consumer: partitions, end offsets, committed offsets."""

    def __init__(self, ends: dict[int, int], committed: dict[int, int | None]) -> None:
        self.ends, self.done = ends, committed

    def partitions_for_topic(self, topic: str) -> set[int]:
        return set(self.ends)

    def end_offsets(self, tps: list[TopicPartition], timeout_ms: int) -> dict[TopicPartition, int]:
        return {tp: self.ends[tp.partition] for tp in tps}

    def committed(self, tp: TopicPartition, timeout_ms: int) -> int | None:
        return self.done[tp.partition]


class GoneBroker(FakeLag):
    """A consumer whose broker stopped answering: every request times out."""

    def end_offsets(self, tps: list[TopicPartition], timeout_ms: int) -> dict[TopicPartition, int]:
        msg = f"no answer in {timeout_ms} ms"
        raise KafkaTimeoutError(msg)

    def close(self) -> None:
        pass


def rule(metric: str, window: int = 600) -> AlertRule:
    return AlertRule(id=metric, name=metric, metric=metric, threshold=1, aggregation="latest",
                     window_seconds=window)  # fmt: skip


def processed(store: SqlStore, n: int, at: datetime) -> None:
    article = ArticleEvent.create(source="wire", body=f"article {n}", ingested_at=at)
    store.save(ArticleMetrics(article, Extraction(), at))


def test_staleness_is_time_since_the_last_stored_live_article(local_store: SqlStore) -> None:
    probe = SystemProbe(Settings(), local_store, FakeLag({}, {}))
    assert probe(rule("pipeline_staleness"), T0) is None  # nothing yet: the no_data policy decides
    processed(local_store, 1, T0)
    assert probe(rule("pipeline_staleness"), T0 + timedelta(minutes=5)) == 300.0


def test_dead_letter_rate_over_the_window(local_store: SqlStore) -> None:
    for n in range(3):
        processed(local_store, n, T0 - timedelta(minutes=n))
    processed(local_store, 9, T0 - timedelta(hours=2))  # outside the window
    local_store.save_dead_letter(DeadLetter("articles", 0, 7, "bad", b"x", T0))
    probe = SystemProbe(Settings(), local_store, FakeLag({}, {}))
    assert probe(rule("dead_letter_rate"), T0) == pytest.approx(1 / 4)


def test_consumer_lag_sums_partitions(local_store: SqlStore) -> None:
    fake: Any = FakeLag({0: 10, 1: 5, 2: 0}, {0: 4, 1: None, 2: 0})
    probe = SystemProbe(replace(Settings(), group_id="g"), local_store, fake)
    assert probe(rule("consumer_lag"), T0) == 11.0


def test_consumer_lag_is_unknown_while_the_broker_does_not_answer(local_store: SqlStore) -> None:
    probe = SystemProbe(Settings(), local_store, GoneBroker({0: 10}, {0: 4}))
    assert probe(rule("consumer_lag"), T0) is None  # no value: the no_data policy decides
