"""Overview: headline figures with deltas, trends, negotiations, top actors and places."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import charts, data, drill, export, geo, model, share, views
from dashboard.model import Overview

TREND_MODES = (charts.PICK, charts.BRUSH)
NONCE_KEY = "overview.nonce"  # bumped by "Clear selection": new chart keys, empty selections
PICKED_KEY = "overview.picked"  # what newest() remembers between reruns
NO_FIGURE = "—"


def alert_thresholds(bucket_ms: int) -> tuple[list[tuple[str, float]], list[str]]:
    """Thresholds of killed/wounded alert rules that fit the chart's buckets; notes on the rest."""
    found, _ = data.guarded(
        "thresholds", data.alert_thresholds, views.context().url, ("killed", "wounded")
    )
    return model.split_thresholds(found or [], bucket_ms)


def headline(ov: Overview) -> dict[str, Any] | None:
    """The four headline cards; returns the incidents' figures (None before any link)."""
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
        help=f"the pace over the window's last {f['rate_minutes']:,} min; {f['articles']:,} "
        f"articles from {f['sources']:,} sources in the whole window",
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
    if prev is None:
        st.caption("No deltas for the whole run: there is no previous window to compare.")
    return linked


def death_tolls(ov: Overview, linked: dict[str, Any] | None) -> None:
    """The toll cards, below the trends so a narrow screen reaches the first chart."""
    if linked is not None and linked["tolls"]:
        toll_series(linked["tolls"], linked["tolls_before"])
    else:
        tolls(ov)


def tolls(ov: Overview) -> None:
    if not ov.tolls:
        st.caption("No cumulative death toll reported yet.")
        return
    cols = st.columns(4)
    # by place, not by value: cards keep their places while tolls grow
    for i, toll in enumerate(sorted(ov.tolls[:8], key=lambda t: t["place"])):
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
    nonce = st.session_state.get(NONCE_KEY, 0)
    name, modes_ = f"{key}.{nonce}", list(modes)
    if isinstance(figure, dict):  # a plain spec: its rows go as Arrow, not via pandas
        spec = charts.arrow_datasets(figure)
        event = st.vega_lite_chart(spec, key=name, on_select="rerun", selection_mode=modes_)
    else:
        event = st.altair_chart(figure, key=name, on_select="rerun", selection_mode=modes_)
    return dict(event.selection) if event else {}


def label_format(ov: Overview) -> str:
    """Axis labels with the year when the window needs it."""
    return charts.time_format(model.spans_years(ov.window), ov.bucket_ms >= model.DAY)


def trends(ov: Overview) -> drill.Drill | None:
    left, right = st.columns(2)
    fmt = label_format(ov)
    partial = model.partial_bucket(ov.window, ov.bucket_ms, model.now_ms())
    with left:
        st.subheader("Articles and negotiation events")
        articles = charts.trend_chart(
            ov.series,
            series=("articles", "negotiations"),
            label_format=fmt,
            partial_ms=partial,
            bucket_ms=ov.bucket_ms,
        )
        picked_articles = chart(articles, "trend_articles", TREND_MODES)
    with right:
        st.subheader("People reported killed and wounded")
        drawn, notes = alert_thresholds(ov.bucket_ms)
        people = charts.trend_chart(
            ov.series,
            series=("killed", "wounded"),
            y_title="people per bucket",
            thresholds=drawn,
            label_format=fmt,
            partial_ms=partial,
            bucket_ms=ov.bucket_ms,
        )
        picked_people = chart(people, "trend_people", TREND_MODES)
    if partial is not None:
        st.caption(
            f"▲ The last bucket (from {model.fmt_time(partial)}) is still filling: "
            "a low value there is not a drop."
        )
        for note in notes:
            st.caption(f"Alert rule {note}.")
    picked = drill.first_selected(picked_people, picked_articles)
    zoom = drill.brushed(picked)
    if zoom and st.button("Zoom to the brushed range", icon=":material/zoom_in:"):
        st.session_state[views.ZOOM_KEY] = (zoom.start_ms, zoom.end_ms)
        st.rerun()
    return drill.trend_drill(picked, ov.bucket_ms)


def entities_and_talks(ov: Overview) -> list[drill.Drill | None]:
    found: list[drill.Drill | None] = []
    st.subheader("Negotiation timeline")
    if ov.negotiations:
        timeline = charts.negotiation_chart(ov.negotiations, label_format(ov))
        picked = chart(timeline, "negotiations")
        found.append(drill.point_drill(picked, ov.window, "negotiation"))
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
                found.append(drill.point_drill(picked, ov.window, category))
            else:
                st.caption(f"{title}: none mentioned in this window.")
    return found


def where_and_who(ov: Overview) -> list[drill.Drill | None]:
    """The map of incidents per place and the breakdown by source; click either to drill."""
    found: list[drill.Drill | None] = []
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Where incidents happen")
        points, unknown = geo.located(ov.places)
        if points:
            picked = chart(geo.map_chart(points), "map")
            found.append(drill.point_drill(picked, ov.window, "place"))
            st.caption(
                "Incident reports naming a place (latest 500 per kind), sized by people."
                + (f" Not on the map (no coordinates): {', '.join(unknown)}." if unknown else "")
            )
        else:
            st.caption("No incident report names a known place in this window.")
    with right:
        if ov.sources:
            picked = chart(charts.source_chart(ov.sources), "sources")
            found.append(drill.point_drill(picked, ov.window, "source"))
        else:
            st.caption("No sources in this window.")
    return found


def clear_selection() -> None:
    """Forget chart selections (new chart keys) and the explained figure."""
    st.session_state[NONCE_KEY] = st.session_state.get(NONCE_KEY, 0) + 1
    st.session_state["figure"] = NO_FIGURE
    st.session_state[PICKED_KEY] = {}


def figure_chosen() -> None:
    """The figure picker spoke last: it wins over an older chart selection."""
    st.session_state.setdefault(PICKED_KEY, {})["source"] = drill.FIGURE


def evidence(ctx: views.Context, ov: Overview, chosen: list[drill.Drill | None]) -> None:
    st.subheader("Evidence")
    figures = drill.figure_drills(ov)
    pick, clear = st.columns([4, 1], vertical_alignment="bottom")
    share.drop_unknown("figure", [NO_FIGURE, *figures])
    label = pick.selectbox(
        "Explain a figure", [NO_FIGURE, *figures], key="figure", on_change=figure_chosen
    )
    clear.button("Clear selection", icon=":material/clear_all:", on_click=clear_selection)
    memory = st.session_state.setdefault(PICKED_KEY, {})
    picked = [d for d in chosen if d is not None]
    target = drill.newest(picked, figures.get(label), memory)
    share.publish("")
    if target is None:
        st.caption("Click a chart point or bar, brush a range, or pick a figure above.")
        return
    st.session_state[views.DRILL_KEY] = target
    st.markdown(f"**Behind: {target.label}**")
    rows = views.show_drill(ctx, target)
    export.buttons(rows, "wirewatch-drilldown", "export.overview")


@st.fragment(run_every=views.context().refresh)
def live() -> None:
    ctx = views.context()
    views.alert_banner(ctx)
    ov = views.load_overview(ctx)
    if ov is None:
        return
    st.caption(
        f"{model.fmt_time(ov.window.start_ms)} → {model.fmt_time(ov.window.end_ms)} · buckets "
        f"of {model.fmt_bucket(ov.bucket_ms)} · run `{ctx.run_id}` · "
        f"updated {model.fmt_time(model.now_ms())}"
    )
    linked = headline(ov)
    picked = trends(ov)
    death_tolls(ov, linked)
    chosen = [picked, *where_and_who(ov), *entities_and_talks(ov)]
    evidence(ctx, ov, chosen)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import its parts
    st.title("Overview")
    live()
