"""The evaluator service: ``metrics`` (and ``alert_rules``) in, state changes out.

Each loop: apply rule changes from the rules feed; poll a batch of metric
events; skip other runs and duplicates (the extractor republishes a metric
event on redelivery: dedupe by ``(run_id, article_id)``, in memory and in the
store); evaluate; on the wall-clock tick probe the system metrics; then write
observations, rule states, transitions and the deliveries they owe (an outbox
row per transition for the ``alerts`` topic, and per notifier for the notifiable
ones) in one store transaction; then deliver what is due from the outbox (publish,
flush, check every send; notify) and only then commit offsets: the loop is
:class:`wirewatch.service.Runner`, this class its hooks. A publish that failed
raises before the commit (the runner rewinds, backs off and retries); a
notification that failed stays in the outbox and is retried with back-off, after
a restart too, until delivered or expired.

On start the rule set is read from the compacted topic, rule states from the
store and the window refilled from the evaluated observations, so a restart
neither forgets a firing alert nor fires it again.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from consumers.alerts import incident_window
from consumers.alerts.evaluation import Engine, Probe
from consumers.alerts.notify import Dispatcher
from consumers.alerts.rules import AlertRule
from consumers.alerts.state import Transition
from consumers.alerts.topic import RuleChange, RuleFeed
from consumers.alerts.window import MAX_SKEW, Observation
from wirewatch.errors import BrokerError
from wirewatch.events import LIVE_RUN, now
from wirewatch.metrics import ArticleMetrics
from wirewatch.service import Hosted, Runner
from wirewatch.settings import Settings
from wirewatch.store import SqlStore
from wirewatch.store import alerts as alert_store

log = logging.getLogger(__name__)


class Evaluator(Hosted):
    """The evaluator's hooks (rules, evaluate, persist, publish), run by a :class:`Runner`;
    clients and store are injected."""

    def __init__(
        self,
        settings: Settings,
        store: SqlStore,
        consumer: Any,
        producer: Any,
        feed: RuleFeed,
        dispatcher: Dispatcher | None = None,
        run_id: str = LIVE_RUN,
        probe: Probe | None = None,
        clock: Callable[[], datetime] = now,
        tick_seconds: float = 15.0,
    ) -> None:
        self.settings, self.store, self.run_id = settings, store, run_id
        self.consumer, self.feed = consumer, feed
        self.dispatcher = dispatcher or Dispatcher([])
        self.probe, self.clock, self.tick_seconds = probe, clock, tick_seconds
        self.engine = Engine(run_id=run_id)
        self.transitions: deque[Transition] = deque(maxlen=1000)  # recent, for inspection
        self.incident_updates = 0  # records of the incidents topic, not counted in ``seen``
        self._last_tick = float("-inf")
        self.topic_target = f"topic:{settings.topics.alerts}"
        self._fresh: list[Observation] = []  # this turn's new observations
        self._transitions: list[Transition] = []  # this turn's state changes
        self.runner = Runner("evaluator", self, consumer, producer)

    def start(self) -> None:
        """Load rules from the topic, states from the store, and refill the window."""
        rules = {rid: rule for rid, rule in self.feed.catch_up()}
        active = {rid: rule for rid, rule in rules.items() if rule is not None}
        for rid, rule in rules.items():
            self._mirror(rid, rule)
        states = alert_store.load_states(self.store, self.run_id)
        self.engine = Engine(
            active.values(), self.run_id, {k: v for k, v in states.items() if k in active}
        )
        bound = self.clock() + MAX_SKEW  # ignore far-future rows stored before clamping
        latest = alert_store.latest_observation(self.store, self.run_id, until=bound)
        if latest is not None:
            since = latest - timedelta(seconds=self.engine.window.horizon_seconds)
            stored = alert_store.load_observations(self.store, self.run_id, since)
            self.engine.load(o for o in stored if o.event_time <= bound)
        self._restore_incidents(bound)
        log.info("evaluator: %d rule(s), %d observation(s) restored", len(active),
                 len(self.engine.window))  # fmt: skip
        self.deliver()  # what an earlier run owed and did not deliver

    def before_poll(self) -> None:
        """Runner hook: apply rule changes from the rules feed before the batch."""
        self._fresh = []
        self._transitions = self.apply_rule_changes(self.feed.poll(timeout_ms=0))

    def handle_batch(self, records: list[Any]) -> None:
        """Runner hook: evaluate one partition's records of the poll."""
        for record in records:
            self._transitions += self._handle(record, self._fresh)

    def after_batch(self) -> None:
        """Runner hook after the batch: probe the system metrics when due, persist this
        turn's observations and transitions with what they owe, deliver the outbox; a
        failed publish raises before the commit."""
        transitions = self._transitions + self._maybe_tick()
        self._commit_side_effects(self._fresh, transitions)
        self._fresh, self._transitions = [], []
        self.deliver()

    def apply_rule_changes(self, changes: list[RuleChange]) -> list[Transition]:
        """Apply created, edited, disabled or deleted rules to the running engine."""
        transitions: list[Transition] = []
        for rule_id, rule in changes:
            self._mirror(rule_id, rule)
            if rule is None:
                transitions += self.engine.remove_rule(rule_id)
            else:
                transitions += self.engine.set_rule(rule)
        return transitions

    def tick(self, at: datetime | None = None) -> list[Transition]:
        """Evaluate the system rules now (or at ``at``), persisting and publishing."""
        if self.probe is None:
            return []
        transitions = self.engine.tick(at or self.clock(), self.probe)
        self._commit_side_effects([], transitions)
        self.deliver()
        return transitions

    def deliver(self) -> int:
        """Publish and notify what the outbox holds and is due; raise if a publish failed."""
        stamp = int(time.time() * 1000)
        rows = alert_store.due_outbox(self.store, stamp, [self.topic_target])
        sends = [(row, self._publish(row.transition)) for row in rows]
        if sends:
            self.runner.flush()
        failed = 0
        for row, future in sends:
            if future is not None and future.failed():
                failed += 1
                alert_store.outbox_failed(self.store, row, stamp + 1000 * 2 ** min(row.attempts, 8))
            else:
                alert_store.outbox_delivered(self.store, row, stamp, notification=False)
        notified = self.dispatcher.deliver(self.store, stamp)
        if failed:
            msg = f"{failed} alert(s) not published to {self.settings.topics.alerts}; kept"
            raise BrokerError(msg)
        return len(sends) + notified

    def run(self, max_records: int | None = None, idle_exit: float | None = None) -> int:
        """Loop until stopped, ``max_records`` read or ``idle_exit`` seconds idle; return the
        metric events seen."""
        self.runner.run(max_records, idle_exit)
        return self.seen

    def progress(self) -> str:
        """Runner hook: the periodic progress line."""
        return f"metric events={self.seen} incident updates={self.incident_updates}"

    @property
    def seen(self) -> int:
        """Metric records (not incident updates) read in turns that ended in a commit."""
        return self.runner.seen - self.incident_updates

    def _restore_incidents(self, bound: datetime) -> None:
        """Refill the incident window from the store's incidents table (see incident_window)."""
        newest = incident_window.newest_report(self.store, self.run_id)
        if newest is not None:
            since = min(newest, bound) - timedelta(seconds=self.engine.window.horizon_seconds)
            stored = incident_window.stored_incidents(self.store, self.run_id, since, bound)
            self.engine.incidents.active = True
            self.engine.incidents.load(s.clamped(bound) for s in stored)

    def handle_incident(self, record: Any) -> list[Transition]:
        """Evaluate an incident's new state from the ``incidents`` topic; skip bad records."""
        self.incident_updates += 1
        try:
            state = incident_window.IncidentState.decode(record.value)
        except Exception as exc:  # any malformed record is skipped, never fatal
            log.warning("%s[%d]@%d skipped: %s", record.topic, record.partition,
                        record.offset, exc)  # fmt: skip
            return []
        return self.engine.observe_incident(state.clamped(self.clock() + MAX_SKEW))

    def _handle(self, record: Any, fresh: list[Observation]) -> list[Transition]:
        if record.topic == self.settings.topics.incidents:
            return self.handle_incident(record)
        try:
            obs = Observation.from_metrics(ArticleMetrics.decode(record.value))
        except Exception as exc:  # any malformed record is skipped, never fatal
            log.warning("%s[%d]@%d skipped: %s", record.topic, record.partition,
                        record.offset, exc)  # fmt: skip
            return []
        if obs.run_id != self.run_id or self.engine.window.seen(obs):
            return []
        if alert_store.observation_known(self.store, obs):
            return []
        fresh.append(obs)
        return self.engine.observe(obs)

    def _maybe_tick(self) -> list[Transition]:
        if self.probe is None or time.monotonic() - self._last_tick < self.tick_seconds:
            return []
        self._last_tick = time.monotonic()
        return self.engine.tick(self.clock(), self.probe)

    def _commit_side_effects(self, fresh: list[Observation], transitions: list[Transition]) -> None:
        if not fresh and not transitions:
            return
        states = self.engine.states.values()
        owed = [(t, self.topic_target) for t in transitions]
        owed += self.dispatcher.outbox(transitions)
        alert_store.save_batch(self.store, self.run_id, fresh, states, transitions, owed)
        self.transitions += transitions

    def _publish(self, transition: Transition) -> Any:
        payload = json.dumps(transition.to_dict()).encode()
        key = transition.rule_id.encode()
        return self.runner.send(self.settings.topics.alerts, key, payload)

    def _mirror(self, rule_id: str, rule: AlertRule | None) -> None:
        if rule is None:
            alert_store.delete_rule(self.store, rule_id)
        else:
            alert_store.save_rule(self.store, rule)
