"""Benchmark the extraction engine: quality on the corpora, speed and memory on one core.

Run: ``python bench/bench_extract.py [--articles N] [--words W]``. Prints the per-category
precision/recall/F1 tables (markdown) for each labelled corpus, then articles per second on

(a) realistic news: ~W-word articles joined from ``producers.synthetic.generate`` (a few
    casualty and negotiation sentences among context, as in wire copy), the target case;
(b) a stress case: ~W-word articles of corpus sentences drawn at random, nearly every
    sentence a casualty or negotiation sentence;
(c) real casualty-dense prose: ~W-word articles joined, in file order, from the real event
    reports of ``.devdata/casualties/short_dev.jsonl`` (built by
    ``scripts/devdata/build_casualties.py``); skipped with a note when that file is absent;

then the time for one 1 MB article, peak memory and the machine. The process is pinned to
one core where the OS allows it; rates are CPU time (``time.process_time``), which other
load on a shared machine disturbs less than wall time (also printed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consumers.extraction import COMPILED, extract  # noqa: E402
from consumers.extraction.evaluate import evaluate, load_corpus, markdown  # noqa: E402
from producers.synthetic import generate  # noqa: E402

DATA = ROOT / "tests" / "data"
REAL = ROOT / ".devdata" / "casualties" / "short_dev.jsonl"
CORPORA = ("extraction_corpus", "extraction_heldout", "extraction_heldout2")


def build_articles(sentences: list[str], count: int, words: int, seed: int = 7) -> list[str]:
    """``count`` dense articles of about ``words`` words, corpus sentences drawn at random."""
    rng = random.Random(seed)  # noqa: S311  # reproducible text, not security
    articles = []
    for _ in range(count):
        parts: list[str] = []
        total = 0
        while total < words:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            total += len(sentence.split())
        articles.append(" ".join(parts))
    return articles


def realistic_articles(count: int, words: int, seed: int = 3) -> list[str]:
    """``count`` articles of about ``words`` words: the title and paragraphs of synthetic
    news stories, joined until long enough."""
    articles: list[str] = []
    parts: list[str] = []
    total = 0
    for event in generate(seed, None):
        for paragraph in [event.title, *event.body.split("\n\n")]:
            parts.append(paragraph)
            total += len(paragraph.split())
            if total >= words:
                articles.append("\n\n".join(parts))
                parts, total = [], 0
                if len(articles) == count:
                    return articles
    return articles


def real_articles(count: int, words: int) -> list[str]:
    """``count`` articles of about ``words`` words joined from real event reports, in file
    order (deterministic); empty when the development data has not been built."""
    if not REAL.exists():
        return []
    with REAL.open(encoding="utf-8") as handle:
        reports = [json.loads(line)["text"] for line in handle]
    articles: list[str] = []
    parts: list[str] = []
    total = 0
    for i in range(count * words):
        report = reports[i % len(reports)]
        parts.append(report)
        total += len(report.split())
        if total >= words:
            articles.append("\n\n".join(parts))
            parts, total = [], 0
            if len(articles) == count:
                break
    return articles


def pin_one_core() -> str:
    """Pin this process to one CPU when the OS allows it; say what was done."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return f"pinned to CPU {min(os.sched_getaffinity(0))}"
    return "not pinned (no sched_setaffinity on this OS)"


def throughput(articles: list[str]) -> tuple[float, float]:
    """Articles per second by CPU time and by wall time, after a short warm-up."""
    for text in articles[:20]:
        extract(text)
    cpu, wall = time.process_time(), time.perf_counter()
    for text in articles:
        extract(text)
    return len(articles) / (time.process_time() - cpu), len(articles) / (time.perf_counter() - wall)


def report_speed(name: str, articles: list[str]) -> None:
    words = sum(len(a.split()) for a in articles) / len(articles)
    sample = [extract(a) for a in articles[:200]]
    found = sum(len(x.casualties) + len(x.negotiations) for x in sample) / len(sample)
    cpu, wall = throughput(articles)
    print(f"- {name}: **{cpu:,.0f} articles/s** (CPU; wall {wall:,.0f}/s) on {len(articles)} "
          f"articles of {words:.0f} words ({cpu * words:,.0f} words/s; {found:.1f} casualty "
          "and negotiation items per article)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="articles to time per case")
    parser.add_argument("--words", type=int, default=600, help="words per article")
    args = parser.parse_args()
    pinned = pin_one_core()

    cases = []
    for name in CORPORA:
        path = DATA / f"{name}.jsonl"
        if path.exists():
            corpus = load_corpus(path)
            cases += corpus
            print(f"## {name} ({len(corpus)} cases)\n\n{markdown(evaluate(corpus, extract))}\n")

    print(f"## Speed (one core: {pinned})\n")
    print(f"{platform.platform()}; {platform.processor() or platform.machine()}; "
          f"Python {platform.python_version()}; os.cpu_count()={os.cpu_count()}; "
          f"engine {'compiled (mypyc)' if COMPILED else 'Python sources'}\n")  # fmt: skip
    report_speed("(a) realistic news", realistic_articles(args.articles, args.words))
    real = real_articles(args.articles, args.words)
    if real:
        report_speed("(c) real casualty-dense prose (ACLED event reports)", real)
    else:
        print(f"- (c) real casualty-dense prose: skipped, {REAL} is absent "
              "(run scripts/devdata/build_casualties.py)")  # fmt: skip
    dense = build_articles([case["text"] for case in cases], args.articles, args.words)
    report_speed("(b) dense corpus sentences (stress)", dense)

    big = " ".join(build_articles([case["text"] for case in cases], 1, 170_000))[:1_000_000]
    start = time.perf_counter()
    extract(big)
    print(f"- 1 MB article (dense): {time.perf_counter() - start:.2f} s")

    tracemalloc.start()
    for text in dense[:200]:
        extract(text)
    extract(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"- peak traced memory: {peak / 2**20:.1f} MiB; peak RSS: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
