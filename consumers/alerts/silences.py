"""Silences and acknowledgements of alert notifications, on the Alertmanager model.

A silence has matchers (``rule=<id>``, or labels of the rule: ``metric``,
``severity``, ``subject``, ``location``, ``actor``, ``source``), a start and an
end, an author and a comment. While it is in force, the rules it matches are still
evaluated and every transition recorded, but nothing is notified; the banner says
"silenced". Silences are wall-clock time, like Alertmanager's.

An acknowledgement marks one firing of one rule as seen (who, when): a notification
of that firing not yet delivered (still retried in the outbox) is dropped, and the
banner says "acknowledged". It ends with the firing: the ``resolved`` notification
still goes out, and the next firing is a new, unacknowledged one.

:class:`Muter` is the :class:`~consumers.alerts.notify.Gate` the dispatcher asks.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from consumers.alerts.state import RuleState, Transition
from wirewatch.errors import ConfigError
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store
from wirewatch.store.silences import Ack, Silence
from wirewatch.store.sql import to_ms

MATCHABLE = ("rule", "metric", "severity", "subject", "location", "actor", "source")


class SilenceError(ConfigError):
    """A silence or acknowledgement that cannot be made as asked."""


def parse_matchers(texts: Iterable[str]) -> dict[str, str]:
    """``["location=Gaza", "severity=critical"]`` as a dict; names must be matchable."""
    matchers: dict[str, str] = {}
    for text in texts:
        name, sep, value = text.partition("=")
        name, value = name.strip().lower(), value.strip()
        if not sep or not value or name not in MATCHABLE:
            msg = f"matcher {text!r}: write NAME=VALUE with NAME one of {', '.join(MATCHABLE)}"
            raise SilenceError(msg)
        matchers[name] = value
    return matchers


def new_silence(
    matchers: dict[str, str], starts: datetime, ends: datetime, author: str, comment: str = ""
) -> Silence:
    """A silence, checked: some matchers, an author, an end after its start."""
    if not matchers:
        msg = "a silence needs a rule id or at least one matcher (e.g. location=Gaza)"
        raise SilenceError(msg)
    unknown = sorted(set(matchers) - set(MATCHABLE))
    if unknown:
        msg = f"cannot match on {', '.join(unknown)}: use {', '.join(MATCHABLE)}"
        raise SilenceError(msg)
    if not author.strip():
        msg = "a silence needs an author (who silenced it)"
        raise SilenceError(msg)
    if ends <= starts:
        msg = f"a silence must end after it starts ({ends.isoformat()} <= {starts.isoformat()})"
        raise SilenceError(msg)
    return Silence(uuid.uuid4().hex[:12], dict(matchers), to_ms(starts), to_ms(ends),
                   author.strip(), comment.strip(), to_ms(starts))  # fmt: skip


def silence_for(silences: Iterable[Silence], labels: dict[str, str], now_ms: int) -> Silence | None:
    """The first silence in force at ``now_ms`` that matches a rule's ``labels``."""
    return next((s for s in silences if s.active(now_ms) and s.matches(labels)), None)


def acknowledge(
    store: SqlStore, run_id: str, rule_id: str, author: str, comment: str = "",
    at: datetime | None = None,
) -> Ack:  # fmt: skip
    """Acknowledge the current firing of ``rule_id``; raise unless it is firing."""
    state = alert_store.load_states(store, run_id).get(rule_id)
    if state is None or state.status != "firing" or state.since is None:
        msg = f"rule {rule_id!r} is not firing in run {run_id!r}: nothing to acknowledge"
        raise SilenceError(msg)
    if not author.strip():
        msg = "an acknowledgement needs an author (who saw it)"
        raise SilenceError(msg)
    moment = at or datetime.now(UTC)
    ack = Ack(run_id, rule_id, to_ms(state.since), author.strip(), to_ms(moment), comment.strip())
    silence_store.acknowledge(store, ack)
    return ack


def ack_of(acks: dict[tuple[str, int], Ack], state: RuleState) -> Ack | None:
    """The acknowledgement of ``state``'s firing, if it is firing and acknowledged."""
    if state.status != "firing" or state.since is None:
        return None
    return acks.get((state.rule_id, to_ms(state.since)))


class Muter:
    """Mutes notifications by the store's silences and acknowledgements, at the wall clock."""

    def __init__(self, store: SqlStore, clock: Callable[[], float] = time.time) -> None:
        self.store, self.clock = store, clock

    def muted(self, transition: Transition) -> str | None:
        """Why ``transition`` must not be notified now (None: notify it)."""
        now_ms = int(self.clock() * 1000)
        rule = alert_store.load_rule(self.store, transition.rule_id)
        labels = rule.labels if rule else {"rule": transition.rule_id,
                                           "severity": transition.severity}  # fmt: skip
        silence = silence_for(silence_store.active_silences(self.store, now_ms), labels, now_ms)
        if silence is not None:
            return f"silenced by {silence.author} ({silence.silence_id}: {silence.describe()})"
        if transition.kind == "firing":
            acks = silence_store.acks(self.store, transition.run_id)
            ack = acks.get((transition.rule_id, to_ms(transition.at)))
            if ack is not None:
                return f"acknowledged by {ack.author}"
        return None
