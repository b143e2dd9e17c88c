"""Build the negotiation news set: real wire headlines and summaries, labels the project's own.

    python scripts/devdata/build_negotiation_news.py [--mirror /work/.mirror] [--out .devdata]

Reads the AG News test file (2004-2005 wire stories: title and one-paragraph description) at the
commit recorded in ``sources_negotiation_news.json`` from a local git mirror, picks the snippets
that the manifest's selection rule picks (every snippet with a negotiation keyword, and a fixed
random sample of the rest), checks that they are exactly the rows labelled in
``negotiation_news_labels.tsv``, and writes ``negotiation_news_dev.jsonl`` and
``negotiation_news_test.jsonl`` to the git-ignored ``.devdata/``. The text is others'; the labels
("a negotiation development is reported") are the project's own, made by reading each snippet.
The dev/untuned split is a stable hash of the row number, fixed before any result was looked at.
"""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_negotiation import build_main, hash_split, read_blob  # noqa: E402

MANIFEST = HERE / "sources_negotiation_news.json"
LABELS = HERE / "negotiation_news_labels.tsv"
KEYWORDS = re.compile(
    r"\b(?:cease-?\s?fires?|truces?|talks|negotiat\w*|deals?|agreements?|accords?|peace|releas\w*|"
    r"freed|frees?|exchang\w*|swaps?|hostages?|prisoners?|surrend\w*|mediat\w*|votes?|"
    r"resolutions?)\b",
    re.IGNORECASE,
)
SAMPLE, SEED = 300, 8
# the file's escapes: "Sadr #39;s", " quot;", "#36;5 million", "\" for a line break
_ESCAPES = ((" #39;", "'"), ("#39;", "'"), (" quot;", '"'), ("quot;", '"'), ("#36;", "$"),
            (" amp;", " &"), ("#151;", "-"), ("#8212;", "-"), ("\\", " "))  # fmt: skip
_SPACES = re.compile(r"[ \t]+")


def clean(text: str) -> str:
    """The snippet with the file's entity escapes and line-break backslashes undone."""
    for escape, plain in _ESCAPES:
        text = text.replace(escape, plain)
    return _SPACES.sub(" ", html.unescape(text)).strip()


def split_of(row: int) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the row number."""
    return hash_split(f"ag_news/test.csv#{row}")


def selected(rows: list[list[str]]) -> list[int]:
    """Row numbers (1-based) of the snippets with a keyword, plus the fixed sample of the rest."""
    worded = [i for i, r in enumerate(rows, 1) if KEYWORDS.search(f"{r[1]} {r[2]}")]
    rest = sorted(set(range(1, len(rows) + 1)) - set(worded))
    sample = random.Random(SEED).sample(rest, SAMPLE)  # noqa: S311 - a reproducible sample
    return sorted(worded + sample)


def read_labels() -> dict[int, int]:
    lines = LABELS.read_text(encoding="utf-8").splitlines()[1:]
    return {int(row): int(label) for row, label, *_ in (line.split("\t") for line in lines)}


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled snippets, each with its row id, class, split and cleaned text."""
    source = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"][0]
    raw = read_blob(mirror, source).decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw)))
    labels = read_labels()
    picked = selected(rows)
    if picked != sorted(labels):
        msg = f"{LABELS.name} does not label exactly the selected rows"
        raise SystemExit(msg)
    return [{
        "id": f"ag_news/test.csv#{row}",
        "title": clean(rows[row - 1][1]),
        "text": clean(rows[row - 1][2]),
        "label": labels[row],
        "ag_news_class": int(rows[row - 1][0]),
        "split": split_of(row),
    } for row in picked]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return build_main(
        argv,
        __doc__.splitlines()[0],
        items,
        "negotiation_news",
        "snippets, {} negotiation developments",
    )


if __name__ == "__main__":
    sys.exit(main())
