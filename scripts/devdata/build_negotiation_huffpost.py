"""Build the second negotiation news set: HuffPost headlines and summaries, the project's labels.

    python scripts/devdata/build_negotiation_huffpost.py [--mirror /work/.mirror] [--out .devdata]

Reads a copy of the News Category Dataset (Misra 2022; HuffPost headline, one-sentence summary,
section and date, 2018-2022 in this copy) at the commit recorded in
``sources_negotiation_huffpost.json`` from a local git mirror and picks the rows of the
manifest's selection rule: every row of the three news sections with a negotiation keyword, a
fixed random sample of the rest, and the rest of the World News section, read whole. It checks
that these are exactly the rows labelled in ``negotiation_huffpost_labels.tsv`` and writes
``negotiation_huffpost_dev.jsonl`` and ``negotiation_huffpost_test.jsonl`` to the git-ignored
``.devdata/``. The text is others'; the labels are the project's own, made by reading each item
under the rule of ``sources_negotiation_news.json``. The dev/untuned split is a stable hash of
the row number, fixed before any item was read.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_negotiation import build_main, hash_split, read_blob  # noqa: E402

MANIFEST = HERE / "sources_negotiation_huffpost.json"
LABELS = HERE / "negotiation_huffpost_labels.tsv"
NEWS_SECTIONS = frozenset({"WORLD NEWS", "POLITICS", "U.S. NEWS"})
WHOLE_SECTION = "WORLD NEWS"
KEYWORDS = re.compile(
    r"\b(?:truces?|cease-?\s?fires?|armistices?|"
    r"peace\s+(?:talks|deals?|accords?|plans?|process|agreements?)|talks|negotiat\w*|agree\w*|"
    r"deals?|accords?|pacts?|releas\w*|freed|frees?|hostages?|prisoners?|captives?|swaps?|"
    r"exchang\w*|surrend\w*|mediat\w*|broker\w*|resolutions?|votes?|veto\w*)\b",
    re.IGNORECASE,
)
TYPES = frozenset({
    "agreement", "truce", "talks", "release", "exchange", "surrender", "vote", "proposal",
})  # fmt: skip
SAMPLE, SEED = 600, 8
ID_PREFIX = "huffpost/News_Category_Dataset_v3.json"


def split_of(row: int) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the row number."""
    return hash_split(f"{ID_PREFIX}#{row}")


def worded(record: dict[str, str]) -> bool:
    """Whether a record is in a news section and its headline or summary has a keyword."""
    text = f"{record['headline']} {record['short_description']}"
    return record["category"] in NEWS_SECTIONS and KEYWORDS.search(text) is not None


def selected(records: list[dict[str, str]]) -> dict[int, str]:
    """Row numbers (1-based) picked, each with why: ``keyword``, ``sample`` (of the rest) or
    ``section`` (the rest of the World News section, read whole)."""
    keyword = [i for i, r in enumerate(records, 1) if worded(r)]
    rest = sorted(set(range(1, len(records) + 1)) - set(keyword))
    sample = random.Random(SEED).sample(rest, SAMPLE)  # noqa: S311 - a reproducible sample
    picked = {row: "keyword" for row in keyword} | {row: "sample" for row in sample}
    world = [i for i, r in enumerate(records, 1) if r["category"] == WHOLE_SECTION]
    return picked | {row: "section" for row in world if row not in picked}


def read_records(mirror: Path) -> list[dict[str, str]]:
    """The dataset's records in file order (one JSON object a line)."""
    source = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"][0]
    lines = read_blob(mirror, source).decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def read_labels() -> dict[int, tuple[int, str]]:
    """Row number -> (label, type); the type is ``-`` for a 0."""
    lines = LABELS.read_text(encoding="utf-8").splitlines()[1:]
    return {
        int(row): (int(label), kind)
        for row, label, kind, *_ in (line.split("\t") for line in lines)
    }


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled items, each with its row id, section, date, split, type and text."""
    records = read_records(mirror)
    labels = read_labels()
    picked = selected(records)
    if sorted(picked) != sorted(labels):
        msg = f"{LABELS.name} does not label exactly the selected rows"
        raise SystemExit(msg)
    return [{
        "id": f"{ID_PREFIX}#{row}",
        "title": records[row - 1]["headline"].strip(),
        "text": records[row - 1]["short_description"].strip(),
        "label": labels[row][0],
        "type": labels[row][1],
        "section": records[row - 1]["category"],
        "date": records[row - 1]["date"],
        "selection": picked[row],
        "split": split_of(row),
    } for row in sorted(picked)]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    return build_main(
        argv,
        __doc__.splitlines()[0],
        items,
        "negotiation_huffpost",
        "items, {} negotiation developments",
    )


if __name__ == "__main__":
    sys.exit(main())
