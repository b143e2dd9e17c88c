"""The ``wirewatch`` entry point: subcommands, help, config, and docs in step with the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.cli import build_parser, main
from wirewatch.settings import ENV_DOCS

README = Path(__file__).resolve().parents[2] / "README.md"
COMMANDS = ["up", "broker", "topics", "config", "produce", "extractor", "extract", "alerts",
            "record", "replay", "dashboard"]  # fmt: skip


def test_every_command_is_registered_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    for command in COMMANDS:
        with pytest.raises(SystemExit) as exit_info:
            parser.parse_args([command, "--help"])
        assert exit_info.value.code == 0
        assert "usage: wirewatch" in capsys.readouterr().out


def test_config_shows_values_and_resolved_settings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092")
    monkeypatch.setenv("WIREWATCH_TOPIC_PREFIX", "desk.")
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "KAFKA_BOOTSTRAP_SERVERS=kafka.example:9092" in out
    assert "broker: kafka.example:9092 (external)" in out
    assert "topics: desk.articles, desk.metrics" in out


def test_a_bad_setting_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIREWATCH_PARTITIONS", "many")
    assert main(["config"]) == 2
    assert "WIREWATCH_PARTITIONS must be a whole number, got 'many'" in capsys.readouterr().err


def test_the_readme_documents_every_variable() -> None:
    text = README.read_text()
    missing = [name for name in ENV_DOCS if f"| `{name}` |" not in text]
    assert not missing
