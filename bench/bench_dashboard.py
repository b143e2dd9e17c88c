"""Time one overview refresh (queries + chart specs) over a store of 1,000,000 metric rows.

The refresh includes the map of incidents per place and the breakdown by source.

    .venv/bin/python bench/bench_dashboard.py [--rows 1000000] [--repeat 30] [--keep PATH]

Rows are synthetic and bulk-inserted with ``executemany`` straight into SQLite (the
extractor's ``save`` is far too slow to build a million rows); the rollups are then
built with the rollup migration's own backfill SQL (``rollups.BACKFILL``), which is
what ``save`` would have added row by row. One run, ``live``: 100,000 articles over
the last 7 days, 10 metrics each (casualties, negotiations, signals). Each refresh
runs what the Overview page runs, uncached (the run list included), and builds and
serialises its chart specs; the median and p95 are printed per window, with the machine.
A store kept from an earlier run (``--keep``) is measured as of its newest event, so its
windows hold data however long ago it was built.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from dashboard import charts, geo, model
from wirewatch.store import SqlStore, articles, open_store, queries, rollups

SPAN_MS = 7 * model.DAY
ACTORS = ("Qatar", "Egypt", "Israel", "Hamas", "United States", "UN", "Iran", "Hezbollah")
PLACES = ("Gaza", "Rafah", "Khan Younis", "Jenin", "Beirut", "Doha", "Cairo", "Tel Aviv")
EVENTS = ("talks_resumed", "ceasefire_started", "vote_postponed", "proposal_rejected")
SIGNALS = ("military:airstrike", "military:shelling", "humanitarian:aid_blocked")
DETAIL = '{"parties": ["Israel", "Hamas"], "mediators": ["Qatar", "Egypt"]}'


def metric(rng: random.Random, article_id: str, seq: int, at: int) -> tuple[object, ...]:
    """One synthetic metric row: half signals, a third casualties, the rest negotiations."""
    roll = rng.random()
    sentence = "Synthetic evidence sentence for the benchmark."
    if roll < 0.5:
        kind = rng.choice(
            (*SIGNALS, *(f"actor:{a}" for a in ACTORS), *(f"location:{p}" for p in PLACES))
        )
        return (article_id, seq, "signal", kind, 1, None, None, None, at, sentence)
    if roll < 0.85:
        scope = "cumulative" if rng.random() < 0.1 else "incident"
        kind = rng.choice(("killed", "killed", "wounded", "missing"))
        value = rng.randint(30_000, 40_000) if scope == "cumulative" else rng.randint(1, 40)
        place = rng.choice(PLACES)
        return (article_id, seq, "casualty", kind, value, scope, place, None, at, sentence)
    event = rng.choice(EVENTS)
    return (article_id, seq, "negotiation", event, 1, None, None, DETAIL, at, sentence)


def rows(n_metrics: int, now: int, per_article: int = 10) -> Iterator[tuple[tuple, list]]:
    rng = random.Random(7)
    for i in range(n_metrics // per_article):
        at = now - rng.randrange(SPAN_MS)
        aid = f"a{i:08d}"
        article = (
            aid,
            rng.choice(("Reuters", "AP", "AFP", "BBC")),
            f"Title {i}",
            "Body text. " * 20,
            at,
            at,
            at + 500,
            0,
            0,
            0,
        )
        yield article, [metric(rng, aid, seq, at) for seq in range(per_article)]


def fill(store: SqlStore, n_metrics: int, now: int) -> None:
    """Bulk insert in batches of 10,000 articles, one transaction each."""
    batch_a: list[tuple] = []
    batch_m: list[tuple] = []
    for article, metrics in rows(n_metrics, now):
        batch_a.append(article)
        batch_m.extend(metrics)
        if len(batch_a) == 10_000:
            _flush(store, batch_a, batch_m)
    _flush(store, batch_a, batch_m)
    started = time.perf_counter()
    rollups.rebuild(store)
    print(f"built rollups with the migration's backfill in {time.perf_counter() - started:.1f} s")
    store.analyze()


def _article(a: tuple[object, ...]) -> tuple[object, ...]:
    """A full ``articles`` row of the live run from the synthetic columns."""
    article_id, source, title, body, event, ingested, processed, killed, wounded, neg = a
    return ("live", article_id, source, None, title, body, "en", event, ingested, processed,
            killed, wounded, None, neg, None)  # fmt: skip


def _metric(m: tuple[object, ...]) -> tuple[object, ...]:
    """A full ``metrics`` row of the live run from the synthetic columns."""
    article_id, seq, family, kind, value, scope, place, detail, event, sentence = m
    return ("live", article_id, seq, family, kind, value, None, None, 0, scope, None, place,
            None, None, detail, event, sentence, 0, 40, 3, 9)  # fmt: skip


def _flush(store: SqlStore, batch_a: list[tuple], batch_m: list[tuple]) -> None:
    articles.insert_rows(store, [_article(a) for a in batch_a], [_metric(m) for m in batch_m])
    batch_a.clear()
    batch_m.clear()


def refresh(store: SqlStore, window: model.Window) -> None:
    """What one Overview refresh computes: the run list (every page resolves its window
    with it), the aggregates, then every chart spec, serialised."""
    queries.runs(store)
    bucket = model.pick_bucket("Auto", window)
    ov = model.load_overview(store, "live", window, bucket)
    partial = model.partial_bucket(window, bucket, model.now_ms())
    specs = [
        charts.trend_chart(ov.series, series=("articles", "negotiations"), partial_ms=partial,
                           bucket_ms=bucket),
        charts.trend_chart(ov.series, series=("killed", "wounded"), thresholds=[("x", 5)],
                           partial_ms=partial, bucket_ms=bucket),
        charts.negotiation_chart(ov.negotiations),
        *(charts.entity_chart(found, category) for category, found in ov.entities.items()),
        charts.source_chart(ov.sources),
        geo.map_chart(geo.located(ov.places)[0]),
    ]  # fmt: skip
    for spec in specs:  # what the page hands Streamlit: rows as Arrow, the rest as JSON
        sent = charts.arrow_datasets(spec)
        json.dumps({key: value for key, value in sent.items() if key != "datasets"})


def measure(store: SqlStore, window: model.Window, repeat: int) -> list[float]:
    refresh(store, window)  # warm the page cache once
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        refresh(store, window)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _cpu() -> str:
    """The CPU model from /proc/cpuinfo where there is one."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        lines = []
    names = [line.partition(":")[2].strip() for line in lines if line.startswith("model name")]
    return names[0] if names else platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="metric rows to store")
    parser.add_argument("--repeat", type=int, default=30, help="timed refreshes per window")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store at this path")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="wirewatch-bench-")
    path = args.keep or Path(folder) / "bench.db"
    store = open_store(f"sqlite:///{path.resolve()}")
    now = model.now_ms()
    if store.count("metrics") >= args.rows:  # a kept store: windows end at its newest event
        now = max(r["last_ms"] for r in queries.runs(store)) + 1
    else:
        started = time.perf_counter()
        fill(store, args.rows, now)
        took = time.perf_counter() - started
        print(f"inserted {store.count('metrics'):,} metric rows in {took:.1f} s")
    print(
        f"machine: {_cpu()}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.2f}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, store at {path}"
    )
    for name in ("Last 1 h", "Last 24 h", "Last 7 d", "All"):
        window = model.resolve_window(name, now, (now - SPAN_MS, now))
        times = sorted(measure(store, window, args.repeat))
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:>10}: median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
