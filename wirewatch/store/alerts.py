"""Alert tables: the rule mirror, rule state, transitions, observations and the outbox.

Tables (created by the alerts migrations in :mod:`wirewatch.store.migrations`)::

    alert_rules        (rule_id)                         -> body, updated_ms
    alert_state        (run_id, rule_id)                 -> status, body, updated_ms
    alert_events       (run_id, rule_id, at_ms, kind)    -> severity, value, notified, body
    alert_observations (run_id, article_id)              -> event_ms, body
    alert_outbox       (run_id, rule_id, at_ms, kind, target) -> seq, body, created_ms,
                                                          attempts, next_ms, state, done_ms

Every write is idempotent. Observations of stored history (for the backtest) are rebuilt
from the extractor's tables (:mod:`wirewatch.store.articles`). Bodies are the JSON of the
alert contracts (:mod:`consumers.alerts`); those are imported where rows are decoded, so
opening a store never imports the alert service and no import cycle can form.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wirewatch.events import now
from wirewatch.store import articles
from wirewatch.store.values import from_ms, to_ms

if TYPE_CHECKING:
    from consumers.alerts.rules import AlertRule
    from consumers.alerts.state import RuleState, Transition
    from consumers.alerts.window import Observation
    from wirewatch.store.sql import SqlStore

__all__ = [
    "OutboxRow", "delete_rule", "due_outbox", "expire_outbox", "firing", "from_ms", "history",
    "history_observations", "latest_observation", "load_observations", "load_rule",
    "load_rules", "load_states", "observation_known", "outbox_counts", "outbox_delivered",
    "outbox_failed", "save_batch", "save_rule",
]  # fmt: skip

log = logging.getLogger(__name__)

TABLES = (
    """CREATE TABLE IF NOT EXISTS alert_rules (
            rule_id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated_ms BIGINT NOT NULL
        )""",
    """CREATE TABLE IF NOT EXISTS alert_state (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_ms BIGINT NOT NULL,
            PRIMARY KEY (run_id, rule_id)
        )""",
    """CREATE TABLE IF NOT EXISTS alert_events (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at_ms BIGINT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            value DOUBLE PRECISION,
            notified INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, rule_id, at_ms, kind)
        )""",
    "CREATE INDEX IF NOT EXISTS alert_events_time ON alert_events (run_id, at_ms)",
    """CREATE TABLE IF NOT EXISTS alert_observations (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            event_ms BIGINT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, article_id)
        )""",
    "CREATE INDEX IF NOT EXISTS alert_obs_time ON alert_observations (run_id, event_ms)",
)
"""Rule mirror, per-run rule state, transitions, evaluated observations (issue 5)."""
OUTBOX_TABLES = (
    """CREATE TABLE IF NOT EXISTS alert_outbox (
            run_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at_ms BIGINT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            seq INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            attempts INTEGER NOT NULL,
            next_ms BIGINT NOT NULL,
            state TEXT NOT NULL,
            done_ms BIGINT,
            PRIMARY KEY (run_id, rule_id, at_ms, kind, target)
        )""",
    "CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (state, next_ms)",
)
"""Alert deliveries owed (webhooks, files, the alerts topic), kept until done (issue 9)."""

_UPSERT_RULE = """INSERT INTO alert_rules (rule_id, body, updated_ms) VALUES (?, ?, ?)
    ON CONFLICT (rule_id) DO UPDATE SET body = excluded.body, updated_ms = excluded.updated_ms"""
_UPSERT_STATE = """INSERT INTO alert_state (run_id, rule_id, status, body, updated_ms)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, rule_id) DO UPDATE SET
    status = excluded.status, body = excluded.body, updated_ms = excluded.updated_ms"""
_INSERT_EVENT = """INSERT INTO alert_events (run_id, rule_id, at_ms, kind, severity, value,
    notified, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, rule_id, at_ms, kind) DO NOTHING"""
_INSERT_OUTBOX = """INSERT INTO alert_outbox (run_id, rule_id, at_ms, kind, target, seq, body,
    created_ms, attempts, next_ms, state, done_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'pending', NULL)
    ON CONFLICT (run_id, rule_id, at_ms, kind, target) DO NOTHING"""
_DELIVERED = """UPDATE alert_outbox SET state = 'delivered', done_ms = ?, attempts = attempts + 1
    WHERE run_id = ? AND rule_id = ? AND at_ms = ? AND kind = ? AND target = ?"""
_NOTIFIED = """UPDATE alert_events SET notified = 1
    WHERE run_id = ? AND rule_id = ? AND at_ms = ? AND kind = ? AND NOT EXISTS (
    SELECT 1 FROM alert_outbox o WHERE o.run_id = ? AND o.rule_id = ? AND o.at_ms = ?
    AND o.kind = ? AND o.state = 'pending' AND SUBSTR(o.target, 1, 6) <> 'topic:')"""
_FAILED = """UPDATE alert_outbox SET attempts = attempts + 1, next_ms = ?
    WHERE run_id = ? AND rule_id = ? AND at_ms = ? AND kind = ? AND target = ?"""
_EXPIRING = """SELECT rule_id, kind, at_ms, target FROM alert_outbox
    WHERE state = 'pending' AND created_ms < ?"""
_EXPIRE = """UPDATE alert_outbox SET state = 'expired', done_ms = ?
    WHERE state = 'pending' AND created_ms < ?"""
_INSERT_OBS = """INSERT INTO alert_observations (run_id, article_id, event_ms, body)
    VALUES (?, ?, ?, ?) ON CONFLICT (run_id, article_id) DO NOTHING"""


def save_rule(store: SqlStore, rule: AlertRule) -> None:
    """Create or replace a rule in the mirror."""
    store._execute(_UPSERT_RULE, [(rule.id, json.dumps(rule.to_dict()), to_ms(now()))])


def delete_rule(store: SqlStore, rule_id: str) -> None:
    """Remove a rule and its state from the mirror (its history stays)."""
    with store.transaction() as cur:
        cur.execute(store._sql("DELETE FROM alert_rules WHERE rule_id = ?"), (rule_id,))
        cur.execute(store._sql("DELETE FROM alert_state WHERE rule_id = ?"), (rule_id,))


def load_rules(store: SqlStore) -> list[AlertRule]:
    """Every valid mirrored rule, by id; one that no longer validates is logged and left out."""
    from consumers.alerts.rules import AlertRule, RuleError

    rules = []
    for rule_id, body in store._fetch("SELECT rule_id, body FROM alert_rules ORDER BY rule_id"):
        try:
            rules.append(AlertRule.from_dict(json.loads(body)))
        except RuleError as exc:
            log.warning("alert_rules mirror: rule %r skipped: %s", rule_id, exc)
    return rules


def load_rule(store: SqlStore, rule_id: str) -> AlertRule | None:
    """One mirrored rule, or None."""
    from consumers.alerts.rules import AlertRule

    rows = store._fetch("SELECT body FROM alert_rules WHERE rule_id = ?", (rule_id,))
    return AlertRule.from_dict(json.loads(rows[0][0])) if rows else None


def load_states(store: SqlStore, run_id: str) -> dict[str, RuleState]:
    """The persisted state of every rule for ``run_id``."""
    from consumers.alerts.state import RuleState

    rows = store._fetch("SELECT body FROM alert_state WHERE run_id = ?", (run_id,))
    states = [RuleState.from_dict(json.loads(body)) for (body,) in rows]
    return {state.rule_id: state for state in states}


def save_batch(
    store: SqlStore,
    run_id: str,
    observations: Iterable[Observation],
    states: Iterable[RuleState],
    transitions: Iterable[Transition],
    outbox: Iterable[tuple[Transition, str]] = (),
) -> None:
    """Persist one evaluated batch, and the deliveries it owes, in a single transaction.

    A transition is stored with ``notified = 0``; :func:`outbox_delivered` sets it.
    """
    stamp = to_ms(now())
    box_rows = [(*_event_key(t), target, seq, json.dumps(t.to_dict()), stamp, stamp)
                for seq, (t, target) in enumerate(outbox)]  # fmt: skip
    obs_rows = [(o.run_id, o.article_id, to_ms(o.event_time), json.dumps(o.to_dict()))
                for o in observations]  # fmt: skip
    state_rows = [(run_id, s.rule_id, s.status, json.dumps(s.to_dict()), stamp) for s in states]
    event_rows = [(t.run_id, t.rule_id, to_ms(t.at), t.kind, t.severity, t.value, 0,
                   json.dumps(t.to_dict())) for t in transitions]  # fmt: skip
    with store.transaction() as cur:
        cur.executemany(store._sql(_INSERT_OBS), obs_rows)
        cur.executemany(store._sql(_UPSERT_STATE), state_rows)
        cur.executemany(store._sql(_INSERT_EVENT), event_rows)
        cur.executemany(store._sql(_INSERT_OUTBOX), box_rows)


def _event_key(t: Transition) -> tuple[str, str, int, str]:
    return (t.run_id, t.rule_id, to_ms(t.at), t.kind)


@dataclass(frozen=True)
class OutboxRow:
    """One delivery owed: a transition to one target, and how often it was tried."""

    transition: Transition
    target: str
    attempts: int

    @property
    def key(self) -> tuple[str, str, int, str, str]:
        return (*_event_key(self.transition), self.target)


def due_outbox(store: SqlStore, now_ms: int, targets: Sequence[str]) -> list[OutboxRow]:
    """Pending deliveries to ``targets`` whose next attempt is due, oldest first."""
    from consumers.alerts.state import Transition

    if not targets:
        return []
    marks = ", ".join("?" for _ in targets)
    rows = store._fetch(
        "SELECT body, target, attempts FROM alert_outbox WHERE state = 'pending' "  # noqa: S608
        f"AND next_ms <= ? AND target IN ({marks}) ORDER BY created_ms, seq, target",
        (now_ms, *targets),
    )
    return [OutboxRow(Transition.from_dict(json.loads(b)), t, int(n)) for b, t, n in rows]


def outbox_delivered(
    store: SqlStore, row: OutboxRow, now_ms: int, notification: bool = True
) -> None:
    """Mark a delivery done; a transition is notified once no notification of it is pending.

    ``notification`` False: a publish (to the alerts topic), which notifies nobody.
    """
    with store.transaction() as cur:
        cur.execute(store._sql(_DELIVERED), (now_ms, *row.key))
        if notification:
            cur.execute(store._sql(_NOTIFIED), (*row.key[:4], *row.key[:4]))


def outbox_failed(store: SqlStore, row: OutboxRow, next_ms: int) -> None:
    """Count a failed attempt and set when to try again."""
    store._execute(_FAILED, [(next_ms, *row.key)])


def expire_outbox(store: SqlStore, created_before_ms: int, now_ms: int) -> list[str]:
    """Give up on pending deliveries created before ``created_before_ms``; name them."""
    rows = store._fetch(_EXPIRING, (created_before_ms,))
    if rows:
        store._execute(_EXPIRE, [(now_ms, created_before_ms)])
    return [f"{rule}/{kind}@{at} to {target}" for rule, kind, at, target in rows]


def outbox_counts(store: SqlStore) -> dict[str, int]:
    """How many deliveries are pending, delivered and expired."""
    rows = store._fetch("SELECT state, COUNT(*) FROM alert_outbox GROUP BY state")
    return {state: int(n) for state, n in rows}


def observation_known(store: SqlStore, obs: Observation) -> bool:
    """Whether the evaluator already processed this article (before a restart)."""
    rows = store._fetch(
        "SELECT 1 FROM alert_observations WHERE run_id = ? AND article_id = ?", obs.key
    )
    return bool(rows)


def load_observations(store: SqlStore, run_id: str, since: datetime) -> list[Observation]:
    """Evaluated observations of ``run_id`` from ``since`` on, in event-time order."""
    from consumers.alerts.window import Observation

    rows = store._fetch(
        "SELECT body FROM alert_observations WHERE run_id = ? AND event_ms >= ? "
        "ORDER BY event_ms, article_id",
        (run_id, to_ms(since)),
    )
    return [Observation.from_dict(json.loads(body)) for (body,) in rows]


def latest_observation(
    store: SqlStore, run_id: str, until: datetime | None = None
) -> datetime | None:
    """The latest stored event time of ``run_id`` (at or before ``until``, when given)."""
    limit = to_ms(until) if until is not None else 2**62
    rows = store._fetch(
        "SELECT MAX(event_ms) FROM alert_observations WHERE run_id = ? AND event_ms <= ?",
        (run_id, limit),
    )
    return from_ms(rows[0][0]) if rows and rows[0][0] is not None else None


def history(
    store: SqlStore, rule_id: str | None = None, run_id: str | None = None, limit: int = 200
) -> list[Transition]:
    """Recorded transitions, newest first."""
    from consumers.alerts.state import Transition

    where, params = _filters(rule_id=rule_id, run_id=run_id)
    rows = store._fetch(
        f"SELECT body FROM alert_events{where} ORDER BY at_ms DESC, kind LIMIT ?",  # noqa: S608
        (*params, limit),
    )
    return [Transition.from_dict(json.loads(body)) for (body,) in rows]


def firing(store: SqlStore, run_id: str = "live") -> list[tuple[AlertRule, RuleState]]:
    """Rules currently firing for ``run_id``, with their state."""
    states = load_states(store, run_id)
    rules = {rule.id: rule for rule in load_rules(store)}
    return [(rules[rid], s) for rid, s in states.items() if s.status == "firing" and rid in rules]


def _filters(**columns: str | None) -> tuple[str, tuple[Any, ...]]:
    chosen = {name: value for name, value in columns.items() if value is not None}
    if not chosen:
        return "", ()
    return " WHERE " + " AND ".join(f"{name} = ?" for name in chosen), tuple(chosen.values())


def history_observations(store: SqlStore, run_id: str, since: datetime) -> list[Observation]:
    """Observations rebuilt from the extractor's tables: stored history for backtests."""
    since_ms = to_ms(since)
    details: dict[str, dict[str, list[str]]] = {}
    for article_id, family, kind, who, place in articles.metrics_since(store, run_id, since_ms):
        bag = details.setdefault(article_id, {"neg": [], "actor": [], "location": []})
        if family == "negotiation":
            bag["neg"].append(kind)
        elif family == "signal" and ":" in kind:
            category, name = kind.split(":", 1)
            bag.setdefault(category, []).append(name)
        elif family == "casualty":
            bag["actor"] += [who] if who else []
            bag["location"] += [place] if place else []
    rows = articles.articles_since(store, run_id, since_ms)
    return [_observation(run_id, row, details.get(row[0], {})) for row in rows]


def _observation(run_id: str, row: Sequence[Any], bag: dict[str, list[str]]) -> Observation:
    from consumers.alerts.window import MAX_SKEW, Observation

    article_id, source, event_ms, killed, wounded, death_toll, processed_ms = row
    return Observation(
        run_id=run_id,
        article_id=article_id,
        event_time=min(from_ms(event_ms), from_ms(processed_ms) + MAX_SKEW),
        source=source,
        killed=killed,
        wounded=wounded,
        death_toll=death_toll,
        negotiations=tuple(bag.get("neg", ())),
        actors=tuple(dict.fromkeys(bag.get("actor", ()))),
        locations=tuple(dict.fromkeys(bag.get("location", ()))),
    )
