"""The extractor against hostile figures, refused records and a store outage (plain fakes)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from consumers.bounds import implausible
from consumers.extractor import Extractor
from tests.support.factories import WHEN, article, extraction, fake_extract
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
from wirewatch.metrics import ArticleMetrics, Extraction
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store.sql import MAX_COUNT

SETTINGS = Settings.from_env({})


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'm.db'}")


def record(offset: int, value: bytes | None, partition: int = 0) -> FakeRecord:
    return FakeRecord("articles", partition, offset, b"k", value)


def service(
    db: SqlStore, batches: list[list[FakeRecord]], extract: Any = fake_extract
) -> Extractor:
    svc = Extractor(SETTINGS, db, FakeConsumer(batches=batches), FakeProducer(), extract,
                    clock=lambda: WHEN)  # fmt: skip
    svc.stopping.wait = lambda timeout=None: False  # type: ignore[method-assign]  # no real sleep
    return svc


def huge(text: str, **_: Any) -> Extraction:
    """Claims 2^63 killed for a 'HUGE' article, otherwise the normal fake."""
    return extraction(killed=2**63) if "HUGE" in text else fake_extract(text)


def reasons(svc: Extractor) -> list[str]:
    return [dict(m["headers"])[HEADER_REASON].decode() for m in svc.producer.to("articles.dlq")]


@pytest.mark.parametrize("killed", [2**63, 3_000_000_000, MAX_COUNT + 1, -1])
def test_a_figure_out_of_bounds_is_named(killed: int) -> None:
    reason = implausible(extraction(killed=killed))
    assert reason is not None
    assert f"={killed}" in reason


def test_figures_within_bounds_pass() -> None:
    assert implausible(extraction(killed=MAX_COUNT)) is None


def test_a_huge_figure_is_dead_lettered_and_the_batch_goes_on(db: SqlStore) -> None:
    values = [article(0).encode(), article(1, body="HUGE killed").encode(), article(2).encode()]
    svc = service(db, [[record(n, v) for n, v in enumerate(values)]], extract=huge)
    assert svc.poll_once() == 3
    assert db.count("articles") == 2
    (reason,) = reasons(svc)
    assert "implausible figure: summary.killed=9223372036854775808" in reason
    (letter,) = svc.producer.to("articles.dlq")
    assert dict(letter["headers"])[HEADER_SOURCE] == b"articles[0]@1"
    assert db.count("dead_letters") == 1
    assert svc.consumer.commits


class Refusing:
    """A store wrapper whose writes fail for articles whose title contains ``bad``."""

    def __init__(self, inner: SqlStore, error: Exception, bad: str = "Report 1") -> None:
        self.inner, self.error, self.bad, self.calls = inner, error, bad, 0

    def save_all(self, results: Sequence[ArticleMetrics]) -> list[bool]:
        self.calls += 1
        if any(r.article.title == self.bad for r in results):
            raise self.error
        return self.inner.save_all(results)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_a_record_the_store_refuses_is_bisected_out_and_dead_lettered(db: SqlStore) -> None:
    store = Refusing(db, sqlite3.IntegrityError("CHECK constraint failed"))
    values = [article(n).encode() for n in range(8)]
    svc = service(store, [[record(n, v) for n, v in enumerate(values)]])  # type: ignore[arg-type]
    svc.poll_once()
    assert db.count("articles") == 7
    (reason,) = reasons(svc)
    assert reason.startswith("store refused it: IntegrityError: CHECK constraint failed")
    assert svc.stats.processed == 7
    assert len(svc.producer.to("metrics")) == 7
    assert svc.consumer.commits[0][next(iter(svc.consumer.commits[0]))].offset == 8


def test_a_store_outage_rewinds_backs_off_and_resumes(db: SqlStore) -> None:
    store = Refusing(db, sqlite3.OperationalError("database is locked"), bad="Report 0")
    batch = [record(n, article(n).encode()) for n in range(3)]
    svc = service(store, [batch, batch])  # type: ignore[arg-type]
    svc.poll_once()
    assert svc.consumer.commits == []
    assert svc.consumer.seeks == [("articles", 0, 0)]
    assert svc.producer.sent == []
    assert (svc.stats.outages, svc.stats.dead_letters, db.count("articles")) == (1, 0, 0)
    assert svc.outage_delay > 0
    store.bad = "no such title"  # the lock is released
    svc.poll_once()
    assert db.count("articles") == 3
    assert svc.stats.processed == 3
    assert len(svc.consumer.commits) == 1
    assert svc.outage_delay == 0


def test_outage_back_off_doubles_and_is_capped(db: SqlStore) -> None:
    from wirewatch.service import RETRY_DELAY_MAX as OUTAGE_DELAY_MAX

    store = Refusing(db, sqlite3.OperationalError("database or disk is full"), bad="Report 0")
    batch = [record(0, article(0).encode())]
    svc = service(store, [batch] * 12)  # type: ignore[arg-type]
    delays = []
    for _ in range(12):
        svc.poll_once()
        delays.append(svc.outage_delay)
    assert delays[1] == 2 * delays[0]
    assert delays[-1] == OUTAGE_DELAY_MAX
    assert db.count("dead_letters") == 0


def test_an_outage_in_a_later_partition_commits_only_the_earlier_one(db: SqlStore) -> None:
    store = Refusing(db, sqlite3.OperationalError("database is locked"), bad="Report 1")
    svc = service(store, [[record(0, article(0).encode()), record(0, article(1).encode(), 1)]])  # type: ignore[arg-type]
    svc.poll_once()
    (commit,) = svc.consumer.commits
    assert [(tp.partition, meta.offset) for tp, meta in commit.items()] == [(0, 1)]
    assert svc.consumer.seeks == [("articles", 1, 0)]
    assert db.count("articles") == 1


def test_an_outage_while_recording_a_dead_letter_is_an_outage_too(db: SqlStore) -> None:
    class DeadLetterLocked(Refusing):
        def save_dead_letter(self, letter: Any) -> bool:
            msg = "database is locked"
            raise sqlite3.OperationalError(msg)

    store = DeadLetterLocked(db, sqlite3.IntegrityError("unused"), bad="no such title")
    svc = service(store, [[record(0, b"{broken")]])  # type: ignore[arg-type]
    svc.poll_once()
    assert svc.consumer.commits == []
    assert svc.consumer.seeks == [("articles", 0, 0)]
    assert (svc.producer.sent, svc.stats.outages) == ([], 1)


def test_chunked_writes_store_every_record_once_and_send_after_all(
    db: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("consumers.extractor.WRITE_CHUNK", 3)
    store = Refusing(db, sqlite3.IntegrityError("CHECK constraint failed"), bad="Report 7")
    values = [article(n).encode() for n in range(10)]
    svc = service(store, [[record(n, v) for n, v in enumerate(values)]])  # type: ignore[arg-type]
    svc.poll_once()
    assert store.calls >= 4  # one write per chunk, more to bisect the refused one out
    assert db.count("articles") == 9
    assert [m["key"] for m in svc.producer.to("metrics")] == [
        article(n).article_id.encode() for n in range(10) if n != 7
    ]
    (reason,) = reasons(svc)
    assert reason.startswith("store refused it: IntegrityError")
    assert svc.stats.processed == 9


def test_an_outage_in_a_later_chunk_sends_nothing_and_rewinds(
    db: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("consumers.extractor.WRITE_CHUNK", 2)
    store = Refusing(db, sqlite3.OperationalError("database is locked"), bad="Report 4")
    batch = [record(n, article(n).encode()) for n in range(6)]
    svc = service(store, [batch, batch])  # type: ignore[arg-type]
    svc.poll_once()
    assert svc.producer.sent == []
    assert svc.consumer.commits == []
    assert svc.consumer.seeks == [("articles", 0, 0)]
    store.bad = "no such title"
    svc.poll_once()
    assert db.count("articles") == 6
    assert (svc.stats.processed, svc.stats.redelivered) == (2, 4)  # chunks 1-2 were stored
    assert len(svc.producer.to("metrics")) == 6
