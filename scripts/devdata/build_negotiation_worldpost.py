"""Build the WorldPost negotiation set: HuffPost world stories of 2012-18, labelled blind.

    python scripts/devdata/build_negotiation_worldpost.py [--mirror /work/.mirror] [--out .devdata]
    python scripts/devdata/build_negotiation_worldpost.py --unlabelled   # the picked rows, to label

Reads the two partial copies of the News Category Dataset (Misra 2022) of
``sources_negotiation_worldpost.json`` at their recorded commits from local git mirrors, keeps
the stories of the WORLD NEWS, THE WORLDPOST and WORLDPOST sections (headline and summary),
drops every story another labelled set holds (by normalised headline: every row of the first
HuffPost set and the HuffPost rows of the mined set) and repeats, and picks, without looking at
any method's output, every story with a broad negotiation keyword, a seeded sample of the rest
and then the rest of the pool. The dev/untuned split is a stable hash of the row id, fixed
before labelling. Writes
``negotiation_worldpost_dev.jsonl`` and ``negotiation_worldpost_test.jsonl`` to the git-ignored
``.devdata/``; the labels (``negotiation_worldpost_labels.tsv``) are the project's own.
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
from build_negotiation_fresh import key  # noqa: E402
from build_negotiation_huffpost import read_labels as huffpost_labels  # noqa: E402
from build_negotiation_huffpost import read_records as huffpost_records  # noqa: E402
from build_negotiation_mined import huffpost as huffpost_array  # noqa: E402
from build_negotiation_mined import read_labels as mined_labels  # noqa: E402
from build_negotiation_news import KEYWORDS  # noqa: E402

MANIFEST = HERE / "sources_negotiation_worldpost.json"
MINED_MANIFEST = HERE / "sources_negotiation_mined.json"
LABELS = HERE / "negotiation_worldpost_labels.tsv"
STEM = "negotiation_worldpost"
WORLD = frozenset({"WORLD NEWS", "THE WORLDPOST", "WORLDPOST"})
WORDED, OTHERS, SEED = 350, 60, 8  # keyword stories drawn (at most), others drawn
Story = tuple[str, str, str, str]  # headline, summary, section, date


def split_of(ident: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the row id."""
    return hash_split(f"negotiation_worldpost#{ident}")


def json_lines(raw: str) -> dict[str, Story]:
    """Stories of a JSON-lines copy, by 1-based line."""
    records = (json.loads(line) for line in raw.splitlines() if line.strip())
    return {str(i): (r["headline"], r["short_description"], r["category"], r["date"])
            for i, r in enumerate(records, 1)}  # fmt: skip


def json_array(raw: str) -> dict[str, Story]:
    """Stories of the JSON-array copy, by article id (dates left out: epoch milliseconds)."""
    return {row: (title, text, section, "") for row, (title, text, section) in
            huffpost_array(raw).items()}  # fmt: skip


READERS = {"json_lines": json_lines, "json_array": json_array}


def world(stories: dict[str, dict[str, Story]], seen: set[str]) -> dict[str, Story]:
    """World-section stories (id ``<source>#<row>``) whose headline no labelled set holds,
    one per headline."""
    kept: dict[str, Story] = {}
    for source, rows in stories.items():
        for row, story in rows.items():
            k = key(story[0])
            if story[2] in WORLD and k and k not in seen:
                kept[f"{source}#{row}"] = story
                seen.add(k)
    return kept


def selected(stories: dict[str, Story]) -> dict[str, str]:
    """Picked id -> why: keyword stories and others, each drawn with ``random.Random(SEED)``,
    then the rest of the pool (``section``: the world sections are read whole)."""
    worded = sorted(i for i, s in stories.items() if KEYWORDS.search(f"{s[0]} {s[1]}"))
    others = sorted(set(stories) - set(worded))
    rng = random.Random(SEED)  # noqa: S311 - a reproducible sample, not security
    drawn = rng.sample(worded, min(WORDED, len(worded)))
    picked = {
        **dict.fromkeys(drawn, "keyword"),
        **dict.fromkeys(rng.sample(others, min(OTHERS, len(others))), "sample"),
    }
    return picked | {i: "section" for i in sorted(stories) if i not in picked}


def seen_keys(mirror: Path) -> set[str]:
    """Headline keys of every row of the first HuffPost set and the mined set's HuffPost rows."""
    records = huffpost_records(mirror)
    keys = {key(records[row - 1]["headline"]) for row in huffpost_labels()}
    mined = {ident.partition("#")[2] for ident, _, _ in mined_labels()
             if ident.startswith("huffpost_2012#")}  # fmt: skip
    for source in json.loads(MINED_MANIFEST.read_text(encoding="utf-8"))["sources"]:
        if source["key"] == "huffpost_2012":
            rows = huffpost_array(read_blob(mirror, source).decode("utf-8"))
            keys |= {key(rows[r][0]) for r in mined}
    return keys - {""}


def picked(mirror: Path) -> tuple[dict[str, Story], dict[str, str]]:
    """The pool's fresh world stories and the picked ones with the reason each was picked."""
    sources = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"]
    stories = {s["key"]: READERS[s["format"]](read_blob(mirror, s).decode("utf-8"))
               for s in sources}  # fmt: skip
    rows = world(stories, seen_keys(mirror))
    return rows, selected(rows)


def read_labels() -> dict[str, tuple[int, str, str]]:
    """Id -> (label, type, class note) of every labelled story."""
    return read_typed_labels(LABELS)


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled stories, each with its id, section, date, selection, split, label and text."""
    rows, chosen = picked(mirror)
    labels = read_labels()
    check_labelled(labels, chosen)
    return [{"id": i, "title": rows[i][0].strip(), "text": rows[i][1].strip(),
             "label": labels[i][0], "type": labels[i][1], "note": labels[i][2],
             "section": rows[i][2], "date": rows[i][3], "selection": why,
             "split": split_of(i)} for i, why in sorted(chosen.items())]  # fmt: skip


def unlabelled(mirror: Path, out: Path) -> Path:
    """The picked stories not yet labelled, in a seeded shuffled order, text only, for
    labelling by hand."""
    rows, chosen = picked(mirror)
    done = set(read_labels()) if LABELS.exists() else set()
    lines = {i: f"{rows[i][0]} || {rows[i][1]}" for i in chosen}
    return write_unlabelled(out, STEM, sorted(set(chosen) - done), lines, SEED)


def main(argv: list[str] | None = None) -> int:
    counted = "stories, {} negotiation developments"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, unlabelled=unlabelled)


if __name__ == "__main__":
    sys.exit(main())
