"""The compacted ``alert_rules`` topic: key = rule id, value = rule JSON, tombstone = delete.

:func:`publish` and :func:`remove` are what the CLI and the dashboard call: a
short-lived producer writes the topic, then the store mirror is updated so the
change shows at once. :class:`RuleFeed` is how the evaluator follows the topic.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from consumers.alerts.rules import AlertRule, RuleError
from wirewatch.kafka import make_consumer, make_producer, topic_partitions
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store

log = logging.getLogger(__name__)

RuleChange = tuple[str, AlertRule | None]


def encode(rule: AlertRule) -> bytes:
    return json.dumps(rule.to_dict(), ensure_ascii=False).encode()


def decode(key: bytes | None, value: bytes | None) -> RuleChange:
    """A rule change from a record; a tombstone deletes. Raises :class:`RuleError`."""
    if key is None:
        msg = "rule record has no key"
        raise RuleError(msg)
    rule_id = key.decode("utf-8", "replace")
    if value is None:
        return rule_id, None
    try:
        rule = AlertRule.from_dict(json.loads(value))
    except (ValueError, TypeError, RecursionError) as exc:
        msg = f"rule record {rule_id!r} is not a valid rule: {exc}"
        raise RuleError(msg) from None
    return rule_id, rule


def publish(
    settings: Settings, store: SqlStore | None, rule: AlertRule, timeout: float = 30.0
) -> None:
    """Publish a rule (created, edited, enabled, disabled, silenced) and mirror it.

    Waits at most about ``timeout`` seconds for the broker; raises
    :class:`~wirewatch.errors.WirewatchError` or kafka-python's ``KafkaError``.
    """
    _send(settings, rule.id, encode(rule.validate()), timeout)
    if store is not None:
        alert_store.save_rule(store, rule)


def remove(settings: Settings, store: SqlStore | None, rule_id: str, timeout: float = 30.0) -> None:
    """Publish a tombstone for a rule and drop it from the mirror."""
    _send(settings, rule_id, None, timeout)
    if store is not None:
        alert_store.delete_rule(store, rule_id)


def _send(settings: Settings, rule_id: str, value: bytes | None, timeout: float) -> None:
    wait_ms = max(1, int(timeout * 1000))
    producer = make_producer(settings, client_id="wirewatch-alert-rules", max_block_ms=wait_ms,
                             request_timeout_ms=wait_ms, bootstrap_timeout_ms=wait_ms)  # fmt: skip
    try:
        producer.send(settings.topics.alert_rules, key=rule_id.encode(), value=value).get(timeout)
    finally:
        producer.close(timeout=min(5.0, timeout))


class RuleFeed:
    """Follow every partition of the rules topic from the beginning, without a group."""

    def __init__(self, settings: Settings, consumer: Any | None = None) -> None:
        self.topic = settings.topics.alert_rules
        self.consumer = consumer or make_consumer(settings, group_id=None)
        self.partitions = topic_partitions(self.consumer, self.topic)
        self.consumer.assign(self.partitions)
        self.consumer.seek_to_beginning(*self.partitions)

    def catch_up(self, timeout: float = 30.0) -> list[RuleChange]:
        """Read up to the current end of the topic (the full rule set at start)."""
        ends = self.consumer.end_offsets(self.partitions)
        changes: list[RuleChange] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(
            self.consumer.position(tp) < end for tp, end in ends.items()
        ):
            changes += self.poll(timeout_ms=200)
        return changes

    def poll(self, timeout_ms: int = 0) -> list[RuleChange]:
        """Rule changes that arrived since the last poll; bad records are logged and skipped.

        Whatever one record holds, it never stops the feed: a record that does not
        decode to a valid rule is logged as ``topic[partition]@offset`` and skipped.
        """
        changes = []
        for tp, records in self.consumer.poll(timeout_ms=timeout_ms).items():
            for record in records:
                try:
                    changes.append(decode(record.key, record.value))
                except Exception as exc:  # one bad rule must never stop the feed
                    log.warning("%s[%d]@%d skipped: %s", tp.topic, tp.partition,
                                record.offset, exc)  # fmt: skip
        return changes

    def close(self) -> None:
        self.consumer.close()
