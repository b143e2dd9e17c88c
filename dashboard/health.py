"""Broker checks for the pipeline-health page, each bounded by short timeouts.

A TCP probe decides first whether the broker is worth asking; the lag query then
uses an admin client made and closed per refresh (never one cached across
sessions). Results are cached for a few seconds so that refreshes stay cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st
from kafka import KafkaAdminClient, TopicPartition
from kafka.admin import OffsetSpec

from wirewatch.kafka import port_open

CHECK_TTL_SECONDS = 5.0
TIMEOUT_MS = 2500


@dataclass(frozen=True)
class BrokerStatus:
    """Whether any bootstrap address accepted a TCP connection."""

    reachable: bool
    address: str


def _addresses(bootstrap: str) -> list[tuple[str, int]]:
    found = []
    for item in bootstrap.split(","):
        host, _, port = item.strip().rpartition(":")
        if host and port.isdigit():
            found.append((host.strip("[]"), int(port)))
    return found


@st.cache_data(ttl=CHECK_TTL_SECONDS, show_spinner=False)
def broker_status(bootstrap: str) -> BrokerStatus:
    """Probe each bootstrap address with a half-second TCP connect."""
    for host, port in _addresses(bootstrap):
        if port_open(host, port, timeout=0.5):
            return BrokerStatus(True, f"{host}:{port}")
    return BrokerStatus(False, bootstrap)


def consumer_lag(bootstrap: str, group_id: str, topic: str) -> list[dict[str, Any]]:
    """Per partition of ``topic``: the group's committed offset, the end offset and the lag."""
    admin = KafkaAdminClient(
        bootstrap_servers=bootstrap,
        client_id="wirewatch-dashboard",
        request_timeout_ms=TIMEOUT_MS,
        bootstrap_timeout_ms=TIMEOUT_MS,
    )
    try:
        described = admin.describe_topics([topic])
        parts = [TopicPartition(topic, p["partition_index"]) for p in described[0]["partitions"]]
        ends = admin.list_partition_offsets(
            dict.fromkeys(parts, OffsetSpec.LATEST), timeout_ms=TIMEOUT_MS
        )
        committed = admin.list_group_offsets({group_id: parts}).get(group_id, {})
    finally:
        admin.close()
    return [_lag_row(tp, ends[tp].offset, committed.get(tp)) for tp in sorted(parts)]


def _lag_row(tp: TopicPartition, end: int, committed: Any) -> dict[str, Any]:
    done = committed.offset if committed is not None and committed.offset >= 0 else None
    return {
        "partition": tp.partition,
        "committed": done,
        "end": end,
        "lag": end - (done or 0),
    }


@st.cache_data(ttl=CHECK_TTL_SECONDS, show_spinner=False)
def cached_lag(bootstrap: str, group_id: str, topic: str) -> list[dict[str, Any]]:
    """:func:`consumer_lag`, cached for a few seconds."""
    return consumer_lag(bootstrap, group_id, topic)
