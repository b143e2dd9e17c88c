"""The HTTP producer against a real broker that is stopped, and against records it refuses.

The broker here is this module's own :class:`LocalBroker` (in a temp folder on free
ports), because one test stops it. Every 202 must end up on the topic; while the
broker is down longer than the delivery timeout the answer is 503, never 202.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from kafka.admin import NewTopic

from producers.http import ArticleServer
from producers.publish import Delivery, Publisher
from tests.faults.producers_support import PATIENCE, own_broker, release_leaked_sockets, stored_keys
from wirewatch.broker import LocalBroker
from wirewatch.events import ArticleEvent
from wirewatch.kafka import HEADER_REASON, ensure_topics, make_admin, make_consumer
from wirewatch.settings import Settings, isolated

pytestmark = [pytest.mark.faults, pytest.mark.integration]

DELIVERY_TIMEOUT = 3


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalBroker]:
    """A broker of this module's own, so a test may stop and restart it."""
    yield from own_broker(tmp_path_factory.mktemp("fault-broker"))


@pytest.fixture
def settings(broker: LocalBroker, tmp_path: Path) -> Settings:
    """This test's topics on the module's broker, with a short delivery timeout."""
    if not broker.status().running:
        broker.start()
    tag = f"f_{uuid.uuid4().hex[:10]}"
    made = replace(isolated(broker.bootstrap, tmp_path, tag), delivery_timeout=DELIVERY_TIMEOUT)
    ensure_topics(made, [made.topics.articles, made.topics.dead_letters])
    return made


@pytest.fixture
def publisher(settings: Settings) -> Iterator[Publisher]:
    made = Publisher(settings, label="fault test")
    yield made
    made.close()
    release_leaked_sockets()


@pytest.fixture
def server(publisher: Publisher, settings: Settings) -> Iterator[ArticleServer]:
    running = ArticleServer(
        ("127.0.0.1", 0),
        publisher,
        max_article_bytes=settings.max_article_bytes,
        delivery_timeout=settings.delivery_timeout,
        health=publisher.health,
        reachable=publisher.reachable,
    )
    thread = threading.Thread(target=running.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
    thread.join()


def post(server: ArticleServer, payload: Any) -> tuple[int, dict[str, Any], str | None]:
    """POST JSON; the status, the JSON answer and the Retry-After header."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=PATIENCE)
    try:
        body = json.dumps(payload).encode()
        connection.request(
            "POST", "/articles", body=body, headers={"Content-Type": "application/json"}
        )
        response = connection.getresponse()
        return response.status, json.loads(response.read()), response.getheader("Retry-After")
    finally:
        connection.close()


def health(server: ArticleServer) -> int:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=PATIENCE)
    try:
        connection.request("GET", "/health")
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def article(n: int, **fields: Any) -> dict[str, Any]:
    return {"title": f"Report {n}", "body": f"Shelling was reported near the {n}th crossing.",
            "url": f"https://faults.invalid/{uuid.uuid4().hex}/{n}", **fields}  # fmt: skip


def until_accepted(server: ArticleServer, payload: Any) -> list[str]:
    """POST until 202 (a client honouring 503 + Retry-After); every 503 says when to retry."""
    deadline = time.monotonic() + PATIENCE
    while True:
        status, answer, retry = post(server, payload)
        if status == 202:
            return list(answer["accepted"])
        assert status == 503, answer
        assert retry is not None
        assert time.monotonic() < deadline, "the producer never recovered"
        time.sleep(0.5)


def test_broker_down_longer_than_the_delivery_timeout_is_503_and_every_202_is_delivered(
    broker: LocalBroker, server: ArticleServer, publisher: Publisher, settings: Settings
) -> None:
    accepted = [until_accepted(server, article(n))[0] for n in range(3)]
    assert health(server) == 200

    broker.stop()
    try:
        refused = [post(server, article(n)) for n in range(10, 13)]
        assert [status for status, _, _ in refused] == [503, 503, 503]
        assert all(retry is not None for _, _, retry in refused)
        assert health(server) == 503
        # past the pre-check: a publish while the broker is down fails after the timeout
        waiting = Delivery(1)
        publisher.publish(ArticleEvent.create(source="t", body="Lost?", title="Down"),
                          waiting.done)  # fmt: skip
        assert not waiting.wait(DELIVERY_TIMEOUT + PATIENCE)
        assert waiting.failed == 1
    finally:
        broker.start()

    accepted += [until_accepted(server, article(n))[0] for n in range(20, 23)]
    delivered = stored_keys(settings, settings.topics.articles)
    assert set(accepted) <= set(delivered)
    assert publisher.counts.failed >= 1  # the one that failed is counted, not hidden
    deadline = time.monotonic() + PATIENCE
    while health(server) != 200:  # the failure state clears with the next success
        assert time.monotonic() < deadline
        time.sleep(0.5)


def test_a_2mb_title_is_413_and_later_articles_are_still_delivered(
    server: ArticleServer, settings: Settings
) -> None:
    status, answer, _ = post(server, article(1, title="T" * 2_000_000))
    assert status == 413
    assert "title is 2000000 bytes" in answer["error"]

    later = [until_accepted(server, article(n))[0] for n in range(2, 5)]

    assert set(later) <= set(stored_keys(settings, settings.topics.articles))
    letters = stored_ids_and_reasons(settings)
    assert any("title is 2000000 bytes" in reason for reason in letters)
    assert health(server) == 200


def stored_ids_and_reasons(settings: Settings) -> list[str]:
    """The reasons of every dead letter of this test."""
    topic = settings.topics.dead_letters
    consumer = make_consumer(settings, topic, group_id=f"{topic}.reader", consumer_timeout_ms=5000)
    try:
        return [dict(record.headers)[HEADER_REASON].decode() for record in consumer]
    finally:
        consumer.close()


def test_a_record_the_broker_refuses_does_not_poison_later_ones(
    settings: Settings, broker: LocalBroker
) -> None:
    """A topic whose own size limit is tiny: the broker refuses the record, not the client."""
    small = f"{settings.topics.articles}.small"
    admin = make_admin(settings)
    try:
        admin.create_topics([NewTopic(small, 1, 1, topic_configs={"max.message.bytes": "20000"})])
    finally:
        admin.close()
    narrow = replace(settings, topics=replace(settings.topics, articles=small))
    publisher = Publisher(narrow, label="poison test")
    try:
        big = Delivery(1)
        publisher.publish(ArticleEvent.create(source="t", body="x " * 40_000, title="Big"),
                          big.done)  # fmt: skip
        assert not big.wait(PATIENCE)
        after = Delivery(5)
        for n in range(5):
            publisher.publish(ArticleEvent.create(source="t", body=f"Calm day {n}.", title="Ok"),
                              after.done)  # fmt: skip
        assert after.wait(PATIENCE), (after.delivered, after.failed)
    finally:
        publisher.close()
    assert publisher.counts.sent == 5
    assert publisher.counts.failed == 1
    assert len(stored_keys(narrow, small)) == 5
