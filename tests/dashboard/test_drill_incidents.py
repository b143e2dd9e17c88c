"""The drill-down lists the incidents behind a figure; every member sentence opens its article."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from streamlit.testing.v1 import AppTest

from consumers.extraction import extract
from consumers.incidents.batch import make_tracker
from consumers.incidents.reports import ArticleInfo
from consumers.incidents.service import update_rows
from dashboard import drill
from tests.dashboard.test_app import html
from tests.dashboard.test_incidents_overview import REPORTS
from wirewatch.events import ArticleEvent
from wirewatch.metrics import ArticleMetrics
from wirewatch.store import incidents as incident_store
from wirewatch.store import open_store

FIGURE = "People killed (new incidents)"


def link(url: str, base: datetime) -> None:
    """Three outlets report one strike: the articles and the incidents service's rows."""
    store = open_store(url)
    tracker = make_tracker()
    for seq, (title, body) in enumerate(REPORTS):
        at = base - timedelta(minutes=30 - seq)
        article = ArticleEvent.create(source=f"outlet{seq}", title=title, body=body,
                                      published_at=at)  # fmt: skip
        store.save(ArticleMetrics(article, extract(body), at))
        info = ArticleInfo(article.article_id, title, article.source, int(at.timestamp() * 1000))
        update = tracker.add(info, body, extract(body))
        row = (article.article_id, seq, update.story, info.published_ms,
               update.signature.tobytes(), "")  # fmt: skip
        incident_store.save_linked(store, "live", row, *update_rows(update))
    store.close()


def test_the_drill_lists_incidents_and_each_sentence_opens_its_article(
    filled: datetime, store_url: str, app: Callable[..., AppTest]
) -> None:
    link(store_url, filled)
    at = app("sections/drilldown.py")
    at.selectbox(key="drill_figure").set_value(FIGURE).run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [e.label for e in at.expander]
    assert any(lab.startswith("19 killed · Rafah · reported 15–19 · 3 articles") for lab in labels)
    sentences = [b for b in at.button if b.key and b.key.startswith("evidence:")]
    rafah = [b for b in sentences if "Rafah" in b.label]
    assert len(rafah) == 3  # every member's sentence, each clickable
    assert "evidence-body" not in html(at)  # no article open yet
    rafah[1].click().run()
    (opened,) = [h.proto.body for h in at.html if "evidence-body" in h.proto.body]
    assert "<mark>More than 15 people were killed in an air raid on Rafah" in opened
    assert "outlet1" in html(at)


def test_incident_labels_and_filters_are_plain() -> None:
    incident = {"figure": 24, "kind": "killed", "place": "Khan Younis", "low": 15, "high": 24,
                "articles": 1, "first_ms": 0}  # fmt: skip
    assert drill.incident_label(incident).startswith(
        "24 killed · Khan Younis · reported 15–24 · 1 article · first"
    )
    assert drill.place_fits(incident, "Gaza") and drill.place_fits(incident, None)
    assert not drill.place_fits(incident, "Rafah")
    assert drill.plain("A *bold* [link](x) :fire:") == r"A \*bold\* \[link\]\(x\) \:fire\:"
    target = drill.series_drill("killed", 0, 1, "killed")
    assert drill.incident_kind(target) == "killed"
    assert drill.incident_kind(drill.series_drill("negotiations", 0, 1, "n")) is None
