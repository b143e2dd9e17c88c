"""The pipeline against the real broker: articles -> extractor group -> store + metrics topic."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from consumers.extraction import extract
from consumers.extractor import Extractor
from tests.support.factories import article
from tests.support.sql import query
from wirewatch.kafka import HEADER_REASON
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store


def publish(producer: Any, settings: Settings, values: list[tuple[bytes, bytes | None]]) -> None:
    for key, value in values:
        producer.send(settings.topics.articles, key=key, value=value)
    producer.flush()


def events(count: int, start: int = 0) -> list[tuple[bytes, bytes | None]]:
    made = [article(n) for n in range(start, start + count)]
    return [(e.article_id.encode(), e.encode()) for e in made]


def drain(consumer: Any, expected: int, timeout: float = 60) -> list[Any]:
    """Read ``expected`` records (or what arrives before the timeout)."""
    got: list[Any] = []
    deadline = time.monotonic() + timeout
    while len(got) < expected and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            got.extend(records)
    return got


def run_until(service: Extractor, seen: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while service.stats.seen < seen and time.monotonic() < deadline:
        service.poll_once(500)


def extractor(settings: Settings, store: SqlStore, consumers: Callable[..., Any],
              producers: Callable[..., Any]) -> Extractor:  # fmt: skip
    consumer = consumers(settings.topics.articles)
    return Extractor(settings, store, consumer, producers(), extract)


def test_n_articles_in_exactly_n_processed(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any, consumer_factory: Any
) -> None:
    publish(producer_factory(), kafka_settings, events(40))
    service = extractor(kafka_settings, store, consumer_factory, producer_factory)
    run_until(service, 40)
    assert service.stats.processed == 40
    assert store.count("articles") == 40
    killed = query(store, "SELECT COUNT(*) FROM metrics WHERE family = 'casualty'")[0][0]
    assert killed >= 40
    out = consumer_factory(kafka_settings.topics.metrics, group_id="reader")
    published = drain(out, 40)
    assert len(published) == 40
    first = ArticleMetrics.decode(published[0].value)
    assert first.extraction.summary.killed == 3
    assert first.provenance is not None


def test_restart_before_commit_does_not_double_count(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any, consumer_factory: Any
) -> None:
    publish(producer_factory(), kafka_settings, events(20))
    crashed = extractor(kafka_settings, store, consumer_factory, producer_factory)
    handled = 0
    deadline = time.monotonic() + 60
    while handled < 20 and time.monotonic() < deadline:
        for records in crashed.consumer.poll(timeout_ms=500).values():
            for record in records:
                crashed.handle(record)
                handled += 1
    crashed.consumer.close(autocommit=False)  # the process dies before its commit
    assert store.count("articles") == 20
    metrics_before = store.count("metrics")

    restarted = extractor(kafka_settings, store, consumer_factory, producer_factory)
    run_until(restarted, 20)
    assert restarted.stats.redelivered == 20
    assert restarted.stats.processed == 0
    assert store.count("articles") == 20
    assert store.count("metrics") == metrics_before
    killed = query(store, "SELECT SUM(killed) FROM articles")[0][0]
    assert killed == 20 * 3


def test_malformed_messages_go_to_the_dead_letter_topic(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any, consumer_factory: Any
) -> None:
    bad = [(b"bad-1", b"{not json"), (b"bad-2", b"\xff\xfe binary"), (b"bad-3", b'{"a": 1}')]
    publish(producer_factory(), kafka_settings, [*events(5), *bad, *events(5, start=5)])
    service = extractor(kafka_settings, store, consumer_factory, producer_factory)
    run_until(service, 13)
    assert service.stats.processed == 10
    assert store.count("articles") == 10
    letters = drain(consumer_factory(kafka_settings.topics.dead_letters, group_id="dlq"), 3)
    assert sorted(letter.value for letter in letters) == sorted(value for _, value in bad)
    reasons = {letter.key: dict(letter.headers)[HEADER_REASON].decode() for letter in letters}
    assert "not valid JSON" in reasons[b"bad-1"]
    assert "not UTF-8" in reasons[b"bad-2"]
    assert "schema_version" in reasons[b"bad-3"]
    assert store.count("dead_letters") == 3


def test_the_same_article_twice_is_stored_once(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any, consumer_factory: Any
) -> None:
    once = events(1)
    publish(producer_factory(), kafka_settings, once + once)
    service = extractor(kafka_settings, store, consumer_factory, producer_factory)
    run_until(service, 2)
    assert (service.stats.processed, service.stats.duplicates) == (1, 1)
    assert store.count("articles") == 1


def test_two_members_of_the_group_split_the_partitions(
    kafka_settings: Settings, producer_factory: Any, consumer_factory: Any
) -> None:
    stores = [open_store(kafka_settings.store_url) for _ in range(2)]
    members = [extractor(kafka_settings, db, consumer_factory, producer_factory) for db in stores]
    assigned: list[set[Any]] = [set(), set()]
    errors: list[BaseException] = []
    stop = threading.Event()

    def work(index: int) -> None:
        try:
            while not stop.is_set():
                members[index].poll_once(300)
                assigned[index] = set(members[index].consumer.assignment())
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
            stop.set()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    every = kafka_settings.partitions

    def split() -> bool:  # a snapshot of both members' assignments after a rebalance
        first, second = assigned
        return bool(first and second and not first & second and len(first | second) == every)

    deadline = time.monotonic() + 60
    while not split() and not errors and time.monotonic() < deadline:
        time.sleep(0.2)
    was_split = split()
    publish(producer_factory(), kafka_settings, events(60))
    while sum(m.stats.seen for m in members) < 60 and time.monotonic() < deadline + 60:
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert was_split, assigned
    # a member may be rebalanced out under load later on; the store still counts each once
    assert sum(m.stats.processed for m in members) == 60
    assert stores[0].count("articles") == 60
    for db in stores:
        db.close()


def test_an_oversized_article_is_dead_lettered_whole_and_the_stream_goes_on(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any, consumer_factory: Any
) -> None:
    huge = article(99, body="An airstrike killed 12 people. " * 50_000)  # about 1.5 MB
    big = (huge.article_id.encode(), huge.encode())
    publish(producer_factory(), kafka_settings, [big, *events(3)])
    service = extractor(kafka_settings, store, consumer_factory, producer_factory)
    run_until(service, 4)
    assert (service.stats.processed, service.stats.dead_letters) == (3, 1)
    (letter,) = drain(consumer_factory(kafka_settings.topics.dead_letters, group_id="dlq"), 1)
    assert letter.value == big[1]
    assert "over the limit" in dict(letter.headers)[HEADER_REASON].decode()
