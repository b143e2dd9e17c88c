"""``wirewatch extract [FILE]``: batch extraction over JSON Lines, no Kafka involved.

Each input line ``{"id", "text", "title"?, "published_at"?}`` gives exactly one output line,
in order: the extraction (``id``, ``casualties``, ``negotiations``, ``signals``, ``summary``)
or ``{"line": N, "error": "..."}`` for a line that is blank, not JSON or has no text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from consumers.extraction import extract
from wirewatch.errors import ConfigError, SchemaError
from wirewatch.events import parse_time

_DESCRIPTION = """\
Extract casualties, negotiation events and military/humanitarian signals from articles.

Input: JSON Lines, one article per line: {"id": "...", "text": "..."} with optional
"title" and "published_at" (ISO 8601). Output (stdout): exactly one JSON line per input
line, in the same order: {"id", "casualties", "negotiations", "signals", "summary"}.
A blank line, invalid JSON or a missing "text" gives {"line": N, "error": "..."} instead
and processing goes on. Exit status: 0 when every line was extracted, 1 otherwise.
"""


def register(subparsers: Any) -> None:
    """Add the ``extract`` subcommand to the ``wirewatch`` parser."""
    parser = subparsers.add_parser(
        "extract",
        help="extract metrics from JSON Lines articles (file or stdin) to stdout",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help='JSON Lines input; "-" or omitted reads standard input',
    )
    parser.set_defaults(handler=run)


def json_object(line: str) -> dict[str, Any]:
    """The JSON object of one input line; raises ValueError with a short reason."""
    if not line.strip():
        msg = "blank line"
        raise ValueError(msg)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON: {exc.msg} at column {exc.colno}"
        raise ValueError(msg) from None
    except RecursionError:
        msg = "JSON nested too deeply to be an article"
        raise ValueError(msg) from None
    if not isinstance(record, dict):
        msg = "a line must be a JSON object"
        raise ValueError(msg)
    return record


@contextmanager
def open_lines(path: str) -> Iterator[IO[str]]:
    """Standard input for ``-``, else the file; one that can't be read is a ConfigError."""
    if path == "-":
        yield sys.stdin
        return
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        msg = f"cannot read {path}: {exc.strerror}"
        raise ConfigError(msg) from None
    with handle:
        yield handle


def _article(line: str) -> dict[str, Any]:
    """The article of one input line; raises ValueError with a short reason."""
    record = json_object(line)
    if not isinstance(record.get("text"), str):
        msg = 'missing or non-string "text"'
        raise ValueError(msg)
    return record


def extract_line(line: str, number: int) -> tuple[dict[str, Any], bool]:
    """The output record for one input line and whether it succeeded."""
    try:
        record = _article(line)
        published = record.get("published_at")
        when = parse_time(published, "published_at") if published else None
    except (ValueError, SchemaError) as exc:
        return {"line": number, "error": str(exc)}, False
    title = record.get("title")
    result = extract(record["text"], title=title if isinstance(title, str) else "",
                     published_at=when)  # fmt: skip
    return {"id": record.get("id"), **result.to_dict()}, True


def process(lines: Iterable[str], out: IO[str]) -> int:
    """Extract every line to ``out``; the exit status (1 when any line failed)."""
    status = 0
    for number, line in enumerate(lines, start=1):
        record, ok = extract_line(line.rstrip("\r\n"), number)
        status = status if ok else 1
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return status


def run(args: argparse.Namespace) -> int:
    """Handler of ``wirewatch extract``."""
    with open_lines(args.file) as lines:
        return process(lines, sys.stdout)
