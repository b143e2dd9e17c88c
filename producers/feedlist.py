"""The desk's feed list: OPML in and out, and polling whatever the list holds now.

The list lives in the store (:mod:`wirewatch.store.feeds`). :class:`ListedFeeds`
re-reads it before every poll, so ``wirewatch feeds add`` and ``remove`` reach a
running ``produce feed --follow`` at its next poll without a restart; each poll's
outcome (new items, or the error) is written to the feed's health row.
"""

from __future__ import annotations

import threading
import time
import xml.etree.ElementTree as ET  # noqa: N817 (the usual name)
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from producers.feeds import FeedPoller, is_url, poll_all
from wirewatch.errors import ConfigError
from wirewatch.store import SqlStore
from wirewatch.store import feeds as feed_store
from wirewatch.store.feeds import Feed

MakePoller = Callable[[str], FeedPoller]


def parse_opml(text: str | bytes, *, added_ms: int = 0) -> list[Feed]:
    """Every ``outline`` with an ``xmlUrl`` (nested folders included), first title wins."""
    try:
        root = ET.fromstring(text)  # noqa: S314 (expat refuses entity expansion bombs)
    except ET.ParseError as exc:
        msg = f"not an OPML file: {exc}"
        raise ConfigError(msg) from None
    found: dict[str, Feed] = {}
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url and url not in found:
            title = outline.get("title") or outline.get("text") or ""
            found[url] = Feed(url, title.strip(), added_ms)
    if not found and root.tag != "opml":
        msg = f"not an OPML file: the root element is <{root.tag}>"
        raise ConfigError(msg)
    return list(found.values())


def to_opml(feeds: list[Feed], title: str = "wirewatch feeds") -> str:
    """An OPML 2.0 document listing ``feeds``."""
    outlines = "\n".join(
        f'    <outline type="rss" text={quoteattr(f.title or f.url)} '
        f"title={quoteattr(f.title or f.url)} xmlUrl={quoteattr(f.url)}/>"
        for f in feeds
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n'
            f"  <head><title>{title}</title></head>\n  <body>\n{outlines}\n  </body>\n"
            "</opml>\n")  # fmt: skip


def check_location(location: str) -> str:
    """A feed URL, or an existing feed file as an absolute path."""
    if is_url(location):
        return location
    path = Path(location).expanduser()
    if not path.is_file():
        msg = f"a feed is an http(s) URL or an existing file, got {location!r}"
        raise ConfigError(msg)
    return str(path.resolve())


class ListedFeeds:
    """Pollers for the feeds the store lists now; one poller per URL, kept across polls."""

    def __init__(self, store: SqlStore, make: MakePoller) -> None:
        self.store = store
        self.make = make
        self.pollers: dict[str, FeedPoller] = {}

    def current(self) -> list[FeedPoller]:
        """The list as it is now: new feeds get a poller, removed ones lose theirs."""
        urls = [feed.url for feed in feed_store.list_feeds(self.store)]
        self.pollers = {url: self.pollers.get(url) or self.make(url) for url in urls}
        return list(self.pollers.values())

    def poll(self, flush: Callable[[], None]) -> int:
        """Poll every listed feed once and record each one's health; return the errors."""
        pollers = self.current()
        errors_before = {id(p): p.errors for p in pollers}
        found: dict[int, int] = {}

        def report(poller: FeedPoller, items: int) -> None:
            found[id(poller)] = items

        poll_all(pollers, flush, report)
        at = int(time.time() * 1000)
        for poller in pollers:
            failed = poller.errors > errors_before[id(poller)]
            error = (poller.last_error or "poll failed") if failed else None
            feed_store.record_poll(self.store, poller.location, at, found.get(id(poller), 0), error)
        return sum(p.errors - errors_before[id(p)] for p in pollers)


def watch_list(
    listed: ListedFeeds, flush: Callable[[], None], interval: float, stop: threading.Event
) -> int:
    """Poll the list now and every ``interval`` seconds until ``stop``; return the errors."""
    errors = listed.poll(flush)
    while not stop.wait(interval):
        errors += listed.poll(flush)
    return errors
