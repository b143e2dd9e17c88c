"""``wirewatch up``: the whole pipeline in one command, stopped cleanly by Ctrl-C.

Starts the local broker (unless ``KAFKA_BOOTSTRAP_SERVERS`` names one), creates
the topics, then runs the services as child processes: the extractor group, the
alert evaluator, a synthetic demo stream and the Streamlit dashboard.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Any

from wirewatch.broker_cli import local_broker
from wirewatch.kafka import ensure_topics
from wirewatch.settings import Settings


@dataclass
class Service:
    """A child process the stack runs."""

    name: str
    argv: list[str]
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "wirewatch.cli", *self.argv]
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL)  # noqa: S603

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)

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
    parser.set_defaults(handler=run_stack)


def services(args: argparse.Namespace, settings: Settings) -> list[Service]:
    """The child processes for these options."""
    chosen = [Service(f"extractor-{n}", ["extractor"]) for n in range(args.extractors)]
    chosen.append(Service("alerts", ["alerts", "run"]))
    if not args.no_demo:
        demo = ["produce", "synthetic", "--rate", str(args.rate), "--seed", str(args.seed)]
        chosen.append(Service("demo", [*demo, "--live", "--no-progress"]))
    chosen.append(Service("dashboard", ["dashboard", "--port", str(settings.dashboard_port)]))
    return chosen


def run_stack(args: argparse.Namespace) -> int:
    """Run the stack until Ctrl-C or SIGTERM."""
    settings = Settings.from_env()
    broker = None if settings.external_broker else local_broker(settings)
    if broker is not None:
        print(f"starting Kafka at {broker.bootstrap} ...", flush=True)
        broker.start()
    ensure_topics(settings)
    running = services(args, settings)
    stop = _stop_flag()
    try:
        for service in running:
            service.start()
        print(
            f"wirewatch is up: dashboard http://localhost:{settings.dashboard_port}  "
            f"(Kafka {settings.bootstrap_servers}); Ctrl-C stops everything",
            flush=True,
        )
        while not stop():
            time.sleep(0.5)
    finally:
        print("stopping wirewatch ...", flush=True)
        for service in reversed(running):
            service.stop()
        for service in reversed(running):
            service.wait(30)
        if broker is not None:
            broker.stop()
        print("stopped", flush=True)
    return 0


def _stop_flag() -> Any:
    flag = {"stop": False}

    def handle(*_: Any) -> None:
        flag["stop"] = True

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    return lambda: flag["stop"]
