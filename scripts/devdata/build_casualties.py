"""Build the casualty development corpus from real, human-labelled text into ``.devdata/``.

Run: ``python scripts/devdata/build_casualties.py [--mirrors DIR] [--out DIR]``.

Sources (see ``casualties_sources.json`` beside this script for commits and terms):

- ACLED event notes with coder fatality counts, read from public repositories that
  committed ACLED exports: CSV files, a GeoJSON export (Nigeria 2014-16), ACLED API
  records stored as Parquet (read with ``build_negotiation``'s reader) and an R data frame
  of one country's export (``.RData``, read with ``rdata``), and one a knitr cache kept
  (an R lazy-load database, ``.rdb``). ACLED's terms
  forbid redistribution, so only this script and the provenance manifest are committed.
- News articles about US shootings with killed/injured counts coded by the Gun Violence
  Archive, as published with a university course project.
- Global Terrorism Database incident summaries with the coders' killed and wounded counts:
  Iraq 2012-17 from a CSV extract a data-analysis project committed, and 80 countries,
  January-June 2021, from START's own release file (xlsx, read with ``openpyxl``) as another
  project committed it (GTD's terms forbid redistribution: used locally only).
- UCDP GED events (CC BY 4.0) from the 1,000-event sample an R package ships as an
  ``.rda`` file (read with ``rdata``): the source headline alone, with the event's best
  fatality estimate, as a headline-only untuned source.

The repositories are read from local git mirrors (``fetch`` puts them under
``/work/.mirror/OWNER+NAME/``) at the recorded commit. Items in the date/country windows
reserved for independent evaluation are dropped in :func:`reserved` and counted. The
split is deterministic: a SHA-1 of the item id puts 30% in ``untuned`` (never used for
tuning) and the rest in ``dev``; a source whose manifest entry says ``"split":
"untuned_source"`` goes whole to ``short_untuned_source.jsonl`` (other countries and
coders, scored only). Short reports are ACLED notes (at most 120 words); long narratives
are articles of 300 words or more.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import build_negotiation as negotiation  # noqa: E402  # its ACLED CSV and Parquet readers

MANIFEST = HERE / "casualties_sources.json"
SHORT_MAX_WORDS = 120
LONG_MIN_WORDS = 300
UNTUNED_SHARE = 30  # percent

_AFRICA = frozenset(
    """algeria angola benin botswana burkina_faso burundi cameroon cape_verde cabo_verde
central_african_republic chad comoros djibouti egypt equatorial_guinea eritrea eswatini
swaziland ethiopia gabon gambia the_gambia ghana guinea guinea_bissau ivory_coast
cote_d'ivoire côte_d'ivoire kenya lesotho liberia libya madagascar malawi mali mauritania
mauritius mayotte morocco mozambique namibia niger nigeria reunion réunion rwanda
saint_helena sao_tome_and_principe são_tomé_and_príncipe senegal seychelles sierra_leone
somalia somaliland south_africa south_sudan sudan tanzania togo tunisia uganda
western_sahara zambia zimbabwe democratic_republic_of_congo
democratic_republic_of_the_congo dr_congo drc republic_of_congo republic_of_the_congo
congo""".split()
)
_PALESTINE_ISRAEL = frozenset(
    """palestine state_of_palestine occupied_palestinian_territory
occupied_palestinian_territories palestinian_territories palestinian_territory opt
gaza gaza_strip west_bank israel""".split()
)


def _name(country: str) -> str:
    return "_".join(country.strip().lower().replace("-", " ").split()).replace("’", "'")


def reserved(day: date, country: str) -> bool:
    """True for the windows kept for independent evaluation (never used here)."""
    name = _name(country)
    if date(2020, 4, 28) <= day <= date(2020, 5, 9):
        return True
    if name == "afghanistan" and (day.year, day.month) == (2020, 3):
        return True
    if name in _AFRICA and day.year == 2016 and day.month in (6, 7):
        return True
    if name == "sudan" and date(2023, 4, 11) <= day <= date(2023, 4, 14):
        return True
    return name in _PALESTINE_ISRAEL and date(2023, 10, 1) <= day <= date(2025, 6, 30)


def _git_show(mirrors: Path, source: dict[str, Any], path: str) -> str:
    git_dir = mirrors / source["repo"].replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():
        git_dir = git_dir / ".git"
    argv = ["git", "--git-dir", str(git_dir), "show", f"{source['commit']}:{path}"]
    out = subprocess.run(argv, check=True, capture_output=True)  # noqa: S603  # fixed argv
    return out.stdout.decode("utf-8", errors="replace")


def _acled_date(raw: str) -> date:
    formats = ("%d-%B-%Y", "%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y",
               "%d/%m/%Y %H:%M:%S")  # fmt: skip
    for fmt in formats:
        try:  # a time of day after "T" (ISO timestamps) is dropped
            return datetime.strptime(raw.strip().split("T")[0], fmt).date()  # noqa: DTZ007  # a calendar day
        except ValueError:
            continue
    day = negotiation.parse_date(raw)
    if day is not None:
        return day
    msg = f"unknown ACLED date {raw!r}"
    raise ValueError(msg)


Item = dict[str, Any]


def _rda_rows(mirrors: Path, source: dict[str, Any]) -> list[dict[str, str]]:
    """The rows of an R data frame with lower-case keys; the manifest gives the country
    (the frame has none) and the row number stands in for the event id."""
    import rdata  # noqa: PLC0415  # only these sources need it

    with warnings.catch_warnings():  # R classes read as plain frames
        warnings.simplefilter("ignore", UserWarning)
        frame = rdata.read_rda(io.BytesIO(negotiation.read_blob(mirrors, source)))
    rows = frame[source["object"]].to_dict("records")
    return [{**{k.lower(): str(v) for k, v in row.items()}, "country": source["country"],
             "event_id_cnty": f"row{n}"} for n, row in enumerate(rows)]  # fmt: skip


def _rows(mirrors: Path, source: dict[str, Any]) -> list[dict[str, str]]:
    """Export rows with lower-case keys: CSV, Parquet and knitr caches through
    ``build_negotiation``'s readers (with the Parquet records' ``fatalities`` column),
    GeoJSON features and R data frames here."""
    if source["format"] == "rdata":
        return _rda_rows(mirrors, source)
    if source["format"] == "geojson":
        features = json.loads(_git_show(mirrors, source, source["path"]))["features"]
        return [{k.lower(): str(v) for k, v in f["properties"].items()} for f in features]
    rows = negotiation.read_source(mirrors, source)
    if source["format"] == "parquet":
        import pyarrow.parquet as pq  # noqa: PLC0415  # only these sources need it

        raw = negotiation.read_blob(mirrors, source)
        deaths = pq.read_table(io.BytesIO(raw), columns=["fatalities"]).column(0).to_pylist()
        for row, count in zip(rows, deaths, strict=True):
            row["fatalities"] = str(count or 0)
    return rows


def _short(
    source: dict[str, Any], dropped: Counter[str], key: str, day: date, country: str,
    text: str, killed: int, wounded: int | None,
) -> Item | None:  # fmt: skip
    """A short report's item, or None when its day and country are reserved (counted in
    ``dropped``) or its text is empty or longer than a short report."""
    if reserved(day, country):
        dropped[source["name"]] += 1
        return None
    text = " ".join(text.split())
    if not text or len(text.split()) > SHORT_MAX_WORDS:
        return None
    return {"id": f"{source['name']}:{key}", "kind": "short", "text": text, "title": "",
            "killed": killed, "wounded": wounded, "country": country, "date": day.isoformat(),
            "source": source["name"]}  # fmt: skip


def _acled(mirrors: Path, source: dict[str, Any], dropped: Counter[str]) -> Iterator[Item]:
    for row in _rows(mirrors, source):
        day = _acled_date(row["event_date"])
        killed = int(row["fatalities"] or 0)
        item = _short(source, dropped, row["event_id_cnty"], day, row["country"], row["notes"],
                      killed, None)  # fmt: skip
        if item is not None:
            yield item


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


# a headline that names a death (the only ones a figure can be read from)
_DEATH_WORD = (" kill", " dead", " death", " die", " slain", " massacre", " martyr", " lynch",
               " behead", " murder", " execut", " bodies")  # fmt: skip
# UCDP counts these from October 2023 on with figures this project may not tune on
_UCDP_CUTOFF = date(2023, 10, 1)


def ucdp_kept(day: date, country: str, headline: str) -> bool:
    """True for a UCDP event whose headline is read: one headline (no ";") that names a
    death, outside the reserved windows and outside Israel/Palestine from October 2023."""
    if reserved(day, country) or _name(country) in _PALESTINE_ISRAEL and day >= _UCDP_CUTOFF:
        return False
    low = " " + headline.lower()
    return ";" not in headline and any(word in low for word in _DEATH_WORD)


def _ucdp(mirrors: Path, source: dict[str, Any], dropped: Counter[str]) -> Iterator[Item]:
    """UCDP GED events as headline-only items: the title is ``source_headline``, the body is
    empty and the label is the event's ``best`` estimate (see the manifest's label rule)."""
    import rdata  # noqa: PLC0415  # only this source needs it (an .rda file)

    raw = negotiation.read_blob(mirrors, source)
    with warnings.catch_warnings():  # R classes (tibble, POSIXct) read as plain frames
        warnings.simplefilter("ignore", UserWarning)
        frame = rdata.read_rda(io.BytesIO(raw))[source["object"]]
    for row in frame.to_dict("records"):
        headline = row["source_headline"]
        if not isinstance(headline, str) or row["date_start"] != row["date_start"]:
            continue  # no headline, or no date (NaN)
        day = datetime.fromtimestamp(float(row["date_start"]), tz=UTC).date()
        if not ucdp_kept(day, row["country"], headline):
            dropped[source["name"]] += reserved(day, row["country"])
            continue
        yield {"id": f"{source['name']}:{row['id']}", "kind": "headline", "text": "",
               "title": " ".join(headline.split()), "killed": int(row["best"]),
               "wounded": None, "country": row["country"], "date": day.isoformat(),
               "source": source["name"]}  # fmt: skip


def _gtd(mirrors: Path, source: dict[str, Any], dropped: Counter[str]) -> Iterator[Item]:
    """Global Terrorism Database incident summaries, from a project's CSV extract (one country,
    its own column names): the summary with the coders' killed and wounded counts; the row
    number stands in for the event id, which the extract left out."""
    rows = csv.DictReader(io.StringIO(_git_show(mirrors, source, source["path"])))
    for n, row in enumerate(rows):
        day = date.fromisoformat(row["date"])
        killed, wounded = int(float(row["killed"])), int(float(row["wounded"]))
        item = _short(source, dropped, f"row{n}", day, row["country"], row["summary"], killed,
                      wounded)  # fmt: skip
        if item is not None:
            yield item


def _gtd_release(mirrors: Path, source: dict[str, Any], dropped: Counter[str]) -> Iterator[Item]:
    """Global Terrorism Database incidents from START's own release file (xlsx, every column):
    the summary with ``nkill`` and ``nwound``; incidents with no killed count are left out."""
    import openpyxl  # noqa: PLC0415  # only this source needs it

    book = openpyxl.load_workbook(io.BytesIO(negotiation.read_blob(mirrors, source)),
                                  read_only=True)  # fmt: skip
    rows = book.worksheets[0].iter_rows(values_only=True)
    column = {name: i for i, name in enumerate(next(rows))}
    for row in rows:
        killed, wounded, text = (row[column[k]] for k in ("nkill", "nwound", "summary"))
        if killed is None or not text:
            continue
        year, month, day = (int(row[column[k]]) for k in ("iyear", "imonth", "iday"))
        when = date(year, max(month, 1), max(day, 1))  # GTD codes an unknown month or day as 0
        item = _short(source, dropped, str(row[column["eventid"]]), when,
                      str(row[column["country_txt"]]), str(text), int(killed),
                      None if wounded is None else int(wounded))  # fmt: skip
        if item is not None:
            yield item


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
    readers = {"acled": _acled, "parquet": _acled, "geojson": _acled, "rdata": _acled,
               "rdata-cache": _acled,
               "gva": _gva, "ucdp-rda": _ucdp, "gtd-csv": _gtd,
               "gtd-xlsx": _gtd_release}  # fmt: skip
    dropped: Counter[str] = Counter()
    files: dict[str, list[dict[str, Any]]] = {}
    for source in manifest["sources"]:
        try:
            items = list(readers[source["format"]](args.mirrors, source, dropped))
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"skip {source['repo']}: {exc}", file=sys.stderr)
            continue
        whole = source.get("split")
        for item in items:
            files.setdefault(f"{item['kind']}_{whole or split_of(item['id'])}", []).append(item)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, items in sorted(files.items()):
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
        print(f"{name}: {len(items)} items")
    print(f"dropped as reserved (date/country windows): {dict(dropped) or 0}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
