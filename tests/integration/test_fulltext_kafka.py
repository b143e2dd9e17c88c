"""Full text through the real broker: pages published as full text, failures dead-lettered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from producers.feeds import FeedPoller, FeedState, poll_all
from producers.fulltext import FullText
from producers.publish import Publisher
from tests.integration.test_producers_kafka import consume
from tests.unit.test_producers_fulltext import Site, fetcher, site  # noqa: F401 (fixture)
from wirewatch.events import ArticleEvent
from wirewatch.kafka import HEADER_REASON
from wirewatch.settings import Settings


def test_feed_full_text_to_kafka(
    kafka_settings: Settings,
    consumer_factory: Any,
    site: Site,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    location = f"{site.base}/feed.xml"
    with Publisher(kafka_settings) as publisher:
        poller = FeedPoller(location, publisher, FeedState.for_feed(tmp_path, location),
                            pages=fetcher(), full_text=FullText(fetcher()))  # fmt: skip
        poll_all([poller], publisher.flush)
    assert publisher.counts.sent == 6 and publisher.counts.rejected == 5

    events = [ArticleEvent.decode(r.value)
              for r in consume(consumer_factory, kafka_settings.topics.articles, 6)]  # fmt: skip
    by_name = {str(e.url).rsplit("/", 1)[1]: e for e in events}
    assert by_name["article"].text_source == "full"
    assert "wounding 37 others" in by_name["article"].body
    assert {n for n, e in by_name.items() if e.text_source == "summary"} == {
        "paywall", "slow", "huge", "loop", "limited"}  # fmt: skip

    letters = consume(consumer_factory, kafka_settings.topics.dead_letters, 5)
    reasons = {json.loads(r.value)["id"]: dict(r.headers)[HEADER_REASON].decode() for r in letters}
    assert "a paywall or a stub" in reasons["paywall"]
    assert "HTTP 429" in reasons["limited"] and "redirect loop" in reasons["loop"]
