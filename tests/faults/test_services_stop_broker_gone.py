"""A service whose broker is gone still stops on SIGTERM, cleanly and within seconds.

Each service runs as a real subprocess against a broker of this module's own, which the
test stops while the service is polling; SIGTERM then lands while the service's progress
report (or a flush) waits for a broker that will not answer.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from consumers.alerts import topic
from consumers.alerts.rules import AlertRule
from tests.faults.producers_support import PATIENCE, own_broker, release_leaked_sockets
from tests.faults.support import Child, service_env, wait_until
from wirewatch.broker import LocalBroker
from wirewatch.kafka import ensure_topics
from wirewatch.service import CLOSE_TIMEOUT, STOP_GRACE
from wirewatch.settings import isolated
from wirewatch.store import open_store

pytestmark = [pytest.mark.faults, pytest.mark.integration]

REPORT_SECONDS = 10  # the runner's progress line, whose lag query waits for the broker
#: A stop must not wait for the broker's own timeouts (30 s and more): the service's
#: bounded waits plus a few seconds of start-up slack.
PROMPT = STOP_GRACE + CLOSE_TIMEOUT / 2


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalBroker]:
    """A broker of this module's own, so the test may stop and restart it."""
    yield from own_broker(tmp_path_factory.mktemp("stop-broker"))


@pytest.mark.parametrize(
    "argv", [["alerts", "run", "--tick", "1"], ["extractor"]], ids=["evaluator", "extractor"]
)
def test_sigterm_stops_a_service_whose_broker_is_gone(
    broker: LocalBroker, tmp_path: Path, argv: list[str]
) -> None:
    settings = isolated(broker.bootstrap, tmp_path, f"s{uuid.uuid4().hex[:8]}")
    ensure_topics(settings)
    store = open_store(settings.store_url)
    topic.publish(settings, store, AlertRule(id="d", name="Deaths", metric="killed", threshold=1))
    store.close()
    child = Child(argv, service_env(settings), tmp_path / "service.log")
    try:
        wait_until(lambda: " lag=" in child.output(), PATIENCE, "the service's first report")
        broker.stop()
        time.sleep(REPORT_SECONDS + 1)  # the next report now waits for the broker
        asked = time.monotonic()
        code = child.stop(timeout=PATIENCE)
        took = time.monotonic() - asked
    finally:
        if not broker.status().running:
            broker.start()
    release_leaked_sockets()
    assert code == 0, child.output()
    assert "stopped" in child.output().splitlines()[-1]
    assert took < PROMPT, f"SIGTERM took {took:.0f} s to stop the service"
