"""Where things happen: gazetteer coordinates and the map of incidents per place.

Coordinates come from ``dashboard/places.json`` (approximate, one point per gazetteer
place or country). The country outline is a static file served by Streamlit
(``dashboard/static/world-110m.geojson``), fetched by the browser, so it never
travels with a refresh; a graticule is drawn under it in case it is missing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from dashboard.charts import PICK, SERIES_COLORS

PLACES_FILE = Path(__file__).with_name("places.json")
OUTLINE_URL = "app/static/world-110m.geojson"
PAD_DEGREES = 3.0


@cache
def coordinates() -> dict[str, tuple[float, float]]:
    """Place name -> (lat, lon)."""
    raw = json.loads(PLACES_FILE.read_text())
    return {name: (float(v[0]), float(v[1])) for name, v in raw.items() if not name.startswith("_")}


def located(rows: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows whose place has coordinates (with lat/lon added), and the places without."""
    known = coordinates()
    points, unknown = [], []
    for row in rows:
        at = known.get(row["place"])
        if at is None:
            unknown.append(row["place"])
        else:
            points.append({**row, "lat": at[0], "lon": at[1]})
    return points, sorted(set(unknown))


def _extent(points: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON box around the points (at least 10 degrees wide) for the projection."""
    lats = [p["lat"] for p in points] or [31.5]
    lons = [p["lon"] for p in points] or [34.5]
    south, north = min(lats) - PAD_DEGREES, max(lats) + PAD_DEGREES
    west, east = min(lons) - PAD_DEGREES, max(lons) + PAD_DEGREES
    grow_lat, grow_lon = max(0.0, 10 - (north - south)) / 2, max(0.0, 10 - (east - west)) / 2
    south, north, west, east = south - grow_lat, north + grow_lat, west - grow_lon, east + grow_lon
    ring = [[west, south], [west, north], [east, north], [east, south], [west, south]]
    box = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
                                                            "coordinates": [ring]}}  # fmt: skip
    return {"type": "FeatureCollection", "features": [box]}


def map_chart(points: Sequence[dict[str, Any]], height: int = 380) -> dict[str, Any]:
    """Incident killed/wounded per place on a world outline: sized by figure, coloured by
    kind, clickable (a ``pick`` selection on place and kind).

    A plain Vega-Lite spec: Altair validates every part as it builds one, which costs
    more than the map's queries.
    """
    kinds = ["killed", "wounded"]
    values = [{k: p[k] for k in ("place", "kind", "value", "reports", "lat", "lon")}
              for p in points]  # fmt: skip
    tooltip = [
        {"field": "place", "type": "nominal", "title": "place"},
        {"field": "kind", "type": "nominal", "title": "kind"},
        {"field": "value", "type": "quantitative", "title": "people", "format": ","},
        {"field": "reports", "type": "quantitative", "title": "reports", "format": ","},
    ]
    dots = {
        "data": {"values": values},
        "mark": {"type": "circle", "opacity": 0.75, "stroke": "white", "strokeWidth": 0.8},
        "params": [{"name": PICK, "select": {"type": "point", "fields": ["place", "kind"],
                                              "on": "click"}}],
        "encoding": {
            "longitude": {"field": "lon", "type": "quantitative"},
            "latitude": {"field": "lat", "type": "quantitative"},
            "size": {"field": "value", "type": "quantitative", "legend": None,
                     "scale": {"range": [40, 1600]}},
            "color": {"field": "kind", "type": "nominal", "title": None,
                      "legend": {"orient": "top"},
                      "scale": {"domain": kinds, "range": [SERIES_COLORS[k] for k in kinds]}},
            "tooltip": tooltip,
        },
    }  # fmt: skip
    grid = {
        "data": {"graticule": {"step": [5, 5]}},
        "mark": {"type": "geoshape", "fill": None, "stroke": "#9aa5b1", "strokeWidth": 0.3},
    }
    outline = {
        "data": {"url": OUTLINE_URL, "format": {"type": "json", "property": "features"}},
        "mark": {"type": "geoshape", "fill": "#d5dbe1", "stroke": "#8795a1",
                 "strokeWidth": 0.5, "fillOpacity": 0.5},
    }  # fmt: skip
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": height,
        "projection": {"type": "mercator", "fit": _extent(points)},
        "layer": [grid, outline, dots],
    }
