"""``wirewatch incidents [FILE]``: batch story clustering and incident linking over JSON Lines.

Reads articles ``{"id", "title", "text", "published_at", "source", "url"?}`` in order, extracts
each one, clusters stories and links incidents, then writes one line per incident and one line
per story cluster. A bad input line gives ``{"line": N, "error": ...}`` at once and the exit
status is 1; the other lines are still processed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Any

from consumers.extract_cli import json_object, open_lines
from consumers.extraction import extract
from consumers.incidents.batch import Tracker, make_tracker
from consumers.incidents.linking import Incident
from consumers.incidents.reports import ArticleInfo
from consumers.incidents.tolls import TollPoint
from wirewatch.errors import SchemaError
from wirewatch.events import parse_time
from wirewatch.kafka import INCIDENTS_GROUP

_DESCRIPTION = """\
Count each incident once: cluster stories across sources and join casualty reports of
different articles that describe the same event into one incident.

Input: JSON Lines, one article per line, in arrival order: {"id", "title", "text",
"published_at", "source", "url"?}; "id", "text" and "published_at" (ISO 8601) are required.
Output (stdout), after the whole input is read: one line per incident
{"incident", "articles", "kind", "figure", "low", "high", "place", "first_seen", "last_seen",
"evidence"}, then one line per story cluster {"story", "articles"}; with --tolls also one line
per toll or period-total report {"toll", "kind", "scope", "place", "authority", ...}.
The figure is the latest figure from the most authoritative report, never a sum; low/high
bound every reported figure. A bad line gives {"line": N, "error": "..."} (written when it is
read) and processing goes on. Exit status: 0 when every line was read, 1 otherwise.
"""


def register(subparsers: Any) -> None:
    """Add the ``incidents`` subcommand to the ``wirewatch`` parser."""
    parser = subparsers.add_parser(
        "incidents",
        help="cluster stories and count each incident once over JSON Lines articles",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE",
                        help='JSON Lines input; "-" or omitted reads standard input')  # fmt: skip
    parser.add_argument("--horizon-hours", type=float, default=24.0,
                        help="story horizon; incidents get twice this [default: 24]")  # fmt: skip
    parser.add_argument("--tolls", action="store_true",
                        help="also write the toll and period-total reports")  # fmt: skip
    parser.set_defaults(handler=run)
    _register_service(subparsers)


def _register_service(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "incidenter",
        help="run the incidents service (metrics -> stories, incidents and toll series)",
        description="Consume the metrics topic as the only member of the incidents consumer "
        "group, cluster stories, link casualty reports of different articles into incidents "
        "(each counted once) and keep toll series per place and authority in the store; "
        "offsets are committed after the store write. A restart rebuilds its state from the "
        "store; a redelivered article changes nothing.",
    )
    parser.add_argument("--group", default=INCIDENTS_GROUP,
                        help=f"consumer group ({INCIDENTS_GROUP})")  # fmt: skip
    parser.add_argument("--horizon-hours", type=float, default=24.0,
                        help="story horizon; incidents get twice this [default: 24]")  # fmt: skip
    parser.add_argument("--max-records", type=int,
                        help="exit after this many records (default: run forever)")  # fmt: skip
    parser.add_argument("--idle-exit", type=float,
                        help="exit after this many seconds without records")  # fmt: skip
    parser.set_defaults(handler=run_service)


def run_service(args: argparse.Namespace) -> int:
    """Handler of ``wirewatch incidenter``: run until SIGINT/SIGTERM, then close cleanly."""
    from consumers.incidents.service import Incidenter
    from wirewatch.kafka import ensure_topics, make_consumer, make_producer
    from wirewatch.service import hosting
    from wirewatch.settings import Settings
    from wirewatch.store import open_store

    settings = Settings.from_env()
    ensure_topics(settings)
    store = open_store(settings.store_url)
    consumer = make_consumer(settings, settings.topics.metrics, group_id=args.group)
    producer = make_producer(settings)
    service = Incidenter(settings, store, consumer, producer,
                         int(args.horizon_hours * 3_600_000))  # fmt: skip
    with hosting(service, consumer, store):
        stats = service.run(max_records=args.max_records, idle_exit=args.idle_exit)
    print(f"incidenter stopped: {stats.line()}")
    return 0


def parse_article(line: str) -> tuple[ArticleInfo, str]:
    """The article of one input line and its text; raises ValueError with a short reason."""
    record = json_object(line)
    for name in ("id", "text", "published_at"):
        if not isinstance(record.get(name), str) or not record[name]:
            msg = f'missing or non-string "{name}"'
            raise ValueError(msg)
    try:
        published = parse_time(record["published_at"], "published_at")
    except SchemaError as exc:
        raise ValueError(str(exc)) from None
    title, source = record.get("title"), record.get("source")
    info = ArticleInfo(record["id"], title if isinstance(title, str) else "",
                       source if isinstance(source, str) else "",
                       int(published.timestamp() * 1000), record.get("url"))  # fmt: skip
    return info, record["text"]


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


def incident_record(inc: Incident) -> dict[str, Any]:
    """The output line of one incident."""
    return {
        "incident": inc.incident_id, "articles": inc.articles, "kind": inc.kind,
        "figure": inc.figure.figure, "low": inc.figure.low, "high": inc.figure.high,
        "place": inc.place, "first_seen": _iso(inc.first_ms), "last_seen": _iso(inc.last_ms),
        "evidence": [{"article": r.article_id, "sentence": r.sentence, "start": r.start,
                      "end": r.end, "figure": r.figure} for r in inc.reports],
    }  # fmt: skip


def toll_record(point: TollPoint) -> dict[str, Any]:
    """The output line of one toll or period-total report."""
    return {"toll": point.value, "kind": point.kind, "scope": point.scope, "place": point.place,
            "authority": point.authority, "as_of": point.as_of, "article": point.article_id,
            "published_at": _iso(point.published_ms)}  # fmt: skip


def feed(lines: Iterable[str], tracker: Tracker, out: IO[str]) -> int:
    """Read every line into ``tracker``, writing error lines; the exit status so far."""
    status, seen = 0, set()
    for number, line in enumerate(lines, start=1):
        try:
            info, text = parse_article(line.rstrip("\r\n"))
            if info.article_id in seen:
                msg = f"duplicate id {info.article_id!r}"
                raise ValueError(msg)
        except ValueError as exc:
            status = 1
            out.write(json.dumps({"line": number, "error": str(exc)}) + "\n")
            continue
        seen.add(info.article_id)
        when = datetime.fromtimestamp(info.published_ms / 1000, UTC)
        tracker.add(info, text, extract(text, title=info.title, published_at=when))
    return status


def process(lines: Iterable[str], out: IO[str], *, horizon_hours: float = 24.0,
            tolls: bool = False) -> int:  # fmt: skip
    """Run the whole batch to ``out``; the exit status (1 when any line failed)."""
    tracker = make_tracker(int(horizon_hours * 3_600_000))
    status = feed(lines, tracker, out)
    for inc in sorted(tracker.incidents.values(), key=lambda i: (i.first_ms, i.incident_id)):
        out.write(json.dumps(incident_record(inc), ensure_ascii=False) + "\n")
    for story, articles in tracker.stories.items():
        out.write(json.dumps({"story": story, "articles": articles}) + "\n")
    for point in tracker.tolls if tolls else ():
        out.write(json.dumps(toll_record(point), ensure_ascii=False) + "\n")
    return status


def run(args: argparse.Namespace) -> int:
    """Handler of ``wirewatch incidents``."""
    with open_lines(args.file) as lines:
        return process(lines, sys.stdout, horizon_hours=args.horizon_hours, tolls=args.tolls)
