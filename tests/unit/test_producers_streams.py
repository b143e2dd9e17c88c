"""Streaming readers: a cap per line or file, deep nesting, vanishing files, follow mode."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest

from producers.files import FileReader, follow
from producers.lines import EXCERPT_BYTES, read_capped, read_lines
from producers.stdin import read_jsonl, read_text
from producers.testing import MemorySink

CAP = 1_000


def line(n: int) -> bytes:
    return json.dumps({"title": f"Item {n}", "body": f"Body of item {n}."}).encode()


def test_read_lines_keeps_lines_under_the_cap_and_only_an_excerpt_of_longer_ones() -> None:
    stream = io.BytesIO(b"short\n" + b"x" * 200_000 + b"\nafter\r\nlast")

    pieces = list(read_lines(stream, CAP))

    assert [p.raw for p in pieces if not p.oversized] == [b"short", b"after", b"last"]
    [big] = [p for p in pieces if p.oversized]
    assert big.size == 200_000
    assert big.raw == b"x" * (CAP + 1)  # never more than the cap plus one byte is held
    assert pieces[-1].end == len(stream.getvalue())


def test_read_lines_not_final_leaves_an_unfinished_line_even_an_oversized_one() -> None:
    assert [p.raw for p in read_lines(io.BytesIO(b"a\nhalf"), CAP, final=False)] == [b"a"]
    assert list(read_lines(io.BytesIO(b"y" * 5_000), CAP, final=False)) == []


def test_read_capped_counts_the_size_of_what_it_does_not_keep() -> None:
    whole = read_capped(io.BytesIO(b"z" * CAP), CAP)
    cut = read_capped(io.BytesIO(b"z" * (EXCERPT_BYTES * 3)), CAP)

    assert (whole.raw, whole.oversized) == (b"z" * CAP, False)
    assert cut.oversized and cut.size == EXCERPT_BYTES * 3 and len(cut.raw) == CAP + 1


def test_stdin_oversized_and_deeply_nested_lines_are_dead_letters_and_later_lines_go_on() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    stream = io.BytesIO(b"\n".join([line(1), b"q" * 5_000, deep, line(2)]) + b"\n")
    sink = MemorySink()

    read_jsonl(stream, sink, max_input_bytes=300_000)
    read_jsonl(io.BytesIO(b"q" * 5_000 + b"\n" + line(3)), sink, max_input_bytes=CAP)

    assert [e.title for e in sink.events] == ["Item 1", "Item 2", "Item 3"]
    junk, nested, over = sink.rejections
    assert junk.reason.startswith("line 2: not valid JSON")
    assert nested.reason == "line 3: JSON nested too deeply to be an article"
    assert over.reason.startswith("line 1: the line is 5000 bytes, over the input limit of 1000")
    assert len(over.raw) <= CAP + 1


def test_stdin_text_over_the_cap_is_one_dead_letter() -> None:
    sink = MemorySink()

    read_text(io.BytesIO(b"Title\n" + b"w" * 10_000), sink, max_input_bytes=CAP)

    [letter] = sink.rejections
    assert sink.events == []
    assert "the text is 10006 bytes" in letter.reason


def test_files_an_oversized_jsonl_line_and_a_too_large_text_file_become_dead_letters(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.jsonl").write_bytes(line(1) + b"\n" + b"v" * 3_000 + b"\n" + line(2) + b"\n")
    (tmp_path / "b.txt").write_bytes(b"Big\n" + b"w" * 3_000)
    (tmp_path / "c.json").write_bytes(b"[" * 400 + b"]" * 400)
    sink = MemorySink()

    FileReader(sink, max_input_bytes=CAP).scan([tmp_path])

    assert [e.title for e in sink.events] == ["Item 1", "Item 2"]
    reasons = [r.reason for r in sink.rejections]
    assert any(r.startswith("line 2: the line is 3000 bytes") for r in reasons)
    assert any(r.startswith("b.txt: the file is 3004 bytes") for r in reasons)
    assert len(sink.rejections) == 3  # c.json: not an article (a list of lists)


def test_files_deep_json_file_is_a_dead_letter_not_a_recursion_error(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (tmp_path / "fine.jsonl").write_bytes(line(5) + b"\n")
    sink = MemorySink()

    FileReader(sink).scan([tmp_path])

    assert [e.title for e in sink.events] == ["Item 5"]
    [letter] = sink.rejections
    assert letter.reason == "deep.json: JSON nested too deeply to be an article"


def test_a_file_that_vanishes_between_listing_and_reading_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sink = MemorySink()
    reader = FileReader(sink)

    reader.read(tmp_path / "gone.txt")
    reader.read(tmp_path / "gone.jsonl", final=False)

    assert (sink.events, sink.rejections) == ([], [])
    assert capsys.readouterr().err.count("vanished before it was read") == 2


def test_follow_reads_an_oversized_line_once_it_is_complete(tmp_path: Path) -> None:
    path = tmp_path / "grow.jsonl"
    path.write_bytes(line(1) + b"\n" + b"u" * 2_000)
    sink = MemorySink()
    reader = FileReader(sink, max_input_bytes=CAP)

    reader.read(path, final=False)
    assert ([e.title for e in sink.events], sink.rejections) == (["Item 1"], [])
    with path.open("ab") as handle:
        handle.write(b"u" * 500 + b"\n" + line(2) + b"\n")
    reader.read(path, final=False)

    assert [e.title for e in sink.events] == ["Item 1", "Item 2"]
    [letter] = sink.rejections
    assert letter.reason.startswith("line 2: the line is 2500 bytes")


def test_follow_survives_a_followed_path_that_is_gone_for_a_while(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rotated.jsonl"
    sink = MemorySink()
    stop = threading.Event()
    polls = 0

    def wait(_: float) -> bool:
        nonlocal polls
        polls += 1
        if polls == 1:
            path.write_bytes(line(7) + b"\n")  # back after one poll
        return polls > 1

    stop.wait = wait  # type: ignore[method-assign]
    follow(FileReader(sink), [path], 0.01, stop)

    assert [e.title for e in sink.events] == ["Item 7"]
    assert "no such file or folder" in capsys.readouterr().err
