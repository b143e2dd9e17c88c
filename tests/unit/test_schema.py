"""The article event: ids, validation and the wire format."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from wirewatch.errors import SchemaError
from wirewatch.events import SCHEMA_VERSION, ArticleEvent, article_id_for, canonical_url

WHEN = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)


def make(**kw: object) -> ArticleEvent:
    fields: dict[str, object] = {"source": "test", "body": "Two people were hurt.", "title": "T"}
    fields.update(kw)
    return ArticleEvent.create(ingested_at=WHEN, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.example.org/news/1/", "http://example.org/news/1"),
        ("https://example.org/a?utm_source=x&id=3#top", "https://EXAMPLE.org/a?id=3"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("https://example.org:443/a", "https://example.org/a"),
    ],
)
def test_canonical_url_equates_trivial_variants(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_meaningful_differences() -> None:
    assert canonical_url("https://example.org/a?id=3") != canonical_url(
        "https://example.org/a?id=4"
    )
    assert canonical_url("https://example.org/a") != canonical_url("https://example.net/a")


def test_id_from_url_ignores_content_changes() -> None:
    first = article_id_for(url="https://example.org/x", title="A", body="one")
    second = article_id_for(url="https://www.example.org/x/", title="B", body="two")
    assert first == second
    assert len(first) == 16


def test_id_from_content_normalises_case_and_space() -> None:
    first = article_id_for(url=None, title="Talks", body="Talks  resumed\nin Cairo.")
    second = article_id_for(url=None, title="talks", body="talks resumed in CAIRO.")
    third = article_id_for(url=None, title="talks", body="talks resumed in Doha.")
    assert first == second != third


def test_round_trip_through_the_wire() -> None:
    event = make(url="https://example.org/1", published_at=WHEN - timedelta(hours=1))
    decoded = ArticleEvent.decode(event.encode())
    assert decoded == event
    assert decoded.event_time == WHEN - timedelta(hours=1)


def test_times_are_normalised_to_utc() -> None:
    data = make().to_dict()
    data["ingested_at"] = "2026-11-24T10:30:00+02:00"
    data["published_at"] = "2026-11-24T07:00:00Z"
    event = ArticleEvent.from_dict(data)
    assert event.ingested_at == WHEN
    assert event.published_at == datetime(2026, 11, 24, 7, tzinfo=UTC)
    assert event.ingested_at.tzinfo == UTC
    naive = ArticleEvent.from_dict({**data, "published_at": "2026-11-24T07:00:00"})
    assert naive.published_at is not None
    assert naive.published_at.utcoffset() == UTC.utcoffset(None)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00binary", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        (None, "no value"),
    ],
)
def test_decode_rejects_bad_bytes_with_a_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(SchemaError, match=reason):
        ArticleEvent.decode(raw)


def test_unknown_schema_version_is_rejected() -> None:
    data = {**make().to_dict(), "schema_version": SCHEMA_VERSION + 1}
    with pytest.raises(SchemaError, match="unknown schema_version"):
        ArticleEvent.decode(json.dumps(data).encode())


@pytest.mark.parametrize("missing", ["article_id", "source", "body", "ingested_at"])
def test_missing_required_fields_are_named(missing: str) -> None:
    data = make().to_dict()
    del data[missing]
    with pytest.raises(SchemaError, match=missing):
        ArticleEvent.from_dict(data)


def test_wrong_types_and_times_are_rejected() -> None:
    with pytest.raises(SchemaError, match="body must be a string"):
        ArticleEvent.from_dict({**make().to_dict(), "body": 42})
    with pytest.raises(SchemaError, match="published_at"):
        ArticleEvent.from_dict({**make().to_dict(), "published_at": "yesterday"})


def test_validate_rejects_empty_huge_and_binary_bodies() -> None:
    with pytest.raises(SchemaError, match="empty"):
        make(body="   ").validate(100)
    with pytest.raises(SchemaError, match="over the limit"):
        make(body="x" * 101).validate(100)
    with pytest.raises(SchemaError, match="NUL"):
        make(body="a\x00b").validate(100)
    assert make(body="x" * 100).validate(100).body == "x" * 100


def test_with_run_keeps_identity() -> None:
    event = make()
    replayed = event.with_run("replay-1")
    assert replayed.article_id == event.article_id
    assert replayed.run_id == "replay-1"
    assert ArticleEvent.decode(replayed.encode()).run_id == "replay-1"


def test_malformed_urls_are_schema_errors() -> None:
    with pytest.raises(SchemaError, match="not a valid URL"):
        make(url="http://[bad")
    with pytest.raises(SchemaError, match="not a valid URL"):
        make(url="http://example.org:99999/a")
    with pytest.raises(SchemaError, match="url must be a string"):
        ArticleEvent.from_dict({**make().to_dict(), "url": {"href": "x"}})


def test_unpaired_surrogates_are_rejected_with_a_reason() -> None:
    event = make(body="killed \ud800 people")
    assert len(event.article_id) == 16
    with pytest.raises(SchemaError, match="body holds an unpaired surrogate at character 7"):
        event.validate(1000)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"[]", "must be a JSON object"),
        (b'"x"', "must be a JSON object"),
        (b"{}", "unknown metric schema_version"),
        (b'{"schema_version": 1, "article": {}}', "unknown schema_version None"),
        (json.dumps({"schema_version": 1, "article": make().to_dict()}).encode(), "malformed"),
        (b"\xff", "not valid JSON"),
    ],
)
def test_metric_events_reject_bad_bytes(raw: bytes, reason: str) -> None:
    from wirewatch.metrics import ArticleMetrics

    with pytest.raises(SchemaError, match=reason):
        ArticleMetrics.decode(raw)
