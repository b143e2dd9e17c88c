"""``wirewatch produce http`` as a process against the real broker: a 202 is on the topic,
and SIGTERM or Ctrl-C stops it cleanly (exit 0, the counts printed)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from wirewatch.events import ArticleEvent
from wirewatch.host import free_port
from wirewatch.kafka import make_consumer
from wirewatch.settings import Settings, child_environment

PATIENCE = 60


def post(port: int, payload: object) -> tuple[int, dict[str, list[str]]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PATIENCE)
    try:
        connection.request("POST", "/articles", json.dumps(payload).encode(),
                           {"Content-Type": "application/json"})  # fmt: skip
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def wait_listening(port: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + PATIENCE
    while True:
        assert proc.poll() is None, proc.communicate()[1]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        assert time.monotonic() < deadline, "the producer never answered /health"
        time.sleep(0.3)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_posted_articles_reach_the_topic_and_a_signal_stops_it_cleanly(
    kafka_settings: Settings, stop: signal.Signals
) -> None:
    port = free_port()
    command = [sys.executable, "-m", "wirewatch.cli", "produce", "http", "--port", str(port),
               "--no-progress"]  # fmt: skip
    proc = subprocess.Popen(command, env=child_environment(kafka_settings, os.environ),  # noqa: S603
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        wait_listening(port, proc)
        articles = [{"title": "One", "body": "Shelling near the crossing."},
                    {"title": "Two", "body": "Talks resumed in Doha."}]  # fmt: skip
        status, answer = post(port, articles)
        assert status == 202
        proc.send_signal(stop)
        out, err = proc.communicate(timeout=PATIENCE)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    assert proc.returncode == 0, err
    assert "sent 2, " in err and "rejected 0, failed 0" in err
    consumer = make_consumer(kafka_settings, kafka_settings.topics.articles, group_id=None,
                             auto_offset_reset="earliest", consumer_timeout_ms=3000)  # fmt: skip
    try:
        stored = sorted(ArticleEvent.decode(record.value).article_id for record in consumer)
    finally:
        consumer.close()
    assert stored == sorted(answer["accepted"])
