"""Measure the pipeline itself for the system metrics, at a wall-clock time.

* ``pipeline_staleness``: seconds since the extractor last stored a live article;
* ``dead_letter_rate``: dead letters / (dead letters + stored articles) in the window;
* ``consumer_lag``: records the extractor group has yet to read from ``articles``;
* ``feed_silence``: seconds since a listed feed last brought a new item
  (:func:`wirewatch.store.feeds.feed_silence`).

A quiet news hour shows as no stream data, not as a dead pipeline; only these
metrics speak to the pipeline's health.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from kafka.errors import KafkaError

from consumers.alerts.rules import AlertRule
from wirewatch.events import LIVE_RUN
from wirewatch.kafka import committed_lag, make_consumer
from wirewatch.settings import Settings
from wirewatch.store.articles import latest_processed_ms, processed_since
from wirewatch.store.dead_letters import dead_letters_since
from wirewatch.store.feeds import feed_silence
from wirewatch.store.sql import SqlStore, to_ms

log = logging.getLogger(__name__)


class SystemProbe:
    """A :data:`consumers.alerts.evaluation.Probe` over the store and the broker."""

    def __init__(self, settings: Settings, store: SqlStore, lag_consumer: Any | None = None):
        self.settings = settings
        self.store = store
        self._lag_consumer = lag_consumer

    def __call__(self, rule: AlertRule, at: datetime) -> float | None:
        if rule.metric == "pipeline_staleness":
            return self.staleness(at)
        if rule.metric == "dead_letter_rate":
            return self.dead_letter_rate(at - timedelta(seconds=rule.window_seconds))
        if rule.metric == "consumer_lag":
            return self.consumer_lag()
        if rule.metric == "feed_silence":
            return feed_silence(self.store, rule.subject, to_ms(at))
        return None

    def staleness(self, at: datetime) -> float | None:
        latest = latest_processed_ms(self.store, LIVE_RUN)
        return None if latest is None else max(0.0, (to_ms(at) - latest) / 1000)

    def dead_letter_rate(self, since: datetime) -> float | None:
        since_ms = to_ms(since)
        dead = dead_letters_since(self.store, since_ms)
        stored = processed_since(self.store, LIVE_RUN, since_ms)
        total = dead + stored
        return None if total == 0 else dead / total

    def consumer_lag(self) -> float | None:
        """The extractor group's lag; None (unknown) while the broker does not answer."""
        try:
            return committed_lag(self._consumer(), self.settings.topics.articles)
        except KafkaError as exc:
            log.warning("consumer lag unknown: %s", exc)
            return None

    def close(self) -> None:
        if self._lag_consumer is not None:
            self._lag_consumer.close()

    def _consumer(self) -> Any:
        if self._lag_consumer is None:
            self._lag_consumer = make_consumer(
                self.settings, group_id=self.settings.group_id, client_id="wirewatch-lag-probe"
            )
        return self._lag_consumer
