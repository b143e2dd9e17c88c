"""The Replay page in Chromium: a recording outside the data dir, given by its path, is
replayed through the real broker under the run id typed on the page."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from producers.recording import Recorded, write_records
from tests.dashboard.serving import CHROMIUM, streamlit
from wirewatch.events import ArticleEvent
from wirewatch.kafka import make_consumer
from wirewatch.settings import Settings, child_environment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]
RUN = "page-browser"


@pytest.fixture
def dashboard(kafka_settings: Settings) -> Iterator[str]:
    """``streamlit run`` with the test's broker, topics, store and data dir; its URL."""
    yield from streamlit(child_environment(kafka_settings, os.environ))


def on_topic(settings: Settings, run_id: str) -> list[str]:
    consumer = make_consumer(settings, settings.topics.articles, group_id=None,
                             auto_offset_reset="earliest", consumer_timeout_ms=3000)  # fmt: skip
    try:
        return sorted(e.article_id for r in consumer
                      if (e := ArticleEvent.decode(r.value)).run_id == run_id)  # fmt: skip
    finally:
        consumer.close()


@pytest.mark.timeout(300)
def test_a_recording_given_by_its_path_is_replayed_from_the_page(
    kafka_settings: Settings, dashboard: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from playwright.sync_api import expect, sync_playwright

    start = datetime(2026, 3, 1, 12, tzinfo=UTC)
    sent = [
        ArticleEvent.create(source="wire", body=f"Shelling near crossing {n}.",
                            published_at=start + timedelta(seconds=n))
        for n in range(3)
    ]  # fmt: skip
    path = tmp_path_factory.mktemp("elsewhere") / "day.jsonl.gz"
    write_records(path, [Recorded(n, 0, n, e.article_id, e.to_dict()) for n, e in enumerate(sent)])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu"])  # fmt: skip
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        page.goto(f"{dashboard}/replay")
        folder = str(Path(kafka_settings.data_dir).resolve())
        where = page.get_by_text("Recordings are looked for in")
        expect(where).to_contain_text(folder, timeout=60_000)
        field = page.get_by_label("Path of a recording")
        field.fill(str(path))
        field.press("Enter")
        run_id = page.get_by_label("Run id")
        run_id.fill(RUN)
        run_id.press("Enter")
        page.wait_for_timeout(500)  # let the rerun with both values land
        page.get_by_role("button", name="Start replay").click()
        expect(page.get_by_text(f"Replay {RUN} started")).to_be_visible(timeout=30_000)
        browser.close()

    log = kafka_settings.data_dir / f"replay-{RUN}.log"
    deadline = time.monotonic() + 120
    while "replayed 3 article(s)" not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, f"no replay finished: {log.read_text()[-500:]}"
        time.sleep(0.5)
    assert on_topic(kafka_settings, RUN) == sorted(e.article_id for e in sent)
