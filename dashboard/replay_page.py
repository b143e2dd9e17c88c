"""The replay page: runs in the store, start a replay, steer it, compare it with live.

A replay runs as a ``wirewatch replay`` subprocess; the page steers it through
its control file ``<data dir>/replay-<run>.control`` (``pause``, ``resume``,
``stop``), which the replay creates and deletes. The page only rewrites a file
that exists and whose replay is alive, so a finished replay is never listed again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import auth
from producers.archive import PATTERNS as ARCHIVE_PATTERNS
from producers.replay import check_run_id, control_path, read_control, replay_run_id, write_command
from wirewatch.errors import ConfigError
from wirewatch.schema import LIVE_RUN
from wirewatch.settings import (
    ENV_BOOTSTRAP,
    ENV_DATA_DIR,
    ENV_STORE_URL,
    ENV_TOPIC_PREFIX,
    Settings,
)
from wirewatch.store import SqlStore, articles

SPEEDS = ("1", "10", "60", "max")
STATES = {"pause": "paused", "resume": "running", "stop": "stopping"}
HOUR_MS = 3_600_000
COMPARED = ("articles", "killed", "wounded", "negotiation")
TOTALS_TTL = 30  # seconds a comparison's totals are cached
Totals = dict[tuple[str, str], tuple[int, int]]  # (family, kind) -> (count, sum of values)


def render(store: SqlStore, settings: Settings) -> None:
    """The whole page."""
    st.header("Replays")
    runs = runs_frame(store)
    st.dataframe(runs, hide_index=True)
    active_replays(settings.data_dir)
    start_form(settings)
    replays = [r for r in runs["run"] if r != LIVE_RUN]
    if replays:
        picked = st.selectbox("Compare with live", replays, key="replay.compare")
        compare(store, picked, settings.store_url)


def runs_frame(store: SqlStore) -> pd.DataFrame:
    """One row per run: article count, totals and the event-time span."""
    columns = ["run", "articles", "killed", "wounded", "negotiation", "first", "last"]
    frame = pd.DataFrame(articles.run_totals(store), columns=columns)
    for name in ("first", "last"):
        frame[name] = pd.to_datetime(frame[name], unit="ms", utc=True)
    return frame


def active_replays(data_dir: Path) -> None:
    """Pause, resume and stop buttons for every running replay (by its control file)."""
    st.subheader("Running replays")
    running = [(run_id, path) for path in sorted(data_dir.glob("replay-*.control"))
               if (run_id := _run_of(path)) and read_control(path) is not None]  # fmt: skip
    if not running:
        st.caption("No replay is running.")
    for run_id, path in running:
        label, *buttons = st.columns([3, 1, 1, 1])
        for column, command in zip(buttons, ("pause", "resume", "stop"), strict=True):
            if column.button(command.title(), key=f"replay.{command}.{run_id}"):
                write_command(path, command)  # no-op when the replay has just ended
        found = read_control(path)
        state = STATES.get(found[0], "running") if found else "finished"
        label.markdown(f"`{run_id}`: **{state}**")


def _run_of(path: Path) -> str | None:
    run_id = path.name.removeprefix("replay-").removesuffix(".control")
    try:
        return check_run_id(run_id)
    except ConfigError:
        return None


def recordings(data_dir: Path) -> list[Path]:
    """Recordings and article archives (JSONL or CSV, gzip or not) under ``data_dir``."""
    return sorted({path for pattern in ARCHIVE_PATTERNS for path in data_dir.rglob(pattern)})


def start_form(settings: Settings) -> None:
    st.subheader("Start a replay")
    files = recordings(settings.data_dir)
    if not files:
        st.caption(f"No recordings under {settings.data_dir}: make one with "
                   "`wirewatch record --out FILE.jsonl.gz`.")  # fmt: skip
        return
    file = st.selectbox("Recording", files, format_func=lambda p: p.name, key="replay.file")
    speed = st.selectbox("Speed", SPEEDS, key="replay.speed")
    run_id = st.text_input("Run id", replay_run_id(), key="replay.run_id").strip()
    if auth.gate("start replays") and st.button("Start replay", key="replay.start"):
        try:
            check_run_id(run_id)
        except ConfigError as exc:
            st.error(str(exc))
            return
        if control_path(settings.data_dir, run_id).exists():
            st.error(f"A replay with run id {run_id} is already running.")
            return
        spawn_replay(settings, file, speed, run_id)
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
    log = (settings.data_dir / f"replay-{check_run_id(run_id)}.log").open("ab")
    command = [sys.executable, "-m", "wirewatch.cli", "replay", str(file), "--speed", speed,
               "--run-id", run_id, "--no-progress"]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)  # noqa: S603


def hourly(store: SqlStore, replay: str) -> pd.DataFrame:
    """Hourly totals of the compared metrics for live and ``replay``, long format."""
    rows = articles.hourly_totals(store, (LIVE_RUN, replay))
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


@st.cache_data(ttl=TOTALS_TTL, show_spinner=False)
def metric_totals(_store: SqlStore, url: str, run_id: str) -> Totals:
    """Count and sum of the extracted metrics per (family, kind), aggregated in SQL."""
    return articles.metric_totals(_store, run_id)


def differences(live: Totals, replay: Totals
                ) -> pd.DataFrame:  # fmt: skip
    """The (family, kind) rows whose count or total differ between the runs."""
    columns = ["family", "kind", "live count", "replay count", "live total", "replay total"]
    rows = []
    for family, kind in sorted(set(live) | set(replay)):
        ours, theirs = live.get((family, kind), (0, 0)), replay.get((family, kind), (0, 0))
        if ours != theirs:
            rows.append([family, kind, ours[0], theirs[0], ours[1], theirs[1]])
    return pd.DataFrame(rows, columns=columns)


def compare(store: SqlStore, replay: str, url: str = "") -> None:
    """Side-by-side figures per metric, and whether the extracted metrics match."""
    live = metric_totals(store, url, LIVE_RUN)
    replayed = metric_totals(store, url, replay)
    count = sum(n for n, _total in live.values())
    diff = differences(live, replayed)
    if diff.empty:
        st.success(f"`{replay}` reproduces live exactly: {count} metric(s), the same count "
                   "and total for every family and kind.")  # fmt: skip
    else:
        st.warning(f"`{replay}` differs from live in {len(diff)} of "
                   f"{len(set(live) | set(replayed))} metric kind(s).")  # fmt: skip
        st.dataframe(diff, hide_index=True)
    frame = hourly(store, replay)
    for metric in COMPARED:
        top = float(frame.loc[frame["metric"] == metric, "value"].max() or 0)
        left, right = st.columns(2)
        left.altair_chart(compare_chart(frame, metric, LIVE_RUN, top), width="stretch")
        right.altair_chart(compare_chart(frame, metric, replay, top), width="stretch")
