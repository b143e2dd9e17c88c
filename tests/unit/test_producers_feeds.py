"""Feeds: entry mapping, HTML stripping, state kept across restarts, bad feeds."""

from __future__ import annotations

import http.client
import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from producers import feeds
from producers.feeds import FeedPoller, FeedState, poll_all, read_location, watch
from producers.markup import html_to_text
from producers.testing import MemorySink
from wirewatch.errors import ConfigError

DATA = Path(__file__).resolve().parents[1] / "data" / "producers"
RSS = str(DATA / "feed.rss")
ATOM = str(DATA / "feed.atom")

EXTRA_ITEM = b"""    <item>
      <title>Road to the valley cleared</title>
      <guid>frontier-004</guid>
      <description>Engineers cleared the road overnight.</description>
    </item>
  </channel>"""


def poller(location: str, state_dir: Path, sink: MemorySink, **kw: Any) -> FeedPoller:
    return FeedPoller(location, sink, FeedState.for_feed(state_dir, location), **kw)


def test_rss_entries_become_articles_with_text_bodies(tmp_path: Path) -> None:
    sink = MemorySink()

    poller(RSS, tmp_path, sink).poll()

    first, second = sink.events
    assert first.title == "Aid flights resume to <fictional> airstrip"
    assert first.body == (
        "Relief flights resumed on Tuesday & crews unloaded 40 tonnes of supplies.\n\n"
        "More flights are planned."
    )
    assert first.url == "https://frontier.example.invalid/aid-flights"
    assert first.published_at == datetime(2024, 3, 5, 7, 15, tzinfo=UTC)
    assert first.language == "en"
    assert first.source == "feed:feed.rss"
    assert second.body == "Ministers agreed to reconvene after a day of talks."


def test_entry_without_summary_or_content_is_rejected(tmp_path: Path) -> None:
    sink = MemorySink()

    poller(RSS, tmp_path, sink).poll()

    [rejection] = sink.rejections
    assert rejection.reason == "entry frontier-003: feed entry has neither content nor a summary"
    assert json.loads(rejection.raw)["title"] == "Headline only"


def test_atom_content_is_preferred_over_summary(tmp_path: Path) -> None:
    sink = MemorySink()

    poller(ATOM, tmp_path, sink, source="gazette").poll()

    [event] = sink.events
    assert event.body == (
        "Works finished\n\nThe main harbour crane is working again after three weeks of repairs."
    )
    assert event.source == "gazette"


def test_state_remembers_entries_across_restarts(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_bytes(Path(RSS).read_bytes())
    first = MemorySink()
    poll_all([poller(str(feed), tmp_path, first)], first.flush)

    again = MemorySink()
    poll_all([poller(str(feed), tmp_path, again)], again.flush)
    feed.write_bytes(feed.read_bytes().replace(b"  </channel>", EXTRA_ITEM))
    poll_all([poller(str(feed), tmp_path, again)], again.flush)

    assert len(first.events) == 2
    assert [event.title for event in again.events] == ["Road to the valley cleared"]
    assert again.rejections == []
    saved = json.loads(FeedState.for_feed(tmp_path, str(feed)).path.read_text())
    assert saved["seen"] == [f"frontier-00{n}" for n in range(1, 5)]
    assert FeedState.for_feed(tmp_path, str(feed)).path.parent == tmp_path / "feeds"


def test_state_is_not_saved_before_the_flush(tmp_path: Path) -> None:
    sink = MemorySink()
    feed = poller(RSS, tmp_path, sink)
    seen_at_flush: list[bool] = []

    poll_all([feed], lambda: seen_at_flush.append(feed.state.path.exists()))

    assert seen_at_flush == [False]
    assert feed.state.path.exists()


def test_a_feed_that_cannot_be_parsed_is_dead_lettered(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"<html><body>not a <feed")
    sink = MemorySink()

    poller(str(junk), tmp_path, sink).poll()

    [rejection] = sink.rejections
    assert rejection.reason.startswith("not an RSS or Atom feed")
    assert rejection.raw == junk.read_bytes()


def test_an_unreachable_feed_is_counted_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(location: str) -> bytes:
        msg = "connection refused"
        raise ConnectionRefusedError(msg)

    feed = poller("https://feeds.example.invalid/rss", tmp_path, MemorySink(), fetch=refuse)

    assert feed.poll() == 0
    assert feed.errors == 1
    assert "cannot read https://feeds.example.invalid/rss" in capsys.readouterr().err
    assert feed.source == "feed:feeds.example.invalid"


def test_a_location_that_is_neither_url_nor_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="neither an http"):
        read_location(str(tmp_path / "missing.rss"))


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One &amp; two</p><p>Three&nbsp;four</p>", "One & two\n\nThree four"),
        ("Line<br>break<br/>again", "Line\nbreak\nagain"),
        ("<script>var x = 1;</script><style>p {}</style>Shown", "Shown"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("Double &amp;quot;escaped&amp;quot;", 'Double "escaped"'),
        ("  spaced \t  out  ", "spaced out"),
        ("&#8220;curly&#8221; &lt;tag&gt;", "\u201ccurly\u201d <tag>"),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


class Undeliverable(MemorySink):
    """Takes events but reports every delivery as failed."""

    def publish(self, event: Any, done: Any = None) -> None:
        super().publish(event)
        if done is not None:
            done(False)


def test_entries_are_remembered_only_once_delivered(tmp_path: Path) -> None:
    failing = Undeliverable()
    poll_all([poller(RSS, tmp_path, failing)], failing.flush)
    assert len(failing.events) == 2
    seen = json.loads(FeedState.for_feed(tmp_path, RSS).path.read_text())["seen"]
    assert seen == ["frontier-003"]  # only the dead-lettered entry (it has no body)

    delivered = MemorySink()
    poll_all([poller(RSS, tmp_path, delivered)], delivered.flush)
    assert len(delivered.events) == 2  # sent again: the first attempt never arrived
    seen = json.loads(FeedState.for_feed(tmp_path, RSS).path.read_text())["seen"]
    assert sorted(seen) == ["frontier-001", "frontier-002", "frontier-003"]


@pytest.mark.parametrize(
    "error",
    [http.client.IncompleteRead(b"<rss"), http.client.InvalidURL("nonnumeric port: 'x'"),
     ConfigError("feed is neither an http(s) URL nor a file: gone.rss"), ValueError("bad url")],
)  # fmt: skip
def test_a_failing_fetch_is_reported_and_the_watch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], error: Exception
) -> None:
    stop = threading.Event()
    calls: list[int] = []

    def fetch(location: str) -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise error
        stop.set()
        return Path(RSS).read_bytes()

    sink = MemorySink()
    feed = poller(RSS, tmp_path, sink, fetch=fetch)
    watch([feed], sink.flush, 0.0, stop)
    assert feed.errors == 1
    assert len(sink.events) == 2
    assert f"cannot read {RSS}" in capsys.readouterr().err


def test_an_unexpected_poll_failure_does_not_end_the_watch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop = threading.Event()
    sink = MemorySink()
    broken = poller(RSS, tmp_path, sink)
    broken.poll = lambda: 1 // 0  # type: ignore[method-assign]
    calls: list[int] = []

    def fetch(location: str) -> bytes:
        calls.append(1)
        if len(calls) == 2:
            stop.set()
        return Path(ATOM).read_bytes()

    healthy = poller(ATOM, tmp_path, sink, fetch=fetch)
    watch([broken, healthy], sink.flush, 0.0, stop)
    assert len(calls) == 2 and broken.errors == 2
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_feed_state_is_bounded_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_REMEMBERED", 10)
    state = FeedState(tmp_path / "s.json")
    for n in range(25):
        state.add(f"k{n}")
    assert len(state) == 10
    assert "k24" in state and "k14" not in state
