"""An HTTP endpoint for articles, on the standard library's ``ThreadingHTTPServer``.

``POST /articles`` takes one JSON article, a JSON array of them or a JSONL body and
answers ``202 {"accepted": [ids]}``. A request is all or nothing: any malformed
article makes it ``400`` with a JSON error naming the item (and the body is
dead-lettered); a request or an article body over the size limit is ``413``.
Every article is validated exactly as the publisher will (``ArticleEvent.validate``),
so a ``202`` means every article will be sent. A missing ``Content-Length`` is
``411``, a negative or non-numeric one ``400``; anything unexpected is a ``500``
with a JSON error, never a dropped connection. ``GET /health`` answers ``200``.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from producers.publish import Sink
from producers.records import decode_utf8, event_from_mapping, objects_from_json
from wirewatch.errors import SchemaError
from wirewatch.schema import ArticleEvent

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8088
DEFAULT_SOURCE = "http"
_DRAIN_LIMIT = 64 * 1024 * 1024


class PayloadError(SchemaError):
    """A request body that cannot become articles, with the HTTP status to answer."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


def parse_payload(raw: bytes, *, source: str, max_article_bytes: int) -> list[ArticleEvent]:
    """Events from a JSON object, a JSON array or JSONL; raise :class:`PayloadError`."""
    try:
        text = decode_utf8(raw).strip()
    except SchemaError as exc:
        raise PayloadError(str(exc)) from None
    if not text:
        msg = "request body is empty: send a JSON article, a JSON array or JSONL"
        raise PayloadError(msg)
    items = _objects(text)
    return [_event(item, n, source, max_article_bytes) for n, item in enumerate(items, start=1)]


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
    ) -> None:
        super().__init__(address, _Handler)
        self.sink = sink
        self.source = source
        self.max_article_bytes = max_article_bytes
        self.max_request_bytes = max_request_bytes or 4 * max_article_bytes

    def handle_payload(self, raw: bytes) -> list[str]:
        """Publish every article in ``raw`` or none; return their ids."""
        try:
            events = parse_payload(
                raw, source=self.source, max_article_bytes=self.max_article_bytes
            )
        except PayloadError as exc:
            self.sink.reject(raw, str(exc), self.source)
            raise
        for event in events:
            self.sink.publish(event)
        return [event.article_id for event in events]


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
            self._answer(HTTPStatus.OK, {"status": "ok"})
        else:
            self._answer(HTTPStatus.NOT_FOUND, {"error": f"no such path: {self.path}"})

    def _post(self) -> None:
        if self.path.rstrip("/") != "/articles":
            self._answer(HTTPStatus.NOT_FOUND, {"error": "POST articles to /articles"})
            return
        length = self._content_length()
        if length is None:
            return
        try:
            ids = self.server.handle_payload(self.rfile.read(length))
        except PayloadError as exc:
            self._answer(exc.status, {"error": str(exc)})
            return
        self._answer(HTTPStatus.ACCEPTED, {"accepted": ids})

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

    def _answer(self, status: HTTPStatus, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
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
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            msg = f"line {number}: not valid JSON: {exc.msg} at column {exc.colno}"
            raise PayloadError(msg) from None
    return items


def _event(item: Any, number: int, source: str, max_bytes: int) -> ArticleEvent:
    try:
        event = event_from_mapping(item, source=source)
    except SchemaError as exc:
        msg = f"article {number}: {exc}"
        raise PayloadError(msg) from None
    size = len(event.body.encode())
    if size > max_bytes:
        msg = f"article {number}: body is {size} bytes, over the limit of {max_bytes}"
        raise PayloadError(msg, HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    try:
        return event.validate(max_bytes)  # what the publisher checks: all or nothing
    except SchemaError as exc:
        msg = f"article {number}: {exc}"
        raise PayloadError(msg) from None
