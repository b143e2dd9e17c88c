"""The incidents service against the real broker: one incident however many outlets report it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from consumers.extraction import extract
from consumers.incidents.service import Incidenter
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import incidents as incident_store

T0 = datetime(2026, 3, 3, 9, tzinfo=UTC)  # a Tuesday
OUTLETS = [
    ("Levant Wire", "Strike on Khan Younis home kills 19",
     "An Israeli airstrike on a house in Khan Younis killed 19 people on Tuesday, the health "
     "ministry said. Rescuers searched the rubble through the night."),
    ("Coastal Daily", "More than 15 killed in Khan Younis",
     "More than 15 people were killed when a strike hit a residential building in Khan Younis, "
     "witnesses said. Hospitals said they were short of fuel."),
    ("Harbour Times", "Khan Younis strike kills 19",
     "An Israeli airstrike on a house in Khan Younis killed 19 people on Tuesday, the health "
     "ministry said. Rescuers searched the rubble for survivors."),
    ("Desert Post", "Nineteen dead in Khan Younis",
     "Medics in Khan Younis said 19 people were killed when a missile struck a family home on "
     "Tuesday. Relatives gathered outside the morgue."),
]  # fmt: skip
REVISION = ("Levant Wire", "Khan Younis strike toll rises to 24",
            "The number of people killed in Tuesday's strike on a house in Khan Younis rose to "
            "24, the health ministry said.")  # fmt: skip


def event(n: int, outlet: tuple[str, str, str], run_id: str = "live") -> ArticleMetrics:
    source, title, body = outlet
    published = T0 + timedelta(hours=n)
    article = ArticleEvent.create(source=source, title=title, body=body, published_at=published)
    extraction = extract(body, title=title, published_at=published)
    return ArticleMetrics(article.with_run(run_id), extraction, published)


def send(producer: Any, settings: Settings, events: list[ArticleMetrics]) -> None:
    for item in events:  # one partition: publication order is consumption order
        producer.send(settings.topics.metrics, key=item.article.article_id.encode(),
                      value=item.encode(), partition=0)  # fmt: skip
    producer.flush()


def drain(service: Incidenter, until: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "incidenter did not catch up in time"
        service.poll_once(timeout_ms=300)


@pytest.fixture
def make_service(kafka_settings: Settings, store: SqlStore, consumer_factory: Any,
                 producer_factory: Any) -> Callable[..., Incidenter]:  # fmt: skip
    def make(group: str = "incidents") -> Incidenter:
        consumer = consumer_factory(kafka_settings.topics.metrics,
                                    group_id=f"{kafka_settings.group_id}.{group}")  # fmt: skip
        return Incidenter(kafka_settings, store, consumer, producer_factory())

    return make


def _incidents(store: SqlStore, run_id: str) -> list[dict[str, Any]]:
    return incident_store.incidents_between(store, run_id, 0, 2**62)


def latest_updates(consumer_factory: Any, settings: Settings, expected: int) -> dict[bytes, bytes]:
    """The latest value per key on the incidents topic, after ``expected`` messages."""
    consumer = consumer_factory(settings.topics.incidents, group_id=f"{settings.group_id}.read")
    latest: dict[bytes, bytes] = {}
    seen, deadline = 0, time.monotonic() + 60
    while seen < expected:
        assert time.monotonic() < deadline, "incident updates did not arrive in time"
        for records in consumer.poll(timeout_ms=500).values():
            seen += len(records)
            latest.update({r.key: r.value for r in records})
    return latest


def test_outlets_move_the_headline_once_and_a_revision_updates_it(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any,
    consumer_factory: Any, make_service: Callable[..., Incidenter],
) -> None:  # fmt: skip
    producer = producer_factory()
    events = [event(n, o) for n, o in enumerate(OUTLETS)]
    send(producer, kafka_settings, events)
    service = make_service()
    drain(service, lambda: service.stats.linked == len(OUTLETS))
    day = (0, 2**62)
    assert sum(e.extraction.summary.killed for e in events) == 72  # what articles add up to
    assert incident_store.incident_totals(store, "live", *day) == {"killed": 19}
    send(producer, kafka_settings, [event(20, REVISION)])
    drain(service, lambda: service.stats.linked == len(OUTLETS) + 1)
    (incident,) = _incidents(store, "live")
    assert incident_store.incident_totals(store, "live", *day) == {"killed": 24}
    assert (incident["figure"], incident["low"], incident["high"]) == (24, 15, 24)
    assert (incident["articles"], incident["revisions"]) == (5, 1)
    evidence = incident_store.incident_evidence(store, "live", incident["incident_id"])
    assert [e["figure"] for e in evidence] == [19, 15, 19, 19, 24]
    latest = latest_updates(consumer_factory, kafka_settings, expected=5)
    assert [(json.loads(v)["figure"], json.loads(v)["articles"]) for v in latest.values()] == [
        (24, 5)
    ]


def test_redelivery_changes_nothing_and_a_restart_keeps_linking(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any,
    make_service: Callable[..., Incidenter],
) -> None:  # fmt: skip
    producer = producer_factory()
    send(producer, kafka_settings, [event(n, o) for n, o in enumerate(OUTLETS[:3])])
    first = make_service()
    drain(first, lambda: first.stats.linked == 3)
    before = _incidents(store, "live")
    again = make_service(group="other")  # a new group reads every record again
    drain(again, lambda: again.stats.redelivered == 3)
    assert again.stats.linked == 0
    assert _incidents(store, "live") == before
    send(producer, kafka_settings, [event(3, OUTLETS[3])])
    drain(again, lambda: again.stats.linked == 1)  # its state was rebuilt from the store
    (incident,) = _incidents(store, "live")
    assert (incident["incident_id"], incident["articles"]) == (before[0]["incident_id"], 4)


def test_replay_reproduces_the_same_incidents(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any,
    make_service: Callable[..., Incidenter],
) -> None:  # fmt: skip
    stream = [*OUTLETS, REVISION, ("Meridian Live", "Rafah strike",
                                   "A strike in Rafah killed 19 people on Tuesday.")]  # fmt: skip
    producer = producer_factory()
    send(producer, kafka_settings, [event(n, o) for n, o in enumerate(stream)])
    send(producer, kafka_settings, [event(n, o, "replay-1") for n, o in enumerate(stream)])
    service = make_service()
    drain(service, lambda: service.stats.linked == 2 * len(stream))
    live, replay = _incidents(store, "live"), _incidents(store, "replay-1")
    assert len(live) == 2
    assert replay == live
