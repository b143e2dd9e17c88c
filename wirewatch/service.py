"""The one service runner: every Kafka consumer service runs its batches through it.

A service supplies only ``handle_batch(records)`` (one partition's records of a poll) and,
if it needs them, hooks: ``before_poll()``, ``after_batch()`` (after the handlers, before
the commit), ``on_assign(partitions)``, ``on_revoke(partitions)``, ``recover(error)`` (after a
back-off) and ``progress()`` (a line of counts). The runner owns the rest, once::

    poll -> handle_batch per partition -> after_batch -> flush -> check every send -> commit

* Every send goes through :meth:`Runner.send` and is checked (:class:`DeliveryTracker`)
  before the offsets are committed; a failed or unanswered send raises
  :class:`~wirewatch.errors.BrokerError` from :meth:`Runner.poll_once` with nothing
  committed and the batch's partitions rewound, so the next poll delivers it again; a
  real Kafka producer is replaced first (after a refused batch it stays broken).
* A handler that raises a *retriable* wirewatch error (a store outage, an undeliverable
  dead letter) leaves its partition and the ones after it uncommitted and rewound; the
  partitions handled before it are committed. :meth:`Runner.run` backs off (doubling,
  capped) before the next poll and calls ``recover``.
* Offsets are committed synchronously at the end of every turn, so when the group
  rebalances (inside ``poll``) nothing handled is left uncommitted; a commit the group
  refuses mid-rebalance is logged, and the new owner redelivers: services are idempotent.
* A poll or a commit the broker does not answer (it is down or unreachable) never stops
  the service: a failed poll backs off like a failed delivery (nothing was read), a failed
  commit is logged (the next commit covers its offsets; a restart first redelivers them).
* SIGINT/SIGTERM (:meth:`Runner.install_signal_handlers`) stop the loop after the
  current batch; progress and consumer lag are logged every ``report_seconds``. A stop
  is answered within seconds even when the broker is gone: a flush waits at most
  :data:`STOP_GRACE` once stopping (the unanswered batch is not committed, so it is
  delivered again after the restart) and the producer is closed within
  :data:`CLOSE_TIMEOUT`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from kafka import ConsumerRebalanceListener, OffsetAndMetadata, TopicPartition
from kafka.errors import CommitFailedError, KafkaError, KafkaTimeoutError

from wirewatch import signals
from wirewatch.delivery import DeliveryTracker
from wirewatch.errors import BrokerError, WirewatchError
from wirewatch.kafka import close_bounded, committed_lag, renewed

log = logging.getLogger(__name__)

#: First and longest wait before polling again after a retriable failure, in seconds.
RETRY_DELAY = 0.5
RETRY_DELAY_MAX = 30.0
#: How long a flush may still wait for the broker once the service is stopping, in seconds.
STOP_GRACE = 5.0
#: How long closing the producer on the way out may take, in seconds.
CLOSE_TIMEOUT = 10.0


class Record(Protocol):
    """What a service reads of a Kafka ``ConsumerRecord``."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


class Service(Protocol):
    """What a service must supply: what to do with one partition's records of a poll."""

    def handle_batch(self, records: list[Any]) -> None: ...


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]  # kafka-python has no stubs
    def __init__(self, runner: Runner) -> None:
        self.runner = runner

    def on_partitions_revoked(self, revoked: Any) -> None:
        self.runner.hook("on_revoke", list(revoked))

    def on_partitions_assigned(self, assigned: Any) -> None:
        self.runner.hook("on_assign", list(assigned))


class Runner:
    """Poll, handle, flush, check, commit, rebalance, back off, stop: for one service."""

    def __init__(self, name: str, service: Service, consumer: Any, producer: Any,
                 report_seconds: float = 10.0) -> None:  # fmt: skip
        self.name, self.service = name, service
        self.consumer, self.producer = consumer, producer
        self.report_seconds = report_seconds
        self.deliveries = DeliveryTracker()
        self.stopping = threading.Event()
        self.seen = 0  # records of the turns that ended in a commit
        self.delay = 0.0  # the current back-off, 0 while healthy
        self.failures = 0  # turns that ended in a retriable failure
        self._subscribe()

    def send(self, topic: str, key: bytes | None, value: bytes | None,
             headers: Any = None) -> Any:  # fmt: skip
        """Send a record; its delivery is checked before the batch's offsets are committed."""
        return self.deliveries.send(self.producer, topic, key, value, headers)

    def hook(self, name: str, *args: Any) -> Any:
        """Call the service's optional hook ``name`` (None when it has none)."""
        method: Callable[..., Any] | None = getattr(self.service, name, None)
        return None if method is None else method(*args)

    def poll_once(self, timeout_ms: int = 1000) -> int:
        """One turn: poll, handle, after_batch, flush, check deliveries, commit; return the count.

        A retriable handler failure backs off here (its partitions rewound, the others
        committed); a failed delivery raises :class:`BrokerError`, nothing committed.
        """
        self.hook("before_poll")
        try:
            batches = self.consumer.poll(timeout_ms=timeout_ms)
        except KafkaError as exc:  # the broker is gone or unreachable: nothing was read
            msg = f"poll failed: {type(exc).__name__}: {exc}"
            raise BrokerError(msg) from exc
        offsets: dict[TopicPartition, OffsetAndMetadata] = {}
        firsts: dict[TopicPartition, int] = {}
        count = 0
        failure: WirewatchError | None = None
        for tp, records in batches.items():
            part = TopicPartition(tp.topic, tp.partition)
            if failure is None:
                failure = self._handle(records)
            if failure is not None:
                self.consumer.seek(part, records[0].offset)
                continue
            offsets[part] = OffsetAndMetadata(records[-1].offset + 1, "", -1)
            firsts[part] = records[0].offset
            count += len(records)
        try:
            self.hook("after_batch")
            self._settle()
        except WirewatchError as exc:
            if exc.retriable:
                self._rewind(firsts)
            raise
        self._commit(offsets)
        self.seen += count
        if failure is not None:
            self.back_off(failure)
        else:
            self.delay = 0.0
        return count

    def run(self, max_records: int | None = None, idle_exit: float | None = None) -> int:
        """Loop until stopped, ``max_records`` seen or ``idle_exit`` seconds without records;
        a failed delivery backs off and retries. Return how many records were seen."""
        last_record = last_report = time.monotonic()
        while not self.stopping.is_set():
            try:
                got = self.poll_once()
            except WirewatchError as exc:
                if not exc.retriable:
                    raise
                self.back_off(exc)
                got = 0
            if got:
                last_record = time.monotonic()
            if max_records is not None and self.seen >= max_records:
                break
            if idle_exit is not None and time.monotonic() - last_record > idle_exit:
                break
            if not self.stopping.is_set() and time.monotonic() - last_report > self.report_seconds:
                self.report()
                last_report = time.monotonic()
        return self.seen

    def report(self) -> None:
        """Log the service's progress line and the group's lag on what it consumes."""
        try:
            lag = [committed_lag(self.consumer, topic) for topic in self._topics()]
            behind = str(int(sum(n for n in lag if n is not None)))
        except KafkaError as exc:  # a progress line must never stop the service
            behind = f"unknown ({type(exc).__name__})"
        log.info("%s: %s lag=%s", self.name, self.hook("progress") or f"seen={self.seen}", behind)

    def back_off(self, error: BaseException) -> None:
        """Wait (doubling from :data:`RETRY_DELAY`, capped), then let the service recover."""
        self.delay = min(max(self.delay * 2, RETRY_DELAY), RETRY_DELAY_MAX)
        self.failures += 1
        log.warning("%s: %s; nothing committed past it, retrying in %.1f s", self.name, error,
                    self.delay)  # fmt: skip
        self.stopping.wait(self.delay)
        try:
            self.hook("recover", error)
        except Exception as exc:  # still down: the next attempt backs off further
            log.warning("%s: not recovered yet: %s", self.name, exc)

    def install_signal_handlers(self) -> Callable[[], None]:
        """SIGTERM and SIGINT stop the loop after the current batch; return an undo."""
        return signals.install(self.stopping.set)

    def _handle(self, records: list[Any]) -> WirewatchError | None:
        try:
            self.service.handle_batch(records)
        except WirewatchError as exc:
            if not exc.retriable:
                raise
            return exc
        return None

    def flush(self) -> None:
        """Wait for the broker's answer to every send, as long as it takes while running;
        once stopping, at most :data:`STOP_GRACE` more seconds, then raise a retriable
        :class:`BrokerError` (the caller commits nothing; the records come again)."""
        while True:
            stopping = self.stopping.is_set()
            try:
                self.producer.flush(timeout=STOP_GRACE if stopping else 1.0)
                return
            except KafkaTimeoutError as exc:
                if stopping:
                    msg = f"stopping with sends unanswered after {STOP_GRACE:.0f}s: {exc}"
                    raise BrokerError(msg) from None

    def _settle(self) -> None:
        """Flush and check every send since the last check (raises if one failed)."""
        if self.deliveries.batch:
            self.flush()
        try:
            self.deliveries.check()
        except BrokerError:
            self._renew_producer()
            raise

    def _renew_producer(self) -> None:
        """Replace a real Kafka producer after a failed delivery: kafka-python's idempotent
        producer stays in an error state after a batch the broker refused for good."""
        fresh = renewed(self.producer)
        if fresh is not self.producer:
            old, self.producer = self.producer, fresh
            log.warning("%s: renewed the Kafka producer after a failed delivery", self.name)
            try:
                old.close(timeout=1)
            except Exception as exc:  # noqa: BLE001  # broken already; it is gone anyway
                log.debug("closing the old producer: %s", exc)

    def _rewind(self, firsts: dict[TopicPartition, int]) -> None:
        """Seek every partition of a failed turn back to its first record."""
        self.deliveries.forget()
        for part, offset in firsts.items():
            self.consumer.seek(part, offset)

    def _commit(self, offsets: dict[TopicPartition, OffsetAndMetadata]) -> None:
        if not offsets:
            return
        try:
            self.consumer.commit(offsets)
        except CommitFailedError as exc:  # a rebalance: the new owner redelivers, idempotently
            log.warning("%s: commit skipped, the group is rebalancing: %s", self.name, exc)
        except KafkaError as exc:  # the broker is gone: a later commit covers these offsets,
            # and a restart before it redelivers them (every service is idempotent)
            log.warning("%s: commit failed, the broker did not answer: %s", self.name, exc)

    def _topics(self) -> list[str]:
        subscription = getattr(self.consumer, "subscription", None)
        return sorted(subscription() or ()) if callable(subscription) else []

    def _subscribe(self) -> None:
        """Re-subscribe a real consumer with the runner's rebalance listener."""
        topics = self._topics()
        if topics and hasattr(self.consumer, "subscribe"):
            self.consumer.unsubscribe()  # not yet polled: nothing to give back
            self.consumer.subscribe(topics=topics, listener=_Listener(self))


class Hosted:
    """What a service run by a :class:`Runner` (its ``runner`` attribute) offers callers:
    one turn, signals, the stop flag and the producer, all the runner's."""

    runner: Runner

    def poll_once(self, timeout_ms: int = 1000) -> int:
        """One turn of the runner (see :meth:`Runner.poll_once`); the records it read."""
        return self.runner.poll_once(timeout_ms)

    def install_signal_handlers(self) -> Callable[[], None]:
        """SIGTERM and SIGINT stop the loop after the current batch; return an undo."""
        return self.runner.install_signal_handlers()

    @property
    def producer(self) -> Any:
        """The runner's producer (renewed after a failed delivery)."""
        return self.runner.producer

    @property
    def stopping(self) -> threading.Event:
        """Set to stop the loop after the current batch."""
        return self.runner.stopping


class Closable(Protocol):
    """Anything a service holds that is closed on the way out (consumer, store, feed)."""

    def close(self) -> None: ...


@contextmanager
def hosting(service: Hosted, *held: Closable) -> Iterator[None]:
    """SIGINT/SIGTERM stop ``service`` after its batch; on the way out its producer (the
    runner's, renewed after a failed delivery) is flushed and closed, then ``held`` in order."""
    restore = service.install_signal_handlers()
    try:
        yield
    finally:
        close_bounded(service.producer, CLOSE_TIMEOUT)
        for resource in held:
            resource.close()
        restore()
