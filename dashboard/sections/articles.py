"""Articles: the live feed, newest first, filterable; each with its metrics and evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import streamlit as st

from dashboard import data, export, share, views
from wirewatch.store.queries import ArticleFilter

ANY = "Any"
PIN_KEY = "articles.pinned"  # ((run, filters), event time of the newest article shown)
NO_MATCH = "No article matches these filters: clear some of them."


def choose(
    col: Any, label: str, options: list[str], key: str, fmt: Callable[[str], str] = str
) -> str | None:
    """A selectbox with an "Any" choice; ``None`` when Any is chosen."""
    share.drop_unknown(key, [ANY, *options])
    value = col.selectbox(
        label, [ANY, *options], key=key, format_func=lambda v: v if v == ANY else fmt(v)
    )
    return None if value == ANY else str(value)


def filters(ctx: views.Context) -> tuple[ArticleFilter, int]:
    options, _ = data.guarded("filter_options", data.filter_options, ctx.url, ctx.run_id)
    options = options or {"sources": [], "actors": [], "locations": [], "kinds": []}
    cols = st.columns([1, 1, 1, 1, 2, 0.8])
    chosen = ArticleFilter(
        source=choose(cols[0], "Source", options["sources"], "f_source"),
        actor=choose(cols[1], "Actor", options["actors"], "f_actor"),
        location=choose(cols[2], "Location", options["locations"], "f_location"),
        kind=choose(cols[3], "Metric kind", options["kinds"], "f_kind", views.kind_label),
        text=cols[4].text_input("Search title and text", key="f_text").strip() or None,
    )
    limit = cols[5].selectbox("Show", [25, 50, 100], index=1, key="f_limit")
    return chosen, int(limit)


def show_newer() -> None:
    """The "N new articles — show" bar was clicked: let the list move up to now."""
    st.session_state.pop(PIN_KEY, None)
    data.articles.clear()  # the list up to now, not the one cached before the bar showed


def pinned(ctx: views.Context, chosen: ArticleFilter) -> tuple[ArticleFilter, int]:
    """The list as of the newest article shown, and how many arrived since (the list
    does not move under the reader; a bar offers the new ones)."""
    view = (ctx.run_id, chosen)
    pin = st.session_state.get(PIN_KEY)
    if pin is None or pin[0] != view:
        return chosen, 0
    newer, _ = data.guarded("articles_newer", data.article_count, ctx.url, ctx.run_id,
                            replace(chosen, start_ms=pin[1] + 1))  # fmt: skip
    return replace(chosen, end_ms=pin[1] + 1), newer or 0


@st.fragment(run_every=views.context().refresh)
def feed(chosen: ArticleFilter, limit: int) -> None:
    ctx = views.context()
    views.alert_banner(ctx)
    shown, newer = pinned(ctx, chosen)
    if newer:
        label = f"{newer:,} new article{'s' if newer != 1 else ''} — show"
        st.button(label, icon=":material/arrow_upward:", on_click=show_newer, key="articles.newer")
    found, error = data.guarded("articles", data.articles, ctx.url, ctx.run_id, shown, limit)
    pin = st.session_state.get(PIN_KEY)
    if found and (pin is None or pin[0] != (ctx.run_id, chosen)):
        st.session_state[PIN_KEY] = ((ctx.run_id, chosen), int(found[0]["event_ms"]))
    views.store_banner(ctx.url, error)
    if found is None:
        return
    if not found:
        filtered = chosen != ArticleFilter() and not views.store_empty(ctx)
        views.empty_state(NO_MATCH if filtered else views.EMPTY_HINT)
        return
    st.caption(f"{len(found):,} newest articles of run `{ctx.run_id}`, newest first")
    export.buttons(found, f"wirewatch-articles-{ctx.run_id}", "export.articles")
    for article in found:
        views.article_card(article)


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import its parts
    st.title("Articles")
    feed(*filters(views.context()))
