"""The desk's feed list: OPML, the store tables, the command, a running watch following it."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from producers.feedlist import ListedFeeds, check_location, parse_opml, to_opml, watch_list
from producers.feeds import FeedPoller, FeedState
from producers.testing import MemorySink
from wirewatch import cli
from wirewatch.errors import ConfigError
from wirewatch.store import SqlStore, open_store
from wirewatch.store import feeds as feed_store
from wirewatch.store.feeds import HOUR_MS, Feed, FeedHealth

DATA = Path(__file__).resolve().parents[1] / "data" / "producers"


@pytest.fixture
def db(tmp_path: Path) -> SqlStore:
    return open_store(f"sqlite:///{tmp_path / 'm.db'}")


def test_opml_outlines_nested_and_deduplicated() -> None:
    found = parse_opml((DATA / "desk.opml").read_bytes(), added_ms=5)
    assert found == [
        Feed("https://frontier.example.invalid/rss", "Frontier wire", 5),
        Feed("https://valley.example.invalid/feed.atom", "Valley radio", 5),
    ]
    assert parse_opml(to_opml(found)) == [Feed(f.url, f.title) for f in found]


@pytest.mark.parametrize(("text", "reason"), [("<opml><body>", "not an OPML file"),
                                              ("<rss/>", "root element is <rss>")])  # fmt: skip
def test_bad_opml(text: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason):
        parse_opml(text)


def test_a_feed_is_a_url_or_an_existing_file(tmp_path: Path) -> None:
    assert check_location("https://a.example/rss") == "https://a.example/rss"
    assert check_location(str(DATA / "feed.rss")) == str((DATA / "feed.rss").resolve())
    with pytest.raises(ConfigError, match="http"):
        check_location(str(tmp_path / "missing.rss"))


def test_store_add_remove_and_health(db: SqlStore) -> None:
    feed_store.add_feeds(db, [Feed("u1", "One", 1), Feed("u2", "", 1)])
    feed_store.add_feeds(db, [Feed("u1", "Renamed", 2)])
    assert [(f.url, f.title) for f in feed_store.list_feeds(db)] == [("u1", "Renamed"), ("u2", "")]
    feed_store.record_poll(db, "u1", 0, 4, None)
    feed_store.record_poll(db, "u1", HOUR_MS, 2, None)
    feed_store.record_poll(db, "u1", 2 * HOUR_MS, 0, "cannot read u1: gone")
    one, two = feed_store.feed_health(db)
    assert (one.items_seen, one.last_success_ms, one.last_error, one.status) == (
        6, HOUR_MS, "cannot read u1: gone", "failing")  # fmt: skip
    assert one.items_per_hour(2 * HOUR_MS) == 3.0
    assert (two.status, two.items_seen, two.items_per_hour(HOUR_MS)) == ("not polled", 0, None)
    feed_store.record_poll(db, "u1", 3 * HOUR_MS, 1, None)
    assert feed_store.feed_health(db)[0].status == "ok"
    assert feed_store.remove_feed(db, "u1") and not feed_store.remove_feed(db, "u1")
    assert [f.url for f in feed_store.feed_health(db)] == ["u2"]


def test_items_per_hour_waits_for_an_hour_of_polling() -> None:
    row = FeedHealth("u", "", 10, None, None, 3, 0, 10)
    assert row.items_per_hour(HOUR_MS - 1) is None and row.items_per_hour(2 * HOUR_MS) == 1.5


def wait_for(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_running_watch_follows_the_list_without_a_restart(db: SqlStore, tmp_path: Path) -> None:
    rss, atom = tmp_path / "a.rss", tmp_path / "b.atom"
    shutil.copy(DATA / "feed.rss", rss)
    shutil.copy(DATA / "feed.atom", atom)
    sink = MemorySink()

    def make(url: str) -> FeedPoller:
        return FeedPoller(url, sink, FeedState.for_feed(tmp_path / "state", url))

    feed_store.add_feeds(db, [Feed(str(rss))])
    stop = threading.Event()
    watcher = threading.Thread(target=watch_list,
                               args=(ListedFeeds(db, make), sink.flush, 0.05, stop))  # fmt: skip
    watcher.start()
    try:
        wait_for(lambda: len(sink.events) == 2)  # the RSS feed's two good entries
        feed_store.add_feeds(db, [Feed(str(atom))])  # as `wirewatch feeds add` would
        wait_for(lambda: any(e.source == "feed:b.atom" for e in sink.events))
        feed_store.remove_feed(db, str(rss))
        rss.unlink()  # were it still polled, its health would show the error
        time.sleep(0.3)
    finally:
        stop.set()
        watcher.join(10)
    assert [f.url for f in feed_store.feed_health(db)] == [str(atom)]
    (health,) = feed_store.feed_health(db)
    assert health.status == "ok" and health.items_seen == 1
    assert sum(e.source == "feed:a.rss" for e in sink.events) == 2  # each entry once


def test_health_records_a_failing_feed(db: SqlStore, tmp_path: Path) -> None:
    gone = tmp_path / "gone.rss"
    feed_store.add_feeds(db, [Feed(str(gone))])
    sink = MemorySink()
    listed = ListedFeeds(db, lambda url: FeedPoller(url, sink, FeedState.for_feed(tmp_path, url)))
    assert listed.poll(sink.flush) == 1
    (health,) = feed_store.feed_health(db)
    assert health.status == "failing" and "neither an http(s) URL nor a file" in str(
        health.last_error
    )


def test_the_feeds_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIREWATCH_STORE_URL", f"sqlite:///{tmp_path / 'cmd.db'}")
    assert cli.main(["feeds", "import", str(DATA / "desk.opml")]) == 0
    assert cli.main(["feeds", "add", "https://third.example.invalid/rss", "--title", "Third"]) == 0
    assert cli.main(["feeds", "remove", "https://valley.example.invalid/feed.atom"]) == 0
    assert cli.main(["feeds", "remove", "https://nowhere.example.invalid/"]) == 2
    assert cli.main(["feeds", "add", str(tmp_path / "missing.rss")]) == 2
    capsys.readouterr()
    assert cli.main(["feeds", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:3] for line in listed] == [
        ["https://frontier.example.invalid/rss", "Frontier wire", "not polled"],
        ["https://third.example.invalid/rss", "Third", "not polled"],
    ]
    out = tmp_path / "out.opml"
    assert cli.main(["feeds", "export", "--out", str(out)]) == 0
    assert [f.url for f in parse_opml(out.read_text())] == [
        "https://frontier.example.invalid/rss", "https://third.example.invalid/rss"]  # fmt: skip


def test_produce_feed_without_urls_polls_the_list_once(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from producers import produce_cli as producers_cli

    url = f"sqlite:///{tmp_path / 'p.db'}"
    sink = MemorySink()
    publisher = SimpleNamespace(settings=SimpleNamespace(store_url=url), flush=sink.flush)
    args = SimpleNamespace(follow=False, interval=None)

    def make(where: str) -> FeedPoller:
        return FeedPoller(where, sink, FeedState.for_feed(tmp_path, where))

    with pytest.raises(ConfigError, match="the feed list is empty"):
        producers_cli._watch_list(publisher, make, args, threading.Event())  # type: ignore[arg-type]
    store = open_store(url)
    feed_store.add_feeds(store, [Feed(str(DATA / "feed.rss"))])
    store.close()
    assert producers_cli._watch_list(publisher, make, args, threading.Event()) == 0  # type: ignore[arg-type]
    assert len(sink.events) == 2 and len(sink.rejections) == 1
