"""Shareable views: the URL's query parameters restore the view, and follow it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import share

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
Run = Callable[..., AppTest]


def test_params_and_state_round_trip() -> None:
    params = {"run": "replay-1", "window": "Absolute range", "from": "2025-01-01 06:30",
              "to": "2025-01-03", "bucket": "2 d", "source": "AP", "zoom": "1000-5000",
              "bogus": "x"}  # fmt: skip
    state = share.params_to_state(params)
    assert state["run"] == "replay-1" and state["f_source"] == "AP"
    assert (state["share.from"], state["share.to"]) == ("2025-01-01 06:30", "2025-01-03")
    assert state[share.ZOOM_KEY] == (1000, 5000)
    back = share.state_to_params(state, "articles")
    assert back == {k: v for k, v in params.items() if k != "bogus"}
    assert "source" not in share.state_to_params(state, "")  # the Articles page's filter


def test_a_range_travels_only_with_an_absolute_window() -> None:
    state = {"window": "Last 24 h", "abs_from": "2025-01-01", "abs_to": "2025-01-02"}
    assert share.state_to_params(state) == {"window": "Last 24 h"}


def test_links_with_older_names_open_the_same_view() -> None:
    state = share.params_to_state({"window": "Custom", "from": "2025-01-01", "to": "2025-01-03",
                                   "bucket": "1 day"})  # fmt: skip
    assert (state["window"], state["bucket"]) == ("Absolute range", "1 d")
    assert share.params_to_state({"window": "Last 24 h"})["window"] == "Last 24 h"
    assert share.params_to_state({"window": "Last hour"})["window"] == "Last 1 h"


def test_mangled_params_are_ignored() -> None:
    state = share.params_to_state({"window": "Last 1 h", "zoom": "soon-later"})
    assert share.ZOOM_KEY not in state and state["window"] == "Last 1 h"
    assert share.state_to_params({"window": "Last 1 h", "run": "live", "f_source": "Any"}) == {}


def opened(params: dict[str, str], page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.usefixtures("filled")
def test_a_shared_overview_link_restores_window_and_figure() -> None:
    at = opened({"window": "Last 24 h", "figure": "People killed (new incidents)"})
    assert at.selectbox(key="window").value == "Last 24 h"
    assert at.selectbox(key="figure").value == "People killed (new incidents)"
    assert any(m.value == "**Behind: killed**" for m in at.markdown)
    killed = {m.label: m.value for m in at.metric}["People killed (new incidents)"]
    assert killed == "19"  # the last day holds A4 too


@pytest.mark.usefixtures("filled")
def test_the_url_follows_the_view() -> None:
    at = opened({})
    at.selectbox(key="window").set_value("Last 7 d").run()
    at.selectbox(key="run").set_value("replay-1").run()
    assert at.query_params["window"] == "Last 7 d"
    assert at.query_params["run"] == "replay-1"


@pytest.mark.usefixtures("filled")
def test_a_stale_link_opens_the_default_view() -> None:
    at = opened({"run": "no-such-run", "window": "Last century", "figure": "Nope"})
    assert at.selectbox(key="run").value == "live"
    assert at.selectbox(key="window").value == "Last 1 h"
    assert at.selectbox(key="figure").value == "—"


@pytest.mark.usefixtures("filled")
def test_new_articles_wait_behind_a_bar(store_url: str) -> None:
    from datetime import UTC, datetime, timedelta

    from tests.dashboard.sample import article
    from wirewatch.store import open_store

    at = opened({}, "sections/articles.py")
    assert "Shelling in Khan Younis" in "".join(h.proto.body for h in at.html)
    store = open_store(store_url)
    store.save(article("Fresh.", datetime.now(UTC) - timedelta(seconds=5), title="Fresh news",
                       source="AP"))  # fmt: skip
    store.close()
    at.run()
    assert "Fresh news" not in "".join(h.proto.body for h in at.html)  # the list holds still
    bar = at.button(key="articles.newer")
    assert bar.label == "1 new article — show"
    bar.click().run()
    assert "Fresh news" in "".join(h.proto.body for h in at.html)


@pytest.mark.usefixtures("filled")
def test_controls_that_do_not_apply_are_hidden_and_kept() -> None:
    at = opened({"window": "Last 24 h"})
    at.switch_page("sections/alerts.py").run()
    keys = {s.key for s in at.sidebar.selectbox}
    assert "window" not in keys and "bucket" not in keys and "run" not in keys
    at.switch_page("sections/overview.py").run()
    assert at.selectbox(key="window").value == "Last 24 h"
