"""The service runner against the real broker: a crash before the commit, a delivery the
broker refuses, and a rebalance between two members of one group."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from kafka import TopicPartition
from kafka.admin import NewTopic

from wirewatch.errors import BrokerError
from wirewatch.kafka import make_admin
from wirewatch.service import Runner
from wirewatch.settings import Settings


class Forward:
    """Sends every record's value on to ``out``; can crash after handling a batch."""

    def __init__(self, out: str, crash: bool = False) -> None:
        self.out, self.crash = out, crash
        self.runner: Runner | None = None
        self.values: list[bytes] = []
        self.assigned: list[list[Any]] = []
        self.revoked: list[list[Any]] = []

    def handle_batch(self, records: list[Any]) -> None:
        assert self.runner is not None
        for record in records:
            self.values.append(record.value)
            self.runner.send(self.out, record.key, record.value)

    def after_batch(self) -> None:
        if self.crash and self.values:
            msg = "killed before the commit"
            raise SystemExit(msg)

    def on_assign(self, partitions: list[Any]) -> None:
        self.assigned.append(partitions)

    def on_revoke(self, partitions: list[Any]) -> None:
        self.revoked.append(partitions)


def start(service: Forward, consumer: Any, producer: Any) -> Runner:
    runner = Runner("forward", service, consumer, producer)
    service.runner = runner
    return runner


def publish(producer: Any, topic: str, count: int, partition: int | None = None) -> None:
    for n in range(count):
        producer.send(topic, key=f"k{n}".encode(), value=f"v{n}".encode(), partition=partition)
    producer.flush()


def turn_until(runner: Runner, done: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "the runner did not get there in time"
        runner.poll_once(timeout_ms=300)


def committed(consumer: Any, topic: str) -> dict[int, int | None]:
    parts = consumer.partitions_for_topic(topic) or set()
    return {p: consumer.committed(TopicPartition(topic, p)) for p in sorted(parts)}


def test_a_crash_before_the_commit_redelivers_the_batch(
    kafka_settings: Settings, producer_factory: Any, consumer_factory: Any
) -> None:
    source, out = kafka_settings.topics.articles, kafka_settings.topics.metrics
    publish(producer_factory(), source, 5, partition=0)
    first = Forward(out, crash=True)
    crashing = start(first, consumer_factory(source), producer_factory())
    with pytest.raises(SystemExit):
        turn_until(crashing, lambda: bool(first.values))
    crashing.consumer.close(autocommit=False)
    assert first.values  # handled, and sent on, but never committed

    second = Forward(out)
    again = start(second, consumer_factory(source), producer_factory())
    turn_until(again, lambda: len(second.values) >= 5)
    assert second.values[: len(first.values)] == first.values  # the same records again
    assert committed(again.consumer, source)[0] == 5


def test_a_delivery_the_broker_refuses_commits_nothing(
    kafka_settings: Settings, producer_factory: Any, consumer_factory: Any
) -> None:
    source = kafka_settings.topics.articles
    small = f"{kafka_settings.topics.metrics}.small"
    admin = make_admin(kafka_settings)
    try:
        admin.create_topics([NewTopic(small, 1, 1, topic_configs={"max.message.bytes": "200"})])
    finally:
        admin.close()
    producer = producer_factory()
    producer.send(source, key=b"big", value=b"x" * 5000, partition=0)
    producer.flush()
    service = Forward(small)
    runner = start(service, consumer_factory(source), producer_factory())
    deadline = time.monotonic() + 60
    with pytest.raises(BrokerError, match="not delivered"):
        while time.monotonic() < deadline:
            runner.poll_once(timeout_ms=300)
    assert service.values == [b"x" * 5000]
    assert committed(runner.consumer, source)[0] is None
    service.out = kafka_settings.topics.metrics  # the broker takes it there: now it commits
    turn_until(runner, lambda: committed(runner.consumer, source)[0] == 1)
    assert service.values == [b"x" * 5000] * 2  # the rewound record, handled again


def test_two_members_split_the_partitions_and_commit_everything(
    kafka_settings: Settings, producer_factory: Any, consumer_factory: Any
) -> None:
    source, out = kafka_settings.topics.articles, kafka_settings.topics.metrics
    members = [Forward(out), Forward(out)]
    runners = [start(m, consumer_factory(source), producer_factory()) for m in members]
    stop = threading.Event()
    errors: list[BaseException] = []

    def work(runner: Runner) -> None:
        try:
            while not stop.is_set():
                runner.poll_once(timeout_ms=200)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(r,)) for r in runners]
    threads[0].start()
    deadline = time.monotonic() + 60
    while not members[0].assigned and time.monotonic() < deadline:
        time.sleep(0.1)
    threads[1].start()  # joins: the group rebalances
    while not (members[0].revoked and members[1].assigned) and time.monotonic() < deadline:
        time.sleep(0.1)
    publish(producer_factory(), source, 60)
    while (len(set(members[0].values) | set(members[1].values)) < 60 and not errors
           and time.monotonic() < deadline + 60):  # fmt: skip
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert members[0].revoked and members[1].assigned  # the hooks saw the rebalance
    assert set(members[0].values) | set(members[1].values) == {f"v{n}".encode() for n in range(60)}
    ends = runners[0].consumer.end_offsets(
        [TopicPartition(source, p) for p in range(kafka_settings.partitions)]
    )
    assert committed(runners[0].consumer, source) == {tp.partition: n for tp, n in ends.items()}
