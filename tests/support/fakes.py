"""Plain in-memory fakes of the kafka-python clients, for pure-logic tests."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field
from typing import Any

TP = namedtuple("TP", "topic partition")


@dataclass
class FakeRecord:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass
class FakeConsumer:
    """Hands out queued batches from ``poll`` and records commits."""

    batches: list[list[FakeRecord]] = field(default_factory=list)
    commits: list[dict[Any, Any]] = field(default_factory=list)
    seeks: list[tuple[str, int, int]] = field(default_factory=list)

    def poll(self, timeout_ms: int = 0) -> dict[TP, list[FakeRecord]]:
        if not self.batches:
            return {}
        grouped: dict[TP, list[FakeRecord]] = {}
        for record in self.batches.pop(0):
            grouped.setdefault(TP(record.topic, record.partition), []).append(record)
        return grouped

    def commit(self, offsets: dict[Any, Any]) -> None:
        self.commits.append(offsets)

    def seek(self, partition: Any, offset: int) -> None:
        self.seeks.append((partition.topic, partition.partition, offset))


@dataclass
class FakeFuture:
    """A send's outcome: ``exception`` set means it failed after retries."""

    exception: Exception | None = None

    def failed(self) -> bool:
        return self.exception is not None

    def add_callback(self, fn: Any, *args: Any) -> FakeFuture:
        if self.exception is None:
            fn(*args, None)
        return self

    def add_errback(self, fn: Any, *args: Any) -> FakeFuture:
        if self.exception is not None:
            fn(*args, self.exception)
        return self


@dataclass
class FakeProducer:
    """Records what was sent; sends to a topic in ``failing`` fail."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    flushes: int = 0
    failing: set[str] = field(default_factory=set)

    def send(
        self, topic: str, key: Any = None, value: Any = None, headers: Any = None
    ) -> FakeFuture:
        self.sent.append({"topic": topic, "key": key, "value": value, "headers": headers or []})
        return FakeFuture(TimeoutError("broker gone") if topic in self.failing else None)

    def flush(self, timeout: float | None = None) -> None:
        self.flushes += 1

    def to(self, topic: str) -> list[dict[str, Any]]:
        return [message for message in self.sent if message["topic"] == topic]


class Redelivering(FakeConsumer):
    """A consumer whose ``seek`` puts the records from that offset back in the queue."""

    def __init__(self, batches: list[list[FakeRecord]]) -> None:
        super().__init__(batches=batches)
        self.handed: list[FakeRecord] = []

    def poll(self, timeout_ms: int = 0) -> Any:
        if self.batches:
            self.handed = list(self.batches[0])
        return super().poll(timeout_ms)

    def seek(self, partition: Any, offset: int) -> None:
        super().seek(partition, offset)
        again = [r for r in self.handed if r.partition == partition.partition
                 and r.offset >= offset]  # fmt: skip
        if again:
            self.batches.insert(0, again)
