"""Pure Altair chart builders: rows in, ``alt.Chart``/``alt.LayerChart`` out.

Times travel as epoch ms (``*_ms`` fields) on a UTC time scale, with a preformatted
``time`` string for tooltips. Charts that drive the drill-down carry a point
selection named ``pick``; the trend chart also carries an x-interval ``brush``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from dashboard.model import fmt_time

BRUSH = "brush"
PICK = "pick"
SERIES_COLORS = {
    "articles": "#4c78a8",
    "killed": "#c0392b",
    "wounded": "#e67e22",
    "negotiations": "#27ae60",
}
THRESHOLD_COLOR = "#8e44ad"


def _frame(rows: Sequence[dict[str, Any]], time_field: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    if time_field and not frame.empty:
        frame["time"] = [fmt_time(int(ms)) for ms in frame[time_field]]
    return frame


def _time_x(field: str) -> alt.X:
    # an explicit 24-hour UTC label: the default multi-format shows "03:35" for 15:35
    axis = alt.Axis(labelExpr="utcFormat(datum.value, '%d %b %H:%M')", labelOverlap=True)
    return alt.X(f"{field}:T", title="time (UTC)", scale=alt.Scale(type="utc"), axis=axis)


def threshold_rules(thresholds: Sequence[tuple[str, float]]) -> alt.LayerChart:
    """Horizontal dashed rules, one per ``(label, value)`` alert threshold, labelled."""
    return alt.LayerChart(layer=_threshold_layers(thresholds))


def _threshold_layers(thresholds: Sequence[tuple[str, float]]) -> list[alt.Chart]:
    frame = pd.DataFrame(
        [{"label": label, "value": float(value)} for label, value in thresholds],
        columns=["label", "value"],
    )
    base = alt.Chart(frame).encode(y=alt.Y("value:Q"))
    rules = base.mark_rule(color=THRESHOLD_COLOR, strokeDash=[6, 4], size=2).encode(
        tooltip=[alt.Tooltip("label:N", title="alert"), alt.Tooltip("value:Q", title="threshold")]
    )
    labels = base.mark_text(align="left", dx=4, dy=-6, color=THRESHOLD_COLOR).encode(
        x=alt.value(0), text="label:N"
    )
    return [rules, labels]


def trend_chart(
    rows: Sequence[dict[str, Any]],
    *,
    series: Sequence[str] = ("articles",),
    y_title: str = "count per bucket",
    thresholds: Sequence[tuple[str, float]] = (),
) -> alt.LayerChart:
    """Lines per series over time, with a brush on x, clickable points and alert rules.

    The rows travel once, on the layer chart; the alert rules sit beside the lines as
    flat layers with their own rows (nesting or per-layer copies only cost time).
    """
    frame = _frame([r for r in rows if r["series"] in series], "bucket_ms")
    colors = alt.Scale(domain=list(series), range=[SERIES_COLORS.get(s, "#777") for s in series])
    base = alt.Chart().encode(
        x=_time_x("bucket_ms"),
        y=alt.Y("value:Q", title=y_title, axis=alt.Axis(tickMinStep=1, format=",d")),
        color=alt.Color("series:N", title=None, scale=colors, legend=alt.Legend(orient="top")),
    )
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    pick = alt.selection_point(name=PICK, fields=["bucket_ms", "series"], on="click")
    points = base.mark_circle(size=60).encode(
        tooltip=[
            alt.Tooltip("time:N", title="bucket start"),
            alt.Tooltip("series:N", title="series"),
            alt.Tooltip("value:Q", title="value", format=","),
        ],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
    )
    layers = [base.mark_line(interpolate="monotone"), points.add_params(brush, pick)]
    if thresholds:
        layers += _threshold_layers(thresholds)
    return alt.LayerChart(data=frame, layer=layers, height=260)


def negotiation_chart(rows: Sequence[dict[str, Any]]) -> alt.Chart:
    """Negotiation events on a time axis, one row and colour per event type."""
    frame = _frame(rows, "event_ms")
    pick = alt.selection_point(name=PICK, fields=["event_ms", "event"], on="click")
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_circle(size=140, opacity=0.85)
        .encode(
            x=_time_x("event_ms"),
            y=alt.Y("event:N", title=None),
            color=alt.Color("event:N", title="event", legend=None),
            tooltip=[
                alt.Tooltip("time:N", title="time"),
                alt.Tooltip("event:N", title="event"),
                alt.Tooltip("mediators:N", title="mediators"),
                alt.Tooltip("parties:N", title="parties"),
                alt.Tooltip("source:N", title="source"),
                alt.Tooltip("title:N", title="article"),
            ],
        )
        .add_params(pick)
        .properties(height=alt.Step(28))
    )
    return chart


def entity_chart(rows: Sequence[dict[str, Any]], title: str) -> alt.Chart:
    """Horizontal bars: mentions of each name, most first; click to drill down."""
    frame = _frame(rows)
    pick = alt.selection_point(name=PICK, fields=["name"], on="click")
    chart: alt.Chart = (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            x=alt.X("mentions:Q", title="mentions", axis=alt.Axis(tickMinStep=1, format=",d")),
            y=alt.Y("name:N", title=None, sort="-x"),
            tooltip=[
                alt.Tooltip("name:N", title=title.lower()),
                alt.Tooltip("mentions:Q", title="mentions", format=","),
            ],
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.6)),
        )
        .add_params(pick)
    )
    return chart


def rate_chart(rows: Sequence[dict[str, Any]]) -> alt.Chart:
    """Articles processed per minute, as bars."""
    frame = _frame(rows, "minute_ms")
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar(color=SERIES_COLORS["articles"])
        .encode(
            x=_time_x("minute_ms"),
            y=alt.Y("articles:Q", title="articles processed / min"),
            tooltip=[
                alt.Tooltip("time:N", title="minute"),
                alt.Tooltip("articles:Q", title="processed", format=","),
            ],
        )
        .properties(height=180)
    )
    return chart
