"""Casualty accuracy on real text labelled by others: exact match and within-10%.

Run: ``python scripts/devdata/build_casualties.py`` once (it fills ``.devdata/``), then
``python bench/accuracy_casualties.py [--data DIR] [--dev-only] [--errors N [--source NAME]]``.
For the dev split (tuned on), the untuned split (never looked at) and the untuned sources
(whole exports, scored only; ``--dev-only`` leaves them out), short event reports, long
narratives and headline-only items (a UCDP event's source headline, scored against the
event's best estimate) apart, then for each source, it prints the share of items whose killed
(and, where labelled, wounded) figure matches the human label exactly and within 10%, for
wirewatch's ``summary`` and for a simple GDELT-like baseline (the first number right before
"killed"/"dead"/"died" or right after "killed"). ``--errors`` prints dev items only, of the
sources ``--source`` names.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consumers.extraction import extract  # noqa: E402
from consumers.extraction.numbers import words_to_int  # noqa: E402

DATA = ROOT / ".devdata" / "casualties"
MANIFEST = ROOT / "scripts" / "devdata" / "casualties_sources.json"

_NUM = (
    r"(\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|hundred)"
)
_BASE_KILLED = re.compile(rf"\b{_NUM}\s+(?:\w+\s+){{0,3}}?(?:were\s+|was\s+)?"
                          r"(?:killed|dead|died)\b", re.IGNORECASE)  # fmt: skip
_BASE_KILLED_AFTER = re.compile(rf"\b(?:killed|killing|kills|killed\s+at\s+least)\s+{_NUM}\b",
                                re.IGNORECASE)  # fmt: skip
_BASE_WOUNDED = re.compile(rf"\b{_NUM}\s+(?:\w+\s+){{0,3}}?(?:were\s+|was\s+)?"
                           r"(?:wounded|injured|hurt)\b", re.IGNORECASE)  # fmt: skip

Predict = Callable[[dict[str, Any]], tuple[int, int]]


def _first_count(pattern: re.Pattern[str], text: str, other: re.Pattern[str] | None = None) -> int:
    matches = [*pattern.finditer(text), *(other.finditer(text) if other else ())]
    for match in sorted(matches, key=lambda m: m.start()):
        raw = match.group(1).replace(",", "")
        value = int(raw) if raw.isdigit() else words_to_int(raw)
        if value is not None and value < 10**6:
            return value
    return 0


def baseline(item: dict[str, Any]) -> tuple[int, int]:
    """GDELT-like rule: the first number right before a death (injury) word, or right after
    "killed", else 0."""
    text = f"{item['title']}. {item['text']}" if item["title"] else item["text"]
    return _first_count(_BASE_KILLED, text, _BASE_KILLED_AFTER), _first_count(_BASE_WOUNDED, text)


def wirewatch(item: dict[str, Any]) -> tuple[int, int]:
    """wirewatch's per-article summary: new deaths and injuries."""
    summary = extract(item["text"], title=item["title"]).summary
    return summary.killed, summary.wounded


def _near(pred: int, gold: int) -> bool:
    return abs(pred - gold) <= 0.1 * gold


def score(items: list[dict[str, Any]], preds: list[tuple[int, int]]) -> dict[str, float]:
    """Exact and within-10% shares for killed (all items, and items with deaths) and wounded."""
    pairs = list(zip(preds, items, strict=True))
    killed = [(p[0], i["killed"]) for p, i in pairs]
    deadly = [(p, g) for p, g in killed if g > 0]
    wounded = [(p[1], i["wounded"]) for p, i in pairs if i["wounded"] is not None]

    def share(rows: list[tuple[int, int]], test: Callable[[int, int], bool]) -> float:
        return sum(test(p, g) for p, g in rows) / len(rows) if rows else float("nan")

    return {
        "n": len(items),
        "with deaths": len(deadly),
        "killed exact": share(killed, lambda p, g: p == g),
        "killed ±10%": share(killed, _near),
        "killed exact (deaths>0)": share(deadly, lambda p, g: p == g),
        "wounded exact": share(wounded, lambda p, g: p == g),
        "wounded ±10%": share(wounded, _near),
    }


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def show_errors(items: list[dict[str, Any]], count: int, source: str = "") -> None:
    """Print up to ``count`` dev items whose killed figure is wrong, of the sources whose
    name holds ``source`` (all when empty)."""
    shown = 0
    for item in items:
        if source not in item["source"]:
            continue
        got = wirewatch(item)
        if got[0] != item["killed"] and shown < count:
            shown += 1
            print(f"--- {item['id']} gold={item['killed']} got={got[0]}\n{item['text'][:600]}")


COLS = ["n", "with deaths", "killed exact", "killed ±10%", "killed exact (deaths>0)",
        "wounded exact", "wounded ±10%"]  # fmt: skip
SETS = [("short", "dev"), ("short", "untuned"), ("short", "untuned_source"), ("long", "dev"),
        ("long", "untuned"), ("headline", "untuned_source")]  # fmt: skip


def _row(label: str, name: str, items: list[dict[str, Any]], preds: list[tuple[int, int]]) -> str:
    row = score(items, preds)
    cells = [f"{row[c]:.0f}" if c in ("n", "with deaths") else f"{row[c]:.2f}" for c in COLS]
    return f"| {label} | {name} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N dev errors per kind")
    parser.add_argument("--source", default="", help="print errors of these sources only "
                        "(a part of the name: kenya, nigeria)")  # fmt: skip
    parser.add_argument("--dev-only", action="store_true",
                        help="score the dev splits only")  # fmt: skip
    args = parser.parse_args(argv)
    if not (args.data / "short_dev.jsonl").exists():
        print(f"no data in {args.data}: run scripts/devdata/build_casualties.py first")
        return 1
    manifest = json.loads(MANIFEST.read_text())
    print("Data: " + "; ".join(f"{s['name']} = {s['repo']}@{s['commit'][:10]}"
                               for s in manifest["sources"]) + "\n")  # fmt: skip
    head = "| set | method | " + " | ".join(COLS) + " |\n|---|---|" + "---|" * len(COLS)
    by_source: list[tuple[str, str, str]] = []  # (set and source, method, row)
    print(head)
    for kind, split in SETS:
        if args.dev_only and split != "dev":
            continue
        path = args.data / f"{kind}_{split}.jsonl"
        if not path.exists():
            continue
        items = load(path)
        for name, predict in (("baseline", baseline), ("wirewatch", wirewatch)):
            preds = [predict(i) for i in items]
            print(_row(f"{kind} {split}", name, items, preds))
            for source in dict.fromkeys(i["source"] for i in items):
                some = [(p, i) for p, i in zip(preds, items, strict=True) if i["source"] == source]
                label = f"{kind} {split}: {source}"
                row = _row(label, name, [i for _, i in some], [p for p, _ in some])
                by_source.append((label, name, row))
        if args.errors and split == "dev":
            show_errors(items, args.errors, args.source)
    print("\nPer source:\n\n" + head + "\n" + "\n".join(row for *_, row in sorted(by_source)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
