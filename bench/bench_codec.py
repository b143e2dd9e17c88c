"""The wire codec: msgspec's typed decode and encode against the hand-written JSON path.

    python bench/bench_codec.py [--count 2000] [--repeat 5]

Decodes and validates synthetic article events (the extractor's first step) and encodes
metric events (its last), best of ``--repeat`` runs, single thread.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from consumers.extraction import extract
from producers.synthetic import generate
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="events (2000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs, best taken (5)")
    args = parser.parse_args()
    events = list(generate(seed=5, count=args.count, start=datetime(2026, 11, 1, tzinfo=UTC)))
    raws = [e.encode() for e in events]
    results = [ArticleMetrics(e, extract(e.body, title=e.title), e.ingested_at) for e in events]

    def hand_decode() -> None:
        for raw in raws:
            ArticleEvent.from_dict(json.loads(raw.decode("utf-8")))

    def typed_decode() -> None:
        for raw in raws:
            ArticleEvent.decode(raw)

    def hand_encode() -> None:
        for result in results:
            json.dumps(result.to_dict(), ensure_ascii=False).encode()

    def codec_encode() -> None:
        for result in results:
            result.encode()

    rows = [
        ("decode + validate an article event", best(hand_decode, args.repeat),
         best(typed_decode, args.repeat)),
        ("encode a metric event", best(hand_encode, args.repeat), best(codec_encode, args.repeat)),
    ]  # fmt: skip
    print("| step | hand-written (json) | msgspec codec | speed-up |\n| --- | --- | --- | --- |")
    for name, before, after in rows:
        print(f"| {name} | {1e6 * before / args.count:.1f} µs | {1e6 * after / args.count:.1f} µs "
              f"| {before / after:.1f}x |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
