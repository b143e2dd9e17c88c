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

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_negotiation_gaza as gaza  # noqa: E402
from headline_sets import (  # noqa: E402
    HeadlineSet,
    first_of_each,
    reserved_wording,
    source_texts,
    unseen,
)

STEM = "negotiation_gazaoutlets"
# the CNN pages' navigation labels, not key points
CNN_LABELS = frozenset({"what we covered here", "all"})
_NUMBERED = re.compile(r"^\s*\d+\.\s+(.*\S)")


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


def first_kept(lines: dict[str, str], others: list[str]) -> dict[str, str]:
    """The lines without reserved wordings or repeats (the first kept) and without those
    ``others`` (the first Gaza set's pool) hold."""
    kept = first_of_each((k, text) for k, text in lines.items() if not reserved_wording(text))
    return unseen(kept, others)


def pool(mirror: Path) -> dict[str, str]:
    """The three files' lines (:func:`cnn_lines`, :func:`headline_lines`), the first Gaza set's
    pool left out."""
    lines: dict[str, str] = {}
    for source, raw in source_texts(STEM, mirror):
        reader = cnn_lines if source["format"] == "cnn" else headline_lines
        lines |= reader(raw, source["key"])
    return first_kept(lines, list(gaza.pool(mirror).values()))


def order(key: str) -> tuple[str, int]:
    """A key's place: its outlet, then its row."""
    outlet, row = key.split(":")
    return outlet, int(row)


# 300 keyword lines and 80 others drawn; seeds of the two draws and of the labelling order
SET = HeadlineSet(STEM, "gazaoutlets", pool, 300, 80, (21, 22, 23), order=order, noun="lines")
items = SET.items


if __name__ == "__main__":
    sys.exit(SET.main(None, __doc__.splitlines()[0]))
