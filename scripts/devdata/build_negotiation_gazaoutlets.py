"""Build the Gaza outlets negotiation set: CNN, WSJ and BBC lines of the Gaza war, labelled blind.

    python scripts/devdata/build_negotiation_gazaoutlets.py [--mirror DIR] [--out .devdata]
    python scripts/devdata/build_negotiation_gazaoutlets.py --unlabelled   # lines to label

Reads the three line lists of ``sources_negotiation_gazaoutlets.json`` at their recorded commit
from a local git mirror: CNN live-update key points (one summary line after a ``<n>. `` number,
under date and url header lines), WSJ Middle East headlines and Google News BBC headlines (date,
publisher, title, url tab-separated). Drops the reserved publishers and wordings as the Gaza set
does, strips the numbering and each title's `` - <Publisher>`` tail, keeps the first of each
repeated line and drops every line the first Gaza set's pool or another labelled set holds, then
picks, without looking at any method's output, a seeded sample of the lines with a broad
negotiation keyword and a seeded sample of the rest. The dev/untuned split is a stable hash of
the key (``<outlet>:<row>``), fixed before labelling. Writes ``negotiation_gazaoutlets_dev.jsonl``
and ``negotiation_gazaoutlets_test.jsonl``; the labels (``negotiation_gazaoutlets_labels.tsv``)
are the project's own.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_negotiation_gaza as gaza  # noqa: E402
from build_negotiation import (  # noqa: E402
    build_main,
    check_labelled,
    hash_split,
    read_blob,
    read_typed_labels,
    write_unlabelled,
)
from build_negotiation_news import KEYWORDS  # noqa: E402
from headline_sets import norm, reserved_wording, unseen  # noqa: E402

MANIFEST = HERE / "sources_negotiation_gazaoutlets.json"
LABELS = HERE / "negotiation_gazaoutlets_labels.tsv"
STEM = "negotiation_gazaoutlets"
WORDED, OTHERS = 300, 80  # keyword lines drawn, others drawn
WORDED_SEED, OTHERS_SEED, SHUFFLE_SEED = 21, 22, 23
# the CNN pages' navigation labels, not key points
CNN_LABELS = frozenset({"what we covered here", "all"})
_NUMBERED = re.compile(r"^\s*\d+\.\s+(.*\S)")


def split_of(key: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the key."""
    return hash_split(f"negotiation_gazaoutlets#{key}")


def cnn_lines(raw: str, outlet: str) -> dict[str, str]:
    """Key -> key point of a CNN live-update list: the numbered lines, numbering stripped,
    navigation labels left out."""
    kept: dict[str, str] = {}
    for row, line in enumerate(raw.splitlines(), 1):
        numbered = _NUMBERED.match(line)
        if numbered and numbered.group(1).lower() not in CNN_LABELS:
            kept[f"{outlet}:{row}"] = numbered.group(1)
    return kept


def headline_lines(raw: str, outlet: str) -> dict[str, str]:
    """Key -> headline of a date, publisher, title, url list, reserved rows left out and the
    publisher tail stripped."""
    kept: dict[str, str] = {}
    for row, line in enumerate(raw.splitlines(), 1):
        fields = line.split("\t")
        if len(fields) < 3 or gaza.reserved(fields[1], fields[2]):
            continue
        kept[f"{outlet}:{row}"] = fields[2].strip().removesuffix(f" - {fields[1].strip()}").strip()
    return kept


def pool(lines: dict[str, str], others: list[str]) -> dict[str, str]:
    """The lines without reserved wordings or repeats (the first kept) and without those
    ``others`` (the first Gaza pool and the other labelled sets) hold."""
    kept: dict[str, str] = {}
    seen: set[str] = set()
    for key, text in lines.items():
        if (k := norm(text)) and k not in seen and not reserved_wording(text):
            seen.add(k)
            kept[key] = text
    return unseen(kept, others)


def _order(key: str) -> tuple[str, int]:
    outlet, row = key.split(":")
    return outlet, int(row)


def selected(rows: dict[str, str]) -> dict[str, str]:
    """Picked key -> why: keyword lines drawn with ``random.Random(WORDED_SEED)`` (all when
    fewer), others with ``random.Random(OTHERS_SEED)``."""
    worded = sorted((k for k, text in rows.items() if KEYWORDS.search(text)), key=_order)
    others = sorted(set(rows) - set(worded), key=_order)
    if len(worded) > WORDED:
        worded = random.Random(WORDED_SEED).sample(worded, WORDED)  # noqa: S311
    drawn = random.Random(OTHERS_SEED).sample(others, min(OTHERS, len(others)))  # noqa: S311
    return {
        **dict.fromkeys(sorted(worded, key=_order), "keyword"),
        **dict.fromkeys(sorted(drawn, key=_order), "sample"),
    }


def picked(mirror: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The pool's lines and the picked keys with the reason each was picked."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    lines: dict[str, str] = {}
    for source in manifest["sources"]:
        raw = read_blob(mirror, source).decode("utf-8")
        reader = cnn_lines if source["format"] == "cnn" else headline_lines
        lines |= reader(raw, source["key"])
    first = json.loads(gaza.SET.manifest.read_text(encoding="utf-8"))["sources"][0]
    others = list(gaza.titles(read_blob(mirror, first).decode("utf-8")).values())
    rows = pool(lines, others + gaza.SET.other_texts(mirror))
    return rows, selected(rows)


def read_labels() -> dict[str, tuple[int, str, str]]:
    """Key -> (label, type, class note) of every labelled line."""
    return read_typed_labels(LABELS)


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled lines, each with its key, selection, split, label and text."""
    rows, chosen = picked(mirror)
    labels = read_labels()
    check_labelled(labels, chosen)
    return [{"id": f"gazaoutlets#{k}", "title": "", "text": rows[k], "label": labels[k][0],
             "type": labels[k][1], "note": labels[k][2], "selection": why,
             "split": split_of(k)} for k, why in chosen.items()]  # fmt: skip


def unlabelled(mirror: Path, out: Path) -> Path:
    """The picked lines in a seeded shuffled order, text only, for labelling by hand."""
    rows, chosen = picked(mirror)
    return write_unlabelled(out, STEM, sorted(chosen, key=_order), rows, SHUFFLE_SEED)


def main(argv: list[str] | None = None) -> int:
    counted = "lines, {} negotiation developments"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, unlabelled=unlabelled)


if __name__ == "__main__":
    sys.exit(main())
