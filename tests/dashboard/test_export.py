"""Exports: CSV that a spreadsheet cannot run, JSON that round-trips, buttons on the pages."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import export

ROWS = [
    {"title": '=HYPERLINK("http://x")', "value": 12, "metrics": [{"kind": "killed"}]},
    {"title": "Plain, with a comma", "source": "AP", "value": None},
]


def test_csv_defuses_formulas_and_keeps_every_column() -> None:
    table = list(csv.reader(io.StringIO(export.to_csv(ROWS).decode())))
    assert table[0] == ["title", "value", "metrics", "source"]
    assert table[1] == ['\'=HYPERLINK("http://x")', "12", '[{"kind": "killed"}]', ""]
    assert table[2] == ["Plain, with a comma", "", "", "AP"]


def test_json_round_trips() -> None:
    assert json.loads(export.to_json(ROWS)) == ROWS


@pytest.mark.usefixtures("filled")
def test_articles_and_drilldown_offer_downloads(app: Callable[..., AppTest]) -> None:
    at = app("sections/articles.py")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV (4 rows)", "JSON"]
    at = app("sections/drilldown.py")
    at.selectbox(key="drill_figure").set_value("People killed (new incidents)").run()
    assert [b.proto.label for b in at.get("download_button")] == ["CSV (2 rows)", "JSON"]
