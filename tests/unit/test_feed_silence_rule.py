"""The ``feed_silence`` system metric: a listed feed that stopped bringing items fires."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from consumers.alerts.evaluation import Engine
from consumers.alerts.probe import SystemProbe
from consumers.alerts.rules import AlertRule, RuleError
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store import feeds as feed_store
from wirewatch.store.feeds import Feed
from wirewatch.store.sql import to_ms

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
WIRE, RADIO = "https://wire.example.invalid/rss", "https://radio.example.invalid/rss"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    yield opened
    opened.close()


def silent(subject: str | None = None, threshold: float = 3600) -> AlertRule:
    rule = AlertRule(id="quiet", name="a feed went silent", metric="feed_silence",
                     threshold=threshold, aggregation="latest", subject=subject)  # fmt: skip
    return rule.validate()


def poll(db: SqlStore, url: str, at: datetime, items: int, error: str | None = None) -> None:
    feed_store.record_poll(db, url, to_ms(at), items, error)


def test_silence_is_time_since_the_last_new_item(db: SqlStore) -> None:
    probe = SystemProbe(Settings(), db)
    assert probe(silent(WIRE), T0) is None  # not listed, never polled: no data
    feed_store.add_feeds(db, [Feed(WIRE), Feed(RADIO)])
    poll(db, WIRE, T0, 4)
    poll(db, WIRE, T0 + timedelta(minutes=30), 0)  # polled, nothing new
    poll(db, WIRE, T0 + timedelta(minutes=40), 0, "HTTP 503")  # a failing poll brings nothing
    poll(db, RADIO, T0 + timedelta(minutes=10), 0)  # never brought anything: from first poll
    at = T0 + timedelta(hours=1)
    assert probe(silent(WIRE), at) == 3600.0
    assert probe(silent(RADIO), at) == 3000.0
    assert probe(silent(), at) == 3600.0  # no subject: the quietest feed
    poll(db, RADIO, T0 + timedelta(minutes=50), 2)
    assert probe(silent(RADIO), at) == 600.0


def test_the_rule_fires_when_a_feed_goes_silent_and_resolves_when_it_speaks(
    db: SqlStore,
) -> None:
    feed_store.add_feeds(db, [Feed(WIRE)])
    poll(db, WIRE, T0, 3)
    engine, probe = Engine([silent(WIRE)]), SystemProbe(Settings(), db)
    assert engine.tick(T0 + timedelta(minutes=30), probe) == []
    (fired,) = engine.tick(T0 + timedelta(hours=2), probe)
    assert fired.kind == "firing" and fired.value == 7200.0
    poll(db, WIRE, T0 + timedelta(hours=2, minutes=5), 1)
    (resolved,) = engine.tick(T0 + timedelta(hours=2, minutes=6), probe)
    assert resolved.kind == "resolved"


def test_subject_is_allowed_for_feed_silence_only_among_system_metrics() -> None:
    assert silent(WIRE).subject == WIRE
    with pytest.raises(RuleError, match="subject applies only"):
        AlertRule(id="x", name="x", metric="consumer_lag", threshold=1, aggregation="latest",
                  subject=WIRE).validate()  # fmt: skip
