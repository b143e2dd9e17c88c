"""Dead letters: records no service could process, with the reason and the original bytes.

Table (created by the first migration in :mod:`wirewatch.store.migrations`)::

    dead_letters (topic, part, msg_offset) -> reason, payload, failed_ms

Recorded once per source offset by :meth:`SqlStore.save_dead_letter`; the dashboard's
summary of them is :func:`wirewatch.store.queries.dead_letter_summary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wirewatch.store.values import Row, to_ms

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

TABLES = (
    """CREATE TABLE IF NOT EXISTS dead_letters (
            topic TEXT NOT NULL,
            part INTEGER NOT NULL,
            msg_offset BIGINT NOT NULL,
            reason TEXT NOT NULL,
            payload BYTEA,
            failed_ms BIGINT NOT NULL,
            PRIMARY KEY (topic, part, msg_offset)
        )""",
    "CREATE INDEX IF NOT EXISTS dead_letters_time ON dead_letters (failed_ms)",
)
INSERT = """INSERT INTO dead_letters (topic, part, msg_offset, reason, payload,
    failed_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic, part, msg_offset) DO NOTHING"""


@dataclass(frozen=True)
class DeadLetter:
    """A message that could not be processed, with why and its original bytes."""

    topic: str
    partition: int
    offset: int
    reason: str
    payload: bytes | None
    failed_at: datetime

    def row(self) -> Row:
        """The ``dead_letters`` row, in :data:`INSERT` order."""
        return (self.topic, self.partition, self.offset, self.reason, self.payload,
                to_ms(self.failed_at))  # fmt: skip


def dead_letters_since(store: SqlStore, since_ms: int) -> int:
    """How many records were dead-lettered from ``since_ms`` on."""
    sql = "SELECT COUNT(*) FROM dead_letters WHERE failed_ms >= ?"
    return int(store._fetch(sql, (since_ms,))[0][0])
