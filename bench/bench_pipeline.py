"""End-to-end pipeline benchmark against a real Kafka broker.

Measures (1) producer throughput with acks=all, (2) extractor throughput draining a
backlog (decode, extract, store, publish, commit), and (3) end-to-end latency from
ingest to stored metrics at a steady arrival rate.

    python bench/bench_pipeline.py [--count 5000] [--rate 100] [--seconds 15]

Uses KAFKA_BOOTSTRAP_SERVERS when set, else a throwaway local broker.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from consumers.extraction import extract
from consumers.extractor import Extractor
from producers.synthetic import generate
from wirewatch.broker import LocalBroker
from wirewatch.host import free_port_pair
from wirewatch.kafka import ensure_topics, make_consumer, make_producer
from wirewatch.schema import now
from wirewatch.settings import Settings, Topics, isolated
from wirewatch.store import open_store
from wirewatch.store.articles import processing_delays_ms


def settings_for(bootstrap: str, folder: Path) -> Settings:
    return isolated(bootstrap, folder, f"bench_{uuid.uuid4().hex[:8]}")


def produce(settings: Settings, count: int) -> float:
    articles = list(generate(seed=11, count=count, start=datetime(2026, 11, 1, tzinfo=UTC)))
    producer = make_producer(settings)
    started = time.perf_counter()
    for event in articles:
        producer.send(settings.topics.articles, key=event.article_id.encode(), value=event.encode())
    producer.flush()
    elapsed = time.perf_counter() - started
    producer.close()
    return count / elapsed


def drain(settings: Settings, count: int) -> float:
    store = open_store(settings.store_url)
    consumer = make_consumer(settings, settings.topics.articles, group_id=settings.group_id)
    producer = make_producer(settings)
    service = Extractor(settings, store, consumer, producer, extract)
    started = time.perf_counter()
    while service.stats.seen < count:
        if service.stats.seen == 0:
            started = time.perf_counter()  # exclude the group join
        service.poll_once(500)
    elapsed = time.perf_counter() - started
    consumer.close()
    producer.close()
    store.close()
    return count / elapsed


def scale(settings: Settings, count: int, members: int) -> float:
    """Drain ``count`` fresh articles with ``members`` extractor processes in one group."""
    tag = f"scale{members}_{uuid.uuid4().hex[:6]}"
    group = replace(
        settings,
        topics=Topics.with_prefix(f"{tag}."),
        group_id=f"{tag}.extractor",
        store_url=settings.store_url.replace(".db", f"-{tag}.db"),
    )
    ensure_topics(group)
    produce(group, count)
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": group.bootstrap_servers,
        "WIREWATCH_TOPIC_PREFIX": f"{tag}.",
        "WIREWATCH_GROUP_ID": group.group_id,
        "WIREWATCH_STORE_URL": group.store_url,
    }
    command = [sys.executable, "-m", "wirewatch.cli", "extractor", "--idle-exit", "5"]
    started = time.perf_counter()
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,  # noqa: S603
                              stderr=subprocess.DEVNULL) for _ in range(members)]  # fmt: skip
    store = open_store(group.store_url)
    while store.count("articles") < count:
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    store.close()
    for proc in procs:
        proc.wait()
    return count / elapsed


def latency(settings: Settings, rate: float, seconds: float) -> list[float]:
    """Publish live-stamped articles at ``rate``/s while an extractor runs; return ms."""
    live = replace(
        settings,
        topics=Topics.with_prefix(f"{settings.topics.articles}.lat."),
        store_url=settings.store_url.replace(".db", "-latency.db"),
    )
    ensure_topics(live)
    store = open_store(live.store_url)
    consumer = make_consumer(live, live.topics.articles, group_id=f"{live.group_id}.lat")
    producer = make_producer(live)
    service = Extractor(live, store, consumer, producer, extract)
    worker = threading.Thread(target=service.run, daemon=True)
    worker.start()
    total = int(rate * seconds)
    source = generate(seed=23, count=total, start=datetime(2026, 11, 2, tzinfo=UTC))
    started = time.perf_counter()
    for n, event in enumerate(source):
        time.sleep(max(0.0, started + n / rate - time.perf_counter()))
        stamped = replace(event, ingested_at=now())
        producer.send(live.topics.articles, key=event.article_id.encode(), value=stamped.encode())
    producer.flush()
    deadline = time.monotonic() + 60
    while service.stats.seen < total and time.monotonic() < deadline:
        time.sleep(0.1)
    service.stopping.set()
    worker.join()
    delays = processing_delays_ms(store)
    consumer.close()
    producer.close()
    store.close()
    return [float(delay) for delay in delays]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000, help="backlog size (5000)")
    parser.add_argument("--rate", type=float, default=100, help="steady arrivals/s (100)")
    parser.add_argument("--seconds", type=float, default=15, help="steady phase length (15)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    broker = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        broker = LocalBroker(folder / "broker", Settings.from_env({}).cache_dir, free_port_pair())
        broker.start()
        bootstrap = broker.bootstrap
    try:
        settings = settings_for(bootstrap, folder)
        ensure_topics(settings)
        produced = produce(settings, args.count)
        drained = drain(settings, args.count)
        scaled = {n: scale(settings, args.count, n) for n in (1, 2)}
        waits = sorted(latency(settings, args.rate, args.seconds))
    finally:
        if broker is not None:
            broker.stop()
    p95 = waits[int(len(waits) * 0.95) - 1]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| measure | value |\n| --- | --- |")
    print(f"| producer, acks=all, {args.count} synthetic articles | {produced:,.0f} articles/s |")
    print(f"| one extractor draining the backlog (extract + store + publish + commit) "
          f"| {drained:,.0f} articles/s |")  # fmt: skip
    for members, rate in scaled.items():
        print(f"| {members} extractor process(es) in one group, from process start "
              f"| {rate:,.0f} articles/s |")  # fmt: skip
    print(f"| ingest-to-stored latency at {args.rate:.0f} articles/s, p50 / p95 "
          f"| {statistics.median(waits):,.0f} ms / {p95:,.0f} ms |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
