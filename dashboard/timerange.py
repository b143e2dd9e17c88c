"""The sidebar's time picker: quick ranges (Grafana's) or an absolute range in UTC.

The absolute range is typed as text (``2025-01-31 14:30``), so a shared link carries it
exactly as the user wrote it (``?window=Absolute+range&from=...&to=...``).
"""

from __future__ import annotations

import streamlit as st

from dashboard import model, share

KEYS = ("abs_from", "abs_to")  # widget keys of the absolute range's two ends
MOMENT_HELP = (
    "UTC, as 2025-01-31, 2025-01-31 14:30 or 2025-01-31 14:30:05; a date alone as the end "
    "includes that whole day."
)


def pick_window() -> tuple[str, tuple[int, int] | None]:
    """The chosen range's name and, for an absolute range that reads, its ``[from, to)``."""
    share.drop_unknown("window", list(model.WINDOWS))
    st.session_state.setdefault("window", model.DEFAULT_WINDOW)
    name = st.sidebar.selectbox("Time range", list(model.WINDOWS), key="window")
    if name != model.ABSOLUTE:
        return name, None
    now = model.now_ms()
    shared = share.RANGE_KEYS  # a shared link's range, else the last 24 hours
    first = st.session_state.get(shared["from"][0]) or model.fmt_minute(now - model.DAY)
    last = st.session_state.get(shared["to"][0]) or model.fmt_minute(now)
    start = st.sidebar.text_input("From (UTC)", value=first, key=KEYS[0], help=MOMENT_HELP)
    end = st.sidebar.text_input("To (UTC)", value=last, key=KEYS[1], help=MOMENT_HELP)
    try:
        return name, model.absolute_range(start, end)
    except ValueError as exc:
        st.sidebar.error(f"Absolute range: {exc}. Showing the {model.DEFAULT_WINDOW} instead.")
        return name, None
