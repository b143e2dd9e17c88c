"""Build the casualty development corpus from real, human-labelled text into ``.devdata/``.

Run: ``python scripts/devdata/build_casualties.py [--mirrors DIR] [--out DIR]``.

Sources (see ``casualties_sources.json`` beside this script for commits and terms):

- ACLED event notes with coder fatality counts (Asia 2015; Burkina Faso 1997-2022), read
  from public repositories that committed ACLED exports. ACLED's terms forbid
  redistribution, so only this script and the provenance manifest are committed.
- News articles about US shootings with killed/injured counts coded by the Gun Violence
  Archive, as published with a university course project.

The repositories are read from local git mirrors (``fetch`` puts them under
``/work/.mirror/OWNER+NAME/``) at the recorded commit. Items in the date/country windows
reserved for independent evaluation are dropped in :func:`reserved` and counted. The
split is deterministic: a SHA-1 of the item id puts 30% in ``untuned`` (never used for
tuning) and the rest in ``dev``. Short reports are ACLED notes (at most 120 words); long
narratives are articles of 300 words or more.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MANIFEST = HERE / "casualties_sources.json"
SHORT_MAX_WORDS = 120
LONG_MIN_WORDS = 300
UNTUNED_SHARE = 30  # percent

_AFRICA = frozenset(
    """algeria angola benin botswana burkina_faso burundi cameroon cape_verde
central_african_republic chad comoros djibouti egypt equatorial_guinea eritrea eswatini
ethiopia gabon gambia ghana guinea guinea-bissau ivory_coast kenya lesotho liberia libya
madagascar malawi mali mauritania mauritius morocco mozambique namibia niger nigeria
rwanda senegal sierra_leone somalia south_africa south_sudan sudan tanzania togo tunisia
uganda zambia zimbabwe democratic_republic_of_congo republic_of_congo""".split()
)


def reserved(day: date, country: str) -> bool:
    """True for the windows kept for independent evaluation (never used here)."""
    name = country.strip().lower().replace(" ", "_")
    if date(2020, 4, 28) <= day <= date(2020, 5, 9):
        return True
    if name == "afghanistan" and (day.year, day.month) == (2020, 3):
        return True
    if name in _AFRICA and day.year == 2016 and day.month in (6, 7):
        return True
    if name == "sudan" and date(2023, 4, 11) <= day <= date(2023, 4, 14):
        return True
    return name in ("palestine", "israel") and date(2023, 10, 1) <= day <= date(2025, 6, 30)


def _git_show(mirrors: Path, source: dict[str, Any], path: str) -> str:
    git_dir = mirrors / source["repo"].replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():
        git_dir = git_dir / ".git"
    argv = ["git", "--git-dir", str(git_dir), "show", f"{source['commit']}:{path}"]
    out = subprocess.run(argv, check=True, capture_output=True)  # noqa: S603  # fixed argv
    return out.stdout.decode("utf-8", errors="replace")


def _acled_date(raw: str) -> date:
    for fmt in ("%d-%B-%Y", "%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw.strip(), fmt).date()  # noqa: DTZ007  # a calendar day
        except ValueError:
            continue
    msg = f"unknown ACLED date {raw!r}"
    raise ValueError(msg)


Item = dict[str, Any]


def _acled(mirrors: Path, source: dict[str, Any], dropped: Counter[str]) -> Iterator[Item]:
    text = _git_show(mirrors, source, source["path"])
    for row in csv.DictReader(io.StringIO(text)):
        row = {k.lower(): v for k, v in row.items() if k}
        day = _acled_date(row["event_date"])
        if reserved(day, row["country"]):
            dropped[source["name"]] += 1
            continue
        notes = " ".join(row["notes"].split())
        if not notes or len(notes.split()) > SHORT_MAX_WORDS:
            continue
        yield {"id": f"{source['name']}:{row['event_id_cnty']}", "kind": "short",
               "text": notes, "title": "", "killed": int(row["fatalities"] or 0),
               "wounded": None, "country": row["country"], "date": day.isoformat(),
               "source": source["name"]}  # fmt: skip


def _gva(mirrors: Path, source: dict[str, Any], dropped: Counter[str]) -> Iterator[Item]:
    for part, (xpath, ypath) in source["files"].items():
        texts = json.loads(_git_show(mirrors, source, xpath))
        labels = json.loads(_git_show(mirrors, source, ypath))
        for n, (x, y) in enumerate(zip(texts, labels, strict=True)):
            body = x["text"].strip()
            if len(body.split()) < LONG_MIN_WORDS:
                continue
            yield {"id": f"{source['name']}:{part}:{n}", "kind": "long", "text": body,
                   "title": "", "killed": int(y["n_killed"]), "wounded": int(y["n_injured"]),
                   "country": "United States", "date": y.get("shooting_date"),
                   "source": source["name"]}  # fmt: skip


def split_of(item_id: str) -> str:
    """``dev`` or ``untuned``, fixed by the id alone."""
    bucket = int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 100  # noqa: S324
    return "untuned" if bucket < UNTUNED_SHARE else "dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                        help="folder of git mirrors named OWNER+NAME/repo")  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / ".devdata" / "casualties")
    args = parser.parse_args(argv)
    manifest = json.loads(MANIFEST.read_text())
    readers = {"acled": _acled, "gva": _gva}
    dropped: Counter[str] = Counter()
    files: dict[str, list[dict[str, Any]]] = {}
    for source in manifest["sources"]:
        try:
            items = list(readers[source["format"]](args.mirrors, source, dropped))
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"skip {source['repo']}: {exc}", file=sys.stderr)
            continue
        for item in items:
            files.setdefault(f"{item['kind']}_{split_of(item['id'])}", []).append(item)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, items in sorted(files.items()):
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
        print(f"{name}: {len(items)} items")
    print(f"dropped as reserved (date/country windows): {dict(dropped) or 0}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
