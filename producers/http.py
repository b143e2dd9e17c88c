"""An HTTP endpoint for articles: a Starlette app served by uvicorn.

``POST /articles`` takes one JSON article, a JSON array of them or a JSONL body and
answers ``202 {"accepted": [ids]}`` only once the broker has acknowledged every one
of them; while it cannot (broker down, delivery timed out) the answer is ``503``
with ``Retry-After``, and the client sends again (ids make that idempotent).

A request is all or nothing: any malformed article makes it ``400`` with a JSON
error naming the item (and the body is dead-lettered); a request, an article body
or any field over its size limit is ``413``. Every article is validated exactly as
the publisher will (``ArticleEvent.validate``). Before the body is read: a token
when one is set (``401``), no cross-origin browser request (``403``), a JSON, JSONL
or NDJSON content type (``415``), a ``Content-Length`` or a chunked body (``411``;
``400`` when the length is not a number) within the request limit (``413``). A
refusal is answered at once, before the body is read; a refused body of up to
``DRAIN_LIMIT`` bytes is then discarded unread so that a client still sending it sees
the answer, a larger one closes the connection. A chunked body is counted as it
streams in and refused with ``413`` the moment it passes the limit. Anything
unexpected is a ``500`` with a JSON error, never a dropped connection. ``GET /health``
answers ``200`` while records can be delivered and ``503`` when they cannot; an
unknown path is ``404`` and a known path with another method ``405``.

:class:`ArticleEndpoint` holds the contract (no HTTP in it), :func:`build_app` makes
the ASGI app and :class:`ArticleServer` runs it with uvicorn on a socket it binds
at once, so its port is known (``port=0`` picks a free one) before serving starts.
Publishing waits for the broker, so it runs on a worker thread; the event loop keeps
answering other requests meanwhile.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import socket
import threading
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

import h11
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from uvicorn.protocols.http.h11_impl import H11Protocol

from producers.fulltext import FullTextFn
from producers.http_payload import PayloadError, parse_payload
from producers.publish import Delivery, Sink

__all__ = [
    "ArticleEndpoint",
    "ArticleServer",
    "PayloadError",
    "Unavailable",
    "build_app",
    "exposure_warning",
    "parse_payload",
]

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8088
DEFAULT_SOURCE = "http"
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
CLOSE = {"Connection": "close"}  # the body was not (all) read: this connection is done
#: A refused body up to this size is discarded unread after the answer, so a client still
#: sending it sees the answer rather than a reset; a larger one closes the connection.
DRAIN_LIMIT = 64 * 1024 * 1024
Health = Callable[[], tuple[bool, str]]
Refusal = tuple[HTTPStatus, str, dict[str, str]]


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


class ArticleEndpoint:
    """What ``POST /articles`` and ``GET /health`` mean, apart from any HTTP server.

    ``sink`` must be thread-safe (:class:`Publisher` is): requests publish from
    worker threads at the same time.
    """

    def __init__(
        self,
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

    def refusal(self, headers: Mapping[str, str]) -> Refusal | None:
        """Why a POST with these (lower-case) headers is refused before its body is read."""
        if not self.authorized(headers.get("authorization")):
            error = "a bearer token is required: Authorization: Bearer <WIREWATCH_HTTP_TOKEN>"
            return HTTPStatus.UNAUTHORIZED, error, {"WWW-Authenticate": "Bearer"}
        origin = headers.get("origin")
        site = (headers.get("sec-fetch-site") or "none").lower()
        if origin is not None or site not in ("none", "same-origin"):
            error = f"browser requests from other pages are refused (Origin: {origin})"
            return HTTPStatus.FORBIDDEN, error[:300], {}
        kind = (headers.get("content-type") or "").split(";")[0].strip().lower()
        if kind not in CONTENT_TYPES:
            error = (f"Content-Type {kind or '(none)'!r} is not accepted: send application/json, "
                     "application/jsonl or application/x-ndjson")  # fmt: skip
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, error[:300], {}
        return self._length_refusal(headers)

    def _length_refusal(self, headers: Mapping[str, str]) -> Refusal | None:
        length = headers.get("content-length")  # a number: uvicorn refused any other (400)
        if length is None:
            if "chunked" in (headers.get("transfer-encoding") or "").lower():
                return None  # counted while it streams in
            return HTTPStatus.LENGTH_REQUIRED, "Content-Length is required", {}
        if int(length) > self.max_request_bytes:
            error = (
                f"request body is {int(length)} bytes, over the limit of {self.max_request_bytes}"
            )
            return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, error, {}
        return None


def build_app(endpoint: ArticleEndpoint) -> Starlette:
    """The ASGI app: ``POST /articles`` and ``GET /health``, every answer JSON."""

    async def articles(request: Request) -> Response:
        refused = endpoint.refusal(request.headers)
        if refused is not None:
            status, error, extra = refused
            return _answer(status, {"error": error}, extra | _closing(request.headers))
        raw = await _body(request, endpoint.max_request_bytes)
        if raw is None:
            limit = endpoint.max_request_bytes
            error = f"request body is over the limit of {limit} bytes"
            return _answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": error}, CLOSE)
        try:
            ids = await run_in_threadpool(endpoint.handle_payload, raw)
        except PayloadError as exc:
            return _answer(exc.status, {"error": str(exc)})
        except Unavailable as exc:
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            return _answer(HTTPStatus.SERVICE_UNAVAILABLE, {"error": str(exc)}, retry)
        return _answer(HTTPStatus.ACCEPTED, {"accepted": ids})

    async def health(request: Request) -> Response:
        ok, reason = await run_in_threadpool(endpoint.health)
        if ok:
            return _answer(HTTPStatus.OK, {"status": "ok"})
        return _answer(HTTPStatus.SERVICE_UNAVAILABLE, {"status": "failing", "reason": reason})

    routes = [
        Route("/articles", _guarded(articles), methods=["POST"]),
        Route("/articles/", _guarded(articles), methods=["POST"]),
        Route("/health", _guarded(health), methods=["GET"]),
    ]
    handlers = {404: _not_found, 405: _not_allowed}
    return Starlette(routes=routes, exception_handlers=handlers)


Handler = Callable[[Request], Any]


def _guarded(handle: Handler) -> Handler:
    """``handle``, with an unexpected exception answered as a JSON 500."""

    async def guarded(request: Request) -> Response:
        try:
            response: Response = await handle(request)
        except ClientDisconnect:
            return Response(status_code=HTTPStatus.BAD_REQUEST)  # nobody is listening
        except Exception as exc:  # the client gets an answer whatever went wrong
            log.exception("%s %s failed", request.method, request.url.path)
            error = {"error": f"internal error: {type(exc).__name__}"}
            return _answer(HTTPStatus.INTERNAL_SERVER_ERROR, error, CLOSE)
        return response

    return guarded


def _closing(headers: Mapping[str, str]) -> dict[str, str]:
    """``Connection: close`` unless the refused body has a length within :data:`DRAIN_LIMIT`
    (uvicorn then discards it without buffering and the connection stays usable)."""
    length = headers.get("content-length")
    return CLOSE if length is None or int(length) > DRAIN_LIMIT else {}


async def _body(request: Request, limit: int) -> bytes | None:
    """The request body, or ``None`` as soon as more than ``limit`` bytes have come in."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _not_found(request: Request, exc: Exception) -> Response:
    if request.method == "POST":
        return _answer(HTTPStatus.NOT_FOUND, {"error": "POST articles to /articles"})
    return _answer(HTTPStatus.NOT_FOUND, {"error": f"no such path: {request.url.path}"})


async def _not_allowed(request: Request, exc: Exception) -> Response:
    allowed = exc.headers.get("Allow", "") if isinstance(exc, HTTPException) and exc.headers else ""
    error = f"{request.method} is not allowed on {request.url.path}; use {allowed or 'another'}"
    return _answer(HTTPStatus.METHOD_NOT_ALLOWED, {"error": error}, {"Allow": allowed})


def _answer(
    status: HTTPStatus, payload: dict[str, Any], extra: dict[str, str] | None = None
) -> Response:
    return JSONResponse(payload, status_code=status, headers=extra)


class _JsonProtocol(H11Protocol):
    """uvicorn's h11 protocol, answering a request it cannot parse with a JSON 400."""

    def send_400_response(self, msg: str) -> None:
        error = ("malformed HTTP request: the request line, a header or the Content-Length "
                 "(a whole number of bytes) could not be read")  # fmt: skip
        body = json.dumps({"error": error}).encode()
        headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                      h11.Data(data=body), h11.EndOfMessage()):  # fmt: skip
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()


class ArticleServer:
    """The endpoint on ``address`` (bound at once), served by uvicorn.

    The interface of the standard library's servers: :meth:`serve_forever` blocks
    (on any thread), :meth:`shutdown` ends it from another thread after in-flight
    requests have been answered, :meth:`server_close` releases the socket.
    """

    def __init__(self, address: tuple[str, int], sink: Sink, **options: Any) -> None:
        self.endpoint = ArticleEndpoint(sink, **options)
        self.socket = _listen(*address)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self.server_port = self.server_address[1]
        config = uvicorn.Config(
            build_app(self.endpoint), http=_JsonProtocol, loop="asyncio", lifespan="off",
            log_config=None, server_header=False,  # requests logged at INFO (uvicorn.access)
            headers=[("Server", "wirewatch")],
            timeout_graceful_shutdown=int(self.endpoint.delivery_timeout * 1.2) + 5,
        )  # fmt: skip
        self._uvicorn = uvicorn.Server(config)
        self._lock = threading.Lock()
        self._started = False
        self._finished = threading.Event()

    @property
    def sink(self) -> Sink:
        """Where accepted articles and dead letters go."""
        return self.endpoint.sink

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until :meth:`shutdown` (or, on the main thread, SIGINT/SIGTERM, which are
        raised again once the server has stopped). ``poll_interval`` is not used: uvicorn
        checks for a stop ten times a second."""
        with self._lock:
            if self._uvicorn.should_exit:
                return
            self._started = True
        try:
            self._uvicorn.run(sockets=[self.socket])
        finally:
            self._finished.set()

    def shutdown(self) -> None:
        """Stop serving and wait until :meth:`serve_forever` has returned."""
        with self._lock:
            self._uvicorn.should_exit = True
            started = self._started
        if started:
            self._finished.wait()

    def server_close(self) -> None:
        """Release the listening socket."""
        self.socket.close()


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket. Its protocol is named (``IPPROTO_TCP``, not 0) so that
    asyncio turns Nagle off on the connections it accepts: otherwise a response's body,
    written after its headers, waits ~40 ms for the client's delayed ACK."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock
