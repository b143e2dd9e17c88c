"""Build the US negotiation set: 'United States' Google News headlines, 2025, labelled blind.

    python scripts/devdata/build_negotiation_us.py [--mirror DIR] [--out .devdata]
    python scripts/devdata/build_negotiation_us.py --unlabelled --out DIR   # headlines to label

Reads the Google News result files of ``sources_negotiation_us.json`` (Parquet tables of the
results found with the search term "United States", April - mid-May and late June - early July
2025: the India-Pakistan cease-fire, the US-Iran nuclear talks, the Israel-Iran truce, the
Russia-Ukraine talks, the Gaza truce talks, the DRC-Rwanda deal, and many trade talks) at their
recorded commits from a local git mirror, exactly as the Sudan set does
(:func:`build_negotiation_sudan.results_pool`: reserved publishers and wordings dropped,
publisher tails stripped, the first of each repeated title kept), drops every title another
labelled set holds, then picks, without looking at any method's output, the titles with a broad
negotiation keyword (a seeded sample when more than 200) and a seeded sample of 80 others. The
dev/untuned split is a stable hash of the key (``<file>:<row>``), fixed before labelling. Writes
``negotiation_us_dev.jsonl`` and ``negotiation_us_test.jsonl`` to the git-ignored ``.devdata/``;
the labels (``negotiation_us_labels.tsv``) are the project's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_negotiation_sudan import order, results_pool  # noqa: E402
from headline_sets import EARLIER_SETS, HeadlineSet  # noqa: E402

STEM = "negotiation_us"
# the labelled sets whose titles this one must not hold
OTHER_SETS = (*EARLIER_SETS, "gaza", "worldheadlines", "gazaoutlets", "sudan", "india", "iran")

# 200 keyword titles (all when fewer) and 80 others drawn; seeds of the draws and the labelling
SET = HeadlineSet(
    STEM, "us_news", results_pool(STEM), 200, 80, (71, 72, 73), OTHER_SETS, order=order
)
items = SET.items


if __name__ == "__main__":
    sys.exit(SET.main(None, __doc__.splitlines()[0]))
