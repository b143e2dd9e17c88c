"""Achieved replay speed factor vs requested, for 1x, 10x and 60x (and max).

A short synthetic recording (``--articles`` records, ``--gap-ms`` apart in
original time) is replayed with the real clock. With ``KAFKA_BOOTSTRAP_SERVERS``
set the articles go to a throw-away topic on that broker; otherwise to a null
sink, which isolates the scheduler.

    .venv/bin/python bench/bench_replay.py
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 .venv/bin/python bench/bench_replay.py
"""

from __future__ import annotations

import argparse
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import replace

from producers.recording import Recorded
from producers.replay import Replayer
from wirewatch.events import ArticleEvent
from wirewatch.settings import Settings, Topics


def recording(count: int, gap_ms: int) -> list[Recorded]:
    events = [ArticleEvent.create(source="bench", body=f"bench article {n}") for n in range(count)]
    return [Recorded(n * gap_ms, 0, n, e.article_id, e.to_dict()) for n, e in enumerate(events)]


Sink = tuple[Callable[[ArticleEvent], None], Callable[[], None], Callable[[], None]]


def null_sink() -> Sink:
    return (lambda _e: None), (lambda: None), (lambda: None)


def kafka_sink() -> Sink:
    """Send, flush and close for a throw-away topic; the flush is inside the timing."""
    from wirewatch.kafka import ensure_topics, make_producer

    base = Settings.from_env()
    settings = replace(base, topics=Topics.with_prefix(f"bench_{uuid.uuid4().hex[:8]}."))
    ensure_topics(settings, [settings.topics.articles])
    producer = make_producer(settings)

    def send(event: ArticleEvent) -> None:
        producer.send(settings.topics.articles, key=event.article_id.encode(), value=event.encode())

    return send, producer.flush, producer.close


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=21)
    parser.add_argument("--gap-ms", type=int, default=300)
    args = parser.parse_args()
    records = recording(args.articles, args.gap_ms)
    span = (records[-1].timestamp_ms - records[0].timestamp_ms) / 1000
    use_kafka = bool(os.environ.get("KAFKA_BOOTSTRAP_SERVERS"))
    send, flush, close = kafka_sink() if use_kafka else null_sink()
    print(f"sink={'kafka' if use_kafka else 'null'} articles={len(records)} span={span:.1f}s")
    print(f"{'requested':>10} {'wall s':>8} {'achieved':>9} {'error':>7}")
    for speed in (1.0, 10.0, 60.0, None):
        started = time.perf_counter()
        Replayer(send, "bench").run(records, speed)
        flush()
        wall = time.perf_counter() - started
        achieved = span / wall if wall else float("inf")
        error = "" if speed is None else f"{(achieved / speed - 1) * 100:+.1f}%"
        label = "max" if speed is None else f"{speed:g}x"
        print(f"{label:>10} {wall:8.3f} {achieved:8.1f}x {error:>7}")
    close()


if __name__ == "__main__":
    main()
