"""The evaluator loop with fakes: bad records, refused commits, a far-future article."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from kafka.errors import CommitFailedError

from consumers.alerts.evaluator import Evaluator
from consumers.alerts.rules import AlertRule
from consumers.alerts.topic import RuleChange
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Extraction, Summary
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store

SETTINGS = Settings()
METRICS = SETTINGS.topics.metrics
T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
RULE = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=5, window_seconds=600)


class StaticFeed:
    """A rules feed that holds a fixed rule set."""

    def __init__(self, rules: list[AlertRule]) -> None:
        self.rules = rules

    def catch_up(self) -> list[RuleChange]:
        return [(rule.id, rule) for rule in self.rules]

    def poll(self, timeout_ms: int = 0) -> list[RuleChange]:
        return []


class Rebalancing(FakeConsumer):
    def commit(self, offsets: dict[Any, Any]) -> None:
        msg = "group rebalanced"
        raise CommitFailedError(msg)


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'alerts.db'}")


def metric(n: int, published: datetime, killed: int, processed: datetime | None = None) -> bytes:
    article = ArticleEvent.create(source="wire", body=f"a{n}: {killed} killed",
                                  published_at=published)  # fmt: skip
    extraction = Extraction(summary=Summary(killed=killed))
    return ArticleMetrics(article, extraction, processed or published).encode()


def records(*values: bytes) -> list[FakeRecord]:
    return [FakeRecord(METRICS, 0, n, None, value) for n, value in enumerate(values)]


def evaluator(db: SqlStore, consumer: FakeConsumer) -> Evaluator:
    service = Evaluator(SETTINGS, db, consumer, FakeProducer(), StaticFeed([RULE]))  # type: ignore[arg-type]  # a fake feed
    service.start()
    return service


def test_bad_metric_records_are_logged_and_skipped(
    db: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    bad = [b"[]", b'"x"', b"\xff", b"{}", b'{"article": []}', b"[" * 100_000]
    batch = records(*bad, metric(1, T0, 9))
    service = evaluator(db, FakeConsumer(batches=[batch]))
    with caplog.at_level(logging.WARNING, logger="consumers.alerts.evaluator"):
        assert service.poll_once() == len(batch)
    assert [t.kind for t in service.transitions] == ["firing"]
    for offset in range(len(bad)):
        assert f"{METRICS}[0]@{offset} skipped" in caplog.text
    assert service.consumer.commits[-1]  # the bad records are committed past


def test_a_commit_refused_by_a_rebalance_is_not_fatal(
    db: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    service = evaluator(db, Rebalancing(batches=[records(metric(1, T0, 9))]))
    with caplog.at_level(logging.WARNING, logger="consumers.alerts.evaluator"):
        assert service.poll_once() == 1
    assert [t.kind for t in service.transitions] == ["firing"]
    assert "commit" in caplog.text


def test_a_far_future_article_does_not_disable_stream_alerts(db: SqlStore) -> None:
    future = metric(0, datetime(2099, 1, 1, tzinfo=UTC), 1, processed=T0)
    later = [metric(n, T0 + timedelta(minutes=n), 3) for n in (1, 2)]
    service = evaluator(db, FakeConsumer(batches=[records(future), records(*later)]))
    service.poll_once()
    service.poll_once()
    assert [t.kind for t in service.transitions] == ["firing"]
    restarted = evaluator(db, FakeConsumer())
    assert restarted.engine.window.now is not None
    assert restarted.engine.window.now < T0 + timedelta(hours=1)


def test_a_far_future_observation_stored_before_the_fix_is_not_restored(db: SqlStore) -> None:
    from consumers.alerts.window import Observation
    from wirewatch.store import alerts as alert_store

    stored = [Observation("live", "a1", T0, "wire", killed=3),
              Observation("live", "a2", datetime(2099, 1, 1, tzinfo=UTC), "wire")]  # fmt: skip
    alert_store.save_batch(db, "live", stored, [], [])
    restarted = evaluator(db, FakeConsumer())
    assert restarted.engine.window.now == T0
