"""HTTP endpoint: a real server on port 0 in a thread, publishing into a memory sink."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from producers.http import ArticleServer, exposure_warning
from producers.testing import MemorySink

ARTICLE = {
    "title": "Crossing reopens",
    "body": "The crossing reopened at noon.",
    "url": "https://e.invalid/a",
}
OTHER = {"title": "Market busy", "text": "Traders reported a busy morning."}


@pytest.fixture
def server() -> Iterator[ArticleServer]:
    running = ArticleServer(
        ("127.0.0.1", 0), MemorySink(), max_article_bytes=200, max_request_bytes=2_000
    )
    thread = threading.Thread(target=running.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
    thread.join()


def call(
    server: ArticleServer, method: str, path: str, body: bytes | None = None
) -> tuple[int, Any]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def sink(server: ArticleServer) -> MemorySink:
    assert isinstance(server.sink, MemorySink)
    return server.sink


@pytest.mark.parametrize(
    "body",
    [
        json.dumps(ARTICLE).encode(),
        json.dumps([ARTICLE, OTHER]).encode(),
        (json.dumps(ARTICLE) + "\n\n" + json.dumps(OTHER) + "\n").encode(),
        json.dumps([ARTICLE, OTHER], indent=2).encode(),
    ],
    ids=["object", "array", "jsonl", "pretty-array"],
)
def test_valid_articles_are_accepted_and_published(server: ArticleServer, body: bytes) -> None:
    status, answer = call(server, "POST", "/articles", body)

    published = sink(server).events
    assert status == 202
    assert answer["accepted"] == [event.article_id for event in published]
    assert published[0].title == "Crossing reopens"
    assert {event.source for event in published} == {"http"}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"title": "half', "not valid JSON"),
        (b'{"body": "ok"}\n{"body": oops}', "line 2: not valid JSON"),
        (b'[{"body": "ok"}, {"title": "no body"}]', "article 2: article has no body"),
        (b"", "request body is empty"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1]", "article 1: an article must be a JSON object"),
    ],
)
def test_malformed_input_is_400_and_dead_lettered_whole(
    server: ArticleServer, body: bytes, reason: str
) -> None:
    status, answer = call(server, "POST", "/articles", body)

    assert status == 400
    assert reason in answer["error"]
    assert sink(server).events == []
    [rejection] = sink(server).rejections
    assert rejection.raw == body
    assert reason in rejection.reason


def test_request_over_the_limit_is_413(server: ArticleServer) -> None:
    big = json.dumps([ARTICLE] * 40).encode()

    status, answer = call(server, "POST", "/articles", big)

    assert status == 413
    assert "over the limit of 2000" in answer["error"]
    assert sink(server).events == []


def test_article_over_the_size_limit_is_413(server: ArticleServer) -> None:
    status, answer = call(server, "POST", "/articles", json.dumps({"body": "x" * 300}).encode())

    assert status == 413
    assert "article 1: article body is 300 bytes, over the limit of 200" in answer["error"]
    assert sink(server).events == []


def test_health_and_unknown_paths(server: ArticleServer) -> None:
    assert call(server, "GET", "/health") == (200, {"status": "ok"})
    assert call(server, "GET", "/nope")[0] == 404
    assert call(server, "POST", "/elsewhere", b"{}")[0] == 404


def raw_call(server: ArticleServer, request: bytes) -> tuple[int, Any]:
    """Send a hand-written request (headers as we like) and read the answer."""
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=10) as conn:
        conn.sendall(request)
        conn.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize(
    ("length", "status"),
    [("-1", 400), ("-100", 400), ("abc", 400), ("1e3", 400), (None, 411)],
)
def test_a_bad_or_missing_content_length_is_refused(
    server: ArticleServer, length: str | None, status: int
) -> None:
    header = b"" if length is None else f"Content-Length: {length}\r\n".encode()
    body = json.dumps(ARTICLE).encode()
    head = b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    status_got, answer = raw_call(server, head + header + b"Connection: close\r\n\r\n" + body)
    assert status_got == status
    assert "Content-Length" in answer["error"]
    assert sink(server).events == []


def test_an_article_the_publisher_would_refuse_is_400_not_202(server: ArticleServer) -> None:
    status, answer = call(server, "POST", "/articles",
                          json.dumps([OTHER, {"body": "bin\u0000ary"}]).encode())  # fmt: skip
    assert status == 400
    assert "article 2" in answer["error"] and "NUL" in answer["error"]
    assert sink(server).events == []


def test_an_unexpected_failure_is_a_500_json_answer(
    server: ArticleServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(event: Any, done: Any = None) -> None:
        msg = "sink broke"
        raise RuntimeError(msg)

    monkeypatch.setattr(sink(server), "publish", explode)
    status, answer = call(server, "POST", "/articles", json.dumps(ARTICLE).encode())
    assert status == 500
    assert answer == {"error": "internal error: RuntimeError"}


class UndeliveredSink(MemorySink):
    """Takes events, but the broker never acknowledges them (or refuses them)."""

    def __init__(self, answer: bool | None) -> None:
        super().__init__()
        self.answer = answer

    def publish(self, event: Any, done: Any = None) -> None:
        self.events.append(event)
        if done is not None and self.answer is not None:
            done(self.answer)


@contextmanager
def serving(sink: MemorySink, **options: Any) -> Iterator[ArticleServer]:
    options.setdefault("max_article_bytes", 200)
    running = ArticleServer(("127.0.0.1", 0), sink, **options)
    thread = threading.Thread(target=running.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join()


def send(
    server: ArticleServer, headers: dict[str, str], body: bytes = b"", path: str = "/articles"
) -> tuple[int, Any, http.client.HTTPMessage]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.request("POST" if body else "GET", path, body=body or None, headers=headers)
        response = connection.getresponse()
        # header names are case-insensitive (uvicorn sends them in lower case)
        return response.status, json.loads(response.read()), response.headers
    finally:
        connection.close()


JSON = {"Content-Type": "application/json"}
TOKEN = "test-token-not-a-secret"  # noqa: S105
EVERYWHERE = "0.0.0.0"  # noqa: S104  # the address whose binding must be warned about


@pytest.mark.parametrize("answer", [False, None], ids=["refused", "never-answered"])
def test_an_article_the_broker_does_not_acknowledge_is_503_with_retry_after(
    answer: bool | None,
) -> None:
    with serving(UndeliveredSink(answer), delivery_timeout=0.1) as server:
        status, body, headers = send(server, JSON, json.dumps(ARTICLE).encode())

    assert status == 503
    assert "1 of 1 article(s) not acknowledged" in body["error"]
    assert headers["Retry-After"] == "5"


def test_an_unreachable_broker_is_503_before_anything_is_published() -> None:
    sink = MemorySink()
    with serving(sink, reachable=lambda: False) as server:
        status, body, headers = send(server, JSON, json.dumps(ARTICLE).encode())

    assert (status, sink.events) == (503, [])
    assert "unreachable" in body["error"] and "Retry-After" in headers


def test_health_is_503_with_the_reason_when_records_cannot_be_delivered() -> None:
    with serving(MemorySink(), health=lambda: (False, "broker unreachable at x:1")) as server:
        status, body, _ = send(server, {}, path="/health")

    assert (status, body) == (503, {"status": "failing", "reason": "broker unreachable at x:1"})


@pytest.mark.parametrize(
    "kind",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x",
     "application/xml"],
)  # fmt: skip
def test_a_content_type_other_than_json_jsonl_or_ndjson_is_415(kind: str | None) -> None:
    sink = MemorySink()
    headers = {} if kind is None else {"Content-Type": kind}
    with serving(sink) as server:
        status, body, _ = send(server, headers, json.dumps(ARTICLE).encode())

    assert status == 415 and "Content-Type" in body["error"]
    assert (sink.events, sink.rejections) == ([], [])


@pytest.mark.parametrize(
    "kind", ["application/json; charset=utf-8", "application/x-ndjson", "application/jsonl"]
)
def test_json_jsonl_and_ndjson_content_types_are_accepted(kind: str) -> None:
    with serving(MemorySink()) as server:
        assert send(server, {"Content-Type": kind}, json.dumps(ARTICLE).encode())[0] == 202


@pytest.mark.parametrize(
    "extra",
    [{"Origin": "http://evil.invalid"}, {"Origin": "null"},
     {"Origin": "http://127.0.0.1:8088"}, {"Sec-Fetch-Site": "cross-site"}],
)  # fmt: skip
def test_a_browser_request_from_a_page_is_403(extra: dict[str, str]) -> None:
    sink = MemorySink()
    with serving(sink) as server:
        status, body, _ = send(server, JSON | extra, json.dumps(ARTICLE).encode())

    assert status == 403 and "browser requests" in body["error"]
    assert sink.events == []


def test_with_a_token_set_a_post_without_it_is_401_and_with_it_202() -> None:
    sink = MemorySink()
    payload = json.dumps(ARTICLE).encode()
    with serving(sink, token=TOKEN) as server:
        missing = send(server, JSON, payload)
        wrong = send(server, JSON | {"Authorization": "Bearer guess"}, payload)
        right = send(server, JSON | {"Authorization": f"Bearer {TOKEN}"}, payload)

    assert (missing[0], wrong[0], right[0]) == (401, 401, 202)
    assert missing[2]["WWW-Authenticate"] == "Bearer"
    assert len(sink.events) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "T" * 3000), ("url", "https://e.invalid/" + "p" * 9000), ("source", "s" * 300),
     ("language", "x" * 40)],
)  # fmt: skip
def test_any_field_over_its_limit_is_413(field: str, value: str) -> None:
    sink = MemorySink()
    with serving(sink, max_request_bytes=20_000) as server:
        status, body, _ = send(server, JSON, json.dumps(ARTICLE | {field: value}).encode())

    assert status == 413
    assert f"{field} is" in body["error"] and "over the limit" in body["error"]
    assert sink.events == [] and len(sink.rejections) == 1


@pytest.mark.parametrize(
    ("host", "token", "warned"),
    [("127.0.0.1", "", False), ("localhost", "", False), ("::1", "", False),
     (EVERYWHERE, "", True), ("192.0.2.7", "", True), ("example.invalid", "", True),
     (EVERYWHERE, "tok", False)],
)  # fmt: skip
def test_binding_beyond_loopback_without_a_token_is_warned_about(
    host: str, token: str, warned: bool
) -> None:
    warning = exposure_warning(host, token)
    assert (warning is not None) == warned
    if warning:
        assert "WITHOUT A TOKEN" in warning and "WIREWATCH_HTTP_TOKEN" in warning
