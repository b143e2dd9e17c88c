"""The Sudan negotiation set's builder (and the India, Iran and US sets that share its reader):
its results-table reader, exclusions and key order."""

from __future__ import annotations

import json

import pytest

from tests.support.devdata import DEVDATA, load_script

build = load_script("build_negotiation_sudan")


def test_the_reader_strips_the_publisher_tail_and_keys_rows_by_file() -> None:
    rows: list[dict[str, object]] = [
        {"title": "Envoys meet the army chief in Cairo - Daily Courier", "source": "Daily Courier"},
        {"title": "Rebels  sign a truce in the hills", "source": "Hill Times"},
    ]
    assert build.headlines(rows, "0401") == {
        "0401:0": "Envoys meet the army chief in Cairo",
        "0401:1": "Rebels sign a truce in the hills",
    }


def test_the_reader_drops_reserved_publishers_and_wordings() -> None:
    rows: list[dict[str, object]] = [
        {"title": "Aid convoy reaches the north - ReliefWeb", "source": "ReliefWeb"},
        {"title": "Displacement grows - UN News", "source": "UN News"},
        {"title": "Monitors cite ACLED figures - Daily Courier", "source": "Daily Courier"},
        {"title": "Talks resume in Jeddah - Daily Courier", "source": "Daily Courier"},
    ]
    assert build.headlines(rows, "0513") == {"0513:3": "Talks resume in Jeddah"}


def test_keys_order_by_file_then_row() -> None:
    keys = ["0527b:3", "0401:12", "0527:40", "0401:9", "0701b:0"]
    assert sorted(keys, key=build.order) == ["0401:9", "0401:12", "0527:40", "0527b:3", "0701b:0"]


def test_un_bodies_of_the_india_files_are_reserved() -> None:
    rows: list[dict[str, object]] = [
        {"title": "Clean air plan - United Nations in India", "source": "United Nations in India"},
        {"title": "Lending rises - World Bank Blogs", "source": "World Bank Blogs"},
        {"title": "Envoys meet in Muscat - Daily Courier", "source": "Daily Courier"},
    ]
    assert build.headlines(rows, "0501") == {"0501:2": "Envoys meet in Muscat"}


def test_un_agencies_of_the_us_files_are_reserved_but_a_government_mission_is_not() -> None:
    fund, mission = "International Monetary Fund (IMF)", "United States Mission to the UN (.gov)"
    rows: list[dict[str, object]] = [
        {"title": f"Outlook cut - {fund}", "source": fund},
        {"title": f"Envoy speaks at the council - {mission}", "source": mission},
    ]
    assert build.headlines(rows, "0626") == {"0626:1": "Envoy speaks at the council"}


@pytest.mark.parametrize(
    "builder",
    [
        "build_negotiation_sudan",
        "build_negotiation_india",
        "build_negotiation_iran",
        "build_negotiation_us",
    ],
)
def test_the_manifest_keys_name_the_files_in_time_order(builder: str) -> None:
    stem = load_script(builder).STEM
    manifest = json.loads((DEVDATA / f"sources_{stem}.json").read_text(encoding="utf-8"))
    keys = [source["key"] for source in manifest["sources"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert len({source["blob"] for source in manifest["sources"]}) == len(keys)


def test_the_later_sets_hold_no_title_of_the_sets_before_them() -> None:
    india, iran = load_script("build_negotiation_india"), load_script("build_negotiation_iran")
    assert "sudan" in india.SET.other_sets
    assert {"sudan", "india"} <= set(iran.SET.other_sets)
    assert {"sudan", "india", "iran"} <= set(load_script("build_negotiation_us").SET.other_sets)


def test_the_us_manifest_names_the_files_with_a_non_breaking_space_as_committed() -> None:
    manifest = json.loads((DEVDATA / "sources_negotiation_us.json").read_text(encoding="utf-8"))
    late = [s["path"] for s in manifest["sources"] if s["key"] >= "0626"]
    assert late and all("United\u00a0States_" in path for path in late)
