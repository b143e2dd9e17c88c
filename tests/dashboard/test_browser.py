"""The real dashboard in Chromium while the real pipeline runs: it changes without a reload.

Articles go through the test's Kafka topic, the real ``Extractor`` (with the real
extraction engine) and into a temporary store; ``streamlit run`` serves the app over
that store with a one-second refresh. The test reads a headline figure, publishes
and processes more articles, and waits for the figure and a chart to change in the
same page, with no navigation in between. A screenshot goes to ``artifacts/``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from consumers.extractor import Extractor
from tests.dashboard.serving import CHROMIUM, REPO, streamlit
from wirewatch.events import ArticleEvent
from wirewatch.kafka import make_consumer, make_producer
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store

SHOT = REPO / "artifacts" / "dashboard.png"
KILLED = "People killed (new incidents)"
FIRST = [
    "An Israeli airstrike on a house in Rafah killed 12 people and wounded 30 others, medics "
    "said on Monday. Qatar and Egypt mediated talks in Doha.",
    "Shelling in Khan Younis killed 7 people on Tuesday, the Gaza health ministry said. The "
    "ministry said the overall death toll in Gaza had risen to 34,100.",
]
SECOND = [
    "An airstrike on a school in Jabalia killed 21 people and wounded 40 others, civil "
    "defence officials said on Wednesday.",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def pipeline(kafka_settings: Settings) -> Iterator[tuple[Any, Extractor, SqlStore]]:
    """A producer for the articles topic and the real extractor writing the test's store."""
    engine = pytest.importorskip(
        "consumers.extraction", reason="the extraction engine (consumers.extraction) is absent"
    )
    store = open_store(kafka_settings.store_url)
    consumer = make_consumer(
        kafka_settings, kafka_settings.topics.articles, group_id=kafka_settings.group_id
    )
    producer = make_producer(kafka_settings)
    yield producer, Extractor(kafka_settings, store, consumer, producer, engine.extract), store
    producer.close(timeout=5)
    consumer.close()
    store.close()


def publish_and_process(
    settings: Settings, pipeline: tuple[Any, Extractor, SqlStore], bodies: list[str]
) -> None:
    """Publish ``bodies`` as articles, then run the extractor until all are stored."""
    producer, extractor, store = pipeline
    for body in bodies:
        event = ArticleEvent.create(source="Wire", body=body, title=body[:40])
        producer.send(settings.topics.articles, key=event.article_id.encode(), value=event.encode())
    producer.flush()
    wanted = store.count("articles") + len(bodies)
    deadline = time.monotonic() + 60
    while store.count("articles") < wanted:
        assert time.monotonic() < deadline, "the extractor did not store the articles in 60 s"
        extractor.poll_once(timeout_ms=500)


@pytest.fixture
def dashboard(kafka_settings: Settings) -> Iterator[str]:
    """``streamlit run`` over the test's store, refreshing every second; yields its URL."""
    yield from streamlit(
        {
            **os.environ,
            "WIREWATCH_STORE_URL": kafka_settings.store_url,
            "KAFKA_BOOTSTRAP_SERVERS": kafka_settings.bootstrap_servers,
            "WIREWATCH_TOPIC_PREFIX": kafka_settings.topics.articles.removesuffix("articles"),
            "WIREWATCH_GROUP_ID": kafka_settings.group_id,
            "WIREWATCH_REFRESH_SECONDS": "1",
        }
    )


def metric_value(page: Any, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return str(card.locator('[data-testid="stMetricValue"]').inner_text()).strip()


@pytest.mark.timeout(300)
def test_headline_and_chart_change_live(
    kafka_settings: Settings, pipeline: tuple[Any, Extractor, SqlStore], dashboard: str
) -> None:
    from playwright.sync_api import expect, sync_playwright

    publish_and_process(kafka_settings, pipeline, FIRST)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1500, "height": 1400})
        page.goto(dashboard)
        killed = page.locator('[data-testid="stMetric"]').filter(has_text=KILLED).first
        expect(killed).to_contain_text("19", timeout=60_000)  # 12 in Rafah + 7 in Khan Younis
        chart = page.locator('[data-testid="stVegaLiteChart"]').nth(1)
        expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)
        before = chart.screenshot()
        page.evaluate("window.__sameDocument = true")

        publish_and_process(kafka_settings, pipeline, SECOND)

        expect(killed).to_contain_text("40", timeout=60_000)  # + 21 in Jabalia
        assert metric_value(page, KILLED) == "40"
        deadline = time.monotonic() + 30
        while chart.screenshot() == before:
            assert time.monotonic() < deadline, "the casualty chart did not change"
            page.wait_for_timeout(250)
        assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
        SHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOT), full_page=True)
        browser.close()
