"""``wirewatch extract``: JSON Lines in, one JSON line out per input line."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from consumers import extract_cli


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirewatch")
    extract_cli.register(parser.add_subparsers(dest="command"))
    return parser


def _run(tmp_path: Path, lines: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = _parser().parse_args(["extract", str(path)])
    status = args.handler(args)
    out = capsys.readouterr().out.splitlines()
    return status, [json.loads(line) for line in out]


def test_good_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        json.dumps({"id": "a", "text": "An airstrike killed 14 people in Rafah."}),
        json.dumps(
            {
                "id": "b",
                "text": "Talks resumed in Cairo.",
                "title": "Talks",
                "published_at": "2023-12-20T10:00:00Z",
            }
        ),  # fmt: skip
    ]
    status, out = _run(tmp_path, lines, capsys)
    assert status == 0
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["summary"] == {"killed": 14, "wounded": 0, "death_toll": None,
                                 "negotiation": False}  # fmt: skip
    assert out[0]["casualties"][0]["kind"] == "killed"
    assert out[1]["negotiations"][0]["event"] == "talks_held"
    assert {"signals", "negotiations", "casualties"} <= out[1].keys()


def test_bad_lines_keep_their_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        "{not json",
        json.dumps({"id": "x"}),
        "",
        json.dumps({"id": "ok", "text": "Two soldiers were wounded."}),
        json.dumps(["a list"]),
        json.dumps({"id": "t", "text": "x", "published_at": "yesterday"}),
    ]
    status, out = _run(tmp_path, lines, capsys)
    assert status == 1
    assert len(out) == len(lines)
    assert [o.get("line") for o in out] == [1, 2, 3, None, 5, 6]
    assert "invalid JSON" in out[0]["error"]
    assert "text" in out[1]["error"]
    assert out[2]["error"] == "blank line"
    assert out[3]["summary"]["wounded"] == 2


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "s", "text": "Calm."}) + "\n"))
    args = _parser().parse_args(["extract"])
    assert args.handler(args) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "s"


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    from wirewatch.errors import ConfigError

    args = _parser().parse_args(["extract", str(tmp_path / "absent.jsonl")])
    with pytest.raises(ConfigError):
        args.handler(args)


def test_help_describes_input_and_output(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["extract", "--help"])
    text = capsys.readouterr().out
    assert "JSON Lines" in text and "exit status" in text.lower() and '"line"' in text


def test_deeply_nested_line_is_an_error_line_and_the_rest_goes_on() -> None:
    lines = ["[" * 100_000 + "]" * 100_000, json.dumps({"id": "b", "text": "calm day"})]
    out = io.StringIO()
    assert extract_cli.process(lines, out) == 1
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == {"line": 1, "error": "JSON nested too deeply to be an article"}
    assert second["id"] == "b"
