"""Full text of feed entries against a real HTTP server on loopback.

The server serves a feed and article pages: a real-looking page with navigation
and boilerplate, a paywall stub, a 429, a slow page, a 20 MB page, a redirect
loop. Nothing here talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from producers.feeds import FeedPoller, FeedState
from producers.files import FileReader
from producers.fulltext import (
    Clock,
    FetchError,
    FullText,
    PageFetcher,
    extract_text,
    line_event,
    retry_after,
)
from producers.http import PayloadError, parse_payload
from producers.testing import MemorySink
from wirewatch.errors import SchemaError

PAGES = Path(__file__).resolve().parents[1] / "data" / "producers" / "pages"
ARTICLE = (PAGES / "article.html").read_bytes()
PAYWALL = (PAGES / "paywall.html").read_bytes()
NAVIGATION = ("Subscribe to our newsletter", "Home", "Cup final", "cookies", "Copyright")
SLOW_SECONDS = 5.0
TIMEOUT = 1.0


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{name} story</title><link>{base}/{name}</link><guid>{name}</guid>"
        f"<description>Summary of the {name} story.</description>"
        f"<pubDate>Wed, 04 Mar 2026 08:00:00 GMT</pubDate></item>"
        for name in ("article", "paywall", "slow", "huge", "loop", "limited")  # 429 last: back-off
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Frontier</title>'
    return f"{head}<link>{base}</link><description>d</description>{items}</channel></rss>".encode()


@dataclass
class Site:
    """What the handler saw, shared with the tests."""

    base: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *_: Any) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        self.site.requests.append((self.path, dict(self.headers)))
        route = getattr(self, "route_" + self.path.strip("/").split("/")[0].replace(".", "_"), None)
        if route is None:
            self.answer(404, b"not found")
        else:
            route()

    def answer(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        try:
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the slow page): that is the point

    def route_feed_xml(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.answer(304, ETag='"v1"')
        else:
            self.answer(200, feed(self.site.base), ETag='"v1"', Content_Type="application/rss+xml")

    def route_article(self) -> None:
        self.answer(200, ARTICLE)

    def route_paywall(self) -> None:
        self.answer(200, PAYWALL)

    def route_limited(self) -> None:
        self.answer(429, b"slow down", Retry_After="120")

    def route_slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        self.answer(200, ARTICLE)

    def route_huge(self) -> None:  # 20 MB, streamed without a Content-Length
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
        try:
            for _ in range(20 * 1024 * 1024 // len(chunk)):
                self.wfile.write(chunk)
        except OSError:
            pass  # the client stopped reading at its cap

    def route_loop(self) -> None:
        self.answer(302, Location=self.site.base + "/loop2")

    def route_loop2(self) -> None:
        self.answer(302, Location=self.site.base + "/loop")


@pytest.fixture
def site() -> Iterator[Site]:
    shared = Site()
    handler = type("Bound", (Handler,), {"site": shared})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    shared.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield shared
    server.shutdown()
    server.server_close()


def fetcher(**kw: Any) -> PageFetcher:
    return PageFetcher(**{"timeout": TIMEOUT, "max_bytes": 2_000_000, "host_delay": 0, **kw})


def test_extracted_text_has_the_article_and_not_the_navigation() -> None:
    text = extract_text(ARTICLE)
    assert "killing at least 14 civilians and wounding 37 others" in text
    assert "no date has been set for a ceasefire" in text
    for boilerplate in NAVIGATION:
        assert boilerplate not in text


def test_a_paywall_stub_is_not_an_article() -> None:
    with pytest.raises(FetchError, match="a paywall or a stub"):
        extract_text(PAYWALL)


def test_feed_with_full_text_publishes_pages_and_dead_letters_failures(
    site: Site, tmp_path: Path
) -> None:
    sink = MemorySink()
    location = f"{site.base}/feed.xml"
    poller = FeedPoller(location, sink, FeedState.for_feed(tmp_path, location),
                        pages=fetcher(), full_text=FullText(fetcher()))  # fmt: skip
    started = time.monotonic()
    assert poller.poll() == 6
    elapsed = time.monotonic() - started

    by_name = {event.url.rsplit("/", 1)[1]: event for event in sink.events if event.url}
    assert set(by_name) == {"article", "paywall", "limited", "slow", "huge", "loop"}
    full = by_name.pop("article")
    assert full.text_source == "full"
    assert "wounding 37 others" in full.body and "Subscribe" not in full.body
    for name, event in by_name.items():  # every failure keeps the summary
        assert (event.text_source, event.body) == ("summary", f"Summary of the {name} story.")
    reasons = {json.loads(r.raw)["id"]: r.reason for r in sink.rejections}
    assert set(reasons) == set(by_name)
    assert "a paywall or a stub" in reasons["paywall"]
    assert "HTTP 429" in reasons["limited"] and "backing off for 120 s" in reasons["limited"]
    assert f"within {TIMEOUT:g} s" in reasons["slow"]
    assert "over the limit of 2000000 bytes" in reasons["huge"]
    assert "redirect loop" in reasons["loop"]
    assert all("summary published instead" in reason for reason in reasons.values())
    assert elapsed < SLOW_SECONDS  # the slow page did not hold the producer past its timeout


def test_the_feed_is_fetched_conditionally(site: Site, tmp_path: Path) -> None:
    location = f"{site.base}/feed.xml"
    state = FeedState.for_feed(tmp_path, location)
    sink = MemorySink()
    FeedPoller(location, sink, state, pages=fetcher()).poll()
    state.save()
    again = FeedPoller(location, sink, FeedState.for_feed(tmp_path, location), pages=fetcher())
    assert again.poll() == 0
    feed_requests = [headers for path, headers in site.requests if path == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'
    assert len(sink.events) == 6 and again.last_error is None


def test_after_a_429_the_host_is_left_alone_until_retry_after(site: Site) -> None:
    pages = fetcher()
    with pytest.raises(FetchError, match="HTTP 429"):
        pages.fetch(f"{site.base}/limited")
    count = len(site.requests)
    with pytest.raises(FetchError, match="asked us to back off") as caught:
        pages.fetch(f"{site.base}/article")
    assert caught.value.retriable
    assert len(site.requests) == count  # no request was made


@dataclass
class FakeClock:
    now: float = 100.0
    slept: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_requests_to_one_host_are_spaced_by_the_politeness_delay(site: Site) -> None:
    fake = FakeClock()
    pages = fetcher(host_delay=2.0, clock=Clock(fake.monotonic, fake.sleep))
    pages.fetch(f"{site.base}/article")
    fake.now += 0.5
    pages.fetch(f"{site.base}/article")
    assert fake.slept == [1.5]


def test_retry_after_seconds_and_dates() -> None:
    now = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    assert retry_after("30") == 30.0
    assert retry_after("Wed, 04 Mar 2026 08:01:00 GMT", now) == 60.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_files_producer_fetches_text_for_an_item_with_a_url_but_no_body(
    site: Site, tmp_path: Path
) -> None:
    path = tmp_path / "links.jsonl"
    lines = [
        {"title": "Market", "url": f"{site.base}/article"},
        {"title": "Locked", "url": f"{site.base}/paywall"},
        {"title": "Own text", "url": f"{site.base}/none", "body": "Two were wounded."},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    sink = MemorySink()
    FileReader(sink, full_text=FullText(fetcher())).scan([path])
    market, own = sink.events
    assert market.text_source == "full" and "wounding 37 others" in market.body
    assert own.text_source is None and own.body == "Two were wounded."
    [rejection] = sink.rejections
    assert rejection.reason.startswith("line 2: article has no body and the full text of")
    assert "a paywall or a stub" in rejection.reason
    assert [p for p, _ in site.requests] == ["/article", "/paywall"]  # not the one with a body


def test_the_same_page_extracts_every_time() -> None:
    """A page fetched again (a re-poll, a second URL to one story) is not an empty page."""
    first = extract_text(ARTICLE)
    assert all(extract_text(ARTICLE) == first for _ in range(5))


def test_deeply_nested_line_is_a_schema_error_with_full_text_on() -> None:
    raw = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(SchemaError, match="nested too deeply"):
        line_event(raw, source="files", full_text=lambda url: "unused")


def test_http_producer_fetches_text_for_an_article_with_a_url_but_no_body(site: Site) -> None:
    pages = FullText(fetcher())
    body = json.dumps(
        [
            {"title": "Market", "url": f"{site.base}/article"},
            {"title": "Own", "url": f"{site.base}/none", "body": "Two were hurt."},
        ]
    )
    market, own = parse_payload(body.encode(), source="http", max_article_bytes=1 << 20,
                                full_text=pages)  # fmt: skip
    assert market.text_source == "full" and "wounding 37 others" in market.body
    assert own.text_source is None and own.body == "Two were hurt."
    locked = json.dumps({"title": "Locked", "url": f"{site.base}/paywall"}).encode()
    with pytest.raises(PayloadError, match="article 1: article has no body and the full text"):
        parse_payload(locked, source="http", max_article_bytes=1 << 20, full_text=pages)
    assert [p for p, _ in site.requests] == ["/article", "/paywall"]
