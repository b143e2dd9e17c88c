"""Articles from RSS and Atom feeds, read from a URL or a local file with ``feedparser``.

Each feed has a small JSON state file under ``data_dir/feeds`` listing the entries
already delivered or dead-lettered (by id, else link), so a restart does not send
them again. An entry is remembered only once the broker confirmed its delivery
(the sink's ``done`` callback), so one that failed is sent again on the next poll;
the state is saved only after the publisher has flushed. A poll that fails (the
feed is unreachable, truncated, gone) is reported and the watch goes on.
"""

from __future__ import annotations

import calendar
import hashlib
import http.client
import json
import os
import re
import sys
import threading
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser

from producers.fulltext import FetchError, PageFetcher
from producers.markup import html_to_text
from producers.parsing import epoch_time
from producers.publish import Sink
from wirewatch.errors import ConfigError, SchemaError, WirewatchError
from wirewatch.events import ArticleEvent

DEFAULT_INTERVAL = 300.0
MAX_REMEMBERED = 5000
MAX_FEED_BYTES = 20 * 1024 * 1024
USER_AGENT = "wirewatch-feed/0.1 (+https://github.com/wirewatch)"
_SLUG = re.compile(r"[^a-z0-9]+")
# what reading a feed can raise: network and file errors, a truncated answer, a bad
# URL (http.client.InvalidURL, ValueError), a local feed file that disappeared (ConfigError)
# (FetchError from a PageFetcher is a WirewatchError)
FETCH_ERRORS = (OSError, ValueError, http.client.HTTPException, WirewatchError)


def is_url(location: str) -> bool:
    """Whether ``location`` names an http(s) URL rather than a file."""
    return urlsplit(location).scheme in ("http", "https")


def read_location(location: str, timeout: float = 30.0) -> bytes:
    """The bytes of a feed URL or a local feed file."""
    if is_url(location):  # only http(s) reaches urlopen: S310 is checked here
        request = urllib.request.Request(location, headers={"User-Agent": USER_AGENT})  # noqa: S310
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return bytes(response.read())
    path = Path(location).expanduser()
    if not path.is_file():
        msg = f"feed is neither an http(s) URL nor a file: {location}"
        raise ConfigError(msg)
    return path.read_bytes()


def entry_key(entry: Any) -> str:
    """What identifies an entry across polls: its id, else its link, else a content hash."""
    key = entry.get("id") or entry.get("link")
    if key:
        return str(key)
    basis = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(basis.encode()).hexdigest()[:16]


def entry_event(
    entry: Any, *, source: str, language: str = "en", full: bool = False
) -> ArticleEvent:
    """Build an event from one parsed feed entry, HTML stripped to text.

    With ``full`` (the text will come from the linked page) an entry with only a
    title and a link is fine: its title stands in as the summary.
    """
    body = _entry_text(entry) or (entry.get("title", "") if full and entry.get("link") else "")
    if not body:
        msg = "feed entry has neither content nor a summary"
        raise SchemaError(msg)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return ArticleEvent.create(
        source=source,
        body=body,
        title=_as_text(entry.get("title", ""), entry.get("title_detail")),
        url=entry.get("link") or None,
        language=language,
        published_at=epoch_time(calendar.timegm(stamp)) if stamp else None,
    )


class FeedState:
    """The newest ``MAX_REMEMBERED`` entry keys delivered from one feed, persisted as JSON.

    Keys may be added from the producer's delivery thread, hence the lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._keys: dict[str, None] = {}
        self._lock = threading.Lock()
        self.etag: str | None = None  # the feed's validators, for a conditional GET
        self.last_modified: str | None = None
        if path.is_file():
            saved = json.loads(path.read_text())
            for key in saved.get("seen", []):
                self.add(key)
            self.etag, self.last_modified = saved.get("etag"), saved.get("last_modified")

    @classmethod
    def for_feed(cls, data_dir: Path, location: str) -> FeedState:
        """The state file of ``location`` under ``data_dir/feeds``."""
        digest = hashlib.sha256(location.encode()).hexdigest()[:12]
        slug = _SLUG.sub("-", location.lower()).strip("-")[-40:]
        return cls(data_dir / "feeds" / f"{slug}-{digest}.json")

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str) -> None:
        """Remember ``key`` (saved by :meth:`save`), forgetting the oldest past the limit."""
        with self._lock:
            self._keys.pop(key, None)
            self._keys[key] = None
            while len(self._keys) > MAX_REMEMBERED:
                del self._keys[next(iter(self._keys))]

    def save(self) -> None:
        """Write the keys atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            keys = list(self._keys)
        scratch = self.path.with_suffix(".tmp")
        saved = {"seen": keys, "etag": self.etag, "last_modified": self.last_modified}
        scratch.write_text(json.dumps(saved, indent=1))
        os.replace(scratch, self.path)


class FeedPoller:
    """Publishes the entries of one feed that its state has not seen."""

    def __init__(
        self,
        location: str,
        sink: Sink,
        state: FeedState,
        source: str | None = None,
        fetch: Callable[[str], bytes] = read_location,
        *,
        pages: PageFetcher | None = None,
        full_text: Callable[[str], str] | None = None,
    ) -> None:
        self.location = location
        self.sink = sink
        self.state = state
        self.source = source or _default_source(location)
        self.fetch = fetch
        self.pages = pages  # for a URL: conditional GET, size cap, back-off on 429/5xx
        self.full_text = full_text  # fetch the linked page's text (produce feed --full-text)
        self.errors = 0
        self.last_error: str | None = None

    def poll(self) -> int:
        """Publish the new entries; return how many there were."""
        try:
            raw = self._read()
        except FETCH_ERRORS as exc:
            self.errors += 1
            self.last_error = str(exc)
            print(f"wirewatch produce feed: cannot read {self.location}: {exc}", file=sys.stderr)
            return 0
        self.last_error = None
        if raw is None:  # 304 Not Modified
            return 0
        parsed = feedparser.parse(raw)
        if parsed.get("bozo") and not parsed.entries:
            reason = f"not an RSS or Atom feed: {parsed.get('bozo_exception')}"
            self.sink.reject(raw, reason, self.source)
            return 0
        language = (parsed.feed.get("language") or "en").split("-")[0].lower()
        fresh = [entry for entry in parsed.entries if entry_key(entry) not in self.state]
        for entry in fresh:
            self._publish(entry, language)
        return len(fresh)

    def _read(self) -> bytes | None:
        """The feed's bytes; None when a conditional GET says it has not changed."""
        if self.pages is None or not is_url(self.location):
            return self.fetch(self.location)
        state = self.state
        page = self.pages.fetch(self.location, state.etag, state.last_modified)
        state.etag, state.last_modified = page.etag, page.last_modified
        return page.body

    def _publish(self, entry: Any, language: str) -> None:
        key = entry_key(entry)
        raw = json.dumps({k: entry.get(k) for k in ("id", "link", "title")}).encode()
        try:
            event = entry_event(entry, source=self.source, language=language,
                                full=self.full_text is not None)  # fmt: skip
        except SchemaError as exc:
            self.sink.reject(raw, f"entry {key}: {exc}", self.source)
            self.state.add(key)  # dead-lettered: do not reject it again
            return
        if self.full_text is not None:
            event = with_full_text(event, self.full_text, self.sink, raw)
        self.sink.publish(event, done=lambda ok: self.state.add(key) if ok else None)


def with_full_text(
    event: ArticleEvent, full_text: Callable[[str], str], sink: Sink, raw: bytes
) -> ArticleEvent:
    """The event with the text of the page it links to, else its summary and a dead letter.

    A failed fetch or extraction is dead-lettered with its reason; the summary is
    published all the same, marked ``text_source="summary"``.
    """
    if not event.url or not is_url(event.url):
        return replace(event, text_source="summary")
    try:
        return replace(event, body=full_text(event.url), text_source="full")
    except FetchError as exc:
        reason = f"full text of {event.url} unavailable, summary published instead: {exc}"
        sink.reject(raw, reason, event.source)
        return replace(event, text_source="summary")


def poll_all(
    pollers: Sequence[FeedPoller],
    flush: Callable[[], None],
    report: Callable[[FeedPoller, int], None] | None = None,
) -> None:
    """Poll each feed once, flush the publisher, then save each feed's state.

    One feed failing in an unexpected way is reported and counted; the others go
    on. ``report`` is told how many new entries each feed had.
    """
    for poller in pollers:
        try:
            items = poller.poll()
        except Exception as exc:  # one broken feed must not end the watch
            poller.errors += 1
            poller.last_error = f"{type(exc).__name__}: {exc}"
            print(f"wirewatch produce feed: polling {poller.location} failed: "
                  f"{poller.last_error}", file=sys.stderr)  # fmt: skip
            items = 0
        if report is not None:
            report(poller, items)
    flush()
    for poller in pollers:
        poller.state.save()


def watch(
    pollers: Sequence[FeedPoller],
    flush: Callable[[], None],
    interval: float,
    stop: threading.Event,
) -> None:
    """Poll now and every ``interval`` seconds until ``stop`` is set."""
    poll_all(pollers, flush)
    while not stop.wait(interval):
        poll_all(pollers, flush)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max(contents, key=lambda part: len(part.get("value", "")), default=None)
    if best is not None and best.get("value", "").strip():
        return _as_text(best["value"], best)
    return _as_text(entry.get("summary", ""), entry.get("summary_detail"))


def _as_text(value: str, detail: Any) -> str:
    """Strip HTML unless feedparser says the value is plain text."""
    kind = (detail or {}).get("type", "text/html")
    return html_to_text(value) if "html" in kind else value.strip()


def _default_source(location: str) -> str:
    if is_url(location):
        return f"feed:{urlsplit(location).hostname}"
    return f"feed:{Path(location).name}"
