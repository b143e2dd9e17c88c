"""``wirewatch extractor`` (the consumer-group service) and ``wirewatch extract`` (batch)."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from consumers import extract_cli
from consumers.extractor import CONSUMER_CONFIG, PRODUCER_CONFIG, Extractor
from wirewatch.kafka import ensure_topics, make_consumer, make_producer, membership
from wirewatch.service import hosting
from wirewatch.settings import Settings
from wirewatch.store import open_store
from wirewatch.store.writer import writer_for

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "extractor",
        help="run the extractor service (a Kafka consumer group: articles -> metrics + store)",
        description="Consume the articles topic as a member of the extractor consumer group, "
        "extract metrics with evidence, write them to the store and the metrics topic, and "
        "commit offsets only after the store write. Run several to scale up to the number of "
        "partitions. Bad records go to the dead-letter topic.",
    )
    parser.add_argument("--group", help="consumer group [env: WIREWATCH_GROUP_ID]")
    parser.add_argument(
        "--instance-id",
        help="static group member id (group.instance.id): a restart with the same id takes "
        "its partitions back at once; never give two live processes the same id",
    )
    parser.add_argument(
        "--max-records", type=int, help="exit after this many records (default: run forever)"
    )
    parser.add_argument(
        "--idle-exit", type=float, help="exit after this many seconds without records"
    )
    parser.set_defaults(handler=run_extractor)
    extract_cli.register(sub)


def run_extractor(args: argparse.Namespace) -> int:
    """Run the service until SIGINT/SIGTERM; flush, commit and close on the way out."""
    from consumers.extraction import extract

    settings = Settings.from_env()
    ensure_topics(settings)
    store = open_store(settings.store_url)
    consumer = make_consumer(
        settings,
        settings.topics.articles,
        group_id=args.group or settings.group_id,
        **membership(settings, args.instance_id),
        **CONSUMER_CONFIG,
    )
    producer = make_producer(settings, **PRODUCER_CONFIG)
    writer = writer_for(store, settings.store_url)
    service = Extractor(settings, store, consumer, producer, extract, writer=writer)
    log.info("extractor: consuming %s as group %s", settings.topics.articles, consumer.config[
        "group_id"])  # fmt: skip
    with hosting(service, writer, consumer, store):
        stats = service.run(max_records=args.max_records, idle_exit=args.idle_exit)
    print(f"extractor stopped: {stats.line()}")
    return 0
