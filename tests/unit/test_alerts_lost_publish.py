"""Issue 10's lost publish: an alert publish that fails after retries must neither stop the
evaluator nor let its offsets be committed before the alert is on the ``alerts`` topic."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from consumers.alerts.evaluator import Evaluator
from consumers.alerts.rules import AlertRule
from tests.support.fakes import FakeProducer, FakeRecord, Redelivering
from tests.unit.test_alerts_evaluator import StaticFeed, metric
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store

SETTINGS = Settings()
T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
RULE = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=5, window_seconds=600)


class Watching(Redelivering):
    """Notes, at each commit, how many alerts had been sent and whether sends still fail."""

    def __init__(self, batches: list[list[FakeRecord]], producer: FakeProducer) -> None:
        super().__init__(batches)
        self.producer = producer
        self.at_commit: list[tuple[int, bool]] = []

    def commit(self, offsets: dict[Any, Any]) -> None:
        sent = len(self.producer.to(SETTINGS.topics.alerts))
        self.at_commit.append((sent, bool(self.producer.failing)))
        super().commit(offsets)


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'alerts.db'}")


def test_a_failed_alert_publish_is_retried_and_committed_only_once_published(
    db: SqlStore,
) -> None:
    producer = FakeProducer(failing={SETTINGS.topics.alerts})
    firing = [FakeRecord(SETTINGS.topics.metrics, 0, 0, None, metric(1, T0, 9))]
    consumer = Watching([firing], producer)
    service = Evaluator(SETTINGS, db, consumer, producer, StaticFeed([RULE]))  # type: ignore[arg-type]  # a fake feed
    service.start()

    def broker_back(timeout: float | None = None) -> bool:  # the back-off: time passes
        producer.failing.clear()
        with db.transaction() as cur:
            cur.execute("UPDATE alert_outbox SET next_ms = 0")
        return False

    service.stopping.wait = broker_back  # type: ignore[method-assign]
    assert service.run(max_records=1) == 1  # on main the loop died with BrokerError here
    assert len(producer.to(SETTINGS.topics.alerts)) == 2  # failed once, then published
    assert consumer.at_commit == [(2, False)]  # one commit, after the second (good) publish
    assert alert_store.outbox_counts(db) == {"delivered": 1}
    assert [t.kind for t in service.transitions] == ["firing"]  # evaluated once
