"""A blind-labelled headline set for the negotiation flag: its pool, draws, split and labels.

The headline sets (``build_negotiation_gaza.py`` and those after it) differ only in how they read
their file; each is a :class:`HeadlineSet` given a reader, and this module holds what they share:
reserved wordings, a title's identity, titles another labelled set already holds, the seeded
keyword and random draws, the hash split fixed before labelling, and the builder's command line.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

# wordings of texts reserved for independent evaluation (OCHA flash updates, Airwars, ACLED)
RESERVED_WORDS = ("flash update", "ocha", "airwars", "acled")
# the labelled news sets before the headline sets, by builder (build_negotiation_<name>.py)
EARLIER_SETS = ("news", "huffpost", "mined", "fresh", "worldpost", "reuters", "voa")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def norm(text: str) -> str:
    """A title's identity: its letters and digits, lower case."""
    return _NOT_ALNUM.sub("", text.lower())


def reserved_wording(title: str) -> bool:
    """Whether a title names a text reserved for independent evaluation."""
    lowered = title.lower()
    return any(w in lowered for w in RESERVED_WORDS)


def first_of_each(titles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Key -> title of ``titles`` (key, title pairs), the first of each repeated title kept
    (by :func:`norm`) and titles with no letter or digit left out."""
    kept: dict[str, str] = {}
    seen: set[str] = set()
    for key, title in titles:
        if (k := norm(title)) and k not in seen:
            seen.add(k)
            kept[key] = title
    return kept


def one_file(
    stem: str, titles: Callable[[str], dict[str, str]]
) -> Callable[[Path], dict[str, str]]:
    """The pool reader of a set of one file: ``titles`` of the text of ``sources_<stem>.json``'s
    only source."""
    return lambda mirror: titles(source_texts(stem, mirror)[0][1])


def source_blobs(stem: str, mirror: Path) -> list[tuple[dict[str, str], bytes]]:
    """Each source of ``sources_<stem>.json`` with its file's bytes, read at its recorded commit
    from the local git mirror."""
    manifest = json.loads((HERE / f"sources_{stem}.json").read_text(encoding="utf-8"))
    return [(source, read_blob(mirror, source)) for source in manifest["sources"]]


def source_texts(stem: str, mirror: Path) -> list[tuple[dict[str, str], str]]:
    """Each source of ``sources_<stem>.json`` with its file's text (:func:`source_blobs`)."""
    return [(source, raw.decode("utf-8")) for source, raw in source_blobs(stem, mirror)]


def unseen(rows: dict[str, str], others: Iterable[str]) -> dict[str, str]:
    """The rows whose title no text of ``others`` (another labelled set's items) holds."""
    held = "|".join(norm(text) for text in others)
    return {row: title for row, title in rows.items() if norm(title) not in held}


@dataclass(frozen=True)
class HeadlineSet:
    """One headline set: ``read`` gives its pool from the mirror (key -> title, reserved rows and
    repeats left out; :func:`source_texts` reads the files); ``other_sets`` name the builders
    whose items it must not hold; ``worded`` keyword titles and ``others`` other titles are drawn
    with the first two ``seeds``, and the labelling order is shuffled with the third; ``order``
    sorts the keys, ``noun`` names the items in the builder's report."""

    stem: str
    id_prefix: str
    read: Callable[[Path], dict[str, str]]
    worded: int
    others: int
    seeds: tuple[int, int, int]
    other_sets: tuple[str, ...] = EARLIER_SETS
    order: Callable[[str], Any] = int
    noun: str = "headlines"

    @property
    def labels(self) -> Path:
        return HERE / f"{self.stem}_labels.tsv"

    def split_of(self, row: str) -> str:
        """``dev`` or ``test`` (untuned) by a stable hash of the row."""
        return hash_split(f"{self.stem}#{row}")

    def selected(self, rows: dict[str, str]) -> dict[str, str]:
        """Picked row -> why: keyword titles drawn with the first seed (all when fewer), others
        with the second."""
        worded = sorted((r for r, text in rows.items() if KEYWORDS.search(text)), key=self.order)
        others = sorted(set(rows) - set(worded), key=self.order)
        if len(worded) > self.worded:
            worded = random.Random(self.seeds[0]).sample(worded, self.worded)  # noqa: S311
        rng = random.Random(self.seeds[1])  # noqa: S311
        drawn = rng.sample(others, min(self.others, len(others)))
        return {
            **dict.fromkeys(sorted(worded, key=self.order), "keyword"),
            **dict.fromkeys(sorted(drawn, key=self.order), "sample"),
        }

    def other_texts(self, mirror: Path) -> list[str]:
        """The titles and texts of every item of :attr:`other_sets`."""
        out: list[str] = []
        for name in self.other_sets:
            builder = __import__(f"build_negotiation_{name}")
            out += [f"{i['title']} {i['text']}" for i in builder.items(mirror)]
        return out

    def picked(self, mirror: Path) -> tuple[dict[str, str], dict[str, str]]:
        """The pool's titles and the picked rows with the reason each was picked."""
        rows = unseen(self.read(mirror), self.other_texts(mirror))
        return rows, self.selected(rows)

    def read_labels(self) -> dict[str, tuple[int, str, str]]:
        """Row -> (label, type, class note) of every labelled title."""
        return read_typed_labels(self.labels)

    def items(self, mirror: Path) -> list[dict[str, object]]:
        """The labelled titles, each with its row, selection, split, label and text."""
        rows, chosen = self.picked(mirror)
        labels = self.read_labels()
        check_labelled(labels, chosen)
        return [{"id": f"{self.id_prefix}#{r}", "title": "", "text": rows[r],
                 "label": labels[r][0], "type": labels[r][1], "note": labels[r][2],
                 "selection": why, "split": self.split_of(r)}
                for r, why in chosen.items()]  # fmt: skip

    def unlabelled(self, mirror: Path, out: Path) -> Path:
        """The picked titles in a seeded shuffled order, text only, for labelling by hand."""
        rows, chosen = self.picked(mirror)
        order = sorted(chosen, key=self.order)
        return write_unlabelled(out, self.stem, order, rows, self.seeds[2])

    def main(self, argv: list[str] | None, description: str) -> int:
        """The builder's command line (:func:`build_negotiation.build_main`)."""
        counted = f"{self.noun}, {{}} negotiation developments"
        return build_main(
            argv, description, self.items, self.stem, counted, unlabelled=self.unlabelled
        )
