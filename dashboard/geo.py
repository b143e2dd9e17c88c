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

import altair as alt
import pandas as pd

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


def map_chart(points: Sequence[dict[str, Any]], height: int = 380) -> alt.LayerChart:
    """Incident killed/wounded per place on a world outline: sized by figure, coloured by
    kind, clickable (a ``pick`` selection on place and kind)."""
    grid = alt.Chart(alt.graticule(step=[5, 5])).mark_geoshape(
        stroke="#9aa5b1", strokeWidth=0.3, fill=None
    )
    outline = alt.Chart(
        alt.UrlData(url=OUTLINE_URL, format=alt.JsonDataFormat(property="features", type="json"))
    ).mark_geoshape(fill="#d5dbe1", stroke="#8795a1", strokeWidth=0.5, fillOpacity=0.5)
    pick = alt.selection_point(name=PICK, fields=["place", "kind"], on="click")
    kinds = ["killed", "wounded"]
    dots = (
        alt.Chart(
            pd.DataFrame(list(points), columns=["place", "kind", "value", "reports", "lat", "lon"])
        )  # fmt: skip
        .mark_circle(opacity=0.75, stroke="white", strokeWidth=0.8)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            size=alt.Size("value:Q", scale=alt.Scale(range=[40, 1600]), legend=None),
            color=alt.Color(
                "kind:N",
                title=None,
                legend=alt.Legend(orient="top"),
                scale=alt.Scale(domain=kinds, range=[SERIES_COLORS[k] for k in kinds]),
            ),
            tooltip=[
                alt.Tooltip("place:N", title="place"),
                alt.Tooltip("kind:N", title="kind"),
                alt.Tooltip("value:Q", title="people", format=","),
                alt.Tooltip("reports:Q", title="reports", format=","),
            ],
        )  # fmt: skip
        .add_params(pick)
    )
    layered = alt.LayerChart(layer=[grid, outline, dots], height=height)
    return layered.project(type="mercator", fit=_extent(points))
