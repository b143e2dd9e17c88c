"""Publisher: keys, repeats, validation, dead letters and delivery counts, on a fake producer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from kafka.errors import KafkaTimeoutError

from producers.publish import Publisher
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
from wirewatch.schema import ArticleEvent
from wirewatch.settings import Settings, Topics


class FakeFuture:
    """Resolved at once, like a record future whose batch was already acknowledged."""

    def __init__(self, error: Exception | None) -> None:
        self.error = error

    def add_callback(self, fn: Any, *args: Any) -> FakeFuture:
        if self.error is None:
            fn(*args, "metadata")
        return self

    def add_errback(self, fn: Any, *args: Any) -> FakeFuture:
        if self.error is not None:
            fn(*args, self.error)
        return self


@dataclass
class FakeProducer:
    """Records what was sent; ``fail_with`` makes deliveries fail."""

    fail_with: Exception | None = None
    sent: list[dict[str, Any]] = field(default_factory=list)
    flushed: int = 0
    closed: bool = False

    def send(self, topic: str, *, key: Any, value: bytes, headers: Any) -> FakeFuture:
        self.sent.append({"topic": topic, "key": key, "value": value, "headers": headers})
        return FakeFuture(self.fail_with)

    def flush(self, timeout: float | None = None) -> None:
        self.flushed += 1

    def close(self, timeout: float | None = None) -> None:
        self.flushed += 1  # kafka-python's close flushes first
        self.closed = True


class RaisingProducer(FakeProducer):
    def send(self, topic: str, *, key: Any, value: bytes, headers: Any) -> FakeFuture:
        msg = "metadata not available"
        raise KafkaTimeoutError(msg)


SETTINGS = Settings(topics=Topics.with_prefix("t."), max_article_bytes=200)


def article(body: str = "Talks resumed in the capital on Monday.") -> ArticleEvent:
    return ArticleEvent.create(source="test", title="Talks", body=body)


def test_publish_sends_event_keyed_by_article_id() -> None:
    producer = FakeProducer()
    publisher = Publisher(SETTINGS, producer)
    event = article()

    publisher.publish(event)

    [record] = producer.sent
    assert record["topic"] == "t.articles"
    assert record["key"] == event.article_id
    assert ArticleEvent.decode(record["value"]) == event
    assert publisher.counts.sent == 1


def test_the_same_article_twice_is_sent_once_and_counted_as_skipped() -> None:
    producer = FakeProducer()
    publisher = Publisher(SETTINGS, producer)

    publisher.publish(article())
    publisher.publish(article())

    assert len(producer.sent) == 1
    assert (publisher.counts.sent, publisher.counts.skipped) == (1, 1)
    assert publisher.has_sent(article().article_id)


@pytest.mark.parametrize(
    ("body", "reason"),
    [(" ", "empty"), ("x" * 201, "over the limit of 200"), ("a\x00b", "NUL")],
)
def test_invalid_event_goes_to_dead_letters_with_reason(body: str, reason: str) -> None:
    producer = FakeProducer()
    publisher = Publisher(SETTINGS, producer)
    event = article(body)

    publisher.publish(event)

    [record] = producer.sent
    headers = dict(record["headers"])
    assert record["topic"] == "t.articles.dlq"
    assert reason in headers[HEADER_REASON].decode()
    assert headers[HEADER_SOURCE] == b"test"
    assert record["value"] == event.encode()
    assert (publisher.counts.sent, publisher.counts.rejected) == (0, 1)


def test_reject_keeps_original_bytes_and_reports_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    producer = FakeProducer()
    publisher = Publisher(SETTINGS, producer)

    publisher.reject(b"\xff{not json", "line 3: not valid JSON", "file:wire.jsonl")

    [record] = producer.sent
    assert record["value"] == b"\xff{not json"
    assert record["key"] is None
    assert dict(record["headers"])[HEADER_REASON] == b"line 3: not valid JSON"
    assert "line 3: not valid JSON" in capsys.readouterr().err
    assert publisher.counts.rejected == 1


def test_failed_delivery_is_counted_and_reported(capsys: pytest.CaptureFixture[str]) -> None:
    publisher = Publisher(SETTINGS, FakeProducer(fail_with=KafkaTimeoutError("no ack")))

    publisher.publish(article())

    assert (publisher.counts.sent, publisher.counts.failed) == (0, 1)
    assert "could not deliver" in capsys.readouterr().err


def test_send_that_raises_is_counted_as_failed() -> None:
    publisher = Publisher(SETTINGS, RaisingProducer())

    publisher.publish(article())

    assert publisher.counts.failed == 1


def test_close_flushes_closes_once_and_prints_summary(capsys: pytest.CaptureFixture[str]) -> None:
    producer = FakeProducer()
    with Publisher(SETTINGS, producer) as publisher:
        publisher.publish(article())
        publisher.publish(article())
    publisher.close()

    assert producer.closed
    assert producer.flushed == 1
    assert "sent 1, skipped 1 repeat(s), rejected 0, failed 0" in capsys.readouterr().err


def test_progress_bar_writes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    publisher = Publisher(SETTINGS, FakeProducer(), progress=True, total=2)

    publisher.publish(article("one"))
    publisher.publish(article("two"))
    publisher.close()

    captured = capsys.readouterr()
    assert "2/2" in captured.err
    assert captured.out == ""


def test_the_repeat_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from producers import publish as publish_module

    monkeypatch.setattr(publish_module, "SEEN_LIMIT", 3)
    publisher = Publisher(SETTINGS, producer=FakeProducer())
    events = [ArticleEvent.create(source="t", body=f"body {n}") for n in range(5)]
    for event in events:
        publisher.publish(event)
    assert not publisher.has_sent(events[0].article_id)
    assert publisher.has_sent(events[4].article_id)
    publisher.publish(events[4])
    assert publisher.counts.skipped == 1


class PendingFuture:
    """A future resolved later by the test, like a batch still in flight."""

    def __init__(self) -> None:
        self.callbacks: list[tuple[Any, tuple[Any, ...]]] = []
        self.errbacks: list[tuple[Any, tuple[Any, ...]]] = []

    def add_callback(self, fn: Any, *args: Any) -> PendingFuture:
        self.callbacks.append((fn, args))
        return self

    def add_errback(self, fn: Any, *args: Any) -> PendingFuture:
        self.errbacks.append((fn, args))
        return self

    def succeed(self) -> None:
        for fn, args in self.callbacks:
            fn(*args, "metadata")

    def fail(self, error: Exception) -> None:
        for fn, args in self.errbacks:
            fn(*args, error)


@dataclass
class SlowProducer(FakeProducer):
    futures: list[PendingFuture] = field(default_factory=list)

    def send(self, topic: str, *, key: Any, value: bytes, headers: Any) -> Any:
        self.sent.append({"topic": topic, "key": key, "value": value, "headers": headers})
        self.futures.append(PendingFuture())
        return self.futures[-1]


def test_a_failed_delivery_is_not_remembered_as_sent() -> None:
    publisher = Publisher(SETTINGS, FakeProducer(fail_with=KafkaTimeoutError("no ack")))
    publisher.publish(article())
    assert not publisher.has_sent(article().article_id)

    producer = FakeProducer()
    publisher._producer = producer  # the broker is back
    publisher.publish(article())
    assert len(producer.sent) == 1 and publisher.counts.skipped == 0
    assert publisher.has_sent(article().article_id)


def test_a_repeat_while_the_first_is_in_flight_is_skipped() -> None:
    producer = SlowProducer()
    publisher = Publisher(SETTINGS, producer)
    outcomes: list[bool] = []
    publisher.publish(article(), done=outcomes.append)
    publisher.publish(article(), done=outcomes.append)
    assert len(producer.sent) == 1 and publisher.counts.skipped == 1
    assert not publisher.has_sent(article().article_id)  # not delivered yet
    producer.futures[0].succeed()
    assert publisher.has_sent(article().article_id)
    assert outcomes == [True, True]


def test_an_in_flight_article_that_fails_can_be_sent_again() -> None:
    producer = SlowProducer()
    publisher = Publisher(SETTINGS, producer)
    outcomes: list[bool] = []
    publisher.publish(article(), done=outcomes.append)
    producer.futures[0].fail(KafkaTimeoutError("no ack"))
    assert outcomes == [False] and not publisher.has_sent(article().article_id)
    publisher.publish(article())
    assert len(producer.sent) == 2 and publisher.counts.skipped == 0
