"""Shared fixtures: the real Kafka broker, per-test topics and groups, client factories.

The broker is found in this order: ``KAFKA_BOOTSTRAP_SERVERS``; a testcontainers
Kafka container when a Docker engine answers; otherwise a broker provisioned
locally with ``wirewatch.broker`` in a temporary folder on a free port.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from kafka.errors import KafkaError

from tests.support.backends import postgres_url
from tests.support.broker import local_broker
from wirewatch.broker import KAFKA_VERSION
from wirewatch.kafka import ensure_topics, make_admin, make_consumer, make_producer
from wirewatch.settings import ENV_BOOTSTRAP, Settings, isolated
from wirewatch.store import SqlStore, open_store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
__all__ = ["postgres_url"]  # the session-wide PostgreSQL server, for the backend tests


def _docker_answers() -> bool:
    if not (os.environ.get("DOCKER_HOST") or Path("/var/run/docker.sock").exists()):
        return False
    try:
        import docker

        client = docker.from_env(timeout=3)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:
        return False


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap address of a real broker for the whole session."""
    if os.environ.get(ENV_BOOTSTRAP):
        yield os.environ[ENV_BOOTSTRAP]
        return
    if _docker_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer(f"apache/kafka:{KAFKA_VERSION}").with_kraft() as container:
            yield container.get_bootstrap_server()
        return
    with local_broker(tmp_path_factory.mktemp("broker")) as broker:
        yield broker.bootstrap


@pytest.fixture
def kafka_settings(
    kafka_bootstrap: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Settings]:
    """Settings for one test: its own topics, consumer group and SQLite store.

    The topics are deleted at teardown.
    """
    tag = f"t_{request.node.name[:40]}_{uuid.uuid4().hex[:8]}".replace("[", "_").replace("]", "_")
    settings = replace(isolated(kafka_bootstrap, tmp_path, tag), partitions=3)
    ensure_topics(settings)
    yield settings
    admin = make_admin(settings)
    try:
        admin.delete_topics(list(settings.topics.all()))
    except KafkaError:
        pass  # best effort: a throwaway broker is removed with its folder anyway
    finally:
        admin.close()


@pytest.fixture
def store(kafka_settings: Settings) -> Iterator[SqlStore]:
    """The test's SQLite store."""
    opened = open_store(kafka_settings.store_url)
    yield opened
    opened.close()


@pytest.fixture
def producer_factory(kafka_settings: Settings) -> Iterator[Callable[..., Any]]:
    """Make producers for the test's broker; all are closed at teardown."""
    made: list[Any] = []

    def factory(**overrides: Any) -> Any:
        producer = make_producer(kafka_settings, **overrides)
        made.append(producer)
        return producer

    yield factory
    for producer in made:
        producer.close(timeout=5)


@pytest.fixture
def consumer_factory(kafka_settings: Settings) -> Iterator[Callable[..., Any]]:
    """Make consumers (default: the test's extractor group); all closed at teardown."""
    made: list[Any] = []

    def factory(*topics: str, group_id: str | None = None, **overrides: Any) -> Any:
        consumer = make_consumer(
            kafka_settings, *topics, group_id=group_id or kafka_settings.group_id, **overrides
        )
        made.append(consumer)
        return consumer

    yield factory
    for consumer in made:
        consumer.close()


@pytest.fixture
def seed_texts() -> list[str]:
    """The shared seed articles, or skip where the folder is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"no seed folder at {SEEDS}")
    return [path.read_text() for path in sorted(SEEDS.glob("*.txt"))]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark as ``integration`` everything under tests/integration or using the broker."""
    for item in items:
        under = "tests/integration/" in str(item.path).replace(os.sep, "/")
        if under or "kafka_bootstrap" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.integration)
