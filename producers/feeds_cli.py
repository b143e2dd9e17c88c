"""``wirewatch feeds add|remove|list|import|export``: the desk's feed list, kept in the store."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from producers.feedlist import check_location, parse_opml, to_opml
from wirewatch.errors import ConfigError
from wirewatch.settings import Settings
from wirewatch.store import SqlStore, open_store
from wirewatch.store import feeds as feed_store
from wirewatch.store.feeds import Feed


def register(sub: Any) -> None:
    """Add ``wirewatch feeds`` and its actions."""
    parser = sub.add_parser(
        "feeds",
        help="the desk's feed list that `produce feed --follow` (without URLs) polls",
        description="Keep the list of feeds in the store. A running `wirewatch produce feed "
        "--follow` given no URL polls this list and picks up changes at its next poll, "
        "without a restart; each feed's health shows on the Pipeline health page.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a feed URL (or file)")
    add.add_argument("url", help="feed URL or file")
    add.add_argument("--title", default="", help="a name for the feed")
    add.set_defaults(handler=run_add)
    remove = actions.add_parser("remove", help="remove a feed")
    remove.add_argument("url", help="feed URL as listed")
    remove.set_defaults(handler=run_remove)
    listing = actions.add_parser("list", help="the feeds with their health")
    listing.set_defaults(handler=run_list)
    load = actions.add_parser("import", help="add every feed of an OPML file")
    load.add_argument("file", type=Path, help="FILE.opml")
    load.set_defaults(handler=run_import)
    export = actions.add_parser("export", help="write the list as OPML")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=run_export)


def _store() -> SqlStore:
    return open_store(Settings.from_env().store_url)


def _now_ms() -> int:
    return int(time.time() * 1000)


def run_add(args: argparse.Namespace) -> int:
    url = check_location(args.url)
    store = _store()
    try:
        feed_store.add_feeds(store, [Feed(url, args.title, _now_ms())])
    finally:
        store.close()
    print(f"added {url}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    store = _store()
    try:
        removed = feed_store.remove_feed(store, args.url)
    finally:
        store.close()
    if not removed:
        msg = f"no such feed in the list: {args.url}"
        raise ConfigError(msg)
    print(f"removed {args.url}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    store = _store()
    try:
        rows = feed_store.feed_health(store)
    finally:
        store.close()
    now = _now_ms()
    for row in rows:
        rate = row.items_per_hour(now)
        fields = [row.url, row.title, row.status, f"items={row.items_seen}",
                  f"per_hour={'-' if rate is None else f'{rate:.1f}'}"]  # fmt: skip
        if row.failing and row.last_error:
            fields.append(f"last_error={row.last_error}")
        print("\t".join(fields))
    if not rows:
        print("no feeds: add one with `wirewatch feeds add URL`", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_bytes()
    except OSError as exc:
        msg = f"cannot read {args.file}: {exc.strerror or exc}"
        raise ConfigError(msg) from None
    feeds = parse_opml(text, added_ms=_now_ms())
    store = _store()
    try:
        feed_store.add_feeds(store, feeds)
    finally:
        store.close()
    print(f"imported {len(feeds)} feed(s) from {args.file}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    store = _store()
    try:
        document = to_opml(feed_store.list_feeds(store))
    finally:
        store.close()
    if args.out is None:
        sys.stdout.write(document)
    else:
        args.out.write_text(document, encoding="utf-8")
        print(f"exported to {args.out}", file=sys.stderr)
    return 0
