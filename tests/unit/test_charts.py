"""Chart builders, checked through their Vega-Lite specs (plain dicts, or Altair's to_dict())."""

from __future__ import annotations

import json
from typing import Any

from dashboard import charts

T0 = 1_736_164_800_000  # 2025-01-06 12:00 UTC
SERIES_ROWS = [
    {"bucket_ms": T0 + i * 60_000, "series": s, "value": v}
    for i, (s, v) in enumerate([("articles", 3), ("killed", 12), ("wounded", 30), ("killed", 5)])
]


def layer_with(spec: dict[str, Any], mark: str, data: str = "") -> dict[str, Any]:
    """The first layer (depth-first) whose mark type is ``mark``, with its data name."""
    for layer in spec.get("layer", []):
        name = layer.get("data", {}).get("name", data or spec.get("data", {}).get("name", ""))
        if "layer" in layer:
            try:
                return layer_with(layer, mark, name)
            except LookupError:
                continue
        kind = layer.get("mark", {})
        if (kind.get("type") if isinstance(kind, dict) else kind) == mark:
            return {**layer, "data": {"name": name}}
    msg = f"no {mark} layer"
    raise LookupError(msg)


def values(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["datasets"][layer["data"]["name"]]


def test_trend_chart_encodings_and_tooltip() -> None:
    spec = charts.trend_chart(SERIES_ROWS, series=("killed", "wounded"), y_title="people")
    json.dumps(spec)  # what Streamlit sends
    points = layer_with(spec, "circle")
    enc = points["encoding"]
    assert enc["x"] == {
        "field": "bucket_ms", "type": "temporal", "title": "time (UTC)", "scale": {"type": "utc"},
        "axis": {"labelExpr": "utcFormat(datum.value, '%d %b %H:%M')", "labelOverlap": True},
    }  # fmt: skip
    assert enc["y"]["field"] == "value" and enc["y"]["title"] == "people"
    assert enc["y"]["axis"] == {"tickMinStep": 1, "format": ",d"}
    assert enc["color"]["scale"] == {"domain": ["killed", "wounded"],
                                     "range": ["#c0392b", "#e67e22"]}  # fmt: skip
    assert [t["field"] for t in enc["tooltip"]] == ["time", "series", "value", "bucket"]
    rows = values(spec, points)
    assert [(r["series"], r["value"]) for r in rows] == [("killed", 12), ("wounded", 30),
                                                          ("killed", 5)]  # fmt: skip
    assert rows[0]["time"] == "2025-01-06 12:01:00 UTC"
    layer_with(spec, "line")


def test_trend_chart_selections() -> None:
    spec = charts.trend_chart(SERIES_ROWS)
    params = {p["name"]: p for p in layer_with(spec, "circle")["params"]}
    assert params["brush"]["select"] == {"type": "interval", "encodings": ["x"]}
    assert params["pick"]["select"] == {
        "type": "point", "fields": ["bucket_ms", "series"], "on": "click"
    }  # fmt: skip


def test_the_partial_last_bucket_is_shaded_and_said() -> None:
    last = T0 + 3 * 60_000
    spec = charts.trend_chart(SERIES_ROWS, series=("killed",), partial_ms=last, bucket_ms=60_000)
    band = layer_with(spec, "rect")
    assert spec["layer"][0] is not band and spec["layer"][0]["mark"]["type"] == "rect"  # under
    assert values(spec, band) == [{"start": last, "end": last + 60_000, "note": "still filling"}]
    assert band["encoding"]["x"]["axis"] == layer_with(spec, "line")["encoding"]["x"]["axis"]
    marked = {r["bucket_ms"]: r["bucket"] for r in values(spec, layer_with(spec, "circle"))}
    assert marked == {T0 + 60_000: "complete", last: "partial (still filling)"}
    assert "partial" not in charts.trend_chart(SERIES_ROWS)["datasets"]


def test_threshold_rules_are_layered() -> None:
    spec = charts.trend_chart(
        SERIES_ROWS, series=("killed",), thresholds=[("killed > 10", 10), ("surge", 25.5)]
    )
    rule = layer_with(spec, "rule")
    assert rule["mark"]["strokeDash"] == [6, 4]
    assert rule["encoding"]["y"] == {"field": "value", "type": "quantitative"}
    assert values(spec, rule) == [{"label": "killed > 10", "value": 10.0},
                                  {"label": "surge", "value": 25.5}]  # fmt: skip
    text = layer_with(spec, "text")
    assert text["encoding"]["text"] == {"field": "label", "type": "nominal"}


def test_no_thresholds_no_rules() -> None:
    spec = charts.trend_chart(SERIES_ROWS)
    assert "rule" not in str([layer.get("mark") for layer in spec["layer"]])
    assert len(spec["layer"]) == 2


def test_threshold_rules_alone() -> None:
    spec = charts.threshold_rules([("a", 1)]).to_dict()
    assert layer_with(spec, "rule")["encoding"]["tooltip"][0]["title"] == "alert"


def test_negotiation_chart_colours_types_and_shows_mediators() -> None:
    rows = [
        {"event_ms": T0, "event": "talks_resumed", "mediators": "Qatar, Egypt",
         "parties": "Israel, Hamas", "source": "AP", "title": "Talks"},
        {"event_ms": T0 + 1, "event": "vote_postponed", "mediators": "", "parties": "Israel",
         "source": "AP", "title": "Vote"},
    ]  # fmt: skip
    spec = charts.negotiation_chart(rows)
    enc = spec["encoding"]
    assert enc["color"]["field"] == enc["y"]["field"] == "event type"  # plain English
    shown = [r["event type"] for r in spec["datasets"][spec["data"]["name"]]]
    assert shown == ["talks resumed", "vote postponed"]
    assert enc["x"]["scale"] == {"type": "utc"}
    assert "mediators" in [t["field"] for t in enc["tooltip"]]
    assert spec["params"][0]["select"]["fields"] == ["event_ms", "event"]


def test_entity_chart_sorted_bars_with_pick() -> None:
    rows = [{"name": "Qatar", "mentions": 2}, {"name": "Egypt", "mentions": 1}]
    spec = charts.entity_chart(rows, "Top actors")
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["sort"] == "-x"
    assert spec["encoding"]["x"]["field"] == "mentions"
    assert spec["params"][0] == {
        "name": "pick", "select": {"type": "point", "fields": ["name"], "on": "click"}
    }  # fmt: skip
    assert spec["title"] == "Top actors"


def test_rate_chart() -> None:
    spec = charts.rate_chart([{"minute_ms": T0, "articles": 4}]).to_dict()
    assert spec["encoding"]["y"]["field"] == "articles"
    assert spec["datasets"][spec["data"]["name"]][0]["time"] == "2025-01-06 12:00:00 UTC"


def test_builders_accept_empty_rows() -> None:
    plain = (charts.trend_chart([]), charts.negotiation_chart([]),
             charts.entity_chart([], "Top actors"), charts.source_chart([]))  # fmt: skip
    for spec in (*plain, charts.rate_chart([]).to_dict()):
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")


def _labelled(spec: Any) -> list[dict[str, Any]]:
    """Every nominal channel with an axis or legend, anywhere in ``spec``."""
    found = []
    if isinstance(spec, dict):
        if spec.get("type") == "nominal" and ("axis" in spec or "legend" in spec):
            found.append(spec)
        for value in spec.values():
            found += _labelled(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _labelled(value)
    return found


def test_no_chart_label_is_cut_short() -> None:
    """Vega-Lite cuts axis and legend labels at 180 px with an ellipsis unless told not to."""
    rows = [{"name": "United Nations Relief and Works Agency", "mentions": 2}]
    specs = [
        charts.trend_chart(SERIES_ROWS, series=("killed", "wounded")),
        charts.negotiation_chart([{"event_ms": T0, "event": "humanitarian_pause", "mediators": "",
                                   "parties": "", "source": "AP", "title": "t"}]),
        charts.entity_chart(rows, "Top actors"),
        charts.source_chart([{"source": "Office for the Coordination of Humanitarian Affairs",
                              "articles": 1, "killed": 0, "wounded": 0}]),
    ]  # fmt: skip
    for spec in specs:
        channels = _labelled(spec)
        assert channels, spec.get("title")
        for channel in channels:
            guide = channel.get("axis") or channel.get("legend")
            assert guide is None or guide.get("labelLimit") == 0, channel
