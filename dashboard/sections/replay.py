"""The replay page: runs in the store, start a replay, steer it, compare it with live.

A replay is started from a recording (listed from the data dir, or any path on disk)
or from a time range of the articles topic (:mod:`dashboard.replay_sources` checks
either first). It runs as a ``wirewatch replay`` subprocess; the page steers it through
its control file ``<data dir>/replay-<run>.control`` (``pause``, ``resume``,
``stop``), which the replay creates and deletes. The page only rewrites a file
that exists and whose replay is alive, so a finished replay is never listed again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import auth, data, views
from dashboard.replay_sources import (
    Source,
    check_recording,
    older_than_retention,
    replay_arguments,
    topic_range,
)
from producers.archive import PATTERNS as ARCHIVE_PATTERNS
from producers.replay import check_run_id, control_path, read_control, replay_run_id, write_command
from wirewatch.errors import ConfigError
from wirewatch.events import LIVE_RUN
from wirewatch.settings import (
    ENV_BOOTSTRAP,
    ENV_DATA_DIR,
    ENV_STORE_URL,
    ENV_TOPIC_PREFIX,
    Settings,
)
from wirewatch.store import SqlStore, articles

SPEEDS = ("1", "10", "60", "max")
FROM_RECORDING, FROM_TOPIC = "A recording", "A time range of the topic"
OTHER_FILE = "Another file on disk…"
Choice = Callable[[], Source]  # what to replay, or ConfigError saying why it cannot be
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
    start_form(settings, list(runs["run"]))
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


def start_form(settings: Settings, runs: list[str] | None = None) -> None:
    """Pick what to replay (a recording or a range of the topic), a speed and a run id."""
    st.subheader("Start a replay")
    kind = st.radio("Replay", (FROM_RECORDING, FROM_TOPIC), horizontal=True, key="replay.kind")
    pick = pick_recording if kind == FROM_RECORDING else pick_range
    chosen = pick(settings, [LIVE_RUN, *[run for run in runs or [] if run != LIVE_RUN]])
    speed = st.selectbox("Speed", SPEEDS, key="replay.speed")
    run_id = st.text_input("Run id", replay_run_id(), key="replay.run_id").strip()
    if auth.gate("start replays") and st.button("Start replay", key="replay.start"):
        start(settings, chosen, speed, run_id)


def pick_recording(settings: Settings, runs: list[str]) -> Choice:
    """The recording picked or typed, checked when the replay starts."""
    folder = settings.data_dir.resolve()
    files = recordings(settings.data_dir)
    st.caption(f"Recordings are looked for in `{folder}` (the data dir, `WIREWATCH_DATA_DIR`) "
               f"and the folders under it: {', '.join(ARCHIVE_PATTERNS)}. Make one with "
               "`wirewatch record --out FILE.jsonl.gz`; any other file: its path.")  # fmt: skip
    if files:
        picked = st.selectbox("Recording", [*files, OTHER_FILE], key="replay.file",
                              format_func=lambda p: _label(p, folder))  # fmt: skip
        if picked != OTHER_FILE:
            return lambda: check_recording(str(picked))
    else:
        st.caption(f"No recordings in `{folder}` yet.")
    typed = st.text_input("Path of a recording", key="replay.path",
                          placeholder="~/archives/day.jsonl.gz")  # fmt: skip
    return lambda: check_recording(typed)


def _label(item: Path | str, folder: Path) -> str:
    """A listed recording's path below ``folder``."""
    found = Path(item).resolve()
    return str(found.relative_to(folder)) if found.is_relative_to(folder) else str(item)


def pick_range(settings: Settings, runs: list[str]) -> Choice:
    """A range of the topic, checked as it is entered."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    for key, value in (("from", now - timedelta(hours=1)), ("to", now)):
        st.session_state.setdefault(f"replay.{key}_date", value.date())
        st.session_state.setdefault(f"replay.{key}_time", value.time())
    st.caption("Replays the articles the topic still holds between two times, as "
               "`wirewatch replay --from --to` does; the topic keeps "
               f"{settings.retention_hours} h (`WIREWATCH_RETENTION_HOURS`).")  # fmt: skip
    left, right = st.columns(2)
    start = _moment(left, "From (UTC)", "from")
    end = _moment(right, "To (UTC, exclusive)", "to")
    source_run = st.selectbox("Articles of run", runs, key="replay.source_run")
    try:
        chosen = topic_range(start, end, str(source_run))
    except ConfigError as exc:
        st.error(str(exc))
        return partial(_refuse, exc)
    if older_than_retention(start, now, settings.retention_hours):
        st.warning(f"The topic keeps articles for {settings.retention_hours} h: the older part "
                   "of this range may be gone. A recording keeps them for good.")  # fmt: skip
    return lambda: chosen


def _refuse(problem: ConfigError) -> Source:
    raise problem


def _moment(column: Any, label: str, key: str) -> datetime:
    day: date = column.date_input(label, key=f"replay.{key}_date")
    hour: time = column.time_input(f"{label}, time", key=f"replay.{key}_time",
                                   label_visibility="collapsed", step=60)  # fmt: skip
    return datetime.combine(day, hour, tzinfo=UTC)


def start(settings: Settings, chosen: Choice, speed: str, run_id: str) -> None:
    """Check everything, then spawn the replay; each problem is an error on the page."""
    try:
        check_run_id(run_id)
        if run_id == LIVE_RUN:
            msg = "a replay never writes into the live run: choose another run id"
            raise ConfigError(msg)
        source = chosen()
    except ConfigError as exc:
        st.error(str(exc))
        return
    if control_path(settings.data_dir, run_id).exists():
        st.error(f"A replay with run id {run_id} is already running.")
        return
    spawn_replay(settings, source, speed, run_id)
    what = str(source) if isinstance(source, Path) else source.describe()
    log = settings.data_dir / f"replay-{run_id}.log"
    st.success(f"Replay {run_id} started: {what}. Its output goes to `{log}`.")


def spawn_replay(
    settings: Settings, source: Source, speed: str, run_id: str
) -> subprocess.Popen[bytes]:
    """Run ``wirewatch replay`` in the background with this dashboard's settings."""
    env = {
        **os.environ,  # passed on to the child, not read here
        ENV_BOOTSTRAP: settings.bootstrap_servers,
        ENV_STORE_URL: settings.store_url,
        ENV_DATA_DIR: str(settings.data_dir),
        ENV_TOPIC_PREFIX: settings.topics.articles.removesuffix("articles"),
    }
    command = [sys.executable, "-m", "wirewatch.cli", "replay", *replay_arguments(source),
               "--speed", speed, "--run-id", run_id, "--no-progress"]  # fmt: skip
    with (settings.data_dir / f"replay-{check_run_id(run_id)}.log").open("ab") as log:
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


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import its parts
    ctx = views.context()
    store, error = data.guarded("store", data.get_store, ctx.url)
    views.store_banner(ctx.url, error)
    if store is not None:
        render(store, ctx.settings)
