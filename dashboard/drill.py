"""What a drill-down shows: a :class:`Drill` names the metrics behind one figure or point.

Built from a headline figure, or from the selection state Streamlit returns for an
Altair chart (``{"pick": [{...}], "brush": {"bucket_ms": [start, end]}}``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from consumers.incidents.places import compatible
from dashboard.model import Overview, Window, fmt_time

SERIES_MATCH: dict[str, dict[str, str]] = {
    "killed": {"family": "casualty", "kind": "killed", "scope": "incident"},
    "wounded": {"family": "casualty", "kind": "wounded", "scope": "incident"},
    "negotiations": {"family": "negotiation"},
}


@dataclass(frozen=True)
class Drill:
    """A figure to explain: metrics matching ``match`` in ``[start_ms, end_ms)``.

    ``articles`` drills show the articles of the span instead (the article count).
    """

    label: str
    start_ms: int
    end_ms: int
    family: str | None = None
    kind: str | None = None
    scope: str | None = None
    place: str | None = None
    articles: bool = False
    source: str | None = None

    def match(self) -> dict[str, str]:
        """The metric filters, for :func:`wirewatch.store.queries.drilldown`."""
        fields = {
            "family": self.family,
            "kind": self.kind,
            "scope": self.scope,
            "place": self.place,
        }
        return {k: v for k, v in fields.items() if v is not None}


def is_selected(selection: Mapping[str, Any]) -> bool:
    """Whether a chart's selection state holds anything (``{"pick": {}, "brush": {}}`` doesn't)."""
    return any(bool(value) for value in selection.values())


def first_selected(*selections: Mapping[str, Any]) -> dict[str, Any]:
    """The first selection that holds something, else an empty one."""
    return next((dict(s) for s in selections if is_selected(s)), {})


CHART = "chart"
FIGURE = "figure"


def newest(
    charts: list[Drill], figure: Drill | None, state: MutableMapping[str, Any]
) -> Drill | None:
    """The drill the user asked for last, of the charts' current selections and the figure.

    A chart selection that was not there on the last run wins; a figure picked since
    (``state["source"] = FIGURE``) wins over older chart selections. ``state`` remembers
    the selections seen last (``seen``), the chosen one (``chart``) and who spoke last.
    """
    fresh = [d for d in charts if d not in state.get("seen", [])]
    state["seen"] = list(charts)
    if fresh:
        state["source"], state["chart"] = CHART, fresh[-1]
    chart = state.get("chart") if state.get("chart") in charts else None
    chart = chart or (charts[-1] if charts else None)
    if state.get("source") == CHART and chart is not None:
        return chart
    return figure or chart


def series_drill(series: str, start_ms: int, end_ms: int, label: str) -> Drill:
    """The drill of one trend series over a span."""
    if series not in SERIES_MATCH:
        return Drill(label, start_ms, end_ms, articles=True)
    match = SERIES_MATCH[series]
    return Drill(
        label, start_ms, end_ms, match.get("family"), match.get("kind"), match.get("scope")
    )


def figure_drills(ov: Overview) -> dict[str, Drill]:
    """The headline figures one can drill into, by label."""
    w = ov.window
    found = {
        "Articles": Drill("Articles", w.start_ms, w.end_ms, articles=True),
        "People killed (new incidents)": series_drill("killed", w.start_ms, w.end_ms, "killed"),
        "People wounded (new incidents)": series_drill("wounded", w.start_ms, w.end_ms, "wounded"),
        "Negotiation events": series_drill("negotiations", w.start_ms, w.end_ms, "negotiations"),
    }
    for toll in ov.tolls:
        label = f"Death toll: {toll['place'] or 'unspecified place'}"
        found[label] = Drill(label, 0, w.end_ms, "casualty", "killed", "cumulative", toll["place"])
    return found


def trend_drill(selection: Mapping[str, Any], bucket_ms: int) -> Drill | None:
    """The drill for a clicked point, else for a brushed range, of the trend chart."""
    picked = selection.get("pick") or []
    if picked and "bucket_ms" in picked[0]:
        start, series = _ms(picked[0]["bucket_ms"]), picked[0].get("series", "articles")
        label = f"{series} in the bucket from {fmt_time(start)}"
        return series_drill(series, start, start + bucket_ms, label)
    span = brushed(selection)
    if span:
        label = f"articles from {fmt_time(span.start_ms)} to {fmt_time(span.end_ms)}"
        return Drill(label, span.start_ms, span.end_ms, articles=True)
    return None


def brushed(selection: Mapping[str, Any]) -> Window | None:
    """The x range of the ``brush`` selection, if one is drawn."""
    bounds = (selection.get("brush") or {}).get("bucket_ms")
    if not bounds or len(bounds) != 2:
        return None
    start, end = sorted(_ms(b) for b in bounds)
    return Window(start, end + 1) if end >= start else None


def point_drill(selection: Mapping[str, Any], window: Window, category: str) -> Drill | None:
    """The drill for a clicked bar of an entity chart or a negotiation event."""
    picked = (selection.get("pick") or [{}])[0]
    if "name" in picked:
        kind = f"{category}:{picked['name']}"
        return Drill(
            f"{category} {picked['name']}",
            window.start_ms,
            window.end_ms,
            family="signal",
            kind=kind,
        )
    if "source" in picked:
        return Drill(f"articles from {picked['source']}", window.start_ms, window.end_ms,
                     articles=True, source=picked["source"])  # fmt: skip
    if "place" in picked and "kind" in picked:
        return Drill(f"{picked['kind']} in {picked['place']} (incidents)", window.start_ms,
                     window.end_ms, "casualty", picked["kind"], "incident",
                     picked["place"])  # fmt: skip
    if "event_ms" in picked and "event" in picked:
        at = _ms(picked["event_ms"])
        return Drill(
            f"{picked['event']} at {fmt_time(at)}",
            at,
            at + 1,
            family="negotiation",
            kind=picked["event"],
        )
    return None


def _ms(value: Any) -> int:
    """Epoch ms from a selection value: a number, or an ISO time string."""
    if isinstance(value, str):
        return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1000)
    return int(value)


INCIDENT_KINDS = ("killed", "wounded")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$<>])")


def incident_kind(target: Drill) -> str | None:
    """The incident kind a drill's figure adds up (killed or wounded incidents), else None."""
    if target.family == "casualty" and target.scope == "incident" and target.kind in INCIDENT_KINDS:
        return target.kind
    return None


def place_fits(incident: Mapping[str, Any], place: str | None) -> bool:
    """Whether an incident belongs to a drill on ``place`` (None: any place); a region holds
    its places ("Gaza" holds an incident in Rafah)."""
    return place is None or (incident["place"] is not None and compatible(incident["place"], place))


def incident_label(incident: Mapping[str, Any]) -> str:
    """``19 killed · Khan Younis · reported 15–24 · 5 articles · first 3 Mar 09:00``."""
    low, high = incident["low"], incident["high"]
    spread = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    count = incident["articles"]
    return (f"{incident['figure']:,} {incident['kind']} · {incident['place'] or 'place unknown'}"
            f" · reported {spread} · {count} article{'s' if count != 1 else ''}"
            f" · first {fmt_time(incident['first_ms'])}")  # fmt: skip


def plain(text: str, limit: int = 160) -> str:
    """``text`` shortened and with Markdown escaped, for a button label (article text is not
    ours: ``*``, ``[..](..)`` or ``:emoji:`` must show as written)."""
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return _MARKDOWN.sub(r"\\\1", " ".join(short.split()))
