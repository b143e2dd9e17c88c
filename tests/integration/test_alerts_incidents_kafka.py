"""Alert rules on incidents against the real broker: outlets repeating a figure fire nothing,
a revision moves the evaluated value, a restarted evaluator resumes from the store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest

from consumers.alerts import topic
from consumers.alerts.evaluator import Evaluator
from consumers.alerts.rules import AlertRule
from consumers.extraction import extract
from consumers.incidents.service import Incidenter
from tests.integration.test_alerts_kafka import drain
from tests.integration.test_incidents_kafka import OUTLETS, REVISION, T0, send
from tests.integration.test_incidents_kafka import drain as drain_incidents
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import SqlStore

RULE = AlertRule(id="deaths", name="Deaths", metric="killed", threshold=20, window_seconds=3600)


def event(minute: int, outlet: tuple[str, str, str]) -> ArticleMetrics:
    source, title, body = outlet
    published = T0 + timedelta(minutes=minute)
    article = ArticleEvent.create(source=source, title=title, body=body, published_at=published)
    return ArticleMetrics(article, extract(body, title=title, published_at=published), published)


@pytest.fixture
def services(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any
) -> Iterator[tuple[Incidenter, Callable[[str], Evaluator]]]:
    topics = kafka_settings.topics
    group = kafka_settings.group_id
    incidenter = Incidenter(kafka_settings, store,
                            consumer_factory(topics.metrics, group_id=f"{group}.incidents"),
                            producer_factory())  # fmt: skip
    feeds: list[topic.RuleFeed] = []

    def evaluator(name: str) -> Evaluator:
        consumer = consumer_factory(topics.metrics, topics.incidents, group_id=f"{group}.{name}")
        feeds.append(topic.RuleFeed(kafka_settings))
        made = Evaluator(kafka_settings, store, consumer, producer_factory(), feeds[-1])
        made.start()
        return made

    yield incidenter, evaluator
    for feed in feeds:
        feed.close()


def test_outlets_repeating_a_figure_fire_nothing_and_a_revision_updates_it(
    kafka_settings: Settings, store: SqlStore, producer_factory: Any,
    services: tuple[Incidenter, Callable[[str], Evaluator]],
) -> None:  # fmt: skip
    incidenter, make_evaluator = services
    topic.publish(kafka_settings, store, RULE)
    producer = producer_factory()
    outlets = [event(n * 5, o) for n, o in enumerate(OUTLETS)]
    assert sum(e.extraction.summary.killed for e in outlets) == 72  # per article: would fire
    send(producer, kafka_settings, outlets)
    drain_incidents(incidenter, lambda: incidenter.stats.linked == len(OUTLETS))
    evaluator = make_evaluator("alerts")
    drain(evaluator, lambda: evaluator.seen >= 4 and evaluator.incident_updates >= 4)
    at = evaluator.engine.now
    assert at is not None
    assert evaluator.engine.window.value(RULE, at) == 72.0  # what per-article sums would say
    assert evaluator.engine.value(RULE, at) == 19.0  # the incident, once
    assert list(evaluator.transitions) == []

    send(producer, kafka_settings, [event(30, REVISION)])
    drain_incidents(incidenter, lambda: incidenter.stats.linked == len(OUTLETS) + 1)
    drain(evaluator, lambda: len(evaluator.transitions) > 0)
    (fired,) = evaluator.transitions
    assert (fired.kind, fired.value) == ("firing", 24.0)  # revised 19 -> 24, not 19 + 24

    restarted = make_evaluator("alerts")  # same group: resumes after the committed offsets
    assert restarted.engine.value(RULE, T0 + timedelta(minutes=30)) == 24.0
    assert restarted.engine.states["deaths"].status == "firing"
