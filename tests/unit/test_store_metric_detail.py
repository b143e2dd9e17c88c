"""The store keeps a figure's subset link and modality, and a negotiation's modality."""

from __future__ import annotations

import json
from pathlib import Path

from consumers.extraction import extract
from tests.support.factories import WHEN, article
from tests.support.sql import query
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import open_store

BODY = (
    "An airstrike killed 31 people, including three children, in the town. "
    "Even if thousands were killed, the army would go on. "
    "Hamas released 13 hostages on Friday. Protesters demanded the release of all detainees."
)


def _details(tmp_path: Path) -> list[tuple[str, str, int, dict[str, object]]]:
    store = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    event = article(1, body=BODY)
    assert store.save(ArticleMetrics(event, extract(BODY), WHEN))
    rows = query(
        store,
        "SELECT family, kind, value, detail FROM metrics WHERE family != 'signal' ORDER BY seq",
    )
    store.close()
    return [(f, k, v, json.loads(d) if d else {}) for f, k, v, d in rows]


def test_subset_and_modality_of_figures_are_stored(tmp_path: Path) -> None:
    casualties = [r for r in _details(tmp_path) if r[0] == "casualty"]
    assert casualties[0][2:] == (31, {})
    assert casualties[1][2:] == (3, {"part_of": 0})
    assert casualties[2][3] == {"modality": "hypothetical"}


def test_negotiation_modality_is_stored_beside_its_sides(tmp_path: Path) -> None:
    talks = {k: d for f, k, _, d in _details(tmp_path) if f == "negotiation"}
    assert talks["hostage_release"]["modality"] == "asserted"
    assert talks["hostage_release"]["parties"] == ["Hamas"]
    assert talks["prisoner_release"]["modality"] == "demanded"
