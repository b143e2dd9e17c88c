"""Publisher: keys, repeats, validation, dead letters and delivery counts, on a fake producer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from kafka.errors import KafkaTimeoutError, MessageSizeTooLargeError

from producers.publish import (
    MAX_LETTER_BYTES,
    MAX_REASON_CHARS,
    Delivery,
    Publisher,
    bound_letter,
)
from wirewatch.events import FIELD_LIMITS, ArticleEvent
from wirewatch.kafka import HEADER_REASON, HEADER_SOURCE
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


def test_a_huge_dead_letter_is_cut_with_a_marker_and_the_reason_says_so() -> None:
    raw, reason = bound_letter(b"x" * 1_000_000, "not valid JSON", limit=1000)

    assert raw.startswith(b"x" * 1000)
    assert raw.endswith(b"[wirewatch: truncated, the original was 1000000 bytes]")
    assert len(raw) < 1100
    assert reason == "not valid JSON (the dead letter keeps the first 1000 of 1000000 bytes)"
    assert bound_letter(b"small", "why") == (b"small", "why")
    assert len(bound_letter(b"", "r" * 50_000)[1]) == MAX_REASON_CHARS


def test_every_dead_letter_sent_is_bounded() -> None:
    producer = FakeProducer()
    publisher = Publisher(SETTINGS, producer)

    publisher.reject(b"y" * (MAX_LETTER_BYTES * 3), "line 1: too big", "s" * 10_000)

    [letter] = producer.sent
    assert len(letter["value"]) < MAX_LETTER_BYTES + 100
    headers = dict(letter["headers"])
    assert b"keeps the first" in headers[HEADER_REASON]
    assert len(headers[HEADER_SOURCE]) <= FIELD_LIMITS["source"] * 4


def test_an_event_with_a_lone_surrogate_is_dead_lettered_not_raised() -> None:
    producer = FakeProducer()
    publisher = Publisher(SETTINGS, producer)

    publisher.publish(article(body="broken \ud800 text"))

    [letter] = producer.sent
    assert letter["topic"] == "t.articles.dlq"
    assert b"\\ud800" in letter["value"]  # escaped, so the letter is valid UTF-8
    assert b"surrogate" in dict(letter["headers"])[HEADER_REASON]


def test_delivery_waits_for_every_answer_and_is_true_only_when_all_were_delivered() -> None:
    every = Delivery(2)
    every.done(True)
    every.done(True)
    some = Delivery(2)
    some.done(True)
    some.done(False)

    assert every.wait(0)
    assert not some.wait(0)
    assert not Delivery(1).wait(0)  # no answer at all
    assert Delivery(0).wait(0)


def test_a_failed_delivery_renews_the_producer_before_the_next_send() -> None:
    made = [FakeProducer(fail_with=MessageSizeTooLargeError()), FakeProducer()]
    factory = iter(made).__next__
    publisher = Publisher(SETTINGS, factory(), factory=factory)
    publisher.reachable = lambda: True  # type: ignore[method-assign]

    publisher.publish(article("The first one is refused by the broker."))
    publisher.publish(article("The next one goes out on a fresh producer."))

    assert [len(p.sent) for p in made] == [1, 1]
    assert (publisher.counts.sent, publisher.counts.failed) == (1, 1)
    publisher.close()
    assert all(p.closed for p in made)


def test_no_renewal_while_the_broker_is_unreachable() -> None:
    broken = FakeProducer(fail_with=KafkaTimeoutError())
    publisher = Publisher(SETTINGS, broken, factory=FakeProducer)
    publisher.reachable = lambda: False  # type: ignore[method-assign]

    publisher.publish(article("one"))
    publisher.publish(article("two"))

    assert len(broken.sent) == 2
    assert publisher.counts.failed == 2


def test_an_article_without_an_answer_by_close_counts_as_not_delivered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    publisher = Publisher(SETTINGS, SlowProducer())  # never answered
    publisher.publish(article("Nobody answers this one."))
    publisher.reject(b"{", "bad", "test")  # a dead letter is not an article

    publisher.close()

    err = capsys.readouterr().err
    assert publisher.counts.failed == 1
    assert "1 article(s) had no answer from the broker" in err
    assert "NOT DELIVERED: 1 article(s)" in err


def test_health_reports_the_last_failure_until_a_delivery_succeeds() -> None:
    producer = FakeProducer(fail_with=KafkaTimeoutError("expired"))
    publisher = Publisher(SETTINGS, producer)
    publisher.reachable = lambda: True  # type: ignore[method-assign]

    publisher.publish(article("one"))
    ok, reason = publisher.health()
    assert not ok and "expired" in reason

    producer.fail_with = None
    publisher.publish(article("two"))
    assert publisher.health() == (True, "ok")
    publisher.reachable = lambda: False  # type: ignore[method-assign]
    assert not publisher.health()[0]
