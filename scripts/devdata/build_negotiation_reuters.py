"""Build the Reuters negotiation set: 1996 newswire leads picked by keyword, labelled blind.

    python scripts/devdata/build_negotiation_reuters.py [--mirror /work/.mirror] [--out .devdata]
    python scripts/devdata/build_negotiation_reuters.py --unlabelled   # the stories to label

Reads the three files of the CoNLL-2003 English shared task (Reuters RCV1 stories of August and
December 1996, one token a line, a blank line between sentences) of
``sources_negotiation_reuters.json`` at their recorded commit from a local git mirror, turns each
story into a snippet (its headline and its first sentence after the dateline, tokens joined
back into text), leaves out the sports and market stories (a capitalised desk prefix such as
``SOCCER -``) and repeats, and picks, without looking at any method's output, every snippet with
a broad negotiation keyword, a seeded sample of the rest and then the rest of the pool. The
dev/untuned split is a stable hash of the story id, fixed before labelling. Writes
``negotiation_reuters_dev.jsonl`` and ``negotiation_reuters_test.jsonl`` to the git-ignored
``.devdata/``; the labels (``negotiation_reuters_labels.tsv``) are the project's own.
"""

from __future__ import annotations

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
from build_negotiation_fresh import key  # noqa: E402
from build_negotiation_news import KEYWORDS  # noqa: E402

MANIFEST = HERE / "sources_negotiation_reuters.json"
LABELS = HERE / "negotiation_reuters_labels.tsv"
STEM = "negotiation_reuters"
OTHERS, SEED = 80, 8  # stories drawn from those without a keyword
Story = tuple[str, str, str]  # headline, lead sentence, dateline
_DATELINE = re.compile(r"\b\d{4}-\d{2}-\d{2}$")
_DESK = re.compile(r"^[A-Z][A-Z /&.']+ - ")
_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")
_QUOTES = re.compile(r'" ([^"]*?) "')


def split_of(ident: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of the story id."""
    return hash_split(f"negotiation_reuters#{ident}")


def detokenize(tokens: list[str]) -> str:
    """Tokens joined back into running text (no space before closing punctuation and clitics,
    none inside brackets or quotes)."""
    text = _NO_SPACE_BEFORE.sub("", " ".join(tokens))
    return _QUOTES.sub(r'"\1"', _NO_SPACE_AFTER.sub("", text))


def documents(raw: str) -> list[list[list[str]]]:
    """The stories of a CoNLL file, each a list of sentences of tokens (the first column)."""
    stories: list[list[list[str]]] = [[]]
    sentence: list[str] = []
    for line in [*raw.splitlines(), ""]:
        word = line.split(" ", 1)[0]
        if word == "-DOCSTART-":
            stories.append([])
        elif word:
            sentence.append(word)
        elif sentence:
            stories[-1].append(sentence)
            sentence = []
    return [story for story in stories if story]


def snippet(story: list[list[str]]) -> Story | None:
    """Headline, first sentence after the dateline and the dateline, or None for a story with
    no dateline or no sentence after it."""
    lines = [detokenize(sentence) for sentence in story]
    dated = next((i for i, line in enumerate(lines) if _DATELINE.search(line)), None)
    if dated is None or dated + 1 >= len(lines):
        return None
    return lines[0], lines[dated + 1], lines[dated]


def stories(files: dict[str, str]) -> dict[str, Story]:
    """Every story of the files with a snippet and no desk prefix, by ``<file key>#<n>`` (n the
    1-based story of the file), one per headline and lead."""
    kept: dict[str, Story] = {}
    seen: set[str] = set()
    for name, raw in files.items():
        for n, story in enumerate(documents(raw), 1):
            lead = snippet(story)
            if lead is None or _DESK.match(lead[0]) or (k := key(f"{lead[0]} {lead[1]}")) in seen:
                continue
            seen.add(k)
            kept[f"{name}#{n}"] = lead
    return kept


def selected(pool: dict[str, Story]) -> dict[str, str]:
    """Picked id -> why: every keyword story, others drawn with ``random.Random(SEED)``, then
    the rest of the pool (``section``: the pool is read whole)."""
    worded = sorted(i for i, s in pool.items() if KEYWORDS.search(f"{s[0]} {s[1]}"))
    others = sorted(set(pool) - set(worded))
    drawn = random.Random(SEED).sample(others, min(OTHERS, len(others)))  # noqa: S311
    picked = {**dict.fromkeys(worded, "keyword"), **dict.fromkeys(sorted(drawn), "sample")}
    return picked | {i: "section" for i in sorted(pool) if i not in picked}


def picked(mirror: Path) -> tuple[dict[str, Story], dict[str, str]]:
    """The pool's stories and the picked ones with the reason each was picked."""
    sources = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"]
    pool = stories({s["key"]: read_blob(mirror, s).decode("utf-8") for s in sources})
    return pool, selected(pool)


def read_labels() -> dict[str, tuple[int, str, str]]:
    """Id -> (label, type, class note) of every labelled story."""
    return read_typed_labels(LABELS)


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled stories, each with its id, dateline, selection, split, label and text."""
    pool, chosen = picked(mirror)
    labels = read_labels()
    check_labelled(labels, chosen)
    return [{"id": i, "title": pool[i][0], "text": pool[i][1], "label": labels[i][0],
             "type": labels[i][1], "note": labels[i][2], "dateline": pool[i][2],
             "selection": why, "split": split_of(i)}
            for i, why in sorted(chosen.items())]  # fmt: skip


def unlabelled(mirror: Path, out: Path) -> Path:
    """The picked stories not yet labelled, in a seeded shuffled order, text only, for
    labelling by hand."""
    pool, chosen = picked(mirror)
    done = set(read_labels()) if LABELS.exists() else set()
    lines = {i: f"{pool[i][0]} || {pool[i][1]}" for i in chosen}
    return write_unlabelled(out, STEM, sorted(set(chosen) - done), lines, SEED)


def main(argv: list[str] | None = None) -> int:
    counted = "stories, {} negotiation developments"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, unlabelled=unlabelled)


if __name__ == "__main__":
    sys.exit(main())
