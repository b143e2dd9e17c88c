"""Benchmark the extraction engine: quality on the corpora, speed and memory on one core.

Run: ``python bench/bench_extract.py [--articles N] [--words W]``. Prints the per-category
precision/recall/F1 tables (markdown) for the tuning corpus and the held-out corpus, then
articles per second for ~W-word synthetic articles built from corpus sentences, the time
for one 1 MB article, and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consumers.extraction import extract  # noqa: E402
from consumers.extraction.evaluate import evaluate, load_corpus, markdown  # noqa: E402

DATA = ROOT / "tests" / "data"


def build_articles(sentences: list[str], count: int, words: int, seed: int = 7) -> list[str]:
    """``count`` synthetic articles of about ``words`` words, sentences drawn at random."""
    rng = random.Random(seed)
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


def throughput(articles: list[str]) -> float:
    """Articles per second, one core, after a short warm-up."""
    for text in articles[:20]:
        extract(text)
    start = time.perf_counter()
    for text in articles:
        extract(text)
    return len(articles) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="synthetic articles to time")
    parser.add_argument("--words", type=int, default=600, help="words per synthetic article")
    args = parser.parse_args()

    corpus = load_corpus(DATA / "extraction_corpus.jsonl")
    heldout = load_corpus(DATA / "extraction_heldout.jsonl")
    print(f"## Tuning corpus ({len(corpus)} cases)\n\n{markdown(evaluate(corpus, extract))}\n")
    print(f"## Held-out corpus ({len(heldout)} cases)\n\n{markdown(evaluate(heldout, extract))}\n")

    sentences = [case["text"] for case in corpus + heldout]
    articles = build_articles(sentences, args.articles, args.words)
    mean_words = sum(len(a.split()) for a in articles) / len(articles)
    rate = throughput(articles)
    print(f"## Speed (one core)\n\n{rate:,.0f} articles/s on {len(articles)} articles "
          f"of {mean_words:.0f} words ({rate * mean_words:,.0f} words/s)")  # fmt: skip

    big = " ".join(build_articles(sentences, 1, 170_000))[:1_000_000]
    start = time.perf_counter()
    extract(big)
    print(f"1 MB article: {time.perf_counter() - start:.2f} s")

    tracemalloc.start()
    for text in articles[:200]:
        extract(text)
    extract(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced memory: {peak / 2**20:.1f} MiB; peak RSS: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
