"""Shareable views: the sidebar choices, filters and explained figure in the URL.

The page is the URL's path (``/articles``); everything else travels as query
parameters, Grafana style: ``/articles?run=live&window=Last+24+h&source=AP``; an absolute range adds
``from`` and ``to`` (UTC, as typed: ``2025-01-31 14:30``). Links made with older window
and bucket names (``Last day``, ``Custom``, ``1 day``) open the same view.
:func:`restore` copies them into the widgets' session state once per session, before
the widgets are drawn; :func:`publish` writes the current choices back after each run,
so the address bar always holds a link to what is on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from dashboard import model

# query parameter -> widget key
PARAMS = {
    "run": "run",
    "window": "window",
    "bucket": "bucket",
    "figure": "figure",
    "drill": "drill_figure",
    "source": "f_source",
    "actor": "f_actor",
    "location": "f_location",
    "kind": "f_kind",
    "q": "f_text",
}
# the absolute range's ends: the text inputs' starting values (a widget given its value
# through the session state shows it empty for a moment in a new browser session)
RANGE_KEYS = {"from": ("share.from", "abs_from"), "to": ("share.to", "abs_to")}
# the parameters a page owns (the rest are the sidebar's, shared by every page)
PAGE_PARAMS = {
    "": ("figure",),
    "articles": ("source", "actor", "location", "kind", "q"),
    "drilldown": ("drill",),
}
SHARED = ("run", "window", "bucket")
DEFAULTS = {"run": "live", "window": model.DEFAULT_WINDOW, "bucket": "Auto", "figure": "—"}
ALIASES = {"window": model.WINDOW_ALIASES, "bucket": model.BUCKET_ALIASES}
ANY = "Any"
RESTORED_KEY = "share.restored"
ZOOM_KEY = "wirewatch_zoom"


def params_to_state(params: Mapping[str, str]) -> dict[str, Any]:
    """Session-state values for the widgets, from query parameters (unknown ones ignored)."""
    state: dict[str, Any] = {key: params[name] for name, key in PARAMS.items() if name in params}
    for name, (start_key, _) in RANGE_KEYS.items():
        if name in params:
            state[start_key] = params[name]
    for name, aliases in ALIASES.items():
        if name in state:
            state[name] = aliases.get(state[name], state[name])
    if "zoom" in params:
        try:
            start, end = (int(part) for part in params["zoom"].split("-", 1))
        except ValueError:
            pass  # a mangled zoom: the view opens without it
        else:
            state[ZOOM_KEY] = (start, end) if end > start else None
    return state


def state_to_params(state: Mapping[str, Any], page: str = "") -> dict[str, str]:
    """Query parameters for the choices of ``page`` (a URL path); defaults left out."""
    names = (*SHARED, *PAGE_PARAMS.get(page, ()))
    params = {
        name: str(state[PARAMS[name]])
        for name in names
        if state.get(PARAMS[name]) not in (None, "", ANY, DEFAULTS.get(name))
    }
    if state.get("window") == model.ABSOLUTE:
        for name, (start_key, key) in RANGE_KEYS.items():
            value = state.get(key, state.get(start_key))
            if value:
                params[name] = str(value)
    zoom = state.get(ZOOM_KEY)
    if zoom:
        params["zoom"] = f"{int(zoom[0])}-{int(zoom[1])}"
    return params


def restore() -> None:
    """Once per session: the URL's choices into the widgets' state."""
    if st.session_state.get(RESTORED_KEY):
        return
    st.session_state[RESTORED_KEY] = True
    for key, value in params_to_state(st.query_params.to_dict()).items():
        st.session_state[key] = value


def drop_unknown(key: str, options: list[Any]) -> None:
    """Forget a restored choice that is not an option (a stale or mistyped link)."""
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]


def publish(page: str = "") -> None:
    """The current choices of ``page`` into the address bar (only when they changed)."""
    wanted = state_to_params(st.session_state.to_dict(), page)
    if wanted != st.query_params.to_dict():
        st.query_params.from_dict(wanted)
