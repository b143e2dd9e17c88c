"""The HTTP producer as an ASGI app: bodies refused without being read, concurrent posts,
a stop that answers what is in flight. A real uvicorn server on port 0 in a thread."""

from __future__ import annotations

import http.client
import json
import select
import socket
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest

from producers.http import ArticleServer
from producers.testing import MemorySink
from tests.unit.test_producers_http import serving as http_serving
from wirewatch.events import ArticleEvent

LIMIT = 64 * 1024
ARTICLE = {"title": "Crossing reopens", "body": "The crossing reopened at noon."}
HEAD = "POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"


def serving(sink: MemorySink, **options: Any) -> AbstractContextManager[ArticleServer]:
    return http_serving(sink, max_article_bytes=LIMIT // 4, max_request_bytes=LIMIT, **options)


def connect(server: ArticleServer) -> socket.socket:
    return socket.create_connection(server.server_address, timeout=10)


def read_answer(conn: socket.socket) -> tuple[int, dict[str, str], Any]:
    """One whole response (the server closes or sends Content-Length bytes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        assert chunk, f"connection closed before an answer: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
    while len(body) < int(headers["content-length"]):
        body += conn.recv(65536)
    return int(lines[0].split()[1]), headers, json.loads(body)


def closed_by_server(conn: socket.socket) -> bool:
    try:
        return conn.recv(1) == b""
    except ConnectionResetError:
        return True


def test_a_declared_length_over_the_limit_is_413_before_the_body_is_sent() -> None:
    sink = MemorySink()
    with serving(sink) as server, connect(server) as conn:
        conn.sendall(f"{HEAD}Content-Length: {1_000_000_000}\r\n\r\n".encode() + b"[" * 100)

        status, headers, answer = read_answer(conn)  # 999,999,900 bytes never sent

        assert status == 413
        assert answer["error"] == "request body is 1000000000 bytes, over the limit of 65536"
        assert headers["connection"] == "close" and closed_by_server(conn)
    assert (sink.events, sink.rejections) == ([], [])


def test_an_endless_chunked_body_is_413_once_past_the_limit_not_read_to_its_end() -> None:
    sink = MemorySink()
    chunk = b"1000\r\n" + b"x" * 0x1000 + b"\r\n"
    sent = 0
    with serving(sink) as server, connect(server) as conn:
        conn.sendall(f"{HEAD}Transfer-Encoding: chunked\r\n\r\n".encode())
        answered: list[Any] = []
        while not answered:
            assert sent < 256 * 1024 * 1024, "the server kept reading an endless body"
            if select.select([conn], [], [], 0)[0]:
                answered.append(read_answer(conn))
                break
            try:
                conn.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                answered.append(read_answer(conn))
            sent += len(chunk)
        status, headers, answer = answered[0]

    assert status == 413
    assert answer["error"] == "request body is over the limit of 65536 bytes"
    assert headers["connection"] == "close"
    assert (sink.events, sink.rejections) == ([], [])


def test_a_chunked_body_within_the_limit_is_accepted() -> None:
    sink = MemorySink()
    body = json.dumps(ARTICLE).encode()
    halves = body[:10], body[10:]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in halves) + b"0\r\n\r\n"
    with serving(sink) as server, connect(server) as conn:
        conn.sendall(f"{HEAD}Transfer-Encoding: chunked\r\n\r\n".encode() + chunked)
        status, _, answer = read_answer(conn)

    assert status == 202
    assert answer == {"accepted": [event.article_id for event in sink.events]}
    assert sink.events[0].title == "Crossing reopens"


class GatedSink(MemorySink):
    """Acknowledges only once ``parties`` publishes are waiting at the same time."""

    def __init__(self, parties: int) -> None:
        super().__init__()
        self.barrier = threading.Barrier(parties, timeout=10)

    def publish(self, event: ArticleEvent, done: Callable[[bool], None] | None = None) -> None:
        self.barrier.wait()  # BrokenBarrierError (a 500) unless the posts run concurrently
        super().publish(event, done)


def post(server: ArticleServer, article: dict[str, str], path: str = "/articles") -> int:
    connection = http.client.HTTPConnection(*server.server_address, timeout=30)
    try:
        body = json.dumps(article).encode()
        connection.request("POST", path, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_posts_waiting_for_the_broker_are_served_concurrently() -> None:
    posts = 8
    sink = GatedSink(posts)
    articles = [{"title": f"Report {n}", "body": f"Report number {n}."} for n in range(posts)]
    statuses: list[int] = []
    with serving(sink) as server:
        threads = [threading.Thread(target=lambda a=a: statuses.append(post(server, a)))
                   for a in articles]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert statuses == [202] * posts
    assert sorted(event.title for event in sink.events) == sorted(a["title"] for a in articles)


class SlowSink(MemorySink):
    """Acknowledges each event once ``release`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.waiting = threading.Event()

    def publish(self, event: ArticleEvent, done: Callable[[bool], None] | None = None) -> None:
        def later() -> None:
            self.release.wait(10)
            super(SlowSink, self).publish(event, done)

        self.waiting.set()
        threading.Thread(target=later, daemon=True).start()


def test_health_answers_while_a_post_waits_for_the_broker() -> None:
    sink = SlowSink()
    result: list[int] = []
    with serving(sink) as server:
        poster = threading.Thread(target=lambda: result.append(post(server, ARTICLE)))
        poster.start()
        assert sink.waiting.wait(10)
        connection = http.client.HTTPConnection(*server.server_address, timeout=10)
        connection.request("GET", "/health")
        health = connection.getresponse()
        assert (health.status, json.loads(health.read())) == (200, {"status": "ok"})
        connection.close()
        assert result == []  # the post is still waiting
        sink.release.set()
        poster.join()
    assert result == [202]


def test_a_stop_answers_the_post_in_flight_before_it_returns() -> None:
    sink = SlowSink()
    result: list[int] = []
    with serving(sink) as server:
        poster = threading.Thread(target=lambda: result.append(post(server, ARTICLE)))
        poster.start()
        assert sink.waiting.wait(10)
        threading.Timer(0.5, sink.release.set).start()
        started = time.monotonic()
        server.shutdown()
        assert time.monotonic() - started >= 0.4  # it waited for the answer
        poster.join()
    assert result == [202]
    assert len(sink.events) == 1


@pytest.mark.parametrize(("method", "path"), [("GET", "/articles"), ("POST", "/health")])
def test_a_known_path_with_another_method_is_405_json(method: str, path: str) -> None:
    with serving(MemorySink()) as server:
        connection = http.client.HTTPConnection(*server.server_address, timeout=10)
        body = b"{}" if method == "POST" else None
        connection.request(method, path, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        answer = json.loads(response.read())
        connection.close()

    assert response.status == 405
    assert f"{method} is not allowed on {path}" in answer["error"]
    assert response.headers["Allow"]


def test_a_trailing_slash_reaches_the_articles_route() -> None:
    sink = MemorySink()
    with serving(sink) as server:
        assert post(server, ARTICLE, "/articles/") == 202
    assert len(sink.events) == 1


def test_a_refused_body_within_the_drain_limit_gets_its_413_and_keeps_the_connection() -> None:
    sink = MemorySink()
    with serving(sink) as server:
        connection = http.client.HTTPConnection(*server.server_address, timeout=30)
        headers = {"Content-Type": "application/json"}
        connection.request("POST", "/articles", b"[" + b" " * 8_000_000 + b"]", headers)
        refused = connection.getresponse()
        answer = json.loads(refused.read())
        connection.request("POST", "/articles", json.dumps(ARTICLE).encode(), headers)
        accepted = connection.getresponse()
        accepted.read()
        connection.close()

    assert (refused.status, answer) == (413, {"error": "request body is 8000002 bytes, over "
                                                       "the limit of 65536"})  # fmt: skip
    assert refused.getheader("Connection") is None  # kept open: the body was discarded
    assert accepted.status == 202 and len(sink.events) == 1
