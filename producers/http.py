"""An HTTP endpoint for articles, on the standard library's ``ThreadingHTTPServer``.

``POST /articles`` takes one JSON article, a JSON array of them or a JSONL body and
answers ``202 {"accepted": [ids]}`` only once the broker has acknowledged every one
of them; while it cannot (broker down, delivery timed out) the answer is ``503``
with ``Retry-After``, and the client sends again (ids make that idempotent).

A request is all or nothing: any malformed article makes it ``400`` with a JSON
error naming the item (and the body is dead-lettered); a request, an article body
or any field over its size limit is ``413``. Every article is validated exactly as
the publisher will (``ArticleEvent.validate``). Before the body is read: a token
when one is set (``401``), no cross-origin browser request (``403``), a JSON, JSONL
or NDJSON content type (``415``), a ``Content-Length`` (``411``; ``400`` when not a
number) within the request limit (``413``). Anything unexpected is a ``500`` with a
JSON error, never a dropped connection. ``GET /health`` answers ``200`` while
records can be delivered and ``503`` when they cannot.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from producers.fulltext import FullTextFn, mapping_event
from producers.publish import Delivery, Sink
from producers.records import decode_utf8, objects_from_json, parse_json
from wirewatch.errors import SchemaError
from wirewatch.schema import ArticleEvent, OversizeError

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8088
DEFAULT_SOURCE = "http"
_DRAIN_LIMIT = 64 * 1024 * 1024
RETRY_AFTER_SECONDS = 5
CONTENT_TYPES = frozenset({
    "application/json",
    "application/jsonl",
    "application/x-jsonl",
    "application/jsonlines",
    "application/x-jsonlines",
    "application/ndjson",
    "application/x-ndjson",
})  # fmt: skip
Health = Callable[[], tuple[bool, str]]


def exposure_warning(host: str, token: str) -> str | None:
    """A loud warning when ``host`` is reachable beyond this machine and no token is set."""
    if token or _loopback(host):
        return None
    return (
        f"WARNING: wirewatch produce http binds {host or 'every interface'} WITHOUT A TOKEN: "
        "anyone who can reach this port can inject articles. Set WIREWATCH_HTTP_TOKEN "
        "or bind 127.0.0.1."
    )


def _loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


class Unavailable(Exception):
    """The broker did not acknowledge the request's articles in time."""


class PayloadError(SchemaError):
    """A request body that cannot become articles, with the HTTP status to answer."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


def parse_payload(
    raw: bytes, *, source: str, max_article_bytes: int, full_text: FullTextFn | None = None
) -> list[ArticleEvent]:
    """Events from a JSON object, a JSON array or JSONL; raise :class:`PayloadError`.

    With ``full_text``, an article with a URL but no body gets its linked page's text.
    """
    try:
        text = decode_utf8(raw).strip()
    except SchemaError as exc:
        raise PayloadError(str(exc)) from None
    if not text:
        msg = "request body is empty: send a JSON article, a JSON array or JSONL"
        raise PayloadError(msg)
    items = _objects(text)
    return [_event(item, n, source, max_article_bytes, full_text)
            for n, item in enumerate(items, start=1)]  # fmt: skip


class ArticleServer(ThreadingHTTPServer):
    """The endpoint; ``sink`` must be thread-safe (:class:`Publisher` is)."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        sink: Sink,
        *,
        max_article_bytes: int,
        max_request_bytes: int | None = None,
        source: str = DEFAULT_SOURCE,
        token: str = "",
        delivery_timeout: float = 30.0,
        health: Health | None = None,
        reachable: Callable[[], bool] | None = None,
        full_text: FullTextFn | None = None,
    ) -> None:
        super().__init__(address, _Handler)
        self.sink = sink
        self.source = source
        self.max_article_bytes = max_article_bytes
        self.max_request_bytes = max_request_bytes or 4 * max_article_bytes
        self.token = token
        self.delivery_timeout = delivery_timeout
        self.health = health or (lambda: (True, "ok"))
        self.reachable = reachable or (lambda: True)
        self.full_text = full_text

    def handle_payload(self, raw: bytes) -> list[str]:
        """Publish every article in ``raw`` or none; return their ids once all are delivered.

        Raises :class:`PayloadError` for bad input (dead-lettered) and
        :class:`Unavailable` when the broker did not acknowledge every article in time.
        """
        try:
            events = parse_payload(raw, source=self.source,
                                   max_article_bytes=self.max_article_bytes,
                                   full_text=self.full_text)  # fmt: skip
        except PayloadError as exc:
            self.sink.reject(raw, str(exc), self.source)
            raise
        if not self.reachable():
            msg = "the broker is unreachable; nothing was accepted"
            raise Unavailable(msg)
        delivery = Delivery(len(events))
        for event in events:
            self.sink.publish(event, delivery.done)
        if not delivery.wait(self.delivery_timeout * 1.2 + 1):  # the producer gives up first
            missing = delivery.expected - delivery.delivered
            msg = f"{missing} of {delivery.expected} article(s) not acknowledged by the broker"
            raise Unavailable(msg)
        return [event.article_id for event in events]

    def authorized(self, header: str | None) -> bool:
        """Whether an ``Authorization`` header carries the token (always, when none is set)."""
        if not self.token:
            return True
        scheme, _, given = (header or "").partition(" ")
        expected = self.token.encode()
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected)


class _Handler(BaseHTTPRequestHandler):
    server: ArticleServer
    server_version = "wirewatch"

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_POST(self) -> None:
        self._guarded(self._post)

    def _guarded(self, handle: Any) -> None:
        """Run ``handle``; an unexpected exception becomes a 500 JSON answer."""
        try:
            handle()
        except Exception as exc:  # the client gets an answer whatever went wrong
            log.exception("%s %s failed", self.command, self.path)
            self.close_connection = True
            self._answer(HTTPStatus.INTERNAL_SERVER_ERROR,
                         {"error": f"internal error: {type(exc).__name__}"})  # fmt: skip

    def _get(self) -> None:
        if self.path == "/health":
            ok, reason = self.server.health()
            if ok:
                self._answer(HTTPStatus.OK, {"status": "ok"})
                return
            failing = {"status": "failing", "reason": reason}
            self._answer(HTTPStatus.SERVICE_UNAVAILABLE, failing)
        else:
            self._answer(HTTPStatus.NOT_FOUND, {"error": f"no such path: {self.path}"})

    def _post(self) -> None:
        if self.path.rstrip("/") != "/articles":
            self._answer(HTTPStatus.NOT_FOUND, {"error": "POST articles to /articles"})
            return
        refusal = self._refusal()
        if refusal is not None:
            self.close_connection = True  # the body is not read
            status, error, extra = refusal
            self._answer(status, {"error": error}, extra)
            return
        length = self._content_length()
        if length is None:
            return
        try:
            ids = self.server.handle_payload(self.rfile.read(length))
        except PayloadError as exc:
            self._answer(exc.status, {"error": str(exc)})
            return
        except Unavailable as exc:
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            self._answer(HTTPStatus.SERVICE_UNAVAILABLE, {"error": str(exc)}, retry)
            return
        self._answer(HTTPStatus.ACCEPTED, {"accepted": ids})

    def _refusal(self) -> tuple[HTTPStatus, str, dict[str, str]] | None:
        """Why this request is refused before its body is read, if it is."""
        if not self.server.authorized(self.headers.get("Authorization")):
            error = "a bearer token is required: Authorization: Bearer <WIREWATCH_HTTP_TOKEN>"
            return HTTPStatus.UNAUTHORIZED, error, {"WWW-Authenticate": "Bearer"}
        origin = self.headers.get("Origin")
        site = (self.headers.get("Sec-Fetch-Site") or "none").lower()
        if origin is not None or site not in ("none", "same-origin"):
            error = f"browser requests from other pages are refused (Origin: {origin})"
            return HTTPStatus.FORBIDDEN, error[:300], {}
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind not in CONTENT_TYPES:
            error = (f"Content-Type {kind or '(none)'!r} is not accepted: send application/json, "
                     "application/jsonl or application/x-ndjson")  # fmt: skip
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, error[:300], {}
        return None

    def _content_length(self) -> int | None:
        raw = self.headers.get("Content-Length")
        if raw is None:
            self.close_connection = True
            self._answer(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length is required"})
            return None
        text = raw.strip()
        length = int(text) if text.isascii() and text.isdigit() else -1
        if length < 0:
            self.close_connection = True  # we cannot tell where this body ends
            error = f"Content-Length must be a whole number of bytes, got {raw!r}"
            self._answer(HTTPStatus.BAD_REQUEST, {"error": error})
            return None
        limit = self.server.max_request_bytes
        if length > limit:
            self._drain(length)
            error = f"request body is {length} bytes, over the limit of {limit}"
            self._answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": error})
            return None
        return length

    def _drain(self, length: int) -> None:
        """Read and drop a too-large body so the client sees the answer, not a reset."""
        self.close_connection = True
        remaining = min(length, _DRAIN_LIMIT)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)

    def _answer(
        self, status: HTTPStatus, payload: dict[str, Any], extra: dict[str, str] | None = None
    ) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


def _objects(text: str) -> list[Any]:
    try:
        return objects_from_json(text)
    except SchemaError as exc:
        if len(text.splitlines()) == 1 or text.startswith("["):
            raise PayloadError(str(exc)) from None
    return _jsonl_objects(text)


def _jsonl_objects(text: str) -> list[Any]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(parse_json(line))
        except SchemaError as exc:
            msg = f"line {number}: {exc}"
            raise PayloadError(msg) from None
    return items


def _event(
    item: Any, number: int, source: str, max_bytes: int, full_text: FullTextFn | None
) -> ArticleEvent:
    try:
        event = mapping_event(item, source=source, full_text=full_text)
        return event.validate(max_bytes)  # what the publisher checks: all or nothing
    except OversizeError as exc:
        msg = f"article {number}: {exc}"
        raise PayloadError(msg, HTTPStatus.REQUEST_ENTITY_TOO_LARGE) from None
    except SchemaError as exc:
        msg = f"article {number}: {exc}"
        raise PayloadError(msg) from None
