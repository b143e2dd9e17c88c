"""``wirewatch dashboard`` through ``dashboard.dashboard_cli.register`` (no exec for real)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from dashboard import dashboard_cli
from wirewatch.errors import ConfigError


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wirewatch")
    dashboard_cli.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["dashboard", *argv])


def test_defaults_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_DASHBOARD_PORT", "8600")
    args = parse()
    assert args.host == "127.0.0.1"
    argv = dashboard_cli.streamlit_argv(args)
    assert argv[argv.index("--server.port") + 1] == "8600"
    assert args.handler is dashboard_cli.serve


def test_help_works_when_the_port_env_var_is_invalid(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIREWATCH_DASHBOARD_PORT", "eighty")
    with pytest.raises(SystemExit) as exited:
        parse("--help")
    assert exited.value.code == 0
    assert "[env: WIREWATCH_DASHBOARD_PORT]" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(ConfigError, match="WIREWATCH_DASHBOARD_PORT"):
        dashboard_cli.streamlit_argv(parse())
    assert dashboard_cli.streamlit_argv(parse("--port", "9002"))[6] == "9002"  # the flag wins


def test_serve_execs_streamlit_with_the_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(dashboard_cli.os, "execv", lambda path, argv: calls.append((path, argv)))
    args = parse("--port", "9001", "--host", "127.0.0.2")
    assert args.handler(args) == 0
    path, argv = calls[0]
    assert path == sys.executable
    assert argv[1:4] == ["-m", "streamlit", "run"]
    assert Path(argv[4]) == Path(dashboard_cli.__file__).parent / "app.py"
    flags = dict(zip(argv[5::2], argv[6::2], strict=True))
    assert flags == {
        "--server.port": "9001",
        "--server.address": "127.0.0.2",
        "--server.headless": "true",
        "--browser.gatherUsageStats": "false",
        "--server.enableStaticServing": "true",
    }
