"""``wirewatch up``: the whole pipeline in one command, stopped cleanly by Ctrl-C.

Starts the local broker (unless ``KAFKA_BOOTSTRAP_SERVERS`` names one), creates
the topics, then runs the services as child processes: the extractor group, the
alert evaluator, a synthetic demo stream and the Streamlit dashboard.

The stack supervises them (:mod:`wirewatch.supervisor`): a service that dies is
restarted with back-off, logged, and shown on the Pipeline health page. The
extractors join their group as static members (``--instance-id``), so a restarted
one takes its partitions back without waiting for a rebalance.

Ctrl-C stops them in the order data flows: the demo stream first, then each
consumer once its group has caught up with its topic (bounded by a timeout), so
everything published before the stop is processed before the stop completes. It
stops the local broker only if this stack started it.
"""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

from kafka.errors import KafkaError

from wirewatch import signals
from wirewatch.broker_cli import local_broker
from wirewatch.kafka import ALERTS_GROUP, INCIDENTS_GROUP, consumer_lag, ensure_topics
from wirewatch.settings import Settings
from wirewatch.supervisor import STATUS_FILE, Supervisor

DRAIN_SECONDS = 20.0


@dataclass
class Service:
    """A child process the stack runs; ``drain`` is the (group, topic) it must catch up on."""

    name: str
    argv: list[str]
    drain: tuple[str, str] | None = None
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "wirewatch.cli", *self.argv]
        # its own session: Ctrl-C reaches only the stack, which stops services in order
        self.proc = subprocess.Popen(  # noqa: S603
            command, stdin=subprocess.DEVNULL, start_new_session=True
        )

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

    @property
    def pid(self) -> int | None:
        return None if self.proc is None else self.proc.pid

    def exit_code(self) -> int | None:
        """None while running (or never started), else the exit status."""
        return None if self.proc is None else self.proc.poll()

    def wait(self, timeout: float) -> None:
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "up",
        help="run everything: broker, demo stream, extractor, alerts, dashboard",
        description="Start the local Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS is set), "
        "create the topics, and run the extractor, the alert evaluator, a synthetic demo "
        "stream and the dashboard until Ctrl-C, which stops them all cleanly.",
    )
    parser.add_argument("--rate", type=float, default=1.0, help="demo articles per second (1)")
    parser.add_argument("--no-demo", action="store_true", help="run without the demo stream")
    parser.add_argument(
        "--extractors", type=int, default=1, help="extractor processes in the group (1)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the demo stream (7)")
    parser.add_argument(
        "--webhook",
        action="append",
        default=[],
        metavar="URL",
        help="POST alert state changes here (repeatable; its host must be allowed by "
        "WIREWATCH_WEBHOOK_ALLOW)",
    )
    parser.set_defaults(handler=run_stack)


def build_args(argv: list[str]) -> argparse.Namespace:
    """Parse ``wirewatch up`` options alone (for tests and tools)."""
    parser = argparse.ArgumentParser(prog="wirewatch")
    register(parser.add_subparsers())
    return parser.parse_args(["up", *argv])


def services(args: argparse.Namespace, settings: Settings) -> list[Service]:
    """The child processes for these options, in the order they stop (data-flow order)."""
    chosen = []
    if not args.no_demo:
        demo = ["produce", "synthetic", "--rate", str(args.rate), "--seed", str(args.seed)]
        chosen.append(Service("demo", [*demo, "--live", "--no-progress"]))
    articles = (settings.group_id, settings.topics.articles)
    member = f"{socket.gethostname()}-{settings.group_id}"
    chosen += [
        Service(f"extractor-{n}", ["extractor", "--instance-id", f"{member}-{n}"], articles)
        for n in range(args.extractors)
    ]
    alerts = (ALERTS_GROUP, settings.topics.metrics)
    hooks = [arg for url in args.webhook for arg in ("--webhook", url)]
    evaluator = ["alerts", "run", "--group", ALERTS_GROUP, *hooks]
    chosen.append(Service("alerts", evaluator, alerts))
    chosen.append(Service("incidenter", ["incidenter"], (INCIDENTS_GROUP, alerts[1])))
    chosen.append(Service("dashboard", ["dashboard", "--port", str(settings.dashboard_port)]))
    return chosen


def wait_drained(settings: Settings, group: str, topic: str, timeout: float) -> bool:
    """Wait until ``group`` has committed everything in ``topic``; False on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (
                sum(row["lag"] for row in consumer_lag(settings.bootstrap_servers, group, topic))
                <= 0
            ):
                return True
        except KafkaError:
            return False
        time.sleep(0.5)
    return False


def shutdown(running: list[Service], settings: Settings) -> None:
    """Stop the services in order, letting each consumer catch up first."""
    for service in running:
        if service.drain and service.running:
            wait_drained(settings, *service.drain, DRAIN_SECONDS)
        service.stop()
        service.wait(30)


def run_stack(args: argparse.Namespace) -> int:
    """Run the stack until Ctrl-C or SIGTERM."""
    settings = Settings.from_env()
    broker = None if settings.external_broker else local_broker(settings)
    if broker is not None and broker.status().running:
        print(f"using the local Kafka already running at {broker.bootstrap}", flush=True)
        broker = None  # not ours to stop
    if broker is not None:
        print(f"starting Kafka at {broker.bootstrap} ...", flush=True)
        broker.start()
    ensure_topics(settings)
    running = services(args, settings)
    supervisor = Supervisor(list(reversed(running)), settings.data_dir / STATUS_FILE)
    stop = _stop_flag()
    try:
        supervisor.start()  # consumers before the stream that feeds them
        print(
            f"wirewatch is up: dashboard http://localhost:{settings.dashboard_port}  "
            f"(Kafka {settings.bootstrap_servers}); Ctrl-C stops everything",
            flush=True,
        )
        while not stop():
            supervisor.check()
            time.sleep(0.5)
    finally:
        print("stopping wirewatch ...", flush=True)
        shutdown(running, settings)
        if broker is not None:
            broker.stop()
        print("stopped", flush=True)
    return 0


def _stop_flag() -> Any:
    flag = threading.Event()
    signals.install(flag.set)  # for the life of the process: ``up`` ends when it is set
    return flag.is_set
