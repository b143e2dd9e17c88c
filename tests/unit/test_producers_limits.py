"""Bounds at the border: field limits of an event, the live run refused for replays, exit status."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from kafka.errors import KafkaTimeoutError

from producers import produce_cli
from producers.publish import Publisher
from producers.replay_cli import replay_run
from tests.unit.test_producers_cli import parse, producers  # noqa: F401  # the fixture
from tests.unit.test_producers_publish import FakeProducer
from wirewatch.cli import main
from wirewatch.errors import ConfigError, SchemaError
from wirewatch.events import FIELD_LIMITS, MAX_EVENT_BYTES, ArticleEvent, OversizeError

BIG_BODY = 2 * MAX_EVENT_BYTES


def event(**fields: str) -> ArticleEvent:
    return replace(ArticleEvent.create(source="s", title="t", body="A calm day."), **fields)


@pytest.mark.parametrize("name", sorted(FIELD_LIMITS))
def test_every_field_has_a_limit_checked_by_validate(name: str) -> None:
    limit = FIELD_LIMITS[name]
    event(**{name: "a" * limit}).validate(1000)  # at the limit: fine

    with pytest.raises(OversizeError, match=f"{name} is {limit + 1} bytes, over the limit"):
        event(**{name: "a" * (limit + 1)}).validate(1000)


def test_the_limit_counts_utf8_bytes_not_characters() -> None:
    title = "\u00e9" * (FIELD_LIMITS["title"] // 2 + 1)  # 2 bytes each
    with pytest.raises(OversizeError, match="title is"):
        event(title=title).validate(1000)


def test_an_event_whose_encoding_outgrows_the_broker_limit_is_refused() -> None:
    """Control characters take six bytes each in JSON: the body limit alone is not enough."""
    body = "ok " + "\x01" * (MAX_EVENT_BYTES // 5)
    with pytest.raises(OversizeError, match="encoded event is"):
        event(body=body).validate(BIG_BODY)


def test_the_body_limit_is_a_size_error_too() -> None:
    with pytest.raises(OversizeError):
        event(body="x" * 101).validate(100)
    with pytest.raises(SchemaError):
        event(language="\ud800").validate(100)


@pytest.mark.parametrize("run_id", ["live", "LIVE", "Live"])
def test_a_replay_into_the_live_run_is_refused(run_id: str) -> None:
    with pytest.raises(ConfigError, match="is the live run"):
        replay_run(run_id)
    assert replay_run("replay-1") == "replay-1"


def test_replay_run_id_live_exits_2_with_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["replay", "rec.jsonl.gz", "--run-id", "live"])

    assert ended.value.code == 2
    assert "is the live run: a replay never writes into it" in capsys.readouterr().err


def test_sigterm_with_undelivered_articles_exits_1(
    producers: list[FakeProducer],  # noqa: F811
) -> None:
    def failing(publisher: Publisher, stop: threading.Event) -> int:
        producers[0].fail_with = KafkaTimeoutError("expired")
        publisher.publish(ArticleEvent.create(source="s", title="t", body="Lost on the way."))
        raise KeyboardInterrupt  # what SIGTERM raises

    assert produce_cli.run(parse("synthetic"), failing) == 1
    assert producers[0].closed
