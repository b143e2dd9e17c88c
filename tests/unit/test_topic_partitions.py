"""``topic_partitions`` waits out a metadata answer that does not show the topic yet."""

from __future__ import annotations

import pytest
from kafka import TopicPartition

from wirewatch.errors import BrokerError
from wirewatch.kafka import topic_partitions


class SlowMetadata:
    """A consumer whose metadata shows the topic only after ``misses`` answers."""

    def __init__(self, misses: int, parts: set[int]) -> None:
        self.misses, self.parts, self.asked = misses, parts, 0

    def partitions_for_topic(self, topic: str) -> set[int] | None:
        self.asked += 1
        return None if self.asked <= self.misses else self.parts


def test_asks_again_until_the_partitions_show() -> None:
    consumer = SlowMetadata(misses=2, parts={1, 0})
    assert topic_partitions(consumer, "t") == [TopicPartition("t", 0), TopicPartition("t", 1)]
    assert consumer.asked == 3


def test_a_topic_that_never_shows_is_a_clear_error() -> None:
    with pytest.raises(BrokerError, match="'t' shows no partitions"):
        topic_partitions(SlowMetadata(misses=10**6, parts=set()), "t", timeout=0.3)
