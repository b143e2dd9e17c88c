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
ACCENT = "#4c78a8"  # neutral blue: red belongs to "killed" and "firing"
SERIES_COLORS = {
    "articles": ACCENT,
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


DAY_LABEL = "%d %b %H:%M"
YEAR_LABEL = "%d %b %Y"
YEAR_TIME_LABEL = "%d %b %Y %H:%M"


def time_format(with_year: bool = False, days: bool = False) -> str:
    """The d3 time format of a time axis: 24-hour UTC, the year when the span needs it."""
    if with_year:
        return YEAR_LABEL if days else YEAR_TIME_LABEL
    return DAY_LABEL


def time_x(field: str, label_format: str = DAY_LABEL, title: str = "time (UTC)") -> alt.X:
    """A UTC time axis with explicit 24-hour labels (the default shows "03:35" for 15:35)."""
    axis = alt.Axis(labelExpr=f"utcFormat(datum.value, '{label_format}')", labelOverlap=True)
    return alt.X(f"{field}:T", title=title, scale=alt.Scale(type="utc"), axis=axis)


def _time_x(field: str, label_format: str = DAY_LABEL) -> alt.X:
    return time_x(field, label_format)


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
    label_format: str = DAY_LABEL,
    partial_ms: int | None = None,
) -> alt.LayerChart:
    """Lines per series over time, with a brush on x, clickable points and alert rules.

    The rows travel once, on the layer chart; the alert rules sit beside the lines as
    flat layers with their own rows (nesting or per-layer copies only cost time). The
    bucket starting at ``partial_ms`` is still filling: its tooltip says so.
    """
    frame = _frame([r for r in rows if r["series"] in series], "bucket_ms")
    if not frame.empty:
        frame["bucket"] = [
            "partial (still filling)" if ms == partial_ms else "complete"
            for ms in frame["bucket_ms"]
        ]
    colors = alt.Scale(domain=list(series), range=[SERIES_COLORS.get(s, "#777") for s in series])
    base = alt.Chart().encode(
        x=_time_x("bucket_ms", label_format),
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
            alt.Tooltip("bucket:N", title="bucket"),
        ],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
    )
    layers = [base.mark_line(interpolate="monotone"), points.add_params(brush, pick)]
    if thresholds:
        layers += _threshold_layers(thresholds)
    return alt.LayerChart(data=frame, layer=layers, height=260)


def event_label(event: str) -> str:
    """A negotiation event type in plain English: ``humanitarian_pause`` as it reads."""
    return event.replace("_", " ")


def negotiation_chart(rows: Sequence[dict[str, Any]], label_format: str = DAY_LABEL) -> alt.Chart:
    """Negotiation events on a time axis, one row and colour per event type."""
    frame = _frame(rows, "event_ms")
    if not frame.empty:
        frame["event type"] = [event_label(e) for e in frame["event"]]
    pick = alt.selection_point(name=PICK, fields=["event_ms", "event"], on="click")
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_circle(size=140, opacity=0.85)
        .encode(
            x=_time_x("event_ms", label_format),
            y=alt.Y("event type:N", title=None, axis=alt.Axis(labelLimit=0)),
            color=alt.Color("event type:N", title="event", legend=None),
            tooltip=[
                alt.Tooltip("time:N", title="time"),
                alt.Tooltip("event type:N", title="event"),
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
            y=alt.Y("name:N", title=None, sort="-x", axis=alt.Axis(labelLimit=0)),
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


def source_chart(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Articles per source (outlet), busiest first; killed and wounded in the tooltip.

    A plain Vega-Lite spec (cheaper than Altair's validating builders).
    """
    count_axis = {"tickMinStep": 1, "format": ",d"}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": "Articles by source",
        "data": {"values": [dict(r) for r in rows]},
        "mark": {"type": "bar", "color": ACCENT},
        "params": [{"name": PICK, "select": {"type": "point", "fields": ["source"],
                                              "on": "click"}}],
        "encoding": {
            "x": {"field": "articles", "type": "quantitative", "title": "articles",
                  "axis": count_axis},
            "y": {"field": "source", "type": "nominal", "title": None, "sort": "-x",
                  "axis": {"labelLimit": 0}},
            "tooltip": [
                {"field": "source", "type": "nominal", "title": "source"},
                {"field": "articles", "type": "quantitative", "title": "articles", "format": ","},
                {"field": "killed", "type": "quantitative", "title": "killed (reported)",
                 "format": ","},
                {"field": "wounded", "type": "quantitative", "title": "wounded (reported)",
                 "format": ","},
            ],
            "opacity": {"condition": {"param": PICK, "value": 1.0}, "value": 0.6},
        },
    }  # fmt: skip
