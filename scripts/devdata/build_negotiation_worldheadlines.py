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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from headline_sets import (  # noqa: E402
    EARLIER_SETS,
    HeadlineSet,
    first_of_each,
    one_file,
    reserved_wording,
)

STEM = "negotiation_worldheadlines"

CATEGORIES = frozenset({"worldnews", "ukraine"})
# domains whose text is reserved: UN agencies and their sites, ReliefWeb, OCHA, Airwars, ACLED
RESERVED_DOMAINS = (
    "un.org", "reliefweb.int", "unocha.org", "airwars.org", "acleddata.com", "unicef.org",
    "who.int", "wfp.org", "unhcr.org", "unrwa.org", "undp.org", "unesco.org", "ohchr.org",
    "iom.int", "worldbank.org", "fao.org", "ilo.org", "unfpa.org", "unctad.org", "unwomen.org",
)  # fmt: skip


def reserved(domain: str, title: str) -> bool:
    """Whether a row's domain or wording is reserved for independent evaluation."""
    host = domain.strip().lower()
    return any(host == d or host.endswith(f".{d}") for d in RESERVED_DOMAINS) or (
        reserved_wording(title)
    )


def titles(raw: str) -> dict[str, str]:
    """Row (0-based index in the list) -> title of the kept categories, reserved rows and
    repeats left out (the first of each title kept)."""
    posts = ((row, post, " ".join(str(post.get("title") or "").split()))
             for row, post in enumerate(json.loads(raw)))  # fmt: skip
    return first_of_each(
        (str(row), title)
        for row, post, title in posts
        if post.get("category") in CATEGORIES and not reserved(str(post.get("domain")), title)
    )


pool = one_file(STEM, titles)

# every keyword title (fewer than 300) and 80 others drawn; seeds of the draws and the labelling
SET = HeadlineSet(
    STEM, "world_headlines", pool, 300, 80, (31, 32, 33),
    (*EARLIER_SETS, "gaza"),
)  # fmt: skip
items = SET.items


if __name__ == "__main__":
    sys.exit(SET.main(None, __doc__.splitlines()[0]))
