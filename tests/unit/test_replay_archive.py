"""Archives a user already has: JSONL, CSV and recordings, gzip or not, and every bad input."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tracemalloc
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from producers import replay_cli
from producers.archive import DEFAULT_LINE_LIMIT, ArchiveError, Overlong, lines, read_archive
from producers.recording import Recorded, write_records
from wirewatch import cli
from wirewatch.events import ArticleEvent
from wirewatch.settings import Settings

ROWS = [
    {"id": "a1", "title": "Strike", "body": "At least 12 people were killed on Monday.",
     "url": "https://example.org/a1", "source": "wire", "published_at": "2026-03-01T12:02:00Z"},
    {"id": "a2", "title": "Talks", "text": "Ceasefire talks resumed in Doha.",
     "source": "wire", "published_at": "2026-03-01T12:00:00+00:00"},
    {"title": "Shelling", "body": "Shelling killed 3 civilians.", "url": "https://example.org/a3",
     "published_at": "Sun, 01 Mar 2026 12:01:00 GMT", "language": "en"},
]  # fmt: skip


def write_jsonl(path: Path, items: list[Any], compress: bool = False) -> Path:
    text = "".join(json.dumps(item) + "\n" for item in items).encode()
    path.write_bytes(gzip.compress(text) if compress else text)
    return path


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    names = columns or ["id", "title", "body", "text", "url", "source", "published_at", "language"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, names, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def bodies(records: list[Recorded]) -> list[str]:
    return [r.event["body"] for r in records]


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_articles_are_timed_by_published_at(tmp_path: Path, compress: bool) -> None:
    # a misleading name: gzip is told by the magic bytes
    found = read_archive(write_jsonl(tmp_path / "day.jsonl", ROWS, compress))
    assert bodies(found) == [ROWS[1]["text"], ROWS[2]["body"], ROWS[0]["body"]]
    events = [ArticleEvent.from_dict(r.event) for r in found]
    assert [e.source for e in events] == ["wire", "archive:day.jsonl", "wire"]
    assert [r.timestamp_ms for r in found] == sorted(r.timestamp_ms for r in found)
    # the id is derived as the live producers derive it, not taken from the file
    assert events[2].article_id == ArticleEvent.create(source="x", body="b",
                                                       url=ROWS[0]["url"]).article_id  # fmt: skip


@pytest.mark.parametrize("name", ["day.csv", "day.csv.gz"])
def test_csv_articles(tmp_path: Path, name: str) -> None:
    found = read_archive(write_csv(tmp_path / name, ROWS))
    assert bodies(found) == [ROWS[1]["text"], ROWS[2]["body"], ROWS[0]["body"]]
    assert ArticleEvent.from_dict(found[0].event).title == "Talks"


def test_csv_epoch_seconds(tmp_path: Path) -> None:
    row = {"body": "b", "published": "1772366400"}
    (found,) = read_archive(write_csv(tmp_path / "e.csv", [row], ["body", "published"]))
    assert found.timestamp_ms == 1772366400_000


def test_csv_field_with_newlines_and_commas(tmp_path: Path) -> None:
    row = {"body": "Line one, with a comma.\nLine two.", "published_at": "2026-03-01T00:00:00Z"}
    found = read_archive(write_csv(tmp_path / "a.csv", [row], ["body", "published_at"]))
    assert bodies(found) == [row["body"]]


def test_recordings_gzip_or_plain(tmp_path: Path) -> None:
    events = [ArticleEvent.create(source="s", body=f"article {n}") for n in range(3)]
    recs = [Recorded(1000 - n, 0, n, e.article_id, e.to_dict()) for n, e in enumerate(events)]
    write_records(tmp_path / "r.jsonl.gz", recs)
    assert read_archive(tmp_path / "r.jsonl.gz") == sorted(recs, key=lambda r: r.order)
    plain = tmp_path / "r.jsonl"
    plain.write_bytes(gzip.decompress((tmp_path / "r.jsonl.gz").read_bytes()))
    assert read_archive(plain) == read_archive(tmp_path / "r.jsonl.gz")


BAD_LINES = [
    ({"title": "no time", "body": "Five were killed."}, "no publication time"),
    ({"body": "x", "published_at": "yesterday-ish"}, "neither ISO 8601 nor an RFC 2822"),
    ({"title": "no body", "published_at": "2026-03-01T00:00:00Z"}, "article has no body"),
    ({"body": 5, "published_at": "2026-03-01T00:00:00Z"}, "must be a string"),
    ({"timestamp_ms": "x", "partition": 0, "offset": 0, "event": {}}, "whole-number"),
    ({"timestamp_ms": 1, "partition": 0, "offset": 0, "event": {"a": 1}}, "schema_version"),
    ([1, 2], "must be a JSON object"),
]


@pytest.mark.parametrize(("item", "reason"), BAD_LINES)
def test_a_bad_jsonl_line_names_file_line_and_reason(
    tmp_path: Path, item: Any, reason: str
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [ROWS[0], item, ROWS[1]])
    with pytest.raises(ArchiveError, match=rf"a\.jsonl:2: .*{reason}") as caught:
        read_archive(path)
    assert "\n" not in str(caught.value)
    problems: list[ArchiveError] = []
    kept = read_archive(path, on_error="skip", report=problems.append)
    assert len(kept) == 2 and len(problems) == 1 and ":2: " in str(problems[0])


def test_invalid_json_and_non_utf8_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps(ROWS[0]).encode()
    path.write_bytes(b"{not json\n" + good + b"\n\xff\xfe{}\n")
    problems: list[ArchiveError] = []
    assert len(read_archive(path, on_error="skip", report=problems.append)) == 1
    assert [str(p).split(": ", 1)[0] for p in problems] == [f"{path}:1", f"{path}:3"]
    assert "not valid JSON" in str(problems[0]) and "not UTF-8" in str(problems[1])


def test_truncated_gzip_is_fatal_even_when_skipping(tmp_path: Path) -> None:
    whole = gzip.compress(("".join(json.dumps(r) + "\n" for r in ROWS * 200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ArchiveError, match="truncated or corrupt gzip") as caught:
        read_archive(path, on_error="skip", report=lambda _p: None)
    assert caught.value.fatal


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jsonl"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ArchiveError, match="binary data"):
        read_archive(path, on_error="skip")


def test_csv_without_the_needed_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "w.csv", ROWS, ["headline", "story", "when"])
    with pytest.raises(ArchiveError, match=r"w\.csv:1: CSV header lacks a body\|text\|content "
                       r"column and a published_at\|published\|date column; found columns: "
                       r"headline, story, when"):  # fmt: skip
        read_archive(path, on_error="skip")


def test_csv_rows_with_wrong_field_counts_and_bad_dates(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("body,published_at\n"
                    "ok one,2026-03-01T00:00:00Z\n"
                    "too,many,fields\n"
                    "short\n"
                    "bad date,31/02/2026\n"
                    "ok two,2026-03-01T00:01:00Z\n")  # fmt: skip
    problems: list[ArchiveError] = []
    assert bodies(read_archive(path, on_error="skip", report=problems.append)) == [
        "ok one", "ok two"]  # fmt: skip
    reasons = [str(p).removeprefix(f"{path}:") for p in problems]
    assert reasons[0].startswith("3: row has 1 more field(s)")
    assert reasons[1].startswith("4: row has fewer fields")
    assert reasons[2].startswith("5: published_at is neither")


def test_an_overlong_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as sink:
        sink.write(json.dumps(ROWS[0]).encode() + b"\n")
        sink.write(b'{"body": "' + b"x" * 5_000_000 + b'"}\n')
        sink.write(json.dumps(ROWS[1]).encode() + b"\n")
    problems: list[ArchiveError] = []
    kept = read_archive(path, on_error="skip", report=problems.append, line_limit=100_000)
    assert len(kept) == 2
    assert str(problems[0]) == f"{path}:2: line is 5000012 bytes, over the limit of 100000"


class Endless(io.RawIOBase):
    """A stream of one never-ending line: reading it whole would never finish."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = b"x" * count
        self.left -= count
        return count


def test_a_2_gb_line_is_streamed_in_bounded_chunks() -> None:
    stream = io.BufferedReader(Endless(2 * 1024**3), buffer_size=1 << 20)
    tracemalloc.start()
    try:
        assert list(lines(stream, 1 << 20)) == [Overlong(2 * 1024**3)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024**2  # a few chunks of 1 MiB, never the line


def bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    """One file per kind of bad archive, with the start of the expected error."""
    cut = gzip.compress(("".join(json.dumps(r) + "\n" for r in ROWS * 300)).encode())
    (folder / "cut.jsonl.gz").write_bytes(cut[: len(cut) // 2])
    (folder / "blob.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 100)
    write_csv(folder / "cols.csv", ROWS, ["headline", "story"])
    (folder / "date.csv").write_text("body,published_at\nfine,2026-13-45\n")
    with (folder / "long.jsonl").open("wb") as sink:
        sink.write(b'{"body": "' + b"y" * (DEFAULT_LINE_LIMIT + 10) + b'"}\n')
    return {
        "truncated gzip": (folder / "cut.jsonl.gz", "truncated or corrupt gzip data"),
        "binary": (folder / "blob.jsonl", "binary data (NUL bytes)"),
        "wrong columns": (folder / "cols.csv", "CSV header lacks"),
        "bad date": (folder / "date.csv", "published_at is neither ISO 8601"),
        "overlong line": (folder / "long.jsonl", "line is 16777238 bytes, over the limit"),
    }


@pytest.mark.parametrize("kind", ["truncated gzip", "binary", "wrong columns", "bad date",
                                  "overlong line"])  # fmt: skip
@pytest.mark.parametrize("policy", ["stop", "skip"])
def test_every_bad_archive_is_one_clear_line_and_a_non_zero_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    kind: str, policy: str,
) -> None:  # fmt: skip
    from tests.unit.test_replay_cli import Producer

    settings = replace(Settings.from_env({}), data_dir=tmp_path)
    monkeypatch.setattr(Settings, "from_env", staticmethod(lambda: settings))
    monkeypatch.setattr(replay_cli, "ensure_topics", lambda *_a, **_k: None)
    monkeypatch.setattr(replay_cli, "make_producer", lambda *_a, **_k: Producer())
    path, reason = bad_inputs(tmp_path)[kind]
    status = cli.main(["replay", str(path), "--speed", "max", "--no-progress",
                       "--on-error", policy, "--run-id", "r-bad"])  # fmt: skip
    err = capsys.readouterr().err
    line_error = kind in ("bad date", "overlong line")  # skipped with --on-error skip
    assert status == (1 if line_error and policy == "skip" else 2)
    assert f"{path}" in err and reason in err and "Traceback" not in err
    assert len(err.splitlines()) <= 2  # the problem, and with skip the count of skipped lines


def test_the_replay_command_reports_one_line_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = replace(Settings.from_env({}), data_dir=tmp_path)
    monkeypatch.setattr(Settings, "from_env", staticmethod(lambda: settings))
    monkeypatch.setattr(replay_cli, "ensure_topics", lambda *_a, **_k: None)
    path = write_jsonl(tmp_path / "a.jsonl", [ROWS[0], {"id": "x", "body": "no time"}])
    assert cli.main(["replay", str(path), "--speed", "max", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err == f"wirewatch replay: error: {path}:2: article has no publication time: give " \
                  "one of published_at, published, date\n"  # fmt: skip


def test_the_replay_command_skips_bad_lines_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_replay_cli import Producer

    producer = Producer()
    settings = replace(Settings.from_env({}), data_dir=tmp_path)
    monkeypatch.setattr(Settings, "from_env", staticmethod(lambda: settings))
    monkeypatch.setattr(replay_cli, "ensure_topics", lambda *_a, **_k: None)
    monkeypatch.setattr(replay_cli, "make_producer", lambda *_a, **_k: producer)
    path = write_jsonl(tmp_path / "a.jsonl", [ROWS[0], {"body": "no time"}, ROWS[1]])
    argv = ["replay", str(path), "--speed", "max", "--no-progress", "--on-error", "skip",
            "--run-id", "r-skip"]  # fmt: skip
    assert cli.main(argv) == 1
    out = capsys.readouterr()
    assert "replayed 2 article(s) as run r-skip" in out.out
    assert f"skipped {path}:2: article has no publication time" in out.err
    assert len(producer.sent) == 2
    assert all(json.loads(v)["run_id"] == "r-skip" for v in producer.sent)
