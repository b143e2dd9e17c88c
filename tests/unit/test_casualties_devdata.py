"""The casualty development data builder: the reserved evaluation windows are dropped for
every spelling of their countries, and the split is fixed by the item id."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_casualties")


@pytest.mark.parametrize(
    ("day", "country"),
    [
        (date(2023, 10, 7), "Palestine"),
        (date(2025, 6, 30), "Israel"),
        (date(2024, 2, 1), "Occupied Palestinian Territory"),
        (date(2024, 2, 1), "Gaza Strip"),
        (date(2020, 3, 15), "Afghanistan"),
        (date(2020, 4, 28), "Mexico"),
        (date(2020, 5, 9), "Yemen"),
        (date(2016, 6, 1), "Nigeria"),
        (date(2016, 7, 31), "Democratic Republic of Congo"),
        (date(2016, 7, 2), "Cote d'Ivoire"),
        (date(2016, 6, 20), "Guinea-Bissau"),
        (date(2016, 6, 20), "South Sudan"),
        (date(2023, 4, 11), "Sudan"),
        (date(2023, 4, 14), "sudan"),
    ],
)
def test_reserved_windows_are_dropped(day: date, country: str) -> None:
    assert build.reserved(day, country)


@pytest.mark.parametrize(
    ("day", "country"),
    [
        (date(2023, 9, 30), "Israel"),
        (date(2025, 7, 1), "Palestine"),
        (date(2024, 2, 1), "Lebanon"),
        (date(2020, 4, 15), "Afghanistan"),
        (date(2020, 5, 10), "Kenya"),
        (date(2016, 8, 1), "Nigeria"),
        (date(2016, 6, 15), "Pakistan"),
        (date(2023, 4, 15), "Sudan"),
        (date(2023, 4, 12), "South Sudan"),
    ],
)
def test_days_outside_the_windows_are_kept(day: date, country: str) -> None:
    assert not build.reserved(day, country)


def test_split_depends_on_the_id_only() -> None:
    ids = [f"acled-kenya:KEN{n}" for n in range(2000)]
    splits = [build.split_of(i) for i in ids]
    assert splits == [build.split_of(i) for i in ids]
    assert 0.25 < splits.count("untuned") / len(ids) < 0.35


def test_manifest_names_no_reserved_repository() -> None:
    manifest = json.loads((DEVDATA / "casualties_sources.json").read_text())
    negotiation = json.loads((DEVDATA / "sources_negotiation.json").read_text())
    banned = {r.lower() for r in negotiation["reserved_repositories_excluded"]}
    assert banned
    assert not {s["repo"].lower() for s in manifest["sources"]} & banned
    assert any(s.get("split") == "untuned_source" for s in manifest["sources"])


@pytest.mark.parametrize(
    ("day", "country", "headline", "kept"),
    [
        (date(2015, 3, 2), "Afghanistan", "Nine police killed in checkpoint attack", True),
        (date(2019, 8, 1), "Nigeria", "Gunmen slay two farmers in night raid", False),
        (date(2019, 8, 1), "Nigeria", "Two dead in raid;Raid toll rises", False),
        (date(2018, 5, 4), "Syria", "Two civilians die in shelling", True),
        (date(2026, 1, 9), "Israel", "Three killed in air strike", False),
        (date(2022, 1, 9), "Israel", "Three killed in air strike", True),
        (date(2020, 5, 1), "Colombia", "Leader killed at home", False),
        (date(2016, 7, 3), "Mali", "Soldier killed by mine", False),
    ],
)
def test_ucdp_headlines_kept(day: date, country: str, headline: str, kept: bool) -> None:
    """A UCDP headline is read when it is one headline naming a death, outside the reserved
    windows and outside Israel/Palestine from October 2023 on."""
    assert build.ucdp_kept(day, country, headline) is kept


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2021-01-02T00:00:00Z", date(2021, 1, 2)),
        ("14/08/2020 00:00:00", date(2020, 8, 14)),
        ("28 September 2019", date(2019, 9, 28)),
    ],
)
def test_export_dates_with_a_time_of_day_read_as_their_day(raw: str, day: date) -> None:
    assert build._acled_date(raw) == day


def test_every_new_region_source_names_its_commit_and_terms() -> None:
    manifest = json.loads((DEVDATA / "casualties_sources.json").read_text())
    names = {s["name"]: s for s in manifest["sources"]}
    for name in (
        "acled-afghanistan-2019",
        "acled-myanmar-2021",
        "acled-ukraine",
        "acled-yemen-2015",
        "acled-yemen-2024",
        "gtd-iraq",
        "gtd-2021",
    ):
        assert len(names[name]["commit"]) == 40
        assert "no redistribution" in names[name]["terms"]


def test_gtd_rows_read_as_short_items(monkeypatch: pytest.MonkeyPatch) -> None:
    header = "date,country,killed,wounded,summary"
    rows = [
        "2014-06-11,Iraq,3.0,0.0,Assailants shot three guards at a post.",
        "2020-05-01,Iraq,1.0,2.0,A bomb went off in a market.",  # a reserved window
    ]
    csv_text = "\n".join([header, *rows]) + "\n"
    monkeypatch.setattr(build, "_git_show", lambda mirrors, source, path: csv_text)
    dropped: Counter[str] = Counter()
    source = {"name": "gtd-test", "path": "x.csv"}
    items = list(build._gtd(Path("."), source, dropped))
    assert [(i["id"], i["killed"], i["wounded"], i["date"]) for i in items] == [
        ("gtd-test:row0", 3, 0, "2014-06-11")
    ]
    assert dropped == Counter({"gtd-test": 1})


def test_gtd_release_rows_read_as_short_items(monkeypatch: pytest.MonkeyPatch) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["eventid", "iyear", "imonth", "iday", "country_txt", "summary", "nkill",
                  "nwound"])  # fmt: skip
    sheet.append([202101010001, 2021, 1, 0, "Nigeria", "Gunmen shot two farmers.", 2, None])
    sheet.append([202101020001, 2021, 1, 2, "Mali", "A mine exploded.", None, 3])  # no count
    sheet.append([202005010001, 2020, 5, 1, "Mali", "A bomb killed one.", 1, 0])  # reserved
    buffer = io.BytesIO()
    book.save(buffer)
    monkeypatch.setattr(build.negotiation, "read_blob", lambda mirrors, source: buffer.getvalue())
    dropped: Counter[str] = Counter()
    items = list(build._gtd_release(Path("."), {"name": "gtd-test"}, dropped))
    assert [(i["id"], i["killed"], i["wounded"], i["date"]) for i in items] == [
        ("gtd-test:202101010001", 2, None, "2021-01-01")
    ]
    assert dropped == Counter({"gtd-test": 1})
