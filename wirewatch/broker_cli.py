"""``wirewatch broker start|stop|status|logs``, ``wirewatch topics`` and ``wirewatch config``."""

from __future__ import annotations

import argparse
import os
from typing import Any

from wirewatch.broker import LocalBroker
from wirewatch.kafka import ensure_topics
from wirewatch.settings import ENV_DOCS, Settings


def local_broker(settings: Settings) -> LocalBroker:
    """The locally provisioned broker these settings describe."""
    return LocalBroker(settings.data_dir / "broker", settings.cache_dir, settings.broker_port)


def register(sub: Any) -> None:
    broker = sub.add_parser(
        "broker",
        help="provision and run a local Apache Kafka broker (KRaft, no Docker)",
        description="Run a real single-node Kafka broker on loopback. Its jars come from Maven "
        "Central on first start (cached in WIREWATCH_CACHE_DIR); its data stays in "
        "WIREWATCH_DATA_DIR/broker between restarts.",
    )
    actions = broker.add_subparsers(dest="action", metavar="ACTION", required=True)
    start = actions.add_parser("start", help="start the broker and create the topics")
    start.add_argument("--timeout", type=float, default=120.0, help="seconds to wait (120)")
    start.set_defaults(handler=_start)
    actions.add_parser("stop", help="stop the broker gracefully").set_defaults(handler=_stop)
    actions.add_parser("status", help="show whether it runs").set_defaults(handler=_status)
    logs = actions.add_parser("logs", help="print the end of the broker log")
    logs.add_argument("-n", type=int, default=40, help="lines (40)")
    logs.set_defaults(handler=_logs)

    topics = sub.add_parser(
        "topics",
        help="create wirewatch's topics if missing (idempotent)",
        description="Create articles, metrics, articles.dlq, alerts and alert-rules with "
        "WIREWATCH_PARTITIONS partitions and WIREWATCH_RETENTION_HOURS retention.",
    )
    topics.set_defaults(handler=_topics)

    config = sub.add_parser(
        "config",
        help="show the configuration in effect and the variables that set it",
        description="Print every WIREWATCH_* variable (and KAFKA_BOOTSTRAP_SERVERS) with its "
        "current value and meaning, then the resolved settings.",
    )
    config.set_defaults(handler=_config)


def _start(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    if settings.external_broker:
        print(f"KAFKA_BOOTSTRAP_SERVERS is set ({settings.bootstrap_servers}): no local broker.")
        return 0
    broker = local_broker(settings)
    pid = broker.start(timeout=args.timeout)
    created = ensure_topics(settings)
    print(f"Kafka {broker.bootstrap} is up (pid {pid}); data in {broker.home}")
    if created:
        print(f"created topics: {', '.join(created)}")
    return 0


def _stop(args: argparse.Namespace) -> int:
    stopped = local_broker(Settings.from_env()).stop()
    print("broker stopped" if stopped else "broker was not running")
    return 0


def _status(args: argparse.Namespace) -> int:
    status = local_broker(Settings.from_env()).status()
    print(status.describe())
    return 0 if status.answering else 1


def _logs(args: argparse.Namespace) -> int:
    print(local_broker(Settings.from_env()).log_tail(args.n))
    return 0


def _config(args: argparse.Namespace) -> int:
    for name, meaning in ENV_DOCS.items():
        value = os.environ.get(name)
        if value and ("TOKEN" in name or "PASSWORD" in name):
            value = "(set, not shown)"  # a secret: never print it
        print(f"{name}={value if value is not None else ''}\n    {meaning}")
    settings = Settings.from_env()
    print(f"\nbroker: {settings.bootstrap_servers}"
          f" ({'external' if settings.external_broker else 'local'})")  # fmt: skip
    print(f"store:  {settings.store_url}")
    print(f"topics: {', '.join(settings.topics.all())} ({settings.partitions} partitions)")
    return 0


def _topics(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    created = ensure_topics(settings)
    print(f"created: {', '.join(created)}" if created else "all topics exist")
    return 0
