"""The replay page: runs in the store, start a replay, steer it, compare it with live.

A replay runs as a ``wirewatch replay`` subprocess; the page steers it through
its control file ``<data dir>/replay-<run>.control`` (``pause``, ``resume``,
``stop``), which exists while the replay runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from producers.replay import control_path, replay_run_id, write_command
from wirewatch.schema import LIVE_RUN
from wirewatch.settings import (
    ENV_BOOTSTRAP,
    ENV_DATA_DIR,
    ENV_STORE_URL,
    ENV_TOPIC_PREFIX,
    Settings,
)
from wirewatch.store import SqlStore

SPEEDS = ("1", "10", "60", "max")
STATES = {"pause": "paused", "resume": "running", "stop": "stopping"}
HOUR_MS = 3_600_000
COMPARED = ("articles", "killed", "wounded", "negotiation")
_RUNS = """SELECT run_id, COUNT(*), SUM(killed), SUM(wounded), SUM(negotiation), MIN(event_ms),
    MAX(event_ms) FROM articles GROUP BY run_id ORDER BY run_id"""
_HOURLY = """SELECT run_id, (event_ms / 3600000) * 3600000 AS bucket, COUNT(*), SUM(killed),
    SUM(wounded), SUM(negotiation) FROM articles WHERE run_id IN (?, ?)
    GROUP BY run_id, bucket ORDER BY bucket"""
_METRIC_ROWS = """SELECT article_id, seq, family, kind, value FROM metrics WHERE run_id = ?"""


def render(store: SqlStore, settings: Settings) -> None:
    """The whole page."""
    st.header("Replays")
    runs = runs_frame(store)
    st.dataframe(runs, hide_index=True)
    active_replays(settings.data_dir)
    start_form(settings)
    replays = [r for r in runs["run"] if r != LIVE_RUN]
    if replays:
        compare(store, st.selectbox("Compare with live", replays, key="replay.compare"))


def runs_frame(store: SqlStore) -> pd.DataFrame:
    """One row per run: article count, totals and the event-time span."""
    columns = ["run", "articles", "killed", "wounded", "negotiation", "first", "last"]
    frame = pd.DataFrame(store.fetch(_RUNS), columns=columns)
    for name in ("first", "last"):
        frame[name] = pd.to_datetime(frame[name], unit="ms", utc=True)
    return frame


def active_replays(data_dir: Path) -> None:
    """Pause, resume and stop buttons for every running replay (by its control file)."""
    st.subheader("Running replays")
    files = sorted(data_dir.glob("replay-*.control"))
    if not files:
        st.caption("No replay is running.")
    for path in files:
        run_id = path.name.removeprefix("replay-").removesuffix(".control")
        label, *buttons = st.columns([3, 1, 1, 1])
        for column, command in zip(buttons, ("pause", "resume", "stop"), strict=True):
            if column.button(command.title(), key=f"replay.{command}.{run_id}"):
                write_command(path, command)
        state = STATES.get(path.read_text().strip(), "running")
        label.markdown(f"`{run_id}`: **{state}**")


def recordings(data_dir: Path) -> list[Path]:
    return sorted(data_dir.rglob("*.jsonl.gz"))


def start_form(settings: Settings) -> None:
    st.subheader("Start a replay")
    files = recordings(settings.data_dir)
    if not files:
        st.caption(f"No recordings under {settings.data_dir}: make one with "
                   "`wirewatch record --out FILE.jsonl.gz`.")  # fmt: skip
        return
    file = st.selectbox("Recording", files, format_func=lambda p: p.name, key="replay.file")
    speed = st.selectbox("Speed", SPEEDS, key="replay.speed")
    run_id = st.text_input("Run id", replay_run_id(), key="replay.run_id")
    if st.button("Start replay", key="replay.start"):
        spawn_replay(settings, file, speed, run_id)
        write_command(control_path(settings.data_dir, run_id), "resume")
        st.success(f"Replay {run_id} started.")


def spawn_replay(
    settings: Settings, file: Path, speed: str, run_id: str
) -> subprocess.Popen[bytes]:
    """Run ``wirewatch replay`` in the background with this dashboard's settings."""
    env = {
        **os.environ,
        ENV_BOOTSTRAP: settings.bootstrap_servers,
        ENV_STORE_URL: settings.store_url,
        ENV_DATA_DIR: str(settings.data_dir),
        ENV_TOPIC_PREFIX: settings.topics.articles.removesuffix("articles"),
    }
    log = (settings.data_dir / f"replay-{run_id}.log").open("ab")
    command = [sys.executable, "-m", "wirewatch.cli", "replay", str(file), "--speed", speed,
               "--run-id", run_id, "--no-progress"]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)  # noqa: S603


def hourly(store: SqlStore, replay: str) -> pd.DataFrame:
    """Hourly totals of the compared metrics for live and ``replay``, long format."""
    rows = store.fetch(_HOURLY, (LIVE_RUN, replay))
    frame = pd.DataFrame(rows, columns=["run", "bucket", *COMPARED])
    frame["bucket"] = pd.to_datetime(frame["bucket"], unit="ms", utc=True)
    return frame.melt(id_vars=["run", "bucket"], var_name="metric", value_name="value")


def compare_chart(frame: pd.DataFrame, metric: str, run: str, top: float) -> alt.Chart:
    data = frame[(frame["metric"] == metric) & (frame["run"] == run)]
    chart: alt.Chart = alt.Chart(data, title=f"{metric}: {run}", height=180).mark_bar().encode(
        x=alt.X("bucket:T", title="hour"),
        y=alt.Y("value:Q", scale=alt.Scale(domain=[0, max(top, 1)]), title=metric),
    )  # fmt: skip
    return chart


def compare(store: SqlStore, replay: str) -> None:
    """Side-by-side figures per metric, and whether the extracted metrics are identical."""
    live_rows = set(store.fetch(_METRIC_ROWS, (LIVE_RUN,)))
    replay_rows = set(store.fetch(_METRIC_ROWS, (replay,)))
    if live_rows == replay_rows:
        st.success(f"`{replay}` reproduces live exactly: {len(live_rows)} metric(s).")
    else:
        st.warning(f"`{replay}` differs from live: {len(live_rows - replay_rows)} metric(s) "
                   f"only in live, {len(replay_rows - live_rows)} only in the replay.")  # fmt: skip
    frame = hourly(store, replay)
    for metric in COMPARED:
        top = float(frame.loc[frame["metric"] == metric, "value"].max() or 0)
        left, right = st.columns(2)
        left.altair_chart(compare_chart(frame, metric, LIVE_RUN, top), width="stretch")
        right.altair_chart(compare_chart(frame, metric, replay, top), width="stretch")
