"""The rules feed: a bad record on the compacted topic is logged and skipped, never fatal."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import pytest

from consumers.alerts import topic
from consumers.alerts.rules import AlertRule
from tests.support.fakes import FakeConsumer, FakeRecord
from wirewatch.settings import Settings

SETTINGS = Settings()
RULES = SETTINGS.topics.alert_rules
GOOD = AlertRule(id="ok", name="ok", metric="killed", threshold=1)


@dataclass
class FeedConsumer(FakeConsumer):
    """Enough of a consumer for :class:`topic.RuleFeed`."""

    def partitions_for_topic(self, name: str) -> set[int]:
        return {0}

    def assign(self, partitions: Any) -> None:
        pass

    def seek_to_beginning(self, *partitions: Any) -> None:
        pass


def rule_record(offset: int, key: str, body: Any) -> FakeRecord:
    value = body if isinstance(body, bytes) else json.dumps(body).encode()
    return FakeRecord(RULES, 0, offset, key.encode(), value)


BASE = {"id": "r", "name": "r", "metric": "killed", "threshold": 1}
BAD = [
    {**BASE, "silenced_until": "soon"},
    {**BASE, "location": 5},
    {**BASE, "actor": ["x"]},
    {**BASE, "source": {"a": 1}},
    {**BASE, "window_seconds": 10**11},
    {**BASE, "comparator": [">"]},
    [],
    "x",
    b"\xff\xfe",
    b"[" * 100_000,
]


def test_bad_rules_are_logged_with_their_offset_and_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    records = [rule_record(n, "r", body) for n, body in enumerate(BAD)]
    records.append(rule_record(len(BAD), "ok", GOOD.to_dict()))
    feed = topic.RuleFeed(SETTINGS, FeedConsumer(batches=[records]))
    with caplog.at_level(logging.WARNING, logger="consumers.alerts.topic"):
        changes = feed.poll()
    assert changes == [("ok", GOOD)]
    for offset in range(len(BAD)):
        assert f"{RULES}[0]@{offset} skipped" in caplog.text
