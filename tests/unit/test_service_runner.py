"""The service runner with plain fakes: what it commits, when, and what it rewinds."""

from __future__ import annotations

from typing import Any

import pytest
from kafka.errors import CommitFailedError, KafkaConnectionError, KafkaTimeoutError

from tests.support.fakes import FakeProducer, FakeRecord, Redelivering
from wirewatch.delivery import DeliveryTracker
from wirewatch.errors import BrokerError, SchemaError
from wirewatch.service import RETRY_DELAY, STOP_GRACE, Runner
from wirewatch.store.sql import StoreOutageError


class Echo:
    """A service that sends each record's value to ``out`` and counts its hooks."""

    def __init__(self, fail_with: Exception | None = None) -> None:
        self.runner: Runner | None = None
        self.handled: list[int] = []
        self.calls: list[str] = []
        self.fail_with = fail_with

    def handle_batch(self, records: list[Any]) -> None:
        assert self.runner is not None
        if self.fail_with is not None and records[0].partition == 1:
            raise self.fail_with
        for record in records:
            self.handled.append(record.offset)
            self.runner.send("out", record.key, record.value)

    def before_poll(self) -> None:
        self.calls.append("before_poll")

    def after_batch(self) -> None:
        self.calls.append("after_batch")

    def recover(self, error: BaseException) -> None:
        self.calls.append(f"recover:{type(error).__name__}")


def rec(offset: int, partition: int = 0) -> FakeRecord:
    return FakeRecord("in", partition, offset, b"k", f"v{offset}".encode())


def runner(batches: list[list[FakeRecord]], service: Echo | None = None,
           producer: FakeProducer | None = None) -> tuple[Runner, Echo]:  # fmt: skip
    service = service or Echo()
    made = Runner("echo", service, Redelivering(batches), producer or FakeProducer())
    made.stopping.wait = lambda timeout=None: False  # type: ignore[method-assign]  # no sleep
    service.runner = made
    return made, service


def committed(made: Runner) -> list[dict[int, int]]:
    return [{tp.partition: meta.offset for tp, meta in c.items()} for c in made.consumer.commits]


def test_a_turn_handles_flushes_checks_then_commits_each_partition() -> None:
    made, service = runner([[rec(0), rec(1), rec(7, partition=1)]])
    assert made.poll_once() == 3
    assert service.handled == [0, 1, 7]
    assert service.calls == ["before_poll", "after_batch"]
    assert made.producer.flushes == 1
    assert committed(made) == [{0: 2, 1: 8}]
    assert made.deliveries.delivered == 3
    assert made.seen == 3


def test_a_failed_delivery_commits_nothing_and_rewinds_the_batch() -> None:
    producer = FakeProducer(failing={"out"})
    made, _ = runner([[rec(0), rec(5, partition=1)]], producer=producer)
    with pytest.raises(BrokerError, match="2 record.s. were not delivered"):
        made.poll_once()
    assert made.consumer.commits == []
    assert sorted(made.consumer.seeks) == [("in", 0, 0), ("in", 1, 5)]
    assert made.seen == 0


def test_run_retries_a_failed_delivery_until_it_is_delivered() -> None:
    producer = FakeProducer(failing={"out"})
    made, service = runner([[rec(0)]], producer=producer)
    service.recover = lambda error: producer.failing.clear()  # type: ignore[method-assign]
    assert made.run(max_records=1) == 1
    assert made.failures == 1 and made.delay == 0
    assert [m["value"] for m in producer.to("out")] == [b"v0", b"v0"]  # sent again
    assert committed(made) == [{0: 1}]


def test_a_store_outage_commits_the_partitions_before_it_and_rewinds_the_rest() -> None:
    service = Echo(fail_with=StoreOutageError("store unavailable: locked"))
    made, _ = runner([[rec(0), rec(3, partition=1)]], service)
    assert made.poll_once() == 1
    assert committed(made) == [{0: 1}]
    assert made.consumer.seeks == [("in", 1, 3)]
    assert made.delay == RETRY_DELAY
    assert service.calls[-1] == "recover:StoreOutageError"


def test_the_back_off_doubles_and_resets_after_a_good_turn() -> None:
    service = Echo(fail_with=StoreOutageError("down"))
    made, _ = runner([[rec(0, partition=1)]], service)
    made.poll_once()
    made.poll_once()  # redelivered, fails again
    assert made.delay == 2 * RETRY_DELAY
    service.fail_with = None
    made.poll_once()
    assert made.delay == 0
    assert committed(made) == [{1: 1}]


def test_a_bug_in_a_handler_is_not_swallowed() -> None:
    made, _ = runner([[rec(0, partition=1)]], Echo(fail_with=SchemaError("not retriable")))
    with pytest.raises(SchemaError):
        made.poll_once()
    assert made.consumer.commits == []


def test_a_commit_refused_by_a_rebalance_is_logged_not_fatal() -> None:
    class Refusing(Redelivering):
        def commit(self, offsets: dict[Any, Any]) -> None:
            msg = "group rebalanced"
            raise CommitFailedError(msg)

    service = Echo()
    made = Runner("echo", service, Refusing([[rec(0)]]), FakeProducer())
    service.runner = made
    assert made.poll_once() == 1
    assert made.seen == 1


def test_an_idle_turn_neither_flushes_nor_commits() -> None:
    made, _ = runner([])
    assert made.poll_once() == 0
    assert (made.producer.flushes, made.consumer.commits) == (0, [])


def test_run_stops_when_the_stop_flag_is_set() -> None:
    made, _ = runner([[rec(n)] for n in range(5)])
    made.stopping.set()
    assert made.run() == 0


class Unanswered(FakeProducer):
    """A producer whose broker answers nothing for ``silent`` flushes (forever: None)."""

    def __init__(self, silent: int | None) -> None:
        super().__init__()
        self.silent = silent
        self.waits: list[float | None] = []

    def flush(self, timeout: float | None = None) -> None:
        self.waits.append(timeout)
        if self.silent is None or len(self.waits) <= self.silent:
            msg = f"no answer in {timeout} s"
            raise KafkaTimeoutError(msg)


def test_a_running_service_waits_for_the_broker_as_long_as_it_takes() -> None:
    producer = Unanswered(silent=3)
    made, _ = runner([[rec(0)]], producer=producer)
    assert made.poll_once() == 1  # answered on the fourth wait: committed
    assert len(producer.waits) == 4
    assert committed(made) == [{0: 1}]


def test_a_stopping_service_gives_up_on_a_silent_broker_and_commits_nothing() -> None:
    producer = Unanswered(silent=None)
    made, _ = runner([[rec(0)]], producer=producer)
    made.stopping.set()
    with pytest.raises(BrokerError, match="stopping with sends unanswered"):
        made.poll_once()
    assert producer.waits == [STOP_GRACE]
    assert committed(made) == []
    assert made.consumer.seeks == [("in", 0, 0)]  # rewound: it comes again after a restart


class BrokerGone(Redelivering):
    """A consumer whose broker refuses the first ``down`` polls and commits."""

    def __init__(self, batches: list[list[FakeRecord]], down: int) -> None:
        super().__init__(batches)
        self.down = down

    def poll(self, timeout_ms: int = 0) -> Any:
        if self.down > 0:
            self.down -= 1
            msg = "111 ECONNREFUSED"
            raise KafkaConnectionError(msg)
        return super().poll(timeout_ms)


def test_a_broker_that_refuses_polls_does_not_stop_the_service() -> None:
    service = Echo()
    made = Runner("echo", service, BrokerGone([[rec(0)], [rec(1)]], down=2), FakeProducer())
    made.stopping.wait = lambda timeout=None: False  # type: ignore[method-assign]  # no sleep
    service.runner = made
    assert made.run(max_records=2) == 2  # two failed polls backed off, then both records
    assert made.failures == 2
    assert service.handled == [0, 1]


def test_a_commit_the_broker_refuses_is_logged_and_the_loop_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    made, service = runner([[rec(0)], [rec(1)]])

    def refused(offsets: Any) -> None:
        raise KafkaConnectionError("111 ECONNREFUSED")  # noqa: EM101

    made.consumer.commit = refused  # type: ignore[method-assign]
    assert made.run(max_records=2) == 2
    assert service.handled == [0, 1]
    assert "commit failed, the broker did not answer" in caplog.text


def test_the_tracker_raises_for_a_send_without_an_answer() -> None:
    class Pending:
        def add_callback(self, fn: Any, *args: Any) -> None:
            return None

        def add_errback(self, fn: Any, *args: Any) -> None:
            return None

    tracker = DeliveryTracker()
    tracker.track(Pending())
    with pytest.raises(BrokerError, match="1 record.s. had no answer"):
        tracker.check()


def test_the_tracker_counts_a_send_that_raised_and_tells_the_caller() -> None:
    class Refusing:
        def send(self, *args: Any, **kwargs: Any) -> Any:
            msg = "buffer full"
            raise KafkaTimeoutError(msg)

    tracker = DeliveryTracker()
    with pytest.raises(BrokerError, match="buffer full"):
        tracker.send(Refusing(), "out", None, b"x")
    assert tracker.failed == 1
    with pytest.raises(BrokerError, match="not delivered: .*buffer full"):
        tracker.check()
    tracker.check()  # a new batch: nothing failed in it
