"""The feed list, feed health and the not-analysed count on SQLite and a real PostgreSQL."""

from __future__ import annotations

from tests.integration.test_store_backends import backend  # noqa: F401 (fixture)
from tests.support.factories import WHEN, article
from wirewatch.metrics import ArticleMetrics, Extraction
from wirewatch.store import SqlStore
from wirewatch.store import feeds as feed_store
from wirewatch.store.feeds import HOUR_MS, Feed
from wirewatch.store.languages import unanalysed_by_language


def test_feeds_and_languages_on_every_backend(backend: SqlStore) -> None:  # noqa: F811
    with backend.transaction() as cur:
        for table in ("feeds", "feed_health"):
            cur.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed table names
    feed_store.add_feeds(backend, [Feed("u1", "One", 1), Feed("u2", "Two", 1)])
    feed_store.add_feeds(backend, [Feed("u1", "Uno", 2)])
    feed_store.record_poll(backend, "u1", 0, 3, None)
    feed_store.record_poll(backend, "u1", HOUR_MS, 5, None)
    feed_store.record_poll(backend, "u2", HOUR_MS, 0, "HTTP 503 from u2")
    one, two = feed_store.feed_health(backend)
    assert (one.title, one.items_seen, one.status, one.last_success_ms) == ("Uno", 8, "ok", HOUR_MS)
    assert (two.status, two.last_error) == ("failing", "HTTP 503 from u2")
    assert feed_store.feed_silence(backend, "u1", 2 * HOUR_MS) == 3600.0
    assert feed_store.feed_silence(backend, None, 2 * HOUR_MS) == 3600.0
    assert feed_store.remove_feed(backend, "u2")
    assert [f.url for f in feed_store.list_feeds(backend)] == ["u1"]

    for n, language in enumerate(["ar", "ar", "en", "fr"]):
        backend.save(ArticleMetrics(article(700 + n, language=language), Extraction(), WHEN))
    assert unanalysed_by_language(backend, "live") == [("ar", 2), ("fr", 1)]
