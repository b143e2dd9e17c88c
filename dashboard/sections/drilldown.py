"""Drill-down: the incidents, articles and evidence sentences behind a figure or a chart point."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from dashboard import data, drill, export, model, share, views
from dashboard.evidence import body_html, mark_spans
from wirewatch.store import incidents as incident_store

SHOWN_INCIDENTS = 50
EVIDENCE_KEY = "drill_incident_evidence"


@st.cache_data(ttl=data.TTL_SECONDS, show_spinner=False)
def incidents(url: str, run_id: str, start_ms: int, end_ms: int, kind: str,
              place: str | None) -> list[dict[str, Any]]:  # fmt: skip
    """The incidents behind a figure, each with its member reports (and their articles)."""
    store = data.get_store(url)
    found = incident_store.incidents_of_kind(store, run_id, start_ms, end_ms, kind, limit=2000)
    found = [i for i in found if drill.place_fits(i, place)][:SHOWN_INCIDENTS]
    members = incident_store.incident_members(store, run_id, [i["incident_id"] for i in found])
    return [{**inc, "members": members[inc["incident_id"]]} for inc in found]


def member_line(member: dict[str, Any]) -> str:
    """One report: its figure, the outlet, the time, a link and the article's title."""
    title = html.escape(member.get("title") or "(article not stored)")
    link = views._link(member.get("url"))  # noqa: SLF001  # the shared escaped link
    what = f"{member['figure']:,}" + ("" if member["exact"] else " (or so)")
    meta = f"{html.escape(member['source'])} · {model.fmt_time(member['published_ms'])}"
    return f"<small><strong>{what}</strong> · {meta}{link} · {title}</small>"


def show_incidents(ctx: views.Context, target: drill.Drill) -> None:
    """Each incident behind the figure: figure, interval, place, members; every member's
    sentence is a button that shows it marked in its article."""
    kind = drill.incident_kind(target)
    if kind is None:
        return
    found, error = data.guarded("drill_incidents", incidents, ctx.url, ctx.run_id,
                                target.start_ms, target.end_ms, kind, target.place)  # fmt: skip
    views.store_banner(ctx.url, error)
    st.subheader("Incidents behind this figure")
    if not found:
        st.caption("No linked incidents in this span (is `wirewatch incidenter` running?).")
        return
    total = sum(i["figure"] for i in found)
    st.caption(f"{len(found):,} incident(s), {total:,} {kind} in all: each incident once, at its "
               "figure (the latest from the most authoritative report), never a sum of "
               "reports; click a sentence to see it in its article.")  # fmt: skip
    chosen = st.session_state.get(EVIDENCE_KEY)
    for inc in found:
        with st.expander(drill.incident_label(inc)):
            for member in inc["members"]:
                key = f"{inc['incident_id']}|{member['article_id']}|{member['ordinal']}"
                st.html(member_line(member))
                if st.button(drill.plain(member["sentence"]), key=f"evidence:{key}",
                             type="tertiary"):  # fmt: skip
                    chosen = st.session_state[EVIDENCE_KEY] = key
                if chosen == key:
                    article_text(member)


def article_text(member: dict[str, Any]) -> None:
    """The member's article with its evidence sentence marked (or the sentence alone)."""
    body = member.get("body")
    if body:
        st.html(f"<div class='evidence-body'>{body_html(body, [member])}</div>")
    else:
        sentence = member["sentence"]
        st.html(f"<div class='evidence-body'>{mark_spans(sentence, [(0, len(sentence))])}</div>")


@st.fragment(run_every=views.context().refresh)
def live() -> None:
    ctx = views.context()
    views.alert_banner(ctx)
    ov = views.load_overview(ctx)
    if ov is None:
        return
    figures = drill.figure_drills(ov)
    last: drill.Drill | None = st.session_state.get(views.DRILL_KEY)
    options = list(figures)
    if last is not None and last.label not in figures:
        figures[last.label] = last
        options.insert(0, last.label)
    share.drop_unknown("drill_figure", options)
    label = st.selectbox("Figure", options, key="drill_figure")
    share.publish("drilldown")
    target = figures[label]
    st.caption(model.fmt_span(target.start_ms, target.end_ms))
    show_incidents(ctx, target)
    if drill.incident_kind(target):
        st.subheader("Reports in articles")
    rows = views.show_drill(ctx, target)
    export.buttons(rows, "wirewatch-drilldown", "export.drilldown")


if __name__ == "__main__":  # Streamlit runs a page as __main__; tests import its parts
    st.title("Drill-down")
    st.caption("Pick a headline figure, or click a point on the Overview charts to bring it here.")
    live()
