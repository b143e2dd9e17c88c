"""Helpers of the producer fault tests: a broker a test may stop, reading a topic to its end."""

from __future__ import annotations

import gc
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

from kafka import TopicPartition

from tests.support.broker import local_broker
from wirewatch.broker import LocalBroker
from wirewatch.kafka import make_consumer
from wirewatch.settings import Settings

PATIENCE = 90.0  # bounds every wait; no assertion is about time


def own_broker(home: Path) -> Iterator[LocalBroker]:
    """A broker of the caller's own in ``home`` (for a fixture): a test may stop it."""
    with local_broker(home) as broker:
        yield broker


def release_leaked_sockets() -> None:
    """kafka-python leaves the socket of a refused connection (broker down) unclosed;
    finalise those here, where its ResourceWarning is expected, not at session end."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def stored_keys(settings: Settings, topic: str) -> list[str]:
    """The key of every record on ``topic``, read from the beginning to its end offsets."""
    consumer = make_consumer(settings, group_id=None)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        ends = consumer.end_offsets(partitions)
        keys: list[str] = []
        deadline = time.monotonic() + PATIENCE
        while any(consumer.position(tp) < ends[tp] for tp in partitions):
            assert time.monotonic() < deadline, "the topic could not be read to its end"
            for batch in consumer.poll(timeout_ms=500).values():
                keys.extend(record.key.decode() for record in batch)
        return keys
    finally:
        consumer.close()


def record_count(settings: Settings, topic: str) -> int:
    """Records on ``topic`` by its end offsets."""
    consumer = make_consumer(settings, group_id=None)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(partitions).values())
    finally:
        consumer.close()
