"""``wirewatch dashboard``: serve the Streamlit dashboard (it reads the store, nothing else)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from wirewatch.errors import ConfigError
from wirewatch.settings import DEFAULT_DASHBOARD_PORT, ENV_DASHBOARD_PORT, Settings

APP = Path(__file__).resolve().parent / "app.py"


def register(sub: Any) -> None:
    """Add the ``dashboard`` subcommand to ``sub`` (an argparse subparsers object).

    Building the parser reads no environment (``--help`` works whatever it holds);
    the port's env default is resolved when the command runs.
    """
    parser = sub.add_parser(
        "dashboard",
        help="serve the live dashboard (Streamlit)",
        description="Serve the Streamlit dashboard over the metrics store "
        "[env: WIREWATCH_STORE_URL]; live parts refresh every few seconds "
        "[env: WIREWATCH_REFRESH_SECONDS].",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help=f"port to listen on (default {DEFAULT_DASHBOARD_PORT}) [env: {ENV_DASHBOARD_PORT}]",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.set_defaults(handler=serve)


def port(args: argparse.Namespace) -> int:
    """``--port``, else the port from the environment; :class:`ConfigError` if that is bad."""
    if args.port is not None:
        return int(args.port)
    try:
        return Settings.from_env().dashboard_port
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def streamlit_argv(args: argparse.Namespace) -> list[str]:
    """The command line that serves the app."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port(args)),
        "--server.address", args.host,
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.enableStaticServing", "true",  # the map's outline, wherever it is run from
    ]  # fmt: skip


def serve(args: argparse.Namespace) -> int:
    """Replace this process with Streamlit serving the dashboard."""
    from dashboard.auth import exposure_warning, token_from_env

    warning = exposure_warning(args.host, token_from_env())
    if warning:
        print(f"WARNING: {warning}", file=sys.stderr)
    argv = streamlit_argv(args)
    os.execv(argv[0], argv)  # noqa: S606  # our own interpreter and fixed arguments
    return 0  # pragma: no cover  # execv does not return
