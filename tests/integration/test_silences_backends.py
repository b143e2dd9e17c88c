"""Silences, acknowledgements, channels and suppressed deliveries on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from consumers.alerts import silences
from consumers.alerts.state import Transition
from tests.support.backends import BACKENDS, open_backend
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import silences as silence_store
from wirewatch.store.sql import to_ms

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    store = open_backend(
        request, tmp_path, ("alert_silences", "alert_acks", "alert_channels", "alert_outbox")
    )
    yield store
    store.close()


def test_silences_round_trip_and_expire(backend: SqlStore) -> None:
    made = silences.new_silence({"location": "Gaza%"}, NOW, NOW + timedelta(hours=1), "ana", "x")
    silence_store.add_silence(backend, made)
    assert silence_store.active_silences(backend, to_ms(NOW)) == [made]
    assert silence_store.expire_silence(backend, made.silence_id, to_ms(NOW) + 5)
    assert silence_store.active_silences(backend, to_ms(NOW) + 6) == []
    assert silence_store.silences(backend)[0].ends_ms == to_ms(NOW) + 5


def test_acks_and_channels_upsert(backend: SqlStore) -> None:
    ack = silence_store.Ack("live", "deaths", to_ms(NOW), "ana", to_ms(NOW) + 1, "on it")
    silence_store.acknowledge(backend, ack)
    again = silence_store.Ack("live", "deaths", to_ms(NOW), "bo", to_ms(NOW) + 2)
    silence_store.acknowledge(backend, again)
    assert silence_store.acks(backend, "live") == {("deaths", to_ms(NOW)): again}
    channel = silence_store.Channel("file:/srv/a.jsonl", "file", "/srv/a.jsonl", ("firing",), 1)
    silence_store.save_channels(backend, [channel, channel])
    assert silence_store.channels(backend) == [channel]


def test_a_pending_delivery_is_suppressed(backend: SqlStore) -> None:
    t = Transition("deaths", "Deaths", "firing", NOW, 9.0, 5.0, "warning", notify=True)
    alert_store.save_batch(backend, "live", [], [], [], [(t, "hook")])
    [row] = alert_store.due_outbox(backend, 2**62, ["hook"])
    silence_store.suppress_delivery(backend, row.key, to_ms(NOW))
    assert alert_store.due_outbox(backend, 2**62, ["hook"]) == []
    assert alert_store.outbox_counts(backend) == {"suppressed": 1}
