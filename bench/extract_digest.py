"""Fingerprint the extraction engine's full output, to prove a speed change changes nothing.

Run: ``python bench/extract_digest.py [--out FILE]``. Extracts every input the benchmarks
and accuracy reports read (the bench cases of ``bench/bench_extract.py``, the labelled
corpora of ``tests/data``, the seed articles and, when built, the ``.devdata`` casualty and
negotiation sets) and prints one SHA-256 per input set over the ``wirewatch extract`` JSON
of each item. ``--out`` also writes that JSON, one line per item, so that two versions of
the engine can be compared line by line (``cmp``/``diff`` of the two files).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_extract import build_articles, real_articles, realistic_articles  # noqa: E402

from consumers.extraction import extract  # noqa: E402

DATA = ROOT / "tests" / "data"
DEVDATA = ROOT / ".devdata"
SEEDS = ROOT.parent / "shared" / "seeds"


def _jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def input_sets(count: int) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """``(name, [(text, title), ...])`` for every input set found."""
    corpora = sorted(DATA.glob("extraction_*.jsonl"))
    sentences: list[str] = []
    for path in corpora:
        rows = _jsonl(path)
        sentences += [row["text"] for row in rows]
        yield path.name, [(row["text"], "") for row in rows]
    yield "bench (a) realistic", [(t, "") for t in realistic_articles(count, 600)]
    yield "bench (b) dense", [(t, "") for t in build_articles(sentences, count, 600)]
    real = real_articles(count, 600)
    if real:
        yield "bench (c) real", [(t, "") for t in real]
    big = " ".join(build_articles(sentences, 1, 170_000))[:1_000_000]
    yield "bench 1 MB", [(big, "")]
    if SEEDS.is_dir():
        yield "seeds", [(p.read_text(encoding="utf-8"), "") for p in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(DEVDATA.glob("**/*.jsonl")):
        rows = _jsonl(path)
        yield str(path.relative_to(DEVDATA)), [(r["text"], r.get("title") or "") for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write every item's output JSON here")
    parser.add_argument("--articles", type=int, default=500, help="articles per bench case")
    args = parser.parse_args()
    out = args.out.open("w", encoding="utf-8") if args.out else None
    for name, items in input_sets(args.articles):
        digest = hashlib.sha256()
        for text, title in items:
            line = json.dumps(extract(text, title=title).to_dict(), ensure_ascii=False) + "\n"
            digest.update(line.encode())
            if out is not None:
                out.write(f"{name}\t{line}")
        print(f"{digest.hexdigest()[:16]}  {len(items):6d}  {name}", flush=True)
    if out is not None:
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
