"""Pure dashboard logic: time windows, bucket sizes, and the data behind the overview.

No Streamlit here: :mod:`dashboard.data` caches these functions and the benchmark
times them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from wirewatch.store import SqlStore, queries

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
WINDOWS: dict[str, int | None] = {
    "Last hour": HOUR,
    "Last day": DAY,
    "Last week": 7 * DAY,
    "All": None,
    "Custom": None,
}
BUCKETS: dict[str, int | None] = {
    "Auto": None,
    "1 min": MINUTE,
    "5 min": 5 * MINUTE,
    "15 min": 15 * MINUTE,
    "1 h": HOUR,
    "6 h": 6 * HOUR,
    "1 day": DAY,
}
MAX_BUCKETS = 720
SERIES = ("articles", "killed", "wounded", "negotiations")


@dataclass(frozen=True)
class Window:
    """A half-open span ``[start_ms, end_ms)`` of event time; ``relative`` windows move."""

    start_ms: int
    end_ms: int
    relative: bool = True

    @property
    def length_ms(self) -> int:
        return self.end_ms - self.start_ms

    def previous(self) -> Window | None:
        """The window of equal length just before this one (none for ``All``)."""
        if not self.relative:
            return None
        return Window(self.start_ms - self.length_ms, self.start_ms)


def now_ms() -> int:
    """The current time in epoch ms, rounded up to a whole second (so caches can hit)."""
    return (int(datetime.now(UTC).timestamp()) + 1) * 1000


def resolve_window(
    name: str,
    now: int,
    run_span: tuple[int, int] | None,
    custom: tuple[date, date] | None = None,
) -> Window:
    """The bounds of a named window at ``now``; ``All`` spans the run's events."""
    span = WINDOWS.get(name)
    if span is not None:
        return Window(now - span, now)
    if name == "Custom" and custom:
        start = datetime.combine(custom[0], datetime.min.time(), UTC)
        end = datetime.combine(custom[1], datetime.min.time(), UTC) + timedelta(days=1)
        return Window(to_ms(start), to_ms(end))
    first, last = run_span or (now, now)
    return Window(min(first, now), max(last + 1, now), relative=False)


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def pick_bucket(name: str, window: Window) -> int:
    """The bucket size in ms: the named one, else about 60 buckets (never over the cap)."""
    chosen = BUCKETS.get(name)
    if chosen is None:
        sizes = [size for size in BUCKETS.values() if size]
        chosen = next((s for s in sizes if window.length_ms / s <= 60), sizes[-1])
    while window.length_ms / chosen > MAX_BUCKETS:
        chosen *= 2
    return chosen


def fill_buckets(
    rows: list[dict[str, Any]], window: Window, bucket_ms: int, series: tuple[str, ...] = SERIES
) -> list[dict[str, Any]]:
    """Zero-fill missing buckets so lines drop to zero instead of bridging gaps."""
    have = {(r["bucket_ms"], r["series"]): r["value"] for r in rows}
    first = (window.start_ms // bucket_ms) * bucket_ms
    starts = range(first, window.end_ms, bucket_ms)
    return [
        {"bucket_ms": b, "series": s, "value": have.get((b, s), 0)} for s in series for b in starts
    ]


@dataclass(frozen=True)
class Overview:
    """Everything the overview page draws for one window."""

    window: Window
    bucket_ms: int
    figures: dict[str, Any]
    previous: dict[str, Any] | None
    tolls: list[dict[str, Any]]
    previous_tolls: dict[str, int]
    series: list[dict[str, Any]]
    negotiations: list[dict[str, Any]]
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def load_overview(store: SqlStore, run_id: str, window: Window, bucket_ms: int) -> Overview:
    """Run the overview's aggregate queries for ``window`` (and the one before it)."""
    before = window.previous()
    start, end = window.start_ms, window.end_ms
    tolls_then = queries.latest_tolls(store, run_id, start)
    return Overview(
        window=window,
        bucket_ms=bucket_ms,
        figures=queries.overview(store, run_id, start, end),
        previous=queries.overview(store, run_id, before.start_ms, before.end_ms)
        if before
        else None,
        tolls=queries.latest_tolls(store, run_id, end),
        previous_tolls={t["place"]: t["value"] for t in tolls_then},
        series=fill_buckets(
            queries.timeseries(store, run_id, start, end, bucket_ms), window, bucket_ms
        ),
        negotiations=queries.negotiation_timeline(store, run_id, start, end),
        entities=queries.top_entities(store, run_id, start, end),
    )


def delta(current: float, previous: dict[str, Any] | None, key: str) -> float | None:
    """Change of one figure against the previous window, or ``None`` without one."""
    if previous is None:
        return None
    return float(current - previous[key])


def fmt_time(ms: int | None) -> str:
    """Epoch ms as ``2024-05-01 12:00:05 UTC`` (an em dash for none)."""
    if ms is None:
        return "—"
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def fmt_age(ms: int | None, now: int) -> str:
    """How long ago ``ms`` was: ``12 s ago``, ``3 min ago``, ``2 h ago``."""
    if ms is None:
        return "never"
    seconds = max(now - ms, 0) / 1000
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit} ago"
    return f"{seconds:.0f} s ago"
