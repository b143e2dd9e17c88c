"""The optional ``text_source`` field: absent by default, round-trips, validated."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from wirewatch.errors import SchemaError
from wirewatch.events import ArticleEvent


def test_absent_by_default_so_version_1_events_are_unchanged() -> None:
    event = ArticleEvent.create(source="wire", body="Three were killed.")
    assert "text_source" not in event.to_dict()
    assert ArticleEvent.decode(event.encode()).text_source is None


@pytest.mark.parametrize("value", ["summary", "full"])
def test_round_trips(value: str) -> None:
    event = replace(ArticleEvent.create(source="feed", body="b"), text_source=value)
    assert json.loads(event.encode())["text_source"] == value
    assert ArticleEvent.decode(event.encode()) == event


def test_an_unknown_value_is_a_schema_error() -> None:
    data = ArticleEvent.create(source="feed", body="b").to_dict() | {"text_source": "html"}
    with pytest.raises(SchemaError, match="text_source must be one of summary, full"):
        ArticleEvent.from_dict(data)
