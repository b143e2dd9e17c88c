"""Alert deliveries through the store's outbox: retried across restarts, notified once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from consumers.alerts.evaluator import Evaluator
from consumers.alerts.notify import OUTBOX_TTL, Dispatcher
from consumers.alerts.rules import AlertRule
from consumers.alerts.state import Transition
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from tests.support.sql import query
from tests.unit.test_alerts_evaluator import StaticFeed, metric
from wirewatch.errors import BrokerError
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store

SETTINGS = Settings()
T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
RULE = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=5, window_seconds=600)


class Flaky:
    """A notifier that fails while ``down`` and records what it delivered."""

    def __init__(self, down: bool = True) -> None:
        self.target = "flaky"
        self.down = down
        self.delivered: list[Transition] = []
        self.attempts = 0

    def send(self, transition: Transition) -> bool:
        self.attempts += 1
        if self.down:
            return False
        self.delivered.append(transition)
        return True


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'alerts.db'}")


def evaluator(db: SqlStore, hook: Flaky, batches: list[list[FakeRecord]]) -> Evaluator:
    service = Evaluator(SETTINGS, db, FakeConsumer(batches=batches), FakeProducer(),
                        StaticFeed([RULE]), Dispatcher([hook]))  # type: ignore[arg-type]  # fmt: skip
    service.start()
    return service


def firing_batch() -> list[FakeRecord]:
    return [FakeRecord(SETTINGS.topics.metrics, 0, 0, None, metric(1, T0, 9))]


def due_now(db: SqlStore) -> None:
    with db.transaction() as cur:
        cur.execute("UPDATE alert_outbox SET next_ms = 0")


def notified(db: SqlStore) -> list[int]:
    return [int(n) for (n,) in query(db, "SELECT notified FROM alert_events ORDER BY at_ms")]


def test_a_failed_notification_is_not_marked_and_is_retried_after_a_restart(db: SqlStore) -> None:
    hook = Flaky(down=True)
    first = evaluator(db, hook, [firing_batch()])
    first.poll_once()
    assert [t.kind for t in first.transitions] == ["firing"]
    assert hook.attempts == 1 and hook.delivered == []
    assert notified(db) == [0]
    assert first.consumer.commits  # the outbox holds it: committing past it loses nothing
    assert alert_store.outbox_counts(db) == {"pending": 1, "delivered": 1}  # the topic publish

    hook.down = False
    due_now(db)  # its back-off has passed
    second = evaluator(db, hook, [])  # restart: start() delivers what is owed
    assert [t.kind for t in hook.delivered] == ["firing"]
    assert notified(db) == [1]
    second.poll_once()
    second.poll_once()
    assert len(hook.delivered) == 1  # exactly once
    assert alert_store.outbox_counts(db) == {"delivered": 2}


def test_a_failed_attempt_backs_off(db: SqlStore) -> None:
    hook = Flaky(down=True)
    service = evaluator(db, hook, [firing_batch()])
    service.poll_once()
    service.poll_once()  # not due yet: no second attempt
    assert hook.attempts == 1
    ((next_ms, attempts),) = query(
        db, "SELECT next_ms, attempts FROM alert_outbox WHERE target = 'flaky'"
    )
    assert attempts == 1 and next_ms > 0


def test_an_undeliverable_notification_expires(db: SqlStore) -> None:
    hook = Flaky(down=True)
    service = evaluator(db, hook, [firing_batch()])
    service.poll_once()
    later = int((datetime.now(UTC).timestamp() + OUTBOX_TTL + 60) * 1000)
    assert Dispatcher([hook]).deliver(db, later) == 0
    assert alert_store.outbox_counts(db)["expired"] == 1
    assert notified(db) == [0]


def test_a_failed_publish_is_kept_and_not_committed_past(db: SqlStore) -> None:
    hook = Flaky(down=False)
    service = evaluator(db, hook, [firing_batch()])
    service.producer.failing.add(SETTINGS.topics.alerts)
    with pytest.raises(BrokerError, match="not published"):
        service.poll_once()
    assert service.consumer.commits == []
    assert alert_store.outbox_counts(db) == {"pending": 1, "delivered": 1}  # notified anyway
    assert [t.kind for t in hook.delivered] == ["firing"]
    service.producer.failing.clear()
    due_now(db)
    service.deliver()
    assert alert_store.outbox_counts(db) == {"delivered": 2}
