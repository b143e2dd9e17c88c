"""Build the fresh negotiation set: World-section wire snippets picked by keyword, labelled blind.

    python scripts/devdata/build_negotiation_fresh.py [--mirror /work/.mirror] [--out .devdata]
    python scripts/devdata/build_negotiation_fresh.py --unlabelled   # the picked rows, to label

Reads the pool of ``sources_negotiation_fresh.json`` (2,000 AG News training rows of the World
class, 2004-05 wire headline and summary joined) at its recorded commit from a local git mirror,
drops every row another labelled set holds (by normalised text, against the whole AG test file
and the rows of the mined set), and picks, without looking at any method's output, a seeded
sample of the snippets with a broad negotiation keyword and a seeded sample of the rest. The
dev/untuned split is a stable hash of the row id, fixed before labelling. Writes
``negotiation_fresh_dev.jsonl`` and ``negotiation_fresh_test.jsonl`` to the git-ignored
``.devdata/``; the labels (``negotiation_fresh_labels.tsv``) are the project's own.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_negotiation import (  # noqa: E402
    build_main,
    check_labelled,
    hash_split,
    read_blob,
    read_typed_labels,
    write_unlabelled,
)
from build_negotiation_mined import READERS as MINED_READERS  # noqa: E402
from build_negotiation_mined import read_labels as mined_labels  # noqa: E402
from build_negotiation_news import KEYWORDS, clean  # noqa: E402

MANIFEST = HERE / "sources_negotiation_fresh.json"
MINED_MANIFEST = HERE / "sources_negotiation_mined.json"
LABELS = HERE / "negotiation_fresh_labels.tsv"
STEM = "negotiation_fresh"
WORDED, OTHERS, SEED = 400, 100, 8  # keyword snippets drawn, others drawn (a fifth of the set)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def key(text: str) -> str:
    """A row's identity across copies: the last 60 letters and digits of its text, lower case."""
    return _NOT_ALNUM.sub("", text.lower())[-60:]


def split_of(ident: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the row id."""
    return hash_split(f"negotiation_fresh#{ident}")


def world_rows(raw: str) -> dict[str, str]:
    """The World rows of the pool (``text,label`` lines, no header), by 1-based row."""
    rows = csv.reader(io.StringIO(raw))
    return {str(i): clean(text) for i, (text, label) in enumerate(rows, 1) if label == "world"}


def ag_test_keys(raw: str) -> set[str]:
    """Keys of every summary of the AG test file (``class,title,description`` rows)."""
    return {key(clean(row[2])) for row in csv.reader(io.StringIO(raw))} - {""}


def fresh(rows: dict[str, str], seen: set[str]) -> dict[str, str]:
    """The rows whose text no labelled set holds, one per story."""
    kept: dict[str, str] = {}
    for row, text in rows.items():
        if (k := key(text)) and k not in seen:
            kept[row] = text
            seen.add(k)
    return kept


def selected(rows: dict[str, str]) -> dict[str, str]:
    """Picked row -> why: keyword snippets and others, each drawn with ``random.Random(SEED)``."""
    worded = sorted((r for r, text in rows.items() if KEYWORDS.search(text)), key=int)
    others = sorted(set(rows) - set(worded), key=int)
    rng = random.Random(SEED)  # noqa: S311 - a reproducible sample, not security
    drawn = rng.sample(worded, min(WORDED, len(worded)))
    return {
        **dict.fromkeys(drawn, "keyword"),
        **dict.fromkeys(rng.sample(others, OTHERS), "sample"),
    }


def seen_keys(mirror: Path) -> set[str]:
    """Keys of the AG test file's summaries and of the mined set's labelled rows."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    keys = ag_test_keys(read_blob(mirror, manifest["excluded"][0]).decode("utf-8"))
    mined = {ident for ident, _, _ in mined_labels()}
    for source in json.loads(MINED_MANIFEST.read_text(encoding="utf-8"))["sources"]:
        rows = MINED_READERS[source["key"]](read_blob(mirror, source).decode("utf-8"))
        keys |= {key(rows[r][1]) for r in rows if f"{source['key']}#{r}" in mined}
    return keys - {""}


def picked(mirror: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The pool's fresh rows and the picked rows with the reason each was picked."""
    source = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"][0]
    rows = fresh(world_rows(read_blob(mirror, source).decode("utf-8")), seen_keys(mirror))
    return rows, selected(rows)


def read_labels() -> dict[str, tuple[int, str, str]]:
    """Row -> (label, type, class note) of every labelled snippet."""
    return read_typed_labels(LABELS)


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled snippets, each with its row, selection, split, label and text."""
    rows, chosen = picked(mirror)
    labels = read_labels()
    check_labelled(labels, chosen)
    return [{"id": f"ag_train_d#{r}", "title": "", "text": rows[r], "label": labels[r][0],
             "type": labels[r][1], "note": labels[r][2], "section": "World",
             "selection": why, "split": split_of(r)} for r, why in chosen.items()]  # fmt: skip


def unlabelled(mirror: Path, out: Path) -> Path:
    """The picked snippets in a seeded shuffled order, text only, for labelling by hand."""
    rows, chosen = picked(mirror)
    return write_unlabelled(out, STEM, sorted(chosen, key=int), rows, SEED)


def main(argv: list[str] | None = None) -> int:
    counted = "snippets, {} negotiation developments"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, unlabelled=unlabelled)


if __name__ == "__main__":
    sys.exit(main())
