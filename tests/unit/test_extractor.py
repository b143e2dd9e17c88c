"""The extractor loop with plain fakes: ordering of side effects, dead letters, duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consumers.extractor import Extractor
from tests.support.factories import WHEN, article, fake_extract
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from tests.support.sql import query
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store

SETTINGS = Settings.from_env({})


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'm.db'}")


def record(offset: int, value: bytes | None, partition: int = 0) -> FakeRecord:
    return FakeRecord("articles", partition, offset, b"k", value)


def service(db: SqlStore, batches: list[list[FakeRecord]], **kw: Any) -> Extractor:
    consumer = FakeConsumer(batches=batches)
    return Extractor(SETTINGS, db, consumer, FakeProducer(), kw.get("extract", fake_extract),
                     clock=lambda: WHEN)  # fmt: skip


def test_a_batch_is_stored_published_flushed_then_committed(db: SqlStore) -> None:
    events = [article(n) for n in range(3)]
    svc = service(db, [[record(n, e.encode()) for n, e in enumerate(events)]])
    assert svc.poll_once() == 3
    assert db.count("articles") == 3
    published = svc.producer.to("metrics")
    assert [m["key"] for m in published] == [e.article_id.encode() for e in events]
    decoded = ArticleMetrics.decode(published[0]["value"])
    assert decoded.article == events[0]
    assert str(decoded.provenance) == "articles[0]@0"
    assert svc.producer.flushes == 1
    (commit,) = svc.consumer.commits
    assert [(tp.topic, tp.partition, meta.offset) for tp, meta in commit.items()] == [
        ("articles", 0, 3)
    ]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"{broken", "not valid JSON"),
        (b"\x00\x01\xff", "not UTF-8"),
        (None, "no value"),
        (b'{"schema_version": 99}', "unknown schema_version"),
        (article(9, body="x" * (SETTINGS.max_article_bytes + 1)).encode(), "over the limit"),
    ],
)
def test_bad_records_go_to_the_dead_letter_topic(
    db: SqlStore, value: bytes | None, reason: str
) -> None:
    good = article(1)
    svc = service(db, [[record(0, value), record(1, good.encode())]])
    svc.poll_once()
    (letter,) = svc.producer.to("articles.dlq")
    assert letter["value"] == value
    headers = dict(letter["headers"])
    assert reason in headers[HEADER_REASON].decode()
    assert headers[HEADER_SOURCE] == b"articles[0]@0"
    assert query(db, "SELECT msg_offset FROM dead_letters") == [(0,)]
    assert db.count("articles") == 1
    assert svc.stats.dead_letters == 1
    assert svc.stats.processed == 1


def test_an_engine_failure_is_dead_lettered_not_fatal(db: SqlStore) -> None:
    def broken(text: str, **_: Any) -> Any:
        msg = "boom"
        raise ZeroDivisionError(msg)

    svc = service(db, [[record(0, article(1).encode())]], extract=broken)
    svc.poll_once()
    (letter,) = svc.producer.to("articles.dlq")
    assert b"extraction failed: ZeroDivisionError" in dict(letter["headers"])[HEADER_REASON]
    assert svc.consumer.commits


def test_redelivery_republishes_but_stores_once(db: SqlStore) -> None:
    value = article(1).encode()
    svc = service(db, [[record(0, value)], [record(0, value)]])
    svc.poll_once()
    svc.poll_once()
    assert db.count("articles") == 1
    assert db.count("metrics") == 3
    assert (svc.stats.processed, svc.stats.redelivered, svc.stats.duplicates) == (1, 1, 0)
    assert len(svc.producer.to("metrics")) == 2


def test_a_republished_article_is_a_duplicate(db: SqlStore) -> None:
    value = article(1).encode()
    svc = service(db, [[record(0, value), record(5, value, partition=1)]])
    svc.poll_once()
    assert db.count("articles") == 1
    assert (svc.stats.processed, svc.stats.duplicates) == (1, 1)
    assert len(svc.producer.to("metrics")) == 1


def test_run_stops_on_the_record_budget(db: SqlStore) -> None:
    batches = [[record(n, article(n).encode())] for n in range(5)]
    stats = service(db, batches).run(max_records=3)
    assert stats.seen == 3
    assert "processed=3" in stats.line()


def test_run_stops_when_idle(db: SqlStore) -> None:
    stats = service(db, []).run(idle_exit=0.0)
    assert stats.seen == 0


def test_an_oversized_metric_event_is_dead_lettered_before_anything_is_stored(
    db: SqlStore,
) -> None:
    from tests.support.factories import extraction
    from wirewatch.metrics import Extraction

    def bloated(text: str, **_: Any) -> Extraction:
        one = extraction()
        return Extraction(casualties=one.casualties * 40_000, summary=one.summary)

    svc = service(db, [[record(0, article(1).encode())]], extract=bloated)
    svc.poll_once()
    (letter,) = svc.producer.to("articles.dlq")
    assert b"metrics event is" in dict(letter["headers"])[HEADER_REASON]
    assert db.count("articles") == 0
    assert svc.producer.to("metrics") == []
    assert svc.consumer.commits


def test_a_failed_delivery_stops_before_the_commit(db: SqlStore) -> None:
    from wirewatch.errors import BrokerError

    svc = service(db, [[record(0, article(1).encode())]])
    svc.producer.failing.add("metrics")
    with pytest.raises(BrokerError, match="not delivered"):
        svc.poll_once()
    assert svc.consumer.commits == []


def test_a_commit_refused_during_a_rebalance_is_not_fatal(db: SqlStore) -> None:
    from kafka.errors import CommitFailedError

    class Rebalancing(FakeConsumer):
        def commit(self, offsets: dict[Any, Any]) -> None:
            msg = "group rebalanced"
            raise CommitFailedError(msg)

    svc = Extractor(SETTINGS, db, Rebalancing(batches=[[record(0, article(1).encode())]]),
                    FakeProducer(), fake_extract, clock=lambda: WHEN)  # fmt: skip
    assert svc.poll_once() == 1
    assert db.count("articles") == 1
