"""Kafka helpers shared by every service: serializers, client factories, topics."""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterable
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic, OffsetSpec
from kafka.errors import KafkaError, KafkaTimeoutError, TopicAlreadyExistsError
from kafka.serializer import Deserializer, Serializer

from wirewatch.errors import BrokerError
from wirewatch.settings import Settings

log = logging.getLogger(__name__)

HEADER_REASON = "wirewatch.reason"
HEADER_SOURCE = "wirewatch.source"
#: Consumer groups of the services (the extractor's is ``Settings.group_id``).
ALERTS_GROUP = "wirewatch-alerts"
INCIDENTS_GROUP = "wirewatch-incidents"


class BytesSerializer(Serializer):  # type: ignore[misc]  # kafka-python ships no stubs
    """Pass bytes through; encode ``str`` as UTF-8."""

    def serialize(self, topic: str, headers: Any, data: Any) -> bytes | None:
        if data is None or isinstance(data, bytes):
            return data
        return str(data).encode()


class JsonSerializer(Serializer):  # type: ignore[misc]
    """Serialise a JSON-ready value (or bytes as they are)."""

    def serialize(self, topic: str, headers: Any, data: Any) -> bytes | None:
        if data is None or isinstance(data, bytes):
            return data
        return json.dumps(data, ensure_ascii=False).encode()


class RawDeserializer(Deserializer):  # type: ignore[misc]
    """Keep bytes as they are; decoding belongs to the schema, which reports errors."""

    def deserialize(self, topic: str, headers: Any, data: bytes | None) -> bytes | None:
        return data


def make_producer(settings: Settings, **overrides: Any) -> KafkaProducer:
    """A producer that waits for all in-sync replicas and retries transient errors."""
    config: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "acks": "all",
        "retries": 10,
        "linger_ms": 5,
        # the broker enforces its own limit; this only must not refuse what it accepts
        "max_request_size": max(4 * 1_048_576, settings.max_article_bytes * 2),
        "key_serializer": BytesSerializer(),
        "value_serializer": JsonSerializer(),
        "client_id": "wirewatch",
    }
    config.update(overrides)
    try:
        return KafkaProducer(**config)
    except KafkaTimeoutError:
        raise _unreachable(settings) from None


def renewed(producer: Any) -> Any:
    """A fresh KafkaProducer with ``producer``'s configuration (anything else as it is)."""
    if not isinstance(producer, KafkaProducer):
        return producer
    known = KafkaProducer.DEFAULT_CONFIG
    return KafkaProducer(**{k: v for k, v in producer.config.items() if k in known})


def membership(settings: Settings, instance_id: str | None = None) -> dict[str, Any]:
    """Group-membership settings for fast recovery (issue 9).

    A short session (``WIREWATCH_SESSION_TIMEOUT_MS``; heartbeats at a quarter of it,
    at most every 3 s)
    moves a dead member's partitions within seconds; a static ``instance_id``
    (``group.instance.id``) lets a restarted member take its partitions back at
    once, without a rebalance. Two live processes must never share an instance id.
    """
    session = settings.session_timeout_ms
    config: dict[str, Any] = {
        "session_timeout_ms": session,
        "heartbeat_interval_ms": max(min(session // 4, 3000), 500),
    }
    if instance_id:
        config["group_instance_id"] = instance_id
    return config


def make_consumer(
    settings: Settings, *topics: str, group_id: str | None, **overrides: Any
) -> KafkaConsumer:
    """A consumer with manual commits that hands out raw bytes."""
    config: dict[str, Any] = {
        **(membership(settings) if group_id else {}),
        "bootstrap_servers": settings.bootstrap_servers,
        "group_id": group_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "key_deserializer": RawDeserializer(),
        "value_deserializer": RawDeserializer(),
        "client_id": "wirewatch",
        "max_poll_records": 500,
    }
    config.update(overrides)
    try:
        return KafkaConsumer(*topics, **config)
    except KafkaTimeoutError:
        raise _unreachable(settings) from None


def make_admin(settings: Settings) -> KafkaAdminClient:
    """An admin client, or :class:`BrokerError` naming the address it tried."""
    try:
        return KafkaAdminClient(
            bootstrap_servers=settings.bootstrap_servers,
            client_id="wirewatch-admin",
            bootstrap_timeout_ms=10_000,
        )
    except KafkaError:
        raise _unreachable(settings) from None


def topic_configs(settings: Settings) -> dict[str, dict[str, str]]:
    """Per-topic configuration: retention for streams, compaction for rules."""
    hour_ms = 3_600_000
    stream = {"retention.ms": str(settings.retention_hours * hour_ms)}
    topics = settings.topics
    return {
        topics.articles: stream,
        topics.metrics: stream,
        topics.dead_letters: {"retention.ms": str(30 * 24 * hour_ms)},
        topics.alerts: {"retention.ms": str(30 * 24 * hour_ms)},
        topics.alert_rules: {"cleanup.policy": "compact"},
        topics.incidents: {"cleanup.policy": "compact"},  # latest state per incident
    }


def ensure_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    """Create the missing topics (idempotent); return the names that were created."""
    configs = topic_configs(settings)
    wanted = list(names) if names is not None else list(configs)
    admin = make_admin(settings)
    try:
        existing = set(admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        new = [
            NewTopic(name, settings.partitions, 1, topic_configs=configs.get(name, {}))
            for name in missing
        ]
        if new:
            try:
                admin.create_topics(new)
            except TopicAlreadyExistsError:
                log.debug("topics created concurrently: %s", missing)
        return missing
    finally:
        admin.close()


def consumer_lag(
    bootstrap: str, group_id: str, topic: str, timeout_ms: int = 2500
) -> list[dict[str, Any]]:
    """Per partition of ``topic``: the group's committed offset, the end offset and the lag."""
    admin = KafkaAdminClient(
        bootstrap_servers=bootstrap,
        client_id="wirewatch-lag",
        request_timeout_ms=timeout_ms,
        bootstrap_timeout_ms=timeout_ms,
    )
    try:
        described = admin.describe_topics([topic])
        parts = [TopicPartition(topic, p["partition_index"]) for p in described[0]["partitions"]]
        ends = admin.list_partition_offsets(
            dict.fromkeys(parts, OffsetSpec.LATEST), timeout_ms=timeout_ms
        )
        committed = admin.list_group_offsets({group_id: parts}).get(group_id, {})
    finally:
        admin.close()
    return [_lag_row(tp, ends[tp].offset, committed.get(tp)) for tp in sorted(parts)]


def _lag_row(tp: TopicPartition, end: int, committed: Any) -> dict[str, Any]:
    done = committed.offset if committed is not None and committed.offset >= 0 else None
    return {"partition": tp.partition, "committed": done, "end": end, "lag": end - (done or 0)}


def wait_for_broker(bootstrap: str, timeout: float = 60.0) -> None:
    """Block until a broker at ``bootstrap`` answers a metadata request."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        admin = None
        try:
            admin = KafkaAdminClient(
                bootstrap_servers=bootstrap, request_timeout_ms=5000, bootstrap_timeout_ms=5000
            )
            admin.list_topics()
            return
        except (KafkaError, OSError) as exc:
            last = exc
            time.sleep(0.5)
        finally:
            if admin is not None:
                admin.close()
    msg = f"no Kafka broker answered at {bootstrap} within {timeout:.0f}s ({last})"
    raise BrokerError(msg)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    """Whether something accepts TCP connections at ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _unreachable(settings: Settings) -> BrokerError:
    hint = (
        "check KAFKA_BOOTSTRAP_SERVERS"
        if settings.external_broker
        else "start the local one with `wirewatch broker start`"
    )
    msg = f"no Kafka broker reachable at {settings.bootstrap_servers}: {hint}"
    return BrokerError(msg)


def topic_partitions(consumer: Any, topic: str, timeout: float = 15.0) -> list[TopicPartition]:
    """Every partition of ``topic``, asking the cluster again until its metadata shows them.

    A new client's first metadata answer can leave out a topic created a moment ago
    (or whose leaders are still being elected); reading it as "no partitions" would
    make a reader stop at once. Raise :class:`BrokerError` when none appear in time.
    """
    deadline = time.monotonic() + timeout
    while not (parts := consumer.partitions_for_topic(topic)):
        if time.monotonic() >= deadline:
            msg = f"topic {topic!r} shows no partitions after {timeout:.0f}s"
            raise BrokerError(msg)
        time.sleep(0.2)
    return [TopicPartition(topic, p) for p in sorted(parts)]


def committed_lag(consumer: Any, topic: str, timeout_ms: int = 5000) -> float | None:
    """Records of ``topic`` that ``consumer``'s group has not committed yet (None: no
    partitions). The one lag of a group seen through a consumer; :func:`consumer_lag`
    asks the admin API for a group this process is not in. Each request waits at most
    ``timeout_ms`` (``KafkaTimeoutError`` after), so a broker that is gone cannot hold
    the caller for long."""
    parts = consumer.partitions_for_topic(topic) or set()
    tps = [TopicPartition(topic, p) for p in sorted(parts)]
    if not tps:
        return None
    ends = consumer.end_offsets(tps, timeout_ms=timeout_ms)
    committed = [consumer.committed(tp, timeout_ms=timeout_ms) or 0 for tp in tps]
    return float(sum(max(0, ends[tp] - done) for tp, done in zip(tps, committed, strict=True)))


def close_bounded(producer: Any, timeout: float) -> None:
    """Close within ``timeout``. kafka-python's ``close`` raises from its flush when a
    batch never completes (seen with the broker stopped mid-request) and leaves its
    sender thread running, which keeps the process alive: force that thread to stop,
    which fails the stuck batches (their errbacks count them)."""
    try:
        producer.close(timeout=timeout)
    except KafkaError:
        sender = getattr(producer, "_sender", None)
        if sender is not None and sender.is_alive():
            sender.force_close()
            sender.join(timeout)
