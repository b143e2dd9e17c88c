"""The replay page rendered with Streamlit's AppTest: runs, controls, start, comparison."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.replay_sources import TopicRange
from dashboard.sections import replay as replay_page
from producers.recording import Recorded, write_records
from producers.replay import control_path, write_command
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Casualty, Evidence, Extraction, Summary
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def page(store, settings) -> None:  # type: ignore[no-untyped-def]  # run as a script
    from dashboard.sections.replay import render

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
    assert "differs from live in 1 of 1 metric kind(s)" in at.warning[0].value
    diff = at.dataframe[1].value
    assert diff.iloc[0].to_dict() == {
        "family": "casualty",
        "kind": "killed",
        "live count": 3,
        "replay count": 2,
        "live total": 15,
        "replay total": 12,
    }


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
    assert not control_path(settings.data_dir, "replay-day").exists()  # the replay makes it


@pytest.mark.parametrize("run_id", ["../../etc/cron.d/x", "..", "a/b", "-x"])
def test_start_refuses_an_unsafe_run_id(
    store: SqlStore, settings: Settings, monkeypatch: pytest.MonkeyPatch, run_id: str
) -> None:
    write_records(settings.data_dir / "day.jsonl.gz",
                  [Recorded(0, 0, 0, "k", event(0, 1).article.to_dict())])  # fmt: skip
    spawned: list[str] = []
    monkeypatch.setattr(replay_page, "spawn_replay", lambda *a: spawned.append(a[-1]))
    at = app(store, settings).run()
    at.text_input(key="replay.run_id").input(run_id).run()
    at.button(key="replay.start").click().run()
    assert not at.exception
    assert "is not allowed" in at.error[0].value
    assert spawned == []
    assert list(settings.data_dir.glob("*.control")) == []


def test_a_button_pressed_after_the_replay_ended_leaves_no_ghost(
    store: SqlStore, settings: Settings
) -> None:
    path = control_path(settings.data_dir, "replay-x")
    write_command(path, "resume", pid=os.getpid())
    at = app(store, settings).run()
    path.unlink()  # the replay finished between the render and the click
    at.button(key="replay.pause.replay-x").click().run()
    assert not at.exception
    assert not path.exists()
    assert "No replay is running." in at.caption[0].value


def test_a_killed_replay_is_not_listed(store: SqlStore, settings: Settings) -> None:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    write_command(control_path(settings.data_dir, "replay-gone"), "resume", pid=int(child.stdout))
    at = app(store, settings).run()
    assert not at.exception
    assert "No replay is running." in at.caption[0].value


def test_comparison_totals_are_aggregated_in_sql(store: SqlStore, settings: Settings) -> None:
    seed(store, "replay-c", [4, 9, 2])
    totals = replay_page.metric_totals(store, settings.store_url, "replay-c")
    assert totals == {("casualty", "killed"): (3, 15)}


Spawned = list[tuple[Any, str, str]]


@pytest.fixture
def spawned(monkeypatch: pytest.MonkeyPatch) -> Spawned:
    """What the page would have started: (source, speed, run id)."""
    calls: Spawned = []

    def spawn(_settings: Settings, source: Any, speed: str, run: str) -> None:
        calls.append((source, speed, run))

    monkeypatch.setattr(replay_page, "spawn_replay", spawn)
    return calls


def recording_at(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_records(path, [Recorded(0, 0, 0, "k", event(0, 1).article.to_dict())])
    return path


def test_the_page_says_where_recordings_are_looked_for(store: SqlStore, settings: Settings) -> None:
    at = app(store, settings).run()
    where = [c.value for c in at.caption if "Recordings are looked for in" in c.value]
    assert where and str(settings.data_dir.resolve()) in where[0]
    assert "WIREWATCH_DATA_DIR" in where[0] and "*.jsonl.gz" in where[0]
    assert any("No recordings in" in c.value for c in at.caption)
    assert at.text_input(key="replay.path")  # with none listed, a path can still be given


def test_start_a_recording_anywhere_on_disk(
    store: SqlStore, settings: Settings, spawned: Spawned, tmp_path_factory: pytest.TempPathFactory
) -> None:
    recording_at(settings.data_dir / "listed.jsonl.gz")
    elsewhere = recording_at(tmp_path_factory.mktemp("elsewhere") / "archive" / "day.jsonl")
    at = app(store, settings).run()
    assert at.selectbox(key="replay.file").options == ["listed.jsonl.gz", replay_page.OTHER_FILE]
    at.selectbox(key="replay.file").set_value(replay_page.OTHER_FILE).run()
    at.text_input(key="replay.path").input(f"  {elsewhere}  ")
    at.text_input(key="replay.run_id").input("replay-elsewhere").run()
    at.button(key="replay.start").click().run()

    assert not at.exception and not at.error
    assert spawned == [(elsewhere, "1", "replay-elsewhere")]
    assert str(elsewhere) in at.success[0].value
    assert "replay-replay-elsewhere.log" in at.success[0].value


def not_a_recording(folder: Path) -> str:
    path = folder / "notes.jsonl"
    path.write_text('{"title": "no time", "body": "An article without a date."}\n')
    return str(path)


def empty_file(folder: Path) -> str:
    path = folder / "empty.jsonl.gz"
    path.touch()
    return str(path)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        (lambda d: "", "give the path of a recording"),
        (lambda d: str(d / "missing.jsonl.gz"), "no such file:"),
        (lambda d: str(d), "is not a file"),
        (empty_file, "is empty"),
        (not_a_recording, "not a recording wirewatch can replay: "),
    ],
    ids=["blank", "missing", "folder", "empty", "bad-line"],
)
def test_a_path_that_is_not_a_replayable_recording_is_a_clear_error(
    store: SqlStore,
    settings: Settings,
    spawned: Spawned,
    tmp_path_factory: pytest.TempPathFactory,
    typed: Any,
    error: str,
) -> None:
    folder = tmp_path_factory.mktemp("given")
    at = app(store, settings).run()
    at.text_input(key="replay.path").input(typed(folder)).run()
    at.button(key="replay.start").click().run()

    assert not at.exception
    assert error in at.error[0].value
    assert spawned == []


def test_a_bad_line_is_named_with_its_file_and_line(
    store: SqlStore, settings: Settings, spawned: Spawned, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = not_a_recording(tmp_path_factory.mktemp("given"))
    at = app(store, settings).run()
    at.text_input(key="replay.path").input(path).run()
    at.button(key="replay.start").click().run()
    assert f"{path}:1:" in at.error[0].value


def choose_range(at: AppTest, start: datetime, end: datetime) -> AppTest:
    at.radio(key="replay.kind").set_value(replay_page.FROM_TOPIC).run()
    at.date_input(key="replay.from_date").set_value(start.date())
    at.time_input(key="replay.from_time").set_value(start.time())
    at.date_input(key="replay.to_date").set_value(end.date())
    at.time_input(key="replay.to_time").set_value(end.time())
    return at.run()


def test_start_a_time_range_of_the_topic(
    store: SqlStore, settings: Settings, spawned: Spawned
) -> None:
    seed(store, "replay-a", [4, 9, 2])  # an exact replay: no warning of its own
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=3)
    end = start + timedelta(minutes=90)
    at = choose_range(app(store, settings).run(), start, end)
    assert at.selectbox(key="replay.source_run").options == ["live", "replay-a"]
    assert any("`wirewatch replay --from --to`" in c.value for c in at.caption)
    at.selectbox(key="replay.speed").set_value("max")
    at.text_input(key="replay.run_id").input("replay-range").run()
    at.button(key="replay.start").click().run()

    assert not at.exception and not at.error and not at.warning
    assert spawned == [(TopicRange(start, end, "live"), "max", "replay-range")]
    assert "the topic's live articles from" in at.success[0].value


def test_a_range_that_ends_before_it_starts_is_refused(
    store: SqlStore, settings: Settings, spawned: Spawned
) -> None:
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    at = choose_range(app(store, settings).run(), start, start - timedelta(hours=1))
    assert "before it starts" in at.error[0].value  # said as soon as it is entered
    at.button(key="replay.start").click().run()
    assert spawned == []


def test_a_range_older_than_the_topic_keeps_is_warned_about(
    store: SqlStore, settings: Settings, spawned: Spawned
) -> None:
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(days=30)
    at = choose_range(app(store, settings).run(), start, start + timedelta(hours=1))
    assert f"keeps articles for {settings.retention_hours} h" in at.warning[0].value
    at.button(key="replay.start").click().run()
    assert len(spawned) == 1  # a warning, not a refusal: some of it may still be there


def test_the_live_run_id_is_refused(store: SqlStore, settings: Settings, spawned: Spawned) -> None:
    recording_at(settings.data_dir / "day.jsonl.gz")
    at = app(store, settings).run()
    at.text_input(key="replay.run_id").input("live").run()
    at.button(key="replay.start").click().run()
    assert "never writes into the live run" in at.error[0].value
    assert spawned == []
