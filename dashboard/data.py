"""Cached data access: one shared store per process, short-lived cached query results.

Cached functions take the store URL (hashable) rather than the store, so each URL
gets its own store object and its own results. :func:`guarded` turns a failing
read into a banner message and the last value that worked, so a page keeps
showing what it has while the store is away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from dashboard import model
from wirewatch.store import SqlStore, open_store, queries
from wirewatch.store import incidents as incident_store

log = logging.getLogger(__name__)

TTL_SECONDS = 1.0
T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def get_store(url: str) -> SqlStore:
    """The process-wide store at ``url`` (shared by sessions; calls are serialised)."""
    return open_store(url)


def guarded(name: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T | None, str]:
    """Call ``fn``; on failure return the last good result for ``name`` and the error text."""
    last = st.session_state.setdefault("_last_good", {})
    try:
        value = fn(*args, **kwargs)
    except Exception as exc:  # any store failure: keep serving what the page already has
        log.warning("dashboard read %s failed: %s", name, exc)
        get_store.clear()
        return last.get(name), f"{type(exc).__name__}: {exc}"
    last[name] = value
    return value, ""


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def runs(url: str) -> list[dict[str, Any]]:
    """Runs in the store, ``live`` first."""
    return queries.runs(get_store(url))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def overview(url: str, run_id: str, window: model.Window, bucket_ms: int) -> model.Overview:
    """Everything the overview page draws."""
    return model.load_overview(get_store(url), run_id, window, bucket_ms)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def incident_headline(url: str, run_id: str, window: model.Window) -> dict[str, Any] | None:
    """People per kind in incidents first reported in the window and in the one before (each
    incident once); None while the incidents service has linked nothing in the run."""
    store = get_store(url)
    if incident_store.newest_ms(store, run_id) is None:
        return None
    before = window.previous()
    totals = incident_store.incident_totals
    return {
        "now": totals(store, run_id, window.start_ms, window.end_ms),
        "before": totals(store, run_id, before.start_ms, before.end_ms) if before else None,
        "tolls": incident_store.latest_toll_series(store, run_id, window.end_ms),
        "tolls_before": incident_store.latest_toll_series(store, run_id, window.start_ms),
    }


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def articles(url: str, run_id: str, filters: queries.ArticleFilter, limit: int) -> list[Any]:
    """The filtered feed, each article with its metrics and evidence."""
    store = get_store(url)
    found = queries.recent_articles(store, run_id, filters, limit)
    for article in found:
        article["metrics"] = queries.article_metrics(store, run_id, article["article_id"])
    return found


@st.cache_data(ttl=10 * TTL_SECONDS, show_spinner=False)
def filter_options(url: str, run_id: str) -> dict[str, list[str]]:
    """Values for the article filters."""
    return queries.filter_options(get_store(url), run_id)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def drilldown(url: str, run_id: str, start_ms: int, end_ms: int, **match: Any) -> list[Any]:
    """Metrics and evidence behind a figure or a chart point."""
    return queries.drilldown(get_store(url), run_id, start_ms, end_ms, **match)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def drill_articles(
    url: str, run_id: str, start_ms: int, end_ms: int, source: str | None = None
) -> list[Any]:
    """Articles published in a span (the drill-down of the article count), of one source."""
    filters = queries.ArticleFilter(start_ms=start_ms, end_ms=end_ms, source=source)
    return queries.recent_articles(get_store(url), run_id, filters, 200)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def drill_count(url: str, run_id: str, start_ms: int, end_ms: int, **match: Any) -> int:
    """How many metrics match a drill (the drill's rows are capped; this is the count)."""
    return queries.drilldown_count(get_store(url), run_id, start_ms, end_ms, **match)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def article_count(url: str, run_id: str, filters: queries.ArticleFilter) -> int:
    """How many articles pass ``filters`` (the feed is capped; this is the count)."""
    return queries.count_articles(get_store(url), run_id, filters)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def processing(url: str, since_ms: int, until_ms: int) -> dict[str, Any]:
    """Processing rate and last message times."""
    return queries.processing(get_store(url), since_ms, until_ms)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def dead_letters(url: str) -> dict[str, Any]:
    """Dead-letter count and the latest failures."""
    return queries.dead_letter_summary(get_store(url))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def alert_thresholds(url: str, metrics: tuple[str, ...]) -> list[tuple[str, float, str, int]]:
    """Enabled alert rules on ``metrics``: (label, threshold, aggregation, window seconds)."""
    from wirewatch.store import alerts as alert_store

    return [
        (
            f"{rule.name} ({rule.metric} {rule.comparator} {rule.threshold:g})",
            rule.threshold,
            rule.aggregation,
            rule.window_seconds,
        )
        for rule in alert_store.load_rules(get_store(url))
        if rule.enabled and rule.metric in metrics
    ]
