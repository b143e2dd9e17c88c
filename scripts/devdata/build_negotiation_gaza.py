"""Build the Gaza negotiation set: Google News headlines of the Gaza war, labelled blind.

    python scripts/devdata/build_negotiation_gaza.py [--mirror /work/.mirror] [--out .devdata]
    python scripts/devdata/build_negotiation_gaza.py --unlabelled   # the picked rows, to label

Reads the headline list of ``sources_negotiation_gaza.json`` (Google News results for "Gaza",
2023-24: date, publisher, title, url a tab-separated row) at its recorded commit from a local
git mirror, drops the reserved publishers and wordings (UN agencies, ReliefWeb, OCHA, Airwars,
ACLED), strips each title's " - <Publisher>" tail, keeps the first of each repeated title and
drops every title another labelled set holds, then picks, without looking at any method's
output, a seeded sample of the titles with a broad negotiation keyword and a seeded sample of the
rest. The dev/untuned split is a stable hash of the row, fixed before labelling. Writes
``negotiation_gaza_dev.jsonl`` and ``negotiation_gaza_test.jsonl`` to the git-ignored
``.devdata/``; the labels (``negotiation_gaza_labels.tsv``) are the project's own.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterable
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
from build_negotiation_news import KEYWORDS  # noqa: E402

MANIFEST = HERE / "sources_negotiation_gaza.json"
LABELS = HERE / "negotiation_gaza_labels.tsv"
STEM = "negotiation_gaza"
WORDED, OTHERS = 330, 120  # keyword titles drawn, others drawn
WORDED_SEED, OTHERS_SEED, SHUFFLE_SEED = 11, 12, 13
# publishers whose text is reserved: UN agencies and their sites, ReliefWeb, OCHA, Airwars, ACLED
RESERVED_PUBLISHERS = frozenset({
    "ACLED", "Airwars", "Food and Agriculture Organization of the United Nations", "ILO",
    "International Organization for Migration (IOM)", "OCHA", "OHCHR", "ReliefWeb", "UN News",
    "UN Women", "UNCTAD", "UNESCO", "UNICEF", "UNICEF USA", "United Nations - Europe News",
    "United Nations Development Programme", "United Nations Population Fund",
    "United Nations Sustainable Development Group", "WFP", "WHO Regional Office for the Eastern "
    "Mediterranean", "Welcome to the United Nations", "World Bank Group",
    "World Health Organization (WHO)", "unrwa",
})  # fmt: skip
RESERVED_WORDS = ("flash update", "ocha", "airwars", "acled")
OTHER_SETS = ("news", "huffpost", "mined", "fresh", "worldpost", "reuters", "voa")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def norm(text: str) -> str:
    """A title's identity: its letters and digits, lower case."""
    return _NOT_ALNUM.sub("", text.lower())


def split_of(row: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the row number."""
    return hash_split(f"negotiation_gaza#{row}")


def reserved(publisher: str, title: str) -> bool:
    """Whether a row's publisher or wording is reserved for independent evaluation."""
    lowered = title.lower()
    return publisher.strip() in RESERVED_PUBLISHERS or any(w in lowered for w in RESERVED_WORDS)


def titles(raw: str) -> dict[str, str]:
    """Row (1-based line) -> title without its publisher tail, reserved rows and repeats left
    out (the first of each title kept)."""
    kept: dict[str, str] = {}
    seen: set[str] = set()
    for row, line in enumerate(raw.splitlines(), 1):
        fields = line.split("\t")
        if len(fields) < 3 or reserved(fields[1], fields[2]):
            continue
        title = fields[2].strip().removesuffix(f" - {fields[1].strip()}").strip()
        if (k := norm(title)) and k not in seen:
            seen.add(k)
            kept[str(row)] = title
    return kept


def unseen(rows: dict[str, str], others: Iterable[str]) -> dict[str, str]:
    """The rows whose title no text of ``others`` (another labelled set's items) holds."""
    held = "|".join(norm(text) for text in others)
    return {row: title for row, title in rows.items() if norm(title) not in held}


def other_texts(mirror: Path) -> list[str]:
    """The titles and texts of every other labelled news set's items."""
    out: list[str] = []
    for name in OTHER_SETS:
        builder = __import__(f"build_negotiation_{name}")
        out += [f"{i['title']} {i['text']}" for i in builder.items(mirror)]
    return out


def selected(rows: dict[str, str]) -> dict[str, str]:
    """Picked row -> why: keyword titles drawn with ``random.Random(WORDED_SEED)`` (all when
    fewer), others with ``random.Random(OTHERS_SEED)``."""
    worded = sorted((r for r, text in rows.items() if KEYWORDS.search(text)), key=int)
    others = sorted(set(rows) - set(worded), key=int)
    if len(worded) > WORDED:
        worded = random.Random(WORDED_SEED).sample(worded, WORDED)  # noqa: S311
    drawn = random.Random(OTHERS_SEED).sample(others, min(OTHERS, len(others)))  # noqa: S311
    return {
        **dict.fromkeys(sorted(worded, key=int), "keyword"),
        **dict.fromkeys(sorted(drawn, key=int), "sample"),
    }


def picked(mirror: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The pool's titles and the picked rows with the reason each was picked."""
    source = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"][0]
    rows = unseen(titles(read_blob(mirror, source).decode("utf-8")), other_texts(mirror))
    return rows, selected(rows)


def read_labels() -> dict[str, tuple[int, str, str]]:
    """Row -> (label, type, class note) of every labelled title."""
    return read_typed_labels(LABELS)


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled titles, each with its row, selection, split, label and text."""
    rows, chosen = picked(mirror)
    labels = read_labels()
    check_labelled(labels, chosen)
    return [{"id": f"gaza_news#{r}", "title": "", "text": rows[r], "label": labels[r][0],
             "type": labels[r][1], "note": labels[r][2], "selection": why,
             "split": split_of(r)} for r, why in chosen.items()]  # fmt: skip


def unlabelled(mirror: Path, out: Path) -> Path:
    """The picked titles in a seeded shuffled order, text only, for labelling by hand."""
    rows, chosen = picked(mirror)
    return write_unlabelled(out, STEM, sorted(chosen, key=int), rows, SHUFFLE_SEED)


def main(argv: list[str] | None = None) -> int:
    counted = "headlines, {} negotiation developments"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, unlabelled=unlabelled)


if __name__ == "__main__":
    sys.exit(main())
