"""Overview: headline figures with deltas, trends, negotiations, top actors and places."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import charts, data, drill, model, views
from dashboard.model import Overview

TREND_MODES = (charts.PICK, charts.BRUSH)


def alert_thresholds() -> list[tuple[str, float]]:
    """Thresholds of the enabled killed/wounded alert rules, drawn on the casualty chart."""
    found, _ = data.guarded(
        "thresholds", data.alert_thresholds, views.context().url, ("killed", "wounded")
    )
    return found or []


def headline(ov: Overview) -> None:
    f, prev = ov.figures, ov.previous
    ctx = views.context()
    linked, _ = data.guarded("incidents", data.incident_headline, ctx.url, ctx.run_id, ov.window)
    if linked is not None:  # incidents, each counted once, replace the per-article sums
        f = _people(f, linked["now"])
        prev = None if prev is None or linked["before"] is None else _people(prev, linked["before"])
    cols = st.columns(4)
    rate = f["articles_per_min"]
    cols[0].metric(
        "Articles / min",
        f"{rate:,.2f}",
        _fmt(model.delta(rate, prev, "articles_per_min"), ".2f"),
        help=f"{f['articles']:,} articles from {f['sources']:,} sources in the window",
        border=True,
    )
    for col, key, label in (
        (cols[1], "killed", "People killed"),
        (cols[2], "wounded", "People wounded"),
    ):
        col.metric(
            f"{label} (new incidents)",
            f"{f[key]:,}",
            _fmt(model.delta(f[key], prev, key)),
            delta_color="inverse",
            border=True,
            help="Incidents first reported in the window, each counted once at its latest "
            "figure from the most authoritative source, however many outlets reported it."
            if linked is not None
            else "Sum of incident reports (scope=incident) in the window; one incident "
            "reported by several outlets counts once per report (the incidents service "
            "has linked nothing in this run).",
        )
    cols[3].metric(
        "Negotiation events",
        f"{f['negotiation_events']:,}",
        _fmt(model.delta(f["negotiation_events"], prev, "negotiation_events")),
        help="typed negotiation developments reported in the window",
        delta_color="off",
        border=True,
    )
    if linked is not None and linked["tolls"]:
        toll_series(linked["tolls"], linked["tolls_before"])
    else:
        tolls(ov)
    if prev is None:
        st.caption("No deltas for the whole run: there is no previous window to compare.")


def tolls(ov: Overview) -> None:
    if not ov.tolls:
        st.caption("No cumulative death toll reported yet.")
        return
    cols = st.columns(4)
    for i, toll in enumerate(ov.tolls[:8]):
        before = ov.previous_tolls.get(toll["place"])
        change = None if before is None else toll["value"] - before
        cols[i % 4].metric(
            f"Death toll, {toll['place'] or 'place unspecified'}",
            f"{toll['value']:,}",
            _fmt(change),
            delta_color="inverse",
            border=True,
            help=f"latest cumulative toll, reported {model.fmt_time(toll['event_ms'])}"
            + (f" by {toll['authority']}" if toll.get("authority") else ""),
        )


def _people(figures: dict[str, Any], totals: dict[str, int]) -> dict[str, Any]:
    return {**figures, "killed": totals.get("killed", 0), "wounded": totals.get("wounded", 0)}


def toll_series(latest: list[dict[str, Any]], before: list[dict[str, Any]]) -> None:
    """The latest value of each toll series (place, authority, scope) with its authority and
    date; a delta only against the same series, never across authorities or places."""
    then = {(t["place"], t["authority"], t["scope"]): t["value"] for t in before}
    cols = st.columns(4)
    for i, toll in enumerate(latest[:8]):
        key = (toll["place"], toll["authority"], toll["scope"])
        change = None if key not in then else toll["value"] - then[key]
        where = toll["place"] or toll["authority"] or "unattributed"
        label = "Death toll" if toll["scope"] == "cumulative" else f"Killed ({toll['scope']})"
        by = f" · {toll['authority']}" if toll["authority"] and toll["place"] else ""
        cols[i % 4].metric(
            f"{label}, {where}{by}",
            f"{toll['value']:,}",
            _fmt(change),
            delta_color="inverse",
            border=True,
            help=f"reported {model.fmt_time(toll['published_ms'])}"
            + (f" as of {toll['as_of']}" if toll.get("as_of") else ""),
        )


def _fmt(value: float | None, spec: str = ",") -> str | None:
    if value is None:
        return None
    return format(round(value) if spec == "," else value, f"+{spec}")


def chart(figure: Any, key: str, modes: tuple[str, ...] = ("pick",)) -> dict[str, Any]:
    """Draw a selectable chart; return its selection state (empty when nothing is picked)."""
    event = st.altair_chart(figure, key=key, on_select="rerun", selection_mode=list(modes))
    return dict(event.selection) if event else {}


def trends(ov: Overview) -> drill.Drill | None:
    left, right = st.columns(2)
    with left:
        st.subheader("Articles and negotiation events")
        articles = charts.trend_chart(ov.series, series=("articles", "negotiations"))
        picked = chart(articles, "trend_articles", TREND_MODES)
    with right:
        st.subheader("People reported killed and wounded")
        people = charts.trend_chart(
            ov.series,
            series=("killed", "wounded"),
            y_title="people per bucket",
            thresholds=alert_thresholds(),
        )
        picked = chart(people, "trend_people", TREND_MODES) or picked
    zoom = drill.brushed(picked)
    if zoom and st.button("Zoom to the brushed range", icon=":material/zoom_in:"):
        st.session_state[views.ZOOM_KEY] = (zoom.start_ms, zoom.end_ms)
        st.rerun()
    return drill.trend_drill(picked, ov.bucket_ms)


def entities_and_talks(ov: Overview) -> drill.Drill | None:
    found = None
    st.subheader("Negotiation timeline")
    if ov.negotiations:
        picked = chart(charts.negotiation_chart(ov.negotiations), "negotiations")
        found = drill.point_drill(picked, ov.window, "negotiation")
    else:
        st.caption("No negotiation events in this window.")
    cols = st.columns(2)
    for col, category, title in (
        (cols[0], "actor", "Top actors"),
        (cols[1], "location", "Top locations"),
    ):
        with col:
            rows = ov.entities.get(category, [])
            if rows:
                picked = chart(charts.entity_chart(rows, title), f"top_{category}")
                found = drill.point_drill(picked, ov.window, category) or found
            else:
                st.caption(f"{title}: none mentioned in this window.")
    return found


def evidence(ctx: views.Context, ov: Overview, chosen: drill.Drill | None) -> None:
    st.subheader("Evidence")
    figures = drill.figure_drills(ov)
    label = st.selectbox("Explain a figure", ["—", *figures], key="figure")
    target = chosen or figures.get(label)
    if target is None:
        st.caption("Click a chart point or bar, brush a range, or pick a figure above.")
        return
    st.session_state[views.DRILL_KEY] = target
    st.markdown(f"**Behind: {target.label}**")
    views.show_drill(ctx, target)


@st.fragment(run_every=views.context().refresh)
def live() -> None:
    ctx = views.context()
    ov = views.load_overview(ctx)
    if ov is None:
        return
    st.caption(
        f"{model.fmt_time(ov.window.start_ms)} → {model.fmt_time(ov.window.end_ms)} · buckets "
        f"of {ov.bucket_ms // model.MINUTE:,} min · run `{ctx.run_id}` · "
        f"updated {model.fmt_time(model.now_ms())}"
    )
    headline(ov)
    chosen = trends(ov)
    chosen = entities_and_talks(ov) or chosen
    evidence(ctx, ov, chosen)


st.title("Overview")
live()
