"""Broker checks for the pipeline-health page, each bounded by short timeouts.

A TCP probe decides first whether the broker is worth asking; the lag query then
uses an admin client made and closed per refresh (never one cached across
sessions). Results are cached for a few seconds so that refreshes stay cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from wirewatch.kafka import consumer_lag, port_open

CHECK_TTL_SECONDS = 5.0


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


@st.cache_data(ttl=CHECK_TTL_SECONDS, show_spinner=False)
def cached_lag(bootstrap: str, group_id: str, topic: str) -> list[dict[str, Any]]:
    """:func:`consumer_lag`, cached for a few seconds."""
    return consumer_lag(bootstrap, group_id, topic)
