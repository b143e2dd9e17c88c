"""Build the VOA negotiation set: Voice of America news sentences picked by keyword, labelled blind.

    python scripts/devdata/build_negotiation_voa.py [--mirror /work/.mirror] [--out .devdata]
    python scripts/devdata/build_negotiation_voa.py --unlabelled   # the sentences to label

Reads the copy of the GMB named-entity sentences (Voice of America news of the 2000s, one
token a row under a ``Sentence: <n>`` marker, Latin-1) of ``sources_negotiation_voa.json`` at its
recorded commit from a local git mirror, joins each sentence's tokens back into text, drops a
sentence cut off by the copy's end and repeats, and picks, without looking at any method's
output, a seeded sample of the sentences with a broad negotiation keyword and a seeded sample of
the rest. The dev/untuned split is a stable hash of the sentence id, fixed before labelling.
Writes ``negotiation_voa_dev.jsonl`` and ``negotiation_voa_test.jsonl`` to the git-ignored
``.devdata/``; the labels (``negotiation_voa_labels.tsv``) are the project's own.
"""

from __future__ import annotations

import csv
import io
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
from build_negotiation_fresh import key  # noqa: E402
from build_negotiation_news import KEYWORDS  # noqa: E402
from build_negotiation_reuters import detokenize  # noqa: E402

MANIFEST = HERE / "sources_negotiation_voa.json"
LABELS = HERE / "negotiation_voa_labels.tsv"
STEM = "negotiation_voa"
WORDED, OTHERS, SEED = 400, 100, 8  # keyword sentences drawn, others drawn (a fifth of the set)
_ENDS = (".", "?", "!", '"')


def split_of(ident: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the sentence id."""
    return hash_split(f"negotiation_voa#{ident}")


def sentences(raw: str) -> dict[str, str]:
    """Sentence number -> text of a ``Sentence #,Word,POS,Tag`` file, less a last sentence cut
    off before its closing punctuation, one per text."""
    words: dict[str, list[str]] = {}
    current: list[str] = []
    for row in csv.reader(io.StringIO(raw)):
        if row and row[0].startswith("Sentence:"):
            current = words.setdefault(row[0].partition(":")[2].strip(), [])
        if len(row) > 1 and row[0] != "Sentence #":
            current.append(row[1])
    if words and (tail := words[next(reversed(words))]) and tail[-1] not in _ENDS:
        words.popitem()
    kept: dict[str, str] = {}
    seen: set[str] = set()
    for number, tokens in words.items():
        text = detokenize(tokens)
        if (k := key(text)) and k not in seen:
            seen.add(k)
            kept[number] = text
    return kept


def selected(pool: dict[str, str]) -> dict[str, str]:
    """Picked number -> why: keyword sentences and others, each drawn with
    ``random.Random(SEED)``."""
    worded = sorted((n for n, text in pool.items() if KEYWORDS.search(text)), key=int)
    others = sorted(set(pool) - set(worded), key=int)
    rng = random.Random(SEED)  # noqa: S311 - a reproducible sample, not security
    drawn = rng.sample(worded, min(WORDED, len(worded)))
    return {
        **dict.fromkeys(sorted(drawn, key=int), "keyword"),
        **dict.fromkeys(sorted(rng.sample(others, min(OTHERS, len(others))), key=int), "sample"),
    }


def picked(mirror: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The pool's sentences and the picked ones with the reason each was picked."""
    source = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"][0]
    pool = sentences(read_blob(mirror, source).decode("latin-1"))
    return pool, selected(pool)


def read_labels() -> dict[str, tuple[int, str, str]]:
    """Sentence number -> (label, type, class note) of every labelled sentence."""
    return read_typed_labels(LABELS)


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled sentences, each with its id, selection, split, label and text."""
    pool, chosen = picked(mirror)
    labels = read_labels()
    check_labelled(labels, chosen)
    return [{"id": f"gmb#{n}", "title": "", "text": pool[n], "label": labels[n][0],
             "type": labels[n][1], "note": labels[n][2], "selection": why,
             "split": split_of(n)} for n, why in chosen.items()]  # fmt: skip


def unlabelled(mirror: Path, out: Path) -> Path:
    """The picked sentences in a seeded shuffled order, text only, for labelling by hand."""
    pool, chosen = picked(mirror)
    return write_unlabelled(out, STEM, sorted(chosen, key=int), pool, SEED)


def main(argv: list[str] | None = None) -> int:
    counted = "sentences, {} negotiation developments"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, unlabelled=unlabelled)


if __name__ == "__main__":
    sys.exit(main())
