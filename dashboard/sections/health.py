"""Pipeline health: broker, consumer lag, processing rate, dead letters, last message."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, health, model, views
from wirewatch.settings import Settings

RATE_MINUTES = 5
HISTORY_MINUTES = 60


def broker(settings: Settings) -> bool:
    status = health.broker_status(settings.bootstrap_servers)
    if not status.reachable:
        st.error(
            f"Kafka broker unreachable at `{status.address}`: start it with "
            "`wirewatch broker start` or check `KAFKA_BOOTSTRAP_SERVERS`. "
            "Showing what the store knows.",
            icon=":material/cloud_off:",
        )
    return status.reachable


def lag(settings: Settings) -> None:
    st.subheader(f"Consumer lag: group `{settings.group_id}` on `{settings.topics.articles}`")
    rows, error = data.guarded(
        "lag",
        health.cached_lag,
        settings.bootstrap_servers,
        settings.group_id,
        settings.topics.articles,
    )
    if error:
        st.warning(f"Could not read consumer lag: {error}", icon=":material/warning:")
    if rows:
        st.metric("Total lag (messages)", f"{sum(r['lag'] for r in rows):,}")
        st.dataframe(rows, hide_index=True, key="lag_table")


def figures(ctx: views.Context, reachable: bool) -> None:
    now = model.now_ms()
    stats, error = data.guarded(
        "processing", data.processing, ctx.url, now - HISTORY_MINUTES * model.MINUTE, now
    )
    letters, letters_error = data.guarded("dead_letters", data.dead_letters, ctx.url)
    views.store_banner(ctx.url, error or letters_error)
    recent = sum(
        r["articles"]
        for r in (stats or {}).get("per_minute", [])
        if r["minute_ms"] >= now - RATE_MINUTES * model.MINUTE
    )
    cols = st.columns(4)
    cols[0].metric("Broker", "reachable" if reachable else "unreachable", border=True)
    cols[1].metric(
        "Processing rate",
        f"{recent / RATE_MINUTES:,.1f} / min",
        help=f"articles processed in the last {RATE_MINUTES} min",
        border=True,
    )
    cols[2].metric("Dead letters", f"{(letters or {}).get('total', 0):,}", border=True)
    last = (stats or {}).get("last_processed_ms")
    cols[3].metric(
        "Last message processed", model.fmt_age(last, now), help=model.fmt_time(last), border=True
    )
    if stats and stats["per_minute"]:
        st.altair_chart(charts.rate_chart(stats["per_minute"]))
    elif stats is not None:
        views.empty_state()
    dead(letters)


def dead(letters: dict[str, object] | None) -> None:
    st.subheader("Latest dead letters")
    latest = list((letters or {}).get("latest", []))  # type: ignore[call-overload]
    if not latest:
        st.caption("No dead letters: every record so far was processed.")
        return
    shown = [{**row, "failed_ms": model.fmt_time(row["failed_ms"])} for row in latest]
    st.dataframe(shown, hide_index=True, key="dead_table")


@st.fragment(run_every=views.context().refresh)
def live() -> None:
    ctx = views.context()
    views.alert_banner(ctx)  # live: re-read every refresh
    reachable = broker(ctx.settings)
    figures(ctx, reachable)
    if reachable:
        lag(ctx.settings)


def supervised(settings: Settings) -> None:
    """Restarts and last exits of the services ``wirewatch up`` supervises (its status file)."""
    from wirewatch.host import pid_alive
    from wirewatch.supervisor import STATUS_FILE, read_status

    status = read_status(settings.data_dir / STATUS_FILE)
    if not status:
        return
    st.subheader("Supervised services")
    pid = int(status.get("pid") or 0)
    if pid <= 0 or not pid_alive(pid):
        st.caption(f"`wirewatch up` is not running; last status from {status.get('updated')}.")
    st.dataframe(status.get("services", []), hide_index=True, key="supervised_table")


def sources() -> None:
    """The desk's feeds (wirewatch feeds) and the articles in languages not analysed."""
    from wirewatch.language import ANALYSED, language_name
    from wirewatch.store.feeds import feed_health
    from wirewatch.store.languages import unanalysed_by_language

    ctx = views.context()
    skipped, _ = data.guarded(
        "languages", lambda: unanalysed_by_language(data.get_store(ctx.url), ctx.run_id)
    )
    analysed = ", ".join(language_name(code) for code in sorted(ANALYSED))
    for language, count in skipped or []:
        st.warning(f"{count:,} articles in {language_name(language)} not analysed "
                   f"(analysed: {analysed})", icon=":material/translate:")  # fmt: skip
    feeds, _ = data.guarded("feeds", lambda: feed_health(data.get_store(ctx.url)))
    if not feeds:
        return
    st.subheader("Feeds")
    now = model.now_ms()
    st.dataframe([{"feed": f.title or f.url, "url": f.url,
                   "status": f.status,
                   "last success": model.fmt_age(f.last_success_ms, now),
                   "last error": f.last_error if f.failing else "", "items seen": f.items_seen,
                   "items / hour": f.items_per_hour(now)} for f in feeds],
                 hide_index=True, key="feeds_table")  # fmt: skip


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import its parts
    st.title("Pipeline health")
    live()
    supervised(views.context().settings)
    sources()
