"""Silences and acknowledgements: stored, matched, and honoured where notifications are made."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from consumers.alerts import silences
from consumers.alerts.notify import Dispatcher
from consumers.alerts.rules import AlertRule
from consumers.alerts.silences import Muter, SilenceError
from consumers.alerts.state import RuleState, Transition
from tests.support.sql import query
from tests.unit.test_alerts_outbox import RULE, T0, Flaky, due_now, evaluator, firing_batch
from wirewatch.store import SqlStore, open_store
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store
from wirewatch.store.sql import to_ms

NOW = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)
GAZA = AlertRule(id="gaza", name="Gaza deaths", metric="killed", threshold=5, location="Gaza")


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    store = open_store(f"sqlite:///{tmp_path / 'alerts.db'}")
    for rule in (RULE, GAZA):
        alert_store.save_rule(store, rule)
    return store


def silence(db: SqlStore, matchers: dict[str, str], hours: float = 1.0) -> str:
    made = silences.new_silence(matchers, NOW, NOW + timedelta(hours=hours), "ana", "storm")
    silence_store.add_silence(db, made)
    return made.silence_id


def silence_now(db: SqlStore, matchers: dict[str, str]) -> None:
    """A silence in force at the wall clock (the evaluator's dispatcher asks at real time)."""
    start = datetime.now(UTC)
    made = silences.new_silence(matchers, start, start + timedelta(hours=1), "ana")
    silence_store.add_silence(db, made)


def firing(rule_id: str, at: datetime = T0, kind: str = "firing") -> Transition:
    return Transition(rule_id, rule_id, kind, at, 9.0, 5.0, "warning", notify=True)


def muter(db: SqlStore, at: datetime = NOW) -> Muter:
    return Muter(db, clock=lambda: at.timestamp())


def test_a_silence_round_trips_and_ends_early(db: SqlStore) -> None:
    sid = silence(db, {"rule": "deaths"})
    [stored] = silence_store.active_silences(db, to_ms(NOW))
    assert (stored.silence_id, stored.matchers, stored.author, stored.comment) == (
        sid, {"rule": "deaths"}, "ana", "storm")  # fmt: skip
    assert silence_store.expire_silence(db, sid, to_ms(NOW) + 1)
    assert silence_store.active_silences(db, to_ms(NOW) + 2) == []
    assert not silence_store.expire_silence(db, sid, to_ms(NOW) + 3)  # already ended
    assert [s.silence_id for s in silence_store.silences(db)] == [sid]  # the record stays


def test_matchers_select_rules_by_id_or_label_case_aside(db: SqlStore) -> None:
    silence(db, {"location": "gaza"})
    assert muter(db).muted(firing("gaza")) is not None
    assert muter(db).muted(firing("deaths")) is None  # no location: not matched


def test_every_matcher_must_match(db: SqlStore) -> None:
    silence(db, {"location": "Gaza", "severity": "critical"})
    assert muter(db).muted(firing("gaza")) is None  # GAZA is a warning


def test_a_silence_mutes_only_while_in_force(db: SqlStore) -> None:
    silence(db, {"rule": "deaths"}, hours=1)
    assert "silenced by ana" in (muter(db).muted(firing("deaths")) or "")
    assert muter(db, NOW - timedelta(minutes=1)).muted(firing("deaths")) is None
    assert muter(db, NOW + timedelta(hours=1)).muted(firing("deaths")) is None


def test_an_ack_mutes_its_own_firing_only_and_not_the_resolution(db: SqlStore) -> None:
    state = RuleState("deaths", "firing", T0, 9.0)
    alert_store.save_batch(db, "live", [], [state], [])
    ack = silences.acknowledge(db, "live", "deaths", "ana", "on it", at=NOW)
    assert (ack.since_ms, ack.author) == (to_ms(T0), "ana")
    assert "acknowledged by ana" in (muter(db).muted(firing("deaths", T0)) or "")
    assert muter(db).muted(firing("deaths", T0 + timedelta(hours=2))) is None  # a new firing
    assert muter(db).muted(firing("deaths", T0 + timedelta(hours=1), "resolved")) is None
    assert silences.ack_of(silence_store.acks(db, "live"), state) == ack


def test_only_a_firing_rule_can_be_acknowledged(db: SqlStore) -> None:
    with pytest.raises(SilenceError, match="not firing"):
        silences.acknowledge(db, "live", "deaths", "ana")
    alert_store.save_batch(db, "live", [], [RuleState("deaths", "firing", T0, 9.0)], [])
    with pytest.raises(SilenceError, match="author"):
        silences.acknowledge(db, "live", "deaths", " ")


@pytest.mark.parametrize(
    ("texts", "fragment"),
    [(["location"], "NAME=VALUE"), (["colour=red"], "NAME=VALUE"), (["rule="], "NAME=VALUE")],
)
def test_bad_matchers_are_refused(texts: list[str], fragment: str) -> None:
    with pytest.raises(SilenceError, match=fragment):
        silences.parse_matchers(texts)


def test_parse_matchers() -> None:
    assert silences.parse_matchers(["Location = Gaza", "severity=critical"]) == {
        "location": "Gaza", "severity": "critical"}  # fmt: skip


@pytest.mark.parametrize(
    ("matchers", "author", "hours", "fragment"),
    [({}, "ana", 1, "matcher"), ({"rule": "x"}, "", 1, "author"), ({"rule": "x"}, "ana", 0, "end"),
     ({"colour": "red"}, "ana", 1, "cannot match")],
)  # fmt: skip
def test_a_silence_needs_matchers_an_author_and_an_end(
    matchers: dict[str, str], author: str, hours: int, fragment: str
) -> None:
    with pytest.raises(SilenceError, match=fragment):
        silences.new_silence(matchers, NOW, NOW + timedelta(hours=hours), author)


def test_a_silenced_rule_is_evaluated_and_recorded_but_not_notified(db: SqlStore) -> None:
    silence_now(db, {"rule": "deaths"})
    hook = Flaky(down=False)
    service = evaluator(db, hook, [firing_batch()])
    service.dispatcher.gate = Muter(db)
    service.poll_once()
    assert alert_store.load_states(db, "live")["deaths"].status == "firing"
    assert [t.kind for t in alert_store.history(db, "deaths")] == ["firing"]
    assert hook.attempts == 0
    rows = query(db, "SELECT target FROM alert_outbox")
    assert rows == [(service.topic_target,)]  # published to the alerts topic, not notified


def test_a_delivery_owed_before_the_silence_is_suppressed_not_sent(db: SqlStore) -> None:
    hook = Flaky(down=True)
    service = evaluator(db, hook, [firing_batch()])
    service.poll_once()  # the webhook is down: the notification waits in the outbox
    assert hook.attempts == 1
    silence_now(db, {"metric": "killed"})
    hook.down = False
    due_now(db)
    service.dispatcher.gate = Muter(db)
    service.deliver()
    assert hook.attempts == 1 and hook.delivered == []
    assert alert_store.outbox_counts(db) == {"delivered": 1, "suppressed": 1}
    assert [int(n) for (n,) in query(db, "SELECT notified FROM alert_events")] == [0]


def test_without_a_silence_the_same_delivery_goes_out(db: SqlStore) -> None:
    hook = Flaky(down=False)
    service = evaluator(db, hook, [firing_batch()])
    service.dispatcher.gate = Muter(db)
    service.poll_once()
    assert [t.kind for t in hook.delivered] == ["firing"]


def test_the_dispatcher_asks_its_gate_before_making_outbox_rows() -> None:
    class Gate:
        def muted(self, transition: Transition) -> str | None:
            return "quiet" if transition.rule_id == "a" else None

    dispatcher = Dispatcher([Flaky()], gate=Gate())
    assert [t.rule_id for t, _ in dispatcher.outbox([firing("a"), firing("b")])] == ["b"]


def test_channels_are_recorded_and_listed(db: SqlStore) -> None:
    shown = "http://hooks.example.org/…"
    channel = silence_store.Channel("http://hooks.example.org/T0/secret", "webhook", shown,
                                    ("firing", "resolved"), 5)  # fmt: skip
    silence_store.save_channels(db, [channel])
    assert silence_store.channels(db) == [channel]
