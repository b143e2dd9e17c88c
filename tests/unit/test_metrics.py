"""Metric events: the wire form matches the dataclasses and survives a round trip."""

from __future__ import annotations

import json
from dataclasses import asdict

from tests.support.factories import WHEN, article, extraction
from wirewatch.metrics import ArticleMetrics, Extraction, Provenance

# fields added after the wire contract was fixed are written only when set
_LATER = ("part", "part_of", "modality", "period_killed")


def _drop_unset(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_unset(v) for k, v in value.items() if not (k in _LATER and v is None)}
    if isinstance(value, (list, tuple)):
        return [_drop_unset(v) for v in value]
    return value


def test_to_dict_is_what_asdict_gives() -> None:
    ext = extraction(killed=7)
    assert json.dumps(ext.to_dict()) == json.dumps(_drop_unset(asdict(ext)))
    assert "part_of" not in ext.to_dict()["casualties"][0]
    assert "period_killed" not in ext.to_dict()["summary"]


def test_round_trip_through_the_wire() -> None:
    event = ArticleMetrics(article(3), extraction(), WHEN, Provenance("articles", 2, 41))
    decoded = ArticleMetrics.decode(event.encode())
    assert decoded == event
    assert str(decoded.provenance) == "articles[2]@41"
    assert Extraction.from_dict(event.extraction.to_dict()) == event.extraction
