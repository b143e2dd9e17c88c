"""Build the world-headlines negotiation set: Reddit-posted world news headlines of 2021-22
(the first months of the war in Ukraine), labelled blind.

    python scripts/devdata/build_negotiation_worldheadlines.py [--mirror DIR] [--out .devdata]
    python scripts/devdata/build_negotiation_worldheadlines.py --unlabelled   # rows to label

Reads the headline list of ``sources_negotiation_worldheadlines.json`` (a JSON list of posted
headlines, each with title, domain, category, link and date) at its recorded commit from a local
git mirror, keeps the 'worldnews' and 'ukraine' categories, drops the reserved domains and
wordings (UN agencies, ReliefWeb, OCHA, Airwars, ACLED), keeps the first of each repeated title
and drops every title another labelled set holds, then picks, without looking at any method's
output, a seeded sample of the titles with a broad negotiation keyword and a seeded sample of the
rest. The dev/untuned split is a stable hash of the row, fixed before labelling. Writes
``negotiation_worldheadlines_dev.jsonl`` and ``negotiation_worldheadlines_test.jsonl`` to the
git-ignored ``.devdata/``; the labels (``negotiation_worldheadlines_labels.tsv``) are the
project's own.
"""

from __future__ import annotations

import json
import random
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
from build_negotiation_gaza import RESERVED_WORDS, norm, unseen  # noqa: E402
from build_negotiation_gaza import other_texts as earlier_texts  # noqa: E402
from build_negotiation_news import KEYWORDS  # noqa: E402

MANIFEST = HERE / "sources_negotiation_worldheadlines.json"
LABELS = HERE / "negotiation_worldheadlines_labels.tsv"
STEM = "negotiation_worldheadlines"
CATEGORIES = frozenset({"worldnews", "ukraine"})
WORDED, OTHERS = 300, 80  # keyword titles drawn (all when fewer), others drawn
WORDED_SEED, OTHERS_SEED, SHUFFLE_SEED = 31, 32, 33
# domains whose text is reserved: UN agencies and their sites, ReliefWeb, OCHA, Airwars, ACLED
RESERVED_DOMAINS = (
    "un.org", "reliefweb.int", "unocha.org", "airwars.org", "acleddata.com", "unicef.org",
    "who.int", "wfp.org", "unhcr.org", "unrwa.org", "undp.org", "unesco.org", "ohchr.org",
    "iom.int", "worldbank.org", "fao.org", "ilo.org", "unfpa.org", "unctad.org", "unwomen.org",
)  # fmt: skip


def split_of(row: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the row's index."""
    return hash_split(f"negotiation_worldheadlines#{row}")


def reserved(domain: str, title: str) -> bool:
    """Whether a row's domain or wording is reserved for independent evaluation."""
    host = domain.strip().lower()
    lowered = title.lower()
    return any(host == d or host.endswith(f".{d}") for d in RESERVED_DOMAINS) or any(
        w in lowered for w in RESERVED_WORDS
    )


def titles(raw: str) -> dict[str, str]:
    """Row (0-based index in the list) -> title of the kept categories, reserved rows and
    repeats left out (the first of each title kept)."""
    kept: dict[str, str] = {}
    seen: set[str] = set()
    for row, post in enumerate(json.loads(raw)):
        title = " ".join(str(post.get("title") or "").split())
        if post.get("category") not in CATEGORIES or reserved(str(post.get("domain")), title):
            continue
        if (k := norm(title)) and k not in seen:
            seen.add(k)
            kept[str(row)] = title
    return kept


def other_texts(mirror: Path) -> list[str]:
    """The titles and texts of every other labelled news set's items (the Gaza set's too)."""
    builder = __import__("build_negotiation_gaza")
    gaza = [f"{i['title']} {i['text']}" for i in builder.items(mirror)]
    return earlier_texts(mirror) + gaza


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
    return [{"id": f"world_headlines#{r}", "title": "", "text": rows[r], "label": labels[r][0],
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
