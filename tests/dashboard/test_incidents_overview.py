"""The Overview headline reads incidents (each counted once) once the incidents service runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from streamlit.testing.v1 import AppTest

from consumers.extraction import extract
from consumers.incidents.batch import make_tracker
from consumers.incidents.reports import ArticleInfo
from consumers.incidents.service import update_rows
from tests.dashboard.test_app import metrics
from wirewatch.store import incidents as incident_store
from wirewatch.store import open_store

REPORTS = [
    ("Strike on Rafah home kills 19", "An airstrike on a house in Rafah killed 19 people, "
     "the health ministry said."),
    ("More than 15 killed in Rafah", "More than 15 people were killed in an air raid on Rafah, "
     "witnesses said."),
    ("Rafah strike", "Medics in Rafah said 19 people were killed when a missile struck a home. "
     "The death toll in Gaza has risen to 34,100, the health ministry said."),
]  # fmt: skip


def link(url: str, base: datetime) -> None:
    """Three outlets report one strike; the incidents service's rows are stored."""
    store = open_store(url)
    tracker = make_tracker()
    for seq, (title, body) in enumerate(REPORTS):
        at = int((base - timedelta(minutes=30 - seq)).timestamp() * 1000)
        update = tracker.add(ArticleInfo(f"R{seq}", title, "wire", at), body, extract(body))
        row = (f"R{seq}", seq, update.story, at, update.signature.tobytes(), "")
        incident_store.save_linked(store, "live", row, *update_rows(update))
    store.close()


def test_headline_counts_one_incident_once_and_tolls_name_their_authority(
    filled: datetime, store_url: str, app: Callable[..., AppTest]
) -> None:
    link(store_url, filled)
    shown = metrics(app())
    assert shown["People killed (new incidents)"][0] == "19"  # not 19 + 15 + 19 + the articles'
    assert shown["Death toll, Gaza · Health Ministry"][0] == "34,100"
    assert not any(label.endswith("place unspecified") for label in shown)
