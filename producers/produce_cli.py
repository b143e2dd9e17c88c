"""``wirewatch produce SOURCE``: one sub-subcommand per kind of input.

Every handler builds :class:`Settings` from the environment, makes sure the
articles and dead-letter topics exist, and runs its source into a
:class:`Publisher` that is flushed and closed however the run ends.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from producers import feedlist, feeds, files, fulltext, http, stdin, synthetic
from producers.publish import Publisher
from wirewatch import signals
from wirewatch.errors import ConfigError, SchemaError
from wirewatch.events import parse_time
from wirewatch.kafka import ensure_topics
from wirewatch.settings import Settings
from wirewatch.store import open_store

Work = Callable[[Publisher, threading.Event], int]

EXIT_STATUS = (
    "exit status: 0 when every article was sent (also after Ctrl-C or SIGTERM, once "
    "flushed); 1 when any input was rejected to the dead-letter topic or any record was "
    "not delivered (the count is printed); 2 on an error such as a bad flag or an "
    "unreachable broker."
)


def register(sub: Any) -> None:
    """Add ``produce`` and its sources to the ``wirewatch`` subcommands."""
    produce = sub.add_parser(
        "produce",
        help="publish articles to the articles topic",
        description="Publish articles as JSON events keyed by article id.",
        epilog=EXIT_STATUS,
    )
    sources = produce.add_subparsers(dest="producer", metavar="SOURCE", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--source", help="source label for the articles (default: per input)")
    common.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    for add in (_add_files, _add_stdin, _add_feed, _add_http, _add_synthetic):
        add(sources, common)


def _parser(sources: Any, common: Any, name: str, summary: str, details: str) -> Any:
    return sources.add_parser(
        name,
        parents=[common],
        help=summary,
        description=f"{summary}. {details}",
        epilog=EXIT_STATUS,
    )


def _add_files(sources: Any, common: Any) -> None:
    parser = _parser(
        sources,
        common,
        "files",
        "Publish articles from files and folders",
        ".txt/.md: first non-empty line is the title, the rest the body; .json: one article "
        "object or a list; .jsonl: one object per line. Fields: title, body|text|content, "
        "url|link, source, published_at|published|date, language. Folders are walked "
        "recursively. Source defaults to file:<name>.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    parser.add_argument(
        "--follow", action="store_true", help="keep polling for new files and JSONL lines"
    )
    parser.add_argument(
        "--interval", type=float, default=2.0, help="seconds between polls with --follow (2)"
    )
    _add_full_text(parser, "for an item with a url but no body, publish its linked page's text")
    parser.set_defaults(handler=run_files)


def _add_full_text(parser: Any, summary: str) -> None:
    """``--full-text`` and the bounds of the page fetcher."""
    group = parser.add_argument_group("full text (trafilatura)")
    group.add_argument(
        "--full-text",
        action="store_true",
        help=f"{summary}; on failure the reason is dead-lettered (a feed's summary is "
        "published instead)",
    )
    group.add_argument(
        "--fetch-timeout",
        type=float,
        default=fulltext.DEFAULT_TIMEOUT,
        help=f"seconds for one page (default {fulltext.DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "--max-page-bytes",
        type=_positive,
        default=fulltext.DEFAULT_MAX_BYTES,
        help=f"largest page read (default {fulltext.DEFAULT_MAX_BYTES})",
    )
    group.add_argument(
        "--host-delay",
        type=float,
        default=fulltext.DEFAULT_HOST_DELAY,
        help=f"seconds between requests to one host (default {fulltext.DEFAULT_HOST_DELAY:g})",
    )


def full_text_of(args: argparse.Namespace) -> fulltext.FullText | None:
    """The page fetcher the flags ask for, or None without ``--full-text``."""
    if not getattr(args, "full_text", False):
        return None
    fetcher = fulltext.PageFetcher(timeout=args.fetch_timeout, max_bytes=args.max_page_bytes,
                                   host_delay=args.host_delay)  # fmt: skip
    return fulltext.FullText(fetcher)


def _add_stdin(sources: Any, common: Any) -> None:
    parser = _parser(
        sources,
        common,
        "stdin",
        "Publish articles read from standard input",
        "By default one JSON article per line (JSONL); bad lines are rejected and the rest "
        "continue. Source defaults to 'stdin'.",
    )
    parser.add_argument(
        "--text", action="store_true", help="read one plain-text article: title line, then body"
    )
    parser.set_defaults(handler=run_stdin)


def _add_feed(sources: Any, common: Any) -> None:
    parser = _parser(
        sources,
        common,
        "feed",
        "Publish entries of RSS or Atom feeds",
        "Reads each feed URL or file once, or keeps polling with --follow or --interval. "
        "Entries already published are remembered across restarts in <data dir>/feeds.",
    )
    parser.add_argument("locations", nargs="*", metavar="URL_OR_FILE",
                        help="feed URL or file (none: the feeds of `wirewatch feeds list`, "
                        "re-read before every poll)")  # fmt: skip
    parser.add_argument(
        "--interval",
        type=float,
        help=f"poll every N seconds (implies --follow; "
        f"default {feeds.DEFAULT_INTERVAL:.0f} with --follow)",
    )
    parser.add_argument("--follow", action="store_true", help="keep polling until Ctrl-C")
    _add_full_text(parser, "fetch each entry's linked page and publish its main text")
    parser.set_defaults(handler=run_feed)


def _add_http(sources: Any, common: Any) -> None:
    parser = _parser(
        sources,
        common,
        "http",
        "Accept articles over HTTP",
        "POST /articles (Content-Type application/json, application/jsonl or "
        "application/x-ndjson) takes one JSON article, a JSON array or JSONL and answers 202 "
        "with the accepted ids once the broker has them; 503 with Retry-After while it "
        "cannot deliver; 400 for malformed input (dead-lettered), 413 over a size limit, "
        "401 without the token when WIREWATCH_HTTP_TOKEN is set, 403 for cross-origin "
        "browser requests, 415 for other content types. GET /health answers 200, or 503 "
        "when records cannot be delivered.",
    )
    parser.add_argument("--host", default=http.DEFAULT_HOST, help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=http.DEFAULT_PORT, help="port (8088)")
    parser.add_argument(
        "--max-request-bytes", type=int, help="largest request body (default: 4x article limit)"
    )
    _add_full_text(parser, "for an article with a url but no body, publish its linked page's text")
    parser.set_defaults(handler=run_http)


def _add_synthetic(sources: Any, common: Any) -> None:
    parser = _parser(
        sources,
        common,
        "synthetic",
        "Publish synthetic conflict-news articles",
        "Casualty, negotiation, military and humanitarian stories plus noise, from "
        "templates. The same --seed gives the same articles and ids.",
    )
    parser.add_argument("--seed", type=int, help="random seed (default: a new one, printed)")
    parser.add_argument("--count", type=_positive, help="how many articles (default: until Ctrl-C)")
    parser.add_argument("--rate", type=float, default=0.0, help="articles per second (0: max)")
    parser.add_argument("--live", action="store_true", help="stamp articles with the time now")
    parser.add_argument(
        "--start",
        type=_time,
        default=synthetic.DEFAULT_START,
        help="publication time of the first article "
        f"(ISO 8601; default {synthetic.DEFAULT_START.isoformat()})",
    )
    parser.set_defaults(handler=run_synthetic)


def run_files(args: argparse.Namespace) -> int:
    """Handler of ``produce files``."""
    _require_paths(args.paths)

    def work(publisher: Publisher, stop: threading.Event) -> int:
        cap = publisher.settings.max_input_bytes
        reader = files.FileReader(publisher, args.source, full_text_of(args), max_input_bytes=cap)
        if args.follow:
            files.follow(reader, args.paths, args.interval, stop)
        else:
            reader.scan(args.paths)
        return 0

    return run(args, work)


def run_stdin(args: argparse.Namespace) -> int:
    """Handler of ``produce stdin``."""
    read = stdin.read_text if args.text else stdin.read_jsonl

    def work(publisher: Publisher, stop: threading.Event) -> int:
        source = args.source or stdin.DEFAULT_SOURCE
        read(
            sys.stdin.buffer, publisher, source, max_input_bytes=publisher.settings.max_input_bytes
        )
        return 0

    return run(args, work)


def run_feed(args: argparse.Namespace) -> int:
    """Handler of ``produce feed``."""
    _require_paths([Path(where) for where in args.locations if not feeds.is_url(where)])

    def work(publisher: Publisher, stop: threading.Event) -> int:
        data_dir = publisher.settings.data_dir
        pages = fulltext.PageFetcher(timeout=30.0, max_bytes=feeds.MAX_FEED_BYTES, host_delay=0)
        pollers = [
            feeds.FeedPoller(
                where,
                publisher,
                feeds.FeedState.for_feed(data_dir, where),
                args.source,
                pages=pages,
                full_text=full_text_of(args),
            )  # fmt: skip
            for where in args.locations
        ]
        if args.follow or args.interval:
            interval = args.interval or feeds.DEFAULT_INTERVAL
            feeds.watch(pollers, publisher.flush, interval, stop)
        else:
            feeds.poll_all(pollers, publisher.flush)
        return sum(poller.errors for poller in pollers)

    return run(args, work)


def _watch_list(
    publisher: Publisher,
    poller: Callable[[str], feeds.FeedPoller],
    args: argparse.Namespace,
    stop: threading.Event,
) -> int:
    """``produce feed`` without URLs: the desk's list from the store, re-read every poll."""
    store = open_store(publisher.settings.store_url)
    try:
        listed = feedlist.ListedFeeds(store, poller)
        if args.follow or args.interval:
            interval = args.interval or feeds.DEFAULT_INTERVAL
            return feedlist.watch_list(listed, publisher.flush, interval, stop)
        if not listed.current():
            msg = "no feed given and the feed list is empty: `wirewatch feeds add URL`"
            raise ConfigError(msg)
        return listed.poll(publisher.flush)
    finally:
        store.close()


def run_http(args: argparse.Namespace) -> int:
    """Handler of ``produce http``."""

    def work(publisher: Publisher, stop: threading.Event) -> int:
        settings = publisher.settings
        server = http.ArticleServer(
            (args.host, args.port),
            publisher,
            max_article_bytes=settings.max_article_bytes,
            max_request_bytes=args.max_request_bytes,
            source=args.source or http.DEFAULT_SOURCE,
            token=settings.http_token,
            delivery_timeout=settings.delivery_timeout,
            health=publisher.health,
            reachable=publisher.reachable,
            full_text=full_text_of(args),
        )
        warning = http.exposure_warning(args.host, settings.http_token)
        if warning:
            print(f"\n{'!' * 78}\n{warning}\n{'!' * 78}\n", file=sys.stderr)
        where = f"http://{args.host}:{server.server_port}"
        print(f"wirewatch produce http: listening on {where}", file=sys.stderr)
        try:
            server.serve_forever()
        finally:
            server.server_close()
        return 0

    return run(args, work)


def run_synthetic(args: argparse.Namespace) -> int:
    """Handler of ``produce synthetic``."""
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    if args.seed is None:
        print(f"wirewatch produce synthetic: --seed {seed}", file=sys.stderr)
    source = args.source or synthetic.DEFAULT_SOURCE

    def work(publisher: Publisher, stop: threading.Event) -> int:
        events = synthetic.generate(seed, args.count, args.start, live=args.live, source=source)
        for event in synthetic.pace(events, args.rate, stop):
            publisher.publish(event)
        return 0

    return run(args, work, total=args.count)


def run(args: argparse.Namespace, work: Work, total: int | None = None) -> int:
    """Run ``work`` against a fresh publisher; Ctrl-C and SIGTERM end it cleanly."""
    settings = Settings.from_env()
    ensure_topics(settings, [settings.topics.articles, settings.topics.dead_letters])
    label = f"wirewatch produce {args.producer}"
    publisher = Publisher(settings, progress=not args.no_progress, total=total, label=label)
    stop = threading.Event()
    restore = signals.install(_interrupt)  # SIGTERM ends the work as Ctrl-C does
    errors = 0
    try:
        errors = work(publisher, stop)
    except KeyboardInterrupt:
        stop.set()  # a clean stop: the exit status still says whether anything failed
    finally:
        restore()
        publisher.close()
    counts = publisher.counts
    return 1 if errors or counts.rejected or counts.failed or counts.letters_failed else 0


def _require_paths(paths: list[Path]) -> None:
    """Fail before connecting to Kafka when an input path does not exist."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        msg = f"no such file or folder: {', '.join(missing)}"
        raise ConfigError(msg)


def _interrupt() -> None:
    raise KeyboardInterrupt


def _time(text: str) -> datetime:
    try:
        return parse_time(text, "--start")
    except SchemaError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        msg = f"must be a positive whole number, got {value}"
        raise argparse.ArgumentTypeError(msg)
    return value
