"""Archive the ``articles`` stream to gzip JSONL, keeping each record's Kafka timestamp.

One line per record: ``{"timestamp_ms", "partition", "offset", "key", "event"}``
where ``event`` is the article JSON as it was published. A start time is found
with ``offsets_for_times``; without ``--follow`` reading ends at the offsets
that were the topic's end when recording began.
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kafka import TopicPartition

from wirewatch.kafka import topic_partitions
from wirewatch.store.sql import to_ms

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recorded:
    """One archived record of the articles topic."""

    timestamp_ms: int
    partition: int
    offset: int
    key: str | None
    event: dict[str, Any]

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.timestamp_ms, self.partition, self.offset)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recorded:
        return cls(**data)


def decode(record: Any) -> Recorded | None:
    """A :class:`Recorded` from a consumer record; None for one that is not a JSON object."""
    try:
        event = json.loads(record.value)
    except (TypeError, ValueError):
        event = None
    if not isinstance(event, dict):
        log.warning("%s[%d]@%d not recorded: not a JSON object", record.topic,
                    record.partition, record.offset)  # fmt: skip
        return None
    key = record.key.decode("utf-8", "replace") if record.key is not None else None
    return Recorded(record.timestamp, record.partition, record.offset, key, event)


def read_topic(
    consumer: Any,
    topic: str,
    start: datetime | None = None,
    end: datetime | None = None,
    follow: bool = False,
    stop: threading.Event | None = None,
) -> Iterator[Recorded]:
    """Records of ``topic`` with ``start <= timestamp < end``, in each partition's order."""
    stop = stop or threading.Event()
    tps = topic_partitions(consumer, topic)
    consumer.assign(tps)
    _seek(consumer, tps, start)
    ends = consumer.end_offsets(tps)
    end_ms = to_ms(end) if end else None
    while not stop.is_set():
        if not follow and all(consumer.position(tp) >= ends[tp] for tp in tps):
            return
        for records in consumer.poll(timeout_ms=500).values():
            for record in records:
                if end_ms is not None and record.timestamp >= end_ms:
                    continue
                if (item := decode(record)) is not None:
                    yield item


def _seek(consumer: Any, tps: list[TopicPartition], start: datetime | None) -> None:
    if start is None:
        consumer.seek_to_beginning(*tps)
        return
    found = consumer.offsets_for_times({tp: to_ms(start) for tp in tps})
    ends = consumer.end_offsets(tps)
    for tp in tps:
        hit = found.get(tp)
        consumer.seek(tp, hit.offset if hit is not None else ends[tp])


def write_records(path: Path, records: Iterable[Recorded]) -> int:
    """Write records to a gzip JSONL file; return how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with gzip.open(path, "wt", encoding="utf-8") as sink:
        for item in records:
            sink.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            count += 1
            if count % 100 == 0:
                sink.flush()
    return count


def read_records(path: Path) -> list[Recorded]:
    """Every record of a recording, in original time order."""
    with gzip.open(path, "rt", encoding="utf-8") as source:
        items = [Recorded.from_dict(json.loads(line)) for line in source if line.strip()]
    return sorted(items, key=lambda item: item.order)
