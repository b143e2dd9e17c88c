"""Layout pieces shared by the pages: the sidebar context, banners, articles, evidence."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard import data, model
from dashboard.drill import Drill
from dashboard.evidence import body_html, sentence_html
from wirewatch.language import is_analysed, language_name
from wirewatch.settings import Settings
from wirewatch.store.queries import ArticleFilter

EMPTY_HINT = (
    "No articles yet: run `wirewatch produce synthetic` and `wirewatch extractor`; "
    "this page fills in live."
)
WINDOW_HINT = "Nothing in this window: choose a wider window (or another run) in the sidebar."
COUNTS = (("killed", "killed"), ("wounded", "wounded"), ("negotiation", "negotiation events"))
# Card titles and values wrap instead of ending in an ellipsis; on a phone the card rows
# keep two cards abreast (Streamlit stacks every column), so the first chart is in reach.
LAYOUT_CSS = """<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; overflow-wrap: break-word; height: auto !important;
}
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
    flex-wrap: wrap !important; gap: 0.5rem !important;
  }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
    > [data-testid="stColumn"] {
    min-width: calc(50% - 0.25rem) !important; flex: 1 1 calc(50% - 0.25rem) !important;
  }
  [data-testid="stMetric"] { padding: 0.5rem !important; }
  h1 { padding-top: 0 !important; }
}
</style>"""
CONTEXT_KEY = "wirewatch_context"
DRILL_KEY = "wirewatch_drill"
ZOOM_KEY = "wirewatch_zoom"


@dataclass(frozen=True)
class Context:
    """What the sidebar chose, shared by every page of one run of the app."""

    settings: Settings
    run_id: str
    window_name: str
    bucket_name: str
    refresh: float | None
    custom: tuple[int, int] | None = None  # the absolute range, epoch ms

    @property
    def url(self) -> str:
        return self.settings.store_url

    def window(self) -> model.Window:
        """The chosen window as of now (or the brushed zoom, when one is set)."""
        zoom = st.session_state.get(ZOOM_KEY)
        if zoom:
            return model.Window(zoom[0], zoom[1], relative=True)
        found, _ = data.guarded("runs", data.runs, self.url)
        spans = {r["run_id"]: (r["first_ms"], r["last_ms"]) for r in found or []}
        return model.resolve_window(
            self.window_name, model.now_ms(), spans.get(self.run_id), self.custom
        )


def context() -> Context:
    """The context ``app.py`` stored for this run."""
    ctx: Context = st.session_state[CONTEXT_KEY]
    return ctx


def load_overview(ctx: Context) -> model.Overview | None:
    """The overview of the chosen run and window, or None (with a banner, or empty state)."""
    window = ctx.window()
    bucket, note = model.choose_bucket(ctx.bucket_name, window)
    if note:
        st.info(note, icon=":material/info:")
    ov, error = data.guarded("overview", data.overview, ctx.url, ctx.run_id, window, bucket)
    store_banner(ctx.url, error)
    if ov is not None and ov.figures["articles"] == 0 and not ov.tolls:
        empty_state(EMPTY_HINT if store_empty(ctx) else WINDOW_HINT)
        return None
    return ov


def alert_banner(ctx: Context) -> None:
    """A banner per firing alert rule of the chosen run, on every page."""
    from dashboard.sections.alerts import firing_banner

    data.guarded("firing", lambda: firing_banner(data.get_store(ctx.url), ctx.run_id))


def store_banner(url: str, error: str) -> None:
    """A red banner when the store cannot be read; the page goes on with what it has."""
    if error:
        st.error(
            f"Metrics store unreachable at `{url}`: {error}. Showing the last data loaded; "
            "check `WIREWATCH_STORE_URL`.",
            icon=":material/database_off:",
        )


def store_empty(ctx: Context) -> bool:
    """Whether the store holds no article at all (as far as the last read knows)."""
    found, _ = data.guarded("runs", data.runs, ctx.url)
    return not found


def empty_state(text: str = EMPTY_HINT) -> None:
    st.info(text, icon=":material/hourglass_empty:")


def kind_label(kind: str) -> str:
    """``military:airstrike`` as ``airstrike (military)``; other kinds unchanged."""
    category, sep, name = kind.partition(":")
    return f"{name} ({category})" if sep else kind


def _link(url: str | None) -> str:
    if url and url.startswith(("https://", "http://")):
        return f' · <a href="{html.escape(url, quote=True)}" target="_blank">link</a>'
    return ""


def article_header(article: Mapping[str, Any]) -> None:
    """Title, source, time and link, all escaped."""
    title = html.escape(article.get("title") or "(untitled)")
    meta = f"{html.escape(article['source'])} · {model.fmt_time(article['event_ms'])}"
    st.html(
        f"<div><strong>{title}</strong><br><small>{meta}{_link(article.get('url'))}</small></div>"
    )


def metric_line(metric: Mapping[str, Any], note: str = "") -> str:
    """One metric as HTML: what, how many, its evidence sentence (marked), a note below."""
    what = html.escape(kind_label(metric["kind"]))
    if metric["family"] == "casualty":
        where = f" in {html.escape(metric['place'])}" if metric.get("place") else ""
        what = f"{metric['value']:,} {what} ({html.escape(metric['scope'] or '')}){where}"
    below = f"<br><small>{note}</small>" if note else ""
    return f"<li><strong>{what}</strong>: {sentence_html(metric)}{below}</li>"


def evidence_list(metrics: Sequence[Mapping[str, Any]]) -> None:
    """Metrics and their evidence sentences, the triggering phrase highlighted."""
    if not metrics:
        st.caption("No metrics extracted from this article.")
        return
    st.html("<ul class='evidence'>" + "".join(metric_line(m) for m in metrics) + "</ul>")


def counts_line(article: Mapping[str, Any]) -> str:
    """``12 killed · 30 wounded · 2 negotiation events · 9 metrics`` (zeros left out).

    An article in a language the extractor does not analyse says so: it has no figures,
    which is not the same as zero casualties.
    """
    language = article.get("language")
    if language and not is_analysed(language):
        return f"not analysed: written in {language_name(language)}"
    parts = [f"{article[key]:,} {label}" for key, label in COUNTS if article.get(key)]
    parts.append(f"{len(article.get('metrics', [])):,} metrics")
    return " · ".join(parts)


def article_card(article: Mapping[str, Any]) -> None:
    """One line per article (headline, source, time, counts); evidence and text folded."""
    with st.container(border=True):
        article_header(article)
        metrics = article.get("metrics", [])
        with st.expander(counts_line(article)):
            if metrics or is_analysed(article.get("language") or "en"):
                evidence_list(metrics)
            st.html(f"<div class='article-body'>{body_html(article['body'], metrics)}</div>")


SHOWN = 50  # drill rows listed on the page; the export holds every fetched row


def drill_rows(rows: Sequence[Mapping[str, Any]], total: int, limit: int = SHOWN) -> None:
    """The metrics behind a figure: article, time, value and the sentence that said it."""
    if not rows:
        st.caption("Nothing behind this selection in the current window.")
        return
    items = []
    for row in rows[:limit]:
        title = html.escape(row.get("title") or "(untitled)")
        meta = f"{html.escape(row['source'])} · {model.fmt_time(row['event_ms'])}"
        items.append(metric_line(row, f"{title} — {meta}"))
    st.html("<ul class='evidence'>" + "".join(items) + "</ul>")
    shown_caption(min(limit, len(rows)), total)


def shown_caption(shown: int, total: int) -> None:
    """``Showing 50 of 235.`` when not everything is listed."""
    if total > shown:
        st.caption(f"Showing {shown:,} of {total:,}.")


def show_drill(ctx: Context, target: Drill) -> list[dict[str, Any]]:
    """The articles, or the metrics and evidence sentences, behind ``target``; return the rows."""
    span = (ctx.url, ctx.run_id, target.start_ms, target.end_ms)
    if target.articles:
        found, error = data.guarded("drill_articles", data.drill_articles, *span, target.source)
        filters = ArticleFilter(
            start_ms=target.start_ms, end_ms=target.end_ms, source=target.source
        )
        total, _ = data.guarded(
            "drill_articles_count", data.article_count, ctx.url, ctx.run_id, filters
        )
        store_banner(ctx.url, error)
        for article in (found or [])[:SHOWN]:
            article_header(article)
        if not found:
            st.caption("No articles in this span.")
        shown_caption(min(SHOWN, len(found or [])), total or 0)
        return list(found or [])
    rows, error = data.guarded("drill", data.drilldown, *span, **target.match())
    total, _ = data.guarded("drill_count", data.drill_count, *span, **target.match())
    store_banner(ctx.url, error)
    drill_rows(rows or [], total or len(rows or []))
    return list(rows or [])
