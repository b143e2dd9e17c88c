"""Build the Sudan negotiation set: Google News headlines of the war in Sudan, 2025, labelled blind.

    python scripts/devdata/build_negotiation_sudan.py [--mirror DIR] [--out .devdata]
    python scripts/devdata/build_negotiation_sudan.py --unlabelled   # headlines to label

Reads the Google News result files of ``sources_negotiation_sudan.json`` (Parquet tables of the
results found with the search term "Sudan", April - July 2025: title, publisher, date, link and
article text a row) at their recorded commits from a local git mirror, drops the reserved
publishers and wordings (UN agencies and sites, ReliefWeb, OCHA, Airwars, ACLED), strips each
title's `` - <Publisher>`` tail, keeps the first of each repeated title (the files overlap) and
drops every title another labelled set holds, then picks, without looking at any method's
output, the titles with a broad negotiation keyword (a seeded sample when more than 330) and a
seeded sample of the rest. The dev/untuned split is a stable hash of
the key (``<file>:<row>``), fixed before labelling. Writes ``negotiation_sudan_dev.jsonl`` and
``negotiation_sudan_test.jsonl`` to the git-ignored ``.devdata/``; the labels
(``negotiation_sudan_labels.tsv``) are the project's own.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from headline_sets import (  # noqa: E402
    EARLIER_SETS,
    HeadlineSet,
    first_of_each,
    reserved_wording,
    source_blobs,
)

STEM = "negotiation_sudan"

# publishers whose text is reserved: UN agencies and their sites, ReliefWeb, OCHA, ACLED
RESERVED_PUBLISHERS = frozenset({
    "ACLED (Armed Conflict Location and Event Data)", "Department of Political and Peacebuilding "
    "Affairs", "Food and Agriculture Organization", "International Monetary Fund (IMF)",
    "International Organization for Migration",
    "OCHA", "ReliefWeb", "UN Media", "UN News", "UN Women", "UN World Food Programme", "UNESCO",
    "UNHCR - The UN Refugee Agency", "UNICEF Australia", "USA for UNHCR", "Unicef",
    "United Nations Development Programme", "United Nations Peacekeeping",
    "United Nations Population Fund", "WHO | Regional Office for Africa",
    "UNEP - UN Environment Programme", "United Nations Sustainable Development Group",
    "United Nations in India", "Welcome to the United Nations", "World Bank", "World Bank Blogs",
    "World Food Program USA",
    "World Health Organization (WHO)", "World Meteorological Organization WMO", "emro.who.int",
    "ohchr", "unicef usa",
})  # fmt: skip


def reserved(publisher: str, title: str) -> bool:
    """Whether a row's publisher or wording is reserved for independent evaluation."""
    return publisher.strip() in RESERVED_PUBLISHERS or reserved_wording(title)


def headlines(rows: list[dict[str, object]], file: str) -> dict[str, str]:
    """Key (``<file>:<row>``, row the 0-based row) -> headline of one results table, reserved
    rows left out and the publisher tail stripped."""
    kept: dict[str, str] = {}
    for row, result in enumerate(rows):
        title, publisher = " ".join(str(result["title"]).split()), str(result["source"]).strip()
        if not reserved(publisher, title):
            kept[f"{file}:{row}"] = title.removesuffix(f" - {publisher}").strip()
    return kept


def table(raw: bytes) -> list[dict[str, object]]:
    """The rows of a Parquet table."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - only the builders of Parquet sources need it

    return list(pq.read_table(io.BytesIO(raw)).to_pylist())


def results_pool(stem: str) -> Callable[[Path], dict[str, str]]:
    """The pool reader of a set of Google News result tables (``sources_<stem>.json``): the
    files' headlines (:func:`headlines`), in the manifest's order, the first of each repeated
    title kept."""

    def read(mirror: Path) -> dict[str, str]:
        lines: dict[str, str] = {}
        for source, raw in source_blobs(stem, mirror):
            lines |= headlines(table(raw), source["key"])
        return first_of_each(lines.items())

    return read


pool = results_pool(STEM)


def order(key: str) -> tuple[str, int]:
    """A key's place: its file (keys named by their first day, so in time order), then its row."""
    file, row = key.split(":")
    return file, int(row)


# 330 keyword titles (all when fewer) and 120 others drawn; seeds of the draws and the labelling
SET = HeadlineSet(
    STEM, "sudan_news", pool, 330, 120, (41, 42, 43),
    (*EARLIER_SETS, "gaza", "worldheadlines", "gazaoutlets"), order=order,
)  # fmt: skip
items = SET.items


if __name__ == "__main__":
    sys.exit(SET.main(None, __doc__.splitlines()[0]))
