"""Dashboard aggregates against a temporary SQLite store holding hand-made rows.

The rows come from ``tests.dashboard.sample.scenario`` at BASE = 2025-01-06 12:00 UTC;
every expected figure below is worked out from the docstrings there.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.dashboard.sample import fill
from wirewatch.store import SqlStore, open_store, queries
from wirewatch.store.queries import ArticleFilter
from wirewatch.store.sql import to_ms

BASE = datetime(2025, 1, 6, 12, tzinfo=UTC)
END = to_ms(BASE)
HOUR = 3_600_000
MIN = 60_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(f"sqlite:///{tmp_path / 'q.db'}")
    fill(opened, BASE)
    yield opened
    opened.close()


def test_runs_lists_live_first_with_counts(store: SqlStore) -> None:
    found = queries.runs(store)
    assert [(r["run_id"], r["articles"]) for r in found] == [("live", 4), ("replay-1", 1)]
    assert found[0]["first_ms"] == END - 90 * MIN
    assert found[0]["last_ms"] == END - 10 * MIN


def test_overview_sums_incidents_and_counts_negotiations(store: SqlStore) -> None:
    figures = queries.overview(store, "live", END - HOUR, END)
    assert figures == {
        "articles": 3,
        "sources": 2,
        "articles_per_min": 3 / 60,
        "killed": 12 + 5,
        "wounded": 30,
        "negotiation_events": 2,
    }


def test_overview_of_the_previous_hour_and_of_another_run(store: SqlStore) -> None:
    before = queries.overview(store, "live", END - 2 * HOUR, END - HOUR)
    assert (before["articles"], before["killed"], before["wounded"]) == (1, 2, 0)
    replay = queries.overview(store, "replay-1", END - HOUR, END)
    assert (replay["articles"], replay["killed"], replay["wounded"]) == (1, 0, 3)


def test_empty_window_is_all_zero(store: SqlStore) -> None:
    figures = queries.overview(store, "live", END, END + HOUR)
    assert figures["articles"] == figures["killed"] == figures["negotiation_events"] == 0


def test_timeseries_buckets_in_sql(store: SqlStore) -> None:
    rows = queries.timeseries(store, "live", END - HOUR, END, 30 * MIN)
    got = {(r["bucket_ms"] - END, r["series"]): r["value"] for r in rows}
    assert got == {
        (-60 * MIN, "articles"): 1,
        (-30 * MIN, "articles"): 2,
        (-60 * MIN, "killed"): 12,
        (-30 * MIN, "killed"): 5,
        (-60 * MIN, "wounded"): 30,
        (-30 * MIN, "wounded"): 0,  # every bucket with articles has a (zero) casualty figure
        (-30 * MIN, "negotiations"): 2,
    }


def test_negotiation_timeline_has_parties_and_mediators(store: SqlStore) -> None:
    rows = queries.negotiation_timeline(store, "live", END - HOUR, END)
    assert [r["event"] for r in rows] == ["talks_resumed", "vote_postponed"]
    talks = rows[0]
    assert talks["mediators"] == "Qatar, Egypt"
    assert talks["parties"] == "Israel, Hamas"
    assert talks["event_ms"] == END - 30 * MIN
    assert talks["source"] == "AP"


def test_top_entities_per_category(store: SqlStore) -> None:
    top = queries.top_entities(store, "live", END - HOUR, END)
    assert top["actor"] == [{"name": "Qatar", "mentions": 2}, {"name": "Egypt", "mentions": 1}]
    assert [(r["name"], r["mentions"]) for r in top["location"]] == [
        ("Gaza", 2),
        ("Doha", 1),
        ("Rafah", 1),
    ]
    assert queries.top_entities(store, "live", END - HOUR, END, limit=1)["location"] == [
        {"name": "Gaza", "mentions": 2}
    ]


def test_latest_toll_is_the_newest_cumulative_report(store: SqlStore) -> None:
    now = queries.latest_tolls(store, "live", END)
    assert [(t["place"], t["value"]) for t in now] == [("Gaza", 34050)]
    assert now[0]["event_ms"] == END - 10 * MIN
    earlier = queries.latest_tolls(store, "live", END - 20 * MIN)
    assert [(t["place"], t["value"]) for t in earlier] == [("Gaza", 34000)]
    assert queries.latest_tolls(store, "live", END - HOUR) == []


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        (ArticleFilter(), ["Shelling in Khan Younis", "Ceasefire talks resume in <i>Doha</i>",
                           "Airstrike hits Rafah", "Overnight raid in Jenin"]),
        (ArticleFilter(source="AP"), ["Ceasefire talks resume in <i>Doha</i>",
                                      "Overnight raid in Jenin"]),
        (ArticleFilter(actor="Qatar"), ["Shelling in Khan Younis",
                                        "Ceasefire talks resume in <i>Doha</i>"]),
        (ArticleFilter(location="Jenin"), ["Overnight raid in Jenin"]),
        (ArticleFilter(kind="military:airstrike"), ["Airstrike hits Rafah"]),
        (ArticleFilter(kind="talks_resumed"), ["Ceasefire talks resume in <i>Doha</i>"]),
        (ArticleFilter(text="DEATH TOLL"), ["Shelling in Khan Younis", "Airstrike hits Rafah"]),
        (ArticleFilter(text="100%"), []),
        (ArticleFilter(source="Reuters", actor="Qatar"), ["Shelling in Khan Younis"]),
        (ArticleFilter(start_ms=END - 40 * MIN, end_ms=END - 20 * MIN),
         ["Ceasefire talks resume in <i>Doha</i>"]),
    ],
)  # fmt: skip
def test_recent_articles_filters(
    store: SqlStore, filters: ArticleFilter, titles: list[str]
) -> None:
    assert [a["title"] for a in queries.recent_articles(store, "live", filters)] == titles


def test_recent_articles_limit_and_run(store: SqlStore) -> None:
    assert len(queries.recent_articles(store, "live", limit=2)) == 2
    replay = queries.recent_articles(store, "replay-1")
    assert [a["source"] for a in replay] == ["AFP"]


def test_filter_options(store: SqlStore) -> None:
    options = queries.filter_options(store, "live")
    assert options["sources"] == ["AP", "Reuters"]
    assert options["actors"] == ["Egypt", "Qatar"]
    assert options["locations"] == ["Doha", "Gaza", "Jenin", "Rafah"]
    assert options["kinds"] == [
        "killed", "military:airstrike", "military:shelling", "talks_resumed",
        "vote_postponed", "wounded",
    ]  # fmt: skip


def test_article_metrics_keep_order_and_evidence(store: SqlStore) -> None:
    article_id = queries.recent_articles(store, "live", ArticleFilter(text="Rafah"))[0][
        "article_id"
    ]
    metrics = queries.article_metrics(store, "live", article_id)
    assert [m["kind"] for m in metrics] == [
        "killed", "wounded", "killed", "military:airstrike", "location:Gaza", "location:Rafah",
    ]  # fmt: skip
    first = metrics[0]
    assert (first["value"], first["scope"], first["place"]) == (12, "incident", "Rafah")
    assert first["sentence"].startswith("At least 12 people were killed")


def test_drilldown_behind_a_bucket(store: SqlStore) -> None:
    rows = queries.drilldown(
        store, "live", END - HOUR, END - 30 * MIN, family="casualty", kind="killed",
        scope="incident",
    )  # fmt: skip
    assert [(r["value"], r["place"], r["title"]) for r in rows] == [
        (12, "Rafah", "Airstrike hits Rafah")
    ]
    sentence = rows[0]["sentence"]
    phrase = sentence[rows[0]["match_start"] - rows[0]["sent_start"] :][:21]
    assert phrase == "12 people were killed"


def test_drilldown_by_place_and_entity(store: SqlStore) -> None:
    tolls = queries.drilldown(store, "live", 0, END, scope="cumulative", place="Gaza")
    assert [r["value"] for r in tolls] == [34050, 34000]
    qatar = queries.drilldown(store, "live", END - HOUR, END, kind="actor:Qatar")
    assert len(qatar) == 2


def test_dead_letter_summary(store: SqlStore) -> None:
    from wirewatch.store import DeadLetter

    assert queries.dead_letter_summary(store) == {"total": 0, "last_ms": None, "latest": []}
    for offset in range(3):
        letter = DeadLetter("articles", 1, offset, f"bad {offset}", b"x", BASE)
        store.save_dead_letter(letter)
    summary = queries.dead_letter_summary(store, limit=2)
    assert summary["total"] == 3
    assert summary["last_ms"] == END
    assert [d["offset"] for d in summary["latest"]] == [0, 1]
    assert summary["latest"][0]["reason"] == "bad 0"


def test_processing_rate_per_minute(store: SqlStore) -> None:
    # processed_ms is event time + 1 s: -90, -50, -30, -20 (replay), -10 minutes
    stats = queries.processing(store, END - HOUR, END)
    assert [r["minute_ms"] - END for r in stats["per_minute"]] == [
        -50 * MIN, -30 * MIN, -20 * MIN, -10 * MIN,
    ]  # fmt: skip
    assert stats["processed"] == 4
    assert stats["rate"] == 4 / 60
    assert stats["total"] == 5
    assert stats["last_processed_ms"] == END - 10 * MIN + 1000


def test_headline_people_count_each_incident_once(store: SqlStore) -> None:
    """A subset ("including 5 children") and a restated figure add nothing to the headline."""
    from wirewatch.events import ArticleEvent
    from wirewatch.metrics import ArticleMetrics, Casualty, Evidence, Extraction, Summary

    text = "A strike killed 12 people, including 5 children. The 12 dead were buried."
    ev = Evidence(text, 0, len(text), 9, 15)
    mentions = (
        Casualty("killed", 12, 12, 12, False, "incident", ev),
        Casualty("killed", 5, 5, 5, False, "incident", ev, who="children"),
        Casualty("killed", 12, 12, 12, False, "incident", ev),
    )
    moment = datetime.fromtimestamp((END - 5 * MIN) / 1000, UTC)
    event = ArticleEvent.create(source="x", body=text, published_at=moment, ingested_at=moment)
    extraction = Extraction(casualties=mentions, summary=Summary(killed=12))
    before = queries.overview(store, "live", END - HOUR, END)["killed"]
    assert store.save(ArticleMetrics(event, extraction, moment))
    assert queries.overview(store, "live", END - HOUR, END)["killed"] == before + 12
