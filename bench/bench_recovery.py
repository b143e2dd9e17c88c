"""Recovery benchmark against a real Kafka broker: how long a crash stops the extractor group.

Two measures, each with the old group settings (dynamic members, 45 s session) and the
new ones (static members with ``--instance-id``, ``WIREWATCH_SESSION_TIMEOUT_MS`` 6 s):

* restart to first stored article: the only extractor is killed (``kill -9``) and
  started again at once; seconds from the new process's start until an article sent
  after the kill is stored (process start-up and group join included);
* member death to partitions moved: one of two extractors is killed; seconds from
  the kill until an article sent after it is stored on every partition.

Articles trickle in (one every 50 ms, round-robin over the partitions) throughout.

    python bench/bench_recovery.py [--cap 90]

Uses KAFKA_BOOTSTRAP_SERVERS when set, else a throwaway local broker.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from kafka.errors import KafkaError

from wirewatch.broker import LocalBroker
from wirewatch.events import ArticleEvent
from wirewatch.host import free_port_pair
from wirewatch.kafka import ensure_topics, make_admin, make_producer
from wirewatch.settings import Settings, child_environment, isolated
from wirewatch.store import articles, open_store

OLD_SESSION_MS = 45_000  # kafka-python's default before this change
NEW_SESSION_MS = 6_000


@dataclass(frozen=True)
class Mode:
    name: str
    session_ms: int
    static: bool


MODES = (Mode("before", OLD_SESSION_MS, False), Mode("after", NEW_SESSION_MS, True))


class Trickle(threading.Thread):
    """Send one article every ``gap`` seconds, round-robin over partitions, until stopped."""

    def __init__(self, settings: Settings, gap: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.settings, self.gap = settings, gap
        self.stopping = threading.Event()
        self.n = 0

    def run(self) -> None:
        producer = make_producer(self.settings)
        while not self.stopping.is_set():
            event = ArticleEvent.create(
                source="bench",
                title=f"Update {self.n}",
                url=f"https://example.org/u/{self.n}",
                body=f"Update {self.n}: two people were killed; talks resumed in Doha.",
            )
            part = self.n % self.settings.partitions
            key, value = event.article_id.encode(), event.encode()
            producer.send(self.settings.topics.articles, key=key, value=value, partition=part)
            producer.flush()
            self.n += 1
            time.sleep(self.gap)
        producer.close()


def env_for(settings: Settings, mode: Mode) -> dict[str, str]:
    return child_environment(replace(settings, session_timeout_ms=mode.session_ms), os.environ)


def spawn(settings: Settings, mode: Mode, member: str) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "wirewatch.cli", "extractor"]
    if mode.static:
        argv += ["--instance-id", member]
    return subprocess.Popen(  # noqa: S603  # fixed argv
        argv, env=env_for(settings, mode), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


def first_stored_after(settings: Settings, since_ms: int, cap: float) -> dict[int, int]:
    """Per partition, the first ``processed_ms`` of an article sent after ``since_ms``."""
    deadline = time.monotonic() + cap
    store = open_store(settings.store_url)
    found: dict[int, int] = {}
    try:
        while len(found) < settings.partitions and time.monotonic() < deadline:
            rows = articles.first_processed_by_provenance(store, since_ms)
            for provenance, processed in rows:
                part = int(provenance.split("[", 1)[1].split("]", 1)[0])
                found[part] = min(found.get(part, processed), processed)
            time.sleep(0.1)
    finally:
        store.close()
    return found


def group_stable(settings: Settings, members: int, timeout: float = 180) -> None:
    """Wait until the extractor group is Stable with ``members`` members, each assigned."""
    admin = make_admin(settings)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            try:
                group = admin.describe_groups([settings.group_id]).get(settings.group_id, {})
            except KafkaError:  # the coordinator is not elected yet
                group = {}
            found = group.get("members", [])
            stable = str(group.get("group_state", "")).lower() == "stable"
            if stable and len(found) == members and all(m.get("member_assignment") for m in found):
                return
            time.sleep(0.2)
    finally:
        admin.close()
    msg = f"the group never settled with {members} member(s)"
    raise RuntimeError(msg)


def wall_ms() -> int:
    return int(time.time() * 1000)


def scenario(bootstrap: str, folder: Path, mode: Mode, members: int, cap: float) -> float:
    """Seconds from the crash (restart or kill) until every partition is served again."""
    settings = isolated(bootstrap, folder, f"recovery_{uuid.uuid4().hex[:8]}")
    ensure_topics(settings)
    trickle = Trickle(settings)
    trickle.start()
    procs = [spawn(settings, mode, f"bench-{n}") for n in range(members)]
    try:
        group_stable(settings, members)  # every member holds partitions
        first_stored_after(settings, wall_ms(), 120)  # and the group is consuming
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait()
        crashed = wall_ms()
        if members == 1:
            procs[0] = spawn(settings, mode, "bench-0")  # restarted at once
        found = first_stored_after(settings, crashed, cap)
    finally:
        trickle.stopping.set()
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(60)
        trickle.join()
    if len(found) < settings.partitions:
        return float("inf")
    return (max(found.values()) - crashed) / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cap", type=float, default=90.0, help="give up after (90 s)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        broker = None
        if not bootstrap:
            broker = LocalBroker(folder / "broker", Settings.from_env({}).cache_dir,
                                 free_port_pair())  # fmt: skip
            broker.start()
            bootstrap = broker.bootstrap
        try:
            print(f"machine: {platform.processor() or platform.machine()}, "
                  f"{os.cpu_count()} cores; broker {bootstrap}")  # fmt: skip
            print("| measure | before (45 s session, dynamic) | after (6 s session, static) |")
            print("| --- | --- | --- |")
            for label, members in (("restart to first stored article", 1),
                                   ("member death to partitions moved", 2)):  # fmt: skip
                figures = [scenario(bootstrap, folder, m, members, args.cap) for m in MODES]
                print(f"| {label} | " + " | ".join(f"{f:.1f} s" for f in figures) + " |",
                      flush=True)  # fmt: skip
        finally:
            if broker is not None:
                broker.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
