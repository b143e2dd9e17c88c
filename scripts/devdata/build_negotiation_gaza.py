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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from headline_sets import HeadlineSet, first_of_each, one_file, reserved_wording  # noqa: E402

STEM = "negotiation_gaza"

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


def reserved(publisher: str, title: str) -> bool:
    """Whether a row's publisher or wording is reserved for independent evaluation."""
    return publisher.strip() in RESERVED_PUBLISHERS or reserved_wording(title)


def titles(raw: str) -> dict[str, str]:
    """Row (1-based line) -> title without its publisher tail, reserved rows and repeats left
    out (the first of each title kept)."""
    rows = (line.split("\t") for line in raw.splitlines())
    return first_of_each(
        (str(row), fields[2].strip().removesuffix(f" - {fields[1].strip()}").strip())
        for row, fields in enumerate(rows, 1)
        if len(fields) >= 3 and not reserved(fields[1], fields[2])
    )


pool = one_file(STEM, titles)

# 330 keyword titles and 120 others drawn; seeds of the two draws and of the labelling order
SET = HeadlineSet(STEM, "gaza_news", pool, 330, 120, (11, 12, 13))
items = SET.items


if __name__ == "__main__":
    sys.exit(SET.main(None, __doc__.splitlines()[0]))
