"""A local broker of a test's own on free loopback ports, stopped when the test is done."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wirewatch.broker import LocalBroker
from wirewatch.errors import BrokerError
from wirewatch.host import free_port_pair
from wirewatch.settings import Settings

TRIES = 3  # another process may take a free port between choosing it and binding it


@contextmanager
def local_broker(home: Path) -> Iterator[LocalBroker]:
    """Start a :class:`LocalBroker` in ``home`` on a free pair of ports; stop it afterwards."""
    cache = Settings.from_env({}).cache_dir
    for attempt in range(1, TRIES + 1):
        broker = LocalBroker(home, cache, free_port_pair())
        try:
            broker.start()
            break
        except BrokerError as exc:
            if "already taken" not in str(exc) or attempt == TRIES:
                raise
    try:
        yield broker
    finally:
        broker.stop()
