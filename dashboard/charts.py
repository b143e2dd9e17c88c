"""Pure Altair chart builders: rows in, ``alt.Chart``/``alt.LayerChart`` out.

Times travel as epoch ms (``*_ms`` fields) on a UTC time scale, with a preformatted
``time`` string for tooltips. The Overview's charts are plain Vega-Lite dicts (Altair's
validation cost more than the page's queries); the other pages' charts stay Altair.
Charts that drive the drill-down carry a point selection named ``pick``; the trend chart
also carries an x-interval ``brush``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]  # Streamlit's, no stubs

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
Spec = dict[str, Any]  # a plain Vega-Lite spec, what Streamlit sends to the browser


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


VEGA_LITE = "https://vega.github.io/schema/vega-lite/v6.json"
PARTIAL = "partial (still filling)"
PARTIAL_SHADE = "#9e9e9e"


def time_axis(field: str, label_format: str = DAY_LABEL, title: str = "time (UTC)") -> Spec:
    """:func:`time_x` as a plain Vega-Lite channel."""
    axis = {"labelExpr": f"utcFormat(datum.value, '{label_format}')", "labelOverlap": True}
    return {"field": field, "type": "temporal", "title": title, "scale": {"type": "utc"},
            "axis": axis}  # fmt: skip


def _tip(field: str, title: str, kind: str = "nominal", fmt: str = "") -> Spec:
    tip = {"field": field, "type": kind, "title": title}
    return {**tip, "format": fmt} if fmt else tip


def _threshold_specs(thresholds: Sequence[tuple[str, float]]) -> list[Spec]:
    y = {"field": "value", "type": "quantitative"}
    data = {"name": "thresholds"}
    rule = {
        "data": data,
        "mark": {"type": "rule", "color": THRESHOLD_COLOR, "strokeDash": [6, 4], "size": 2},
        "encoding": {
            "y": y,
            "tooltip": [_tip("label", "alert"), _tip("value", "threshold", "quantitative")],
        },
    }
    text = {
        "data": data,
        "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "color": THRESHOLD_COLOR},
        "encoding": {"y": y, "x": {"value": 0}, "text": {"field": "label", "type": "nominal"}},
    }
    return [rule, text]  # fmt: skip


def _partial_spec(label_format: str) -> Spec:
    """A grey band over the still-filling last bucket, so its low value reads as partial."""
    return {
        "data": {"name": "partial"},
        "mark": {"type": "rect", "color": PARTIAL_SHADE, "opacity": 0.15},
        "encoding": {"x": time_axis("start", label_format), "x2": {"field": "end"},
                     "tooltip": [_tip("note", "last bucket")]},
    }  # fmt: skip


def trend_chart(
    rows: Sequence[dict[str, Any]],
    *,
    series: Sequence[str] = ("articles",),
    y_title: str = "count per bucket",
    thresholds: Sequence[tuple[str, float]] = (),
    label_format: str = DAY_LABEL,
    partial_ms: int | None = None,
    bucket_ms: int = 0,
) -> Spec:
    """Lines per series over time, with a brush on x, clickable points and alert rules.

    A plain Vega-Lite spec: Altair's validating builders cost more than the queries.
    The rows travel once, as the ``trend`` dataset; the alert rules have their own. The
    bucket starting at ``partial_ms`` (``bucket_ms`` long) is still filling: it is shaded
    and its tooltip says so.
    """
    kept = [
        {**r, "time": fmt_time(int(r["bucket_ms"])),
         "bucket": PARTIAL if r["bucket_ms"] == partial_ms else "complete"}
        for r in rows if r["series"] in series
    ]  # fmt: skip
    colors = {"domain": list(series), "range": [SERIES_COLORS.get(s, "#777") for s in series]}
    encoding = {
        "x": time_axis("bucket_ms", label_format),
        "y": {"field": "value", "type": "quantitative", "title": y_title,
              "axis": {"tickMinStep": 1, "format": ",d"}},
        "color": {"field": "series", "type": "nominal", "title": None, "scale": colors,
                  "legend": {"orient": "top", "labelLimit": 0}},
    }  # fmt: skip
    pick = {"name": PICK, "select": {"type": "point", "fields": ["bucket_ms", "series"],
                                     "on": "click"}}  # fmt: skip
    brush = {"name": BRUSH, "select": {"type": "interval", "encodings": ["x"]}}
    tooltip = [_tip("time", "bucket start"), _tip("series", "series"),
               _tip("value", "value", "quantitative", ","), _tip("bucket", "bucket")]  # fmt: skip
    points = {"mark": {"type": "circle", "size": 60}, "params": [brush, pick],
              "encoding": {**encoding, "tooltip": tooltip,
                           "opacity": {"condition": {"param": PICK, "value": 1.0},
                                       "value": 0.55}}}  # fmt: skip
    layers = [{"mark": {"type": "line", "interpolate": "monotone"}, "encoding": encoding}, points]
    datasets: dict[str, list[dict[str, Any]]] = {"trend": kept}
    if partial_ms is not None and kept:
        end = partial_ms + max(bucket_ms, 1)
        datasets["partial"] = [{"start": partial_ms, "end": end, "note": "still filling"}]
        layers.insert(0, _partial_spec(label_format))
    if thresholds:
        datasets["thresholds"] = [{"label": label, "value": float(v)} for label, v in thresholds]
        layers += _threshold_specs(thresholds)
    return {"$schema": VEGA_LITE, "height": 260, "data": {"name": "trend"},
            "datasets": datasets, "layer": layers}  # fmt: skip


def event_label(event: str) -> str:
    """A negotiation event type in plain English: ``humanitarian_pause`` as it reads."""
    return event.replace("_", " ")


def negotiation_chart(rows: Sequence[dict[str, Any]], label_format: str = DAY_LABEL) -> Spec:
    """Negotiation events on a time axis, one row and colour per event type (plain spec)."""
    kept = [
        {**r, "time": fmt_time(int(r["event_ms"])), "event type": event_label(r["event"])}
        for r in rows
    ]
    pick = {"name": PICK, "select": {"type": "point", "fields": ["event_ms", "event"],
                                     "on": "click"}}  # fmt: skip
    return {
        "$schema": VEGA_LITE,
        "data": {"name": "negotiations"},
        "datasets": {"negotiations": kept},
        "mark": {"type": "circle", "size": 140, "opacity": 0.85},
        "params": [pick],
        "height": {"step": 28},
        "encoding": {
            "x": time_axis("event_ms", label_format),
            "y": {"field": "event type", "type": "nominal", "title": None,
                  "axis": {"labelLimit": 0}},
            "color": {"field": "event type", "type": "nominal", "title": "event",
                      "legend": None},
            "tooltip": [_tip("time", "time"), _tip("event type", "event"),
                        _tip("mediators", "mediators"), _tip("parties", "parties"),
                        _tip("source", "source"), _tip("title", "article")],
        },
    }  # fmt: skip


def entity_chart(rows: Sequence[dict[str, Any]], title: str) -> Spec:
    """Horizontal bars: mentions of each name, most first; click to drill down (plain spec)."""
    pick = {"name": PICK, "select": {"type": "point", "fields": ["name"], "on": "click"}}
    return {
        "$schema": VEGA_LITE,
        "title": title,
        "data": {"name": "entities"},
        "datasets": {"entities": [dict(r) for r in rows]},
        "mark": {"type": "bar"},
        "params": [pick],
        "encoding": {
            "x": {"field": "mentions", "type": "quantitative", "title": "mentions",
                  "axis": {"tickMinStep": 1, "format": ",d"}},
            "y": {"field": "name", "type": "nominal", "title": None, "sort": "-x",
                  "axis": {"labelLimit": 0}},
            "tooltip": [_tip("name", title.lower()),
                        _tip("mentions", "mentions", "quantitative", ",")],
            "opacity": {"condition": {"param": PICK, "value": 1.0}, "value": 0.6},
        },
    }  # fmt: skip


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
        "$schema": VEGA_LITE,
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


def arrow_datasets(spec: Spec) -> Spec:
    """``spec`` with its named datasets as Arrow IPC bytes, the form Streamlit sends them in.

    Streamlit would otherwise turn each list of rows into a pandas frame first, which costs
    more than the queries behind the chart. A column whose values Arrow cannot hold in one
    type keeps its dataset as rows (Streamlit converts those itself).
    """
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    return {**spec, "datasets": {name: _arrow(rows) for name, rows in datasets.items()}}


def _arrow(rows: list[dict[str, Any]]) -> bytes | list[dict[str, Any]]:
    names = list(dict.fromkeys(key for row in rows for key in row))
    try:
        table = pa.table({name: [row.get(name) for row in rows] for name in names})
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return rows
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())
