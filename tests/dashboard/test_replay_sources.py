"""What the Replay page hands to ``wirewatch replay``: checked first, parsed by the real CLI."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dashboard import replay_sources
from dashboard.replay_sources import (
    TopicRange,
    check_recording,
    older_than_retention,
    replay_arguments,
    topic_range,
)
from producers.recording import Recorded, write_records
from wirewatch.cli import build_parser
from wirewatch.errors import ConfigError
from wirewatch.events import ArticleEvent

START = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


def test_a_range_becomes_the_replay_commands_own_from_to_and_source_run() -> None:
    chosen = topic_range(START, START + timedelta(hours=2), "replay-a")

    args = build_parser().parse_args(["replay", *replay_arguments(chosen), "--run-id", "r1"])

    assert (args.file, args.start, args.end, args.source_run) == (
        None, chosen.start, chosen.end, "replay-a")  # fmt: skip


def test_a_recording_becomes_the_replay_commands_file(tmp_path: Path) -> None:
    path = tmp_path / "-looks-like-a-flag.jsonl"
    args = build_parser().parse_args(["replay", *replay_arguments(path), "--run-id", "r1"])
    assert (args.file, args.start) == (path, None)


@pytest.mark.parametrize(
    ("start", "end", "run", "error"),
    [
        (START, START, "live", "before it starts"),
        (START.replace(tzinfo=None), START + timedelta(hours=1), "live", "time zone"),
        (START, START + timedelta(hours=1), "../x", "is not allowed"),
    ],
)
def test_a_range_is_checked(start: datetime, end: datetime, run: str, error: str) -> None:
    with pytest.raises(ConfigError, match=error):
        topic_range(start, end, run)


def test_retention_tells_a_range_that_may_be_gone() -> None:
    now = START + timedelta(hours=24)
    assert older_than_retention(START, now, retention_hours=23)
    assert not older_than_retention(START, now, retention_hours=24)


def test_a_relative_path_and_a_home_path_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rec").mkdir()
    recording = tmp_path / "rec" / "day.jsonl.gz"
    event = ArticleEvent.create(source="t", body="b", published_at=START).to_dict()
    write_records(recording, [Recorded(0, 0, 0, "k", event)])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert check_recording("rec/day.jsonl.gz") == recording
    assert check_recording("~/rec/day.jsonl.gz") == recording


def test_a_recording_too_big_to_read_first_is_left_to_the_replay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "big.jsonl"
    bad.write_text('{"no": "article"}\n')
    with pytest.raises(ConfigError, match="not a recording"):
        check_recording(str(bad))
    monkeypatch.setattr(replay_sources, "CHECKED_BYTES", 5)
    assert check_recording(str(bad)) == bad  # its log will say what is wrong


def test_a_range_says_what_it_replays() -> None:
    chosen = TopicRange(START, START + timedelta(hours=1))
    assert (
        chosen.describe()
        == "the topic's live articles from 2026-11-24 06:30 UTC to 2026-11-24 07:30 UTC"
    )
