"""Pure dashboard logic: time windows, bucket sizes, and the data behind the overview.

No Streamlit here: :mod:`dashboard.data` caches these functions and the benchmark
times them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wirewatch.store import SqlStore, queries

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
# quick ranges, Grafana style: the last N (ending now), or a calendar span in UTC
QUICK: dict[str, int] = {
    "Last 5 min": 5 * MINUTE,
    "Last 15 min": 15 * MINUTE,
    "Last 1 h": HOUR,
    "Last 6 h": 6 * HOUR,
    "Last 24 h": DAY,
    "Last 7 d": 7 * DAY,
    "Last 30 d": 30 * DAY,
}
CALENDAR = ("Today so far", "Yesterday", "This week so far", "Previous week")
ALL = "All"
ABSOLUTE = "Absolute range"
WINDOWS = (*QUICK, *CALENDAR, ALL, ABSOLUTE)
DEFAULT_WINDOW = "Last 1 h"
# names older links use, and what they mean now
WINDOW_ALIASES = {
    "Last hour": "Last 1 h",
    "Last day": "Last 24 h",
    "Last week": "Last 7 d",
    "Custom": ABSOLUTE,
}
BUCKETS: dict[str, int | None] = {
    "Auto": None,
    "1 min": MINUTE,
    "5 min": 5 * MINUTE,
    "15 min": 15 * MINUTE,
    "30 min": 30 * MINUTE,
    "1 h": HOUR,
    "6 h": 6 * HOUR,
    "12 h": 12 * HOUR,
    "1 d": DAY,
    "2 d": 2 * DAY,
    "7 d": 7 * DAY,
}
BUCKET_ALIASES = {"1 day": "1 d"}
MAX_BUCKETS = 720
# sizes a bucket may grow to when the chosen one would draw too many points
HUMAN_SIZES = (
    MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 12 * HOUR,
    DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY,
)  # fmt: skip
# the sizes ``Auto`` picks from: the first that draws at most 60 points
AUTO_SIZES = (MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY,
              30 * DAY, 91 * DAY, 365 * DAY)  # fmt: skip
RATE_SPAN = 10 * MINUTE  # "Articles / min" is the rate over the window's last 10 minutes
YEAR_SPAN = 300 * DAY  # windows longer than this (or crossing New Year) label the year
SERIES = ("articles", "killed", "wounded", "negotiations")


@dataclass(frozen=True)
class Window:
    """A half-open span ``[start_ms, end_ms)`` of event time; ``relative`` windows have a
    previous one to compare with, ``live`` ones end at the moment they were resolved."""

    start_ms: int
    end_ms: int
    relative: bool = True
    live: bool = False  # ends now: its last bucket is still filling

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
    absolute: tuple[int, int] | None = None,
) -> Window:
    """The bounds of a named window at ``now`` (UTC calendar for days and weeks).

    ``All`` spans the run's events; ``Absolute range`` is ``absolute`` (epoch ms), and
    falls back to the default window without one. Older names are understood.
    """
    name = WINDOW_ALIASES.get(name, name)
    if name in QUICK:
        return Window(now - QUICK[name], now, live=True)
    if name in CALENDAR:
        return calendar_window(name, now)
    if name == ABSOLUTE:
        if absolute and absolute[1] > absolute[0]:
            return Window(absolute[0], absolute[1])
        return Window(now - QUICK[DEFAULT_WINDOW], now)
    first, last = run_span or (now, now)
    end = max(last + 1, now)
    return Window(min(first, now), end, relative=False, live=end == now)


def calendar_window(name: str, now: int) -> Window:
    """``Today so far``, ``Yesterday``, ``This week so far`` or ``Previous week`` (weeks
    start on Monday), in UTC."""
    midnight = now // DAY * DAY
    monday = midnight - datetime.fromtimestamp(now / 1000, UTC).weekday() * DAY
    spans = {
        "Today so far": (midnight, now),
        "Yesterday": (midnight - DAY, midnight),
        "This week so far": (monday, now),
        "Previous week": (monday - 7 * DAY, monday),
    }
    start, end = spans[name]
    return Window(start, max(end, start + 1), live=end == now)


MOMENT_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def parse_moment(text: str, *, end: bool = False) -> int:
    """A UTC moment typed as ``2025-01-31``, ``2025-01-31 14:30`` or ``2025-01-31T14:30:05``
    (a trailing ``Z`` or ``UTC`` allowed), in epoch ms. A bare date as the ``end`` of a
    range means the end of that day, so ``2025-01-01`` to ``2025-01-01`` is one day.

    Raises ``ValueError`` with a message for people on anything else.
    """
    cleaned = text.strip().removesuffix("UTC").removesuffix("Z").strip().replace("T", " ")
    for fmt in MOMENT_FORMATS:
        try:
            moment = datetime.strptime(cleaned, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
        whole_day = end and fmt == "%Y-%m-%d"
        return to_ms(moment) + (DAY if whole_day else 0)
    msg = f"{text.strip() or 'nothing'!r} is not a UTC time like 2025-01-31 or 2025-01-31 14:30"
    raise ValueError(msg)


def absolute_range(start: str, end: str) -> tuple[int, int]:
    """The ``[from, to)`` of an absolute range typed as text; ``ValueError`` when it is
    not one (unreadable, or ``to`` not after ``from``)."""
    lo, hi = parse_moment(start), parse_moment(end, end=True)
    if hi <= lo:
        msg = f"the range ends ({fmt_time(hi)}) before it starts ({fmt_time(lo)})"
        raise ValueError(msg)
    return lo, hi


def to_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def pick_bucket(name: str, window: Window) -> int:
    """The bucket size in ms: the named one, else about 60 buckets (never over the cap)."""
    return choose_bucket(name, window)[0]


def choose_bucket(name: str, window: Window) -> tuple[int, str]:
    """The bucket size in ms and, when the chosen size had to grow, a note saying why.

    ``Auto`` aims at about 60 buckets; a named size is kept unless it would draw more
    than :data:`MAX_BUCKETS` points, when it grows to the next human size that fits.
    """
    chosen = BUCKETS.get(BUCKET_ALIASES.get(name, name))
    if chosen is None:
        fits = [s for s in AUTO_SIZES if window.length_ms / s <= 60]
        return (fits[0] if fits else AUTO_SIZES[-1]), ""
    if window.length_ms / chosen <= MAX_BUCKETS:
        return chosen, ""
    grown = next((s for s in HUMAN_SIZES if window.length_ms / s <= MAX_BUCKETS), HUMAN_SIZES[-1])
    count = window.length_ms // chosen
    note = (
        f"Buckets of {fmt_bucket(chosen)} would draw {count:,} points in this window; "
        f"showing buckets of {fmt_bucket(grown)} (at most {MAX_BUCKETS:,} points)."
    )
    return grown, note


def fmt_bucket(ms: int) -> str:
    """A bucket size the way people say it: ``1 min``, ``15 min``, ``6 h``, ``2 d``."""
    for unit, size in (("d", DAY), ("h", HOUR), ("min", MINUTE)):
        if ms >= size and ms % size == 0:
            return f"{ms // size:,} {unit}"
    return f"{ms / 1000:g} s"


def spans_years(window: Window) -> bool:
    """Whether time labels of ``window`` need the year (long, or crossing New Year)."""
    first = datetime.fromtimestamp(window.start_ms / 1000, UTC).year
    last = datetime.fromtimestamp(max(window.end_ms - 1, window.start_ms) / 1000, UTC).year
    return window.length_ms > YEAR_SPAN or first != last


def partial_bucket(window: Window, bucket_ms: int, now: int) -> int | None:
    """The start of the last bucket when it is still filling at ``now`` (else ``None``).

    In a ``live`` window it always is (the window ended when it was resolved, a moment
    before ``now``); in a fixed one, when it reaches past ``now``.
    """
    last = ((window.end_ms - 1) // bucket_ms) * bucket_ms
    return last if window.live or last + bucket_ms > now else None


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
    sources: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)


def load_overview(store: SqlStore, run_id: str, window: Window, bucket_ms: int) -> Overview:
    """Run the overview's aggregate queries for ``window`` (and the one before it)."""
    before = window.previous()
    start, end = window.start_ms, window.end_ms
    tolls_then = queries.latest_tolls(store, run_id, start)
    figures = headline_figures(store, run_id, window)
    return Overview(
        window=window,
        bucket_ms=bucket_ms,
        figures=figures,
        previous=headline_figures(store, run_id, before) if before else None,
        tolls=queries.latest_tolls(store, run_id, end),
        previous_tolls={t["place"]: t["value"] for t in tolls_then},
        series=fill_buckets(
            queries.timeseries(store, run_id, start, end, bucket_ms), window, bucket_ms
        ),
        negotiations=queries.negotiation_timeline(store, run_id, start, end),
        entities=queries.top_entities(store, run_id, start, end),
        sources=queries.source_totals(store, run_id, start, end),
        places=queries.place_casualties(store, run_id, start, end),
    )


def headline_figures(store: SqlStore, run_id: str, window: Window) -> dict[str, Any]:
    """The headline figures of ``window``: totals, and the article rate of its last minutes.

    The rate is measured over the last :data:`RATE_SPAN` of the window, so it reads
    the current pace under ``All`` too (not the mean over the whole run).
    """
    figures = dict(queries.overview(store, run_id, window.start_ms, window.end_ms))
    span = min(RATE_SPAN, max(window.length_ms, MINUTE))
    recent = queries.overview(store, run_id, window.end_ms - span, window.end_ms)
    figures["articles_per_min"] = recent["articles"] / (span / MINUTE)
    figures["rate_minutes"] = span // MINUTE
    return figures


def split_thresholds(
    rules: list[tuple[str, float, str, int]], bucket_ms: int
) -> tuple[list[tuple[str, float]], list[str]]:
    """Which alert thresholds belong on a per-bucket chart, and notes on the others.

    A rule is ``(label, threshold, aggregation, window_seconds)``. Its threshold only
    means something on the chart when the rule sums over exactly one bucket; a rule
    summing over 1 h drawn on 1-min buckets would seem broken by every bucket.
    """
    drawn, notes = [], []
    for label, threshold, aggregation, window_s in rules:
        if aggregation == "sum" and window_s * 1000 == bucket_ms:
            drawn.append((label, threshold))
        else:
            notes.append(
                f"{label}: {aggregation} over {fmt_bucket(window_s * 1000)}, not drawn on "
                f"buckets of {fmt_bucket(bucket_ms)}"
            )
    return drawn, notes


def delta(current: float, previous: dict[str, Any] | None, key: str) -> float | None:
    """Change of one figure against the previous window, or ``None`` without one."""
    if previous is None:
        return None
    return float(current - previous[key])


def fmt_span(start_ms: int, end_ms: int) -> str:
    """A drill span for people: ``a → b``, or ``up to b`` for everything before ``b``."""
    if start_ms <= 0:
        return f"everything reported up to {fmt_time(end_ms)}"
    return f"{fmt_time(start_ms)} → {fmt_time(end_ms)}"


def fmt_time(ms: int | None) -> str:
    """Epoch ms as ``2024-05-01 12:00:05 UTC`` (an em dash for none)."""
    if ms is None:
        return "—"
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def fmt_minute(ms: int) -> str:
    """Epoch ms as ``2024-05-01 12:00``, the way the absolute range is typed (UTC)."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")


def fmt_age(ms: int | None, now: int) -> str:
    """How long ago ``ms`` was: ``12 s ago``, ``3 min ago``, ``2 h ago``."""
    if ms is None:
        return "never"
    seconds = max(now - ms, 0) / 1000
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit} ago"
    return f"{seconds:.0f} s ago"
