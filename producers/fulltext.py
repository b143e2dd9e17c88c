"""Fetch the page an entry links to and extract its main text with ``trafilatura``.

:class:`PageFetcher` is polite and bounded: one request per host every
``host_delay`` seconds, a ``timeout`` for the whole request (connect, headers and
body), a ``max_bytes`` cap on the body (streamed, reading stops at the cap), at
most ``max_redirects`` redirects, and conditional GET (``If-None-Match`` /
``If-Modified-Since``) when the caller passes validators. On 429 and 5xx it
honours ``Retry-After``: the host is left alone until then, and requests to it
fail at once with that reason instead of waiting (so nothing blocks a producer
longer than its timeout).

Errors::

    FetchError          the page could not be fetched; ``retriable`` for 429/5xx/timeouts
     +-- ExtractError   the page was fetched but holds no article text
"""

from __future__ import annotations

import email.utils
import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from producers.parsing import (
    BODY_FIELDS,
    URL_FIELDS,
    decode_utf8,
    event_from_line,
    event_from_mapping,
    parse_json,
)
from wirewatch.errors import SchemaError, WirewatchError
from wirewatch.events import ArticleEvent

USER_AGENT = "wirewatch-fulltext/0.1 (+https://github.com/wirewatch)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_HOST_DELAY = 1.0
DEFAULT_MAX_REDIRECTS = 5
MIN_TEXT_CHARS = 200  # less than this is a stub (a paywall, a cookie wall), not an article
_CHUNK = 64 * 1024
_RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
_DEFAULT_BACKOFF = 60.0

FullTextFn = Callable[[str], str]  # URL -> article text (a FullText)


class FetchError(WirewatchError):
    """A page could not be fetched; the message is the reason."""

    def __init__(self, reason: str, *, retriable: bool = False) -> None:
        super().__init__(reason)
        self.retriable = retriable


class ExtractError(FetchError):
    """A page was fetched but no article text could be extracted from it."""


@dataclass(frozen=True)
class Page:
    """A fetched page: its final URL, body and validators; ``body`` None when 304."""

    url: str
    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.body is None


@dataclass
class Clock:
    """Monotonic time and sleep, injectable for tests."""

    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep


def _redirects(limit: int) -> urllib.request.HTTPRedirectHandler:
    """A redirect handler that follows at most ``limit`` and treats a repeated URL as a loop."""
    limits = {"max_redirections": limit, "max_repeats": 1}
    return type("Redirects", (urllib.request.HTTPRedirectHandler,), limits)()  # type: ignore[no-any-return]


@dataclass
class PageFetcher:
    """Fetch http(s) pages politely and within bounds; see the module docstring."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    host_delay: float = DEFAULT_HOST_DELAY
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    clock: Clock = field(default_factory=Clock)
    _last: dict[str, float] = field(default_factory=dict)
    _backoff: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_redirects(self.max_redirects))

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url``; raise :class:`FetchError` with a reason a person can act on."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            msg = f"not an http(s) URL: {url[:200]}"
            raise FetchError(msg)
        host = parts.hostname
        self._wait_for(host)
        headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked)
        deadline = self.clock.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = self._read(response, deadline)
                return Page(response.geturl(), body, response.headers.get("ETag"),
                            response.headers.get("Last-Modified"))  # fmt: skip
        except urllib.error.HTTPError as exc:
            return self._http_error(exc, host, url, etag, last_modified)
        except TimeoutError:
            msg = f"no answer from {host} within {self.timeout:g} s"
            raise FetchError(msg, retriable=True) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                msg = f"no answer from {host} within {self.timeout:g} s"
                raise FetchError(msg, retriable=True) from None
            msg = f"cannot reach {host}: {exc.reason}"
            raise FetchError(msg, retriable=True) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            msg = f"fetching {url[:200]} failed: {type(exc).__name__}: {exc}"
            raise FetchError(msg, retriable=True) from None
        finally:
            self._last[host] = self.clock.monotonic()

    def _wait_for(self, host: str) -> None:
        now = self.clock.monotonic()
        until = self._backoff.get(host, 0.0)
        if now < until:
            msg = f"{host} asked us to back off for another {until - now:.0f} s"
            raise FetchError(msg, retriable=True)
        wait = self._last.get(host, -1e18) + self.host_delay - now
        if wait > 0:
            self.clock.sleep(min(wait, self.host_delay))

    def _read(self, response: Any, deadline: float) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            msg = f"page is {int(declared)} bytes, over the limit of {self.max_bytes}"
            raise FetchError(msg)
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(_CHUNK):  # what has arrived, so the deadline is seen
            size += len(chunk)
            if size > self.max_bytes:
                msg = f"page is over the limit of {self.max_bytes} bytes (reading stopped)"
                raise FetchError(msg)
            if self.clock.monotonic() > deadline:
                msg = f"page took longer than {self.timeout:g} s to arrive"
                raise FetchError(msg, retriable=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _http_error(
        self, exc: urllib.error.HTTPError, host: str, url: str, etag: str | None,
        last_modified: str | None,
    ) -> Page:  # fmt: skip
        exc.close()
        if exc.code == 304:
            return Page(url, None, etag, last_modified)
        if exc.code in _RETRY_STATUSES:
            pause = retry_after(exc.headers.get("Retry-After")) or _DEFAULT_BACKOFF
            self._backoff[host] = self.clock.monotonic() + pause
            msg = f"HTTP {exc.code} from {host}; backing off for {pause:.0f} s"
            raise FetchError(msg, retriable=True) from None
        if exc.code in (301, 302, 303, 307, 308):
            msg = f"redirect loop or more than {self.max_redirects} redirects from {url[:200]}"
            raise FetchError(msg) from None
        msg = f"HTTP {exc.code} {exc.reason} from {url[:200]}"
        raise FetchError(msg) from None


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def extract_text(html: bytes, url: str | None = None) -> str:
    """The main text of an article page, boilerplate removed; :class:`ExtractError` if none."""
    import trafilatura  # heavy import: only when full text is asked for

    # no deduplicate=True: its cache spans calls, so a page seen before would come back empty
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               favor_precision=True)  # fmt: skip
    if not text or not text.strip():
        msg = "no article text found on the page"
        raise ExtractError(msg)
    if len(text.strip()) < MIN_TEXT_CHARS:
        msg = (f"only {len(text.strip())} characters of text on the page "
               "(a paywall or a stub?)")  # fmt: skip
        raise ExtractError(msg)
    return text.strip()


@dataclass
class FullText:
    """Fetch and extract the text behind a link: the hook the producers call."""

    fetcher: PageFetcher = field(default_factory=PageFetcher)

    def __call__(self, url: str) -> str:
        """The article text at ``url``; :class:`FetchError` with the reason otherwise."""
        page = self.fetcher.fetch(url)
        return extract_text(page.body or b"", page.url)


def mapping_event(data: Any, *, source: str, full_text: FullTextFn | None = None) -> ArticleEvent:
    """:func:`event_from_mapping`, with the linked page's text for an item that has a URL only.

    Without ``full_text``, or for an item with a body, this is exactly
    :func:`~producers.parsing.event_from_mapping`. A failed fetch is a
    :class:`SchemaError` giving the reason, so the item is dead-lettered with it.
    """
    url = _link_only(data) if full_text is not None else None
    if full_text is None or url is None:
        return event_from_mapping(data, source=source)
    try:
        text = full_text(url)
    except FetchError as exc:
        msg = f"article has no body and the full text of {url} is unavailable: {exc}"
        raise SchemaError(msg) from None
    event = event_from_mapping({**data, "body": text}, source=source)
    return replace(event, text_source="full")


def line_event(raw: bytes, *, source: str, full_text: FullTextFn | None = None) -> ArticleEvent:
    """:func:`event_from_line` with the same full-text hook as :func:`mapping_event`."""
    if full_text is None:
        return event_from_line(raw, source=source)
    return mapping_event(parse_json(decode_utf8(raw)), source=source, full_text=full_text)


def _link_only(data: Any) -> str | None:
    """The http(s) URL of an item that has one but no body, else None."""
    if not isinstance(data, dict) or any(data.get(name) for name in BODY_FIELDS):
        return None
    url = next((data[name] for name in URL_FIELDS if isinstance(data.get(name), str)), None)
    return url if url and urlsplit(url).scheme in ("http", "https") else None
