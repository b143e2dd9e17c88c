"""Files and stdin producers: every format, field mapping, rejects and follow mode."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from producers.files import FileReader, find_files
from producers.parsing import event_from_mapping
from producers.stdin import read_jsonl, read_text
from producers.testing import MemorySink
from wirewatch.errors import ConfigError, SchemaError

DATA = Path(__file__).resolve().parents[1] / "data" / "producers" / "articles"


def read(*paths: Path, source: str | None = None) -> MemorySink:
    sink = MemorySink()
    FileReader(sink, source).scan(paths)
    return sink


def test_txt_first_non_empty_line_is_title() -> None:
    [event] = read(DATA / "curfew.txt").events

    assert event.title == "Curfew extended in fictional port town of Selmara"
    assert event.body.startswith("Authorities in Selmara extended")
    assert event.body.endswith("close by eight in the evening.")
    assert event.source == "file:curfew.txt"


def test_markdown_title_loses_its_hashes() -> None:
    [event] = read(DATA / "nested" / "talks.md").events

    assert event.title == "Envoys gather for a second round of talks"
    assert "No statement was issued" in event.body


def test_json_list_publishes_good_items_and_rejects_the_one_without_body() -> None:
    sink = read(DATA / "roundup.json")

    [event] = sink.events
    assert event.title == "Bridge reopens"
    assert event.source == "desk:roundup"
    assert event.published_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    [rejection] = sink.rejections
    assert rejection.reason.startswith("item 2: article has no body")
    assert json.loads(rejection.raw) == {"title": "No body here"}


def test_malformed_jsonl_line_is_rejected_and_the_others_published() -> None:
    sink = read(DATA / "nested" / "wire.jsonl")

    assert [event.title for event in sink.events] == ["Convoy reaches shelter", "Power restored"]
    [rejection] = sink.rejections
    assert rejection.reason.startswith("line 2: not valid JSON")
    assert rejection.raw == b'{"title": "broken", "body": "missing the closing brace"'
    assert rejection.source == "file:wire.jsonl"


def test_jsonl_fields_text_link_and_rfc2822_date_are_mapped() -> None:
    convoy, power = read(DATA / "nested" / "wire.jsonl").events

    assert convoy.body == "A convoy of 14 trucks reached the shelter at dawn."
    assert convoy.url == "https://example.invalid/convoy"
    assert power.body == "Electricity returned to three districts overnight."
    assert power.published_at == datetime(2023, 12, 13, 8, 30, tzinfo=UTC)


def test_folder_is_walked_recursively_skipping_hidden_and_other_formats() -> None:
    names = [path.name for path in find_files([DATA])]

    assert names == ["curfew.txt", "talks.md", "wire.jsonl", "roundup.json"]


def test_source_option_replaces_the_default_label() -> None:
    sink = read(DATA / "curfew.txt", source="desk")

    assert sink.events[0].source == "desk"


def test_missing_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file or folder"):
        read(tmp_path / "absent.jsonl")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("title-only.txt", b"Just a headline\n", "no body"),
        ("empty.md", b"  \n\n", "empty"),
        ("binary.txt", b"\xff\xfe\x00garbage", "not UTF-8"),
        ("broken.json", b'{"title": ', "not valid JSON"),
        ("scalar.json", b"42", "must be a JSON object"),
    ],
)
def test_unreadable_whole_files_are_rejected_with_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    sink = read(path)

    assert sink.events == []
    [rejection] = sink.rejections
    assert reason in rejection.reason
    assert rejection.raw == content


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"title": "x", "body": 7}, "'body' must be a string"),
        ({"body": "b", "published_at": "yesterday"}, "neither ISO 8601 nor an RFC 2822"),
        (["body"], "must be a JSON object"),
    ],
)
def test_mapping_errors_name_the_problem(data: object, reason: str) -> None:
    with pytest.raises(SchemaError, match=reason):
        event_from_mapping(data, source="s")


def test_mapping_accepts_epoch_seconds_and_language() -> None:
    event = event_from_mapping({"body": "b", "date": 0, "language": "fr"}, source="s")

    assert event.published_at == datetime(1970, 1, 1, tzinfo=UTC)
    assert event.language == "fr"


def test_follow_reads_new_files_and_appended_lines_once(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    feed.write_text('{"body": "first"}\n{"body": "sec')
    sink = MemorySink()
    reader = FileReader(sink)

    reader.scan([tmp_path], final=False)
    with feed.open("a") as handle:
        handle.write('ond"}\n{"body": "third"}\n')
    late = tmp_path / "late.txt"
    late.write_text("Late title\nLate body")
    reader.scan([tmp_path], final=False)  # late.txt may still be being written: wait
    os.utime(late, (late.stat().st_mtime - 60, late.stat().st_mtime - 60))
    reader.scan([tmp_path], final=False)
    reader.scan([tmp_path], final=False)

    assert [event.body for event in sink.events] == ["first", "second", "third", "Late body"]
    assert sink.rejections == []


def test_follow_keeps_counting_lines_across_polls(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    feed.write_text('{"body": "first"}\n')
    sink = MemorySink()
    reader = FileReader(sink)
    reader.scan([feed], final=False)

    with feed.open("a") as handle:
        handle.write("oops\n")
    reader.scan([feed], final=False)

    assert sink.rejections[0].reason.startswith("line 2: ")


def test_stdin_jsonl_rejects_bad_lines_and_continues() -> None:
    stream = io.BytesIO(b'{"body": "one"}\n\n[1, 2]\n{"body": "two", "source": "wire"}\n')
    sink = MemorySink()

    read_jsonl(stream, sink)

    assert [(e.body, e.source) for e in sink.events] == [("one", "stdin"), ("two", "wire")]
    [rejection] = sink.rejections
    assert rejection.reason == "line 3: an article must be a JSON object, got list"
    assert rejection.raw == b"[1, 2]"


def test_stdin_text_is_one_article() -> None:
    sink = MemorySink()

    read_text(io.BytesIO(b"Headline\n\nFirst paragraph.\n\nSecond."), sink, "paste")

    [event] = sink.events
    assert (event.title, event.body, event.source) == (
        "Headline",
        "First paragraph.\n\nSecond.",
        "paste",
    )


def test_stdin_text_without_body_is_rejected() -> None:
    sink = MemorySink()

    read_text(io.BytesIO(b"only a title"), sink)

    assert sink.events == []
    assert sink.rejections[0].reason == "the text has a title line but no body"


@pytest.mark.parametrize("stamp", [1e20, -1e20, float("nan"), float("inf"), 10**30])
def test_an_epoch_time_out_of_range_is_a_schema_error(stamp: float) -> None:
    with pytest.raises(SchemaError, match="published_at"):
        event_from_mapping({"body": "b", "published_at": stamp}, source="s")


def test_stdin_line_with_an_impossible_epoch_is_rejected_and_reading_continues() -> None:
    stream = io.BytesIO(b'{"body": "one", "published_at": 1e20}\n'
                        b'{"body": "two", "published_at": NaN}\n{"body": "three"}\n')  # fmt: skip
    sink = MemorySink()

    read_jsonl(stream, sink)

    assert [e.body for e in sink.events] == ["three"]
    assert [r.reason.split(":")[0] for r in sink.rejections] == ["line 1", "line 2"]
