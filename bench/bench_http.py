"""Requests per second of the HTTP producer (``POST /articles``), without a broker.

Run: ``python bench/bench_http.py [--seconds 5] [--clients 1 8] [--batch 1 50]``.
The endpoint (:class:`producers.http.ArticleServer`) runs in a child process with a
sink that acknowledges every article at once, so the figure is the HTTP layer's own:
parsing, validation, the request/response cycle. The clients are threads in this
process, each on its own keep-alive connection (reopened when the server closes it),
posting the same article (or a JSON array of ``--batch`` articles) again and again.
Every answer must be a 202; anything else stops the run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from producers.http import ArticleServer  # noqa: E402
from wirewatch.events import ArticleEvent  # noqa: E402

BODY = ("Shelling was reported near the crossing on Tuesday, and aid convoys were "
        "turned back. Talks on a humanitarian pause resumed in the evening. ") * 8  # fmt: skip


class AckSink:
    """Acknowledges every event at once and keeps only a count."""

    def __init__(self) -> None:
        self.published = 0
        self.lock = threading.Lock()

    def publish(self, event: ArticleEvent, done: Callable[[bool], None] | None = None) -> None:
        with self.lock:
            self.published += 1
        if done is not None:
            done(True)

    def reject(self, raw: bytes, reason: str, source: str) -> None:
        msg = f"the bench's own article was refused: {reason}"
        raise RuntimeError(msg)

    def flush(self) -> None:
        """Nothing is buffered."""


def serve() -> None:
    """Child process: serve until stdin closes; print the port first."""
    server = ArticleServer(("127.0.0.1", 0), AckSink(), max_article_bytes=512 * 1024)
    print(server.server_address[1], flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    sys.stdin.read()
    server.shutdown()
    server.server_close()


def payload(batch: int) -> bytes:
    articles = [{"title": f"Report {n}", "body": BODY, "url": f"https://bench.invalid/{n}"}
                for n in range(batch)]  # fmt: skip
    return json.dumps(articles[0] if batch == 1 else articles).encode()


def client(port: int, body: bytes, until: float, counts: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    done = 0
    try:
        while time.monotonic() < until:
            connection.request("POST", "/articles", body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            if response.status != 202:
                msg = f"answer {response.status}: {answer[:200]!r}"
                raise RuntimeError(msg)
            done += 1
    finally:
        connection.close()
        counts.append(done)


def measure(port: int, clients: int, batch: int, seconds: float) -> float:
    """Requests per second with ``clients`` concurrent connections."""
    body = payload(batch)
    counts: list[int] = []
    start = time.monotonic()
    until = start + seconds
    threads = [threading.Thread(target=client, args=(port, body, until, counts))
               for _ in range(clients)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if len(counts) != clients:
        msg = "a client failed (see above)"
        raise RuntimeError(msg)
    return sum(counts) / (time.monotonic() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--batch", type=int, nargs="+", default=[1, 50])
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    child = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE,  # noqa: S603
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert child.stdout is not None
        port = int(child.stdout.readline())
        print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
              f"server: {ArticleServer.__module__}.{ArticleServer.__name__}")  # fmt: skip
        measure(port, 1, 1, 0.5)  # warm up
        for batch in args.batch:
            for clients in args.clients:
                rate = measure(port, clients, batch, args.seconds)
                print(f"batch {batch:>3}, {clients:>2} client(s): {rate:8.0f} requests/s, "
                      f"{rate * batch:9.0f} articles/s")  # fmt: skip
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(timeout=30)


if __name__ == "__main__":
    main()
