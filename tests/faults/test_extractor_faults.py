"""The extractor as a real subprocess under kill -9, a group member's death and hostile input.

Every test asserts exact outcomes: stored = distinct sent, no duplicates, rollups = raw.
Waits are bounded polls; no timing is asserted.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from consumers.extraction import extract
from consumers.extractor import Extractor
from tests.faults.support import (
    Child,
    assert_exact,
    assert_rollups_equal_raw,
    backlog,
    count,
    group_members,
    send_articles,
    service_env,
    wait_until,
)
from tests.support.factories import article
from tests.support.sql import query
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store.sql import MAX_COUNT

pytestmark = pytest.mark.faults


def extractor(settings: Settings, log: Path, *args: str) -> Child:
    return Child(["extractor", *args], service_env(settings), log)


def test_kill_9_at_random_points_of_a_backlog_loses_and_doubles_nothing(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path
) -> None:
    rng = random.Random()
    seed = rng.randrange(1_000_000)
    rng.seed(seed)
    events = backlog(4000)  # a poll takes up to 500 records: far more than three kills reach
    send_articles(producer_factory(), kafka_settings, events)
    log = tmp_path / "extractor.log"
    for kill in range(3):
        child = extractor(kafka_settings, log, "--instance-id", "fault-member")
        at = count(kafka_settings) + rng.randrange(20, 150)
        wait_until(lambda at=at: count(kafka_settings) >= at, 120, f"{at} stored (seed {seed})")
        child.kill()
        assert count(kafka_settings) < len(events), f"backlog drained before kill {kill + 1}"
    child = extractor(kafka_settings, log, "--instance-id", "fault-member", "--idle-exit", "5")
    wait_until(lambda: count(kafka_settings) >= len(events), 180, f"the backlog (seed {seed})")
    assert child.stop() == 0, child.output()
    assert_exact(kafka_settings, events)
    assert count(kafka_settings, "dead_letters") == 0


def test_a_member_killed_mid_drain_hands_its_partitions_over(
    kafka_settings: Settings, producer_factory: Any, tmp_path: Path
) -> None:
    events = backlog(3000)
    first = extractor(kafka_settings, tmp_path / "first.log")
    second = extractor(kafka_settings, tmp_path / "second.log")
    try:  # both members hold partitions before the backlog arrives
        wait_until(lambda: group_members(kafka_settings) == 2, 120, "a group of two")
        send_articles(producer_factory(), kafka_settings, events)
        wait_until(lambda: count(kafka_settings) >= 150, 120, "both members draining")
        first.kill()
        assert count(kafka_settings) < len(events), "the backlog drained before the kill"
        wait_until(lambda: count(kafka_settings) >= len(events), 180, "the survivor to finish")
    finally:
        first.kill()
        code = second.stop()
    assert code == 0, second.output()
    assert_exact(kafka_settings, events)


HOSTILE = [
    "An airstrike killed 9223372036854775808 people in the north, officials said.",
    "The war has killed 3 billion people.",
    "Officials said 99999999999999999999999999 people were wounded.",
    "A strike killed 18446744073709551616 people and wounded 1e400 more.",
]


def test_hostile_numbers_do_not_stop_the_extractor(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any
) -> None:
    healthy = backlog(30)
    hostile = [article(1000 + n, body=text) for n, text in enumerate(HOSTILE)]
    mixed = healthy[:10] + hostile[:2] + healthy[10:20] + hostile[2:] + healthy[20:]
    send_articles(producer_factory(), kafka_settings, mixed)
    consumer = consumer_factory(kafka_settings.topics.articles)
    service = Extractor(kafka_settings, store, consumer, producer_factory(), extract)
    stats = service.run(max_records=len(mixed), idle_exit=60)
    assert stats.seen == len(mixed)
    ids = {row[0] for row in query(store, "SELECT article_id FROM articles")}
    assert {e.article_id for e in healthy} <= ids
    letters = {row[0] for row in query(store, "SELECT reason FROM dead_letters")}
    for event in hostile:  # dropped by the parser, or refused at the border with the reason
        assert event.article_id in ids or any("implausible" in r for r in letters)
    assert query(store, "SELECT MAX(killed), MAX(wounded) FROM articles")[0] <= (
        MAX_COUNT,
        MAX_COUNT,
    )
    assert_rollups_equal_raw(store)


def test_a_figure_past_the_bound_is_dead_lettered_at_the_border(
    kafka_settings: Settings, store: SqlStore, consumer_factory: Any, producer_factory: Any
) -> None:
    """Whatever the parser does, an extraction holding 2^63 is refused, never raised."""
    from tests.support.factories import extraction, fake_extract

    def overflowing(text: str, **kw: Any) -> Any:
        return extraction(killed=2**63) if "overflow" in text else fake_extract(text, **kw)

    events = [*backlog(5), article(99, body="overflow killed"), *backlog(5, start=5)]
    send_articles(producer_factory(), kafka_settings, events)
    consumer = consumer_factory(kafka_settings.topics.articles)
    service = Extractor(kafka_settings, store, consumer, producer_factory(), overflowing)
    stats = service.run(max_records=len(events), idle_exit=60)
    assert (stats.processed, stats.dead_letters) == (10, 1)
    ((reason, part, offset),) = query(store, "SELECT reason, part, msg_offset FROM dead_letters")
    assert "implausible figure: summary.killed=9223372036854775808" in reason
    assert part >= 0 and offset >= 0
