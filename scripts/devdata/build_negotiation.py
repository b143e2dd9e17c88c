"""Build the negotiation development corpus from public ACLED exports (real text, labels by ACLED).

    python scripts/devdata/build_negotiation.py [--mirror /work/.mirror] [--out .devdata]

Reads each source of ``sources_negotiation.json`` at its recorded commit from a local git mirror
(``<mirror>/<owner>+<name>/repo``), keeps one item per event note, labels it ``1`` when ACLED coded
the event as ``Agreement``, drops the reserved date/country windows and duplicate notes, strips
the coder's leading tag ("Agreement: ..."), and writes ``negotiation_dev.jsonl`` and
``negotiation_test.jsonl``. The split is by source: each export of the manifest names its split,
so the untuned test split holds other countries, another year and other coders than dev, and
nothing in it was read while the rules were tuned or the model trained; a source whose split is
``hash`` (one measured whole, blind, before any of it was read) is split by a hash of its event
ids (:func:`hash_split`). Sources are CSV files,
Parquet files of ACLED API records (``format: parquet``: the note is the ``Text:`` part of the
record, without the coded event type that follows it) or an export a knitr cache kept
(``format: rdata-cache``, an R lazy-load database). ACLED data may not be redistributed: the
output stays in the git-ignored ``.devdata/``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import subprocess  # noqa: S404 - reads a local git mirror
import sys
import warnings
import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "sources_negotiation.json"
AFRICA = frozenset({
    "Algeria", "Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cameroon", "Cape Verde",
    "Central African Republic", "Chad", "Comoros", "Democratic Republic of Congo",
    "Republic of Congo", "Djibouti", "Egypt", "Equatorial Guinea", "Eritrea", "eSwatini",
    "Ethiopia", "Gabon", "Gambia", "Ghana", "Guinea", "Guinea-Bissau", "Ivory Coast", "Kenya",
    "Lesotho", "Liberia", "Libya", "Madagascar", "Malawi", "Mali", "Mauritania", "Mauritius",
    "Morocco", "Mozambique", "Namibia", "Niger", "Nigeria", "Rwanda", "Senegal", "Sierra Leone",
    "Somalia", "South Africa", "South Sudan", "Sudan", "Tanzania", "Togo", "Tunisia", "Uganda",
    "Zambia", "Zimbabwe", "Western Sahara", "Swaziland",
})  # fmt: skip
_DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%d-%m-%y", "%Y-%m-%d", "%d/%m/%Y")
_TAG = re.compile(r"^\s*[A-Z][A-Za-z /&-]{1,40}:\s+")
_SPACE = re.compile(r"\W+")
_API_TEXT = re.compile(r"\bText: (.*?) Number of fatalities:", re.DOTALL)
csv.field_size_limit(10**9)


def parse_date(text: str) -> date | None:
    """The event date in any of the formats the exports use, or None."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


def reserved(country: str, day: date) -> bool:
    """Whether an event falls in a window reserved for independent evaluation."""
    windows = (
        (country == "Palestine", date(2023, 10, 1), date(2025, 6, 30)),
        (True, date(2020, 4, 28), date(2020, 5, 9)),
        (country == "Afghanistan", date(2020, 3, 1), date(2020, 3, 31)),
        (country in AFRICA, date(2016, 6, 1), date(2016, 7, 31)),
        (country == "Sudan", date(2023, 4, 11), date(2023, 4, 14)),
    )
    return any(applies and lo <= day <= hi for applies, lo, hi in windows)


def read_blob(mirror: Path, source: dict[str, str]) -> bytes:
    """The bytes of one source file at its recorded commit, from the local mirror."""
    repo = mirror / source["repo"].replace("/", "+") / "repo"
    blob = f"{source['commit']}:{source['path']}"
    return subprocess.run(  # noqa: S603
        ["git", "-C", str(repo), "show", blob],  # noqa: S607
        capture_output=True,
        check=True,
    ).stdout


def parquet_rows(raw: bytes) -> list[dict[str, str]]:
    """ACLED API records stored as Parquet, as export rows (``notes`` from the ``Text:`` part)."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - only these sources need it

    rows = []
    for record in pq.read_table(io.BytesIO(raw)).to_pylist():
        note = _API_TEXT.search(str(record.get("text") or ""))
        rows.append({
            "event_id_cnty": str(record.get("item_id", "")).removeprefix("acled_"),
            "event_date": str(record.get("date", "")),
            "country": str(record.get("country", "")),
            "sub_event_type": str(record.get("sub_event_type", "")),
            "notes": note.group(1) if note else "",
        })  # fmt: skip
    return rows


def rdb_rows(raw: bytes) -> list[dict[str, str]]:
    """The first object of an R lazy-load database (``.rdb``, as a knitr cache keeps a chunk's
    data frame: a 4-byte length, then one zlib stream per object) as export rows, keys
    lower-cased; R stores a ``Date`` as days since 1970-01-01, so ``event_date`` becomes an ISO
    day and a count such as ``fatalities`` (a double in R) its integer."""
    import rdata  # noqa: PLC0415 - only these sources need it

    stream = zlib.decompressobj().decompress(raw[4:])
    with warnings.catch_warnings():  # R classes read as plain frames
        warnings.simplefilter("ignore", UserWarning)
        frame = rdata.conversion.convert(rdata.parser.parse_data(stream))
    rows = [{str(k).lower(): "" if v is None else str(v) for k, v in row.items()}
            for row in frame.to_dict("records")]  # fmt: skip
    for row in rows:
        row["event_date"] = date.fromordinal(_EPOCH + int(float(row["event_date"]))).isoformat()
        row["fatalities"] = str(int(float(row["fatalities"] or 0)))
    return rows


_EPOCH = date(1970, 1, 1).toordinal()


def read_source(mirror: Path, source: dict[str, str]) -> list[dict[str, str]]:
    """The rows of one source file at its recorded commit, keys lower-cased."""
    raw_bytes = read_blob(mirror, source)
    if source.get("format") == "parquet":
        return parquet_rows(raw_bytes)
    if source.get("format") == "rdata-cache":
        return rdb_rows(raw_bytes)
    raw = raw_bytes.decode("utf-8", "replace")
    return [
        {k.lower(): (v or "") for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO(raw))
    ]


def label_of(row: dict[str, str]) -> int | None:
    """1 for an ACLED Agreement, 0 for any other event, None when the coding cannot tell."""
    sub = row.get("sub_event_type")
    if sub is not None:
        return int(sub == "Agreement")
    if row.get("event_type", "").startswith("Strategic development"):
        return None  # old exports: no sub-type, so an agreement cannot be told apart
    return 0


def items(mirror: Path) -> tuple[list[dict[str, object]], dict[str, int]]:
    """Labelled items from every source, with the counts dropped for each reason."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    dropped = {"reserved": 0, "undated": 0, "unlabelled": 0, "duplicate": 0, "empty": 0}
    for source in manifest["sources"]:
        if source["repo"] in manifest["reserved_repositories_excluded"]:
            msg = f"{source['repo']} is reserved for independent evaluation"
            raise SystemExit(msg)
        for row in read_source(mirror, source):
            text = _TAG.sub("", row.get("notes", "")).strip()
            day = parse_date(row.get("event_date", ""))
            label = label_of(row)
            reason = ("empty" if len(text) < 20 else "undated" if day is None
                      else "reserved" if reserved(row.get("country", ""), day)
                      else "unlabelled" if label is None
                      else "duplicate" if text in seen else None)  # fmt: skip
            if reason is not None:
                dropped[reason] += 1
                continue
            seen.add(text)
            out.append({
                "id": f"{source['repo']}#{row.get('event_id_cnty', '')}",
                "text": text,
                "label": label,
                "acled_sub_event_type": row.get("sub_event_type") or row.get("event_type", ""),
                "country": row.get("country", ""),
                "date": str(day),
                "source": f"{source['repo']}/{source['path']}@{source['commit'][:12]}",
                "split": source["split"] if source["split"] != "hash"
                else hash_split(f"{source['repo']}#{row.get('event_id_cnty', '')}"),
            })  # fmt: skip
    return out, dropped


def hash_split(key: str) -> str:
    """``dev`` or ``test`` (untuned) by a stable hash of ``key`` (a set's name and an item's
    id), fixed before any item is read."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


def read_typed_labels(path: Path) -> dict[str, tuple[int, str, str]]:
    """Id -> (label, type, class note) of a labels file with a header row."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {f[0]: (int(f[1]), f[2], f[3]) for f in (line.split("\t") for line in lines)}


def check_labelled(labels: dict[str, tuple[int, str, str]], chosen: dict[str, str]) -> None:
    """Exit unless every picked item (``chosen``) is labelled and no other is."""
    if set(labels) != set(chosen):
        msg = f"labels ({len(labels)}) and selection ({len(chosen)}) differ"
        raise SystemExit(msg)


def write_unlabelled(
    out: Path, stem: str, order: list[str], lines: dict[str, str], seed: int
) -> Path:
    """``out/<stem>_unlabelled.tsv``: the items ``order`` names, shuffled with ``seed``, each as
    its id and its text in ``lines``, for labelling by hand without any method's output."""
    random.Random(seed).shuffle(order)  # noqa: S311
    path = out / f"{stem}_unlabelled.tsv"
    path.write_text("".join(f"{i}\t{lines[i]}\n" for i in order), "utf-8")
    return path


def write_splits(
    built: list[dict[str, object]],
    out: Path,
    stem: str,
    counted: str,
    splits: tuple[str, ...] = ("dev", "test"),
) -> None:
    """Write ``out/<stem>_<split>.jsonl`` for each of ``splits`` from each item's split and
    print each file's size; ``counted`` words it with ``{}`` for the positives."""
    out.mkdir(parents=True, exist_ok=True)
    for name in splits:
        part = [item for item in built if item["split"] == name]
        path = out / f"{stem}_{name}.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in part), "utf-8")
        positives = sum(int(i["label"] == 1) for i in part)
        print(f"{path}: {len(part)} {counted.format(positives)}")


def build_main(
    argv: list[str] | None,
    description: str,
    items: Callable[[Path], list[dict[str, object]]],
    stem: str,
    counted: str,
    splits: tuple[str, ...] = ("dev", "test"),
    unlabelled: Callable[[Path, Path], Path] | None = None,
) -> int:
    """The command line of a news set's builder: read ``--mirror``, write its splits to ``--out``
    (see :func:`write_splits` for ``stem``, ``counted`` and ``splits``); with ``unlabelled``,
    ``--unlabelled`` writes the picked items to label instead and prints the file."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=Path(".devdata"))
    if unlabelled is not None:
        parser.add_argument("--unlabelled", action="store_true", help="write the items to label")
    args = parser.parse_args(argv)
    if unlabelled is not None and args.unlabelled:
        args.out.mkdir(parents=True, exist_ok=True)
        print(unlabelled(args.mirror, args.out))
        return 0
    write_splits(items(args.mirror), args.out, stem, counted, splits)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=Path(".devdata"))
    args = parser.parse_args(argv)
    built, dropped = items(args.mirror)
    write_splits(built, args.out, "negotiation", "items, {} agreements")
    print(f"dropped: {dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
