"""The replay page rendered with Streamlit's AppTest: runs, controls, start, comparison."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import replay_page
from producers.record import Recorded, write_records
from producers.replay import control_path
from wirewatch.metrics import ArticleMetrics, Casualty, Evidence, Extraction, Summary
from wirewatch.schema import ArticleEvent
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def page(store, settings) -> None:  # type: ignore[no-untyped-def]  # run as a script
    from dashboard.replay_page import render

    render(store, settings)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return replace(Settings.from_env({}), data_dir=tmp_path,
                   store_url=f"sqlite:///{tmp_path / 'metrics.db'}")  # fmt: skip


@pytest.fixture
def store(settings: Settings) -> Any:
    opened = open_store(settings.store_url)
    yield opened
    opened.close()


def event(n: int, killed: int) -> ArticleMetrics:
    body = f"{killed} killed in article {n}"
    article = ArticleEvent.create(source="wire", body=body,
                                  published_at=T0 + timedelta(hours=n))  # fmt: skip
    evidence = Evidence(body, 0, len(body), 0, len(str(killed)) + 7)
    found = Casualty("killed", killed, killed, killed, False, "incident", evidence)
    return ArticleMetrics(article, Extraction((found,), summary=Summary(killed=killed)), T0)


def seed(store: SqlStore, replay_run: str, replay_killed: list[int]) -> None:
    for n, killed in enumerate([4, 9, 2]):
        store.save(event(n, killed))
    for n, killed in enumerate(replay_killed):
        original = event(n, killed)
        store.save(replace(original, article=original.article.with_run(replay_run)))


def app(store: SqlStore, settings: Settings) -> AppTest:
    return AppTest.from_function(page, args=(store, settings), default_timeout=30)


def test_lists_runs_and_confirms_an_exact_replay(store: SqlStore, settings: Settings) -> None:
    seed(store, "replay-a", [4, 9, 2])
    at = app(store, settings).run()
    assert not at.exception
    runs = at.dataframe[0].value
    assert list(runs["run"]) == ["live", "replay-a"]
    assert list(runs["killed"]) == [15, 15]
    assert "reproduces live exactly: 3 metric(s)" in at.success[0].value
    assert len(at.get("vega_lite_chart")) == 2 * len(replay_page.COMPARED)


def test_a_differing_replay_is_flagged(store: SqlStore, settings: Settings) -> None:
    seed(store, "replay-b", [4, 8])
    at = app(store, settings).run()
    assert "2 metric(s) only in live, 1 only in the replay" in at.warning[0].value


def test_controls_write_the_control_file(store: SqlStore, settings: Settings) -> None:
    path = control_path(settings.data_dir, "replay-x")
    path.write_text("resume\n")
    at = app(store, settings).run()
    at.button(key="replay.pause.replay-x").click().run()
    assert path.read_text().strip() == "pause"
    assert "**paused**" in at.markdown[0].value
    at.button(key="replay.resume.replay-x").click().run()
    assert path.read_text().strip() == "resume"
    at.button(key="replay.stop.replay-x").click().run()
    assert path.read_text().strip() == "stop"


def test_start_spawns_a_replay_of_the_chosen_recording(
    store: SqlStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording = settings.data_dir / "recordings" / "day.jsonl.gz"
    write_records(recording, [Recorded(0, 0, 0, "k", event(0, 1).article.to_dict())])
    spawned: list[tuple[Path, str, str]] = []

    def spawn(_settings: Settings, file: Path, speed: str, run: str) -> None:
        spawned.append((file, speed, run))

    monkeypatch.setattr(replay_page, "spawn_replay", spawn)
    at = app(store, settings).run()
    at.selectbox(key="replay.speed").set_value("60")
    at.text_input(key="replay.run_id").input("replay-day").run()
    at.button(key="replay.start").click().run()
    assert spawned == [(recording, "60", "replay-day")]
    assert control_path(settings.data_dir, "replay-day").read_text().strip() == "resume"
