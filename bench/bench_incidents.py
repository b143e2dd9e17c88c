"""Benchmark incidents: clustering quality on the labelled set, speed and memory at scale.

Run: ``python bench/bench_incidents.py [--articles N] [--hours H]``. Prints

(a) quality on ``tests/data/incidents.jsonl`` (written by ``bench/incidents_set.py``):
    extended B-cubed precision/recall/F1 of incidents against the labels (an article may
    report several incidents), and the total killed of the incidents beside the true total
    and the per-article sum (what the dashboard adds up without incidents);
(b) speed: the added cost per article of story clustering plus incident linking (extraction
    excluded, done beforehand), over N distinct articles spread evenly over H hours, with a
    story horizon of H hours; and the memory the index holds at the end (tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from consumers.extraction import extract  # noqa: E402
from consumers.incidents.batch import make_tracker  # noqa: E402
from consumers.incidents.linking import Linker  # noqa: E402
from consumers.incidents.reports import ArticleInfo, Report, reports_of  # noqa: E402
from consumers.incidents.stories import StoryIndex  # noqa: E402
from consumers.incidents_cli import parse_article  # noqa: E402

SETS = (ROOT / "tests" / "data" / "incidents.jsonl",  # seed 11, used while tuning the linker
        ROOT / "tests" / "data" / "incidents_heldout.jsonl")  # seed 29, never tuned on  # fmt: skip
HOUR = 3_600_000


def bcubed(predicted: dict[str, set[str]], truth: dict[str, set[str]]) -> tuple[float, float]:
    """Extended B-cubed (Amigo et al. 2009) precision and recall over overlapping clusters.

    ``predicted``/``truth`` map an item to the set of clusters it belongs to.
    """

    def pairs(a: dict[str, set[str]], b: dict[str, set[str]]) -> float:
        members: dict[str, set[str]] = defaultdict(set)
        for item, clusters in a.items():
            for c in clusters:
                members[c].add(item)
        scores = []
        for item, clusters in a.items():
            if not clusters:
                continue
            mates = set().union(*(members[c] for c in clusters))
            scores.append(sum(min(len(clusters & a[m]), len(b.get(item, set()) & b.get(m, set())))
                              / len(clusters & a[m]) for m in mates) / len(mates))  # fmt: skip
        return sum(scores) / len(scores) if scores else 0.0

    return pairs(predicted, truth), pairs(truth, predicted)


def quality(path: Path) -> dict[str, Any]:
    """B-cubed and killed totals of the tracker on a labelled set."""
    tracker = make_tracker()
    truth: dict[str, set[str]] = {}
    figures: dict[str, int] = {}
    per_article = 0
    for line in path.read_text().splitlines():
        row = json.loads(line)
        info, text = parse_article(line)
        when = datetime.fromtimestamp(info.published_ms / 1000, UTC)
        extraction = extract(text, title=info.title, published_at=when)
        per_article += extraction.summary.killed
        tracker.add(info, text, extraction)
        truth[info.article_id] = {lab["incident"] for lab in row["labels"]}
        figures.update({lab["incident"]: lab["figure"] for lab in row["labels"]})
    predicted: dict[str, set[str]] = {aid: set() for aid in truth}
    for inc in tracker.incidents.values():
        for aid in inc.articles:
            predicted[aid].add(inc.incident_id)
    precision, recall = bcubed(predicted, truth)
    killed = [i for i in tracker.incidents.values() if i.kind == "killed"]
    return {
        "articles": len(truth), "true incidents": len(figures),
        "found incidents": len(tracker.incidents), "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "true killed": sum(f for k, f in figures.items() if k.endswith("/killed")),
        "incident killed": sum(i.figure.figure for i in killed),
        "per-article killed": per_article, "stories": len(tracker.stories),
    }  # fmt: skip


def stream(count: int, hours: float, seed: int = 5) -> list[tuple[ArticleInfo, str, list[Report]]]:
    """``count`` distinct extracted articles over ``hours``; places spread over 1,000 shards."""
    from incidents_set import build

    rng = random.Random(seed)
    pool = build(seed, count=max(45, count // 3 + 1))
    vocab = [f"w{i}" for i in range(5000)]
    out = []
    step = hours * HOUR / count
    for i in range(count):
        row = pool[i % len(pool)]
        tail = " ".join(rng.choices(vocab, k=60))
        text = f"{row['text']} {tail}."
        info = ArticleInfo(f"s{i}", row["title"], row["source"], int(i * step))
        reps = [replace(r, place=f"{r.place}~{rng.randrange(1000)}" if r.place else None)
                for r in reports_of(info, extract(row["text"]))]  # fmt: skip
        out.append((info, text, reps))
    return out


def _run(articles: list[tuple[ArticleInfo, str, list[Report]]], hours: float) -> tuple[
        StoryIndex, Linker]:  # fmt: skip
    stories, linker = StoryIndex(int(hours * HOUR)), Linker(horizon_ms=int(2 * hours * HOUR))
    for info, text, reps in articles:
        linker.add(reps, stories.add(info.article_id, info.title, text, info.published_ms))
    return stories, linker


def speed(count: int, hours: float) -> dict[str, float]:
    """Added cost per article (a timed pass) and the memory the index holds (a traced pass)."""
    articles = stream(count, hours)
    started = time.process_time()
    stories, linker = _run(articles, hours)
    cpu = time.process_time() - started
    tracemalloc.start()
    held = _run(articles, hours)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del held
    return {"ms/article": 1000 * cpu / count, "held articles": len(stories),
            "open incidents": len(linker), "index MiB": current / 2**20,
            "peak MiB": peak / 2**20}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--hours", type=float, default=24.0)
    args = parser.parse_args()
    print(
        "| set | articles | true incidents | found | B3 P | B3 R | B3 F1 | killed: true | "
        "incidents | per-article sum (today) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in SETS:
        q = quality(path)
        print(f"| {path.name} | {q['articles']} | {q['true incidents']} | {q['found incidents']} "
              f"| {q['precision']:.3f} | {q['recall']:.3f} | {q['f1']:.3f} | {q['true killed']} "
              f"| {q['incident killed']} | {q['per-article killed']} |")  # fmt: skip
    print()
    s = speed(args.articles, args.hours)
    print(f"speed: {args.articles} articles over {args.hours:g} h (story horizon {args.hours:g} h)")
    print("| ms/article (CPU) | articles held | open incidents | index MiB | peak MiB |")
    print("|---|---|---|---|---|")
    print(f"| {s['ms/article']:.3f} | {s['held articles']} | {s['open incidents']} | "
          f"{s['index MiB']:.1f} | {s['peak MiB']:.1f} |")  # fmt: skip
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
