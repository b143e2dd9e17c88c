"""Alert silences, acknowledgements and the evaluator's notification channels, in the store.

Tables (created by the silences migration in :mod:`wirewatch.store.migrations`)::

    alert_silences (silence_id) -> matchers (JSON), starts_ms, ends_ms, author, comment,
                                   created_ms
    alert_acks     (run_id, rule_id, since_ms) -> author, at_ms, comment
    alert_channels (target) -> kind, shown, kinds, seen_ms

A silence mutes the notifications of every rule whose labels it matches while
``starts_ms <= now < ends_ms``; expiring it sets ``ends_ms`` to now, so the list
keeps who silenced what. An acknowledgement belongs to one firing (a rule's firing
that started at ``since_ms``): when the rule resolves and fires again, the new
firing is not acknowledged. ``alert_channels`` is where ``wirewatch alerts run``
says which notifiers it runs with, for the dashboard to show.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirewatch.store.sql import SqlStore

TABLES = (
    """CREATE TABLE IF NOT EXISTS alert_silences (
        silence_id TEXT PRIMARY KEY,
        matchers TEXT NOT NULL,
        starts_ms BIGINT NOT NULL,
        ends_ms BIGINT NOT NULL,
        author TEXT NOT NULL,
        comment TEXT NOT NULL,
        created_ms BIGINT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS alert_silences_ends ON alert_silences (ends_ms)",
    """CREATE TABLE IF NOT EXISTS alert_acks (
        run_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        since_ms BIGINT NOT NULL,
        author TEXT NOT NULL,
        at_ms BIGINT NOT NULL,
        comment TEXT NOT NULL,
        PRIMARY KEY (run_id, rule_id, since_ms)
    )""",
    """CREATE TABLE IF NOT EXISTS alert_channels (
        target TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        shown TEXT NOT NULL,
        kinds TEXT NOT NULL,
        seen_ms BIGINT NOT NULL
    )""",
)
_ADD_SILENCE = """INSERT INTO alert_silences (silence_id, matchers, starts_ms, ends_ms, author,
    comment, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"""
_SILENCES = """SELECT silence_id, matchers, starts_ms, ends_ms, author, comment, created_ms
    FROM alert_silences"""
_EXPIRE = "UPDATE alert_silences SET ends_ms = ? WHERE silence_id = ? AND ends_ms > ?"
_ACK = """INSERT INTO alert_acks (run_id, rule_id, since_ms, author, at_ms, comment)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, rule_id, since_ms) DO UPDATE SET
    author = excluded.author, at_ms = excluded.at_ms, comment = excluded.comment"""
_ACKS = "SELECT run_id, rule_id, since_ms, author, at_ms, comment FROM alert_acks"
_CHANNEL = """INSERT INTO alert_channels (target, kind, shown, kinds, seen_ms)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (target) DO UPDATE SET kind = excluded.kind,
    shown = excluded.shown, kinds = excluded.kinds, seen_ms = excluded.seen_ms"""
_SUPPRESS = """UPDATE alert_outbox SET state = 'suppressed', done_ms = ?
    WHERE run_id = ? AND rule_id = ? AND at_ms = ? AND kind = ? AND target = ?
    AND state = 'pending'"""


@dataclass(frozen=True)
class Silence:
    """Mute the notifications of the rules whose labels equal every matcher (case aside)."""

    silence_id: str
    matchers: dict[str, str]
    starts_ms: int
    ends_ms: int
    author: str
    comment: str = ""
    created_ms: int = 0

    def active(self, now_ms: int) -> bool:
        return self.starts_ms <= now_ms < self.ends_ms

    def matches(self, labels: Mapping[str, str]) -> bool:
        """Whether every matcher equals the label of that name (casefolded)."""
        folded = {k: v.casefold() for k, v in labels.items()}
        return bool(self.matchers) and all(
            folded.get(name) == value.casefold() for name, value in self.matchers.items()
        )

    def describe(self) -> str:
        """``rule=deaths, location=Gaza``: the matchers as one line."""
        return ", ".join(f"{k}={v}" for k, v in sorted(self.matchers.items()))


@dataclass(frozen=True)
class Ack:
    """One firing of one rule acknowledged: by whom, when (epoch ms), and why."""

    run_id: str
    rule_id: str
    since_ms: int
    author: str
    at_ms: int
    comment: str = ""


@dataclass(frozen=True)
class Channel:
    """A notifier the evaluator runs with; ``shown`` is safe to display (no URL path)."""

    target: str
    kind: str
    shown: str
    kinds: tuple[str, ...] = field(default=())
    seen_ms: int = 0


def add_silence(store: SqlStore, silence: Silence) -> None:
    """Store a new silence."""
    row = (silence.silence_id, json.dumps(silence.matchers, sort_keys=True), silence.starts_ms,
           silence.ends_ms, silence.author, silence.comment, silence.created_ms)  # fmt: skip
    _execute(store, _ADD_SILENCE, [row])


def expire_silence(store: SqlStore, silence_id: str, now_ms: int) -> bool:
    """End a silence now; False when there is no such silence still in force."""
    before = [s for s in silences(store) if s.silence_id == silence_id and s.ends_ms > now_ms]
    _execute(store, _EXPIRE, [(now_ms, silence_id, now_ms)])
    return bool(before)


def silences(store: SqlStore, now_ms: int | None = None) -> list[Silence]:
    """Every silence, newest first; with ``now_ms``, only those not yet ended."""
    where, params = ("", ()) if now_ms is None else (" WHERE ends_ms > ?", (now_ms,))
    rows = store._fetch(f"{_SILENCES}{where} ORDER BY created_ms DESC, silence_id", params)
    return [_silence(row) for row in rows]


def active_silences(store: SqlStore, now_ms: int) -> list[Silence]:
    """The silences in force at ``now_ms``."""
    return [s for s in silences(store, now_ms) if s.active(now_ms)]


def acknowledge(store: SqlStore, ack: Ack) -> None:
    """Record (or renew) the acknowledgement of one firing."""
    row = (ack.run_id, ack.rule_id, ack.since_ms, ack.author, ack.at_ms, ack.comment)
    _execute(store, _ACK, [row])


def acks(store: SqlStore, run_id: str) -> dict[tuple[str, int], Ack]:
    """The acknowledgements of ``run_id``, keyed by (rule id, firing start in ms)."""
    rows = store._fetch(f"{_ACKS} WHERE run_id = ?", (run_id,))
    found = [Ack(r, rule, int(since), a, int(at), c) for r, rule, since, a, at, c in rows]
    return {(ack.rule_id, ack.since_ms): ack for ack in found}


def save_channels(store: SqlStore, channels: Sequence[Channel]) -> None:
    """Record the channels an evaluator runs with (others recorded earlier stay)."""
    rows = [(c.target, c.kind, c.shown, ",".join(c.kinds), c.seen_ms) for c in channels]
    _execute(store, _CHANNEL, rows)


def channels(store: SqlStore) -> list[Channel]:
    """The recorded channels, most recently seen first."""
    rows = store._fetch("SELECT target, kind, shown, kinds, seen_ms FROM alert_channels "
                       "ORDER BY seen_ms DESC, target")  # fmt: skip
    return [Channel(t, k, s, tuple(filter(None, ks.split(","))), int(ms))
            for t, k, s, ks, ms in rows]  # fmt: skip


def suppress_delivery(store: SqlStore, key: Sequence[Any], now_ms: int) -> None:
    """Mark one pending outbox delivery (``run_id, rule_id, at_ms, kind, target``) as
    suppressed: muted by a silence or an acknowledgement, never to be sent."""
    _execute(store, _SUPPRESS, [(now_ms, *key)])


def _silence(row: Sequence[Any]) -> Silence:
    silence_id, matchers, starts, ends, author, comment, created = row
    return Silence(silence_id, json.loads(matchers), int(starts), int(ends), author, comment,
                   int(created))  # fmt: skip


def _execute(store: SqlStore, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    with store.transaction() as cur:
        for row in rows:
            cur.execute(sql.replace("?", store.placeholder), tuple(row))
