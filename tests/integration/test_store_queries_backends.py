"""The store's named queries (articles, dead letters, alerts) on SQLite and a real PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from consumers.alerts.rules import AlertRule
from consumers.alerts.state import RuleState, Transition
from consumers.alerts.window import Observation
from tests.integration.test_store_backends import backend  # noqa: F401 (fixture)
from tests.support.factories import WHEN, metrics
from tests.support.sql import query
from wirewatch.events import now
from wirewatch.metrics import ArticleMetrics, Provenance
from wirewatch.store import DeadLetter, SqlStore
from wirewatch.store import alerts as alert_store
from wirewatch.store import articles as article_store
from wirewatch.store.dead_letters import dead_letters_since
from wirewatch.store.values import to_ms

_ALERT_TABLES = ("alert_rules", "alert_state", "alert_events", "alert_observations",
                 "alert_outbox")  # fmt: skip
HOUR_MS = 3_600_000
PROCESSED = WHEN + timedelta(days=1)


def _clear(store: SqlStore, tables: tuple[str, ...]) -> None:
    with store.transaction() as cur:
        for table in tables:
            cur.execute(f"DELETE FROM {table}")  # noqa: S608  # fixed table names


def _stored(n: int, run_id: str = "live", hours: int = 0) -> ArticleMetrics:
    m = metrics(n, published_at=WHEN + timedelta(hours=hours))
    article = m.article.with_run(run_id) if run_id != "live" else m.article
    return ArticleMetrics(article, m.extraction, PROCESSED, Provenance("articles", n % 2, n))


def test_literal_question_marks_and_percent_signs_mean_the_same_everywhere(
    backend: SqlStore,  # noqa: F811
) -> None:
    backend.save(_stored(1))
    assert query(backend, "SELECT '100%?', COUNT(*) FROM articles") == [("100%?", 1)]
    sql = "SELECT 'why?', COUNT(*) FROM articles WHERE title LIKE 'Rep%' AND run_id = ?"
    assert query(backend, sql, ("live",)) == [("why?", 1)]


def test_article_queries(backend: SqlStore) -> None:  # noqa: F811
    for n, (run, hours) in enumerate([("live", 0), ("live", 1), ("live", 1), ("replay", 0)]):
        assert backend.save(_stored(n, run, hours))
    assert article_store.run_ids(backend) == ["live", "replay"]
    assert article_store.stored_provenance(backend, "live", _stored(1).article.article_id) == (
        "articles[1]@1"
    )
    assert article_store.stored_provenance(backend, "live", "missing") is None
    start = to_ms(WHEN)
    assert article_store.latest_event_ms(backend, "live") == start + HOUR_MS
    assert article_store.latest_event_ms(backend, "nobody") is None
    assert article_store.latest_processed_ms(backend, "live") == to_ms(PROCESSED)
    assert article_store.processed_since(backend, "live", to_ms(PROCESSED)) == 3
    assert article_store.processed_since(backend, "live", to_ms(PROCESSED) + 1) == 0
    live, replay = article_store.run_totals(backend)
    assert live == ("live", 3, 9, 0, 3, start, start + HOUR_MS)
    assert replay[:2] == ("replay", 1)
    hour = start // HOUR_MS * HOUR_MS
    hourly = sorted(tuple(r) for r in article_store.hourly_totals(backend, ("live", "replay")))
    assert [r[:3] for r in hourly] == [
        ("live", hour, 1), ("live", hour + HOUR_MS, 2), ("replay", hour, 1),
    ]  # fmt: skip
    totals = article_store.metric_totals(backend, "live")
    assert totals[("casualty", "killed")] == (3, 9)
    assert sum(n for n, _ in totals.values()) == backend.count("metrics", run_id="live")
    assert article_store.processing_delays_ms(backend) == [to_ms(PROCESSED) - to_ms(WHEN)] * 4
    firsts = dict(article_store.first_processed_by_provenance(backend, 0))
    assert set(firsts) == {"articles[0]@0", "articles[1]@1", "articles[0]@2", "articles[1]@3"}


def test_dead_letters_are_counted_from_a_time(backend: SqlStore) -> None:  # noqa: F811
    for offset in range(3):
        failed = WHEN + timedelta(minutes=offset)
        backend.save_dead_letter(DeadLetter("articles", 0, offset, "bad %s ?", b"x", failed))
    assert dead_letters_since(backend, to_ms(WHEN) + 60_000) == 2
    assert [r for (r,) in query(backend, "SELECT DISTINCT reason FROM dead_letters")] == [
        "bad %s ?"
    ]


def _transition(kind: str, minutes: int) -> Transition:
    return Transition("deaths", "Deaths 50% up?", kind, WHEN + timedelta(minutes=minutes), 12.0,
                      10.0, "critical", True)  # fmt: skip


def test_alert_rules_state_and_history(backend: SqlStore) -> None:  # noqa: F811
    _clear(backend, _ALERT_TABLES)
    rule = AlertRule("deaths", "Deaths 50% up?", "killed", 10.0)
    alert_store.save_rule(backend, rule)
    alert_store.save_rule(backend, AlertRule("quiet", "Quiet", "killed", 99.0))
    assert alert_store.load_rule(backend, "deaths") == rule
    assert [r.id for r in alert_store.load_rules(backend)] == ["deaths", "quiet"]
    obs = Observation("live", "a1", WHEN, "wire", killed=12)
    firing = RuleState("deaths", "firing", WHEN, 12.0)
    alert_store.save_batch(backend, "live", [obs], [firing], [_transition("firing", 0)])
    alert_store.save_batch(backend, "live", [obs], [firing], [_transition("firing", 0)])
    assert alert_store.observation_known(backend, obs)
    assert alert_store.load_observations(backend, "live", WHEN) == [obs]
    assert alert_store.latest_observation(backend, "live") == WHEN
    assert alert_store.latest_observation(backend, "live", WHEN - timedelta(seconds=1)) is None
    assert alert_store.load_states(backend, "live") == {"deaths": firing}
    assert [(r.id, s.value) for r, s in alert_store.firing(backend)] == [("deaths", 12.0)]
    assert [t.kind for t in alert_store.history(backend, "deaths")] == ["firing"]
    assert alert_store.history(backend, run_id="replay") == []
    alert_store.delete_rule(backend, "deaths")
    assert alert_store.load_rule(backend, "deaths") is None
    assert alert_store.load_states(backend, "live") == {}
    assert len(alert_store.history(backend)) == 1  # history stays


def test_the_outbox_delivers_retries_and_expires(backend: SqlStore) -> None:  # noqa: F811
    _clear(backend, _ALERT_TABLES)
    fired, resolved = _transition("firing", 0), _transition("resolved", 5)
    owed = [(fired, "hook"), (fired, "topic:alerts"), (resolved, "hook")]
    alert_store.save_batch(backend, "live", [], [], [fired, resolved], owed)
    now_ms = to_ms(now()) + 1
    due = alert_store.due_outbox(backend, now_ms, ["hook"])
    assert [(r.transition.kind, r.target, r.attempts) for r in due] == [
        ("firing", "hook", 0), ("resolved", "hook", 0),
    ]  # fmt: skip
    alert_store.outbox_failed(backend, due[0], now_ms + 1000)
    assert [r.transition.kind for r in alert_store.due_outbox(backend, now_ms, ["hook"])] == [
        "resolved"
    ]
    (retry,) = alert_store.due_outbox(backend, now_ms + 1000, ["hook"])[:1]
    assert retry.attempts == 1
    alert_store.outbox_delivered(backend, retry, now_ms + 1000)
    notified = "SELECT kind, notified FROM alert_events ORDER BY at_ms"
    assert query(backend, notified) == [("firing", 1), ("resolved", 0)]
    (topic,) = alert_store.due_outbox(backend, now_ms, ["topic:alerts"])
    alert_store.outbox_delivered(backend, topic, now_ms, notification=False)
    assert alert_store.outbox_counts(backend) == {"delivered": 2, "pending": 1}
    expired = alert_store.expire_outbox(backend, now_ms + 10**9, now_ms)
    assert expired == [f"deaths/resolved@{to_ms(resolved.at)} to hook"]
    assert alert_store.outbox_counts(backend) == {"delivered": 2, "expired": 1}
    assert alert_store.due_outbox(backend, now_ms + 10**9, []) == []


def test_backtest_history_is_rebuilt_from_the_articles(backend: SqlStore) -> None:  # noqa: F811
    for n in range(3):
        backend.save(_stored(n, "replay", hours=n))
    since = WHEN + timedelta(hours=1)
    events = alert_store.history_observations(backend, "replay", since)
    assert [e.event_time for e in events] == [since, since + timedelta(hours=1)]
    assert {(e.killed, e.negotiations, e.actors) for e in events} == {
        (3, ("talks_held",), ("people",))
    }
