"""Pipeline health shows the desk's feeds and the articles in languages not analysed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.factories import article
from wirewatch.metrics import ArticleMetrics, Extraction
from wirewatch.store import feeds as feed_store
from wirewatch.store import open_store
from wirewatch.store.feeds import Feed


@pytest.mark.usefixtures("filled")
def test_feeds_and_unanalysed_languages(app: Callable[..., AppTest], store_url: str) -> None:
    now = datetime.now(UTC)
    now_ms = int(now.timestamp() * 1000)
    store = open_store(store_url)
    for n in range(3):
        arabic = article(900 + n, language="ar", published_at=now, ingested_at=now)
        store.save(ArticleMetrics(arabic, Extraction(), now))
    feed_store.add_feeds(store, [Feed("https://wire.example.invalid/rss", "Wire", now_ms),
                                 Feed("https://down.example.invalid/rss", "", now_ms)])  # fmt: skip
    feed_store.record_poll(store, "https://wire.example.invalid/rss", now_ms, 7, None)
    feed_store.record_poll(store, "https://down.example.invalid/rss", now_ms, 0, "HTTP 503")
    store.close()
    at = app("sections/health.py")
    assert any(w.value.startswith("3 articles in Arabic not analysed (analysed: English)")
               for w in at.warning)  # fmt: skip
    (table,) = [f.value for f in at.dataframe if "status" in f.value.columns]
    rows = table.to_dict("records")
    assert [(r["feed"], r["status"], r["items seen"], r["last error"]) for r in rows] == [
        ("https://down.example.invalid/rss", "failing", 0, "HTTP 503"),
        ("Wire", "ok", 7, ""),
    ]
