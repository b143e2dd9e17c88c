"""Drill-down: the articles and evidence sentences behind a figure or a chart point."""

from __future__ import annotations

import streamlit as st

from dashboard import drill, export, model, share, views


@st.fragment(run_every=views.context().refresh)
def live() -> None:
    ctx = views.context()
    views.alert_banner(ctx)
    ov = views.load_overview(ctx)
    if ov is None:
        return
    figures = drill.figure_drills(ov)
    last: drill.Drill | None = st.session_state.get(views.DRILL_KEY)
    options = list(figures)
    if last is not None and last.label not in figures:
        figures[last.label] = last
        options.insert(0, last.label)
    share.drop_unknown("drill_figure", options)
    label = st.selectbox("Figure", options, key="drill_figure")
    share.publish("drilldown")
    target = figures[label]
    st.caption(model.fmt_span(target.start_ms, target.end_ms))
    rows = views.show_drill(ctx, target)
    export.buttons(rows, "wirewatch-drilldown", "export.drilldown")


st.title("Drill-down")
st.caption("Pick a headline figure, or click a point on the Overview charts to bring it here.")
live()
