"""The wirewatch dashboard: page setup, the sidebar and navigation. Layout only.

Run it with ``wirewatch dashboard`` (or ``streamlit run dashboard/app.py``). It reads
the metrics store named by ``Settings.store_url`` (``WIREWATCH_STORE_URL``); it never runs
the pipeline. ``Settings.refresh_seconds`` (``WIREWATCH_REFRESH_SECONDS``) sets the
default live-refresh interval; the environment is read only through ``Settings``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import auth, data, model, share, timerange, views
from wirewatch.settings import Settings

REFRESH_CHOICES = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
PAGES = Path(__file__).parent / "sections"
# pages whose live fragment draws the firing banner itself, re-read every refresh (a
# fragment in this script would rerun over the page's own fragments and break them)
LIVE_BANNER_PAGES = {"", "articles", "drilldown", "health", "alerts"}
RUN_PAGES = {"", "articles", "drilldown"}  # pages that read the chosen run
TIME_PAGES = {"", "drilldown"}  # pages that read the window and bucket size
KEPT = ("run", "window", "bucket", *timerange.KEYS)
STYLE = "<style>mark{background:#ffe08a;padding:0 2px;border-radius:3px}</style>"


def run_choices(settings: Settings) -> list[str]:
    found, _ = data.guarded("runs", data.runs, settings.store_url)
    names = [r["run_id"] for r in found or []]
    return names if "live" in names else ["live", *names]


def pick_refresh(default: float) -> float | None:
    choices = sorted({*REFRESH_CHOICES, default})
    every = st.sidebar.selectbox(
        "Refresh every",
        choices,
        index=choices.index(default),
        key="refresh",
        format_func=lambda s: f"{s:g} s",
    )
    paused = st.sidebar.toggle("Pause live updates", key="paused")
    return None if paused else float(every)


def keep_hidden_choices() -> None:
    """Keep the choices of controls a page hides (Streamlit drops an undrawn widget's state)."""
    for key in KEPT:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def sidebar(settings: Settings, page: str = "") -> views.Context:
    """The shared controls that apply to ``page`` (a URL path): run, window, bucket size,
    refresh interval; hidden ones keep their last choice."""
    st.sidebar.title("wirewatch")
    run_id = str(st.session_state.get("run", "live"))
    if page in RUN_PAGES:
        choices = run_choices(settings)
        share.drop_unknown("run", choices)
        run_id = st.sidebar.selectbox("Run", choices, key="run")
    window_name = str(st.session_state.get("window", model.DEFAULT_WINDOW))
    custom = None
    bucket_name = str(st.session_state.get("bucket", "Auto"))
    if page in TIME_PAGES:
        window_name, custom = timerange.pick_window()
        share.drop_unknown("bucket", list(model.BUCKETS))
        bucket_name = st.sidebar.selectbox("Bucket size", list(model.BUCKETS), key="bucket")
    refresh = pick_refresh(settings.refresh_seconds)
    if st.session_state.get(views.ZOOM_KEY) and st.sidebar.button("Reset zoom"):
        st.session_state[views.ZOOM_KEY] = None
    auth.sidebar(settings.dashboard_token)
    st.sidebar.caption(f"Store: `{settings.store_url}`")
    return views.Context(settings, run_id, window_name, bucket_name, refresh, custom)


def main() -> None:
    st.set_page_config(page_title="wirewatch", page_icon=":material/radar:", layout="wide")
    st.html(STYLE + views.LAYOUT_CSS)
    settings = Settings.from_env()
    share.restore()
    keep_hidden_choices()
    pages = [
        st.Page(
            PAGES / "overview.py", title="Overview", icon=":material/monitoring:", default=True
        ),
        st.Page(PAGES / "articles.py", title="Articles", icon=":material/article:"),
        st.Page(PAGES / "drilldown.py", title="Drill-down", icon=":material/manage_search:"),
        st.Page(PAGES / "health.py", title="Pipeline health", icon=":material/monitor_heart:"),
        st.Page(PAGES / "alerts.py", title="Alerts", icon=":material/notifications_active:"),
        st.Page(PAGES / "replay.py", title="Replay", icon=":material/replay:"),
    ]
    page = st.navigation(pages)
    ctx = sidebar(settings, page.url_path)
    st.session_state[views.CONTEXT_KEY] = ctx
    if page.url_path not in LIVE_BANNER_PAGES:
        views.alert_banner(ctx)  # pages without a live fragment: as of this run
    page.run()
    share.publish(page.url_path)


main()
