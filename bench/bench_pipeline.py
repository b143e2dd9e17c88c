"""End-to-end pipeline benchmark against a real Kafka broker.

Measures (1) producer throughput with acks=all, (2) extractor throughput draining a
backlog (decode, extract, store, publish, commit), (3) 1..N extractor processes in one
group (articles/s, CPU per article, the broker's CPU share) and (4) end-to-end latency
from ingest to stored metrics at a steady arrival rate.

    python bench/bench_pipeline.py [--count 5000] [--members 3] [--rate 100] [--seconds 15]
    python bench/bench_pipeline.py --profile 15    # the drain under cProfile, top entries
    python bench/bench_pipeline.py --store-only --count 3000   # SqlStore.save_all alone
    python bench/bench_pipeline.py --drain-only --parts   # + wall and CPU of prepare and writes

Uses KAFKA_BOOTSTRAP_SERVERS when set, else a throwaway local broker (whose CPU is then
measured too).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consumers.extraction import extract
from consumers.extractor import CONSUMER_CONFIG, PRODUCER_CONFIG, Extractor
from producers.synthetic import generate
from wirewatch.broker import LocalBroker
from wirewatch.events import now
from wirewatch.host import free_port_pair
from wirewatch.kafka import ensure_topics, make_consumer, make_producer
from wirewatch.metrics import ArticleMetrics, Provenance
from wirewatch.settings import Settings, Topics, isolated
from wirewatch.store import open_store
from wirewatch.store import writer as store_writer
from wirewatch.store.articles import processing_delays_ms
from wirewatch.store.writer import ProcessWriter, ThreadWriter, writer_for


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


@dataclass
class Drained:
    """One extractor draining a backlog, timed after its first batch."""

    rate: float  # articles/s, wall clock
    cpu_ms: float  # the extractor process's CPU per article (all its threads)
    main_ms: float  # ... of that, the main thread's: the serial part of the drain
    broker_ms: float | None  # the broker's CPU per article, when this bench started it


def drain(settings: Settings, count: int, profile: int = 0, broker_pid: int | None = None,
          thread: bool = False) -> Drained:  # fmt: skip
    store = open_store(settings.store_url)
    consumer = make_consumer(
        settings, settings.topics.articles, group_id=settings.group_id, **CONSUMER_CONFIG
    )
    producer = make_producer(settings, **PRODUCER_CONFIG)
    writer = ThreadWriter(store) if thread else writer_for(store, settings.store_url)
    service = Extractor(settings, store, consumer, producer, extract, writer=writer)
    while service.stats.seen == 0:
        service.poll_once(500)  # the group join and the first batch are not timed
    first = service.stats.seen
    profiler = cProfile.Profile() if profile else None
    broker = cpu_seconds(broker_pid) if broker_pid else 0.0
    children = writer.pids() if isinstance(writer, ProcessWriter) else []
    writing = sum(map(cpu_seconds, children))
    started, cpu, main = time.perf_counter(), time.process_time(), time.thread_time()
    if profiler is not None:
        profiler.enable()
    while service.stats.seen < count:
        service.poll_once(500)
    if profiler is not None:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    main = time.thread_time() - main
    cpu += sum(map(cpu_seconds, children)) - writing  # the store writer's process
    broker = cpu_seconds(broker_pid) - broker if broker_pid else 0.0
    if profiler is not None:
        print_profile(profiler, profile)
    done = service.stats.seen - first
    writer.close()
    consumer.close()
    producer.close()
    store.close()
    return Drained(done / elapsed, 1000 * cpu / done, 1000 * main / done,
                   1000 * broker / done if broker_pid else None)  # fmt: skip


class Parts:
    """Wall and thread-CPU seconds spent in the extractor's two halves during a drain:
    ``prepare`` (main thread) and ``save_bisected`` (the writer thread: ``--parts`` drains
    with the thread writer). Wall far above CPU means the thread was waiting: for the GIL
    held by the other thread, or for a core."""

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = {"prepare": [0.0, 0.0], "save": [0.0, 0.0]}

    def install(self) -> None:
        Extractor.prepare = self._timed("prepare", Extractor.prepare)  # type: ignore[method-assign]
        store_writer.save_bisected = self._timed("save", store_writer.save_bisected)

    def _timed(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any) -> Any:
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return method(*args)
            finally:
                self.spent[name][0] += time.perf_counter() - wall
                self.spent[name][1] += time.thread_time() - cpu

        return timed

    def line(self, count: int) -> str:
        each = {n: [1000 * s / count for s in sums] for n, sums in self.spent.items()}
        (pw, pc), (sw, sc) = each["prepare"], each["save"]
        return (f"per article: prepare {pw:.2f} ms wall / {pc:.2f} ms CPU (main thread), "
                f"store writes {sw:.2f} ms wall / {sc:.2f} ms CPU (writer thread)")  # fmt: skip


def store_only(count: int, batch: int = 250, rounds: int = 3) -> list[float]:
    """CPU ms per article of ``SqlStore.save_all`` alone: ``count`` extracted synthetic
    articles saved in batches of ``batch`` into a fresh SQLite store, per round."""
    events = generate(seed=11, count=count, start=datetime(2026, 11, 1, tzinfo=UTC))
    results = [
        ArticleMetrics(e, extract(e.body, title=e.title, published_at=e.published_at), now(),
                       Provenance("articles", 0, n))
        for n, e in enumerate(events)
    ]  # fmt: skip
    found = []
    for _ in range(rounds):
        store = open_store(f"sqlite:///{tempfile.mkdtemp(prefix='wirewatch-bench-')}/s.db")
        cpu = time.process_time()
        for start in range(0, count, batch):
            store.save_all(results[start : start + batch])
        found.append(1000 * (time.process_time() - cpu) / count)
        store.close()
    return found


def print_profile(profiler: cProfile.Profile, top: int) -> None:
    """The ``top`` functions by own time, as a Markdown table."""
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:top]  # type: ignore[attr-defined]
    print("| own time | share | calls | function |\n| --- | --- | --- | --- |")
    for (path, line, name), (_, calls, own, _cum, _) in rows:
        where = f"{Path(path).name}:{line}({name})" if line else name
        print(f"| {own:.2f} s | {own / total:.0%} | {calls:,} | `{where}` |")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Scaled:
    """One scale-out run, timed from the first article stored to the last."""

    members: int
    rate: float  # articles/s
    cpu_ms: float  # extractor CPU per article, all members
    broker_share: float | None  # the broker's share of the machine's cores
    machine_busy: float  # share of all cores busy, everything on the machine


def machine_cpu() -> tuple[float, float]:
    """Busy and total CPU seconds of the whole machine so far (Linux /proc/stat)."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]
    hz = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - idle) / hz, sum(ticks) / hz


def scale(settings: Settings, count: int, members: int, broker_pid: int | None) -> Scaled:
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
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,  # noqa: S603
                              stderr=subprocess.DEVNULL) for _ in range(members)]  # fmt: skip
    store = open_store(group.store_url)
    while store.count("articles") == 0:
        time.sleep(0.01)
    first = store.count("articles")

    def sample() -> tuple[float, float, float, float, float]:
        busy, total = machine_cpu()
        broker = cpu_seconds(broker_pid) if broker_pid else 0.0
        mine = sum(cpu_seconds(p.pid) for p in procs)
        return time.perf_counter(), mine, broker, busy, total

    before = sample()
    while store.count("articles") < count:
        time.sleep(0.05)
    after = sample()
    store.close()
    for proc in procs:
        proc.wait()
    wall, mine, broker, busy, total = (b - a for a, b in zip(before, after, strict=True))
    done = count - first
    return Scaled(members, done / wall, 1000 * mine / done,
                  broker / total if broker_pid else None, busy / total)  # fmt: skip


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
    parser.add_argument("--members", type=int, default=3, help="scale out to 1..N (3)")
    parser.add_argument("--rate", type=float, default=100, help="steady arrivals/s (100)")
    parser.add_argument("--seconds", type=float, default=15, help="steady phase length (15)")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP",
                        help="only the drain, under cProfile; print the TOP entries")  # fmt: skip
    parser.add_argument("--drain-only", action="store_true", help="only the producer and drain")
    parser.add_argument("--store-only", action="store_true", help="only SqlStore.save_all")
    parser.add_argument("--parts", action="store_true",
                        help="also time prepare and the store writes (wall and CPU; "
                             "drains with the thread writer)")  # fmt: skip
    parser.add_argument("--thread-writer", action="store_true",
                        help="store writes on a thread, not the writer process")  # fmt: skip
    args = parser.parse_args()
    parts = Parts() if args.parts else None
    if parts is not None:
        parts.install()
    if args.store_only:
        rounds = ", ".join(f"{ms:.3f}" for ms in store_only(args.count))
        print(f"save_all, batches of 250: {rounds} ms CPU per article")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    broker = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not bootstrap:
        broker = LocalBroker(folder / "broker", Settings.from_env({}).cache_dir, free_port_pair())
        broker.start()
        bootstrap = broker.bootstrap
    broker_pid = broker.status().pid if broker is not None else None
    try:
        settings = settings_for(bootstrap, folder)
        ensure_topics(settings)
        produced = produce(settings, args.count)
        drained = drain(
            settings, args.count, args.profile, broker_pid, thread=args.parts or args.thread_writer
        )
        if args.profile or args.drain_only:
            under = " under the profiler" if args.profile else ""
            print(f"produced {produced:,.0f} articles/s; drained{under} {drained.rate:,.0f} "
                  f"articles/s, {drained.cpu_ms:.2f} ms CPU per article (extractor; main "
                  f"thread {drained.main_ms:.2f} ms), "
                  f"broker {drained.broker_ms or 0:.2f} ms")  # fmt: skip
            if parts is not None:
                print(parts.line(args.count))
            return 0
        scaled = [scale(settings, args.count, n, broker_pid) for n in range(1, args.members + 1)]
        waits = sorted(latency(settings, args.rate, args.seconds))
    finally:
        if broker is not None:
            broker.stop()
    p95 = waits[int(len(waits) * 0.95) - 1]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| measure | value |\n| --- | --- |")
    print(f"| producer, acks=all, {args.count} synthetic articles | {produced:,.0f} articles/s |")
    print(f"| one extractor draining the backlog (extract + store + publish + commit) "
          f"| {drained.rate:,.0f} articles/s |")  # fmt: skip
    print(f"| ... its CPU per article: extractor (main thread) / broker | {drained.cpu_ms:.2f} "
          f"ms ({drained.main_ms:.2f} ms) / {drained.broker_ms or 0:.2f} ms |")  # fmt: skip
    print(f"| ingest-to-stored latency at {args.rate:.0f} articles/s, p50 / p95 "
          f"| {statistics.median(waits):,.0f} ms / {p95:,.0f} ms |")  # fmt: skip
    print("\n| extractor processes | articles/s | extractor CPU per article | broker's share "
          "of the cores | machine busy |\n| --- | --- | --- | --- | --- |")  # fmt: skip
    for row in scaled:
        share = "n/a" if row.broker_share is None else f"{row.broker_share:.0%}"
        print(f"| {row.members} | {row.rate:,.0f} | {row.cpu_ms:.2f} ms | {share} "
              f"| {row.machine_busy:.0%} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
