"""The wire codec: µs per event to encode and decode the metric event and the article event.

    python bench/bench_codec.py [--count 2000] [--repeat 7]

Extracts synthetic articles once, then times, single thread, best of ``--repeat`` runs:
encoding each metric event (``ArticleMetrics.encode``, once per article in the extractor),
decoding and validating it (``ArticleMetrics.decode``, in the alert evaluator and the
incidents service) and decoding an article event (``ArticleEvent.decode``, the extractor's
first step). Run it against another checkout to compare:
``PYTHONPATH=/path/to/other python bench/bench_codec.py`` (the line "code:" says which).

``--work N`` only extracts N articles and builds and encodes their metric events, the
extractor's per-article work, for counting instructions free of load:
``valgrind --tool=callgrind python bench/bench_codec.py --work 150``, less the count of
``--work 0`` (start-up), divided by 150.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import wirewatch
from consumers.extraction import extract
from producers.synthetic import generate
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics, Provenance


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def events(count: int) -> list[ArticleMetrics]:
    """``count`` metric events of synthetic articles, as the extractor builds them."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    return [
        ArticleMetrics(e, extract(e.body, title=e.title), e.ingested_at + timedelta(seconds=1),
                       Provenance("articles", n % 6, n))
        for n, e in enumerate(generate(seed=5, count=count, start=start))
    ]  # fmt: skip


def work(count: int) -> int:
    """Extract ``count`` of 150 articles and encode their metric events (caches warmed)."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    articles = list(generate(seed=9, count=150, start=start))
    extract(articles[0].body, title=articles[0].title)
    for n, e in enumerate(articles[:count]):
        ext = extract(e.body, title=e.title)
        ArticleMetrics(e, ext, e.ingested_at, Provenance("articles", 0, n)).encode()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="events (2000)")
    parser.add_argument("--repeat", type=int, default=7, help="runs, best taken (7)")
    parser.add_argument("--work", type=int, help="only extract and encode this many articles")
    args = parser.parse_args()
    if args.work is not None:
        return work(args.work)
    results = events(args.count)
    metric_raws = [r.encode() for r in results]
    article_raws = [r.article.encode() for r in results]
    metrics = statistics.mean(
        len(r.extraction.casualties) + len(r.extraction.negotiations) + len(r.extraction.signals)
        for r in results
    )

    def encode_metrics() -> None:
        for result in results:
            result.encode()

    def decode_metrics() -> None:
        for raw in metric_raws:
            ArticleMetrics.decode(raw)

    def decode_articles() -> None:
        for raw in article_raws:
            ArticleEvent.decode(raw)

    print(f"code: {Path(wirewatch.__file__).parent.parent}")
    print(f"{args.count} events, {metrics:.1f} metrics and "
          f"{statistics.mean(map(len, metric_raws)):,.0f} bytes per metric event")  # fmt: skip
    print("| step | µs per event |\n| --- | --- |")
    for name, fn in [
        ("encode a metric event", encode_metrics),
        ("decode + validate a metric event", decode_metrics),
        ("decode + validate an article event", decode_articles),
    ]:
        print(f"| {name} | {1e6 * best(fn, args.repeat) / args.count:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
