"""Metric events: the wire form matches the dataclasses and survives a round trip."""

from __future__ import annotations

import json
from dataclasses import asdict

from tests.support.factories import WHEN, article, extraction
from wirewatch.metrics import ArticleMetrics, Extraction, Provenance


def test_to_dict_is_what_asdict_gives() -> None:
    ext = extraction(killed=7)
    assert json.dumps(ext.to_dict()) == json.dumps(asdict(ext))


def test_round_trip_through_the_wire() -> None:
    event = ArticleMetrics(article(3), extraction(), WHEN, Provenance("articles", 2, 41))
    decoded = ArticleMetrics.decode(event.encode())
    assert decoded == event
    assert str(decoded.provenance) == "articles[2]@41"
    assert Extraction.from_dict(event.extraction.to_dict()) == event.extraction
