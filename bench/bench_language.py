"""Time language detection per article and the memory its model takes.

    .venv/bin/python bench/bench_language.py [--articles 2000]

Articles are the synthetic generator's (English) plus short French and Arabic texts,
truncated to what :func:`wirewatch.language.detect` reads (``SAMPLE_CHARS``). Prints
the model load time, the resident-memory growth from loading it, and the median and
p95 time per article, with the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import time

from producers.synthetic import DEFAULT_START, generate
from wirewatch import language

OTHERS = (
    "Au moins douze personnes ont été tuées lundi lors d'un bombardement sur le marché. " * 8,
    "قُتل اثنا عشر شخصاً في قصف استهدف سوقاً شعبياً في المدينة صباح الاثنين. " * 8,
)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    texts = [e.body for e in generate(7, args.articles, DEFAULT_START)] + list(OTHERS) * 50
    before = rss_mib()
    started = time.perf_counter()
    language.detect("warm up: load the model")
    load = time.perf_counter() - started
    grown = rss_mib() - before
    times = []
    for text in texts:
        t0 = time.perf_counter()
        language.article_language("en", text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"model load: {load:.2f} s, peak RSS growth {grown:.0f} MiB")
    print(
        f"{len(texts)} articles: median {statistics.median(times):.2f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.2f} ms per article"
    )


if __name__ == "__main__":
    main()
