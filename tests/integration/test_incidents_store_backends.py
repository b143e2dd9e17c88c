"""The incidents store, run against every backend: SQLite and a real PostgreSQL.

The incidents service links real extracted articles (fake Kafka clients: the behaviour under
test is the store's), then every named query of :mod:`wirewatch.store.incidents` is read back,
and a service restarted on the same store links the next article as the first one would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from consumers.alerts.incident_window import stored_incidents
from consumers.extraction import extract
from consumers.incidents.service import Incidenter
from tests.integration.test_incidents_kafka import OUTLETS, REVISION, T0
from tests.support.backends import BACKENDS, open_backend
from tests.support.fakes import FakeConsumer, FakeProducer, FakeRecord
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import incidents as incident_store
from wirewatch.store.sql import to_ms

TOLL = ("Gaza Wire", "Gaza toll passes 40,000",
        "The death toll in Gaza has risen to 40,005 since the war began, the Gaza health "
        "ministry said on Monday.")  # fmt: skip
RUN = "live"
TABLES = ("incident_articles", "incidents", "incident_reports", "toll_points")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    store = open_backend(request, tmp_path, TABLES)
    yield store
    store.close()


def record(offset: int, minute: int, outlet: tuple[str, str, str]) -> FakeRecord:
    source, title, body = outlet
    at = T0 + timedelta(minutes=minute)
    article = ArticleEvent.create(source=source, title=title, body=body, published_at=at)
    value = ArticleMetrics(article, extract(body, title=title, published_at=at), at).encode()
    return FakeRecord("metrics", 0, offset, article.article_id.encode(), value)


def link(store: SqlStore, records: list[FakeRecord]) -> Incidenter:
    service = Incidenter(Settings(), store, FakeConsumer([records]), FakeProducer())
    service.poll_once()
    return service


def test_linking_writes_and_reads_back_the_same_on_every_backend(backend: SqlStore) -> None:
    stream = [record(n, n * 5, o) for n, o in enumerate([*OUTLETS, TOLL])]
    ids = [str(r.key, "utf-8") for r in stream if r.key]
    first = link(backend, stream)
    assert (first.stats.linked, first.stats.dead_letters) == (5, 0)
    assert not incident_store.save_linked(backend, RUN, (ids[0], 9, "s", 0, b"",
                                                         ""), [], [], [])  # fmt: skip
    assert incident_store.is_linked(backend, RUN, ids[0])
    assert incident_store.next_seq(backend, RUN) == 5
    assert incident_store.newest_ms(backend, RUN) == to_ms(T0 + timedelta(minutes=20))
    assert incident_store.incident_totals(backend, RUN, 0, 2**62) == {"killed": 19}
    (incident,) = incident_store.incidents_between(backend, RUN, 0, 2**62)
    assert (incident["figure"], incident["low"], incident["high"], incident["articles"]) == (
        19, 15, 19, 4)  # fmt: skip
    assert incident["place"] == "Khan Younis"
    evidence = incident_store.incident_evidence(backend, RUN, incident["incident_id"])
    assert [e["figure"] for e in evidence] == [19, 15, 19, 19]
    assert all(e["sentence"] for e in evidence)
    assert incident_store.incidents_of_kind(backend, RUN, 0, 2**62, "killed") == [incident]
    members = incident_store.incident_members(backend, RUN, [incident["incident_id"]])
    assert [m["figure"] for m in members[incident["incident_id"]]] == [19, 15, 19, 19]
    assert {m["title"] for m in members[incident["incident_id"]]} == {None}  # no article rows
    (toll,) = incident_store.latest_toll_series(backend, RUN, 2**62)
    assert (toll["place"], toll["value"]) == ("Gaza", 40005)
    (of_article,) = incident_store.incidents_of_article(backend, RUN, ids[1])
    assert of_article == incident
    stored = incident_store.articles_since(backend, RUN, 0)
    assert [a["seq"] for a in stored] == [0, 1, 2, 3, 4]
    assert all(len(bytes(a["signature"])) == 64 * 8 for a in stored)  # BYTEA round trip
    assert [len(a["reports"]) for a in stored] == [1, 1, 1, 1, 0]
    (state,) = stored_incidents(backend, RUN, T0 - timedelta(hours=1))  # what alert rules read
    assert (state.figure, state.first_seen, state.articles) == (19, T0, 4)


def test_a_restarted_service_links_from_the_store_alike(backend: SqlStore) -> None:
    stream = [record(n, n * 5, o) for n, o in enumerate(OUTLETS[:2])]
    link(backend, stream)
    before = incident_store.incidents_between(backend, RUN, 0, 2**62)
    again = link(backend, [*stream, record(2, 30, REVISION)])  # a restart: rebuilt from rows
    assert (again.stats.redelivered, again.stats.linked) == (2, 1)
    (incident,) = incident_store.incidents_between(backend, RUN, 0, 2**62)
    assert incident["incident_id"] == before[0]["incident_id"]
    assert (incident["figure"], incident["articles"], incident["revisions"]) == (24, 3, 1)
