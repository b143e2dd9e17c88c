"""Build the mined negotiation set: news snippets where the rules and a keyword regex disagree.

    python scripts/devdata/build_negotiation_mined.py [--mirror /work/.mirror] [--out .devdata]

Reads the six source files of ``sources_negotiation_mined.json`` (AG News training rows, HuffPost
stories of 2012-18, MIND news, ABC News headlines) at their recorded commits from local git
mirrors, takes the rows listed in ``negotiation_mined_labels.tsv`` and writes
``negotiation_mined_dev.jsonl`` to the git-ignored ``.devdata/``. The text is others'; the
labels are the project's own, made by reading each snippet with the methods' flags hidden. The
whole set is dev: it was mined with the rules' output and is tuned on.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_negotiation import build_main, read_blob  # noqa: E402
from build_negotiation_news import clean  # noqa: E402

MANIFEST = HERE / "sources_negotiation_mined.json"
LABELS = HERE / "negotiation_mined_labels.tsv"
STEM = "negotiation_mined"
# the tokenised copy's spacing: "Iraq s government", "Jidda , Saudi", "( Reuters )"
_BEFORE_PUNCT = re.compile(r" ([,.;:!?)]|'s)")
Snippet = tuple[str, str, str]  # title, text, section


def detokenise(text: str) -> str:
    """A tokenised summary with the spaces before punctuation and after "(" taken out."""
    return _BEFORE_PUNCT.sub(r"\1", text).replace("( ", "(")


def ag_joined(raw: str) -> dict[str, Snippet]:
    """AG rows kept as one text (headline and summary joined), by 1-based row."""
    rows = csv.reader(io.StringIO(raw))
    return {str(i): ("", clean(text), f"ag class {cls}") for i, (text, cls) in enumerate(rows, 1)}


def ag_tokenised(raw: str) -> dict[str, Snippet]:
    """AG summaries kept tokenised, by 1-based row."""
    rows = csv.reader(io.StringIO(raw))
    return {
        str(i): ("", detokenise(text), f"ag class {cls}") for i, (cls, text) in enumerate(rows, 1)
    }


def huffpost(raw: str) -> dict[str, Snippet]:
    """HuffPost stories (a JSON array), by article id."""
    stories = json.loads(raw)
    return {str(s["article_id"]): (s["headline"], s["short_description"], s["category"])
            for s in stories}  # fmt: skip


def mind(raw: str) -> dict[str, Snippet]:
    """MIND news items (tab-separated), by news id."""
    rows = (line.split("\t") for line in raw.splitlines())
    return {f[0]: (f[3], f[4], f"{f[1]}/{f[2]}") for f in rows}


def abc(raw: str) -> dict[str, Snippet]:
    """ABC News headlines, by 1-based line (the header is line 1)."""
    lines = raw.splitlines()
    return {str(i): (line.partition(",")[2], "", "abc") for i, line in enumerate(lines[1:], 2)}


READERS: dict[str, Callable[[str], dict[str, Snippet]]] = {
    "ag_train_a": ag_joined,
    "ag_train_b": ag_tokenised,
    "ag_train_c": ag_tokenised,
    "huffpost_2012": huffpost,
    "mind": mind,
    "abc_2003": abc,
}


def read_labels() -> list[tuple[str, int, str]]:
    """(id, label, flagged_by) of every labelled snippet."""
    lines = LABELS.read_text(encoding="utf-8").splitlines()[1:]
    return [(i, int(label), by) for i, label, by in (line.split("\t") for line in lines)]


def items(mirror: Path) -> list[dict[str, object]]:
    """The labelled snippets, each with its id, source section, flagging stratum and text."""
    sources = json.loads(MANIFEST.read_text(encoding="utf-8"))["sources"]
    rows = {s["key"]: READERS[s["key"]](read_blob(mirror, s).decode("utf-8")) for s in sources}
    built: list[dict[str, object]] = []
    for ident, label, flagged_by in read_labels():
        key, _, row = ident.partition("#")
        title, text, section = rows[key][row]
        built.append({"id": ident, "title": title, "text": text, "label": label,
                      "section": section, "flagged_by": flagged_by, "split": "dev"})  # fmt: skip
    return built


def main(argv: list[str] | None = None) -> int:
    counted = "snippets, {} negotiation developments (all dev)"
    return build_main(argv, __doc__.splitlines()[0], items, STEM, counted, splits=("dev",))


if __name__ == "__main__":
    sys.exit(main())
