"""The ``wirewatch`` command: one entry point, a subcommand per service.

Each service module contributes its subcommands through a ``register(subparsers)``
function that sets ``handler`` on its parser; ``main`` parses and dispatches.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from wirewatch import __version__
from wirewatch.errors import SchemaError, WirewatchError
from wirewatch.events import parse_time

Register = Callable[[Any], None]


def _registrars() -> list[Register]:
    from consumers import extractor_cli as consumers_cli
    from consumers import incidents_cli
    from consumers.alerts import alerts_cli
    from dashboard import dashboard_cli
    from producers import feeds_cli, replay_cli
    from producers import produce_cli as producers_cli
    from wirewatch import broker_cli, stack

    return [
        stack.register,
        broker_cli.register,
        producers_cli.register,
        consumers_cli.register,
        incidents_cli.register,
        alerts_cli.register,
        replay_cli.register,
        dashboard_cli.register,
        feeds_cli.register,
    ]


def time_arg(text: str) -> datetime:
    """An argparse type: an ISO 8601 time (UTC when no offset is given)."""
    try:
        return parse_time(text, "time")
    except SchemaError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="wirewatch",
        description="Real-time monitoring of conflict news through Apache Kafka.",
    )
    parser.add_argument("--version", action="version", version=f"wirewatch {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in _registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``wirewatch`` command; return its exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("kafka").setLevel(logging.DEBUG if args.verbose else logging.ERROR)
    try:
        status: int = args.handler(args)
    except KeyboardInterrupt:
        return 0
    except (WirewatchError, ValueError) as exc:
        print(f"wirewatch {args.command}: error: {exc}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":
    raise SystemExit(main())
