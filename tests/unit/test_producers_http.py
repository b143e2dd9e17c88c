"""HTTP endpoint: a real server on port 0 in a thread, publishing into a memory sink."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from producers.http import ArticleServer
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
